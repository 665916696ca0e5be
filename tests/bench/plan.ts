/**
 * Benchmark (not a test) for the plan page with a large plan: 7 domains × 20 goals × 10 steps plus
 * 200 extra history entries. Prints the SQL statements per page (must not grow with the plan) and
 * the server time of the plan pages over HTTP (median, p95) from one client, next to a bare route.
 * Run `npm run build` first.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { goals, planEvents, steps } from "../../db/schema";
import { addDays } from "~/domain/dates";
import { DOMAINS } from "~/domain/vocabulary";
import { demoDatabase, statementCounter } from "./demo";
import { benchServer } from "./http";

const PORT = Number(process.env.BENCH_PORT ?? 3201);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

const { path, db, today, youth, record, plan } = await demoDatabase("plan");

db.transaction((tx) => {
  for (const domain of DOMAINS) {
    for (let g = 0; g < 20; g++) {
      const goalId = randomUUID();
      tx.insert(goals)
        .values({ id: goalId, planId: plan.id, domain, title: `Mērķis ${domain} ${g + 1}`, why: "Tāpēc, ka tas man ir svarīgi.", owner: "youth", dueDate: addDays(today, g * 7 - 30), status: g % 5 === 0 ? "done" : "in_progress", position: 100 + g, createdBy: youth.id })
        .run();
      for (let s = 0; s < 10; s++) {
        tx.insert(steps)
          .values({ id: randomUUID(), goalId, title: `Solis ${s + 1}`, owner: s % 3 === 0 ? "mentor" : "youth", dueDate: addDays(today, s * 3 - 10), doneAt: s < 4 ? Date.now() : null, position: s, createdBy: youth.id })
          .run();
      }
    }
  }
  for (let e = 0; e < 200; e++) {
    tx.insert(planEvents).values({ id: randomUUID(), planId: plan.id, actorId: youth.id, entity: "step", entityId: null, domain: "housing", action: "completed", after: { title: `Solis ${e}` }, createdAt: Date.now() - e * 60_000 }).run();
  }
});
const counts = {
  goals: db.select({ id: goals.id }).from(goals).where(eq(goals.planId, plan.id)).all().length,
  events: db.select({ id: planEvents.id }).from(planEvents).where(eq(planEvents.planId, plan.id)).all().length,
};
db.$client.close();

// SQL statements per page, counted in this process on the same database (what the loaders run).
const plansModel = await import("~/models/plans.server");
const countStatements = await statementCounter();
const queryCounts = {
  overview: countStatements(() => plansModel.planOverview(plan.id, today)),
  domain: countStatements(() => plansModel.domainDetail(plan.id, "housing")),
  history: countStatements(() => plansModel.planHistory(plan.id, { limit: 300 })),
};

const server = benchServer(PORT, path);
try {
  await server.ready();
  const cookie = await server.login("youth.transition@demo.test");
  console.log(`plan: ${counts.goals} goals, ${counts.goals * 10 - 0} steps (+ demo), ${counts.events} history entries`);
  console.log(`SQL statements: overview ${queryCounts.overview}, domain page ${queryCounts.domain}, history ${queryCounts.history}`);
  console.log("page                         median ms   p95 ms");
  for (const [name, pathname, withCookie] of [
    ["bare route (/healthz)", "/healthz", false],
    ["plan overview", `/plan/${record.id}`, true],
    ["domain page (housing)", `/plan/${record.id}/housing`, true],
    ["history (300 newest)", `/plan/${record.id}/history`, true],
    ["young person's home", "/", true],
  ] as const) {
    const t = await server.time(pathname, ROUNDS, withCookie ? cookie : undefined);
    console.log(`${name.padEnd(28)} ${t.median.toFixed(2).padStart(9)} ${t.p95.toFixed(2).padStart(8)}`);
  }
  console.log(`(${ROUNDS} sequential requests per page after a warm-up, one client, times include HTTP on loopback)`);
} finally {
  server.stop();
}
