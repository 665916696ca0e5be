/** The plan at a glance: the next steps to tick, and one card per domain. Used on the plan page and the young person's home. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Domain, Locale, Owner } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";
import { ReadinessValue, StepTick } from "./parts";

export interface NextStepView {
  stepId: string;
  goalId: string;
  title: string;
  goalTitle: string;
  dueDate: string | null;
  owner: Owner;
  overdue: boolean;
  canTick: boolean;
}

export interface DomainCardView {
  domain: Domain;
  goalsDone: number;
  goalsTotal: number;
  overdueGoals: number;
  overdueSteps: number;
  nextStep: { title: string; dueDate: string | null } | null;
  youthRating: number | null;
}

export function NextSteps({ youngPersonId, steps, returnTo }: { youngPersonId: string; steps: NextStepView[]; returnTo: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="next-heading" className="card next-steps" id="next-steps">
      <h2 id="next-heading">{t("plan.nextSteps")}</h2>
      {steps.length === 0 ? (
        <p className="muted">{t("plan.noNextSteps")}</p>
      ) : (
        <ul className="step-list">
          {steps.map((step) => (
            <li key={step.stepId} className={step.overdue ? "step-item step-item--overdue" : "step-item"}>
              <StepTick
                youngPersonId={youngPersonId}
                step={{ id: step.stepId, title: step.title, doneAt: null, dueDate: step.dueDate, owner: step.owner }}
                canTick={step.canTick}
                returnTo={returnTo}
              />
              <p className="step-item__goal">
                <Link to={`/plan/${youngPersonId}/goals/${step.goalId}`}>{step.goalTitle}</Link>
                {step.overdue ? <span className="overdue"> · {t("plan.overdue")}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DomainCards({ youngPersonId, domains }: { youngPersonId: string; domains: DomainCardView[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <ul className="domain-grid">
      {domains.map((d) => (
        <li key={d.domain} className={`card domain-card domain-card--${d.domain}`}>
          <h3>
            <Link to={`/plan/${youngPersonId}/${d.domain}`}>{t(`domains.${d.domain}.name`)}</Link>
          </h3>
          {d.goalsTotal === 0 ? (
            <p className="muted">{t(`domains.${d.domain}.empty`)}</p>
          ) : (
            // "0 of 1 goal done" on every card reads like a row of zeros: until one is done, just how many there are.
            <p>
              {d.goalsDone === 0 ? t("pages.overview.goalsNoneDone", { total: d.goalsTotal }) : t("plan.goalsDone", { done: d.goalsDone, count: d.goalsTotal })}
            </p>
          )}
          <p className="domain-card__rating">
            {t("plan.readiness.short")}: <ReadinessValue value={d.youthRating} />
          </p>
          {d.nextStep ? (
            <p className="domain-card__next">
              {t("plan.next")}: {d.nextStep.title}
              {d.nextStep.dueDate ? ` · ${formatDate(d.nextStep.dueDate, locale, "short")}` : ""}
            </p>
          ) : null}
          {d.overdueGoals + d.overdueSteps > 0 ? <p className="overdue">{t("plan.overdueCount", { count: d.overdueGoals + d.overdueSteps })}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** Documents that expired or expire soon: the legal domain's upcoming deadlines. */
export function ExpiringDocuments({
  youngPersonId,
  documents,
}: {
  youngPersonId: string;
  documents: ReadonlyArray<{ id: string | null; kind: string; label: string | null; expiresOn: string | null; expiry: string | null }>;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  if (documents.length === 0) return null;
  return (
    <section aria-labelledby="expiring-heading" className="card expiring">
      <h2 id="expiring-heading">{t("documents.upcoming")}</h2>
      <ul>
        {documents.map((d) => (
          <li key={d.id ?? d.kind}>
            <Link to={`/plan/${youngPersonId}/documents#doc-${d.id ?? d.kind}`}>
              {t("documents.upcomingItem", {
                document: d.label ? `${t(`documents.kinds.${d.kind}`)} (${d.label})` : t(`documents.kinds.${d.kind}`),
                when: t(d.expiry === "expired" ? "documents.expired" : "documents.validUntil", {
                  date: formatDate(d.expiresOn ?? "", locale),
                }),
              })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
