import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RadarChart, TrendChart } from "~/components/plan/charts";
import { ReadinessValue } from "~/components/plan/parts";
import { latestRatings, ratingTrend, suggestedTopics } from "~/domain/readiness";
import { DOMAINS } from "~/domain/vocabulary";
import { planRatings } from "~/models/plans.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["domains", "pages.print", "plan"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view", { sections: ["readiness"] });
  const shown = DOMAINS.filter((d) => access.sees(d));
  const ratings = planRatings(access.plan.id).filter((r) => access.sees(r.domain));
  const latest = latestRatings(ratings);
  const t = getFixedT(resolveLocale(request, access.user.locale));
  return json({
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${t("plan.readiness.title")} · ${t("app.name")}`,
    youngPersonId: access.plan.youngPersonId,
    domains: shown.map((domain) => ({
      domain,
      youth: latest[domain].youth?.value ?? null,
      adult: latest[domain].adult?.value ?? null,
      youthTrend: ratingTrend(ratings, domain, "youth").map((r) => ({ value: r.value, on: r.ratedOn })),
      adultTrend: ratingTrend(ratings, domain, "adult").map((r) => ({ value: r.value, on: r.ratedOn })),
    })),
    topics: suggestedTopics(latest).filter((topic) => access.sees(topic.domain)),
  });
}

export default function ReadinessPage() {
  const { t } = useTranslation();
  const { youngPersonId, domains, topics } = useLoaderData<typeof loader>();
  const base = `/plan/${youngPersonId}`;
  return (
    <>
      <p className="breadcrumb">
        <Link to={base}>{t("plan.backToPlan")}</Link>
      </p>
      <LoaderPrintHeader />
      <h1>{t("plan.readiness.title")}</h1>
      <p className="muted">{t("plan.readiness.intro")}</p>
      <div className="card">
        <RadarChart values={domains} />
      </div>

      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">{t("plan.readiness.topics")}</h2>
        {topics.length === 0 ? (
          <p className="muted">{t("plan.readiness.noTopics")}</p>
        ) : (
          <ul className="card topic-list">
            {topics.map((gap) => (
              <li key={gap.domain}>
                <Link to={`${base}/${gap.domain}`}>{t(`domains.${gap.domain}.name`)}</Link>:{" "}
                {t(gap.difference > 0 ? "plan.readiness.gapYouthHigher" : "plan.readiness.gapAdultHigher", {
                  youth: gap.youth,
                  adult: gap.adult,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="trends-heading">
        <h2 id="trends-heading">{t("plan.readiness.trends")}</h2>
        <ul className="domain-grid">
          {domains.map((d) => (
            <li key={d.domain} className="card">
              <h3>
                <Link to={`${base}/${d.domain}#readiness`}>{t(`domains.${d.domain}.name`)}</Link>
              </h3>
              {/* Each value is marked with its line's pattern, so the charts need no legend of their own
                  (seven legends made the page a screen longer on a phone). */}
              <p>
                <span className="legend legend--youth">{t("plan.readiness.youthView")}</span>: <ReadinessValue value={d.youth} />
              </p>
              <p>
                <span className="legend legend--adult">{t("plan.readiness.adultView")}</span>: <ReadinessValue value={d.adult} />
              </p>
              {d.youthTrend.length + d.adultTrend.length > 1 ? <TrendChart domain={d.domain} youth={d.youthTrend} adult={d.adultTrend} legend={false} /> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
