/**
 * The specialist's home as a worklist (issue 11 item 9, docs/decisions/018-help-wellbeing-worklist.md):
 * everything that needs them, in sections ordered by urgency, each row one click from the young person.
 * Pure: the model (app/models/worklist.server.ts) loads the facts, this orders and bounds them.
 */
import { addDays, addMonths, daysBetween, type IsoDate } from "./dates";
import type { MentorNeed, RhythmState } from "./mentoring";
import type { Phase } from "./phase";
import { fallingWellbeing, type CheckRow } from "./wellbeing";
import type { Owner } from "./vocabulary";

/** The sections, most urgent first. */
export const WORKLIST_KINDS = [
  "help",
  "reviewOverdue",
  "reviewRequested",
  "wellbeingFalling",
  "adultSteps",
  "mentor",
  "documents",
  "reviewDue",
  "leaving",
] as const;
export type WorklistKind = (typeof WORKLIST_KINDS)[number];

/** Leavers in the next 3, 6 or 12 months (the filter; 6 without one). */
export const LEAVER_MONTHS = [3, 6, 12] as const;
export type LeaverMonths = (typeof LEAVER_MONTHS)[number];
export const DEFAULT_LEAVER_MONTHS: LeaverMonths = 6;
export function leaverMonthsOf(value: string | null): LeaverMonths {
  const n = Number(value);
  return (LEAVER_MONTHS as readonly number[]).includes(n) ? (n as LeaverMonths) : DEFAULT_LEAVER_MONTHS;
}

/** Documents that expire this soon are on the worklist. */
export const WORKLIST_DOCUMENT_DAYS = 60;
/** Each section lists this many rows and says how many more there are. */
export const WORKLIST_SHOWN = 8;

/** What the reviews module gives the worklist (issue 11 items 1–6: reviewWorklistEntries). */
export interface ReviewWorklistEntry {
  youngPersonId: string;
  kind: "overdue" | "due" | "requested";
  date: IsoDate;
  days: number;
}

export interface WorklistPerson {
  id: string;
  displayName: string;
  phase: Phase;
  careEnd: IsoDate;
  /** The first day of the mentoring window. */
  mentoringStart: IsoDate;
  mentorNeed: MentorNeed;
  rhythm: RhythmState | null;
}

export interface WorklistInput {
  today: IsoDate;
  leaverMonths: LeaverMonths;
  people: readonly WorklistPerson[];
  help: ReadonlyArray<{ youngPersonId: string; id: string; status: "open" | "acknowledged"; createdOn: IsoDate }>;
  reviews: readonly ReviewWorklistEntry[];
  wellbeing: ReadonlyArray<{ youngPersonId: string } & CheckRow>;
  /** Open adult-owned steps past their due date, counted per record and owner, with the oldest due date. */
  overdueSteps: ReadonlyArray<{ youngPersonId: string; owner: Owner; count: number; oldestDue: IsoDate }>;
  documents: ReadonlyArray<{ youngPersonId: string; id: string; kind: string; label: string | null; expiresOn: IsoDate }>;
}

export interface WorklistRow {
  kind: WorklistKind;
  youngPersonId: string;
  displayName: string;
  /** Where one click takes the specialist. */
  href: string;
  /** The day the row is about (asked on, due, expires, leaves) and how far it is from today. */
  date: IsoDate | null;
  days: number | null;
  /** Row details for the wording: a count, an owner, a state. */
  detail: Record<string, string | number>;
}

export interface WorklistSection {
  kind: WorklistKind;
  rows: WorklistRow[];
  total: number;
}

const byDate = (a: WorklistRow, b: WorklistRow) =>
  (a.date ?? "9999") < (b.date ?? "9999") ? -1 : (a.date ?? "9999") > (b.date ?? "9999") ? 1 : a.displayName.localeCompare(b.displayName);

export function worklist(input: WorklistInput, shown: number = WORKLIST_SHOWN): WorklistSection[] {
  const { today } = input;
  const person = new Map(input.people.map((p) => [p.id, p]));
  const rows: WorklistRow[] = [];
  const row = (kind: WorklistKind, youngPersonId: string, href: string, date: IsoDate | null, detail: WorklistRow["detail"] = {}) => {
    const p = person.get(youngPersonId);
    if (!p) return; // not on this specialist's caseload
    rows.push({ kind, youngPersonId, displayName: p.displayName, href, date, days: date ? daysBetween(today, date) : null, detail });
  };
  // Open requests before acknowledged ones, oldest first.
  for (const h of [...input.help].sort((a, b) => (a.status === b.status ? (a.createdOn < b.createdOn ? -1 : 1) : a.status === "open" ? -1 : 1))) {
    row("help", h.youngPersonId, `/plan/${h.youngPersonId}/help#request-${h.id}`, h.createdOn, { status: h.status });
  }
  for (const r of input.reviews) {
    const kind = r.kind === "overdue" ? "reviewOverdue" : r.kind === "requested" ? "reviewRequested" : "reviewDue";
    if (kind === "reviewDue" && daysBetween(today, r.date) > 30) continue;
    row(kind, r.youngPersonId, `/plan/${r.youngPersonId}`, r.date);
  }
  const checksOf = new Map<string, CheckRow[]>();
  for (const c of input.wellbeing) checksOf.set(c.youngPersonId, [...(checksOf.get(c.youngPersonId) ?? []), c]);
  for (const [id, checks] of checksOf) {
    const falling = fallingWellbeing(checks, today);
    if (falling) row("wellbeingFalling", id, `/plan/${id}/wellbeing`, `${falling.month}-01`, { from: falling.from, to: falling.to });
  }
  for (const s of input.overdueSteps) {
    if (s.owner === "youth") continue;
    row("adultSteps", s.youngPersonId, `/plan/${s.youngPersonId}#next-steps`, s.oldestDue, { owner: s.owner, count: s.count });
  }
  for (const p of input.people) {
    if (p.mentorNeed) row("mentor", p.id, `/plan/${p.id}/mentoring#mentor`, p.mentorNeed === "inWindow" ? null : p.mentoringStart, { need: p.mentorNeed });
    else if (p.rhythm?.kind === "overdue")
      row("mentor", p.id, `/plan/${p.id}/mentoring`, p.rhythm.dueBy, { need: "contactOverdue", days: p.rhythm.daysOverdue });
  }
  const documentLimit = addDays(today, WORKLIST_DOCUMENT_DAYS);
  for (const d of input.documents) {
    if (d.expiresOn > documentLimit) continue;
    row("documents", d.youngPersonId, `/plan/${d.youngPersonId}/documents`, d.expiresOn, { document: d.kind, label: d.label ?? "" });
  }
  const leaveBy = addMonths(today, input.leaverMonths);
  for (const p of input.people) {
    if ((p.phase === "preparation" || p.phase === "transition") && p.careEnd >= today && p.careEnd <= leaveBy) row("leaving", p.id, `/plan/${p.id}`, p.careEnd);
  }
  return WORKLIST_KINDS.map((kind) => {
    const ofKind = rows.filter((r) => r.kind === kind);
    const ordered =
      kind === "help" ? ofKind : kind === "adultSteps" ? ofKind.sort(ownFirst) : kind === "mentor" ? ofKind.sort(mentorOrder) : ofKind.sort(byDate);
    return { kind, rows: ordered.slice(0, shown), total: ofKind.length };
  });
}

/** The specialist's own overdue steps first (they can fix those today), then the mentor's and carer's. */
function ownFirst(a: WorklistRow, b: WorklistRow): number {
  const own = (r: WorklistRow) => (r.detail.owner === "specialist" ? 0 : 1);
  return own(a) - own(b) || byDate(a, b);
}

/** No mentor inside the window first, then contact overdue (longest first), then a mentor needed soon. */
function mentorOrder(a: WorklistRow, b: WorklistRow): number {
  const rank = (r: WorklistRow) => (r.detail.need === "inWindow" ? 0 : r.detail.need === "contactOverdue" ? 1 : 2);
  return rank(a) - rank(b) || byDate(a, b);
}

/** How many rows the worklist has in all (for the heading). */
export function worklistCount(sections: readonly WorklistSection[]): number {
  return sections.reduce((n, s) => n + s.total, 0);
}
