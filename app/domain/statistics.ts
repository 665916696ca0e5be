/**
 * Anonymous statistics (issue 13, docs/decisions/013-running-an-organisation.md). Pure: the model hands
 * over one small row per young person, these functions count and suppress.
 *
 * Suppression, per table (one dimension plus its total):
 * - primary: a cell of 1–4 is hidden (0 is shown: "nobody" is no one's secret);
 * - complementary: when cells are hidden, the hidden ones together must be at least two cells and at
 *   least 5 people, otherwise the total minus the shown cells would give a hidden cell (or a small
 *   group) back; the smallest shown non-zero cells are hidden as well until that holds;
 * - a table whose total is under 5 hides every cell and the total itself.
 */
import { ageOn, type IsoDate } from "./dates";
import { PHASES, phaseOn, type Phase } from "./phase";
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
  const counts = countBy(rows, (r) => r.municipality);
  return [...counts].filter(([, n]) => n >= MIN_CELL).map(([m]) => m).sort((a, b) => a.localeCompare(b, "lv"));
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

/**
 * Every table for the selected rows. `goalsDone` is the number of done goals per domain for the same
 * young people, over the whole selection. `allRows` names the municipalities (see namedMunicipalities).
 */
export function buildStatistics(
  rows: readonly StatisticsRow[],
  goalsDone: ReadonlyMap<Domain, number>,
  today: IsoDate,
): Statistics {
  // Age group and phase depend only on the dates, which young people often share: each is worked out
  // once per distinct date (or pair of dates), not once per row.
  const ageGroups = new Map<string, AgeGroup>();
  const ageGroup = (r: StatisticsRow) => {
    let group = ageGroups.get(r.dateOfBirth);
    if (!group) ageGroups.set(r.dateOfBirth, (group = ageGroupOf(r.dateOfBirth, today)));
    return group;
  };
  const phaseCache = new Map<string, Phase>();
  const phaseOf = (r: StatisticsRow) => {
    const key = `${r.dateOfBirth}|${r.plannedCareEndDate}|${r.actualCareEndDate ?? ""}`;
    let phase = phaseCache.get(key);
    if (!phase) phaseCache.set(key, (phase = phaseOn(r, today)));
    return phase;
  };
  const phases = countBy(rows, phaseOf);
  const named = new Set(namedMunicipalities(rows));
  const municipalityOf = (r: StatisticsRow) => (named.has(r.municipality) ? r.municipality : OTHER_MUNICIPALITIES);
  const orNot = (value: string | null) => value ?? NOT_RECORDED;
  const tables: StatisticsTable[] = [
    suppressedTable("ageGroup", countBy(rows, ageGroup), AGE_GROUPS),
    suppressedTable("careForm", countBy(rows, (r) => r.careForm), CARE_FORMS),
    suppressedTable("municipality", countBy(rows, municipalityOf), [...named, OTHER_MUNICIPALITIES]),
    suppressedTable("phase", phases, PHASES),
    suppressedTable("educationStatus", countBy(rows, (r) => orNot(r.educationStatus)), [...EDUCATION_STATUSES, NOT_RECORDED]),
    suppressedTable("employmentStatus", countBy(rows, (r) => orNot(r.employmentStatus)), [...EMPLOYMENT_STATUSES, NOT_RECORDED]),
    suppressedTable("specialNeeds", countBy(rows, (r) => orNot(r.specialNeeds)), [...SPECIAL_NEEDS_ANSWERS, NOT_RECORDED]),
    suppressedTable("activeMentor", countBy(rows, (r) => (r.hasActiveMentor ? "yes" : "no")), ["yes", "no"]),
    suppressedTable("goalsDone", new Map([...goalsDone].map(([d, n]) => [d as string, n])), DOMAINS, "goals"),
  ];
  const population = rows.length;
  return { population: population > 0 && population < MIN_CELL ? null : population, tables };
}
