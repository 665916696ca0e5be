/**
 * The independent-living plan: goals, steps, comments, readiness ratings, plan B and the history of
 * every change. Every write records a plan event in the same (synchronous) transaction. Reads use a
 * fixed number of queries per page, never one per goal.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, max } from "drizzle-orm";
import type { TiltsDatabase } from "../../db/connection";
import { goalComments, goals, planDomains, planEvents, plans, readinessRatings, steps, users } from "../../db/schema";
import { DOMAIN_PAGE_GOALS, NEXT_STEPS, type DomainSummary, type NextStep, type StepRow } from "~/domain/plan-overview";
import { GOAL_STATUS_EVENTS, splitKind, type GoalField, type PlanEventKind, type PlanEventPayloads, type StepField } from "~/domain/plan-history";
import type { Viewer } from "~/domain/policy";
import { latestRatings, type Rating } from "~/domain/readiness";
import type { Section } from "~/domain/sharing";
import { pageOfIndex, pageWithin } from "~/domain/paging";
import { DOMAINS, type Domain, type GoalStatus, type Owner, type RaterKind, type Role } from "~/domain/vocabulary";
import { now } from "~/utils/clock.server";
import { appendAudit } from "./audit.server";
import { getDb } from "~/utils/db.server";
import { prepared } from "~/utils/statements.server";
import { keptPlanRead } from "./plan-reads.server";

export type Tx = Parameters<Parameters<TiltsDatabase["transaction"]>[0]>[0];

export interface PlanRef {
  id: string;
  youngPersonId: string;
}

const planIdOf = prepared("SELECT id FROM plans WHERE young_person_id = ?");

/** The young person's plan, created with its seven domains the first time it is needed. */
export function ensurePlan(youngPersonId: string): PlanRef {
  const existing = planIdOf().pluck().get(youngPersonId) as string | undefined;
  if (existing) return { id: existing, youngPersonId };
  const db = getDb();
  const id = randomUUID();
  db.transaction((tx) => {
    tx.insert(plans).values({ id, youngPersonId }).onConflictDoNothing().run();
    tx.insert(planDomains)
      .values(DOMAINS.map((domain) => ({ id: randomUUID(), planId: id, domain })))
      .onConflictDoNothing()
      .run();
  });
  const plan = db.select({ id: plans.id }).from(plans).where(eq(plans.youngPersonId, youngPersonId)).get()!;
  return { id: plan.id, youngPersonId };
}

/** One history entry of a kind from the vocabulary (app/domain/plan-history.ts), with its payload. */
export type PlanEventInput<K extends PlanEventKind = PlanEventKind> = {
  planId: string;
  actorId: string;
  kind: K;
  entityId?: string | null;
  domain?: Domain | null;
} & PlanEventPayloads[K];

/**
 * Appends one entry to the plan's history and one "change" to the audit log; call inside the
 * transaction that makes the change.
 */
export function recordEvent<K extends PlanEventKind>(tx: Tx, event: PlanEventInput<K>): void {
  const nowMs = now().getTime();
  const { entity, action } = splitKind(event.kind);
  const payload = event as { before?: unknown; after?: unknown };
  tx.insert(planEvents)
    .values({
      id: randomUUID(),
      planId: event.planId,
      actorId: event.actorId,
      entity,
      entityId: event.entityId ?? null,
      domain: event.domain ?? null,
      action,
      before: payload.before ?? null,
      after: payload.after ?? null,
      createdAt: nowMs,
    })
    .run();
  const plan = tx.update(plans).set({ updatedAt: nowMs }).where(eq(plans.id, event.planId)).returning({ youngPersonId: plans.youngPersonId }).get();
  const actor = tx.select({ role: users.role }).from(users).where(eq(users.id, event.actorId)).get();
  appendAudit({ actorId: event.actorId, actorRole: actor?.role ?? null, youngPersonId: plan?.youngPersonId ?? null, kind: "change", part: event.kind }, nowMs);
}

// ---------------------------------------------------------------------------------------------- reads

const goalColumns = {
  id: goals.id,
  domain: goals.domain,
  title: goals.title,
  why: goals.why,
  status: goals.status,
  dueDate: goals.dueDate,
  position: goals.position,
  owner: goals.owner,
};

const stepColumns = {
  id: steps.id,
  goalId: steps.goalId,
  title: steps.title,
  dueDate: steps.dueDate,
  doneAt: steps.doneAt,
  owner: steps.owner,
  position: steps.position,
};

function planGoals(planId: string, domain?: Domain) {
  return getDb()
    .select(goalColumns)
    .from(goals)
    .where(domain ? and(eq(goals.planId, planId), eq(goals.domain, domain)) : eq(goals.planId, planId))
    .orderBy(asc(goals.position), asc(goals.createdAt), asc(goals.id))
    .all();
}

/** The columns of a readiness rating as the readiness rules read it. */
export const ratingColumns = {
  domain: readinessRatings.domain,
  raterKind: readinessRatings.raterKind,
  value: readinessRatings.value,
  ratedOn: readinessRatings.ratedOn,
  createdAt: readinessRatings.createdAt,
};

const planRatingRows = prepared(`
  SELECT domain, rater_kind AS raterKind, value, rated_on AS ratedOn, created_at AS createdAt
  FROM readiness_ratings WHERE plan_id = ? ORDER BY rated_on, created_at`);

export function planRatings(planId: string): Rating[] {
  return planRatingRows().all(planId) as Rating[];
}

/** Per domain: goals done, goals that count (not dropped), open goals past their due date. */
const overviewGoalCounts = prepared(`
  SELECT domain,
         sum(status = 'done') AS done,
         sum(status != 'dropped') AS total,
         sum(status IN ('planned', 'in_progress') AND due_date IS NOT NULL AND due_date < @today) AS overdue
  FROM goals WHERE plan_id = @planId GROUP BY domain`);

const OPEN_STEP_COLUMNS = `s.id AS stepId, s.goal_id AS goalId, s.title AS title, g.title AS goalTitle, g.domain AS domain, s.due_date AS dueDate, s.owner AS owner`;
/** The next-step order: soonest due first, undated last, then goal and step order (app/domain/plan-overview.ts). */
const NEXT_STEP_ORDER = `s.due_date IS NULL, s.due_date, g.position, s.position, s.created_at, s.id`;
/**
 * The open steps of open goals, read from the covering index of open steps (decision 035: no row of
 * `steps` is read until the few shown are chosen). @domains: the domains the viewer may see (the young
 * person's sharing switches), as a JSON array.
 */
const OPEN_STEPS_OF_GOALS = `FROM goals g JOIN steps s INDEXED BY steps_open_idx ON s.goal_id = g.id AND s.done_at IS NULL
  WHERE g.plan_id = @planId AND g.status IN ('planned', 'in_progress')`;

/** The plan's next open steps of open goals, in the next-step order: the ids first, then their rows. */
const overviewNextSteps = prepared(`
  SELECT ${OPEN_STEP_COLUMNS}
  FROM (SELECT s.rowid AS r ${OPEN_STEPS_OF_GOALS} AND g.domain IN (SELECT value FROM json_each(@domains))
        ORDER BY ${NEXT_STEP_ORDER} LIMIT ${NEXT_STEPS}) n
  JOIN steps s ON s.rowid = n.r JOIN goals g ON g.id = s.goal_id
  ORDER BY ${NEXT_STEP_ORDER}`);

/**
 * Per visible domain: its first open step in the same order and how many open steps are overdue; each a
 * walk of the covering index (the first step's row is read once, by its rowid).
 */
const overviewFirstStepPerDomain = prepared(`
  SELECT f.domain AS domain, ${OPEN_STEP_COLUMNS}, f.overdueSteps AS overdueSteps
  FROM (SELECT d.value AS domain,
               (SELECT s.rowid ${OPEN_STEPS_OF_GOALS} AND g.domain = d.value ORDER BY ${NEXT_STEP_ORDER} LIMIT 1) AS r,
               (SELECT count(*) ${OPEN_STEPS_OF_GOALS} AND g.domain = d.value AND s.due_date < @today) AS overdueSteps
        FROM json_each(@domains) d) f
  JOIN steps s ON s.rowid = f.r JOIN goals g ON g.id = s.goal_id`);

const overviewPlanBs = prepared(`SELECT domain FROM plan_domains WHERE plan_id = ? AND plan_b IS NOT NULL AND plan_b != ''`);

type OpenStepRow = Omit<NextStep, "overdue">;

/**
 * The overview: one summary per domain and the plan's next steps (the first NEXT_STEPS), five statements
 * whatever the size of the plan; the counts are made by SQLite, not by mapping every goal and step.
 * (tests/integration/plan-queries.test.ts checks it against the pure summariseDomains/openSteps.)
 */
export function planOverview(
  planId: string,
  today: string,
  /** The next steps come only from these domains (what the viewer may see). */
  visibleDomains: readonly Domain[] = DOMAINS,
): PlanOverview {
  return keptOverview(planId, today, visibleDomains);
}

export interface PlanOverview {
  next: NextStep[];
  domains: Array<DomainSummary & { hasPlanB: boolean }>;
}

// Kept under the plan's revision (decision 042): the overview, the homes and the print read it.
const keptOverview = keptPlanRead("planOverview", (planId: string, today: string, visibleDomains: readonly Domain[]) =>
  computePlanOverview(planId, today, visibleDomains),
);

function computePlanOverview(planId: string, today: string, visibleDomains: readonly Domain[]): PlanOverview {
  const domains = JSON.stringify(visibleDomains);
  const counts = overviewGoalCounts().all({ planId, today }) as Array<{ domain: Domain; done: number; total: number; overdue: number }>;
  const next = overviewNextSteps().all({ planId, domains }) as OpenStepRow[];
  const firstPerDomain = overviewFirstStepPerDomain().all({ planId, today, domains }) as Array<OpenStepRow & { overdueSteps: number }>;
  const latest = latestRatings(planRatings(planId));
  const withPlanB = new Set(overviewPlanBs().pluck().all(planId) as Domain[]);
  const toNext = (row: OpenStepRow): NextStep => ({
    stepId: row.stepId,
    goalId: row.goalId,
    title: row.title,
    goalTitle: row.goalTitle,
    domain: row.domain,
    dueDate: row.dueDate,
    owner: row.owner,
    overdue: row.dueDate !== null && row.dueDate < today,
  });
  return {
    next: next.map(toNext),
    domains: DOMAINS.map((domain) => {
      const count = counts.find((c) => c.domain === domain);
      const first = firstPerDomain.find((row) => row.domain === domain);
      return {
        domain,
        goalsDone: count?.done ?? 0,
        goalsTotal: count?.total ?? 0,
        overdueGoals: count?.overdue ?? 0,
        overdueSteps: first?.overdueSteps ?? 0,
        nextStep: first ? toNext(first) : null,
        youthRating: latest[domain].youth?.value ?? null,
        adultRating: latest[domain].adult?.value ?? null,
        hasPlanB: withPlanB.has(domain),
      };
    }),
  };
}

export interface GoalWithSteps {
  id: string;
  domain: Domain;
  title: string;
  why: string | null;
  status: GoalStatus;
  dueDate: string | null;
  owner: Owner;
  position: number;
  steps: StepRow[];
  commentCount: number;
}

/**
 * How many steps of each goal the domain page shows: the first open ones (in the goal's order) and the
 * most recently ticked (so a mis-tap can be unticked at once); the goal page lists them all. A domain
 * page of a large plan (20 goals × 10 steps) no longer grows with the goals' steps (issue 9, decision 035).
 */
export const DOMAIN_PAGE_STEPS = 3;

/** One domain's goals with their first steps, step and comment counts, its ratings and plan B (four queries). */
// The domain page's data, prepared once. Columns as the page reads them.
const domainGoals = prepared(`
  SELECT g.id, g.domain, g.title, g.why, g.status, g.due_date AS dueDate, g.position, g.owner,
         (SELECT count(*) FROM goal_comments c WHERE c.goal_id = g.id) AS commentCount,
         (SELECT count(*) FROM steps s WHERE s.goal_id = g.id AND s.done_at IS NULL) AS openSteps,
         (SELECT count(*) FROM steps s WHERE s.goal_id = g.id AND s.done_at IS NOT NULL) AS doneSteps
  FROM goals g WHERE g.plan_id = @planId AND g.domain = @domain ORDER BY g.position, g.created_at, g.id LIMIT @limit OFFSET @offset`);
const domainGoalCount = prepared(`SELECT count(*) FROM goals WHERE plan_id = @planId AND domain = @domain`);
// Where a goal stands in its domain's order (0-based): the goals before it.
const domainGoalIndex = prepared(`
  SELECT count(*) FROM goals g JOIN goals o ON o.plan_id = g.plan_id AND o.domain = g.domain
  WHERE g.id = @goalId AND g.plan_id = @planId
    AND (o.position < g.position OR (o.position = g.position AND (o.created_at < g.created_at OR (o.created_at = g.created_at AND o.id < g.id))))`);
// The goals of one page of the domain, in the page's order.
const DOMAIN_PAGE_GOAL_IDS = `(SELECT id FROM goals WHERE plan_id = @planId AND domain = @domain ORDER BY position, created_at, id LIMIT @limit OFFSET @offset)`;
// Per goal: the first DOMAIN_PAGE_STEPS open steps by position, then the DOMAIN_PAGE_STEPS ticked last
// (most recent first). Each goal's few steps are chosen in an index (a walk of at most DOMAIN_PAGE_STEPS
// entries of steps_open_idx; the goal's ticks in steps_goal_done_idx) and only their rows are read.
const DOMAIN_STEP_COLUMNS = `s.id AS id, s.goal_id AS goalId, s.title AS title, s.due_date AS dueDate, s.done_at AS doneAt, s.owner AS owner, s.position AS position, s.created_at AS createdAt`;
const domainSteps = prepared(`
  SELECT ${DOMAIN_STEP_COLUMNS}, 0 AS ticked FROM goals g
  JOIN steps s ON s.rowid IN (SELECT o.rowid FROM steps o INDEXED BY steps_open_idx WHERE o.goal_id = g.id AND o.done_at IS NULL
                              ORDER BY o.position, o.created_at, o.id LIMIT ${DOMAIN_PAGE_STEPS})
  WHERE g.id IN ${DOMAIN_PAGE_GOAL_IDS}
  UNION ALL
  SELECT ${DOMAIN_STEP_COLUMNS}, 1 AS ticked FROM goals g
  JOIN steps s ON s.rowid IN (SELECT d.rowid FROM steps d INDEXED BY steps_goal_done_idx WHERE d.goal_id = g.id AND d.done_at IS NOT NULL
                              ORDER BY d.done_at DESC, d.position, d.created_at, d.id LIMIT ${DOMAIN_PAGE_STEPS})
  WHERE g.id IN ${DOMAIN_PAGE_GOAL_IDS}
  ORDER BY ticked, doneAt DESC, position, createdAt, id`);
const domainPlanB = prepared(`SELECT plan_b FROM plan_domains WHERE plan_id = @planId AND domain = @domain`);
const domainRatings = prepared(`
  SELECT domain, rater_kind AS raterKind, value, rated_on AS ratedOn, created_at AS createdAt
  FROM readiness_ratings WHERE plan_id = @planId AND domain = @domain ORDER BY rated_on, created_at`);

/** A goal as the domain page shows it: `steps` are the first open and the last ticked ones (see DOMAIN_PAGE_STEPS). */
export interface DomainGoal extends GoalWithSteps {
  openSteps: number;
  doneSteps: number;
}

/**
 * One domain's page: `page` (1-based, a page past the end shows the last one) of its goals in their
 * order, DOMAIN_PAGE_GOALS at a time, each with its first steps and counts; the number of goals; its
 * ratings and plan B. Five statements, whatever the size of the plan.
 */
export function domainDetail(planId: string, domain: Domain, askedPage = 1): DomainDetail {
  return keptDomainDetail(planId, domain, askedPage);
}

export type DomainDetail = ReturnType<typeof computeDomainDetail>;
// Kept under the plan's revision (decision 042).
const keptDomainDetail = keptPlanRead("domainDetail", (planId: string, domain: Domain, askedPage: number) => computeDomainDetail(planId, domain, askedPage));

function computeDomainDetail(planId: string, domain: Domain, askedPage: number) {
  const keys = { planId, domain };
  const goalCount = domainGoalCount().pluck().get(keys) as number;
  const page = pageWithin(askedPage, goalCount, DOMAIN_PAGE_GOALS);
  const paged = { ...keys, limit: DOMAIN_PAGE_GOALS, offset: (page - 1) * DOMAIN_PAGE_GOALS };
  const goalRows = domainGoals().all(paged) as Omit<DomainGoal, "steps">[];
  const stepsByGoal = new Map<string, StepRow[]>();
  for (const step of domainSteps().all(paged) as StepRow[]) {
    const list = stepsByGoal.get(step.goalId);
    if (list) list.push(step);
    else stepsByGoal.set(step.goalId, [step]);
  }
  const planB = domainPlanB().pluck().get(keys) as string | null | undefined;
  return {
    goals: goalRows.map<DomainGoal>((g) => Object.assign(g, { steps: stepsByGoal.get(g.id) ?? [] })),
    goalCount,
    page,
    /** The row number (0-based) of the page's first goal in the domain's order. */
    offset: paged.offset,
    planB: planB ?? "",
    ratings: domainRatings().all(keys) as Rating[],
  };
}

/** The page of its domain (1-based, DOMAIN_PAGE_GOALS per page) that shows this goal of this plan. */
export function domainPageOfGoal(planId: string, goalId: string): number {
  return pageOfIndex(domainGoalIndex().pluck().get({ planId, goalId }) as number, DOMAIN_PAGE_GOALS);
}

// A goal page's rows, prepared once (decision 042): columns as goalColumns and stepColumns name them.
const goalOfPlan = prepared(`
  SELECT id, domain, title, why, status, due_date AS dueDate, position, owner, plan_id AS planId
  FROM goals WHERE id = @goalId AND plan_id = @planId`);
const stepsOfGoal = prepared(`
  SELECT id, goal_id AS goalId, title, due_date AS dueDate, done_at AS doneAt, owner, position
  FROM steps WHERE goal_id = ? ORDER BY position, created_at`);
const commentsOfGoal = prepared(`
  SELECT c.id AS id, c.body AS body, c.created_at AS createdAt, u.display_name AS author, u.role AS authorRole
  FROM goal_comments c JOIN users u ON u.id = c.author_id WHERE c.goal_id = ? ORDER BY c.created_at`);

/** A goal of this plan, or null (a goal id from another plan is "not found"). */
export function findGoal(planId: string, goalId: string) {
  return (goalOfPlan().get({ planId, goalId }) as (Omit<GoalWithSteps, "steps" | "commentCount"> & { planId: string }) | undefined) ?? null;
}

export function goalDetail(planId: string, goalId: string) {
  const goal = findGoal(planId, goalId);
  if (!goal) return null;
  const stepRows = stepsOfGoal().all(goalId) as StepRow[];
  const comments = commentsOfGoal().all(goalId) as Array<{ id: string; body: string; createdAt: number; author: string; authorRole: Role }>;
  return { goal, steps: stepRows, comments };
}

export interface PlanEventView {
  id: string;
  entity: string;
  action: string;
  domain: Domain | null;
  before: unknown;
  after: unknown;
  createdAt: number;
  actorName: string | null;
  actorRole: string | null;
  /** The goal's or step's title as it is now (events never copy words; app/domain/plan-history.ts). */
  title: string | null;
  /** A step's goal, as it is now. */
  goalTitle: string | null;
  /** The mentor a "linked" event names, or the specialist or carer a record event names. */
  mentorName: string | null;
  /** A comment event's comment, as it is now. */
  commentBody: string | null;
  /** The viewer made this change: the history says "You …" ("Tu …", "Вы …"), not their name. */
  mine: boolean;
}

/** History entities that belong to a section of their own, besides their domain (app/domain/sharing.ts). */
const ENTITY_SECTIONS: Record<string, Section> = {
  skill: "skills",
  document: "documents",
  rating: "readiness",
  contact: "contacts",
  mentorship: "contacts",
  // "I need help" is a safety matter: its events follow the well-being switch (decision 025).
  helpRequest: "wellbeing",
};

/**
 * The plan's timeline for one viewer, newest first: only entries of sections the viewer sees (a hidden
 * domain's goals, a hidden life-skills list…), with today's titles read through the events' ids.
 */
export function planHistory(
  planId: string,
  viewer: Viewer,
  options: { limit?: number; entityIds?: string[]; entities?: readonly string[]; domain?: Domain | null } = {},
): PlanEventView[] {
  const visibleDomains = DOMAINS.filter((d) => viewer.sections.has(d));
  const hiddenEntities = Object.entries(ENTITY_SECTIONS)
    .filter(([, section]) => !viewer.sections.has(section))
    .map(([entity]) => entity);
  const statement = options.entityIds ? entityHistoryRows() : planHistoryRows();
  const rows = statement.all({
    planId,
    viewerId: viewer.actor.id,
    ...(options.entityIds ? { entityIds: JSON.stringify(options.entityIds) } : {}),
    entities: options.entities ? JSON.stringify(options.entities) : null,
    domain: options.domain ?? null,
    visibleDomains: JSON.stringify(visibleDomains),
    hiddenEntities: JSON.stringify(hiddenEntities),
    limit: options.limit ?? 200,
  }) as Array<Omit<PlanEventView, "before" | "after" | "mine"> & { before: string | null; after: string | null; mine: number }>;
  return rows.map((row) => ({
    ...row,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    mine: Boolean(row.mine),
  }));
}

// The timeline's rows, prepared once (it was built by the query builder on every goal page, decision
// 042); the lists come as JSON arrays, an absent filter as NULL. Titles, names and comment bodies are
// read through the events' ids as they are now. tests/integration/prepared-rows.test.ts compares it
// with the query builder's rows.
const historyRows = (from: string) => `
  SELECT e.id AS id, e.entity AS entity, e.action AS action, e.domain AS domain, e.before AS before, e.after AS after,
         e.created_at AS createdAt, u.display_name AS actorName, u.role AS actorRole,
         coalesce(g.title, s.title) AS title, sg.title AS goalTitle, m.display_name AS mentorName, c.body AS commentBody,
         e.actor_id IS @viewerId AS mine
  FROM ${from}
  LEFT JOIN users u ON u.id = e.actor_id
  LEFT JOIN goals g ON g.id = e.entity_id AND e.entity IN ('goal', 'comment')
  LEFT JOIN steps s ON s.id = e.entity_id AND e.entity = 'step'
  LEFT JOIN goals sg ON sg.id = s.goal_id
  LEFT JOIN goal_comments c ON e.entity = 'comment' AND c.id = json_extract(e.after, '$.commentId')
  LEFT JOIN users m ON (e.entity = 'mentorship' AND m.id = json_extract(e.after, '$.mentorId'))
                    OR (e.entity = 'record' AND m.id = json_extract(e.after, '$.personId'))`;
const HISTORY_FILTERS_OF_VIEWER = `
    AND (@entities IS NULL OR e.entity IN (SELECT value FROM json_each(@entities)))
    AND (@domain IS NULL OR e.domain = @domain)
    AND (e.domain IS NULL OR e.domain IN (SELECT value FROM json_each(@visibleDomains)))
    AND e.entity NOT IN (SELECT value FROM json_each(@hiddenEntities))
  ORDER BY e.created_at DESC
  LIMIT @limit`;
// The whole plan's timeline: the plan's entries newest first (plan_events_plan_idx).
const planHistoryRows = prepared(`${historyRows("plan_events e")}
  WHERE e.plan_id = @planId ${HISTORY_FILTERS_OF_VIEWER}`);
// Some entries' timeline (a goal, its steps and comments): found by their ids (plan_events_entity_idx),
// not by walking every entry of the plan.
const entityHistoryRows = prepared(`${historyRows("plan_events e INDEXED BY plan_events_entity_idx")}
  WHERE e.entity_id IN (SELECT value FROM json_each(@entityIds)) AND e.plan_id = @planId ${HISTORY_FILTERS_OF_VIEWER}`);

// --------------------------------------------------------------------------------------------- writes

export interface GoalInput {
  domain: Domain;
  title: string;
  why?: string;
  owner: Owner;
  dueDate?: string;
  clientToken?: string;
}

/** Creates a goal at the end of its domain; the same form token twice gives back the first goal. */
export function createGoal(planId: string, actorId: string, input: GoalInput): string {
  const db = getDb();
  if (input.clientToken) {
    const existing = db
      .select({ id: goals.id })
      .from(goals)
      .where(and(eq(goals.planId, planId), eq(goals.clientToken, input.clientToken)))
      .get();
    if (existing) return existing.id;
  }
  const id = randomUUID();
  db.transaction((tx) => {
    const last = tx
      .select({ position: max(goals.position) })
      .from(goals)
      .where(and(eq(goals.planId, planId), eq(goals.domain, input.domain)))
      .get();
    const row = {
      id,
      planId,
      domain: input.domain,
      title: input.title,
      why: input.why || null,
      owner: input.owner,
      dueDate: input.dueDate || null,
      status: "planned" as const,
      position: (last?.position ?? -1) + 1,
      clientToken: input.clientToken ?? null,
      createdBy: actorId,
      createdAt: now().getTime(),
    };
    tx.insert(goals).values(row).run();
    recordEvent(tx, {
      planId,
      actorId,
      kind: "goal.created",
      entityId: id,
      domain: input.domain,
      after: { owner: row.owner, dueDate: row.dueDate },
    });
  });
  return id;
}

export function updateGoal(planId: string, goalId: string, actorId: string, input: { title: string; why?: string; owner: Owner; dueDate?: string }): boolean {
  const before = findGoal(planId, goalId);
  if (!before) return false;
  const after = { title: input.title, why: input.why || null, owner: input.owner, dueDate: input.dueDate || null };
  const changed = (Object.keys(after) as Array<keyof typeof after>).filter((k) => before[k] !== after[k]);
  if (changed.length === 0) return true;
  getDb().transaction((tx) => {
    tx.update(goals)
      .set({ ...after, updatedAt: now().getTime() })
      .where(eq(goals.id, goalId))
      .run();
    recordEvent(tx, {
      planId,
      actorId,
      kind: "goal.updated",
      entityId: goalId,
      domain: before.domain,
      ...factChanges(changed, before, after),
    });
  });
  return true;
}

/** The before → after of the fields that are not words (owner, due date); the rest only by name. */
export function factChanges<F extends GoalField | StepField>(
  changed: F[],
  before: { owner: Owner; dueDate: string | null },
  after: { owner: Owner; dueDate: string | null },
) {
  const facts = changed.filter((k): k is F & ("owner" | "dueDate") => k === "owner" || k === "dueDate");
  return {
    before: Object.fromEntries(facts.map((k) => [k, before[k]])),
    after: { ...Object.fromEntries(facts.map((k) => [k, after[k]])), fields: changed },
  };
}

/** Moves a goal to a status; dropping keeps it, visibly, as dropped. Setting the same status is a no-op. */
export function setGoalStatus(planId: string, goalId: string, actorId: string, status: GoalStatus): boolean {
  const before = findGoal(planId, goalId);
  if (!before) return false;
  if (before.status === status) return true;
  getDb().transaction((tx) => {
    tx.update(goals).set({ status, updatedAt: now().getTime() }).where(eq(goals.id, goalId)).run();
    recordEvent(tx, {
      planId,
      actorId,
      kind: GOAL_STATUS_EVENTS[status],
      entityId: goalId,
      domain: before.domain,
      before: { status: before.status },
      after: { status },
    });
  });
  return true;
}

/** Swaps a goal with its neighbour above or below within the domain. */
export function moveGoal(planId: string, goalId: string, actorId: string, direction: "up" | "down"): boolean {
  const goal = findGoal(planId, goalId);
  if (!goal) return false;
  const siblings = planGoals(planId, goal.domain);
  const index = siblings.findIndex((g) => g.id === goalId);
  const otherIndex = direction === "up" ? index - 1 : index + 1;
  const other = siblings[otherIndex];
  if (!other) return true;
  getDb().transaction((tx) => {
    // Renumber the whole domain so equal positions from older data cannot make a swap a no-op.
    const order = siblings.map((g) => g.id);
    order[index] = other.id;
    order[otherIndex] = goalId;
    order.forEach((id, position) => tx.update(goals).set({ position }).where(eq(goals.id, id)).run());
    recordEvent(tx, {
      planId,
      actorId,
      kind: "goal.moved",
      entityId: goalId,
      domain: goal.domain,
      before: { position: index },
      after: { position: otherIndex },
    });
  });
  return true;
}

export function createStep(
  planId: string,
  goalId: string,
  actorId: string,
  input: { title: string; owner: Owner; dueDate?: string; clientToken?: string },
): string | null {
  const goal = findGoal(planId, goalId);
  if (!goal) return null;
  const db = getDb();
  if (input.clientToken) {
    const existing = db
      .select({ id: steps.id })
      .from(steps)
      .where(and(eq(steps.goalId, goalId), eq(steps.clientToken, input.clientToken)))
      .get();
    if (existing) return existing.id;
  }
  const id = randomUUID();
  db.transaction((tx) => {
    const last = tx
      .select({ position: max(steps.position) })
      .from(steps)
      .where(eq(steps.goalId, goalId))
      .get();
    tx.insert(steps)
      .values({
        id,
        goalId,
        title: input.title,
        owner: input.owner,
        dueDate: input.dueDate || null,
        position: (last?.position ?? -1) + 1,
        clientToken: input.clientToken ?? null,
        createdBy: actorId,
        createdAt: now().getTime(),
      })
      .run();
    recordEvent(tx, {
      planId,
      actorId,
      kind: "step.created",
      entityId: id,
      domain: goal.domain,
      after: { goalId, owner: input.owner, dueDate: input.dueDate || null },
    });
  });
  return id;
}

export function findStep(planId: string, stepId: string) {
  return (
    getDb()
      .select({ ...stepColumns, domain: goals.domain, goalTitle: goals.title })
      .from(steps)
      .innerJoin(goals, eq(goals.id, steps.goalId))
      .where(and(eq(steps.id, stepId), eq(goals.planId, planId)))
      .get() ?? null
  );
}

/** Changes a step's title, owner or due date; records only what changed. */
export function updateStep(planId: string, stepId: string, actorId: string, input: { title: string; owner: Owner; dueDate?: string }): boolean {
  const before = findStep(planId, stepId);
  if (!before) return false;
  const after = { title: input.title, owner: input.owner, dueDate: input.dueDate || null };
  const changed = (Object.keys(after) as Array<keyof typeof after>).filter((k) => before[k] !== after[k]);
  if (changed.length === 0) return true;
  getDb().transaction((tx) => {
    tx.update(steps)
      .set({ ...after, updatedAt: now().getTime() })
      .where(eq(steps.id, stepId))
      .run();
    recordEvent(tx, {
      planId,
      actorId,
      kind: "step.updated",
      entityId: stepId,
      domain: before.domain,
      before: factChanges(changed, before, after).before,
      after: { ...factChanges(changed, before, after).after, goalId: before.goalId },
    });
  });
  return true;
}

/**
 * Ticks or unticks a step. The form says which state it wants, not "toggle", so a double tap leaves
 * it ticked once (and writes one history entry).
 */
export function setStepDone(planId: string, stepId: string, actorId: string, done: boolean): boolean {
  const step = findStep(planId, stepId);
  if (!step) return false;
  if ((step.doneAt !== null) === done) return true;
  getDb().transaction((tx) => {
    tx.update(steps)
      .set(done ? { doneAt: now().getTime(), doneBy: actorId, updatedAt: now().getTime() } : { doneAt: null, doneBy: null, updatedAt: now().getTime() })
      .where(eq(steps.id, stepId))
      .run();
    recordEvent(tx, {
      planId,
      actorId,
      kind: done ? "step.completed" : "step.reopened",
      entityId: stepId,
      domain: step.domain,
      after: { goalId: step.goalId },
    });
  });
  return true;
}

export function addComment(planId: string, goalId: string, actorId: string, body: string, clientToken?: string): boolean {
  const goal = findGoal(planId, goalId);
  if (!goal) return false;
  const db = getDb();
  if (clientToken) {
    const existing = db
      .select({ id: goalComments.id })
      .from(goalComments)
      .where(and(eq(goalComments.goalId, goalId), eq(goalComments.clientToken, clientToken)))
      .get();
    if (existing) return true;
  }
  db.transaction((tx) => {
    const id = randomUUID();
    tx.insert(goalComments)
      .values({ id, goalId, authorId: actorId, body, clientToken: clientToken ?? null, createdAt: now().getTime() })
      .run();
    recordEvent(tx, {
      planId,
      actorId,
      kind: "comment.commented",
      entityId: goalId,
      domain: goal.domain,
      after: { commentId: id },
    });
  });
  return true;
}

/** How soon the same rating again counts as a double tap rather than a new rating. */
const RATING_REPEAT_MS = 60_000;

export function addRating(planId: string, actorId: string, input: { domain: Domain; value: number; raterKind: RaterKind; ratedOn: string }): void {
  const db = getDb();
  const last = db
    .select({ value: readinessRatings.value, createdAt: readinessRatings.createdAt })
    .from(readinessRatings)
    .where(and(eq(readinessRatings.planId, planId), eq(readinessRatings.domain, input.domain), eq(readinessRatings.raterId, actorId)))
    .orderBy(desc(readinessRatings.createdAt))
    .get();
  if (last && last.value === input.value && now().getTime() - last.createdAt < RATING_REPEAT_MS) return;
  db.transaction((tx) => {
    tx.insert(readinessRatings)
      .values({
        id: randomUUID(),
        planId,
        domain: input.domain,
        raterId: actorId,
        raterKind: input.raterKind,
        value: input.value,
        ratedOn: input.ratedOn,
        createdAt: now().getTime(),
      })
      .run();
    recordEvent(tx, {
      planId,
      actorId,
      kind: "rating.rated",
      domain: input.domain,
      after: { value: input.value, raterKind: input.raterKind },
    });
  });
}

export function setPlanB(planId: string, actorId: string, domain: Domain, planB: string): void {
  const db = getDb();
  const before = db
    .select({ planB: planDomains.planB })
    .from(planDomains)
    .where(and(eq(planDomains.planId, planId), eq(planDomains.domain, domain)))
    .get();
  const value = planB.trim() || null;
  if ((before?.planB ?? null) === value) return;
  db.transaction((tx) => {
    if (before) {
      tx.update(planDomains)
        .set({ planB: value })
        .where(and(eq(planDomains.planId, planId), eq(planDomains.domain, domain)))
        .run();
    } else {
      tx.insert(planDomains).values({ id: randomUUID(), planId, domain, planB: value }).run();
    }
    recordEvent(tx, {
      planId,
      actorId,
      kind: "planB.updated",
      domain,
      after: { fields: ["planB"], empty: value === null },
    });
  });
}
