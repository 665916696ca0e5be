/**
 * The counts behind the anonymous statistics (app/domain/statistics.ts suppresses them): three queries per
 * page whatever the organisation's size, each answering a few dozen grouped rows — the organisation's
 * municipalities and care forms, every people table of the selection, and done goals per domain.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { goals, plans, youngPeople } from "../../db/schema";
import type { IsoDate } from "~/domain/dates";
import {
  DIMENSIONS,
  filterProblem,
  matchesFilter,
  namedFromCounts,
  NOT_RECORDED,
  statisticsBounds,
  statisticsFromCounts,
  type PeopleCounts,
  type PeopleDimension,
  type Statistics,
  type StatisticsFilter,
  type StatisticsRow,
} from "~/domain/statistics";
import { CARE_FORMS, DOMAINS, type Domain } from "~/domain/vocabulary";
import { getDb } from "~/utils/db.server";
import { forms, parseFields } from "~/utils/forms.server";

/**
 * How many young people of the organisation are in each municipality and care form: names the
 * municipalities and tells how many a filter selects, without reading the people themselves.
 */
function organisationCounts(organisationId: string): Array<{ municipality: string; careForm: string; n: number }> {
  return getDb().all(
    sql`select municipality, care_form as careForm, count(*) as n from young_people where organisation_id = ${organisationId} group by municipality, care_form`,
  );
}

/**
 * The counts behind every people table of the selection, in one statement: the database sorts each
 * young person into an age group and a phase by the date bounds of statisticsBounds (the same rules as
 * ageGroupByBounds and phaseByBounds), and groups once per dimension.
 */
function peopleCounts(organisationId: string, filter: StatisticsFilter, today: IsoDate): PeopleCounts {
  const b = statisticsBounds(today);
  const where: SQL[] = [sql`organisation_id = ${organisationId}`];
  if (filter.careForm) where.push(sql`care_form = ${filter.careForm}`);
  if (filter.municipality) where.push(sql`municipality = ${filter.municipality}`);
  const careEnd = sql`coalesce(actual_care_end_date, planned_care_end_date)`;
  const rows = getDb().all<{ dimension: PeopleDimension; key: string; n: number }>(sql`
    with selected as materialized (
      select
        case
          when date_of_birth <= ${b.bornBy[25]} then 'other'
          when date_of_birth <= ${b.bornBy[19]} then '19-24'
          when date_of_birth <= ${b.bornBy[18]} then '18'
          when date_of_birth <= ${b.bornBy[17]} then '17'
          when date_of_birth <= ${b.bornBy[16]} then '16'
          when date_of_birth <= ${b.bornBy[15]} then '15'
          else 'other'
        end as age_group,
        case
          when ${careEnd} <= ${b.closedCareEndBy} or date_of_birth <= ${b.closedBornBy} then 'closed'
          when ${careEnd} <= ${b.aftercareCareEndBy} then 'aftercare'
          when ${careEnd} <= ${b.transitionCareEndBy} then 'transition'
          else 'preparation'
        end as phase,
        care_form, municipality,
        coalesce(education_status, ${NOT_RECORDED}) as education_status,
        coalesce(employment_status, ${NOT_RECORDED}) as employment_status,
        coalesce(special_needs, ${NOT_RECORDED}) as special_needs,
        case when exists (select 1 from mentorships m where m.young_person_id = young_people.id and m.status = 'active') then 'yes' else 'no' end as active_mentor
      from young_people
      where ${and(...where)}
    )
    select 'ageGroup' as dimension, age_group as key, count(*) as n from selected group by age_group
    union all select 'careForm', care_form, count(*) from selected group by care_form
    union all select 'municipality', municipality, count(*) from selected group by municipality
    union all select 'phase', phase, count(*) from selected group by phase
    union all select 'educationStatus', education_status, count(*) from selected group by education_status
    union all select 'employmentStatus', employment_status, count(*) from selected group by employment_status
    union all select 'specialNeeds', special_needs, count(*) from selected group by special_needs
    union all select 'activeMentor', active_mentor, count(*) from selected group by active_mentor
  `);
  const counts = Object.fromEntries(PEOPLE_DIMENSIONS.map((d) => [d, new Map<string, number>()])) as Record<PeopleDimension, Map<string, number>>;
  for (const row of rows) counts[row.dimension].set(row.key, row.n);
  return counts;
}

const PEOPLE_DIMENSIONS: readonly PeopleDimension[] = DIMENSIONS.filter((d): d is PeopleDimension => d !== "goalsDone");

function goalsDone(organisationId: string, filter: StatisticsFilter): Map<Domain, number> {
  const conditions: SQL[] = [eq(youngPeople.organisationId, organisationId), eq(goals.status, "done")];
  if (filter.careForm) conditions.push(eq(youngPeople.careForm, filter.careForm));
  if (filter.municipality) conditions.push(eq(youngPeople.municipality, filter.municipality));
  const rows = getDb()
    .select({ domain: goals.domain, count: sql<number>`count(*)` })
    .from(goals)
    .innerJoin(plans, eq(plans.id, goals.planId))
    .innerJoin(youngPeople, eq(youngPeople.id, plans.youngPersonId))
    .where(and(...conditions))
    .groupBy(goals.domain)
    .all();
  return new Map(rows.map((r) => [r.domain, r.count]));
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
    statistics: statisticsFromCounts(peopleCounts(organisationId, filter, today), goalsDone(organisationId, filter)),
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
