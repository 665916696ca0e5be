/**
 * Money and budget rules. Property tests (fast-check) prove that parsing, splitting, pocket money and
 * pot balances never gain or lose a cent; examples pin what people type in lv/en/ru.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocateIncome,
  checkSplit,
  envelopePace,
  firstMonthAlone,
  nextPayDay,
  periodOf,
  pocketMoneyForPeriod,
  potBalances,
  rollOverAmount,
  savingsProgress,
  type Duty,
  type Pot,
  type Scenario,
} from "~/domain/budget";
import { cents, formatMoney, formatMoneyInput, MONEY_MAX_CENTS, parseMoney, splitByWeights, sumCents, type Cents } from "~/domain/money";

const money = fc.integer({ min: 0, max: MONEY_MAX_CENTS }).map((n) => n as Cents);

describe("parseMoney", () => {
  it.each([
    ["12,5", 1250],
    ["12,50", 1250],
    ["12.50", 1250],
    ["€12", 1200],
    ["12 €", 1200],
    ["12\u00a0€", 1200],
    ["12 EUR", 1200],
    ["1 234,56", 123456],
    ["0,05", 5],
    [",5", 50],
    ["12.", 1200],
    ["0", 0],
    ["+3", 300],
    ["1000000", 100_000_000],
  ])("%s is %i cents", (input, expected) => {
    expect(parseMoney(input)).toEqual({ ok: true, cents: expected });
  });

  it.each([
    ["-0", "negative"],
    ["-12,50", "negative"],
    ["1e9", "invalid"],
    ["abc", "invalid"],
    ["", "invalid"],
    ["€", "invalid"],
    [",", "invalid"],
    ["1,2,3", "invalid"],
    ["12.345", "decimals"],
    ["99999999999", "tooLarge"],
    ["1000000,01", "tooLarge"],
    ["99999999999999999999999", "tooLarge"],
  ])("%s is refused (%s)", (input, problem) => {
    expect(parseMoney(input)).toEqual({ ok: false, problem });
  });

  it("reads back whatever it formats for editing, in every language", () => {
    fc.assert(
      fc.property(money, fc.constantFrom("lv", "en", "ru" as const), (c, locale) => {
        expect(parseMoney(formatMoneyInput(c, locale))).toEqual({ ok: true, cents: c });
        expect(parseMoney(formatMoney(c, locale))).toEqual({ ok: true, cents: c });
      }),
    );
  });
});

describe("formatMoney", () => {
  it("writes euros as each language does", () => {
    expect(formatMoney(cents(1250), "lv")).toBe("12,50\u00a0€");
    expect(formatMoney(cents(1250), "ru")).toBe("12,50\u00a0€");
    expect(formatMoney(cents(1250), "en")).toBe("€12.50");
    expect(formatMoney(cents(106500), "lv")).toBe("1\u00a0065,00\u00a0€");
    expect(formatMoney(cents(106500), "en")).toBe("€1,065.00");
    expect(formatMoney(cents(-505), "lv")).toBe("−5,05\u00a0€");
  });
});

describe("splitByWeights (largest remainder)", () => {
  it("never gains or loses a cent, and no part strays more than a cent from its exact share", () => {
    fc.assert(
      fc.property(money, fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 12 }), (total, weights) => {
        const parts = splitByWeights(total, weights);
        expect(sumCents(parts)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        if (sum === 0) return;
        parts.forEach((p, i) => {
          const exact = (total * weights[i]!) / sum;
          expect(Math.abs(p - exact)).toBeLessThan(1);
          if (weights[i] === 0) expect(p).toBe(0);
        });
      }),
    );
  });

  it("gives the odd cent to the largest remainder, earlier first on a tie", () => {
    expect(splitByWeights(cents(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeights(cents(1000), [70, 20, 10])).toEqual([700, 200, 100]);
    expect(splitByWeights(cents(1), [50, 50])).toEqual([1, 0]);
  });
});

describe("pocket money for a period", () => {
  const dutyArb = fc
    .record({
      id: fc.uuid(),
      title: fc.constant("x"),
      valueKind: fc.constantFrom("amount" as const, "share" as const),
      value: fc.integer({ min: 0, max: 5000 }),
    })
    .map((d) => (d.valueKind === "share" ? { ...d, value: d.value % 101 } : d));

  it("earned is the unconditional part plus exactly the confirmed duties; all confirmed is the possible", () => {
    fc.assert(
      fc.property(
        money,
        fc.uniqueArray(dutyArb, { selector: (d) => d.id, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (amount, duties, flags) => {
          const confirmed = new Set(duties.filter((_, i) => flags[i]).map((d) => d.id));
          const result = pocketMoneyForPeriod({ amountCents: amount }, duties, confirmed);
          const all = pocketMoneyForPeriod({ amountCents: amount }, duties, new Set(duties.map((d) => d.id)));
          const none = pocketMoneyForPeriod({ amountCents: amount }, duties, new Set());
          expect(all.earned).toBe(all.possible);
          expect(result.earned).toBe(none.earned + sumCents(result.lines.filter((l) => l.confirmed).map((l) => l.worth)));
          const shares = duties.filter((d) => d.valueKind === "share");
          const amounts = sumCents(duties.filter((d) => d.valueKind === "amount").map((d) => cents(d.value)));
          // The base amount is divided among the shares and the unconditional rest, never more, never less.
          expect(all.possible).toBe(shares.length || duties.length === 0 ? amount + amounts : amount + amounts);
        },
      ),
    );
  });

  it("Jānis's week: 10 € in shares of 50/30/20, the dishes not done", () => {
    const duties: Duty[] = [
      { id: "room", title: "Room", valueKind: "share", value: 50 },
      { id: "dishes", title: "Dishes", valueKind: "share", value: 30 },
      { id: "bins", title: "Bins", valueKind: "share", value: 20 },
      { id: "car", title: "Wash the car", valueKind: "amount", value: 300 },
    ];
    const r = pocketMoneyForPeriod({ amountCents: cents(1000) }, duties, new Set(["room", "bins", "car"]));
    expect(r.lines.map((l) => l.worth)).toEqual([500, 300, 200, 300]);
    expect(r.earned).toBe(1000);
    expect(r.possible).toBe(1300);
  });

  it("without duties the pocket money is simply the amount", () => {
    expect(pocketMoneyForPeriod({ amountCents: cents(2500) }, [], new Set())).toMatchObject({ earned: 2500, unconditional: true });
  });
});

describe("periods and pay days", () => {
  it("weekly: Monday to Sunday, paid on the chosen weekday", () => {
    // 2026-12-02 is a Wednesday.
    expect(periodOf({ rhythm: "weekly", payDay: 5 }, "2026-12-02")).toEqual({ start: "2026-11-30", end: "2026-12-06", payOn: "2026-12-04" });
    expect(nextPayDay({ rhythm: "weekly", payDay: 1 }, "2026-12-02")).toBe("2026-12-07");
  });
  it("monthly: the calendar month, the pay day kept inside short months", () => {
    expect(periodOf({ rhythm: "monthly", payDay: 28 }, "2027-02-10")).toEqual({ start: "2027-02-01", end: "2027-02-28", payOn: "2027-02-28" });
    expect(nextPayDay({ rhythm: "monthly", payDay: 1 }, "2026-12-02")).toBe("2027-01-01");
  });
});

describe("pots", () => {
  it("refuses a split that adds to 101% or uses fractions", () => {
    expect(checkSplit([70, 31])).toBe("notHundred");
    expect(checkSplit([70.5, 29.5])).toBe("range");
    expect(checkSplit([70, 20, 10])).toBeNull();
  });

  it("allocations and balances keep every cent: income in = pots + spent", () => {
    fc.assert(
      fc.property(
        fc.array(money, { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 }),
        money,
        (incomes, percents, spent) => {
          const pots: Pot[] = percents.map((p, i) => ({ id: `p${i}`, kind: i === 0 ? "spend" : i === 1 ? "save" : "goal", percent: p }));
          const allocated = new Map<string, Cents>();
          for (const income of incomes) {
            const parts = allocateIncome(income, pots);
            expect(sumCents(parts.map((p) => p.cents))).toBe(income);
            for (const p of parts) allocated.set(p.potId, cents((allocated.get(p.potId) ?? 0) + p.cents));
          }
          const balances = potBalances(pots, allocated, spent);
          expect(sumCents(balances.map((b) => b.balance)) + spent).toBe(sumCents(incomes));
        },
      ),
    );
  });
});

describe("envelopes", () => {
  it("day 12 of 30, 55% spent is ahead of the pace line", () => {
    const pace = envelopePace(cents(10000), cents(0), cents(5500), "2026-11-12");
    expect(pace).toMatchObject({ day: 12, days: 30, spentPercent: 55, pacePercent: 40, status: "ahead", left: 4500 });
  });
  it("roll-over carries what is left, never an overspend; left + spent = available", () => {
    fc.assert(
      fc.property(money, money, money, (planned, rolled, spent) => {
        const pace = envelopePace(planned, rolled, spent, "2026-11-30");
        expect(pace.left + pace.spent).toBe(pace.available);
        const carried = rollOverAmount(pace.available, spent);
        expect(carried).toBe(Math.max(0, pace.left));
      }),
    );
  });
});

describe("savings goals", () => {
  it("shows progress and what is needed a month", () => {
    expect(savingsProgress(cents(12000), cents(40000), "2027-06-01", "2026-12-01")).toMatchObject({ percent: 30, perMonthNeeded: 4667 });
    expect(savingsProgress(cents(50000), cents(40000), null, "2026-12-01")).toMatchObject({ percent: 100, perMonthNeeded: null });
  });
});

describe("first month alone", () => {
  const catalogue = [
    { id: "start", kind: "startAllowance" as const, title: "Start", amountCents: cents(25100), frequency: "once" as const },
    { id: "household", kind: "householdAllowance" as const, title: "Household", amountCents: cents(106500), frequency: "once" as const },
    { id: "study", kind: "studyAllowance" as const, title: "Study", amountCents: cents(13900), frequency: "monthly" as const },
    { id: "housing", kind: "housingBenefit" as const, title: "Housing", amountCents: cents(8000), frequency: "monthly" as const },
  ];
  const costs = {
    rent: cents(25000),
    utilities: cents(8000),
    food: cents(20000),
    transport: cents(3000),
    phone: cents(1000),
    internet: cents(1000),
    hygiene: cents(1500),
    clothes: cents(2000),
    leisure: cents(3000),
    own: cents(0),
  };

  it("shows the gap, how long one-off money and savings cover it, what to apply for and what to cut", () => {
    const scenario: Scenario = {
      incomes: [
        { ref: "study", title: "Study", cents: cents(13900), frequency: "monthly" },
        { ref: "start", title: "Start", cents: cents(25100), frequency: "once" },
      ],
      costs,
      savings: cents(30000),
    };
    const r = firstMonthAlone(scenario, catalogue);
    expect(r.costs).toBe(64500);
    expect(r.monthlyBalance).toBe(13900 - 64500);
    expect(r.firstMonthBalance).toBe(13900 - 64500 + 25100 + 30000);
    expect(r.monthsCovered).toBe(1);
    expect(r.toApplyFor.map((e) => e.id)).toEqual(["household", "housing"]);
    expect(r.cut).toEqual({ key: "food", by: 20000 });
  });

  it("balances add up to the cent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cents: money, once: fc.boolean() }), { maxLength: 8 }),
        fc.array(money, { minLength: 10, maxLength: 10 }),
        money,
        (incomes, costList, savings) => {
          const scenario: Scenario = {
            incomes: incomes.map((i, n) => ({ ref: `own:${n}`, title: "x", cents: i.cents, frequency: i.once ? "once" : "monthly" })),
            costs: Object.fromEntries(Object.keys(costs).map((k, i) => [k, costList[i]!])) as Scenario["costs"],
            savings,
          };
          const r = firstMonthAlone(scenario, catalogue);
          expect(r.monthlyIncome + r.oneOffIncome).toBe(sumCents(incomes.map((i) => i.cents)));
          expect(r.firstMonthBalance).toBe(r.monthlyIncome + r.oneOffIncome + savings - r.costs);
        },
      ),
    );
  });
});

describe("parseMoney with thousands separators", () => {
  it.each([
    ["€1,065.00", 106500],
    ["1.065,00 €", 106500],
    ["1,000,000", 100_000_000],
  ])("%s is %i cents", (input, expected) => {
    expect(parseMoney(input)).toEqual({ ok: true, cents: expected });
  });
  it.each([["1,00,0"], ["12,5.5"], ["1.2.3,4,5"]])("%s is refused", (input) => {
    expect(parseMoney(input).ok).toBe(false);
  });
});
