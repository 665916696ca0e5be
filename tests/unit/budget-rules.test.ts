/**
 * Budget rules at their edges (issue 15's mutation run over app/domain/budget.ts found these unchecked):
 * month arithmetic, the pay day itself, split ranges, the spend pot first, pace thresholds, empty
 * targets, a first month that exactly breaks even, and today's budget as a scenario.
 */
import { describe, expect, it } from "vitest";
import {
  allocateIncome,
  checkSplit,
  CUTTABLE_COSTS,
  envelopePace,
  firstMonthAlone,
  monthEnd,
  nextMonth,
  nextPayDay,
  periodOf,
  pocketMoneyForPeriod,
  previousMonth,
  previousPeriod,
  rollOverAmount,
  savingsProgress,
  scenarioFromBudget,
  type CostKey,
  type Pot,
  type Scenario,
  type SupportEntry,
} from "~/domain/budget";
import { cents, type Cents } from "~/domain/money";

const c = (n: number) => cents(n);

describe("months", () => {
  it("steps back and forward over year ends", () => {
    expect(previousMonth("2026-03")).toBe("2026-02");
    expect(previousMonth("2026-10")).toBe("2026-09");
    expect(previousMonth("2026-01")).toBe("2025-12");
    expect(nextMonth("2026-09")).toBe("2026-10");
    expect(nextMonth("2026-02")).toBe("2026-03");
    expect(nextMonth("2026-12")).toBe("2027-01");
  });

  it("ends a month on its last day, 29 February in a leap year", () => {
    expect(monthEnd("2026-02-10")).toBe("2026-02-28");
    expect(monthEnd("2028-02-01")).toBe("2028-02-29");
    expect(monthEnd("2026-04-30")).toBe("2026-04-30");
    expect(monthEnd("2026-12-01")).toBe("2026-12-31");
  });
});

describe("nextPayDay", () => {
  it("is today on the pay day itself, next period's the day after", () => {
    const monthly = { rhythm: "monthly" as const, payDay: 15 };
    expect(nextPayDay(monthly, "2026-03-15")).toBe("2026-03-15");
    expect(nextPayDay(monthly, "2026-03-14")).toBe("2026-03-15");
    expect(nextPayDay(monthly, "2026-03-16")).toBe("2026-04-15");
    const weekly = { rhythm: "weekly" as const, payDay: 5 };
    // 2026-12-04 is a Friday.
    expect(nextPayDay(weekly, "2026-12-04")).toBe("2026-12-04");
    expect(nextPayDay(weekly, "2026-12-05")).toBe("2026-12-11");
  });

  it("writes a single-digit pay day with its zero; the period before starts a month or a week earlier", () => {
    const monthly = { rhythm: "monthly" as const, payDay: 5 };
    expect(nextPayDay(monthly, "2026-03-01")).toBe("2026-03-05");
    expect(previousPeriod(monthly, periodOf(monthly, "2026-03-10"))).toEqual({ start: "2026-02-01", end: "2026-02-28", payOn: "2026-02-05" });
    const weekly = { rhythm: "weekly" as const, payDay: 1 };
    expect(previousPeriod(weekly, periodOf(weekly, "2026-12-02"))).toEqual({ start: "2026-11-23", end: "2026-11-29", payOn: "2026-11-23" });
  });
});

describe("pocketMoneyForPeriod", () => {
  it("without duties everything is unconditional and there are no lines", () => {
    expect(pocketMoneyForPeriod({ amountCents: c(1000) }, [], new Set())).toEqual({ possible: 1000, earned: 1000, lines: [], unconditional: true });
  });

  it("amount duties only: the base stays whole and each duty adds its amount when confirmed", () => {
    const duties = [
      { id: "a", title: "Dishes", valueKind: "amount" as const, value: 200 },
      { id: "b", title: "Room", valueKind: "amount" as const, value: 300 },
    ];
    const result = pocketMoneyForPeriod({ amountCents: c(1000) }, duties, new Set(["b"]));
    expect(result.possible).toBe(1500);
    expect(result.earned).toBe(1300);
    expect(result.lines.map((l) => [l.duty.id, l.worth, l.earned])).toEqual([
      ["a", 200, 0],
      ["b", 300, 300],
    ]);
    // With duties the pocket money depends on them, even when only amounts are added.
    expect(result.unconditional).toBe(false);
  });
});

describe("checkSplit", () => {
  it("takes whole percentages from 0 to 100 that add to 100", () => {
    expect(checkSplit([100])).toBeNull();
    expect(checkSplit([0, 100])).toBeNull();
    expect(checkSplit([100, 0])).toBeNull();
    expect(checkSplit([50, 50])).toBeNull();
  });

  it("refuses a value out of range even when the sum is 100", () => {
    expect(checkSplit([150, -50])).toBe("range");
    expect(checkSplit([-50, 150])).toBe("range");
    expect(checkSplit([50, 150])).toBe("range");
    expect(checkSplit([101])).toBe("range");
    expect(checkSplit([-1, 101])).toBe("range");
    expect(checkSplit([50.5, 49.5])).toBe("range");
    expect(checkSplit([40, 50])).toBe("notHundred");
    // Out of range is said first, whatever the sum.
    expect(checkSplit([-1])).toBe("range");
    expect(checkSplit([-1, 50])).toBe("range");
  });
});

describe("allocateIncome", () => {
  const spend: Pot = { id: "spend", kind: "spend", percent: 50 };
  const save: Pot = { id: "save", kind: "save", percent: 50 };
  const goal: Pot = { id: "goal", kind: "goal", percent: 0 };

  it("puts the spend pot first, so it gets a cent left over and everything of an empty split", () => {
    expect(allocateIncome(c(1), [save, spend])).toEqual([
      { potId: "spend", cents: 1 },
      { potId: "save", cents: 0 },
    ]);
    expect(allocateIncome(c(101), [save, goal, spend]).map((a) => a.potId)).toEqual(["spend", "save", "goal"]);
    expect(allocateIncome(c(101), [goal, spend, save]).map((a) => a.potId)).toEqual(["spend", "goal", "save"]);
    expect(allocateIncome(c(101), [spend, save]).map((a) => a.potId)).toEqual(["spend", "save"]);
    const empty = [
      { ...save, percent: 0 },
      { ...spend, percent: 0 },
    ];
    expect(allocateIncome(c(700), empty)).toEqual([
      { potId: "spend", cents: 700 },
      { potId: "save", cents: 0 },
    ]);
  });
});

describe("envelopePace", () => {
  // 2026-04-15: day 15 of 30, the pace line at 50%.
  const today = "2026-04-15";

  it("counts nothing available as 0% spent, or 100% once something was spent", () => {
    expect(envelopePace(c(0), c(0), c(0), today).spentPercent).toBe(0);
    expect(envelopePace(c(0), c(0), c(1), today).spentPercent).toBe(100);
    expect(envelopePace(c(0), c(0), c(1), today).status).toBe("over");
    expect(envelopePace(c(1000), c(0), c(250), today).spentPercent).toBe(25);
  });

  it("is on pace up to 10 points either side of the pace line", () => {
    const at = (spent: number) => envelopePace(c(100), c(0), c(spent), today);
    expect(at(50).pacePercent).toBe(50);
    expect(at(60).status).toBe("onPace");
    expect(at(61).status).toBe("ahead");
    expect(at(40).status).toBe("onPace");
    expect(at(39).status).toBe("under");
    expect(at(100).status).toBe("ahead");
    expect(at(101).status).toBe("over");
    expect(at(101).left).toBe(-1);
  });

  it("adds what rolled over to what is available", () => {
    expect(envelopePace(c(100), c(50), c(75), today)).toMatchObject({ available: 150, left: 75, spentPercent: 50, status: "onPace" });
  });
});

describe("rollOverAmount and savingsProgress", () => {
  it("carries only what is left", () => {
    expect(rollOverAmount(c(100), c(40))).toBe(60);
    expect(rollOverAmount(c(100), c(140))).toBe(0);
  });

  it("a target of nothing is reached; no date or nothing missing needs nothing a month", () => {
    expect(savingsProgress(c(0), c(0), null, "2026-01-01").percent).toBe(100);
    expect(savingsProgress(c(50), c(200), null, "2026-01-01")).toEqual({ saved: 50, target: 200, percent: 25, perMonthNeeded: null });
    expect(savingsProgress(c(200), c(200), "2026-06-01", "2026-01-01").perMonthNeeded).toBeNull();
    expect(savingsProgress(c(250), c(200), "2026-06-01", "2026-01-01").percent).toBe(100);
    // 151 days: 5 months of 30 days; 150 cents missing.
    expect(savingsProgress(c(50), c(200), "2026-06-01", "2026-01-01").perMonthNeeded).toBe(30);
  });
});

const zeroCosts = (): Record<CostKey, Cents> => ({
  rent: c(0),
  utilities: c(0),
  food: c(0),
  transport: c(0),
  phone: c(0),
  internet: c(0),
  hygiene: c(0),
  clothes: c(0),
  leisure: c(0),
  own: c(0),
});

const catalogue: SupportEntry[] = [
  { id: "start", kind: "startAllowance", title: "Start", amountCents: c(50_000), frequency: "once" },
  { id: "house", kind: "householdAllowance", title: "Household", amountCents: c(20_000), frequency: "once" },
  { id: "study", kind: "studyAllowance", title: "Study", amountCents: c(10_000), frequency: "monthly" },
  { id: "benefit", kind: "housingBenefit", title: "Benefit", amountCents: c(30_000), frequency: "monthly" },
  { id: "job", kind: "wage", title: "Job", amountCents: c(90_000), frequency: "monthly" },
];

describe("firstMonthAlone at its edges", () => {
  const scenario = (incomes: Scenario["incomes"], costs: Partial<Record<CostKey, number>>, savings = 0): Scenario => ({
    incomes,
    costs: { ...zeroCosts(), ...(Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, c(v)])) as Partial<Record<CostKey, Cents>>) },
    savings: c(savings),
  });
  const income = (ref: string, cents_: number, frequency: "once" | "monthly" = "monthly") => ({ ref, title: ref, cents: c(cents_), frequency });

  it("breaking exactly even: no gap, nothing to apply for, nothing to cut", () => {
    const even = firstMonthAlone(scenario([income("own:1", 40_000)], { rent: 30_000, food: 10_000 }), catalogue);
    expect(even).toMatchObject({ monthlyBalance: 0, firstMonthBalance: 0, monthsCovered: null, toApplyFor: [], cut: null });
  });

  it("a gap in month one only: what to apply for (not used, not a wage, largest first), nothing to cut", () => {
    const result = firstMonthAlone(scenario([income("own:1", 40_000), income("study", 10_000)], { rent: 50_000 }, 0), catalogue);
    expect(result.monthlyBalance).toBe(0);
    const lean = firstMonthAlone(scenario([income("study", 10_000)], { rent: 5_000 }, 0), catalogue);
    expect(lean.toApplyFor).toEqual([]);
    const oneOffShort = firstMonthAlone({ ...scenario([income("study", 10_000)], { rent: 10_000 }), savings: c(-1) }, catalogue);
    expect(oneOffShort.monthlyBalance).toBe(0);
    expect(oneOffShort.firstMonthBalance).toBe(-1);
    expect(oneOffShort.toApplyFor.map((e) => e.id)).toEqual(["start", "benefit", "house"]);
    expect(oneOffShort.cut).toBeNull();
  });

  it("a monthly gap: months covered, and the largest cuttable cost (never rent) cut by at most the gap", () => {
    const gap = firstMonthAlone(scenario([income("start", 50_000, "once")], { rent: 30_000, leisure: 4_000, clothes: 6_000 }, 10_000), catalogue);
    expect(gap.monthlyBalance).toBe(-40_000);
    expect(gap.monthsCovered).toBe(1);
    expect(gap.cut).toEqual({ key: "clothes", by: 6_000 });
    const small = firstMonthAlone(scenario([income("own:1", 39_000)], { rent: 30_000, leisure: 10_000 }), catalogue);
    expect(small.cut).toEqual({ key: "leisure", by: 1_000 });
    const onlyClothes = firstMonthAlone(scenario([], { clothes: 100 }), catalogue);
    expect(onlyClothes.cut).toEqual({ key: "clothes", by: 100 });
  });

  it("nothing cuttable: no cut, even with a gap", () => {
    const rentOnly = firstMonthAlone(scenario([], { rent: 30_000, utilities: 5_000 }), catalogue);
    expect(rentOnly.monthlyBalance).toBe(-35_000);
    expect(rentOnly.cut).toBeNull();
    expect(rentOnly.monthsCovered).toBe(0);
  });

  it("every cost but rent and utilities can be cut", () => {
    expect([...CUTTABLE_COSTS].sort()).toEqual(["clothes", "food", "hygiene", "internet", "leisure", "own", "phone", "transport"]);
  });
});

describe("scenarioFromBudget", () => {
  it("envelopes become costs (gifts among own spending), allowances become incomes, defaults fill the rest", () => {
    const result = scenarioFromBudget(
      [
        { category: "food", planned: c(100) },
        { category: "gifts", planned: c(20) },
        { category: "own", planned: c(30) },
        { category: "food", planned: c(5) },
      ],
      c(400),
      catalogue,
      { rent: c(25_000) },
    );
    expect(result.costs).toEqual({ ...zeroCosts(), food: 105, own: 50, rent: 25_000 });
    expect(result.savings).toBe(400);
    expect(result.incomes).toEqual([
      { ref: "start", title: "Start", cents: 50_000, frequency: "once" },
      { ref: "house", title: "Household", cents: 20_000, frequency: "once" },
      { ref: "study", title: "Study", cents: 10_000, frequency: "monthly" },
    ]);
  });
});
