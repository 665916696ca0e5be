/**
 * The specialist's worklist (issue 11 item 9): the facts of their caseload in a constant number of
 * statements whatever its size (tests/integration/worklist.test.ts counts them), ordered and bounded by
 * app/domain/worklist.ts.
 */
import { mentorNeed, type RhythmState } from "~/domain/mentoring";
import type { Actor } from "~/domain/policy";
import { addDays, todayInRiga, type IsoDate } from "~/domain/dates";
import { worklist, WORKLIST_DOCUMENT_DAYS, type LeaverMonths, type ReviewWorklistEntry, type WorklistSection } from "~/domain/worklist";
import type { Owner } from "~/domain/vocabulary";
import { prepared } from "~/utils/statements.server";
import { keptRecordsRead } from "./plan-reads.server";
import { unresolvedHelpOf } from "./help.server";
import { recentChecksOf } from "./wellbeing.server";
import type { CaseCard } from "./young-people.server";

// Prepared once (the specialist's home asks on every view; it was prepared anew on each).
const overdueAdultStepRows = prepared(`
  SELECT p.young_person_id AS youngPersonId, s.owner AS owner, count(*) AS count, min(s.due_date) AS oldestDue
  FROM steps s JOIN goals g ON g.id = s.goal_id JOIN plans p ON p.id = g.plan_id
  WHERE p.young_person_id IN (SELECT value FROM json_each(?))
    AND g.status IN ('planned', 'in_progress') AND s.done_at IS NULL AND s.owner <> 'youth'
    AND s.due_date IS NOT NULL AND s.due_date < ?
  GROUP BY p.young_person_id, s.owner`);

/**
 * Open adult-owned steps of open goals past their due date, per record and owner (one statement over
 * every step of the caseload's plans), kept under the plans' revisions and the day (decision 042): it
 * reads only goals and steps.
 */
const overdueAdultSteps = keptRecordsRead(
  "overdueAdultSteps",
  (ids: readonly string[], today: IsoDate) =>
    overdueAdultStepRows().all(JSON.stringify(ids), today) as Array<{ youngPersonId: string; owner: Owner; count: number; oldestDue: IsoDate }>,
);

const expiringDocumentRows = prepared(`
  SELECT p.young_person_id AS youngPersonId, d.id AS id, d.kind AS kind, d.label AS label, d.expires_on AS expiresOn
  FROM plan_documents d JOIN plans p ON p.id = d.plan_id
  WHERE p.young_person_id IN (SELECT value FROM json_each(?)) AND d.status = 'have'
    AND d.expires_on IS NOT NULL AND d.expires_on <= ?`);

/** Documents the young person has that expired or expire within 60 days (one statement). */
function expiringDocumentsOf(ids: readonly string[], today: IsoDate) {
  return expiringDocumentRows().all(JSON.stringify(ids), addDays(today, WORKLIST_DOCUMENT_DAYS)) as Array<{
    youngPersonId: string;
    id: string;
    kind: string;
    label: string | null;
    expiresOn: IsoDate;
  }>;
}

const dayOf = (ms: number) => todayInRiga(new Date(ms));

/**
 * The worklist of a specialist's caseload. `reviews` are the review rows (overdue, due, requested) of
 * these records; the reviews module provides them.
 */
export function specialistWorklist(
  _actor: Actor,
  caseload: readonly CaseCard[],
  rhythms: Record<string, RhythmState>,
  today: IsoDate,
  options: { leaverMonths: LeaverMonths; reviews: readonly ReviewWorklistEntry[] },
): WorklistSection[] {
  const ids = caseload.map((c) => c.id);
  if (ids.length === 0)
    return worklist({ today, leaverMonths: options.leaverMonths, people: [], help: [], reviews: [], wellbeing: [], overdueSteps: [], documents: [] });
  return worklist({
    today,
    leaverMonths: options.leaverMonths,
    people: caseload.map((c) => ({
      id: c.id,
      displayName: c.displayName,
      phase: c.summary.phase,
      careEnd: c.summary.careEnd,
      mentoringStart: c.summary.mentoringWindow.start,
      mentorNeed: mentorNeed(c.summary.mentoringWindow, c.mentor !== null, today),
      rhythm: rhythms[c.id] ?? null,
    })),
    help: unresolvedHelpOf(ids).map((h) => ({ id: h.id, youngPersonId: h.youngPersonId, status: h.status, createdOn: dayOf(h.createdAt) })),
    reviews: options.reviews,
    wellbeing: recentChecksOf(ids, today),
    overdueSteps: overdueAdultSteps(ids, today),
    documents: expiringDocumentsOf(ids, today),
  });
}
