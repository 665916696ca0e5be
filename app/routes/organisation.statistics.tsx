/**
 * Anonymous statistics for the lead and the admin (issue 13): tables, SVG charts and a CSV, with cells
 * under 5 hidden and complementary cells hidden too (app/domain/statistics.ts). Filters by care form and
 * municipality, refused when they would single someone out.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldError } from "~/components/form";
import { StatisticsTableView } from "~/components/statistics";
import type { Locale } from "~/domain/vocabulary";
import { askedFilter, organisationStatistics } from "~/models/statistics.server";
import { requireUser } from "~/utils/auth.server";
import { requireOrganisationAccess } from "~/utils/authz.server";
import { today } from "~/utils/clock.server";
import { formatNumber } from "~/utils/format";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["domains", "org.record", "org.statistics", "org.values"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.viewStatistics");
  const t = getFixedT(resolveLocale(request, user.locale));
  const url = new URL(request.url);
  const asked = askedFilter(url);
  const page = organisationStatistics(user.organisationId, asked, today());
  return json({ title: `${t("org.statistics.title")} · ${t("app.name")}`, asked, ...page });
}

export default function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { statistics, filter, filterError, options, asked } = useLoaderData<typeof loader>();
  const csvQuery = new URLSearchParams();
  if (filter.careForm) csvQuery.set("careForm", filter.careForm);
  if (filter.municipality) csvQuery.set("municipality", filter.municipality);
  const csvHref = `/organisation/statistics.csv${csvQuery.toString() ? `?${csvQuery}` : ""}`;
  const errorId = (field: string) => (filterError?.field === field ? "filter-error" : undefined);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">{t("nav.home")}</Link>
      </p>
      <h1>{t("org.statistics.title")}</h1>
      <p className="muted">{t("org.statistics.intro")}</p>
      <Form method="get" className="card filter-form" aria-label={t("org.statistics.filter")}>
        <div className={filterError?.field === "careForm" ? "field field--invalid" : "field"}>
          <label htmlFor="filter-careForm">{t("org.record.careForm")}</label>
          <select
            id="filter-careForm"
            name="careForm"
            defaultValue={asked.careForm ?? ""}
            aria-describedby={errorId("careForm")}
            aria-invalid={errorId("careForm") ? true : undefined}
          >
            <option value="">{t("org.statistics.all")}</option>
            {options.careForms.map((c) => (
              <option key={c} value={c}>
                {t(`org.values.careForm.${c}`)}
              </option>
            ))}
          </select>
          {filterError?.field === "careForm" ? <FieldError id="filter-error" errors={[filterError.error]} /> : null}
        </div>
        <div className={filterError?.field === "municipality" ? "field field--invalid" : "field"}>
          <label htmlFor="filter-municipality">{t("org.record.municipality")}</label>
          <select
            id="filter-municipality"
            name="municipality"
            defaultValue={asked.municipality ?? ""}
            aria-describedby={errorId("municipality")}
            aria-invalid={errorId("municipality") ? true : undefined}
          >
            <option value="">{t("org.statistics.all")}</option>
            {options.municipalities.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
          {filterError?.field === "municipality" ? <FieldError id="filter-error" errors={[filterError.error]} /> : null}
        </div>
        <button type="submit" className="button">
          {t("org.statistics.apply")}
        </button>
      </Form>
      <p>
        {statistics.population === null
          ? t("org.statistics.populationHidden")
          : t("org.statistics.population", { count: statistics.population, formatted: formatNumber(statistics.population, locale) })}
      </p>
      <p>
        <a href={csvHref} className="button" download>
          {t("org.statistics.csv")}
        </a>
      </p>
      <p className="muted">{t("org.statistics.suppressionNote")}</p>
      <p className="muted">{t("org.statistics.notYet")}</p>
      {statistics.tables.map((table) => (
        <StatisticsTableView key={table.dimension} table={table} />
      ))}
    </>
  );
}
