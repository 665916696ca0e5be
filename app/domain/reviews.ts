/**
 * Review meetings (SPEC.md, "Review meetings"; docs/decisions/017-review-meetings.md): when the next
 * review is due, what the pack says about the time since the last one and which domains it suggests
 * to talk about. Pure: the model reads the rows, these rules decide.
 */
import { addMonths, daysBetween, type IsoDate } from "./dates";
import type { Phase } from "./phase";
import { DOMAINS, type Domain, type GoalStatus, type Owner } from "./vocabulary";

/** The recording form's rows for new goals and for changing existing ones (here, not in review-forms, so the page's code ships no zod). */
export const NEW_GOAL_ROWS = [0, 1, 2] as const;
export const CHANGE_GOAL_ROWS = [0, 1, 2] as const;

export const REVIEW_STATUSES = ["scheduled", "recorded", "cancelled"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const FELT_HEARD_ANSWERS = ["yes", "partly", "no"] as const;
export type FeltHeard = (typeof FELT_HEARD_ANSWERS)[number];

/** Who a participant is to the young person: a person on the plan, or someone invited by name. */
export const PARTICIPANT_KINDS = ["youth", "specialist", "mentor", "carer", "other"] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** The organisation's default cadence (SPEC.md): every 6 months in preparation, 3 in transition and aftercare. */
export const DEFAULT_REVIEW_MONTHS = { preparation: 6, transition: 3 } as const;
export const REVIEW_MONTHS_MIN = 1;
export const REVIEW_MONTHS_MAX = 12;
/** "Due" on the worklist: within the next 30 days. */
export const REVIEW_DUE_SOON_DAYS = 30;
/** A goal without progress for this long is stalled. */
export const STALLED_AFTER_DAYS = 60;
export const FOCUS_DOMAINS_MAX = 3;
/** The young person's statement: three answers of at most this many characters each. */
export const STATEMENT_MAX = 2000;
export const FELT_HEARD_COMMENT_MAX = 1000;
/** New goals agreed in one recording form. */
export const NEW_GOALS_MAX = 5;

export interface ReviewCadence {
  preparationMonths: number;
  /** Transition and aftercare. */
  transitionMonths: number;
}

export function cadenceMonths(cadence: ReviewCadence, phase: Phase): number | null {
  if (phase === "closed") return null;
  return phase === "preparation" ? cadence.preparationMonths : cadence.transitionMonths;
}

export type ReviewDue =
  { kind: "none" } | { kind: "scheduled"; on: IsoDate } | { kind: "due"; on: IsoDate; days: number } | { kind: "overdue"; on: IsoDate; days: number };

export interface ReviewDueInput {
  phase: Phase;
  /** The day the current phase began (preparation: the day the record was made). */
  phaseStart: IsoDate;
  /** The day the last recorded review was held, if any. */
  lastReviewOn: IsoDate | null;
  /** The next review already scheduled (today or later), if any. */
  nextScheduledOn: IsoDate | null;
  /** The next review date agreed at the last review, if one was set. */
  agreedNextOn?: IsoDate | null;
  cadence: ReviewCadence;
}

/**
 * When the next review is due: from the last review, or from the start of the phase when the phase
 * began later (a new phase has its own rhythm). A scheduled meeting answers the question.
 */
export function reviewDue(input: ReviewDueInput, today: IsoDate): ReviewDue {
  if (input.nextScheduledOn) return { kind: "scheduled", on: input.nextScheduledOn };
  const months = cadenceMonths(input.cadence, input.phase);
  if (months === null) return { kind: "none" };
  let on: IsoDate;
  if (input.lastReviewOn && input.lastReviewOn >= input.phaseStart) {
    on = input.agreedNextOn && input.agreedNextOn > input.lastReviewOn ? input.agreedNextOn : addMonths(input.lastReviewOn, months);
  } else {
    on = addMonths(input.phaseStart, months);
  }
  const days = daysBetween(today, on);
  return days < 0 ? { kind: "overdue", on, days: -days } : { kind: "due", on, days };
}

// ------------------------------------------------------------------------------------------ the pack

export interface PackGoal {
  id: string;
  domain: Domain;
  title: string;
  owner: Owner;
  status: GoalStatus;
  dueDate: string | null;
  /** The last day anything happened to the goal or its steps. */
  lastProgressOn: IsoDate;
}

export interface PackInput {
  since: IsoDate;
  today: IsoDate;
  goals: readonly PackGoal[];
  /** Goal ids completed, dropped and created since the last review (from the history). */
  completedIds: ReadonlySet<string>;
  droppedIds: ReadonlySet<string>;
  createdIds: ReadonlySet<string>;
  overdueSteps: ReadonlyArray<{ id: string; goalId: string; domain: Domain; title: string; owner: Owner; dueDate: string }>;
  /** Domains the young person wants to talk about (the statement). */
  statementDomains: readonly Domain[];
  /** Readiness gaps, largest first (app/domain/readiness.ts suggestedTopics). */
  gaps: ReadonlyArray<{ domain: Domain; youth: number; adult: number; difference: number }>;
}

export const FOCUS_REASONS = ["statement", "adultStalled", "stalled", "gap", "overdueSteps"] as const;
export type FocusReason = (typeof FOCUS_REASONS)[number];

export interface FocusSuggestion {
  domain: Domain;
  reasons: FocusReason[];
}

export interface PackDraft {
  done: PackGoal[];
  created: PackGoal[];
  dropped: PackGoal[];
  /** Adult-owned first: an adult blocking a young person is the first thing to fix. */
  stalled: Array<PackGoal & { days: number; adultOwned: boolean }>;
  overdueSteps: PackInput["overdueSteps"];
  focus: FocusSuggestion[];
}

const WEIGHT: Record<FocusReason, number> = { statement: 100, adultStalled: 30, gap: 20, stalled: 10, overdueSteps: 5 };

export function isStalled(goal: PackGoal, today: IsoDate): boolean {
  return (goal.status === "planned" || goal.status === "in_progress") && daysBetween(goal.lastProgressOn, today) >= STALLED_AFTER_DAYS;
}

/** The review pack's conclusions from the plan's rows: what changed, what is stuck, what to talk about. */
export function draftPack(input: PackInput): PackDraft {
  const { goals, today } = input;
  const done = goals.filter((g) => input.completedIds.has(g.id) && g.status === "done");
  const dropped = goals.filter((g) => input.droppedIds.has(g.id) && g.status === "dropped");
  const created = goals.filter((g) => input.createdIds.has(g.id) && g.status !== "dropped");
  const stalled = goals
    .filter((g) => isStalled(g, today))
    .map((g) => ({ ...g, days: daysBetween(g.lastProgressOn, today), adultOwned: g.owner !== "youth" }))
    .sort((a, b) => Number(b.adultOwned) - Number(a.adultOwned) || b.days - a.days || a.title.localeCompare(b.title));

  const reasons = new Map<Domain, Set<FocusReason>>();
  const add = (domain: Domain, reason: FocusReason) => (reasons.get(domain) ?? reasons.set(domain, new Set()).get(domain)!).add(reason);
  for (const d of input.statementDomains) add(d, "statement");
  for (const g of stalled) add(g.domain, g.adultOwned ? "adultStalled" : "stalled");
  for (const gap of input.gaps) if (Math.abs(gap.difference) >= 2) add(gap.domain, "gap");
  for (const s of input.overdueSteps) add(s.domain, "overdueSteps");
  const score = (d: Domain) => [...(reasons.get(d) ?? [])].reduce((sum, r) => sum + WEIGHT[r], 0);
  const focus = [...reasons.keys()]
    .sort((a, b) => score(b) - score(a) || DOMAINS.indexOf(a) - DOMAINS.indexOf(b))
    .slice(0, FOCUS_DOMAINS_MAX)
    .map((domain) => ({ domain, reasons: FOCUS_REASONS.filter((r) => reasons.get(domain)!.has(r)) }));
  return { done, created, dropped, stalled, overdueSteps: input.overdueSteps, focus };
}

/** The specialist's choice of focus domains, or the suggestion: distinct, known domains, at most three. */
export function chosenFocus(chosen: readonly string[] | null | undefined, suggested: readonly FocusSuggestion[]): Domain[] {
  if (!chosen) return suggested.map((s) => s.domain);
  return [...new Set(chosen.filter((d): d is Domain => (DOMAINS as readonly string[]).includes(d)))].slice(0, FOCUS_DOMAINS_MAX);
}

/** Readiness per domain at the last review and now, for each rater kind. */
export interface ReadinessChange {
  domain: Domain;
  raterKind: "youth" | "adult";
  before: number | null;
  now: number;
}

export function readinessChanges(
  ratings: ReadonlyArray<{ domain: Domain; raterKind: "youth" | "adult"; value: number; ratedOn: string; createdAt: number }>,
  since: IsoDate,
): ReadinessChange[] {
  const sorted = [...ratings].sort((a, b) => a.ratedOn.localeCompare(b.ratedOn) || a.createdAt - b.createdAt);
  const before = new Map<string, number>();
  const latest = new Map<string, { value: number; after: boolean }>();
  for (const r of sorted) {
    const key = `${r.domain}|${r.raterKind}`;
    if (r.ratedOn < since) before.set(key, r.value);
    latest.set(key, { value: r.value, after: r.ratedOn >= since });
  }
  const changes: ReadinessChange[] = [];
  for (const domain of DOMAINS) {
    for (const raterKind of ["youth", "adult"] as const) {
      const key = `${domain}|${raterKind}`;
      const last = latest.get(key);
      if (!last || !last.after) continue;
      const was = before.get(key) ?? null;
      if (was !== last.value) changes.push({ domain, raterKind, before: was, now: last.value });
    }
  }
  return changes;
}

// ------------------------------------------------------------------------------------------ statement

/** The statement can be changed until the meeting starts. */
export function statementOpen(review: { status: ReviewStatus; startsAt: number }, nowMs: number): boolean {
  return review.status === "scheduled" && nowMs < review.startsAt;
}

/** "Did you feel heard?" is asked once a review is recorded. */
export function feltHeardOpen(review: { status: ReviewStatus }, answered: boolean): boolean {
  return review.status === "recorded" && !answered;
}

/** The organisation's "felt heard" rate: shares of yes/partly/no, suppressed under five answers (statistics rule). */
export function feltHeardRate(counts: Partial<Record<FeltHeard, number>>, minimum = 5): { total: number; yes: number; partly: number; no: number } | null {
  const yes = counts.yes ?? 0;
  const partly = counts.partly ?? 0;
  const no = counts.no ?? 0;
  const total = yes + partly + no;
  if (total < minimum) return null;
  const pct = (n: number) => Math.round((n / total) * 100);
  return { total, yes: pct(yes), partly: pct(partly), no: pct(no) };
}
