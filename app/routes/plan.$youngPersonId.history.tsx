import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlanTimeline } from "~/components/plan/timeline";
import { planHistory } from "~/models/plans.server";
import { withSkillTitles } from "~/models/skills.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["documents", "domains", "org.history", "org.values", "plan", "skills"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view");
  const t = getFixedT(resolveLocale(request, access.user.locale));
  return json({
    title: `${t("plan.history.title")} · ${t("app.name")}`,
    youngPersonId: access.plan.youngPersonId,
    events: withSkillTitles(planHistory(access.plan.id, access.viewer, { limit: 300 }), t, access.user.organisationId),
  });
}

export default function PlanHistoryPage() {
  const { t } = useTranslation();
  const { youngPersonId, events } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/plan/${youngPersonId}`}>{t("plan.backToPlan")}</Link>
      </p>
      <h1>{t("plan.history.title")}</h1>
      <p className="muted">{t("plan.history.intro")}</p>
      <PlanTimeline events={events} />
    </>
  );
}
