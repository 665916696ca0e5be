/**
 * Benchmark (not a test) for the budget page with two years of transactions (about 2,000) and 20
 * envelopes. Prints the SQL statements the page's model runs with the demo's 40 transactions and with
 * 2,000 (must be the same), and the server time of the budget pages over HTTP (median, p95) from one
 * client, next to a bare route. Run `npm run build` first.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { budgetEnvelopes, budgetTransactions } from "../../db/schema";
import { ENVELOPE_CATEGORIES } from "~/domain/budget";
import { addDays } from "~/domain/dates";
import { demoDatabase, statementCounter } from "./demo";
import { benchServer } from "./http";

const PORT = Number(process.env.BENCH_PORT ?? 3210);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const TRANSACTIONS = 2000;

const { path, db, today, youth, record } = await demoDatabase("budget");

// SQL statements of the page's model with the demo's transactions, counted in this process.
const budget = await import("~/models/budget.server");
const countStatements = await statementCounter();
const before = countStatements(() => budget.budgetOverview(record.id, today));

const existing = db.select({ id: budgetEnvelopes.id }).from(budgetEnvelopes).where(eq(budgetEnvelopes.youngPersonId, record.id)).all();
db.transaction((tx) => {
  for (let e = existing.length; e < 20; e++) {
    const id = randomUUID();
    tx.insert(budgetEnvelopes)
      .values({
        id,
        youngPersonId: record.id,
        category: ENVELOPE_CATEGORIES[e % ENVELOPE_CATEGORIES.length]!,
        title: `Aploksne ${e + 1}`,
        plannedCents: 1500,
        position: e,
      })
      .run();
    existing.push({ id });
  }
  for (let i = 0; i < TRANSACTIONS; i++) {
    const income = i % 10 === 0;
    tx.insert(budgetTransactions)
      .values({
        id: randomUUID(),
        youngPersonId: record.id,
        kind: income ? "income" : "expense",
        amountCents: 50 + ((i * 37) % 2500),
        envelopeId: income ? null : existing[i % existing.length]!.id,
        incomeCategory: income ? "gift" : null,
        on: addDays(today, -Math.floor((i * 730) / TRANSACTIONS)),
        createdBy: youth.id,
        createdAt: Date.now() - i * 60_000,
      })
      .run();
  }
});
const counts = {
  transactions: db.select({ id: budgetTransactions.id }).from(budgetTransactions).where(eq(budgetTransactions.youngPersonId, record.id)).all().length,
  envelopes: db
    .select({ id: budgetEnvelopes.id })
    .from(budgetEnvelopes)
    .where(and(eq(budgetEnvelopes.youngPersonId, record.id)))
    .all().length,
};
const after = countStatements(() => budget.budgetOverview(record.id, today));
db.$client.close();

const server = benchServer(PORT, path);
try {
  await server.ready();
  const cookie = await server.login("youth.transition@demo.test");
  console.log(`budget: ${counts.transactions} transactions over two years, ${counts.envelopes} envelopes`);
  console.log(`SQL statements of the budget page: ${before} with the demo's transactions, ${after} with ${counts.transactions}`);
  console.log("page                         median ms   p95 ms");
  for (const [name, pathname, withCookie] of [
    ["bare route (/healthz)", "/healthz", false],
    ["plan overview (for scale)", `/plan/${record.id}`, true],
    ["budget overview", `/plan/${record.id}/budget`, true],
    ["pocket money", `/plan/${record.id}/budget/pocket-money`, true],
    ["first month alone", `/plan/${record.id}/budget/first-month`, true],
  ] as const) {
    const t = await server.time(pathname, ROUNDS, withCookie ? cookie : undefined);
    console.log(`${name.padEnd(28)} ${t.median.toFixed(2).padStart(9)} ${t.p95.toFixed(2).padStart(8)}`);
  }
  console.log(`(${ROUNDS} sequential requests per page after a warm-up, one client, times include HTTP on loopback)`);
} finally {
  server.stop();
}
