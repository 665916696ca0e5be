/**
 * Anonymous statistics (issue 13, docs/decisions/013-running-an-organisation.md). Pure: the model hands
 * over counts per category (counted in SQL with the date bounds below), these functions suppress.
 *
 * Suppression, per table (one dimension plus its total):
 * - primary: a cell of 1–4 is hidden (0 is shown: "nobody" is no one's secret);
 * - complementary: when cells are hidden, the hidden ones together must be at least two cells and at
 *   least 5 people, otherwise the total minus the shown cells would give a hidden cell (or a small
 *   group) back; the smallest shown non-zero cells are hidden as well until that holds;
 * - a table whose total is under 5 hides every cell and the total itself.
 */
import { addDays, addMonths, addYears, ageOn, type IsoDate } from "./dates";
import { AGE_WHEN_CLOSED, MONTHS_AFTER_CARE_END, MONTHS_BEFORE_CARE_END, PHASES, type Phase } from "./phase";
import {
  CARE_FORMS,
  DOMAINS,
  EDUCATION_STATUSES,
  EMPLOYMENT_STATUSES,
  SPECIAL_NEEDS_ANSWERS,
  type CareForm,
  type Domain,
  type EducationStatus,
  type EmploymentStatus,
  type SpecialNeedsAnswer,
} from "./vocabulary";

/** Cells of 1 up to this many minus one are hidden. */
export const MIN_CELL = 5;

export const AGE_GROUPS = ["15", "16", "17", "18", "19-24", "other"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const NOT_RECORDED = "not_recorded" as const;
/** Municipalities with fewer than MIN_CELL young people are counted together under this key. */
export const OTHER_MUNICIPALITIES = "other" as const;

/**
 * The municipalities shown by name: those with at least MIN_CELL young people, sorted by name (so the
 * order says nothing about size). A smaller one is not even named: its name alone would tell that
 * someone from there is in care.
 */
export function namedMunicipalities(rows: readonly Pick<StatisticsRow, "municipality">[]): string[] {
  return namedFromCounts(countBy(rows, (r) => r.municipality));
}

export function ageGroupOf(dateOfBirth: IsoDate, today: IsoDate): AgeGroup {
  const age = ageOn(dateOfBirth, today);
  if (age >= 15 && age <= 18) return String(age) as AgeGroup;
  if (age >= 19 && age <= 24) return "19-24";
  return "other";
}

export interface StatisticsRow {
  dateOfBirth: IsoDate;
  careForm: CareForm;
  municipality: string;
  plannedCareEndDate: IsoDate;
  actualCareEndDate: IsoDate | null;
  educationStatus: EducationStatus | null;
  employmentStatus: EmploymentStatus | null;
  specialNeeds: SpecialNeedsAnswer | null;
  hasActiveMentor: boolean;
}

export interface Cell {
  key: string;
  /** null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

export interface StatisticsTable {
  dimension: StatisticsDimension;
  /** "people" (one per young person) or "goals" (goals done per domain). */
  unit: "people" | "goals";
  cells: Cell[];
  /** null when the whole table is suppressed (total under MIN_CELL). */
  total: number | null;
}

export const DIMENSIONS = [
  "ageGroup",
  "careForm",
  "municipality",
  "phase",
  "educationStatus",
  "employmentStatus",
  "specialNeeds",
  "activeMentor",
  "goalsDone",
] as const;
export type StatisticsDimension = (typeof DIMENSIONS)[number];

/**
 * Which cells of one table to hide. `counts` are the true counts in a fixed order; the answer has the
 * same order. The rules are in the module comment.
 */
export function suppressCounts(counts: readonly number[]): { suppressed: boolean[]; totalSuppressed: boolean } {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total > 0 && total < MIN_CELL) return { suppressed: counts.map(() => true), totalSuppressed: true };
  const suppressed = counts.map((c) => c > 0 && c < MIN_CELL);
  const hiddenCount = () => suppressed.filter(Boolean).length;
  const hiddenSum = () => counts.reduce((sum, c, i) => (suppressed[i] ? sum + c : sum), 0);
  if (hiddenCount() === 0) return { suppressed, totalSuppressed: false };
  while (hiddenCount() < 2 || hiddenSum() < MIN_CELL) {
    // The smallest shown non-zero cell (the first of equals): hides the least information.
    let pick = -1;
    for (let i = 0; i < counts.length; i++) {
      if (suppressed[i] || counts[i]! === 0) continue;
      if (pick < 0 || counts[i]! < counts[pick]!) pick = i;
    }
    if (pick < 0) {
      // Nothing left to hide beside them: a zero cell makes two hidden cells; if the sum is still
      // small, the total goes too.
      const zero = counts.findIndex((c, i) => c === 0 && !suppressed[i]);
      if (hiddenCount() < 2 && zero >= 0) {
        suppressed[zero] = true;
        continue;
      }
      return { suppressed, totalSuppressed: hiddenSum() < MIN_CELL || hiddenCount() < 2 };
    }
    suppressed[pick] = true;
  }
  return { suppressed, totalSuppressed: false };
}

/** A table of counts with its suppression applied: keys in the order given. */
export function suppressedTable(
  dimension: StatisticsDimension,
  counts: ReadonlyMap<string, number>,
  keys: readonly string[],
  unit: "people" | "goals" = "people",
): StatisticsTable {
  const values = keys.map((k) => counts.get(k) ?? 0);
  const { suppressed, totalSuppressed } = suppressCounts(values);
  const total = values.reduce((a, b) => a + b, 0);
  return {
    dimension,
    unit,
    cells: keys.map((key, i) => ({ key, count: suppressed[i] ? null : values[i]!, suppressed: suppressed[i]! })),
    total: totalSuppressed ? null : total,
  };
}

function countBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface StatisticsFilter {
  careForm?: CareForm | null;
  municipality?: string | null;
}

export function matchesFilter(row: Pick<StatisticsRow, "careForm" | "municipality">, filter: StatisticsFilter): boolean {
  return (!filter.careForm || row.careForm === filter.careForm) && (!filter.municipality || row.municipality === filter.municipality);
}

/**
 * Whether a filter may be shown: the selection and what it leaves out must each be nobody or at least
 * MIN_CELL people, or comparing it with the whole organisation would single someone out.
 */
export function filterProblem(all: number, selected: number): "tooFew" | "leavesTooFew" | null {
  if (selected < MIN_CELL) return "tooFew";
  const rest = all - selected;
  if (rest > 0 && rest < MIN_CELL) return "leavesTooFew";
  return null;
}

export interface Statistics {
  population: number | null;
  tables: StatisticsTable[];
}

/** The tables counted per young person: each maps a category key to how many young people are in it. */
export type PeopleDimension = Exclude<StatisticsDimension, "goalsDone">;
export type PeopleCounts = Record<PeopleDimension, ReadonlyMap<string, number>>;

/**
 * The date bounds that sort a young person into an age group and a phase on `today`, so that a database
 * can count by plain date comparisons (app/models/statistics.server.ts) instead of handing over one row
 * per person. Each bound is the last date for which a monotone rule still holds, found by bisection over
 * the very functions the rest of the app uses (ageOn, phaseOn's window), so the answers agree to the day,
 * month ends and 29 February included (tests/unit/statistics.test.ts compares them day by day).
 */
export interface StatisticsBounds {
  /** The latest date of birth of someone at least this old on `today`, by age. */
  bornBy: Record<15 | 16 | 17 | 18 | 19 | 25, IsoDate>;
  /** Closed: the care end (actual, else planned) is on or before this (the 24 months after it are over) … */
  closedCareEndBy: IsoDate;
  /** … or the date of birth is on or before this (25th birthday reached). */
  closedBornBy: IsoDate;
  /** Aftercare: the care end is on or before this (today). */
  aftercareCareEndBy: IsoDate;
  /** Transition: the care end is on or before this (its window of 12 months before has opened). */
  transitionCareEndBy: IsoDate;
}

const BEFORE_ALL = "0000-01-01";
const AFTER_ALL = "9999-12-31";
const SEARCH_DAYS = 60 * 366;

/** The last date within 60 years of `today` for which `holds` (true up to some date, false after it). */
export function lastDateWhere(today: IsoDate, holds: (date: IsoDate) => boolean): IsoDate {
  let lo = -SEARCH_DAYS;
  let hi = SEARCH_DAYS;
  if (!holds(addDays(today, lo))) return BEFORE_ALL;
  if (holds(addDays(today, hi))) return AFTER_ALL;
  // holds(lo) and not holds(hi): narrow down to neighbours.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(addDays(today, mid))) lo = mid;
    else hi = mid;
  }
  return addDays(today, lo);
}

export function statisticsBounds(today: IsoDate): StatisticsBounds {
  const bornBy = (age: number) => lastDateWhere(today, (dateOfBirth) => ageOn(dateOfBirth, today) >= age);
  return {
    bornBy: { 15: bornBy(15), 16: bornBy(16), 17: bornBy(17), 18: bornBy(18), 19: bornBy(19), 25: bornBy(25) },
    closedCareEndBy: lastDateWhere(today, (careEnd) => today > addMonths(careEnd, MONTHS_AFTER_CARE_END)),
    closedBornBy: lastDateWhere(today, (dateOfBirth) => today > addDays(addYears(dateOfBirth, AGE_WHEN_CLOSED), -1)),
    aftercareCareEndBy: today,
    transitionCareEndBy: lastDateWhere(today, (careEnd) => today >= addMonths(careEnd, -MONTHS_BEFORE_CARE_END)),
  };
}

/** ageGroupOf by the bounds: the rule the SQL CASE in the model spells out. */
export function ageGroupByBounds(dateOfBirth: IsoDate, bounds: StatisticsBounds): AgeGroup {
  const b = bounds.bornBy;
  if (dateOfBirth <= b[25]) return "other";
  if (dateOfBirth <= b[19]) return "19-24";
  if (dateOfBirth <= b[18]) return "18";
  if (dateOfBirth <= b[17]) return "17";
  if (dateOfBirth <= b[16]) return "16";
  if (dateOfBirth <= b[15]) return "15";
  return "other";
}

/** phaseOn by the bounds: the rule the SQL CASE in the model spells out. */
export function phaseByBounds(dateOfBirth: IsoDate, careEnd: IsoDate, bounds: StatisticsBounds): Phase {
  if (careEnd <= bounds.closedCareEndBy || dateOfBirth <= bounds.closedBornBy) return "closed";
  if (careEnd <= bounds.aftercareCareEndBy) return "aftercare";
  if (careEnd <= bounds.transitionCareEndBy) return "transition";
  return "preparation";
}

/** The counts behind every people table, from one row per young person (what the database counts in SQL). */
export function countPeople(rows: readonly StatisticsRow[], today: IsoDate): PeopleCounts {
  const bounds = statisticsBounds(today);
  const orNot = (value: string | null) => value ?? NOT_RECORDED;
  return {
    ageGroup: countBy(rows, (r) => ageGroupByBounds(r.dateOfBirth, bounds)),
    careForm: countBy(rows, (r) => r.careForm),
    municipality: countBy(rows, (r) => r.municipality),
    phase: countBy(rows, (r) => phaseByBounds(r.dateOfBirth, r.actualCareEndDate ?? r.plannedCareEndDate, bounds)),
    educationStatus: countBy(rows, (r) => orNot(r.educationStatus)),
    employmentStatus: countBy(rows, (r) => orNot(r.employmentStatus)),
    specialNeeds: countBy(rows, (r) => orNot(r.specialNeeds)),
    activeMentor: countBy(rows, (r) => (r.hasActiveMentor ? "yes" : "no")),
  };
}

/** The municipalities shown by name, from their counts (see namedMunicipalities). */
export function namedFromCounts(counts: ReadonlyMap<string, number>): string[] {
  return [...counts]
    .filter(([, n]) => n >= MIN_CELL)
    .map(([m]) => m)
    .sort((a, b) => a.localeCompare(b, "lv"));
}

/**
 * Every table, suppressed, from the counts of the selected young people (municipalities by their own
 * names; the small ones are put together here) and the done goals per domain of the same people.
 */
export function statisticsFromCounts(counts: PeopleCounts, goalsDone: ReadonlyMap<Domain, number>): Statistics {
  const named = namedFromCounts(counts.municipality);
  const municipalities = new Map<string, number>();
  for (const [name, n] of counts.municipality) {
    const key = named.includes(name) ? name : OTHER_MUNICIPALITIES;
    municipalities.set(key, (municipalities.get(key) ?? 0) + n);
  }
  const tables: StatisticsTable[] = [
    suppressedTable("ageGroup", counts.ageGroup, AGE_GROUPS),
    suppressedTable("careForm", counts.careForm, CARE_FORMS),
    suppressedTable("municipality", municipalities, [...named, OTHER_MUNICIPALITIES]),
    suppressedTable("phase", counts.phase, PHASES),
    suppressedTable("educationStatus", counts.educationStatus, [...EDUCATION_STATUSES, NOT_RECORDED]),
    suppressedTable("employmentStatus", counts.employmentStatus, [...EMPLOYMENT_STATUSES, NOT_RECORDED]),
    suppressedTable("specialNeeds", counts.specialNeeds, [...SPECIAL_NEEDS_ANSWERS, NOT_RECORDED]),
    suppressedTable("activeMentor", counts.activeMentor, ["yes", "no"]),
    suppressedTable("goalsDone", new Map([...goalsDone].map(([d, n]) => [d as string, n])), DOMAINS, "goals"),
  ];
  let population = 0;
  for (const n of counts.careForm.values()) population += n;
  return { population: population > 0 && population < MIN_CELL ? null : population, tables };
}

/**
 * Every table for the selected rows. `goalsDone` is the number of done goals per domain for the same
 * young people, over the whole selection.
 */
export function buildStatistics(rows: readonly StatisticsRow[], goalsDone: ReadonlyMap<Domain, number>, today: IsoDate): Statistics {
  return statisticsFromCounts(countPeople(rows, today), goalsDone);
}
