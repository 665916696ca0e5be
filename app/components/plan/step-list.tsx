/**
 * A light list of steps for pages that show many goals (the domain page of a large plan has 200 steps):
 * ONE tick form per page, and each step's tick is a small submit button that names the step and the
 * state it wants (`tick=<step id>:<1|0>`, tied to the form with the `form` attribute). Without
 * JavaScript it is a plain post; with it, Remix submits the same fields without a reload. Done steps
 * are folded away under "N done" (still untickable), with only their tick and title. A goal shows only
 * its first few open steps and its last ticked ones, with "N more" linking to the goal page, so the page
 * does not grow with the plan. See docs/decisions/020-long-pages.md, 024 and 035.
 */
import { Link, useSubmit } from "@remix-run/react";
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
  moreOpen: (count: number) => string;
  moreDone: (count: number) => string;
}

/** Call once in the page and pass the result to every GoalSteps. */
export function useStepListLabels(): StepListLabels {
  const { t, i18n } = useTranslation();
  return {
    step: useStepLabels(),
    locale: i18n.language as Locale,
    doneCount: counted(t, "pages.steps.done"),
    moreOpen: counted(t, "plan.stepsMore.open"),
    moreDone: counted(t, "plan.stepsMore.done"),
  };
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

/**
 * A goal's steps: the open ones listed, the done ones folded under "N done". `steps` may be the first few
 * of each kind (the domain page); the counts say how many there are, and "N more" links to `goalHref`.
 * Nothing when there are none.
 */
export function GoalSteps({
  steps,
  formId,
  labels,
  openCount,
  doneCount,
  goalHref,
}: {
  steps: readonly ListedStep[];
  formId: string;
  labels: StepListLabels;
  openCount?: number;
  doneCount?: number;
  goalHref?: string;
}) {
  const open = steps.filter((s) => s.doneAt === null);
  const done = steps.filter((s) => s.doneAt !== null);
  const moreOpen = goalHref ? (openCount ?? open.length) - open.length : 0;
  const moreDone = goalHref ? (doneCount ?? done.length) - done.length : 0;
  const doneTotal = done.length + moreDone;
  if (open.length + moreOpen + doneTotal === 0) return null;
  return (
    <>
      {open.length > 0 ? <ul className="step-list step-list--light">{open.map((step) => stepRow(step, formId, labels))}</ul> : null}
      {moreOpen > 0 ? (
        <p className="steps-more">
          <Link to={goalHref!}>{labels.moreOpen(moreOpen)}</Link>
        </p>
      ) : null}
      {doneTotal > 0 ? (
        <details className="steps-done">
          <summary>{labels.doneCount(doneTotal)}</summary>
          {done.length > 0 ? <ul className="step-list step-list--light">{done.map((step) => stepRow(step, formId, labels))}</ul> : null}
          {moreDone > 0 ? (
            <p className="steps-more">
              <Link to={goalHref!}>{labels.moreDone(moreDone)}</Link>
            </p>
          ) : null}
        </details>
      ) : null}
    </>
  );
}
