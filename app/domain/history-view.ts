/**
 * The history page in short (issue 14): filters a young person can use without JavaScript (GET), a
 * first page of entries with "show more", and entries grouped by day and, within a day, runs of the
 * same person doing the same thing ("Pēteris rated 7 parts"). Pure: no I/O.
 */
import { todayInRiga, type IsoDate } from "./dates";
import { DOMAINS, type Domain } from "./vocabulary";

/** What the "what" filter offers, and the event entities each choice shows. */
export const HISTORY_FILTERS = {
  goals: ["goal", "step"],
  comments: ["comment"],
  readiness: ["rating"],
  skills: ["skill"],
  documents: ["document"],
  planB: ["planB"],
  mentoring: ["mentorship", "contact"],
} as const satisfies Record<string, readonly string[]>;
export type HistoryFilter = keyof typeof HISTORY_FILTERS;
export const HISTORY_FILTER_NAMES = Object.keys(HISTORY_FILTERS) as HistoryFilter[];

/** Entries per page, and the most one page shows ("show more" adds a page). */
export const HISTORY_PAGE = 30;
export const HISTORY_MAX = 400;

/**
 * A goal page folds in its goal's latest entries, this many, and links to the history page for the
 * rest (`?goal=`): the page does not grow with a long-lived goal's history (issue 9).
 */
export const GOAL_HISTORY_SHOWN = 10;

export interface HistoryQuery {
  what: HistoryFilter | null;
  domain: Domain | null;
  limit: number;
  /** One goal's entries only: the goal, its steps and its comments. */
  goal: string | null;
}

/** What a goal id in the query string may look like (anything else is ignored). */
const GOAL_ID = /^[\w-]{1,64}$/;

/** The query string's filters; anything unknown is ignored (never an error). */
export function historyQuery(params: URLSearchParams): HistoryQuery {
  const what = params.get("what");
  const domain = params.get("domain");
  const limit = Number.parseInt(params.get("limit") ?? "", 10);
  const goal = params.get("goal");
  return {
    what: HISTORY_FILTER_NAMES.includes(what as HistoryFilter) ? (what as HistoryFilter) : null,
    domain: DOMAINS.includes(domain as Domain) ? (domain as Domain) : null,
    limit: Number.isFinite(limit) ? Math.min(HISTORY_MAX, Math.max(HISTORY_PAGE, Math.ceil(limit / HISTORY_PAGE) * HISTORY_PAGE)) : HISTORY_PAGE,
    goal: goal && GOAL_ID.test(goal) ? goal : null,
  };
}

/** The same page with other values (for "show more" and the filters' links). */
export function historySearch(query: HistoryQuery, change: Partial<HistoryQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.what) params.set("what", next.what);
  if (next.domain) params.set("domain", next.domain);
  if (next.goal) params.set("goal", next.goal);
  if (next.limit !== HISTORY_PAGE) params.set("limit", String(next.limit));
  const search = params.toString();
  return search ? `?${search}` : "";
}

export interface GroupableEvent {
  entity: string;
  action: string;
  createdAt: number;
  actorName: string | null;
  actorRole?: string | null;
}

export interface HistoryGroup<E extends GroupableEvent> {
  /** "entity.action" of every event in the group. */
  kind: string;
  actorName: string | null;
  events: E[];
}

export interface HistoryDay<E extends GroupableEvent> {
  day: IsoDate;
  groups: HistoryGroup<E>[];
}

/** Kinds that are never folded together: each one says something of its own. */
const ALONE = new Set(["comment.commented", "mentorship.linked", "mentorship.closed", "record.careEndChanged"]);

/** Newest-first events → days → runs of one person doing one kind of thing. */
export function groupHistory<E extends GroupableEvent>(events: readonly E[]): HistoryDay<E>[] {
  const days: HistoryDay<E>[] = [];
  for (const event of events) {
    const day = todayInRiga(new Date(event.createdAt));
    let current = days.at(-1);
    if (!current || current.day !== day) {
      current = { day, groups: [] };
      days.push(current);
    }
    const kind = `${event.entity}.${event.action}`;
    const last = current.groups.at(-1);
    const sameActor = last && last.actorName === event.actorName && (last.events[0]!.actorRole ?? null) === (event.actorRole ?? null);
    if (last && sameActor && last.kind === kind && !ALONE.has(kind)) last.events.push(event);
    else current.groups.push({ kind, actorName: event.actorName, events: [event] });
  }
  return days;
}
