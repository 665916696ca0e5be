/**
 * A light list of steps for pages that show many goals (the domain page of a large plan has 200 steps):
 * ONE tick form per page, and each step's tick is a small submit button that names the step and the
 * state it wants (`tick=<step id>:<1|0>`, tied to the form with the `form` attribute). Without
 * JavaScript it is a plain post; with it, Remix submits the same fields without a reload. Done steps
 * are folded away under "N done" (still untickable). See docs/decisions/020-long-pages.md.
 */
import { useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale, Owner } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";
import { useStepLabels } from "./parts";

export interface ListedStep {
  id: string;
  title: string;
  doneAt: number | null;
  dueDate: string | null;
  owner: Owner;
  canTick: boolean;
}

/** The page's one tick form: put it once on the page, before or after the lists. */
export function TickForm({ id, youngPersonId, returnTo }: { id: string; youngPersonId: string; returnTo: string }) {
  const submit = useSubmit();
  const action = `/plan/${youngPersonId}/step`;
  return (
    <form
      id={id}
      method="post"
      action={action}
      hidden
      data-discover="true"
      onSubmit={(event) => {
        if (event.defaultPrevented) return;
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        submit(submitter instanceof HTMLButtonElement ? submitter : event.currentTarget, { method: "post", action, preventScrollReset: true });
      }}
    >
      <input type="hidden" name="returnTo" value={returnTo} />
    </form>
  );
}

function StepRow({ step, formId }: { step: ListedStep; formId: string }) {
  const { i18n } = useTranslation();
  const labels = useStepLabels();
  const done = step.doneAt !== null;
  const text = (
    <span className="step__text">
      {step.canTick ? null : <span className="visually-hidden">{done ? labels.doneState : labels.openState}: </span>}
      <span className={done ? "step__title step__title--done" : "step__title"}>{step.title}</span>
      <span className="step__meta">
        {labels.owner[step.owner]}
        {step.dueDate ? ` · ${formatDate(step.dueDate, i18n.language as Locale, "short")}` : ""}
      </span>
    </span>
  );
  return (
    <li className="step">
      {step.canTick ? (
        <button
          type="submit"
          form={formId}
          name="tick"
          value={`${step.id}:${done ? "0" : "1"}`}
          className={done ? "step__box step__box--done" : "step__box"}
          aria-label={done ? labels.untick(step.title) : labels.tick(step.title)}
        >
          {done ? "✓" : ""}
        </button>
      ) : (
        <span className="step__box" aria-hidden="true">
          {done ? "✓" : ""}
        </span>
      )}
      {text}
    </li>
  );
}

/** A goal's steps: the open ones listed, the done ones folded under "N done". Nothing when there are none. */
export function GoalSteps({ steps, formId }: { steps: readonly ListedStep[]; formId: string }) {
  const { t } = useTranslation();
  const open = steps.filter((s) => s.doneAt === null);
  const done = steps.filter((s) => s.doneAt !== null);
  if (steps.length === 0) return null;
  return (
    <>
      {open.length > 0 ? (
        <ul className="step-list step-list--light">
          {open.map((step) => (
            <StepRow key={step.id} step={step} formId={formId} />
          ))}
        </ul>
      ) : null}
      {done.length > 0 ? (
        <details className="steps-done">
          <summary>{t("pages.steps.done", { count: done.length })}</summary>
          <ul className="step-list step-list--light">
            {done.map((step) => (
              <StepRow key={step.id} step={step} formId={formId} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
