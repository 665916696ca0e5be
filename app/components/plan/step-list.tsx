/**
 * A light list of steps for pages that show many goals (the domain page of a large plan has 200 steps):
 * ONE tick form per page, and each step's tick is a small submit button that names the step and the
 * state it wants (`tick=<step id>:<1|0>`, tied to the form with the `form` attribute). Without
 * JavaScript it is a plain post; with it, Remix submits the same fields without a reload. Done steps
 * are folded away under "N done" (still untickable), with only their tick and title. See docs/decisions/020-long-pages.md
 * and 024.
 */
import { useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale, Owner } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";
import { counted } from "~/utils/t-once";
import { useStepLabels } from "./parts";

export interface ListedStep {
  id: string;
  title: string;
  doneAt: number | null;
  dueDate: string | null;
  owner: Owner;
  canTick: boolean;
}

/**
 * A hidden form that many buttons on the page submit (`<button form={id} name=… value=…>`): its
 * fields once, not once per row. Without JavaScript it is a plain post; with it, the clicked button is
 * passed to Remix's submit, so its name and value are sent and the page is not reloaded.
 */
export function SharedForm({ id, action, fields }: { id: string; action?: string; fields: Record<string, string> }) {
  const submit = useSubmit();
  return (
    <form
      id={id}
      method="post"
      action={action}
      hidden
      data-discover={action ? "true" : undefined}
      onSubmit={(event) => {
        if (event.defaultPrevented) return;
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        submit(submitter instanceof HTMLButtonElement ? submitter : event.currentTarget, { method: "post", action, preventScrollReset: true });
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}

/** The page's one tick form: put it once on the page, before or after the lists. */
export function TickForm({ id, youngPersonId, returnTo }: { id: string; youngPersonId: string; returnTo: string }) {
  return <SharedForm id={id} action={`/plan/${youngPersonId}/step`} fields={{ returnTo }} />;
}

/** The words and the date style of every row, made once per page (not once per row: 200 rows). */
export interface StepListLabels {
  step: ReturnType<typeof useStepLabels>;
  locale: Locale;
  doneCount: (count: number) => string;
}

/** Call once in the page and pass the result to every GoalSteps. */
export function useStepListLabels(): StepListLabels {
  const { t, i18n } = useTranslation();
  return { step: useStepLabels(), locale: i18n.language as Locale, doneCount: counted(t, "pages.steps.done") };
}

/**
 * One row, written as plain elements (no component, no hooks: they were most of the page's render).
 * A done step is folded away and shows only its tick and title, so it can be unticked right after a mis-tap.
 */
function stepRow(step: ListedStep, formId: string, { step: labels, locale }: StepListLabels) {
  const done = step.doneAt !== null;
  const box = step.canTick ? (
    <button
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
  );
  const state = step.canTick ? null : <span className="visually-hidden">{`${done ? labels.doneState : labels.openState}: `}</span>;
  return (
    <li key={step.id} className="step">
      {box}
      <span className="step__text">
        {state}
        <span className={done ? "step__title step__title--done" : "step__title"}>{step.title}</span>
        {done ? null : (
          <span className="step__meta">
            {step.dueDate ? `${labels.owner[step.owner]} · ${formatDate(step.dueDate, locale, "short")}` : labels.owner[step.owner]}
          </span>
        )}
      </span>
    </li>
  );
}

/** A goal's steps: the open ones listed, the done ones folded under "N done". Nothing when there are none. */
export function GoalSteps({ steps, formId, labels }: { steps: readonly ListedStep[]; formId: string; labels: StepListLabels }) {
  if (steps.length === 0) return null;
  const open = steps.filter((s) => s.doneAt === null);
  const done = steps.filter((s) => s.doneAt !== null);
  return (
    <>
      {open.length > 0 ? <ul className="step-list step-list--light">{open.map((step) => stepRow(step, formId, labels))}</ul> : null}
      {done.length > 0 ? (
        <details className="steps-done">
          <summary>{labels.doneCount(done.length)}</summary>
          <ul className="step-list step-list--light">{done.map((step) => stepRow(step, formId, labels))}</ul>
        </details>
      ) : null}
    </>
  );
}
