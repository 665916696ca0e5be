import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PhaseLine } from "~/components/phase";
import { DomainCards, ExpiringDocuments, NextSteps } from "~/components/plan/overview";
import { expiringDocuments } from "~/domain/documents";
import { planDocumentRows } from "~/models/documents.server";
import { planOverview } from "~/models/plans.server";
import { getCaseCard } from "~/models/young-people.server";
import { actorOf } from "~/utils/authz.server";
import { invariantResponse } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requirePlan } from "~/utils/plan-access.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view");
  const card = getCaseCard(actorOf(access.user), access.plan.youngPersonId, access.today);
  invariantResponse(card, "Not found");
  const overview = planOverview(access.plan.id, access.today);
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const isOwn = access.user.role === "youth";
  return json({
    title: `${isOwn ? t("plan.myPlan") : t("plan.planOf", { name: card.displayName })} · ${t("app.name")}`,
    isOwn,
    card,
    domains: overview.domains,
    nextSteps: overview.next.slice(0, 3).map((s) => ({ ...s, canTick: access.mayChangeStep(s.owner) })),
    expiring: expiringDocuments(planDocumentRows(access.plan.id), access.today),
    mayViewMentoring: access.allowed("mentorship.view"),
    mayEditRecord: access.allowed("case.editRecord"),
  });
}

export default function PlanOverviewPage() {
  const { t } = useTranslation();
  const { card, domains, nextSteps, isOwn, expiring, mayViewMentoring, mayEditRecord } = useLoaderData<typeof loader>();
  const base = `/plan/${card.id}`;
  return (
    <>
      <h1>{isOwn ? t("plan.myPlan") : t("plan.planOf", { name: card.displayName })}</h1>
      <PhaseLine summary={card.summary} />

      <NextSteps youngPersonId={card.id} steps={nextSteps} returnTo={base} />

      <ExpiringDocuments youngPersonId={card.id} documents={expiring} />

      <nav aria-label={t("plan.sections")} className="plan-links">
        <Link to={`${base}/readiness`}>{t("plan.readiness.title")}</Link>
        <Link to={`${base}/skills`}>{t("skills.title")}</Link>
        <Link to={`${base}/documents`}>{t("documents.title")}</Link>
        {mayViewMentoring ? <Link to={`${base}/mentoring`}>{t(isOwn ? "mentoring.titleOwn" : "mentoring.title")}</Link> : null}
        <Link to={`${base}/history`}>{t("plan.history.title")}</Link>
        {mayEditRecord ? <Link to={`${base}/record`}>{t("org.record.link")}</Link> : null}
      </nav>

      <section aria-labelledby="domains-heading">
        <h2 id="domains-heading">{t("plan.domainsHeading")}</h2>
        <DomainCards youngPersonId={card.id} domains={domains} />
      </section>
    </>
  );
}
