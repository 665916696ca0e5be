/**
 * The lead's home at national scale (issue 15): the organisation's records are counted by phase and
 * "needs a mentor" in one aggregate statement, and the lists show one page each (the records whose
 * care ends soonest, optionally of one phase; those who need a mentor), paged in SQL by the
 * (organisation, care end, id) index. A constant number of statements whatever the organisation's
 * size, none with an `IN` list of the whole organisation. The phase and need rules are the domain's,
 * spelled as date bounds (app/domain/case-list.ts).
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { youngPeople } from "../../db/schema";
import {
  CASE_PAGE_SIZE,
  NEEDS_MENTOR_PAGE_SIZE,
  caseListBounds,
  mentorNeedByBounds,
  pageWithin,
  type CaseListBounds,
  type CaseListQuery,
} from "~/domain/case-list";
import type { IsoDate } from "~/domain/dates";
import type { MentorNeed } from "~/domain/mentoring";
import { PHASES, type Phase } from "~/domain/phase";
import type { Actor } from "~/domain/policy";
import { getDb } from "~/utils/db.server";
import { caseCards, type CaseCard } from "./young-people.server";

/** The very expression of young_people_care_end_idx, so that SQLite pages by that index. */
const CARE_END = sql`coalesce(${youngPeople.actualCareEndDate}, ${youngPeople.plannedCareEndDate})`;

function closedOf(b: CaseListBounds): SQL {
  return sql`(${CARE_END} <= ${b.closedCareEndBy} or ${youngPeople.dateOfBirth} <= ${b.closedBornBy})`;
}

/** The records in this phase (phaseByBounds, as SQL). */
function inPhase(phase: Phase, b: CaseListBounds): SQL {
  const closed = closedOf(b);
  switch (phase) {
    case "closed":
      return closed;
    case "aftercare":
      return sql`not ${closed} and ${CARE_END} <= ${b.aftercareCareEndBy}`;
    case "transition":
      return sql`not ${closed} and ${CARE_END} > ${b.aftercareCareEndBy} and ${CARE_END} <= ${b.transitionCareEndBy}`;
    case "preparation":
      return sql`not ${closed} and ${CARE_END} > ${b.transitionCareEndBy}`;
  }
}

/** Not closed, the window open or opening within the look-ahead, and no active mentor (mentorNeed, as SQL). */
function needsMentor(b: CaseListBounds): SQL {
  return sql`not ${closedOf(b)} and ${CARE_END} <= ${b.needsMentorCareEndBy}
    and not exists (select 1 from mentorships m where m.young_person_id = ${youngPeople.id} and m.status = 'active')`;
}

export interface LeadCaseCounts {
  total: number;
  byPhase: Record<Phase, number>;
  needsMentor: number;
}

/** The organisation's records by phase and how many need a mentor: one statement, no row per person. */
export function leadCaseCounts(organisationId: string, b: CaseListBounds): LeadCaseCounts {
  const sums = PHASES.map((phase) => sql`coalesce(sum(${inPhase(phase, b)}), 0) as ${sql.raw(`"${phase}"`)}`);
  const row = getDb().get<Record<string, number>>(
    sql`select count(*) as total, ${sql.join(sums, sql`, `)}, coalesce(sum(${needsMentor(b)}), 0) as "needsMentor"
        from ${youngPeople} where ${youngPeople.organisationId} = ${organisationId}`,
  );
  return {
    total: row.total ?? 0,
    byPhase: Object.fromEntries(PHASES.map((p) => [p, row[p] ?? 0])) as Record<Phase, number>,
    needsMentor: row.needsMentor ?? 0,
  };
}

function pageRows(organisationId: string, condition: SQL | undefined, page: number, size: number) {
  return getDb()
    .select()
    .from(youngPeople)
    .where(and(eq(youngPeople.organisationId, organisationId), condition))
    .orderBy(CARE_END, asc(youngPeople.id))
    .limit(size)
    .offset((page - 1) * size)
    .all();
}

export interface LeadCaseLists {
  counts: LeadCaseCounts;
  /** The query as shown: pages kept within the pages there are. */
  query: CaseListQuery;
  /** How many records the (filtered) records list has in all. */
  listed: number;
  cases: CaseCard[];
  needsMentor: Array<{ card: CaseCard; need: NonNullable<MentorNeed> }>;
}

/** The counts and one page of each list (a constant number of statements). */
export function leadCaseLists(actor: Actor, today: IsoDate, asked: CaseListQuery): LeadCaseLists {
  const b = caseListBounds(today);
  const counts = leadCaseCounts(actor.organisationId, b);
  const listed = asked.phase ? counts.byPhase[asked.phase] : counts.total;
  const query: CaseListQuery = {
    phase: asked.phase,
    page: pageWithin(asked.page, listed, CASE_PAGE_SIZE),
    needsMentorPage: pageWithin(asked.needsMentorPage, counts.needsMentor, NEEDS_MENTOR_PAGE_SIZE),
  };
  const caseRows = listed ? pageRows(actor.organisationId, asked.phase ? inPhase(asked.phase, b) : undefined, query.page, CASE_PAGE_SIZE) : [];
  const needRows = counts.needsMentor ? pageRows(actor.organisationId, needsMentor(b), query.needsMentorPage, NEEDS_MENTOR_PAGE_SIZE) : [];
  // One set of relation queries for both pages (at most 60 records).
  const cards = new Map(caseCards(actor, [...caseRows, ...needRows.filter((r) => !caseRows.some((c) => c.id === r.id))], today).map((c) => [c.id, c]));
  return {
    counts,
    query,
    listed,
    cases: caseRows.flatMap((r) => cards.get(r.id) ?? []),
    needsMentor: needRows.flatMap((r) => {
      const card = cards.get(r.id);
      const need = card ? mentorNeedByBounds(r.dateOfBirth, card.summary.careEnd, b) : null;
      return card && need ? [{ card, need }] : [];
    }),
  };
}
