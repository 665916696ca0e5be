/**
 * Shared helpers for the plan integration tests (tests/integration/plan-*.test.ts): call the real plan
 * route loaders and actions as a logged-in browser would, read their JSON, and look at the plan's rows.
 */
import { randomUUID } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import type { SerializeFrom } from "@remix-run/node";
import { expect } from "vitest";
import { goalComments, goals, planDomains, planEvents, plans, readinessRatings, steps } from "../../db/schema";
import { browserRequest, routeArgs, sessionCookieFor, settle, userByEmail, youngPersonOf } from "../helpers/db";
import type { Domain, Owner } from "~/domain/vocabulary";
import * as overviewRoute from "~/routes/plan.$youngPersonId._index";
import * as domainRoute from "~/routes/plan.$youngPersonId.$domain";
import * as goalRoute from "~/routes/plan.$youngPersonId.goals.$goalId";
import * as stepRoute from "~/routes/plan.$youngPersonId.step";
import * as historyRoute from "~/routes/plan.$youngPersonId.history";
import * as readinessRoute from "~/routes/plan.$youngPersonId.readiness";
import { now } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";

export const YOUTH = "youth.transition@demo.test"; // Jānis Ozols: mentor and carer, demo plan in use
export const AFTERCARE = "youth.aftercare@demo.test"; // Marta Liepa: mentor too
export const PREPARATION = "youth.preparation@demo.test"; // Anna Kalniņa: no mentor
export const MENTOR = "mentor@demo.test";
export const SPECIALIST = "specialist@demo.test";
export const CARER = "carer@demo.test";
export const LEAD = "lead@demo.test";
export const ADMIN = "admin@demo.test";

export type OverviewData = SerializeFrom<typeof overviewRoute.loader>;
export type DomainData = SerializeFrom<typeof domainRoute.loader>;
export type GoalData = SerializeFrom<typeof goalRoute.loader>;
type HistoryPage = SerializeFrom<typeof historyRoute.loader>;
/** The history page's data with its entries in one list, newest first (the page groups them by day). */
export type HistoryData = HistoryPage & { events: HistoryPage["days"][number]["groups"][number]["events"] };
export type ReadinessData = SerializeFrom<typeof readinessRoute.loader>;

/** What a conform reply looks like in a 400 answer. */
export interface FormReply {
  intent: string;
  result: { status?: string; initialValue: Record<string, unknown> | null; error?: Record<string, string[] | null> };
}

export interface Outcome {
  response: Response;
  thrown: boolean;
  status: number;
  location: string | null;
}

type Handler = (args: ReturnType<typeof routeArgs>) => unknown;

/** A fresh session for `email`, made "now" on the (possibly moved) server clock. */
export function cookieOf(email: string): string {
  const at = now().getTime();
  return sessionCookieFor(email, { createdAt: at, lastSeenAt: at });
}

async function call(
  handler: Handler,
  path: string,
  params: Record<string, string>,
  email: string | null,
  body?: { form?: Record<string, string>; json?: unknown },
): Promise<Outcome> {
  const cookie = email ? cookieOf(email) : undefined;
  let request: Request;
  if (body?.json !== undefined) {
    request = browserRequest(path, { cookie, method: "POST", headers: { "Content-Type": "application/json" } });
    request = new Request(request.url, { method: "POST", headers: request.headers, body: JSON.stringify(body.json) });
  } else {
    request = browserRequest(path, { cookie, form: body?.form });
  }
  const { response, thrown } = await settle(() => handler(routeArgs(request, params)));
  return { response, thrown, status: response.status, location: response.headers.get("Location") };
}

export async function jsonOf<T>(outcome: Outcome): Promise<T> {
  expect(outcome.thrown).toBe(false);
  expect(outcome.status).toBe(200);
  return (await outcome.response.json()) as T;
}

// ——— pages (loaders)

export const pages = {
  overview: (email: string | null, id: string) => call(overviewRoute.loader, `/plan/${id}`, { youngPersonId: id }, email),
  domain: (email: string | null, id: string, domain: string) => call(domainRoute.loader, `/plan/${id}/${domain}`, { youngPersonId: id, domain }, email),
  goal: (email: string | null, id: string, goalId: string) => call(goalRoute.loader, `/plan/${id}/goals/${goalId}`, { youngPersonId: id, goalId }, email),
  history: (email: string | null, id: string, search = "?limit=400") => call(historyRoute.loader, `/plan/${id}/history${search}`, { youngPersonId: id }, email),
  readiness: (email: string | null, id: string) => call(readinessRoute.loader, `/plan/${id}/readiness`, { youngPersonId: id }, email),
};

export async function overviewOf(email: string, id: string) {
  return jsonOf<OverviewData>(await pages.overview(email, id));
}
export async function domainOf(email: string, id: string, domain: Domain) {
  return jsonOf<DomainData>(await pages.domain(email, id, domain));
}
export async function goalOf(email: string, id: string, goalId: string) {
  return jsonOf<GoalData>(await pages.goal(email, id, goalId));
}
export async function historyOf(email: string, id: string) {
  const page = await jsonOf<HistoryPage>(await pages.history(email, id));
  return { ...page, events: page.days.flatMap((d) => d.groups.flatMap((g) => g.events)) };
}
export async function readinessOf(email: string, id: string) {
  return jsonOf<ReadinessData>(await pages.readiness(email, id));
}

// ——— forms (actions)

export const post = {
  domain: (email: string | null, id: string, domain: string, form: Record<string, string>) =>
    call(domainRoute.action, `/plan/${id}/${domain}`, { youngPersonId: id, domain }, email, { form }),
  goal: (email: string | null, id: string, goalId: string, form: Record<string, string>) =>
    call(goalRoute.action, `/plan/${id}/goals/${goalId}`, { youngPersonId: id, goalId }, email, { form }),
  step: (email: string | null, id: string, form: Record<string, string>) => call(stepRoute.action, `/plan/${id}/step`, { youngPersonId: id }, email, { form }),
};

export const postJson = {
  domain: (email: string, id: string, domain: string, json: unknown) =>
    call(domainRoute.action, `/plan/${id}/${domain}`, { youngPersonId: id, domain }, email, { json }),
  goal: (email: string, id: string, goalId: string, json: unknown) =>
    call(goalRoute.action, `/plan/${id}/goals/${goalId}`, { youngPersonId: id, goalId }, email, { json }),
  step: (email: string, id: string, json: unknown) => call(stepRoute.action, `/plan/${id}/step`, { youngPersonId: id }, email, { json }),
};

export const token = () => randomUUID();

export function goalForm(domain: Domain, fields: Partial<Record<"title" | "why" | "owner" | "dueDate" | "clientToken", string>>) {
  return { intent: "createGoal", domain, owner: "youth", clientToken: token(), ...fields };
}

/** Expects a 302 to `location` (exactly, or matching a pattern). */
export function expectRedirect(outcome: Outcome, location?: string | RegExp): string {
  expect(outcome.thrown).toBe(false);
  expect(outcome.status).toBe(302);
  const to = outcome.location ?? "";
  if (typeof location === "string") expect(to).toBe(location);
  else if (location) expect(to).toMatch(location);
  return to;
}

export function expectNotFound(outcome: Outcome) {
  expect(outcome.thrown).toBe(true);
  expect(outcome.status).toBe(404);
}

/** A 400 form reply; gives back the conform result (errors and the values typed). */
export async function formReplyOf(outcome: Outcome): Promise<FormReply> {
  expect(outcome.thrown).toBe(false);
  expect(outcome.status).toBe(400);
  return (await outcome.response.json()) as FormReply;
}

/** The goal id at the end of a "/plan/:id/goals/:goalId" redirect. */
export function goalIdFrom(location: string): string {
  const match = /\/goals\/([^/#?]+)/.exec(location);
  if (!match) throw new Error(`Not a goal page: ${location}`);
  return match[1]!;
}

// ——— rows

export function youngPersonIdOf(email: string): string {
  return youngPersonOf(email).id;
}

export function userIdOf(email: string): string {
  return userByEmail(email).id;
}

export function nameOf(email: string): string {
  return userByEmail(email).displayName;
}

export function planIdOf(youngPersonId: string): string {
  const row = getDb().select({ id: plans.id }).from(plans).where(eq(plans.youngPersonId, youngPersonId)).get();
  if (!row) throw new Error(`No plan for ${youngPersonId}`);
  return row.id;
}

export function goalRows(youngPersonId: string) {
  return getDb()
    .select()
    .from(goals)
    .where(eq(goals.planId, planIdOf(youngPersonId)))
    .orderBy(asc(goals.domain), asc(goals.position))
    .all();
}

export function goalRow(goalId: string) {
  return getDb().select().from(goals).where(eq(goals.id, goalId)).get() ?? null;
}

export function stepRows(youngPersonId: string) {
  const ids = goalRows(youngPersonId).map((g) => g.id);
  if (ids.length === 0) return [];
  return getDb().select().from(steps).where(inArray(steps.goalId, ids)).orderBy(asc(steps.position)).all();
}

export function stepRow(stepId: string) {
  return getDb().select().from(steps).where(eq(steps.id, stepId)).get() ?? null;
}

/** An open step (not done, in an open goal) of the plan owned by `owner`. */
export function openStepOwnedBy(youngPersonId: string, owner: Owner) {
  const openGoals = new Set(
    goalRows(youngPersonId)
      .filter((g) => g.status === "planned" || g.status === "in_progress")
      .map((g) => g.id),
  );
  const step = stepRows(youngPersonId).find((s) => s.owner === owner && s.doneAt === null && openGoals.has(s.goalId));
  if (!step) throw new Error(`No open ${owner} step`);
  return step;
}

export function eventRows(youngPersonId: string) {
  return getDb()
    .select()
    .from(planEvents)
    .where(eq(planEvents.planId, planIdOf(youngPersonId)))
    .all();
}

/** Every plan row of every plan, to show that a refused or invalid request changed nothing. */
export function planTables() {
  const db = getDb();
  return {
    plans: db.select().from(plans).orderBy(asc(plans.id)).all(),
    planDomains: db.select().from(planDomains).orderBy(asc(planDomains.id)).all(),
    goals: db.select().from(goals).orderBy(asc(goals.id)).all(),
    steps: db.select().from(steps).orderBy(asc(steps.id)).all(),
    comments: db.select().from(goalComments).orderBy(asc(goalComments.id)).all(),
    ratings: db.select().from(readinessRatings).orderBy(asc(readinessRatings.id)).all(),
    events: db.select().from(planEvents).orderBy(asc(planEvents.id)).all(),
  };
}

/** Runs `run` and expects no plan row anywhere to have changed. */
export async function expectNoChange<T>(run: () => Promise<T>): Promise<T> {
  const before = planTables();
  const result = await run();
  expect(planTables()).toEqual(before);
  return result;
}
