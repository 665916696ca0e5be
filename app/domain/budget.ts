/**
 * Budget rules (SPEC.md, "Budget, driven by pocket money"; docs/decisions/012-budget.md): pocket money
 * per period from confirmed duties, the split of income into pots, envelopes with a pace line and
 * roll-over, savings goals, and the first month after care ends. Pure and in integer cents
 * (app/domain/money.ts); the model loads rows, these functions decide.
 */
import { addDays, daysBetween, parseIsoDate, type IsoDate } from "./dates";
import { addCents, cents, splitByWeights, subtractCents, sumCents, ZERO, type Cents } from "./money";

export const RHYTHMS = ["weekly", "monthly"] as const;
export type Rhythm = (typeof RHYTHMS)[number];

export const DUTY_VALUE_KINDS = ["amount", "share"] as const;
export type DutyValueKind = (typeof DUTY_VALUE_KINDS)[number];

export const POT_KINDS = ["spend", "save", "goal"] as const;
export type PotKind = (typeof POT_KINDS)[number];

/** The envelopes the app knows by name; a young person's own envelope has a title instead. */
export const ENVELOPE_CATEGORIES = ["food", "phone", "transport", "clothes", "leisure", "hygiene", "gifts", "own"] as const;
export type EnvelopeCategory = (typeof ENVELOPE_CATEGORIES)[number];

export const INCOME_CATEGORIES = ["pocket", "gift", "work", "benefit", "other"] as const;
export type IncomeCategory = (typeof INCOME_CATEGORIES)[number];

export const MAX_ENVELOPES = 30;
export const MAX_POTS = 12;
export const MAX_DUTIES = 20;

// --------------------------------------------------------------------------------------------- periods

export interface PocketMoneySettings {
  amountCents: Cents;
  rhythm: Rhythm;
  /** Weekly: ISO weekday 1 (Monday) – 7 (Sunday). Monthly: day of the month 1–28. */
  payDay: number;
}

export interface Period {
  /** The first day of the week (Monday) or month. */
  start: IsoDate;
  end: IsoDate;
  /** The day the period's pocket money is paid. */
  payOn: IsoDate;
}

function isoWeekday(date: IsoDate): number {
  const p = parseIsoDate(date)!;
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function daysInMonth(date: IsoDate): number {
  const p = parseIsoDate(date)!;
  return new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
}

export function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

export function monthEnd(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-${String(daysInMonth(date)).padStart(2, "0")}`;
}

/** "2026-03" → "2026-02". */
export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The week (Monday to Sunday) or calendar month that holds `date`, and its pay day. */
export function periodOf(settings: Pick<PocketMoneySettings, "rhythm" | "payDay">, date: IsoDate): Period {
  if (settings.rhythm === "weekly") {
    const start = addDays(date, 1 - isoWeekday(date));
    return { start, end: addDays(start, 6), payOn: addDays(start, Math.min(7, Math.max(1, settings.payDay)) - 1) };
  }
  const start = monthStart(date);
  const day = Math.min(Math.max(1, settings.payDay), daysInMonth(date));
  return { start, end: monthEnd(date), payOn: `${date.slice(0, 7)}-${String(day).padStart(2, "0")}` };
}

/** The period before `period`. */
export function previousPeriod(settings: Pick<PocketMoneySettings, "rhythm" | "payDay">, period: Period): Period {
  return periodOf(settings, addDays(period.start, -1));
}

/** The next pay day on or after `today`. */
export function nextPayDay(settings: Pick<PocketMoneySettings, "rhythm" | "payDay">, today: IsoDate): IsoDate {
  const current = periodOf(settings, today);
  return current.payOn >= today ? current.payOn : periodOf(settings, addDays(current.end, 1)).payOn;
}

// ---------------------------------------------------------------------------------------- pocket money

export interface Duty {
  id: string;
  title: string;
  valueKind: DutyValueKind;
  /** Cents for an "amount" duty; a whole percentage of the pocket money for a "share" duty. */
  value: number;
}

export interface DutyLine {
  duty: Duty;
  /** What the duty is worth this period. */
  worth: Cents;
  confirmed: boolean;
  earned: Cents;
}

export interface PeriodPocketMoney {
  /** The pocket money with every duty done: the base amount (or the shares of it) plus amount duties. */
  possible: Cents;
  earned: Cents;
  lines: DutyLine[];
  /** True when the pocket money does not depend on duties. */
  unconditional: boolean;
}

/**
 * The period's pocket money from the duties the carer confirmed. Without duties it is the base amount.
 * Share duties divide the base amount among themselves by their percentages (largest remainder, so with
 * shares of 100% and every duty confirmed the young person gets exactly the base amount); shares below
 * 100% leave the rest unconditional. Amount duties add their own amount.
 */
export function pocketMoneyForPeriod(
  settings: Pick<PocketMoneySettings, "amountCents">,
  duties: readonly Duty[],
  confirmedDutyIds: ReadonlySet<string>,
): PeriodPocketMoney {
  if (duties.length === 0) return { possible: settings.amountCents, earned: settings.amountCents, lines: [], unconditional: true };
  const shares = duties.filter((d) => d.valueKind === "share");
  const shareTotal = shares.reduce((a, d) => a + d.value, 0);
  // Shares over 100% are read as parts of the whole; under 100%, the rest of the base is unconditional.
  const weights = [...shares.map((d) => d.value), Math.max(0, 100 - shareTotal)];
  const shareParts = shares.length ? splitByWeights(settings.amountCents, weights) : [settings.amountCents];
  const unconditionalPart = shareParts[shareParts.length - 1] ?? ZERO;
  const worthOf = new Map<string, Cents>(shares.map((d, i) => [d.id, shareParts[i]!]));
  const lines = duties.map((duty): DutyLine => {
    const worth = duty.valueKind === "share" ? worthOf.get(duty.id)! : cents(duty.value);
    const confirmed = confirmedDutyIds.has(duty.id);
    return { duty, worth, confirmed, earned: confirmed ? worth : ZERO };
  });
  const base = shares.length ? unconditionalPart : settings.amountCents;
  return {
    possible: addCents(base, sumCents(lines.map((l) => l.worth))),
    earned: addCents(base, sumCents(lines.map((l) => l.earned))),
    lines,
    unconditional: false,
  };
}

// ------------------------------------------------------------------------------------------------ pots

export interface Pot {
  id: string;
  kind: PotKind;
  /** Whole percent of each income. */
  percent: number;
}

export type SplitProblem = "notHundred" | "range";

/** A split is whole percentages 0–100 adding to exactly 100. */
export function checkSplit(percents: readonly number[]): SplitProblem | null {
  if (percents.some((p) => !Number.isInteger(p) || p < 0 || p > 100)) return "range";
  return percents.reduce((a, b) => a + b, 0) === 100 ? null : "notHundred";
}

/**
 * An income divided among the pots by the split in force when it arrives (a changed split applies from
 * the next income). The spend pot comes first, so an empty split leaves everything there.
 */
export function allocateIncome(income: Cents, pots: readonly Pot[]): Array<{ potId: string; cents: Cents }> {
  const ordered = [...pots].sort((a, b) => (a.kind === "spend" ? -1 : b.kind === "spend" ? 1 : 0));
  return splitByWeights(
    income,
    ordered.map((p) => p.percent),
  ).map((c, i) => ({ potId: ordered[i]!.id, cents: c }));
}

/** A pot's balance: what was allocated to it, less what was spent from it (expenses come from the spend pot). */
export function potBalances(pots: readonly Pot[], allocated: ReadonlyMap<string, Cents>, spent: Cents): Array<{ potId: string; balance: Cents }> {
  return pots.map((p) => {
    const inPot = allocated.get(p.id) ?? ZERO;
    return { potId: p.id, balance: p.kind === "spend" ? subtractCents(inPot, spent) : inPot };
  });
}

// ------------------------------------------------------------------------------------------- envelopes

export interface EnvelopePace {
  day: number;
  days: number;
  /** What the month may spend: planned plus what rolled over from last month. */
  available: Cents;
  spent: Cents;
  left: Cents;
  /** Whole percent of `available` spent (0 when nothing is available and nothing spent). */
  spentPercent: number;
  /** Whole percent of the month gone. */
  pacePercent: number;
  status: "under" | "onPace" | "ahead" | "over";
}

/** Where an envelope stands on `today` of its month: "day 12 of 30, 55% spent". Integers throughout. */
export function envelopePace(planned: Cents, rolledOver: Cents, spent: Cents, today: IsoDate): EnvelopePace {
  const days = daysInMonth(today);
  const day = Number(today.slice(8, 10));
  const available = addCents(planned, rolledOver);
  const left = subtractCents(available, spent);
  const spentPercent = available > 0 ? Math.floor((spent * 100) / available) : spent > 0 ? 100 : 0;
  const pacePercent = Math.floor((day * 100) / days);
  // Up to 10 points over the pace line is still "on pace".
  const status = left < 0 ? "over" : spentPercent > pacePercent + 10 ? "ahead" : spentPercent >= pacePercent - 10 ? "onPace" : "under";
  return { day, days, available, spent, left, spentPercent, pacePercent, status };
}

/** At a month's end a young person may carry what is left into next month; an overspend is not carried. */
export function rollOverAmount(available: Cents, spent: Cents): Cents {
  const left = subtractCents(available, spent);
  return left > 0 ? left : ZERO;
}

// -------------------------------------------------------------------------------------- savings goals

export interface SavingsProgress {
  saved: Cents;
  target: Cents;
  percent: number;
  /** Cents a month still needed to reach the target by its date, or null without a date / when reached. */
  perMonthNeeded: Cents | null;
}

export function savingsProgress(saved: Cents, target: Cents, targetDate: IsoDate | null, today: IsoDate): SavingsProgress {
  const percent = target > 0 ? Math.min(100, Math.floor((Math.max(0, saved) * 100) / target)) : 100;
  const missing = subtractCents(target, saved);
  let perMonthNeeded: Cents | null = null;
  if (targetDate && missing > 0) {
    const months = Math.max(1, Math.floor(Math.max(0, daysBetween(today, targetDate)) / 30));
    perMonthNeeded = cents(Math.ceil(missing / months));
  }
  return { saved, target, percent, perMonthNeeded };
}

// -------------------------------------------------------------------------------- first month alone

export const SUPPORT_KINDS = ["startAllowance", "householdAllowance", "studyAllowance", "housingBenefit", "stipend", "wage", "other"] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const SUPPORT_FREQUENCIES = ["once", "monthly"] as const;
export type SupportFrequency = (typeof SUPPORT_FREQUENCIES)[number];

export const COST_KEYS = ["rent", "utilities", "food", "transport", "phone", "internet", "hygiene", "clothes", "leisure", "own"] as const;
export type CostKey = (typeof COST_KEYS)[number];

/** Costs a young person can cut in a lean month (rent and utilities cannot). */
export const CUTTABLE_COSTS: readonly CostKey[] = ["leisure", "clothes", "own", "food", "phone", "transport", "internet", "hygiene"];

export interface SupportEntry {
  id: string;
  kind: SupportKind;
  title: string;
  amountCents: Cents;
  frequency: SupportFrequency;
}

export interface ScenarioIncome {
  /** A catalogue entry's id, or "own:<n>" for income the young person adds. */
  ref: string;
  title: string;
  cents: Cents;
  frequency: SupportFrequency;
}

export interface Scenario {
  incomes: ScenarioIncome[];
  costs: Record<CostKey, Cents>;
  /** Savings the young person takes into the first month. */
  savings: Cents;
}

export interface FirstMonth {
  monthlyIncome: Cents;
  oneOffIncome: Cents;
  costs: Cents;
  /** Monthly income less monthly costs: negative is the monthly gap. */
  monthlyBalance: Cents;
  /** The first month with one-off allowances and savings: negative is a gap in month one. */
  firstMonthBalance: Cents;
  /** Whole months the savings and one-off allowances cover the monthly gap (null: no gap). */
  monthsCovered: number | null;
  /** Allowances in the catalogue not yet in the scenario, largest first: what to apply for. */
  toApplyFor: SupportEntry[];
  /** The largest cuttable cost and how much of it would close the monthly gap. */
  cut: { key: CostKey; by: Cents } | null;
}

/** Turns a scenario into the first month after care ends: the gap and what would close it. */
export function firstMonthAlone(scenario: Scenario, catalogue: readonly SupportEntry[]): FirstMonth {
  const monthlyIncome = sumCents(scenario.incomes.filter((i) => i.frequency === "monthly").map((i) => i.cents));
  const oneOffIncome = sumCents(scenario.incomes.filter((i) => i.frequency === "once").map((i) => i.cents));
  const costs = sumCents(Object.values(scenario.costs));
  const monthlyBalance = subtractCents(monthlyIncome, costs);
  const firstMonthBalance = addCents(addCents(monthlyBalance, oneOffIncome), scenario.savings);
  const reserve = addCents(oneOffIncome, scenario.savings);
  const monthsCovered = monthlyBalance < 0 ? Math.floor(Math.max(0, reserve) / -monthlyBalance) : null;
  const used = new Set(scenario.incomes.map((i) => i.ref));
  const toApplyFor =
    monthlyBalance < 0 || firstMonthBalance < 0
      ? catalogue.filter((e) => !used.has(e.id) && e.kind !== "wage").sort((a, b) => b.amountCents - a.amountCents)
      : [];
  let cut: FirstMonth["cut"] = null;
  if (monthlyBalance < 0) {
    const candidates = CUTTABLE_COSTS.filter((k) => scenario.costs[k] > 0).sort((a, b) => scenario.costs[b] - scenario.costs[a]);
    const key = candidates[0];
    if (key) cut = { key, by: cents(Math.min(scenario.costs[key], -monthlyBalance)) };
  }
  return { monthlyIncome, oneOffIncome, costs, monthlyBalance, firstMonthBalance, monthsCovered, toApplyFor, cut };
}

/** Today's budget as the starting point of a scenario: envelopes become costs, pocket money is left behind. */
export function scenarioFromBudget(
  envelopes: ReadonlyArray<{ category: EnvelopeCategory; planned: Cents }>,
  savings: Cents,
  catalogue: readonly SupportEntry[],
  defaults: Partial<Record<CostKey, Cents>> = {},
): Scenario {
  const costs = Object.fromEntries(COST_KEYS.map((k) => [k, defaults[k] ?? ZERO])) as Record<CostKey, Cents>;
  for (const e of envelopes) {
    const key: CostKey = e.category === "gifts" ? "own" : e.category;
    costs[key] = addCents(costs[key], e.planned);
  }
  const incomes = catalogue
    .filter((e) => e.kind === "startAllowance" || e.kind === "householdAllowance" || e.kind === "studyAllowance")
    .map((e) => ({ ref: e.id, title: e.title, cents: e.amountCents, frequency: e.frequency }));
  return { incomes, costs, savings };
}
