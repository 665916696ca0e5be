/**
 * What each benchmarked page's loader and its model functions cost in this process, on the large plans of
 * the page benchmark (not a test; it prints numbers): `npx tsx tests/bench/page-loaders.ts`. The loaders
 * are the routes' own, called as Remix calls them (with a session cookie), so the numbers are a page's
 * data path without HTTP, rendering or compression: what a change to a model saves, with less of the
 * machine's noise than timing pages over HTTP.
 */
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { inProcessCookie, largePlansDatabase } from "./built-server";

const { today, youth, record, planId, firstGoalId } = await largePlansDatabase("page-loaders");
const plan = { id: planId };

const { getDb } = await import("~/utils/db.server");
const actorOf = (email: string) => {
  const user = getDb().select().from(users).where(eq(users.email, email)).get()!;
  return { id: user.id, role: user.role, organisationId: user.organisationId };
};

const N = Number(process.env.BENCH_CALLS ?? 400);
function report(label: string, us: number) {
  console.log(`${label.padEnd(56)} ${us.toFixed(0).padStart(7)} µs CPU per call`);
}
// BENCH_ONLY=<regexp>: time only the matching lines (for a profile of one loader: node --cpu-prof --import tsx …).
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
function time(label: string, fn: () => unknown): number {
  if (only && !only.test(label)) return 0;
  for (let i = 0; i < 50; i++) fn();
  const start = process.cpuUsage();
  for (let i = 0; i < N; i++) fn();
  const used = process.cpuUsage(start);
  const us = (used.user + used.system) / N;
  report(label, us);
  return us;
}
async function timeAsync(label: string, fn: () => Promise<unknown>): Promise<number> {
  if (only && !only.test(label)) return 0;
  for (let i = 0; i < 50; i++) await fn();
  const start = process.cpuUsage();
  for (let i = 0; i < N; i++) await fn();
  const used = process.cpuUsage(start);
  const us = (used.user + used.system) / N;
  report(label, us);
  return us;
}

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response> | Response;
async function load(loader: Loader, path: string, cookie: string, params: Record<string, string> = {}) {
  const request = new Request(new URL(path, "http://localhost:3000"), { headers: { Cookie: cookie, "Accept-Language": "lv" } });
  let response: Response;
  try {
    response = await loader({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) throw new Error(`${path}: ${thrown.status}`);
    throw thrown;
  }
  await response.text();
}

console.log(`load average ${loadavg()[0]!.toFixed(1)} (${cpus().length} cores); ${N} calls each; large plans of Jānis and Marta`);
const youthCookie = await inProcessCookie(youth.email);
const mentorCookie = await inProcessCookie("mentor@demo.test");
const specialistCookie = await inProcessCookie("specialist@demo.test");
// The loaders of the production build (build/index.js: run `npm run build` first), as the server runs them.
process.env.TILTS_BENCH_BARE = "1";
const build = (await import(pathToFileURL(join(process.cwd(), "build/index.js")).href)) as { routes: Record<string, { module: { loader: Loader } }> };
const routeLoader = (id: string) => ({ loader: build.routes[id]!.module.loader });
const root = routeLoader("root");
const home = routeLoader("routes/_index");
const overview = routeLoader("routes/plan.$youngPersonId._index");
const domain = routeLoader("routes/plan.$youngPersonId.$domain");
const goal = routeLoader("routes/plan.$youngPersonId.goals.$goalId");
const bare = routeLoader("routes/bench-bare");

console.log("\nroute loaders (the root loader runs on every page as well):");
await timeAsync("root loader (young person)", () => load(root.loader, "/", youthCookie));
await timeAsync("bare page's loader", () => load(bare.loader, "/bench-bare", youthCookie));
await timeAsync("plan overview", () => load(overview.loader, `/plan/${record.id}`, youthCookie, { youngPersonId: record.id }));
await timeAsync("domain page (housing)", () => load(domain.loader, `/plan/${record.id}/housing`, youthCookie, { youngPersonId: record.id, domain: "housing" }));
await timeAsync("goal page", () =>
  load(goal.loader, `/plan/${record.id}/goals/${firstGoalId}`, youthCookie, { youngPersonId: record.id, goalId: firstGoalId }),
);
await timeAsync("young person's home", () => load(home.loader, "/", youthCookie));
await timeAsync("mentor's home (2 large plans)", () => load(home.loader, "/", mentorCookie));
await timeAsync("specialist's home", () => load(home.loader, "/", specialistCookie));

// The first view after a write: every plan's revision moved (an UPDATE of two rows, on this script's
// connection, inside the timing), so the kept reads (decision 042) are computed anew.
const bump = getDb().$client.prepare("UPDATE plans SET revision = revision + 1");
const afterWrite = (loader: () => Promise<void>) => async () => {
  bump.run();
  await loader();
};
console.log("\nthe same, each right after a write to the plans (what is kept is computed anew):");
await timeAsync(
  "plan overview",
  afterWrite(() => load(overview.loader, `/plan/${record.id}`, youthCookie, { youngPersonId: record.id })),
);
await timeAsync(
  "domain page (housing)",
  afterWrite(() => load(domain.loader, `/plan/${record.id}/housing`, youthCookie, { youngPersonId: record.id, domain: "housing" })),
);
await timeAsync(
  "young person's home",
  afterWrite(() => load(home.loader, "/", youthCookie)),
);
await timeAsync(
  "mentor's home (2 large plans)",
  afterWrite(() => load(home.loader, "/", mentorCookie)),
);
await timeAsync("(the write alone)", async () => {
  bump.run();
});

console.log("\nmodel functions of the homes and the overview:");
const { homeFor } = await import("~/models/home.server");
const { planOverview } = await import("~/models/plans.server");
const { planProgress } = await import("~/models/progress.server");
const { nextMentorMeeting, mentorDashboard } = await import("~/models/mentorships.server");
const { youthReviewCard } = await import("~/models/reviews.server");
const { planDocumentRows } = await import("~/models/documents.server");
const { getCaseCard, getCaseSubject } = await import("~/models/young-people.server");
const { viewerOf } = await import("~/domain/policy");
const { reviewWorklistEntries } = await import("~/models/reviews.server");
const youthActor = actorOf(youth.email);
const subject = getCaseSubject(record.id)!;
const viewer = viewerOf(youthActor, subject, today)!;
time("homeFor(young person)", () => homeFor(youthActor, today));
time("  getCaseSubject", () => getCaseSubject(record.id));
time("  getCaseCard", () => getCaseCard(youthActor, record.id, today));
time("  planOverview", () => planOverview(plan.id, today));
time("  planProgress", () => planProgress(plan.id, today));
time("  nextMentorMeeting", () => nextMentorMeeting(record.id, today));
time("  planDocumentRows", () => planDocumentRows(plan.id));
time("  youthReviewCard", () => youthReviewCard(record.id, today));
const mentorActor = actorOf("mentor@demo.test");
time("homeFor(mentor)", () => homeFor(mentorActor, today));
time("  mentorDashboard", () => mentorDashboard(mentorActor, today));
const specialistActor = actorOf("specialist@demo.test");
time("homeFor(specialist)", () => homeFor(specialistActor, today));

console.log("\nmodel functions of the goal page and the specialist's home:");
const { domainPageOfGoal, goalDetail, planHistory } = await import("~/models/plans.server");
const { printedFor } = await import("~/models/print.server");
const { savingsForPlanGoal } = await import("~/models/budget.server");
const { reviewsOfGoals, reviewDueOf } = await import("~/models/reviews.server");
const { specialistCaseload } = await import("~/models/young-people.server");
const { rhythmsFor } = await import("~/models/mentorships.server");
const { specialistWorklist } = await import("~/models/worklist.server");
const detail = goalDetail(plan.id, firstGoalId)!;
time("  goalDetail", () => goalDetail(plan.id, firstGoalId));
time("  planHistory of the goal (limit 100)", () => planHistory(plan.id, viewer, { entityIds: [firstGoalId, ...detail.steps.map((s) => s.id)], limit: 100 }));
time("  domainPageOfGoal", () => domainPageOfGoal(plan.id, firstGoalId));
time("  printedFor", () => printedFor(record.id, today));
time("  savingsForPlanGoal", () => savingsForPlanGoal(firstGoalId));
time("  reviewsOfGoals", () => reviewsOfGoals([firstGoalId]));
const caseload = specialistCaseload(specialistActor, today);
const ids = caseload.map((c) => c.id);
time("  specialistCaseload", () => specialistCaseload(specialistActor, today));
time("  rhythmsFor", () => rhythmsFor(specialistActor.organisationId, ids, today));
time("  reviewDueOf", () => reviewDueOf(ids, today));
time("  reviewWorklistEntries", () => reviewWorklistEntries(ids, today));
const rhythms = rhythmsFor(specialistActor.organisationId, ids, today);
const reviews = reviewWorklistEntries(ids, today);
time("  specialistWorklist", () => specialistWorklist(specialistActor, caseload, rhythms, today, { leaverMonths: 6, reviews }));
