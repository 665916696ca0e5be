import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HistoryDays } from "~/components/plan/history-days";
import { groupHistory, HISTORY_FILTER_NAMES, HISTORY_FILTERS, HISTORY_PAGE, historyQuery, historySearch } from "~/domain/history-view";
import { DOMAINS } from "~/domain/vocabulary";
import { goalDetail, planHistory } from "~/models/plans.server";
import { invariantResponse } from "~/utils/http.server";
import { withSkillTitles } from "~/models/skills.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["documents", "domains", "org.history", "org.values", "pages", "plan", "skills", "weekly.history"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view");
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const query = historyQuery(new URL(request.url).searchParams);
  // `?goal=`: one goal's entries (the goal page links here for more than it folds in); a goal of
  // another plan or of a part the viewer does not see is not found.
  const detail = query.goal ? goalDetail(access.plan.id, query.goal) : null;
  invariantResponse(!query.goal || detail, "Not found");
  if (detail) access.requireSections(detail.goal.domain);
  // One more than the page shows: is there more to show?
  const events = planHistory(access.plan.id, access.viewer, {
    limit: query.limit + 1,
    entities: query.what ? HISTORY_FILTERS[query.what] : undefined,
    domain: query.domain,
    entityIds: detail ? [detail.goal.id, ...detail.steps.map((s) => s.id)] : undefined,
  });
  const more = events.length > query.limit;
  const shown = withSkillTitles(events.slice(0, query.limit), t, access.user.organisationId);
  return json({
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${detail ? t("pages.history.goalTitle", { title: detail.goal.title }) : t("plan.history.title")} · ${t("app.name")}`,
    goal: detail ? { id: detail.goal.id, title: detail.goal.title } : null,
    youngPersonId: access.plan.youngPersonId,
    query,
    domains: DOMAINS.filter((d) => access.sees(d)),
    days: groupHistory(shown),
    moreSearch: more ? historySearch(query, { limit: query.limit + HISTORY_PAGE }) : null,
  });
}

export default function PlanHistoryPage() {
  const { t } = useTranslation();
  const { youngPersonId, query, domains, days, moreSearch, goal } = useLoaderData<typeof loader>();
  const filtered = Boolean(query.what || query.domain);
  return (
    <>
      <p className="breadcrumb">
        {goal ? (
          <Link to={`/plan/${youngPersonId}/goals/${goal.id}`}>{t("pages.history.backToGoal")}</Link>
        ) : (
          <Link to={`/plan/${youngPersonId}`}>{t("plan.backToPlan")}</Link>
        )}
      </p>
      <LoaderPrintHeader />
      <h1>{goal ? t("pages.history.goalTitle", { title: goal.title }) : t("plan.history.title")}</h1>
      <p className="muted">{t("plan.history.intro")}</p>
      {goal ? (
        <p className="no-print">
          <Link to={`/plan/${youngPersonId}/history`}>{t("pages.history.wholePlan")}</Link>
        </p>
      ) : (
        <HistoryFilters youngPersonId={youngPersonId} query={query} domains={domains} filtered={filtered} />
      )}
      <HistoryDays days={days} />
      {moreSearch ? (
        <p className="no-print">
          <Link to={`/plan/${youngPersonId}/history${moreSearch}`} className="button" preventScrollReset>
            {t("pages.history.more")}
          </Link>
        </p>
      ) : null}
    </>
  );
}

/** The filters (GET, so they work without JavaScript). */
function HistoryFilters({
  youngPersonId,
  query,
  domains,
  filtered,
}: {
  youngPersonId: string;
  query: { what: string | null; domain: string | null };
  domains: readonly string[];
  filtered: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filter-form history-filter no-print">
      <div className="field">
        <label htmlFor="history-what">{t("pages.history.what")}</label>
        <select id="history-what" name="what" defaultValue={query.what ?? ""}>
          <option value="">{t("pages.history.everything")}</option>
          {HISTORY_FILTER_NAMES.map((name) => (
            <option key={name} value={name}>
              {t(`pages.history.filters.${name}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="history-domain">{t("pages.history.domain")}</label>
        <select id="history-domain" name="domain" defaultValue={query.domain ?? ""}>
          <option value="">{t("pages.history.allDomains")}</option>
          {domains.map((domain) => (
            <option key={domain} value={domain}>
              {t(`domains.${domain}.name`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t("pages.history.show")}
      </button>
      {filtered ? <Link to={`/plan/${youngPersonId}/history`}>{t("pages.history.clear")}</Link> : null}
    </Form>
  );
}
