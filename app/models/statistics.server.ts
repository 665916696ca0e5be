/**
 * The rows behind the anonymous statistics (app/domain/statistics.ts counts and suppresses): two queries
 * per page whatever the organisation's size — one row per young person, and done goals per domain.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { goals, plans, youngPeople } from "../../db/schema";
import type { IsoDate } from "~/domain/dates";
import {
  buildStatistics,
  filterProblem,
  matchesFilter,
  namedMunicipalities,
  type Statistics,
  type StatisticsFilter,
  type StatisticsRow,
} from "~/domain/statistics";
import { CARE_FORMS, DOMAINS, type Domain } from "~/domain/vocabulary";
import { getDb } from "~/utils/db.server";
import { forms, parseFields } from "~/utils/forms.server";

function statisticsRows(organisationId: string): StatisticsRow[] {
  const rows = getDb()
    .select({
      dateOfBirth: youngPeople.dateOfBirth,
      careForm: youngPeople.careForm,
      municipality: youngPeople.municipality,
      plannedCareEndDate: youngPeople.plannedCareEndDate,
      actualCareEndDate: youngPeople.actualCareEndDate,
      educationStatus: youngPeople.educationStatus,
      employmentStatus: youngPeople.employmentStatus,
      specialNeeds: youngPeople.specialNeeds,
      // Spelled out: drizzle writes a bare "id" for a column of the only table, which the subquery would misread.
      hasActiveMentor: sql<number>`exists (select 1 from mentorships m where m.young_person_id = "young_people"."id" and m.status = 'active')`,
    })
    .from(youngPeople)
    .where(eq(youngPeople.organisationId, organisationId))
    .all();
  return rows.map((r) => ({ ...r, hasActiveMentor: Boolean(r.hasActiveMentor) }));
}

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
  const all = statisticsRows(organisationId);
  const municipalities = namedMunicipalities(all);
  let filter: StatisticsFilter = {};
  let filterError: StatisticsPage["filterError"] = null;
  if (asked.municipality && !municipalities.includes(asked.municipality)) {
    filterError = { field: "municipality", error: "org.statistics.errors.tooFew" };
  } else if (asked.careForm || asked.municipality) {
    const selected = all.filter((r) => matchesFilter(r, asked)).length;
    const problem = filterProblem(all.length, selected);
    if (problem) filterError = { field: asked.municipality ? "municipality" : "careForm", error: `org.statistics.errors.${problem}` };
    else filter = { careForm: asked.careForm ?? null, municipality: asked.municipality ?? null };
  }
  const rows = filter.careForm || filter.municipality ? all.filter((r) => matchesFilter(r, filter)) : all;
  return {
    statistics: buildStatistics(rows, goalsDone(organisationId, filter), today),
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
