/** Small pieces of the plan pages: the step tick, status and owner labels, date inputs. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readinessStage } from "~/domain/readiness";
import type { GoalStatus, Locale, Owner } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";

/** One tap ticks a step: a plain form post that says which state it wants (double taps are harmless). */
export function StepTick({
  youngPersonId,
  step,
  canTick,
  returnTo,
}: {
  youngPersonId: string;
  step: { id: string; title: string; doneAt: number | null; dueDate: string | null; owner: Owner };
  canTick: boolean;
  returnTo: string;
}) {
  const { t, i18n } = useTranslation();
  const done = step.doneAt !== null;
  const body = (
    <>
      <span className={done ? "step__title step__title--done" : "step__title"}>{step.title}</span>
      <span className="step__meta">
        {t(`plan.owner.${step.owner}`)}
        {step.dueDate ? ` · ${formatDate(step.dueDate, i18n.language as Locale, "short")}` : ""}
      </span>
    </>
  );
  if (!canTick) {
    return (
      <div className="step">
        <span className="step__box" aria-hidden="true">
          {done ? "✓" : ""}
        </span>
        <span className="step__text">
          <span className="visually-hidden">{done ? t("plan.step.doneState") : t("plan.step.openState")}: </span>
          {body}
        </span>
      </div>
    );
  }
  return (
    <Form method="post" action={`/plan/${youngPersonId}/step`} className="step" preventScrollReset>
      <input type="hidden" name="stepId" value={step.id} />
      <input type="hidden" name="done" value={done ? "0" : "1"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        className={done ? "step__box step__box--done" : "step__box"}
        aria-label={done ? t("plan.step.untick", { title: step.title }) : t("plan.step.tick", { title: step.title })}
      >
        {done ? "✓" : ""}
      </button>
      <span className="step__text">{body}</span>
    </Form>
  );
}

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  const { t } = useTranslation();
  return <span className={`status status--${status}`}>{t(`plan.status.${status}`)}</span>;
}

export function ReadinessValue({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <span className="muted">{t("plan.readiness.notRated")}</span>;
  return (
    <span>
      <strong>{value}</strong>/10 · {t(`plan.readiness.stage.${readinessStage(value)}`)}
    </span>
  );
}
