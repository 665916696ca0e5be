/**
 * Helpers for tests/integration/mentoring.test.ts: call the mentoring, home and settings routes as a
 * logged-in browser would, and a Remix request handler over the real route modules, so a request goes
 * through routing, `?_data=` handling and app/entry.server.tsx's headers exactly as in production
 * (without `remix build`: the server build is assembled from the source modules).
 */
import { asc, eq } from "drizzle-orm";
import { createRequestHandler, type SerializeFrom, type ServerBuild } from "@remix-run/node";
import { expect } from "vitest";
import { mentorContacts, mentorships, organisations, skillStates, youngPeople } from "../../db/schema";
import { BASE_URL, browserRequest, routeArgs, settle } from "../helpers/db";
import { cookieOf, planTables, type Outcome } from "./plan-support";
import * as entryServer from "~/entry.server";
import type { Home } from "~/models/home.server";
import * as root from "~/root";
import * as homeRoute from "~/routes/_index";
import * as settingsRoute from "~/routes/organisation.settings";
import * as domainRoute from "~/routes/plan.$youngPersonId.$domain";
import * as overviewRoute from "~/routes/plan.$youngPersonId._index";
import * as documentsRoute from "~/routes/plan.$youngPersonId.documents";
import * as goalRoute from "~/routes/plan.$youngPersonId.goals.$goalId";
import * as historyRoute from "~/routes/plan.$youngPersonId.history";
import * as mentoringRoute from "~/routes/plan.$youngPersonId.mentoring._index";
import * as contactRoute from "~/routes/plan.$youngPersonId.mentoring.contact";
import * as readinessRoute from "~/routes/plan.$youngPersonId.readiness";
import * as skillsRoute from "~/routes/plan.$youngPersonId.skills";
import * as stepRoute from "~/routes/plan.$youngPersonId.step";
import { getDb } from "~/utils/db.server";

export type MentoringData = SerializeFrom<typeof mentoringRoute.loader>;
export type ContactPageData = SerializeFrom<typeof contactRoute.loader>;

/** A conform reply as the mentoring forms send it back with a 400. */
export interface Reply {
  status?: string;
  initialValue: Record<string, unknown> | null;
  error?: Record<string, string[] | null>;
}

type Handler = (args: ReturnType<typeof routeArgs>) => unknown;

async function call(handler: Handler, path: string, params: Record<string, string>, email: string | null, form?: Record<string, string>) {
  const request = browserRequest(path, { cookie: email ? cookieOf(email) : undefined, form });
  const { response, thrown } = await settle(() => handler(routeArgs(request, params)));
  return { response, thrown, status: response.status, location: response.headers.get("Location") } satisfies Outcome;
}

/** A form that repeats a field (the contact's topics). */
async function callWithBody(handler: Handler, path: string, params: Record<string, string>, email: string, body: URLSearchParams) {
  const base = browserRequest(path, { cookie: cookieOf(email), form: {} });
  const request = new Request(base.url, { method: "POST", headers: base.headers, body });
  const { response, thrown } = await settle(() => handler(routeArgs(request, params)));
  return { response, thrown, status: response.status, location: response.headers.get("Location") } satisfies Outcome;
}

const p = (id: string) => ({ youngPersonId: id });

export const mentoring = {
  page: (email: string | null, id: string) => call(mentoringRoute.loader, `/plan/${id}/mentoring`, p(id), email),
  post: (email: string | null, id: string, form: Record<string, string>) => call(mentoringRoute.action, `/plan/${id}/mentoring`, p(id), email, form),
  contactPage: (email: string | null, id: string) => call(contactRoute.loader, `/plan/${id}/mentoring/contact`, p(id), email),
  logContact: (email: string | null, id: string, form: Record<string, string>) =>
    call(contactRoute.action, `/plan/${id}/mentoring/contact`, p(id), email, form),
  logContactBody: (email: string, id: string, body: URLSearchParams) => callWithBody(contactRoute.action, `/plan/${id}/mentoring/contact`, p(id), email, body),
};

export const otherPages = {
  documents: (email: string, id: string) => call(documentsRoute.loader, `/plan/${id}/documents`, p(id), email),
  skills: (email: string, id: string) => call(skillsRoute.loader, `/plan/${id}/skills`, p(id), email),
  confirmSkill: (email: string, id: string, skillKey: string, state: string) =>
    call(skillsRoute.action, `/plan/${id}/skills`, p(id), email, { skillKey, state }),
};

export const settings = {
  page: (email: string) => call(settingsRoute.loader, "/organisation/settings", {}, email),
  post: (email: string, form: Record<string, string>) => call(settingsRoute.action, "/organisation/settings", {}, email, form),
};

export interface HomeData {
  title: string;
  displayName: string;
  home: Home;
}

/** The home loader's data and its raw JSON text. */
export async function homeOf(email: string): Promise<{ data: HomeData; text: string }> {
  const outcome = await call(homeRoute.loader, "/", {}, email);
  expect(outcome.status).toBe(200);
  const text = await outcome.response.text();
  return { data: JSON.parse(text) as HomeData, text };
}

export function only<R extends Home["role"]>(home: Home, role: R): Extract<Home, { role: R }> {
  expect(home.role).toBe(role);
  return home as Extract<Home, { role: R }>;
}

/** A 200 page's JSON. */
export async function dataOf<T>(outcome: Outcome): Promise<{ data: T; text: string }> {
  expect({ status: outcome.status, thrown: outcome.thrown }).toEqual({ status: 200, thrown: false });
  const text = await outcome.response.text();
  return { data: JSON.parse(text) as T, text };
}

export async function mentoringOf(email: string, id: string) {
  return dataOf<MentoringData>(await mentoring.page(email, id));
}

/** The conform reply of a refused mentoring form (a 400, returned, not thrown). */
export async function replyOf(outcome: Outcome): Promise<Reply> {
  expect({ status: outcome.status, thrown: outcome.thrown }).toEqual({ status: 400, thrown: false });
  const body = (await outcome.response.json()) as Reply | { intent: string; result: Reply };
  return "result" in body ? body.result : body;
}

// ——— rows

export function mentorshipRows(youngPersonId?: string) {
  const db = getDb();
  const query = db.select().from(mentorships);
  return (youngPersonId ? query.where(eq(mentorships.youngPersonId, youngPersonId)) : query).orderBy(asc(mentorships.createdAt), asc(mentorships.id)).all();
}

export function contactRows(youngPersonId?: string) {
  const db = getDb();
  const query = db.select().from(mentorContacts);
  return (youngPersonId ? query.where(eq(mentorContacts.youngPersonId, youngPersonId)) : query).orderBy(asc(mentorContacts.id)).all();
}

/** Everything a mentoring or plan form can change, to show that a refused one changed nothing. */
export function everyTable() {
  const db = getDb();
  return {
    ...planTables(),
    mentorships: db.select().from(mentorships).orderBy(asc(mentorships.id)).all(),
    contacts: db.select().from(mentorContacts).orderBy(asc(mentorContacts.id)).all(),
    youngPeople: db.select().from(youngPeople).orderBy(asc(youngPeople.id)).all(),
    organisations: db.select().from(organisations).orderBy(asc(organisations.id)).all(),
    skillStates: db.select().from(skillStates).orderBy(asc(skillStates.id)).all(),
  };
}

export async function expectNothingChanged<T>(run: () => Promise<T>): Promise<T> {
  const before = everyTable();
  const result = await run();
  expect(everyTable()).toEqual(before);
  return result;
}

// ——— the whole Remix request pipeline

const ROUTES = {
  root: { path: "", module: root },
  "routes/_index": { index: true, module: homeRoute },
  "routes/organisation.settings": { path: "organisation/settings", module: settingsRoute },
  "routes/plan.$youngPersonId._index": { path: "plan/:youngPersonId", index: true, module: overviewRoute },
  "routes/plan.$youngPersonId.$domain": { path: "plan/:youngPersonId/:domain", module: domainRoute },
  "routes/plan.$youngPersonId.documents": { path: "plan/:youngPersonId/documents", module: documentsRoute },
  "routes/plan.$youngPersonId.goals.$goalId": { path: "plan/:youngPersonId/goals/:goalId", module: goalRoute },
  "routes/plan.$youngPersonId.history": { path: "plan/:youngPersonId/history", module: historyRoute },
  "routes/plan.$youngPersonId.mentoring._index": { path: "plan/:youngPersonId/mentoring", index: true, module: mentoringRoute },
  "routes/plan.$youngPersonId.mentoring.contact": { path: "plan/:youngPersonId/mentoring/contact", module: contactRoute },
  "routes/plan.$youngPersonId.readiness": { path: "plan/:youngPersonId/readiness", module: readinessRoute },
  "routes/plan.$youngPersonId.skills": { path: "plan/:youngPersonId/skills", module: skillsRoute },
  "routes/plan.$youngPersonId.step": { path: "plan/:youngPersonId/step", module: stepRoute },
} as const;

function serverBuild(): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  const assetRoutes: ServerBuild["assets"]["routes"] = {};
  for (const [id, route] of Object.entries(ROUTES)) {
    const parentId = id === "root" ? undefined : "root";
    const index = "index" in route ? route.index : undefined;
    const path = "path" in route ? route.path : undefined;
    routes[id] = { id, parentId, path, index, caseSensitive: undefined, module: route.module as ServerBuild["routes"][string]["module"] };
    const module = route.module as Record<string, unknown>;
    assetRoutes[id] = {
      id,
      parentId,
      path,
      index,
      module: `/build/${id}.js`,
      imports: [],
      hasAction: "action" in module,
      hasLoader: "loader" in module,
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: "ErrorBoundary" in module,
    };
  }
  return {
    mode: "production",
    entry: { module: entryServer },
    routes,
    assets: { entry: { module: "/build/entry.client.js", imports: [] }, routes: assetRoutes, url: "/build/manifest-test.js", version: "test" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: false },
    isSpaMode: false,
  };
}

let handler: ReturnType<typeof createRequestHandler> | null = null;

/**
 * A request through Remix itself, as `email`: a GET (documents render to HTML; `?_data=` gives a route's
 * JSON) or, with `form`, a form posted without JavaScript (the action runs, then the page renders).
 */
export async function fetchPage(
  path: string,
  email: string | null,
  options: { form?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Response> {
  handler ??= createRequestHandler(serverBuild(), "production");
  // Behind the Express server every request has a Host header; Remix compares it with Origin on a POST.
  const headers = { Host: new URL(BASE_URL).host, ...options.headers };
  return handler(browserRequest(path, { cookie: email ? cookieOf(email) : undefined, form: options.form, headers }));
}
