/**
 * Form schemas for the budget. Amounts are typed as people type them ("12,5", "€12", "12 €") and parsed
 * by app/domain/money.ts into cents; every message is a translation key (budget.errors.*).
 */
import { z } from "zod";
import {
  COST_KEYS,
  DUTY_VALUE_KINDS,
  ENVELOPE_CATEGORIES,
  INCOME_CATEGORIES,
  RHYTHMS,
  SUPPORT_FREQUENCIES,
  SUPPORT_KINDS,
  type CostKey,
  type Scenario,
  type ScenarioIncome,
} from "./budget";
import { addDays, isIsoDate, type IsoDate } from "./dates";
import { TEXT_MAX, TITLE_MAX } from "./limits";
import { parseMoney, ZERO, type Cents } from "./money";

/** How far back a transaction may be dated (a forgotten receipt) and how far ahead (none: it happened). */
export const TRANSACTION_PAST_DAYS = 366;
export const TRANSACTION_FUTURE_DAYS = 0;

const invalid = { errorMap: () => ({ message: "budget.errors.invalid" }) };
const id = z.string().min(1).max(64);
const clientToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "budget.errors.invalid")
  .optional();

function money(options: { allowZero: boolean }) {
  return z
    .string({ required_error: "budget.errors.moneyRequired", invalid_type_error: "budget.errors.moneyRequired" })
    .max(40, "budget.errors.money.invalid")
    .transform((value, ctx): Cents => {
      const parsed = parseMoney(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: `budget.errors.money.${parsed.problem}` });
        return z.NEVER;
      }
      if (!options.allowZero && parsed.cents === 0) {
        ctx.addIssue({ code: "custom", message: "budget.errors.money.zero" });
        return z.NEVER;
      }
      return parsed.cents;
    });
}

const title = z.string({ required_error: "budget.errors.required" }).trim().min(1, "budget.errors.required").max(TITLE_MAX, "budget.errors.tooLong");
const optionalDate = z
  .string()
  .trim()
  .refine((v) => isIsoDate(v), "budget.errors.date")
  .optional();

/** Is a transaction's day inside what may be entered, seen from today? */
export function transactionDateProblem(on: IsoDate, today: IsoDate): string | null {
  if (on > addDays(today, TRANSACTION_FUTURE_DAYS)) return "budget.errors.dateFuture";
  if (on < addDays(today, -TRANSACTION_PAST_DAYS)) return "budget.errors.datePast";
  return null;
}

/**
 * The two-tap form: the amount, then a category button. The category buttons are the form's submit
 * buttons (name "category", value "envelope:<id>" or "income:<category>"), so it works without JavaScript.
 */
export const quickAddSchema = z.object({
  amount: money({ allowZero: false }),
  category: z
    .string({ required_error: "budget.errors.category" })
    .regex(new RegExp(`^(envelope:[A-Za-z0-9-]{1,64}|none|income:(${INCOME_CATEGORIES.join("|")}))$`), "budget.errors.category"),
  on: optionalDate,
  note: z.string().trim().max(TITLE_MAX, "budget.errors.tooLong").optional(),
  clientToken,
});

export const editTransactionSchema = z.object({
  amount: money({ allowZero: false }),
  envelopeId: z.string().max(64).optional(),
  on: z
    .string({ required_error: "budget.errors.date" })
    .trim()
    .refine((v) => isIsoDate(v), "budget.errors.date"),
  note: z.string().trim().max(TITLE_MAX, "budget.errors.tooLong").optional(),
});

export const pocketMoneySchema = z
  .object({
    amount: money({ allowZero: true }),
    rhythm: z.enum(RHYTHMS, invalid),
    payDay: z
      .string({ required_error: "budget.errors.payDay" })
      .regex(/^\d{1,2}$/, "budget.errors.payDay")
      .transform(Number),
  })
  .superRefine((v, ctx) => {
    const max = v.rhythm === "weekly" ? 7 : 28;
    if (v.payDay < 1 || v.payDay > max) ctx.addIssue({ code: "custom", path: ["payDay"], message: `budget.errors.payDay` });
  });

export const dutySchema = z
  .object({
    title,
    valueKind: z.enum(DUTY_VALUE_KINDS, invalid),
    value: z.string({ required_error: "budget.errors.moneyRequired" }).max(40, "budget.errors.invalid"),
  })
  .transform((v, ctx) => {
    if (v.valueKind === "share") {
      const n = /^\d{1,3}$/.test(v.value.trim().replace(/%$/, "")) ? Number(v.value.trim().replace(/%$/, "")) : NaN;
      if (!(n >= 1 && n <= 100)) {
        ctx.addIssue({ code: "custom", path: ["value"], message: "budget.errors.share" });
        return z.NEVER;
      }
      return { title: v.title, valueKind: v.valueKind, value: n };
    }
    const parsed = parseMoney(v.value);
    if (!parsed.ok || parsed.cents === 0) {
      ctx.addIssue({ code: "custom", path: ["value"], message: parsed.ok ? "budget.errors.money.zero" : `budget.errors.money.${parsed.problem}` });
      return z.NEVER;
    }
    return { title: v.title, valueKind: v.valueKind, value: parsed.cents as number };
  });

export const checkDutySchema = z.object({ dutyId: id, periodStart: z.string().refine(isIsoDate), done: z.enum(["0", "1"]) });
export const undoCheckSchema = z.object({ dutyId: id, periodStart: z.string().refine(isIsoDate) });
export const paySchema = z.object({ periodStart: z.string().refine(isIsoDate) });
export const idSchema = z.object({ id });
export const rolloverSchema = z.object({ envelopeId: id, carry: z.enum(["0", "1"]) });

export const envelopeSchema = z
  .object({
    category: z.enum(ENVELOPE_CATEGORIES, invalid),
    title: z.string().trim().max(TITLE_MAX, "budget.errors.tooLong").optional(),
    planned: money({ allowZero: true }),
  })
  .superRefine((v, ctx) => {
    if (v.category === "own" && !v.title) ctx.addIssue({ code: "custom", path: ["title"], message: "budget.errors.ownTitle" });
  });

export const editEnvelopeSchema = z.object({
  id,
  planned: money({ allowZero: true }),
  title: z.string().trim().max(TITLE_MAX, "budget.errors.tooLong").optional(),
});

export const savingsGoalSchema = z.object({
  id: id.optional(),
  title,
  target: money({ allowZero: false }),
  targetDate: optionalDate,
  planGoalId: z.string().max(64).optional(),
});

export const supportEntrySchema = z.object({
  id: id.optional(),
  kind: z.enum(SUPPORT_KINDS, invalid),
  title,
  amount: money({ allowZero: false }),
  frequency: z.enum(SUPPORT_FREQUENCIES, invalid),
  note: z.string().trim().max(TEXT_MAX, "budget.errors.tooLong").optional(),
});

/**
 * The first-month form: an amount per cost (cost_<key>), the savings, each catalogue entry's checkbox
 * (use_<id>) and amount (amount_<id>), an expected wage. Every amount is parsed as typed; problems come
 * back per field, and nothing is computed from a field that did not parse.
 */
export function readScenarioForm(
  fields: Record<string, unknown>,
  catalogue: ReadonlyArray<{ id: string; title: string; frequency: "once" | "monthly" }>,
): { scenario: Scenario | null; title: string; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const read = (name: string): Cents => {
    const raw = typeof fields[name] === "string" ? (fields[name] as string) : "";
    if (raw.trim() === "") return ZERO;
    const parsed = parseMoney(raw);
    if (!parsed.ok) {
      errors[name] = [`budget.errors.money.${parsed.problem}`];
      return ZERO;
    }
    return parsed.cents;
  };
  const costs = Object.fromEntries(COST_KEYS.map((k) => [k, read(`cost_${k}`)])) as Record<CostKey, Cents>;
  const savings = read("savings");
  const incomes: ScenarioIncome[] = [];
  for (const entry of catalogue) {
    if (fields[`use_${entry.id}`] !== "1") continue;
    const amount = read(`amount_${entry.id}`);
    incomes.push({ ref: entry.id, title: entry.title, cents: amount, frequency: entry.frequency });
  }
  const wage = read("wage");
  if (wage > 0) incomes.push({ ref: "own:wage", title: "", cents: wage, frequency: "monthly" });
  const rawTitle = typeof fields.title === "string" ? fields.title.trim() : "";
  if (rawTitle.length > TITLE_MAX) errors.title = ["budget.errors.tooLong"];
  return { scenario: Object.keys(errors).length ? null : { incomes, costs, savings }, title: rawTitle, errors };
}
