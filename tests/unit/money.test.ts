/**
 * Money's edges (app/domain/money.ts) that the budget tests do not reach: whole cents only, every way an
 * amount is typed and refused, grouping, formatting of negative amounts and for editing, and the
 * largest-remainder split's ties and refusals. Written from the mutation run (docs/proofs.md).
 */
import { describe, expect, it } from "vitest";
import {
  addCents,
  cents,
  euros,
  formatMoney,
  formatMoneyInput,
  MONEY_MAX_CENTS,
  parseMoney,
  splitByWeights,
  subtractCents,
  sumCents,
  ZERO,
} from "~/domain/money";

describe("cents", () => {
  it("are whole numbers; anything else is a programming error", () => {
    expect(cents(0)).toBe(0);
    expect(cents(-5)).toBe(-5);
    expect(cents(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1]) expect(() => cents(bad), String(bad)).toThrow(RangeError);
    expect(() => cents(0.1)).toThrow("Not a whole number of cents: 0.1");
  });

  it("add, subtract and sum exactly", () => {
    expect(euros(12)).toBe(1200);
    expect(addCents(cents(150), cents(275))).toBe(425);
    expect(subtractCents(cents(150), cents(275))).toBe(-125);
    expect(sumCents([])).toBe(0);
    expect(sumCents([cents(1), cents(2), cents(-3), cents(10)])).toBe(10);
    expect(ZERO).toBe(0);
    expect(MONEY_MAX_CENTS).toBe(100_000_000);
  });
});

describe("parseMoney: what people type", () => {
  it.each([
    ["12\u202f€", 1200],
    ["1\u2009234,56", 123456],
    [" 12 ", 1200],
    ["€ 12", 1200],
    ["12€", 1200],
    ["EUR 12", 1200],
    ["12 eur", 1200],
    ["12Eur", 1200],
    ["1,234.50", 123450],
    ["1.234,50", 123450],
    ["1,000,000", 100_000_000],
    ["1.000.000", 100_000_000],
    ["1 000 000,00", 100_000_000],
    ["12,345,678", 1_234_567_800],
    ["007", 700],
    ["0000000012", 1200],
    ["5.", 500],
    [".5", 50],
    ["0,5", 50],
    ["+0", 0],
  ])("%j is %i cents", (input, expected) => {
    if (expected > MONEY_MAX_CENTS) expect(parseMoney(input)).toEqual({ ok: false, problem: "tooLarge" });
    else expect(parseMoney(input)).toEqual({ ok: true, cents: expected });
  });

  it.each([
    ["−5", "negative"],
    ["−0", "negative"],
    ["€-5", "negative"],
    ["1,23,456", "invalid"],
    ["1,2345", "decimals"],
    ["12,34.56", "invalid"],
    ["1.234.5", "invalid"],
    ["1,234,56.7", "invalid"],
    ["1.234,56,7", "invalid"],
    [",234,567", "invalid"],
    ["1234,567,890", "invalid"],
    ["12..5", "invalid"],
    ["12,5€€", "invalid"],
    ["++5", "invalid"],
    ["5+", "invalid"],
    ["1€2", "invalid"],
    ["€1€2€", "invalid"],
    ["1EUR2", "invalid"],
    ["EUR1EUR", "invalid"],
    ["1e3", "invalid"],
    ["0x10", "invalid"],
    ["EUR", "invalid"],
    ["12 EURO", "invalid"],
    ["12,500", "decimals"],
    ["10000000", "tooLarge"],
    ["1000000,01", "tooLarge"],
    ["00000001000001", "tooLarge"],
  ])("%j is refused (%s)", (input, problem) => {
    expect(parseMoney(input)).toEqual({ ok: false, problem });
  });

  it("takes the largest amount to the cent, and leading zeros do not count as digits", () => {
    expect(parseMoney("1000000")).toEqual({ ok: true, cents: MONEY_MAX_CENTS });
    expect(parseMoney("999999,99")).toEqual({ ok: true, cents: 99_999_999 });
    expect(parseMoney("0001000000")).toEqual({ ok: true, cents: MONEY_MAX_CENTS });
    expect(parseMoney("1000000,001")).toEqual({ ok: false, problem: "decimals" });
  });
});

describe("formatting", () => {
  it("writes negative and grouped amounts in each language", () => {
    // Grouped from four digits on, in Latvian too (Intl's Latvian default would write "1234").
    expect(formatMoney(cents(123456), "lv")).toBe("1\u00a0234,56\u00a0€");
    expect(formatMoney(cents(-505), "en")).toBe("−€5.05");
    expect(formatMoney(cents(-505), "ru")).toBe("−5,05\u00a0€");
    expect(formatMoney(cents(123456789), "ru")).toBe("1\u00a0234\u00a0567,89\u00a0€");
    expect(formatMoney(cents(123456789), "lv")).toBe("1\u00a0234\u00a0567,89\u00a0€");
    expect(formatMoney(cents(123456789), "en")).toBe("€1,234,567.89");
    expect(formatMoney(cents(5), "lv")).toBe("0,05\u00a0€");
    expect(formatMoney(cents(0), "en")).toBe("€0.00");
    // Twice: the remembered number format gives the same text.
    expect(formatMoney(cents(99999), "lv")).toBe("999,99\u00a0€");
    expect(formatMoney(cents(99999), "lv")).toBe("999,99\u00a0€");
  });

  it("writes an amount for editing without grouping, with the language's separator", () => {
    expect(formatMoneyInput(cents(123456), "lv")).toBe("1234,56");
    expect(formatMoneyInput(cents(123456), "ru")).toBe("1234,56");
    expect(formatMoneyInput(cents(123456), "en")).toBe("1234.56");
    expect(formatMoneyInput(cents(5), "en")).toBe("0.05");
    expect(formatMoneyInput(cents(-505), "lv")).toBe("-5,05");
    expect(formatMoneyInput(cents(0), "lv")).toBe("0,00");
  });
});

describe("splitByWeights", () => {
  it("gives the left-over cents to the largest remainders, earlier weights first on a tie", () => {
    expect(splitByWeights(cents(10), [1, 2])).toEqual([3, 7]);
    expect(splitByWeights(cents(2), [1, 1, 1])).toEqual([1, 1, 0]);
    expect(splitByWeights(cents(5), [3, 1, 3])).toEqual([2, 1, 2]);
    expect(splitByWeights(cents(7), [1, 3, 3])).toEqual([1, 3, 3]);
    expect(splitByWeights(cents(11), [2, 1, 1])).toEqual([5, 3, 3]);
  });

  it("splits a negative total the same way, with its sign", () => {
    expect(splitByWeights(cents(-10), [1, 2])).toEqual([-3, -7]);
    expect(splitByWeights(cents(-100), [1, 1, 1])).toEqual([-34, -33, -33]);
    // Nothing splits into plain zeros (not −0).
    expect(splitByWeights(ZERO, [1, 1])).toEqual([0, 0]);
  });

  it("no weights: no parts; all weights zero: everything to the first", () => {
    expect(splitByWeights(cents(500), [])).toEqual([]);
    expect(splitByWeights(cents(500), [0, 0, 0])).toEqual([500, 0, 0]);
    expect(splitByWeights(cents(500), [0])).toEqual([500]);
    expect(splitByWeights(cents(500), [0, 5])).toEqual([0, 500]);
  });

  it("refuses weights that are not whole or are negative", () => {
    expect(() => splitByWeights(cents(100), [1, -1])).toThrow(RangeError);
    expect(() => splitByWeights(cents(100), [0.5, 0.5])).toThrow("Weights must be whole and not negative");
    expect(() => splitByWeights(cents(100), [Number.NaN])).toThrow(RangeError);
  });
});
