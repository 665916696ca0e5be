/**
 * The budget driven by pocket money: settings and duties, pots and savings goals, envelopes and their
 * roll-overs, transactions (soft-deleted, so undo loses nothing), the support catalogue and first-month
 * scenarios. Every read of a page is a fixed number of queries (grouped sums, never one per row); every
 * write is one synchronous transaction. Scoped by the young person's record id, which the route's guard
 * has authorised.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import {
  budgetAllocations,
  budgetDutyChecks,
  budgetDuties,
  budgetEnvelopes,
  budgetPots,
  budgetRollovers,
  budgetScenarios,
  budgetSettings,
  budgetTransactions,
  carerLinks,
  goals,
  plans,
  supportEntries,
  youngPeople,
} from "../../db/schema";
import {
  allocateIncome,
  monthEnd,
  monthStart,
  nextMonth,
  periodOf,
  pocketMoneyForPeriod,
  previousMonth,
  previousPeriod,
  rollOverAmount,
  type Duty,
  type DutyValueKind,
  type EnvelopeCategory,
  type IncomeCategory,
  type Period,
  type PocketMoneySettings,
  type PotKind,
  type Rhythm,
  type Scenario,
  type SupportEntry,
  type SupportFrequency,
  type SupportKind,
} from "~/domain/budget";
import { addDays, addMonths, type IsoDate } from "~/domain/dates";
import { cents, splitByWeights, ZERO, type Cents } from "~/domain/money";
import { now } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { prepared } from "~/utils/statements.server";

const live = <T extends { archivedAt: unknown }>(table: T) => isNull(table.archivedAt as never);

// ----------------------------------------------------------------------------------------- settings

export function pocketMoneySettings(youngPersonId: string): PocketMoneySettings | null {
  const row = getDb().select().from(budgetSettings).where(eq(budgetSettings.youngPersonId, youngPersonId)).get();
  return row ? { amountCents: cents(row.amountCents), rhythm: row.rhythm, payDay: row.payDay } : null;
}

export function setPocketMoney(youngPersonId: string, actorId: string, input: { amountCents: Cents; rhythm: Rhythm; payDay: number }): void {
  const values = { ...input, updatedBy: actorId, updatedAt: now().getTime() };
  getDb()
    .insert(budgetSettings)
    .values({ youngPersonId, ...values })
    .onConflictDoUpdate({ target: budgetSettings.youngPersonId, set: values })
    .run();
}

export function dutiesOf(youngPersonId: string): Duty[] {
  return getDb()
    .select({ id: budgetDuties.id, title: budgetDuties.title, valueKind: budgetDuties.valueKind, value: budgetDuties.value })
    .from(budgetDuties)
    .where(and(eq(budgetDuties.youngPersonId, youngPersonId), live(budgetDuties)))
    .orderBy(asc(budgetDuties.createdAt), asc(budgetDuties.id))
    .all();
}

export function addDuty(youngPersonId: string, actorId: string, input: { title: string; valueKind: DutyValueKind; value: number }): string {
  const id = randomUUID();
  getDb()
    .insert(budgetDuties)
    .values({ id, youngPersonId, ...input, createdBy: actorId, createdAt: now().getTime() })
    .run();
  return id;
}

/** Ends a duty from now on; its past answers stay. False when it is not this young person's. */
export function archiveDuty(youngPersonId: string, dutyId: string): boolean {
  const result = getDb()
    .update(budgetDuties)
    .set({ archivedAt: now().getTime() })
    .where(and(eq(budgetDuties.id, dutyId), eq(budgetDuties.youngPersonId, youngPersonId), live(budgetDuties)))
    .run();
  return result.changes > 0;
}

// ----------------------------------------------------------------------------------- pocket money

export interface PeriodState {
  period: Period;
  /** dutyId → done, for the duties answered in this period. */
  answers: Record<string, boolean>;
  paid: { transactionId: string; cents: Cents } | null;
  pocketMoney: ReturnType<typeof pocketMoneyForPeriod>;
}

/** The current and the previous period (the one the carer may still be confirming), in three queries. */
export function pocketMoneyPeriods(youngPersonId: string, settings: PocketMoneySettings, duties: Duty[], today: IsoDate): PeriodState[] {
  const current = periodOf(settings, today);
  const periods = [previousPeriod(settings, current), current];
  const starts = periods.map((p) => p.start);
  const db = getDb();
  const checks = db
    .select({ dutyId: budgetDutyChecks.dutyId, periodStart: budgetDutyChecks.periodStart, done: budgetDutyChecks.done })
    .from(budgetDutyChecks)
    .where(and(eq(budgetDutyChecks.youngPersonId, youngPersonId), inArray(budgetDutyChecks.periodStart, starts)))
    .all();
  const paid = db
    .select({ id: budgetTransactions.id, periodStart: budgetTransactions.periodStart, amountCents: budgetTransactions.amountCents })
    .from(budgetTransactions)
    .where(and(eq(budgetTransactions.youngPersonId, youngPersonId), inArray(budgetTransactions.periodStart, starts), isNull(budgetTransactions.deletedAt)))
    .all();
  return periods.map((period) => {
    const answers: Record<string, boolean> = {};
    for (const c of checks) if (c.periodStart === period.start) answers[c.dutyId] = c.done;
    const payment = paid.find((p) => p.periodStart === period.start);
    const confirmed = new Set(
      Object.entries(answers)
        .filter(([, done]) => done)
        .map(([id]) => id),
    );
    return {
      period,
      answers,
      paid: payment ? { transactionId: payment.id, cents: cents(payment.amountCents) } : null,
      pocketMoney: pocketMoneyForPeriod(settings, duties, confirmed),
    };
  });
}

export type CheckResult = "ok" | "already" | "paid" | "notFound";

/**
 * The carer's (or specialist's) answer for one duty in one open period. A duty is answered once per
 * period ("already" for a second answer, even when two taps race: the unique index decides); a paid
 * period is closed.
 */
export function checkDuty(youngPersonId: string, actorId: string, input: { dutyId: string; periodStart: IsoDate; done: boolean }): CheckResult {
  const db = getDb();
  const duty = db
    .select({ id: budgetDuties.id })
    .from(budgetDuties)
    .where(and(eq(budgetDuties.id, input.dutyId), eq(budgetDuties.youngPersonId, youngPersonId), live(budgetDuties)))
    .get();
  if (!duty) return "notFound";
  const paid = db
    .select({ id: budgetTransactions.id })
    .from(budgetTransactions)
    .where(
      and(eq(budgetTransactions.youngPersonId, youngPersonId), eq(budgetTransactions.periodStart, input.periodStart), isNull(budgetTransactions.deletedAt)),
    )
    .get();
  if (paid) return "paid";
  const result = db
    .insert(budgetDutyChecks)
    .values({
      id: randomUUID(),
      dutyId: input.dutyId,
      youngPersonId,
      periodStart: input.periodStart,
      done: input.done,
      checkedBy: actorId,
      checkedAt: now().getTime(),
    })
    .onConflictDoNothing()
    .run();
  return result.changes > 0 ? "ok" : "already";
}

/** Takes back an answer in an unpaid period (a wrong tap), so it can be given again. */
export function undoDutyCheck(youngPersonId: string, input: { dutyId: string; periodStart: IsoDate }): boolean {
  const db = getDb();
  const paid = db
    .select({ id: budgetTransactions.id })
    .from(budgetTransactions)
    .where(
      and(eq(budgetTransactions.youngPersonId, youngPersonId), eq(budgetTransactions.periodStart, input.periodStart), isNull(budgetTransactions.deletedAt)),
    )
    .get();
  if (paid) return false;
  return (
    db
      .delete(budgetDutyChecks)
      .where(
        and(eq(budgetDutyChecks.youngPersonId, youngPersonId), eq(budgetDutyChecks.dutyId, input.dutyId), eq(budgetDutyChecks.periodStart, input.periodStart)),
      )
      .run().changes > 0
  );
}

export type PayResult = { status: "ok"; cents: Cents } | { status: "already" | "nothing" | "notDue" | "noSettings" };

/** Records the period's earned pocket money as income, split into the pots; once per period. */
export function payPocketMoney(youngPersonId: string, actorId: string, periodStart: IsoDate, today: IsoDate): PayResult {
  const settings = pocketMoneySettings(youngPersonId);
  if (!settings) return { status: "noSettings" };
  const duties = dutiesOf(youngPersonId);
  const state = pocketMoneyPeriods(youngPersonId, settings, duties, today).find((p) => p.period.start === periodStart);
  if (!state || state.period.payOn > today) return { status: "notDue" };
  if (state.paid) return { status: "already" };
  if (state.pocketMoney.earned <= 0) return { status: "nothing" };
  try {
    addTransaction(youngPersonId, actorId, {
      kind: "income",
      amountCents: state.pocketMoney.earned,
      incomeCategory: "pocket",
      on: today,
      periodStart,
    });
  } catch (error) {
    // Two taps on "pay" at once: the partial unique index lets one through.
    if (String(error).includes("UNIQUE")) return { status: "already" };
    throw error;
  }
  return { status: "ok", cents: state.pocketMoney.earned };
}

// ---------------------------------------------------------------------------------------------- pots

export interface PotRow {
  id: string;
  kind: PotKind;
  title: string | null;
  percent: number;
  targetCents: number | null;
  targetDate: string | null;
  planGoalId: string | null;
}

export function potsOf(youngPersonId: string): PotRow[] {
  return getDb()
    .select({
      id: budgetPots.id,
      kind: budgetPots.kind,
      title: budgetPots.title,
      percent: budgetPots.percent,
      targetCents: budgetPots.targetCents,
      targetDate: budgetPots.targetDate,
      planGoalId: budgetPots.planGoalId,
    })
    .from(budgetPots)
    .where(and(eq(budgetPots.youngPersonId, youngPersonId), live(budgetPots)))
    .orderBy(asc(budgetPots.position), asc(budgetPots.createdAt))
    .all();
}

/** Every budget starts with a spend pot (all income) and a save pot (none yet). */
export function ensurePots(youngPersonId: string): void {
  const db = getDb();
  const has = db
    .select({ id: budgetPots.id })
    .from(budgetPots)
    .where(and(eq(budgetPots.youngPersonId, youngPersonId), eq(budgetPots.kind, "spend")))
    .get();
  if (has) return;
  db.insert(budgetPots)
    .values([
      { id: randomUUID(), youngPersonId, kind: "spend", percent: 100, position: 0 },
      { id: randomUUID(), youngPersonId, kind: "save", percent: 0, position: 1 },
    ])
    .run();
}

/** A new split (whole percentages, checked by the caller to add to 100) for the next income onwards. */
export function setSplit(youngPersonId: string, percents: Record<string, number>): boolean {
  const pots = potsOf(youngPersonId);
  if (pots.length !== Object.keys(percents).length || pots.some((p) => percents[p.id] === undefined)) return false;
  getDb().transaction((tx) => {
    for (const pot of pots) tx.update(budgetPots).set({ percent: percents[pot.id]! }).where(eq(budgetPots.id, pot.id)).run();
  });
  return true;
}

export interface SavingsGoalInput {
  title: string;
  targetCents: Cents;
  targetDate?: IsoDate;
  planGoalId?: string;
}

/** A plan goal of this young person's plan, or null (so a link cannot point into someone else's plan). */
function ownPlanGoal(youngPersonId: string, goalId: string | undefined): string | null | false {
  if (!goalId) return null;
  const row = getDb()
    .select({ id: goals.id })
    .from(goals)
    .innerJoin(plans, eq(plans.id, goals.planId))
    .where(and(eq(goals.id, goalId), eq(plans.youngPersonId, youngPersonId)))
    .get();
  return row ? row.id : false;
}

/** A savings goal is a pot with a target; it starts at 0% of income until the split gives it a share. */
export function addSavingsGoal(youngPersonId: string, input: SavingsGoalInput): string | null {
  const planGoalId = ownPlanGoal(youngPersonId, input.planGoalId);
  if (planGoalId === false) return null;
  const count = potsOf(youngPersonId).length;
  const id = randomUUID();
  getDb()
    .insert(budgetPots)
    .values({
      id,
      youngPersonId,
      kind: "goal",
      title: input.title,
      percent: 0,
      targetCents: input.targetCents,
      targetDate: input.targetDate ?? null,
      planGoalId,
      position: count,
    })
    .run();
  return id;
}

export function updateSavingsGoal(youngPersonId: string, potId: string, input: SavingsGoalInput): boolean {
  const planGoalId = ownPlanGoal(youngPersonId, input.planGoalId);
  if (planGoalId === false) return false;
  return (
    getDb()
      .update(budgetPots)
      .set({ title: input.title, targetCents: input.targetCents, targetDate: input.targetDate ?? null, planGoalId })
      .where(and(eq(budgetPots.id, potId), eq(budgetPots.youngPersonId, youngPersonId), eq(budgetPots.kind, "goal"), live(budgetPots)))
      .run().changes > 0
  );
}

/** Plan goals a savings goal may serve, and what each pot holds linked to it (for the goal's page). */
export function planGoalChoices(youngPersonId: string) {
  return getDb()
    .select({ id: goals.id, title: goals.title, domain: goals.domain })
    .from(goals)
    .innerJoin(plans, eq(plans.id, goals.planId))
    .where(and(eq(plans.youngPersonId, youngPersonId), inArray(goals.status, ["planned", "in_progress"])))
    .orderBy(asc(goals.domain), asc(goals.position))
    .all();
}

// The savings pots that serve a plan goal (prepared once: every goal page asks).
const potsOfPlanGoal = prepared(
  "SELECT id, title, target_cents AS targetCents, target_date AS targetDate FROM budget_pots WHERE plan_goal_id = ? AND archived_at IS NULL",
);

/** Savings goals that serve one plan goal, with what they hold: two queries. */
export function savingsForPlanGoal(planGoalId: string) {
  const pots = potsOfPlanGoal().all(planGoalId) as Array<{ id: string; title: string | null; targetCents: number | null; targetDate: string | null }>;
  if (pots.length === 0) return [];
  const held = allocatedByPot(pots.map((p) => p.id));
  return pots.map((p) => ({ ...p, saved: held.get(p.id) ?? ZERO }));
}

function allocatedByPot(potIds: string[]): Map<string, Cents> {
  const rows = getDb()
    .select({ potId: budgetAllocations.potId, total: sql<number>`sum(${budgetAllocations.cents})` })
    .from(budgetAllocations)
    .innerJoin(budgetTransactions, eq(budgetTransactions.id, budgetAllocations.transactionId))
    .where(and(inArray(budgetAllocations.potId, potIds), isNull(budgetTransactions.deletedAt)))
    .groupBy(budgetAllocations.potId)
    .all();
  return new Map(rows.map((r) => [r.potId, cents(r.total)]));
}

// ----------------------------------------------------------------------------------------- envelopes

export interface EnvelopeRow {
  id: string;
  category: EnvelopeCategory;
  title: string | null;
  plannedCents: number;
}

export function envelopesOf(youngPersonId: string): EnvelopeRow[] {
  return getDb()
    .select({ id: budgetEnvelopes.id, category: budgetEnvelopes.category, title: budgetEnvelopes.title, plannedCents: budgetEnvelopes.plannedCents })
    .from(budgetEnvelopes)
    .where(and(eq(budgetEnvelopes.youngPersonId, youngPersonId), live(budgetEnvelopes)))
    .orderBy(asc(budgetEnvelopes.position), asc(budgetEnvelopes.createdAt))
    .all();
}

export function addEnvelope(youngPersonId: string, input: { category: EnvelopeCategory; title?: string; plannedCents: Cents }): string {
  const id = randomUUID();
  const position = envelopesOf(youngPersonId).length;
  getDb()
    .insert(budgetEnvelopes)
    .values({ id, youngPersonId, category: input.category, title: input.title || null, plannedCents: input.plannedCents, position })
    .run();
  return id;
}

export function updateEnvelope(youngPersonId: string, envelopeId: string, input: { plannedCents: Cents; title?: string }): boolean {
  return (
    getDb()
      .update(budgetEnvelopes)
      .set({ plannedCents: input.plannedCents, ...(input.title !== undefined ? { title: input.title || null } : {}) })
      .where(and(eq(budgetEnvelopes.id, envelopeId), eq(budgetEnvelopes.youngPersonId, youngPersonId), live(budgetEnvelopes)))
      .run().changes > 0
  );
}

export function archiveEnvelope(youngPersonId: string, envelopeId: string): boolean {
  return (
    getDb()
      .update(budgetEnvelopes)
      .set({ archivedAt: now().getTime() })
      .where(and(eq(budgetEnvelopes.id, envelopeId), eq(budgetEnvelopes.youngPersonId, youngPersonId), live(budgetEnvelopes)))
      .run().changes > 0
  );
}

/**
 * The young person's choice for last month's envelope: carry what was left into this month, or not.
 * Decided once ("already" after that); the amount is computed here, never taken from the form.
 */
export function decideRollover(youngPersonId: string, actorId: string, envelopeId: string, today: IsoDate, carry: boolean): "ok" | "already" | "notFound" {
  const db = getDb();
  const envelope = envelopesOf(youngPersonId).find((e) => e.id === envelopeId);
  if (!envelope) return "notFound";
  const month = previousMonth(today.slice(0, 7));
  const from = `${month}-01`;
  const spent = db
    .select({ total: sql<number>`coalesce(sum(${budgetTransactions.amountCents}), 0)` })
    .from(budgetTransactions)
    .where(
      and(
        eq(budgetTransactions.envelopeId, envelopeId),
        eq(budgetTransactions.kind, "expense"),
        isNull(budgetTransactions.deletedAt),
        gte(budgetTransactions.on, from),
        lte(budgetTransactions.on, monthEnd(from)),
      ),
    )
    .get();
  const before = db
    .select({ cents: budgetRollovers.cents })
    .from(budgetRollovers)
    .where(and(eq(budgetRollovers.envelopeId, envelopeId), eq(budgetRollovers.month, previousMonth(month))))
    .get();
  const available = cents(envelope.plannedCents + (before?.cents ?? 0));
  const amount = carry ? rollOverAmount(available, cents(spent?.total ?? 0)) : ZERO;
  const result = db
    .insert(budgetRollovers)
    .values({ envelopeId, youngPersonId, month, cents: amount, decidedBy: actorId, decidedAt: now().getTime() })
    .onConflictDoNothing()
    .run();
  return result.changes > 0 ? "ok" : "already";
}

// ------------------------------------------------------------------------------------- transactions

export interface TransactionInput {
  kind: "expense" | "income";
  amountCents: Cents;
  envelopeId?: string | null;
  incomeCategory?: IncomeCategory | null;
  note?: string | null;
  on: IsoDate;
  periodStart?: IsoDate;
  clientToken?: string;
}

export type AddResult = { status: "ok"; id: string } | { status: "duplicate"; id: string } | { status: "noEnvelope" };

/** Adds an expense or income; an income is split into the pots by today's split, in the same transaction. */
export function addTransaction(youngPersonId: string, actorId: string, input: TransactionInput): AddResult {
  const db = getDb();
  if (input.clientToken) {
    const same = db
      .select({ id: budgetTransactions.id })
      .from(budgetTransactions)
      .where(and(eq(budgetTransactions.youngPersonId, youngPersonId), eq(budgetTransactions.clientToken, input.clientToken)))
      .get();
    if (same) return { status: "duplicate", id: same.id };
  }
  if (input.kind === "expense" && input.envelopeId && !envelopesOf(youngPersonId).some((e) => e.id === input.envelopeId)) return { status: "noEnvelope" };
  const id = randomUUID();
  const nowMs = now().getTime();
  const pots = input.kind === "income" ? (ensurePots(youngPersonId), potsOf(youngPersonId)) : [];
  db.transaction((tx) => {
    tx.insert(budgetTransactions)
      .values({
        id,
        youngPersonId,
        kind: input.kind,
        amountCents: input.amountCents,
        envelopeId: input.kind === "expense" ? (input.envelopeId ?? null) : null,
        incomeCategory: input.kind === "income" ? (input.incomeCategory ?? "other") : null,
        note: input.note || null,
        on: input.on,
        periodStart: input.periodStart ?? null,
        clientToken: input.clientToken ?? null,
        createdBy: actorId,
        createdAt: nowMs,
      })
      .run();
    const parts = allocateIncome(input.amountCents, pots).filter((p) => p.cents !== 0);
    if (parts.length)
      tx.insert(budgetAllocations)
        .values(parts.map((p) => ({ transactionId: id, potId: p.potId, cents: p.cents })))
        .run();
  });
  return { status: "ok", id };
}

export function findTransaction(youngPersonId: string, transactionId: string) {
  return getDb()
    .select()
    .from(budgetTransactions)
    .where(and(eq(budgetTransactions.id, transactionId), eq(budgetTransactions.youngPersonId, youngPersonId)))
    .get();
}

/**
 * Edits a transaction (not a pocket-money payment's amount: that is what the duties earned). A changed
 * income is split again in the proportions it was split in when it arrived, so no cent is gained or lost.
 */
export function updateTransaction(
  youngPersonId: string,
  transactionId: string,
  input: { amountCents: Cents; envelopeId?: string | null; note?: string | null; on: IsoDate },
): "ok" | "notFound" | "noEnvelope" {
  const db = getDb();
  const row = findTransaction(youngPersonId, transactionId);
  if (!row || row.deletedAt) return "notFound";
  if (row.kind === "expense" && input.envelopeId && !envelopesOf(youngPersonId).some((e) => e.id === input.envelopeId)) return "noEnvelope";
  const amount = row.periodStart ? cents(row.amountCents) : input.amountCents;
  const allocations = db.select().from(budgetAllocations).where(eq(budgetAllocations.transactionId, transactionId)).all();
  db.transaction((tx) => {
    tx.update(budgetTransactions)
      .set({
        amountCents: amount,
        envelopeId: row.kind === "expense" ? (input.envelopeId ?? null) : null,
        note: input.note || null,
        on: input.on,
        updatedAt: now().getTime(),
      })
      .where(eq(budgetTransactions.id, transactionId))
      .run();
    if (row.kind === "income" && amount !== row.amountCents && allocations.length) {
      const parts = splitByWeights(
        amount,
        allocations.map((a) => a.cents),
      );
      allocations.forEach((a, i) => {
        tx.update(budgetAllocations)
          .set({ cents: parts[i]! })
          .where(and(eq(budgetAllocations.transactionId, transactionId), eq(budgetAllocations.potId, a.potId)))
          .run();
      });
    }
  });
  return "ok";
}

/** Marks a transaction deleted (kept, so "undo" brings it back as it was). */
export function deleteTransaction(youngPersonId: string, actorId: string, transactionId: string): boolean {
  return (
    getDb()
      .update(budgetTransactions)
      .set({ deletedAt: now().getTime(), deletedBy: actorId })
      .where(and(eq(budgetTransactions.id, transactionId), eq(budgetTransactions.youngPersonId, youngPersonId), isNull(budgetTransactions.deletedAt)))
      .run().changes > 0
  );
}

/** Undo: the deleted transaction comes back. (A pocket-money payment only if its period was not paid again.) */
export function restoreTransaction(youngPersonId: string, transactionId: string): boolean {
  try {
    return (
      getDb()
        .update(budgetTransactions)
        .set({ deletedAt: null, deletedBy: null })
        .where(
          and(eq(budgetTransactions.id, transactionId), eq(budgetTransactions.youngPersonId, youngPersonId), sql`${budgetTransactions.deletedAt} is not null`),
        )
        .run().changes > 0
    );
  } catch (error) {
    if (String(error).includes("UNIQUE")) return false;
    throw error;
  }
}

// -------------------------------------------------------------------------------------- the page

/** How many months the month-over-month chart shows. */
export const HISTORY_MONTHS = 6;
export const RECENT_TRANSACTIONS = 15;

export interface BudgetOverview {
  settings: PocketMoneySettings | null;
  duties: Duty[];
  periods: PeriodState[];
  pots: Array<PotRow & { balance: Cents }>;
  envelopes: Array<EnvelopeRow & { spent: Cents; rolledOver: Cents }>;
  /** Envelopes of last month waiting for the roll-over choice, with what is left. */
  rolloverDue: Array<{ envelopeId: string; left: Cents }>;
  /** Spending and income per month, oldest first: "YYYY-MM". */
  months: Array<{ month: string; spent: Cents; income: Cents }>;
  recent: Array<{
    id: string;
    kind: "expense" | "income";
    amountCents: Cents;
    envelopeId: string | null;
    incomeCategory: IncomeCategory | null;
    note: string | null;
    on: string;
    periodStart: string | null;
  }>;
  /** The last deleted transaction, for "undo". */
  lastDeleted: { id: string; amountCents: Cents; kind: "expense" | "income" } | null;
  planGoals: Array<{ id: string; title: string; domain: string }>;
}

/**
 * Everything the budget page shows, in a fixed number of queries whatever the number of transactions
 * (two years of them is about 2,000): sums are grouped in SQL, only the recent rows are read.
 */
export function budgetOverview(youngPersonId: string, today: IsoDate): BudgetOverview {
  ensurePots(youngPersonId);
  const db = getDb();
  const settings = pocketMoneySettings(youngPersonId);
  const duties = settings ? dutiesOf(youngPersonId) : [];
  const periods = settings ? pocketMoneyPeriods(youngPersonId, settings, duties, today) : [];
  const pots = potsOf(youngPersonId);
  const envelopes = envelopesOf(youngPersonId);
  const month = today.slice(0, 7);
  const lastMonth = previousMonth(month);
  const firstMonth = addMonths(monthStart(today), -(HISTORY_MONTHS - 1)).slice(0, 7);
  const notDeleted = and(eq(budgetTransactions.youngPersonId, youngPersonId), isNull(budgetTransactions.deletedAt));

  // Spent per envelope this month and last month (for the roll-over), in one grouped query.
  const byEnvelope = db
    .select({
      envelopeId: budgetTransactions.envelopeId,
      month: sql<string>`substr(${budgetTransactions.on}, 1, 7)`,
      total: sql<number>`sum(${budgetTransactions.amountCents})`,
    })
    .from(budgetTransactions)
    .where(and(notDeleted, eq(budgetTransactions.kind, "expense"), gte(budgetTransactions.on, `${lastMonth}-01`), lte(budgetTransactions.on, monthEnd(today))))
    .groupBy(budgetTransactions.envelopeId, sql`substr(${budgetTransactions.on}, 1, 7)`)
    .all();
  const spentIn = (envelopeId: string, m: string) => cents(byEnvelope.find((r) => r.envelopeId === envelopeId && r.month === m)?.total ?? 0);

  const rollovers = db
    .select({ envelopeId: budgetRollovers.envelopeId, month: budgetRollovers.month, cents: budgetRollovers.cents })
    .from(budgetRollovers)
    .where(and(eq(budgetRollovers.youngPersonId, youngPersonId), inArray(budgetRollovers.month, [lastMonth, previousMonth(lastMonth)])))
    .all();
  const rolledFrom = (envelopeId: string, m: string) => rollovers.find((r) => r.envelopeId === envelopeId && r.month === m);

  const monthRows = db
    .select({
      month: sql<string>`substr(${budgetTransactions.on}, 1, 7)`,
      kind: budgetTransactions.kind,
      total: sql<number>`sum(${budgetTransactions.amountCents})`,
    })
    .from(budgetTransactions)
    .where(and(notDeleted, gte(budgetTransactions.on, `${firstMonth}-01`), lte(budgetTransactions.on, monthEnd(today))))
    .groupBy(sql`substr(${budgetTransactions.on}, 1, 7)`, budgetTransactions.kind)
    .all();
  const months: BudgetOverview["months"] = [];
  for (let m = firstMonth, i = 0; i < HISTORY_MONTHS; m = nextMonth(m), i++) {
    const of = (kind: "expense" | "income") => cents(monthRows.find((r) => r.month === m && r.kind === kind)?.total ?? 0);
    months.push({ month: m, spent: of("expense"), income: of("income") });
  }

  const spentAll = db
    .select({ total: sql<number>`coalesce(sum(${budgetTransactions.amountCents}), 0)` })
    .from(budgetTransactions)
    .where(and(notDeleted, eq(budgetTransactions.kind, "expense")))
    .get();
  const held = allocatedByPot(pots.map((p) => p.id));
  const spent = cents(spentAll?.total ?? 0);

  const recent = db
    .select({
      id: budgetTransactions.id,
      kind: budgetTransactions.kind,
      amountCents: budgetTransactions.amountCents,
      envelopeId: budgetTransactions.envelopeId,
      incomeCategory: budgetTransactions.incomeCategory,
      note: budgetTransactions.note,
      on: budgetTransactions.on,
      periodStart: budgetTransactions.periodStart,
    })
    .from(budgetTransactions)
    .where(notDeleted)
    .orderBy(desc(budgetTransactions.on), desc(budgetTransactions.createdAt))
    .limit(RECENT_TRANSACTIONS)
    .all();
  const lastDeleted = db
    .select({ id: budgetTransactions.id, amountCents: budgetTransactions.amountCents, kind: budgetTransactions.kind })
    .from(budgetTransactions)
    .where(and(eq(budgetTransactions.youngPersonId, youngPersonId), sql`${budgetTransactions.deletedAt} is not null`))
    .orderBy(desc(budgetTransactions.deletedAt))
    .limit(1)
    .get();

  return {
    settings,
    duties,
    periods,
    pots: pots.map((p) => ({ ...p, balance: p.kind === "spend" ? cents((held.get(p.id) ?? 0) - spent) : (held.get(p.id) ?? ZERO) })),
    envelopes: envelopes.map((e) => ({ ...e, spent: spentIn(e.id, month), rolledOver: cents(rolledFrom(e.id, lastMonth)?.cents ?? 0) })),
    rolloverDue: envelopes
      .filter((e) => !rolledFrom(e.id, lastMonth))
      .map((e) => ({
        envelopeId: e.id,
        left: rollOverAmount(cents(e.plannedCents + (rolledFrom(e.id, previousMonth(lastMonth))?.cents ?? 0)), spentIn(e.id, lastMonth)),
      }))
      .filter((e) => e.left > 0),
    months,
    recent: recent.map((r) => ({ ...r, amountCents: cents(r.amountCents) })),
    lastDeleted: lastDeleted ? { ...lastDeleted, amountCents: cents(lastDeleted.amountCents) } : null,
    planGoals: planGoalChoices(youngPersonId),
  };
}

// ------------------------------------------------------------------------------- support catalogue

export interface SupportRow extends SupportEntry {
  note: string | null;
}

export function supportCatalogue(organisationId: string): SupportRow[] {
  return getDb()
    .select({
      id: supportEntries.id,
      kind: supportEntries.kind,
      title: supportEntries.title,
      amountCents: supportEntries.amountCents,
      frequency: supportEntries.frequency,
      note: supportEntries.note,
    })
    .from(supportEntries)
    .where(and(eq(supportEntries.organisationId, organisationId), live(supportEntries)))
    .orderBy(asc(supportEntries.position), asc(supportEntries.createdAt))
    .all()
    .map((r) => ({ ...r, amountCents: cents(r.amountCents) }));
}

export interface SupportInput {
  kind: SupportKind;
  title: string;
  amountCents: Cents;
  frequency: SupportFrequency;
  note?: string;
}

export function saveSupportEntry(organisationId: string, input: SupportInput & { id?: string }): boolean {
  const db = getDb();
  const values = { kind: input.kind, title: input.title, amountCents: input.amountCents, frequency: input.frequency, note: input.note || null };
  if (input.id) {
    return (
      db
        .update(supportEntries)
        .set(values)
        .where(and(eq(supportEntries.id, input.id), eq(supportEntries.organisationId, organisationId), live(supportEntries)))
        .run().changes > 0
    );
  }
  db.insert(supportEntries)
    .values({ id: randomUUID(), organisationId, ...values, position: supportCatalogue(organisationId).length })
    .run();
  return true;
}

export function archiveSupportEntry(organisationId: string, id: string): boolean {
  return (
    getDb()
      .update(supportEntries)
      .set({ archivedAt: now().getTime() })
      .where(and(eq(supportEntries.id, id), eq(supportEntries.organisationId, organisationId), live(supportEntries)))
      .run().changes > 0
  );
}

/** The organisation of a young person's record (the catalogue their simulator uses). */
export function organisationOf(youngPersonId: string): string | null {
  return getDb().select({ id: youngPeople.organisationId }).from(youngPeople).where(eq(youngPeople.id, youngPersonId)).get()?.id ?? null;
}

// ------------------------------------------------------------------------------------- scenarios

export function scenariosOf(youngPersonId: string) {
  return getDb()
    .select({ id: budgetScenarios.id, title: budgetScenarios.title, data: budgetScenarios.data, createdAt: budgetScenarios.createdAt })
    .from(budgetScenarios)
    .where(eq(budgetScenarios.youngPersonId, youngPersonId))
    .orderBy(desc(budgetScenarios.createdAt))
    .limit(10)
    .all()
    .map((r) => ({ ...r, data: r.data as Scenario }));
}

export function saveScenario(youngPersonId: string, actorId: string, title: string, scenario: Scenario): string {
  const id = randomUUID();
  getDb().insert(budgetScenarios).values({ id, youngPersonId, title, data: scenario, createdBy: actorId, createdAt: now().getTime() }).run();
  return id;
}

/** What the young person has saved in all pots but the spend pot (taken into the first month). */
export function savingsTotal(youngPersonId: string): Cents {
  const pots = potsOf(youngPersonId).filter((p) => p.kind !== "spend");
  if (pots.length === 0) return ZERO;
  let total = 0;
  for (const c of allocatedByPot(pots.map((p) => p.id)).values()) total += c;
  return cents(total);
}

// ------------------------------------------------------------------------------ the carer's week

/**
 * Duties the carer still has to answer in the current period, per young person they care for (one
 * query): what the carer's home lists as "to confirm this week".
 */
export type DutiesToConfirm = Array<{ youngPersonId: string; displayName: string; open: number }>;

export function dutiesToConfirm(carerId: string, today: IsoDate): DutiesToConfirm {
  const db = getDb();
  const rows = db
    .select({
      youngPersonId: youngPeople.id,
      displayName: youngPeople.displayName,
      rhythm: budgetSettings.rhythm,
      payDay: budgetSettings.payDay,
      dutyId: budgetDuties.id,
    })
    .from(carerLinks)
    .innerJoin(youngPeople, eq(youngPeople.id, carerLinks.youngPersonId))
    .innerJoin(budgetSettings, eq(budgetSettings.youngPersonId, youngPeople.id))
    .innerJoin(budgetDuties, and(eq(budgetDuties.youngPersonId, youngPeople.id), isNull(budgetDuties.archivedAt)))
    .where(and(eq(carerLinks.carerId, carerId), isNull(carerLinks.endedOn)))
    .all();
  if (rows.length === 0) return [];
  const checks = db
    .select({ dutyId: budgetDutyChecks.dutyId, periodStart: budgetDutyChecks.periodStart })
    .from(budgetDutyChecks)
    .where(
      and(
        inArray(
          budgetDutyChecks.dutyId,
          rows.map((r) => r.dutyId),
        ),
        gte(budgetDutyChecks.periodStart, addDays(today, -31)),
      ),
    )
    .all();
  const answered = new Set(checks.map((c) => `${c.dutyId}:${c.periodStart}`));
  const byPerson = new Map<string, { youngPersonId: string; displayName: string; open: number }>();
  for (const r of rows) {
    const period = periodOf({ rhythm: r.rhythm, payDay: r.payDay }, today);
    const entry = byPerson.get(r.youngPersonId) ?? { youngPersonId: r.youngPersonId, displayName: r.displayName, open: 0 };
    if (!answered.has(`${r.dutyId}:${period.start}`)) entry.open++;
    byPerson.set(r.youngPersonId, entry);
  }
  return [...byPerson.values()].filter((e) => e.open > 0);
}
