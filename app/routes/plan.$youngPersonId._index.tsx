import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PhaseLine } from "~/components/phase";
import { DomainCards, ExpiringDocuments, NextSteps } from "~/components/plan/overview";
import { expiringDocuments } from "~/domain/documents";
import { planDocumentRows } from "~/models/documents.server";
import { planOverview } from "~/models/plans.server";
import { reviewDueOf } from "~/models/reviews.server";
import { ReviewBanner } from "~/components/review-cards";
import { getCaseCard } from "~/models/young-people.server";
import { actorOf } from "~/utils/authz.server";
import { invariantResponse } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { DOMAINS } from "~/domain/vocabulary";
import { requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = {
  i18n: [
    "budget",
    "countdown",
    "documents",
    "domains",
    "keys",
    "mentoring",
    "org.record",
    "pages.overview",
    "pages.print",
    "phase",
    "plan",
    "reviews",
    "skills",
  ],
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view");
  const card = getCaseCard(actorOf(access.user), access.plan.youngPersonId, access.today);
  invariantResponse(card, "Not found");
  const sees = access.sees;
  const overview = planOverview(
    access.plan.id,
    access.today,
    DOMAINS.filter((d) => sees(d)),
  );
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const isOwn = access.user.role === "youth";
  return json({
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${isOwn ? t("plan.myPlan") : t("plan.planOf", { name: card.displayName })} · ${t("app.name")}`,
    isOwn,
    card,
    domains: overview.domains.filter((d) => sees(d.domain)),
    nextSteps: overview.next
      .filter((s) => sees(s.domain))
      .slice(0, 3)
      .map((s) => ({ ...s, canTick: access.mayChangeStep(s.owner) })),
    expiring: sees("documents") && sees("legal") ? expiringDocuments(planDocumentRows(access.plan.id), access.today) : [],
    mayViewMentoring: access.allowed("mentorship.view"),
    reviewDue: access.allowed("review.view") ? (reviewDueOf([card.id], access.today)[card.id] ?? null) : null,
    links: {
      readiness: sees("readiness"),
      skills: sees("skills"),
      documents: sees("documents") && sees("legal"),
      sharing: access.allowed("sharing.view"),
      access: access.allowed("audit.viewOwn"),
      export: access.allowed("record.export"),
      budget: access.allowed("budget.view"),
      record: access.allowed("case.editRecord"),
    },
  });
}

export default function PlanOverviewPage() {
  const { t } = useTranslation();
  const { card, domains, nextSteps, isOwn, expiring, mayViewMentoring, links, reviewDue } = useLoaderData<typeof loader>();
  const base = `/plan/${card.id}`;
  return (
    <>
      <LoaderPrintHeader />
      <h1>{isOwn ? t("plan.myPlan") : t("plan.planOf", { name: card.displayName })}</h1>
      <PhaseLine summary={card.summary} />

      {reviewDue ? <ReviewBanner youngPersonId={card.id} due={reviewDue} /> : null}
      <NextSteps youngPersonId={card.id} steps={nextSteps} returnTo={`${base}#next-steps`} />

      <ExpiringDocuments youngPersonId={card.id} documents={expiring} />

      <nav aria-label={t("plan.sections")} className="plan-links">
        {links.readiness ? <Link to={`${base}/readiness`}>{t("plan.readiness.title")}</Link> : null}
        {links.skills ? <Link to={`${base}/skills`}>{t("skills.title")}</Link> : null}
        {links.documents ? <Link to={`${base}/documents`}>{t("documents.title")}</Link> : null}
        {mayViewMentoring ? <Link to={`${base}/mentoring`}>{t(isOwn ? "mentoring.titleOwn" : "mentoring.title")}</Link> : null}
        {links.budget ? <Link to={`${base}/budget`}>{t("budget.planLink")}</Link> : null}
        <Link to={`${base}/history`}>{t("plan.history.title")}</Link>
        <Link to={`${base}/print`}>{t("pages.print.link")}</Link>
        {links.sharing ? <Link to={`${base}/sharing`}>{t(isOwn ? "keys.sharing.titleOwn" : "keys.sharing.title")}</Link> : null}
        {links.access ? <Link to={`${base}/access`}>{t("keys.access.title")}</Link> : null}
        {links.export ? <Link to={`${base}/export`}>{t("keys.export.title")}</Link> : null}
        {links.record ? <Link to={`${base}/record`}>{t("org.record.link")}</Link> : null}
      </nav>

      <section aria-labelledby="domains-heading">
        <h2 id="domains-heading">{t("plan.domainsHeading")}</h2>
        <DomainCards youngPersonId={card.id} domains={domains} />
      </section>
    </>
  );
}
