/** Small pieces of the plan pages: the step tick, status and owner labels, date inputs. */
import { useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readinessStage } from "~/domain/readiness";
import { OWNERS, type GoalStatus, type Locale, type Owner } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";
import { withValue } from "~/utils/t-once";
import { ownerText, useSeesOwnPlan } from "./owner-label";

/**
 * The words every step row uses, made once per language (not once per row: a domain page of a large
 * plan has 200 rows). The i18n instance of a language keeps its strings for its lifetime, so the labels
 * are kept with it.
 */
interface StepLabels {
  owner: Record<Owner, string>;
  doneState: string;
  openState: string;
  tick: (title: string) => string;
  untick: (title: string) => string;
}

const stepLabelsByI18n = new WeakMap<object, StepLabels>();
const ownStepLabelsByI18n = new WeakMap<object, StepLabels>();

export function useStepLabels(): StepLabels {
  const { t, i18n } = useTranslation();
  const own = useSeesOwnPlan();
  const cache = own ? ownStepLabelsByI18n : stepLabelsByI18n;
  let labels = cache.get(i18n);
  if (!labels) {
    labels = {
      owner: Object.fromEntries(OWNERS.map((o) => [o, ownerText(t, o, own)])) as Record<Owner, string>,
      doneState: t("plan.step.doneState"),
      openState: t("plan.step.openState"),
      tick: withValue(t, "plan.step.tick", "title"),
      untick: withValue(t, "plan.step.untick", "title"),
    };
    cache.set(i18n, labels);
  }
  return labels;
}

/**
 * One tap ticks a step: a plain form post that says which state it wants (double taps are harmless).
 * A plain <form> with the submit handler Remix's <Form> would add (same markup, same client-side
 * submission), because 200 <Form>s were a fifth of a large domain page's render.
 */
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
  const { i18n } = useTranslation();
  const labels = useStepLabels();
  const submit = useSubmit();
  const done = step.doneAt !== null;
  const body = (
    <>
      <span className={done ? "step__title step__title--done" : "step__title"}>{step.title}</span>
      <span className="step__meta">
        {labels.owner[step.owner]}
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
          <span className="visually-hidden">{done ? labels.doneState : labels.openState}: </span>
          {body}
        </span>
      </div>
    );
  }
  const action = `/plan/${youngPersonId}/step`;
  return (
    <form
      method="post"
      action={action}
      className="step"
      data-discover="true"
      onSubmit={(event) => {
        if (event.defaultPrevented) return;
        event.preventDefault();
        submit(event.currentTarget, { method: "post", action, preventScrollReset: true });
      }}
    >
      <input type="hidden" name="stepId" value={step.id} />
      <input type="hidden" name="done" value={done ? "0" : "1"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        className={done ? "step__box step__box--done" : "step__box"}
        aria-label={done ? labels.untick(step.title) : labels.tick(step.title)}
      >
        {done ? "✓" : ""}
      </button>
      <span className="step__text">{body}</span>
    </form>
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
