/**
 * The counts behind the anonymous statistics (app/domain/statistics.ts suppresses them): four queries per
 * page whatever the organisation's size, none answering a row per person — the organisation's young
 * people per municipality and care form, one row of sums for the other people tables of the selection,
 * and done goals per domain of the live records (kept counted by triggers) and of the erased ones. Erased and anonymised records
 * (the `erasures` rows, decision 011) are counted with the live ones: they keep the municipality, the
 * year of birth, the statuses and the done goals per domain, and are closed by definition.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { statisticsGoalsDone } from "../../db/schema";
import type { IsoDate } from "~/domain/dates";
import {
  filterProblem,
  matchesFilter,
  namedFromCounts,
  NOT_RECORDED,
  OTHER_MUNICIPALITIES,
  statisticsBounds,
  statisticsFromCounts,
  type PeopleCounts,
  type Statistics,
  type StatisticsFilter,
  type StatisticsRow,
} from "~/domain/statistics";
import { CARE_FORMS, DOMAINS, EDUCATION_STATUSES, EMPLOYMENT_STATUSES, SPECIAL_NEEDS_ANSWERS, type Domain } from "~/domain/vocabulary";
import { getDb } from "~/utils/db.server";
import { forms, parseFields } from "~/utils/forms.server";

/**
 * How many young people of the organisation are in each municipality and care form: names the
 * municipalities and tells how many a filter selects, without reading the people themselves.
 */
function organisationCounts(organisationId: string): Array<{ municipality: string; careForm: string; n: number }> {
  return getDb().all(
    sql`select municipality, careForm, sum(n) as n from (
      select municipality, care_form as careForm, count(*) as n from young_people where organisation_id = ${organisationId} group by municipality, care_form
      union all
      select ${erasedMunicipality("e")} as municipality, e.care_form as careForm, count(*) as n from erasures e where e.organisation_id = ${organisationId} group by 1, e.care_form
    ) group by municipality, careForm`,
  );
}

/** An erased record kept before the municipality was kept counts among the small municipalities. */
const erasedMunicipality = (alias: string) => sql`coalesce(${sql.raw(alias)}.municipality, ${OTHER_MUNICIPALITIES})`;

/** The selection's condition on a table with organisation_id, care_form and municipality columns. */
function selectionOf(alias: string, organisationId: string, filter: StatisticsFilter, municipality: SQL = sql.raw(`${alias}.municipality`)): SQL {
  const where: SQL[] = [sql`${sql.raw(alias)}.organisation_id = ${organisationId}`];
  if (filter.careForm) where.push(sql`${sql.raw(alias)}.care_form = ${filter.careForm}`);
  if (filter.municipality) where.push(sql`${municipality} = ${filter.municipality}`);
  return and(...where)!;
}

const STATUS_COLUMNS = [
  ["educationStatus", "education_status", EDUCATION_STATUSES],
  ["employmentStatus", "employment_status", EMPLOYMENT_STATUSES],
  ["specialNeeds", "special_needs", SPECIAL_NEEDS_ANSWERS],
] as const;
const AGES = [15, 16, 17, 18, 19, 25] as const;

/**
 * The counts behind every people table of the selection, in one statement and one pass over the
 * selected young people (no row per person leaves the database): each is sorted into an age group and a
 * phase by the date bounds of statisticsBounds, the very rules of ageGroupByBounds and phaseByBounds,
 * and counted with sums. Municipalities and care forms come from the organisation's counts; young
 * people with an active mentor are counted from the (few) active mentorships.
 */
function peopleCounts(
  organisationId: string,
  filter: StatisticsFilter,
  today: IsoDate,
  whole: ReadonlyArray<{ municipality: string; careForm: string; n: number }>,
): PeopleCounts {
  const b = statisticsBounds(today);
  const selection = selectionOf("y", organisationId, filter);
  // The selected live records and the erased ones, in the columns the sums read. An erased record
  // is counted as born on 1 July of its year of birth (the date itself is not kept) and closed: its
  // care end reads as the earliest date, so every phase bound puts it among the closed ones.
  const people = sql`(
    select y.date_of_birth, coalesce(y.actual_care_end_date, y.planned_care_end_date) as care_end, y.education_status, y.employment_status, y.special_needs
      from young_people y where ${selection}
    union all
    select e.birth_year || '-07-01', '0000-01-01', e.education_status, e.employment_status, e.special_needs
      from erasures e where ${selectionOf("e", organisationId, filter, erasedMunicipality("e"))}
  ) y`;
  const careEnd = sql`y.care_end`;
  const columns: SQL[] = [sql`count(*) as total`];
  for (const age of AGES) columns.push(sql`coalesce(sum(y.date_of_birth <= ${b.bornBy[age]}), 0) as ${sql.raw(`"age${age}"`)}`);
  const closed = sql`(${careEnd} <= ${b.closedCareEndBy} or y.date_of_birth <= ${b.closedBornBy})`;
  columns.push(sql`coalesce(sum(${closed}), 0) as "closed"`);
  columns.push(sql`coalesce(sum(not ${closed} and ${careEnd} <= ${b.aftercareCareEndBy}), 0) as "aftercare"`);
  columns.push(sql`coalesce(sum(not ${closed} and ${careEnd} > ${b.aftercareCareEndBy} and ${careEnd} <= ${b.transitionCareEndBy}), 0) as "transition"`);
  for (const [dimension, column, values] of STATUS_COLUMNS) {
    for (const value of values) columns.push(sql`coalesce(sum(${sql.raw(`y.${column}`)} = ${value}), 0) as ${sql.raw(`"${dimension}.${value}"`)}`);
  }
  // Driven from the active mentorships (CROSS JOIN keeps that order): a few, not one probe per young person.
  columns.push(
    sql`(select count(distinct m.young_person_id) from mentorships m cross join young_people y on y.id = m.young_person_id where m.status = 'active' and ${selection}) as "mentored"`,
  );
  const row = getDb().get<Record<string, number>>(sql`select ${sql.join(columns, sql`, `)} from ${people}`);
  const total = row.total!;
  const at = (name: string) => row[name] ?? 0;

  const rest = (known: Map<string, number>) => total - [...known.values()].reduce((a, n) => a + n, 0);
  const ageGroup = new Map<string, number>([
    ["15", at("age15") - at("age16")],
    ["16", at("age16") - at("age17")],
    ["17", at("age17") - at("age18")],
    ["18", at("age18") - at("age19")],
    ["19-24", at("age19") - at("age25")],
  ]);
  ageGroup.set("other", rest(ageGroup));
  const phase = new Map<string, number>([
    ["closed", at("closed")],
    ["aftercare", at("aftercare")],
    ["transition", at("transition")],
  ]);
  phase.set("preparation", rest(phase));
  const statuses = Object.fromEntries(
    STATUS_COLUMNS.map(([dimension, , values]) => {
      const counts = new Map<string, number>(values.map((v) => [v, at(`${dimension}.${v}`)]));
      counts.set(NOT_RECORDED, rest(counts));
      return [dimension, counts];
    }),
  ) as Record<(typeof STATUS_COLUMNS)[number][0], Map<string, number>>;
  const careForm = new Map<string, number>();
  const municipality = new Map<string, number>();
  for (const r of whole) {
    if (!matchesFilter(r as Pick<StatisticsRow, "careForm" | "municipality">, filter)) continue;
    careForm.set(r.careForm, (careForm.get(r.careForm) ?? 0) + r.n);
    municipality.set(r.municipality, (municipality.get(r.municipality) ?? 0) + r.n);
  }
  return {
    ageGroup,
    careForm,
    municipality,
    phase,
    ...statuses,
    activeMentor: new Map([
      ["yes", at("mentored")],
      ["no", total - at("mentored")],
    ]),
  };
}

/**
 * Done goals per domain of the selection, from the counts the triggers keep per organisation, care
 * form, municipality and domain (statistics_goals_done, docs/decisions/032-fast-fuzz-and-kept-counts.md):
 * a few rows, however many goals the organisation's records hold.
 */
function goalsDone(organisationId: string, filter: StatisticsFilter): Map<Domain, number> {
  const conditions: SQL[] = [eq(statisticsGoalsDone.organisationId, organisationId)];
  if (filter.careForm) conditions.push(eq(statisticsGoalsDone.careForm, filter.careForm));
  if (filter.municipality) conditions.push(eq(statisticsGoalsDone.municipality, filter.municipality));
  const rows = getDb()
    .select({ domain: statisticsGoalsDone.domain, count: sql<number>`sum(${statisticsGoalsDone.n})` })
    .from(statisticsGoalsDone)
    .where(and(...conditions))
    .groupBy(statisticsGoalsDone.domain)
    .all();
  const counts = new Map<Domain, number>(rows.filter((r) => r.count > 0).map((r) => [r.domain, r.count]));
  // The erased records' kept numbers: "goals.<domain>.done" in their stats.
  const erased = getDb().all<{ key: string; n: number }>(
    sql`select j.key as key, sum(j.value) as n from erasures e, json_each(e.stats) j
        where ${selectionOf("e", organisationId, filter, erasedMunicipality("e"))} and j.key like 'goals.%.done' group by j.key`,
  );
  for (const { key, n } of erased) {
    const domain = key.slice("goals.".length, -".done".length) as Domain;
    if (DOMAINS.includes(domain)) counts.set(domain, (counts.get(domain) ?? 0) + n);
  }
  return counts;
}

export interface StatisticsPage {
  statistics: Statistics;
  /** The filter that was applied (a refused one is not). */
  filter: StatisticsFilter;
  /** Why the asked-for filter was refused, as a translation key. */
  filterError: { field: "careForm" | "municipality"; error: string } | null;
  options: { careForms: readonly string[]; municipalities: string[] };
  domains: readonly Domain[];
}

/**
 * The statistics of the organisation, for the whole of it or a filter. A filter that selects fewer than
 * five young people, or leaves fewer than five out, would single someone out: refused, the whole
 * organisation shown instead.
 */
export function organisationStatistics(organisationId: string, asked: StatisticsFilter, today: IsoDate): StatisticsPage {
  const whole = organisationCounts(organisationId);
  const byMunicipality = new Map<string, number>();
  for (const r of whole) byMunicipality.set(r.municipality, (byMunicipality.get(r.municipality) ?? 0) + r.n);
  const municipalities = namedFromCounts(byMunicipality);
  let filter: StatisticsFilter = {};
  let filterError: StatisticsPage["filterError"] = null;
  if (asked.municipality && !municipalities.includes(asked.municipality)) {
    filterError = { field: "municipality", error: "org.statistics.errors.tooFew" };
  } else if (asked.careForm || asked.municipality) {
    const count = (rows: typeof whole) => rows.reduce((sum, r) => sum + r.n, 0);
    const selected = count(whole.filter((r) => matchesFilter(r as Pick<StatisticsRow, "careForm" | "municipality">, asked)));
    const problem = filterProblem(count(whole), selected);
    if (problem) filterError = { field: asked.municipality ? "municipality" : "careForm", error: `org.statistics.errors.${problem}` };
    else filter = { careForm: asked.careForm ?? null, municipality: asked.municipality ?? null };
  }
  return {
    statistics: statisticsFromCounts(peopleCounts(organisationId, filter, today, whole), goalsDone(organisationId, filter)),
    filter,
    filterError,
    options: { careForms: CARE_FORMS, municipalities },
    domains: DOMAINS,
  };
}

/** The filter asked for in the query string; anything malformed is ignored (the whole organisation). */
export function askedFilter(url: URL): StatisticsFilter {
  const form = new FormData();
  for (const name of ["careForm", "municipality"]) form.set(name, url.searchParams.get(name) ?? "");
  const parsed = parseFields(form, forms.statisticsFilter);
  return { careForm: parsed?.careForm ?? null, municipality: parsed?.municipality ?? null };
}
