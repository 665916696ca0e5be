/**
 * The budget's form schemas (app/domain/budget-forms.ts), field by field: amounts as people type them,
 * each bad value's message, the parsed value, the transaction's dates and the first-month form. Written
 * from the mutation run (docs/proofs.md): the budget pages' tests send good forms and a few bad ones.
 */
import { describe, expect, it } from "vitest";
import { COST_KEYS, ENVELOPE_CATEGORIES, INCOME_CATEGORIES, SUPPORT_KINDS } from "~/domain/budget";
import {
  checkDutySchema,
  dutySchema,
  editEnvelopeSchema,
  editTransactionSchema,
  envelopeSchema,
  idSchema,
  paySchema,
  pocketMoneySchema,
  quickAddSchema,
  readScenarioForm,
  rolloverSchema,
  savingsGoalSchema,
  supportEntrySchema,
  transactionDateProblem,
  TRANSACTION_FUTURE_DAYS,
  TRANSACTION_PAST_DAYS,
  undoCheckSchema,
} from "~/domain/budget-forms";
import { TEXT_MAX, TITLE_MAX } from "~/domain/limits";
import { messageOf, parsed } from "../helpers/schemas";

describe("amounts", () => {
  it("are parsed into cents as typed; zero only where it is allowed", () => {
    expect(parsed(quickAddSchema, { amount: "12,5", category: "none" })).toEqual({ amount: 1250, category: "none" });
    expect(parsed(pocketMoneySchema, { amount: "0", rhythm: "weekly", payDay: "1" })).toEqual({ amount: 0, rhythm: "weekly", payDay: 1 });
    expect(messageOf(quickAddSchema, { amount: "0", category: "none" }, "amount")).toBe("budget.errors.money.zero");
    expect(messageOf(savingsGoalSchema, { title: "Velosipēds", target: "0,00" }, "target")).toBe("budget.errors.money.zero");
  });

  it("each refusal says why: missing, not a number, negative, too many decimals, too large, too long", () => {
    const amountMessage = (amount: unknown) => messageOf(quickAddSchema, { amount, category: "none" }, "amount");
    expect(amountMessage(undefined)).toBe("budget.errors.moneyRequired");
    expect(amountMessage(12)).toBe("budget.errors.moneyRequired");
    expect(amountMessage("abc")).toBe("budget.errors.money.invalid");
    expect(amountMessage("-5")).toBe("budget.errors.money.negative");
    expect(amountMessage("1,234")).toBe("budget.errors.money.decimals");
    expect(amountMessage("99999999")).toBe("budget.errors.money.tooLarge");
    expect(amountMessage("1".repeat(40))).toBe("budget.errors.money.tooLarge");
    expect(amountMessage("1".repeat(41))).toBe("budget.errors.money.invalid");
  });
});

describe("the two-tap form and a transaction", () => {
  it("the category is an envelope id, none, or an income category", () => {
    for (const category of ["none", "envelope:e-1", `envelope:${"a".repeat(64)}`, ...INCOME_CATEGORIES.map((c) => `income:${c}`)]) {
      expect(messageOf(quickAddSchema, { amount: "1", category }, "category"), category).toBeNull();
    }
    for (const category of [
      undefined,
      "",
      "envelope:",
      `envelope:${"a".repeat(65)}`,
      "envelope:a_b",
      "income:lottery",
      "income:",
      "nonex",
      "xnone",
      "income:gift ",
    ]) {
      expect(messageOf(quickAddSchema, { amount: "1", category }, "category"), String(category)).toBe("budget.errors.category");
    }
  });

  it("a date is trimmed and must exist; a note is trimmed, at most the title limit; the token 8–64", () => {
    expect(parsed(quickAddSchema, { amount: "1", category: "none", on: " 2026-11-30 ", note: "  Maize ", clientToken: "abcdefgh" })).toEqual({
      amount: 100,
      category: "none",
      on: "2026-11-30",
      note: "Maize",
      clientToken: "abcdefgh",
    });
    expect(messageOf(quickAddSchema, { amount: "1", category: "none", on: "2026-11-31" }, "on")).toBe("budget.errors.date");
    expect(messageOf(quickAddSchema, { amount: "1", category: "none", note: "a".repeat(TITLE_MAX) }, "note")).toBeNull();
    expect(messageOf(quickAddSchema, { amount: "1", category: "none", note: "a".repeat(TITLE_MAX + 1) }, "note")).toBe("budget.errors.tooLong");
    for (const clientToken of ["abcdefg", "x".repeat(65), "ab cd efgh"]) {
      expect(messageOf(quickAddSchema, { amount: "1", category: "none", clientToken }, "clientToken"), clientToken).toBe("budget.errors.invalid");
    }
  });

  it("editing one needs its date; the envelope id at most 64 characters", () => {
    expect(parsed(editTransactionSchema, { amount: "3", on: " 2026-11-02 ", envelopeId: "e-1", note: " x " })).toEqual({
      amount: 300,
      on: "2026-11-02",
      envelopeId: "e-1",
      note: "x",
    });
    expect(messageOf(editTransactionSchema, { amount: "3" }, "on")).toBe("budget.errors.date");
    expect(messageOf(editTransactionSchema, { amount: "0", on: "2026-11-02" }, "amount")).toBe("budget.errors.money.zero");
    expect(messageOf(editTransactionSchema, { amount: "3", on: "2.11.2026" }, "on")).toBe("budget.errors.date");
    expect(messageOf(editTransactionSchema, { amount: "3", on: "2026-11-02", envelopeId: "e".repeat(65) }, "envelopeId")).not.toBeNull();
    expect(messageOf(editTransactionSchema, { amount: "3", on: "2026-11-02", note: "a".repeat(TITLE_MAX + 1) }, "note")).toBe("budget.errors.tooLong");
  });

  it("may be dated up to a year back and not in the future", () => {
    const today = "2026-12-01";
    expect(TRANSACTION_FUTURE_DAYS).toBe(0);
    expect(transactionDateProblem(today, today)).toBeNull();
    expect(transactionDateProblem("2026-12-02", today)).toBe("budget.errors.dateFuture");
    expect(transactionDateProblem("2025-11-30", today)).toBeNull(); // 366 days back
    expect(TRANSACTION_PAST_DAYS).toBe(366);
    expect(transactionDateProblem("2025-11-29", today)).toBe("budget.errors.datePast");
  });
});

describe("pocket money and duties", () => {
  it("a pay day is 1–7 for a weekly rhythm and 1–28 for a monthly one", () => {
    const pay = (rhythm: string, payDay: unknown) => messageOf(pocketMoneySchema, { amount: "10", rhythm, payDay }, "payDay");
    for (const day of ["1", "7"]) expect(pay("weekly", day), day).toBeNull();
    for (const day of ["0", "8", "28"]) expect(pay("weekly", day), day).toBe("budget.errors.payDay");
    for (const day of ["1", "8", "28", "01"]) expect(pay("monthly", day), day).toBeNull();
    for (const day of ["0", "29", "31", "100", "", "1.5", undefined]) expect(pay("monthly", day), String(day)).toBe("budget.errors.payDay");
    expect(messageOf(pocketMoneySchema, { amount: "10", rhythm: "daily", payDay: "1" }, "rhythm")).toBe("budget.errors.invalid");
  });

  it("a duty is worth an amount or a share of 1–100 %", () => {
    expect(parsed(dutySchema, { title: " Iznest miskasti ", valueKind: "amount", value: "2,50" })).toEqual({
      title: "Iznest miskasti",
      valueKind: "amount",
      value: 250,
    });
    expect(parsed(dutySchema, { title: "Trauki", valueKind: "share", value: " 25% " })).toEqual({ title: "Trauki", valueKind: "share", value: 25 });
    for (const value of ["1", "100", "100%"]) expect(messageOf(dutySchema, { title: "x", valueKind: "share", value }, "value"), value).toBeNull();
    for (const value of ["0", "101", "1000", "12.5", "abc", "%", "", "%25", "2%5"])
      expect(messageOf(dutySchema, { title: "x", valueKind: "share", value }, "value"), value).toBe("budget.errors.share");
    expect(messageOf(dutySchema, { title: "x", valueKind: "amount", value: "0" }, "value")).toBe("budget.errors.money.zero");
    expect(messageOf(dutySchema, { title: "x", valueKind: "amount", value: "-1" }, "value")).toBe("budget.errors.money.negative");
    expect(messageOf(dutySchema, { title: "x", valueKind: "amount" }, "value")).toBe("budget.errors.moneyRequired");
    expect(messageOf(dutySchema, { title: "x", valueKind: "amount", value: "1".repeat(41) }, "value")).toBe("budget.errors.invalid");
    expect(messageOf(dutySchema, { title: "x", valueKind: "hours", value: "1" }, "valueKind")).toBe("budget.errors.invalid");
  });

  it("a title is required, trimmed, at most the title limit", () => {
    for (const title of [undefined, "", "   "])
      expect(messageOf(dutySchema, { title, valueKind: "amount", value: "1" }, "title"), String(title)).toBe("budget.errors.required");
    expect(messageOf(dutySchema, { title: "a".repeat(TITLE_MAX), valueKind: "amount", value: "1" }, "title")).toBeNull();
    expect(messageOf(dutySchema, { title: "a".repeat(TITLE_MAX + 1), valueKind: "amount", value: "1" }, "title")).toBe("budget.errors.tooLong");
  });

  it("ticks, undos, pay-outs, ids and roll-overs take only what they name", () => {
    expect(parsed(checkDutySchema, { dutyId: "d1", periodStart: "2026-11-30", done: "1" })).toEqual({ dutyId: "d1", periodStart: "2026-11-30", done: "1" });
    expect(parsed(checkDutySchema, { dutyId: "d1", periodStart: "2026-11-30", done: "0" })).toMatchObject({ done: "0" });
    expect(checkDutySchema.safeParse({ dutyId: "d1", periodStart: "2026-11-31", done: "1" }).success).toBe(false);
    expect(checkDutySchema.safeParse({ dutyId: "d1", periodStart: "2026-11-30", done: "2" }).success).toBe(false);
    expect(checkDutySchema.safeParse({ dutyId: "", periodStart: "2026-11-30", done: "0" }).success).toBe(false);
    expect(undoCheckSchema.safeParse({ dutyId: "d".repeat(65), periodStart: "2026-11-30" }).success).toBe(false);
    expect(undoCheckSchema.safeParse({ dutyId: "d", periodStart: "x" }).success).toBe(false);
    expect(parsed(paySchema, { periodStart: "2026-11-01" })).toEqual({ periodStart: "2026-11-01" });
    expect(paySchema.safeParse({ periodStart: "2026-02-29" }).success).toBe(false);
    expect(idSchema.safeParse({ id: "i".repeat(64) }).success).toBe(true);
    expect(idSchema.safeParse({ id: "i".repeat(65) }).success).toBe(false);
    expect(idSchema.safeParse({ id: "" }).success).toBe(false);
    expect(parsed(rolloverSchema, { envelopeId: "e1", carry: "0" })).toEqual({ envelopeId: "e1", carry: "0" });
    expect(parsed(rolloverSchema, { envelopeId: "e1", carry: "1" })).toEqual({ envelopeId: "e1", carry: "1" });
    expect(rolloverSchema.safeParse({ envelopeId: "e1", carry: "yes" }).success).toBe(false);
  });
});

describe("envelopes, savings, support", () => {
  it("an envelope of a known category; one's own needs a title", () => {
    for (const category of ENVELOPE_CATEGORIES.filter((c) => c !== "own"))
      expect(parsed(envelopeSchema, { category, planned: "20" })).toEqual({ category, planned: 2000 });
    expect(parsed(envelopeSchema, { category: "own", title: " Kino ", planned: "0" })).toEqual({ category: "own", title: "Kino", planned: 0 });
    expect(messageOf(envelopeSchema, { category: "own", planned: "5" }, "title")).toBe("budget.errors.ownTitle");
    expect(messageOf(envelopeSchema, { category: "own", title: "  ", planned: "5" }, "title")).toBe("budget.errors.ownTitle");
    expect(messageOf(envelopeSchema, { category: "cars", planned: "5" }, "category")).toBe("budget.errors.invalid");
    expect(messageOf(envelopeSchema, { category: "food", title: "a".repeat(TITLE_MAX + 1), planned: "5" }, "title")).toBe("budget.errors.tooLong");
    expect(parsed(editEnvelopeSchema, { id: "e1", planned: "7", title: " Ēdiens " })).toEqual({ id: "e1", planned: 700, title: "Ēdiens" });
    expect(parsed(editEnvelopeSchema, { id: "e1", planned: "0" })).toEqual({ id: "e1", planned: 0 });
    expect(messageOf(editEnvelopeSchema, { id: "e1", planned: "7", title: "a".repeat(TITLE_MAX + 1) }, "title")).toBe("budget.errors.tooLong");
    expect(messageOf(editEnvelopeSchema, { id: "", planned: "7" }, "id")).not.toBeNull();
  });

  it("a savings goal: a title, a target above zero, perhaps a date and a plan goal", () => {
    expect(parsed(savingsGoalSchema, { title: " Velosipēds ", target: "150", targetDate: " 2027-05-01 ", planGoalId: "g1" })).toEqual({
      title: "Velosipēds",
      target: 15000,
      targetDate: "2027-05-01",
      planGoalId: "g1",
    });
    expect(messageOf(savingsGoalSchema, { title: "x", target: "1", targetDate: "2027-02-29" }, "targetDate")).toBe("budget.errors.date");
    expect(messageOf(savingsGoalSchema, { title: "x", target: "1", planGoalId: "g".repeat(65) }, "planGoalId")).not.toBeNull();
  });

  it("a support entry: a known kind and frequency, an amount above zero, a note up to the text limit", () => {
    const entry = { kind: "stipend", title: "Stipendija", amount: "100", frequency: "monthly" };
    for (const kind of SUPPORT_KINDS) expect(parsed(supportEntrySchema, { ...entry, kind })).toEqual({ ...entry, kind, amount: 10000 });
    expect(messageOf(supportEntrySchema, { ...entry, kind: "lottery" }, "kind")).toBe("budget.errors.invalid");
    expect(messageOf(supportEntrySchema, { ...entry, frequency: "weekly" }, "frequency")).toBe("budget.errors.invalid");
    expect(messageOf(supportEntrySchema, { ...entry, amount: "0" }, "amount")).toBe("budget.errors.money.zero");
    expect(messageOf(supportEntrySchema, { ...entry, note: "a".repeat(TEXT_MAX) }, "note")).toBeNull();
    expect(parsed(supportEntrySchema, { ...entry, note: "  Līdz jūnijam  " })).toMatchObject({ note: "Līdz jūnijam" });
    expect(messageOf(supportEntrySchema, { ...entry, note: "a".repeat(TEXT_MAX + 1) }, "note")).toBe("budget.errors.tooLong");
  });
});

describe("the first-month form", () => {
  const catalogue = [
    { id: "start", title: "Pabalsts patstāvīgas dzīves uzsākšanai", frequency: "once" as const },
    { id: "house", title: "Pabalsts mājsaimniecībai", frequency: "monthly" as const },
  ];
  const noCosts = Object.fromEntries(COST_KEYS.map((k) => [k, 0]));

  it("reads every cost, the savings, the chosen entries and a wage; empty fields are zero", () => {
    const form = {
      cost_rent: "250",
      cost_food: " 120,50 ",
      savings: "300",
      use_start: "1",
      amount_start: "1000",
      use_house: "0",
      amount_house: "99",
      wage: "600",
      title: "  Pirmais mēnesis ",
    };
    expect(readScenarioForm(form, catalogue)).toEqual({
      scenario: {
        costs: { ...noCosts, rent: 25000, food: 12050 },
        savings: 30000,
        incomes: [
          { ref: "start", title: "Pabalsts patstāvīgas dzīves uzsākšanai", cents: 100000, frequency: "once" },
          { ref: "own:wage", title: "", cents: 60000, frequency: "monthly" },
        ],
      },
      title: "Pirmais mēnesis",
      errors: {},
    });
    expect(readScenarioForm({}, catalogue)).toEqual({ scenario: { costs: noCosts, savings: 0, incomes: [] }, title: "", errors: {} });
    // A field of spaces is empty too, not a bad amount.
    expect(readScenarioForm({ cost_rent: "   ", savings: "\u00a0" }, catalogue)).toEqual({
      scenario: { costs: noCosts, savings: 0, incomes: [] },
      title: "",
      errors: {},
    });
  });

  it("a chosen entry without an amount counts zero; no wage adds no wage line; non-text fields are empty", () => {
    expect(readScenarioForm({ use_house: "1", wage: "0", cost_rent: 250, title: 7 }, catalogue)).toEqual({
      scenario: { costs: noCosts, savings: 0, incomes: [{ ref: "house", title: "Pabalsts mājsaimniecībai", cents: 0, frequency: "monthly" }] },
      title: "",
      errors: {},
    });
  });

  it("a field that does not parse is its own error and nothing is computed; a long title too", () => {
    expect(readScenarioForm({ cost_rent: "abc", savings: "-3", use_start: "1", amount_start: "1,234", cost_food: "5" }, catalogue)).toEqual({
      scenario: null,
      title: "",
      errors: { cost_rent: ["budget.errors.money.invalid"], savings: ["budget.errors.money.negative"], amount_start: ["budget.errors.money.decimals"] },
    });
    expect(readScenarioForm({ title: "a".repeat(TITLE_MAX) }, catalogue).errors).toEqual({});
    expect(readScenarioForm({ title: "a".repeat(TITLE_MAX + 1) }, catalogue)).toMatchObject({ scenario: null, errors: { title: ["budget.errors.tooLong"] } });
  });
});
