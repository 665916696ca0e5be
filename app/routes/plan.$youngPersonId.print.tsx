/** The whole plan on paper (issue 14): domains → goals → steps → plan B, with whose plan it is. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useOwnerLabel } from "~/components/plan/owner-label";
import { PrintHeader } from "~/components/print";
import { DOMAINS, type Locale } from "~/domain/vocabulary";
import { printedFor, wholePlan } from "~/models/print.server";
import { formatDate } from "~/utils/format";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["domains", "pages", "plan"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view", { part: "overview" });
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const printed = printedFor(access.plan.youngPersonId, access.today);
  return json({
    title: `${t("pages.print.title")} · ${printed.name} · ${t("app.name")}`,
    youngPersonId: access.plan.youngPersonId,
    printed,
    domains: wholePlan(
      access.plan.id,
      DOMAINS.filter((d) => access.sees(d)),
    ),
  });
}

export default function PrintPlanPage() {
  const { t, i18n } = useTranslation();
  const ownerLabel = useOwnerLabel();
  const locale = i18n.language as Locale;
  const { youngPersonId, printed, domains } = useLoaderData<typeof loader>();
  return (
    <div className="printout">
      <p className="breadcrumb">
        <Link to={`/plan/${youngPersonId}`}>{t("plan.backToPlan")}</Link>
      </p>
      <h1>{t("pages.print.title")}</h1>
      <PrintHeader printed={printed} always />
      <p className="muted no-print">{t("pages.print.howTo")}</p>
      {domains.map(({ domain, goals, planB }) => (
        <section key={domain} className="printout__domain" aria-labelledby={`print-${domain}`}>
          <h2 id={`print-${domain}`}>{t(`domains.${domain}.name`)}</h2>
          {goals.length === 0 ? <p className="muted">{t("plan.noGoals")}</p> : null}
          {goals.map((goal) => (
            <article key={goal.id} className="printout__goal">
              <h3>
                {goal.title} <span className="muted">({t(`plan.status.${goal.status}`)})</span>
              </h3>
              <p className="muted">
                {ownerLabel(goal.owner)}
                {goal.dueDate ? ` · ${t("plan.due", { date: formatDate(goal.dueDate, locale) })}` : ""}
              </p>
              {goal.why ? <p>{goal.why}</p> : null}
              {goal.steps.length > 0 ? (
                <ul className="printout__steps">
                  {goal.steps.map((step) => (
                    <li key={step.id}>
                      <span aria-hidden="true">{step.done ? "☑" : "☐"}</span>{" "}
                      <span className="visually-hidden">{step.done ? t("plan.step.doneState") : t("plan.step.openState")}: </span>
                      {step.title}
                      <span className="muted">
                        {" "}
                        · {ownerLabel(step.owner)}
                        {step.dueDate ? ` · ${formatDate(step.dueDate, locale, "short")}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </article>
          ))}
          <h3 className="printout__plan-b">{t("plan.planB.title")}</h3>
          <p>{planB || <span className="muted">{t("plan.planB.empty")}</span>}</p>
        </section>
      ))}
    </div>
  );
}
