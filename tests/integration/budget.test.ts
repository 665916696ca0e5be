/**
 * The budget through its real routes, on a real SQLite database with the demo: who may see and do what
 * (another person's budget answers 404), what people type for amounts, bad input answered next to the
 * field, pocket money from confirmed duties (once per duty and period, paid once), delete with undo,
 * the support catalogue, and a fixed number of SQL statements for the page however many transactions.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { budgetEnvelopes, budgetPots, budgetTransactions, supportEntries } from "../../db/schema";
import { browserRequest, countStatements, freshDatabase, routeArgs, settle } from "../helpers/db";
import { sharing } from "./keys-support";
import { ADMIN, CARER, cookieOf, LEAD, MENTOR, PREPARATION, SPECIALIST, YOUTH, youngPersonIdOf } from "./plan-support";
import { addDays, todayInRiga } from "~/domain/dates";
import { periodOf } from "~/domain/budget";
import { budgetOverview, dutiesOf, pocketMoneySettings } from "~/models/budget.server";
import { getDb } from "~/utils/db.server";
import * as overviewRoute from "~/routes/plan.$youngPersonId.budget._index";
import * as pocketRoute from "~/routes/plan.$youngPersonId.budget.pocket-money";
import * as setupRoute from "~/routes/plan.$youngPersonId.budget.setup";
import * as editRoute from "~/routes/plan.$youngPersonId.budget.transactions.$transactionId";
import * as firstMonthRoute from "~/routes/plan.$youngPersonId.budget.first-month";
import * as supportRoute from "~/routes/organisation.support";

type Handler = (args: ReturnType<typeof routeArgs>) => unknown;

async function call(handler: Handler, path: string, params: Record<string, string>, email: string, form?: Record<string, string>) {
  const request = browserRequest(path, { cookie: cookieOf(email), form });
  const { response, thrown } = await settle(() => handler(routeArgs(request, params)));
  return { response, thrown, status: response.status, location: response.headers.get("Location") };
}

let janis: string;
const base = () => `/plan/${janis}/budget`;
/** Jānis's own switches: his budget shared with his mentor and his carer. */
async function shareBudget() {
  for (const audience of ["mentor", "carer"]) expect((await sharing.set(YOUTH, janis, audience, "budget", true)).status).toBe(302);
}
const page = (route: { loader: Handler }, suffix: string, email: string, extra: Record<string, string> = {}) =>
  call(route.loader, `${base()}${suffix}`, { youngPersonId: janis, ...extra }, email);
const post = (route: { action: Handler }, suffix: string, email: string, form: Record<string, string>, extra: Record<string, string> = {}) =>
  call(route.action, `${base()}${suffix}`, { youngPersonId: janis, ...extra }, email, form);

async function errorsOf(outcome: { response: Response; status: number }) {
  expect(outcome.status).toBe(400);
  const body = (await outcome.response.json()) as { result: { error: Record<string, string[] | null>; initialValue: Record<string, string> } };
  return body.result;
}

function envelopeId(category = "food") {
  return getDb()
    .select({ id: budgetEnvelopes.id })
    .from(budgetEnvelopes)
    .where(and(eq(budgetEnvelopes.youngPersonId, janis), eq(budgetEnvelopes.category, category as "food")))
    .get()!.id;
}

function lastTransaction() {
  return getDb()
    .select()
    .from(budgetTransactions)
    .where(eq(budgetTransactions.youngPersonId, janis))
    .all()
    .sort((a, b) => b.createdAt - a.createdAt)[0]!;
}

beforeEach(async () => {
  await freshDatabase();
  janis = youngPersonIdOf(YOUTH);
});

describe("who sees and changes the budget", () => {
  test("the young person, the specialist and the lead see it; the carer and mentor when Jānis shares it; others get 404", async () => {
    for (const email of [YOUTH, SPECIALIST, LEAD]) expect((await page(overviewRoute, "", email)).status, email).toBe(200);
    for (const email of [CARER, MENTOR, PREPARATION, ADMIN]) {
      const outcome = await page(overviewRoute, "", email);
      expect(outcome.thrown, email).toBe(true);
      expect(outcome.status, email).toBe(404);
    }
    // The carer's part, the pocket money and its duties, is theirs whether or not the budget is shared.
    expect((await page(pocketRoute, "/pocket-money", CARER)).status).toBe(200);
    expect((await page(pocketRoute, "/pocket-money", MENTOR)).status).toBe(404);
    await shareBudget();
    for (const email of [CARER, MENTOR]) expect((await page(overviewRoute, "", email)).status, email).toBe(200);
  });

  test("only the young person and the specialist keep it; the carer and mentor cannot add, the set-up page is theirs", async () => {
    const form = { amount: "3,20", category: `envelope:${envelopeId()}` };
    for (const email of [CARER, MENTOR, LEAD, PREPARATION]) expect((await post(overviewRoute, "", email, form)).status, email).toBe(404);
    expect((await post(overviewRoute, "", SPECIALIST, form)).status).toBe(302);
    expect((await page(setupRoute, "/setup", CARER)).status).toBe(404);
    expect((await page(setupRoute, "/setup", YOUTH)).status).toBe(200);
  });

  test("pocket money is set by the carer or specialist, not the young person; duties are confirmed by the carer or specialist", async () => {
    const settings = { intent: "settings", amount: "15", rhythm: "weekly", payDay: "5" };
    expect((await post(pocketRoute, "/pocket-money", YOUTH, settings)).status).toBe(404);
    expect((await post(pocketRoute, "/pocket-money", MENTOR, settings)).status).toBe(404);
    expect((await post(pocketRoute, "/pocket-money", CARER, settings)).location).toMatch(/saved=1/);
    expect(pocketMoneySettings(janis)?.amountCents).toBe(1500);
    const duty = dutiesOf(janis)[0]!;
    const period = periodOf({ rhythm: "weekly", payDay: 5 }, todayInRiga()).start;
    const check = { intent: "check", dutyId: duty.id, periodStart: period, done: "1" };
    expect((await post(pocketRoute, "/pocket-money", YOUTH, check)).status).toBe(404);
    expect((await post(pocketRoute, "/pocket-money", MENTOR, check)).status).toBe(404);
    expect((await post(pocketRoute, "/pocket-money", CARER, check)).status).toBe(302);
  });

  test("a transaction of another young person's budget is not found through this one", async () => {
    const anna = youngPersonIdOf(PREPARATION);
    const id = randomUUID();
    getDb().insert(budgetTransactions).values({ id, youngPersonId: anna, kind: "expense", amountCents: 100, on: todayInRiga() }).run();
    expect((await post(overviewRoute, "", YOUTH, { intent: "delete", id })).status).toBe(404);
    expect((await page(editRoute, `/transactions/${id}`, YOUTH, { transactionId: id })).status).toBe(404);
    expect(getDb().select().from(budgetTransactions).where(eq(budgetTransactions.id, id)).get()!.deletedAt).toBeNull();
  });

  test("the support catalogue is for the lead and admin (403 for others)", async () => {
    for (const email of [LEAD, ADMIN]) expect((await call(supportRoute.loader, "/organisation/support", {}, email)).status).toBe(200);
    for (const email of [SPECIALIST, YOUTH, CARER]) expect((await call(supportRoute.loader, "/organisation/support", {}, email)).status).toBe(403);
  });
});

describe("two-tap expenses and what people type", () => {
  test.each([
    ["12,5", 1250],
    ["12,50", 1250],
    ["12.50", 1250],
    ["€12", 1200],
    ["12 €", 1200],
  ])("%s is saved as %i cents", async (amount, cents) => {
    const outcome = await post(overviewRoute, "", YOUTH, { amount, category: `envelope:${envelopeId()}`, clientToken: randomUUID() });
    expect(outcome.status).toBe(302);
    expect(lastTransaction()).toMatchObject({ amountCents: cents, kind: "expense", envelopeId: envelopeId(), on: todayInRiga() });
  });

  test.each([
    ["-0", "budget.errors.money.negative"],
    ["1e9", "budget.errors.money.invalid"],
    ["abc", "budget.errors.money.invalid"],
    ["99999999999", "budget.errors.money.tooLarge"],
    ["0", "budget.errors.money.zero"],
    ["", "budget.errors.moneyRequired"],
  ])("%s is refused next to the amount, and kept", async (amount, error) => {
    const before = getDb().select().from(budgetTransactions).all().length;
    const reply = await errorsOf(await post(overviewRoute, "", YOUTH, { amount, category: `envelope:${envelopeId()}` }));
    expect(reply.error.amount).toEqual([error]);
    if (amount) expect(reply.initialValue.amount).toBe(amount);
    expect(getDb().select().from(budgetTransactions).all().length).toBe(before);
  });

  test("an empty or unknown category, and a day far in the past or future, are refused", async () => {
    expect((await errorsOf(await post(overviewRoute, "", YOUTH, { amount: "3" }))).error.category).toEqual(["budget.errors.category"]);
    expect((await errorsOf(await post(overviewRoute, "", YOUTH, { amount: "3", category: "envelope:nope" }))).error.category).toEqual([
      "budget.errors.category",
    ]);
    const far = await errorsOf(await post(overviewRoute, "", YOUTH, { amount: "3", category: "none", on: "2001-01-01" }));
    expect(far.error.on).toEqual(["budget.errors.datePast"]);
    const future = await errorsOf(await post(overviewRoute, "", YOUTH, { amount: "3", category: "none", on: addDays(todayInRiga(), 3) }));
    expect(future.error.on).toEqual(["budget.errors.dateFuture"]);
  });

  test("a double tap adds one expense", async () => {
    const form = { amount: "2", category: "none", clientToken: randomUUID() };
    const before = getDb().select().from(budgetTransactions).all().length;
    await post(overviewRoute, "", YOUTH, form);
    await post(overviewRoute, "", YOUTH, form);
    expect(getDb().select().from(budgetTransactions).all().length).toBe(before + 1);
  });

  test("income is split into the pots to the cent; delete keeps the row and undo brings it back", async () => {
    const before = budgetOverview(janis, todayInRiga()).pots;
    expect((await post(overviewRoute, "", YOUTH, { amount: "10,01", category: "income:gift" })).status).toBe(302);
    const income = lastTransaction();
    const after = budgetOverview(janis, todayInRiga()).pots;
    const gained = after.reduce((a, p) => a + p.balance, 0) - before.reduce((a, p) => a + p.balance, 0);
    expect(gained).toBe(1001);
    expect(after.map((p, i) => p.balance - before[i]!.balance)).toEqual([701, 100, 200]);

    const deleted = await post(overviewRoute, "", YOUTH, { intent: "delete", id: income.id });
    expect(deleted.location).toContain(`deleted=${income.id}`);
    expect(getDb().select().from(budgetTransactions).where(eq(budgetTransactions.id, income.id)).get()!.deletedAt).not.toBeNull();
    expect(budgetOverview(janis, todayInRiga()).pots.map((p) => p.balance)).toEqual(before.map((p) => p.balance));
    expect(budgetOverview(janis, todayInRiga()).lastDeleted?.id).toBe(income.id);

    expect((await post(overviewRoute, "", YOUTH, { intent: "undo", id: income.id })).status).toBe(302);
    expect(budgetOverview(janis, todayInRiga()).pots.map((p) => p.balance)).toEqual(after.map((p) => p.balance));
  });

  test("editing an income splits it again in its own proportions; pocket money keeps its amount", async () => {
    await post(overviewRoute, "", YOUTH, { amount: "10", category: "income:work" });
    const income = lastTransaction();
    const before = budgetOverview(janis, todayInRiga()).pots.reduce((a, p) => a + p.balance, 0);
    const outcome = await post(editRoute, `/transactions/${income.id}`, YOUTH, { amount: "20", on: todayInRiga() }, { transactionId: income.id });
    expect(outcome.status).toBe(302);
    expect(budgetOverview(janis, todayInRiga()).pots.reduce((a, p) => a + p.balance, 0) - before).toBe(1000);
    const pocket = getDb()
      .select()
      .from(budgetTransactions)
      .where(and(eq(budgetTransactions.youngPersonId, janis), eq(budgetTransactions.incomeCategory, "pocket"), isNull(budgetTransactions.deletedAt)))
      .get()!;
    await post(editRoute, `/transactions/${pocket.id}`, YOUTH, { amount: "999", on: pocket.on }, { transactionId: pocket.id });
    expect(getDb().select().from(budgetTransactions).where(eq(budgetTransactions.id, pocket.id)).get()!.amountCents).toBe(pocket.amountCents);
  });
});

describe("set-up", () => {
  test("a split adding to 101% is refused with the total; 100% is saved", async () => {
    const pots = getDb().select().from(budgetPots).where(eq(budgetPots.youngPersonId, janis)).all();
    const form = (values: number[]) => ({ intent: "split", ...Object.fromEntries(pots.map((p, i) => [`percent_${p.id}`, String(values[i])])) });
    const reply = await errorsOf(await post(setupRoute, "/setup", YOUTH, form([71, 10, 20])));
    expect(reply.error.split).toEqual(['budget.errors.split|{"total":101}']);
    expect(reply.initialValue[`percent_${pots[0]!.id}`]).toBe("71");
    const fraction = await errorsOf(await post(setupRoute, "/setup", YOUTH, form([70.5, 9.5, 20] as number[])));
    expect(fraction.error[`percent_${pots[0]!.id}`]).toEqual(["budget.errors.percent"]);
    expect((await post(setupRoute, "/setup", YOUTH, form([60, 20, 20]))).status).toBe(302);
    expect(getDb().select().from(budgetPots).where(eq(budgetPots.id, pots[0]!.id)).get()!.percent).toBe(60);
  });

  test("an own envelope needs a name; a savings goal cannot link another person's plan goal", async () => {
    const own = await errorsOf(await post(setupRoute, "/setup", YOUTH, { intent: "addEnvelope", category: "own", planned: "5" }));
    expect(own.error.title).toEqual(["budget.errors.ownTitle"]);
    const bad = await errorsOf(await post(setupRoute, "/setup", YOUTH, { intent: "goal", title: "Velosipēds", target: "120", planGoalId: "someone-else" }));
    expect(bad.error.planGoalId).toEqual(["budget.errors.invalid"]);
    expect((await post(setupRoute, "/setup", YOUTH, { intent: "goal", title: "Velosipēds", target: "120" })).status).toBe(302);
  });
});

describe("pocket money from duties", () => {
  test("the carer confirms each duty once per period; the period is paid once, as income split into the pots", async () => {
    const settings = pocketMoneySettings(janis)!;
    const period = periodOf(settings, todayInRiga());
    const duties = dutiesOf(janis);
    const check = (dutyId: string, done: string) => post(pocketRoute, "/pocket-money", CARER, { intent: "check", dutyId, periodStart: period.start, done });
    expect((await check(duties[0]!.id, "1")).status).toBe(302);
    const twice = await check(duties[0]!.id, "0");
    expect(twice.status).toBe(409);
    expect(((await twice.response.json()) as { message: string }).message).toBe("budget.errors.alreadyAnswered");
    expect((await check(duties[1]!.id, "0")).status).toBe(302);
    expect((await check(duties[2]!.id, "1")).status).toBe(302);

    // An old period is closed.
    const closed = await post(pocketRoute, "/pocket-money", CARER, {
      intent: "check",
      dutyId: duties[0]!.id,
      periodStart: addDays(period.start, -70),
      done: "1",
    });
    expect(closed.status).toBe(409);

    const data = (await (await page(pocketRoute, "/pocket-money", YOUTH)).response.json()) as {
      periods: Array<{ period: { start: string }; pocketMoney: { earned: number } }>;
    };
    const current = data.periods.find((p) => p.period.start === period.start)!;
    expect(current.pocketMoney.earned).toBe(1400); // 50% + 20% of 20 €

    // Paying is possible from the pay day on, once.
    const pay = () => post(pocketRoute, "/pocket-money", CARER, { intent: "pay", periodStart: period.start });
    const first = await pay();
    if (period.payOn <= todayInRiga()) {
      expect(first.status).toBe(302);
      expect((await pay()).status).toBe(409);
      expect(lastTransaction()).toMatchObject({ kind: "income", amountCents: 1400, periodStart: period.start });
    } else {
      expect(((await first.response.json()) as { message: string }).message).toBe("budget.errors.pay.notDue");
    }
  });

  test("the carer's home lists the duties to confirm this week", async () => {
    const { homeFor } = await import("~/models/home.server");
    const { userByEmail } = await import("../helpers/db");
    const carer = userByEmail(CARER);
    const home = homeFor({ id: carer.id, role: "carer", organisationId: carer.organisationId }, todayInRiga());
    expect(home.role === "carer" && home.dutiesToConfirm).toEqual([{ youngPersonId: janis, displayName: "Jānis Ozols", open: 4 }]);
  });
});

describe("first month alone and the catalogue", () => {
  test("the demo's saved scenario shows a gap and what would close it; figures typed badly are refused", async () => {
    const outcome = await page(firstMonthRoute, "/first-month", YOUTH);
    const data = (await outcome.response.json()) as {
      result: { monthlyBalance: number; toApplyFor: Array<{ title: string }> };
      catalogue: Array<{ id: string }>;
    };
    expect(data.result.monthlyBalance).toBeLessThan(0);
    expect(data.result.toApplyFor.length).toBeGreaterThan(0);
    const bad = await post(firstMonthRoute, "/first-month", YOUTH, { intent: "calculate", savings: "abc", cost_rent: "-5" });
    expect(bad.status).toBe(400);
    const body = (await bad.response.json()) as { errors: Record<string, string[]>; typed: Record<string, string> };
    expect(body.errors).toEqual({ savings: ["budget.errors.money.invalid"], cost_rent: ["budget.errors.money.negative"] });
    expect(body.typed.savings).toBe("abc");
    // A mentor Jānis shares his budget with may try figures but not save them.
    expect((await post(firstMonthRoute, "/first-month", MENTOR, { intent: "calculate", savings: "10" })).status).toBe(404);
    await shareBudget();
    expect((await post(firstMonthRoute, "/first-month", MENTOR, { intent: "calculate", savings: "10" })).status).toBe(200);
    expect((await post(firstMonthRoute, "/first-month", MENTOR, { intent: "save", savings: "10" })).status).toBe(404);
    expect((await post(firstMonthRoute, "/first-month", YOUTH, { intent: "save", savings: "10", cost_rent: "200", title: "Tikai īre" })).location).toMatch(
      /scenario=/,
    );
  });

  test("the catalogue ships the amounts of Cabinet Regulation No. 857, each with a note to check it locally", () => {
    const rows = getDb().select().from(supportEntries).all();
    expect(rows.find((r) => r.kind === "startAllowance")).toMatchObject({ amountCents: 25100, frequency: "once" });
    expect(rows.find((r) => r.kind === "householdAllowance")).toMatchObject({ amountCents: 106500, frequency: "once" });
    expect(rows.every((r) => (r.note ?? "").includes("pārbaudiet"))).toBe(true);
  });
});

describe("cost of the budget page", () => {
  test("a fixed number of SQL statements, with 40 or 2,000 transactions and 6 or 20 envelopes", async () => {
    const today = todayInRiga();
    const small = await countStatements(() => budgetOverview(janis, today));
    const db = getDb();
    db.transaction((tx) => {
      for (let e = 0; e < 14; e++)
        tx.insert(budgetEnvelopes)
          .values({ id: randomUUID(), youngPersonId: janis, category: "own", title: `E${e}`, plannedCents: 1000, position: 10 + e })
          .run();
      for (let i = 0; i < 2000; i++) {
        tx.insert(budgetTransactions)
          .values({
            id: randomUUID(),
            youngPersonId: janis,
            kind: "expense",
            amountCents: 100 + i,
            envelopeId: envelopeId(),
            on: addDays(today, -(i % 700)),
            createdAt: Date.now() - i,
          })
          .run();
      }
    });
    const big = await countStatements(() => budgetOverview(janis, today));
    expect(big.count).toBe(small.count);
    expect(big.result.envelopes).toHaveLength(20);
    expect(small.count).toBeLessThanOrEqual(16);
  });
});
