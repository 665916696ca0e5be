import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";
import { formReply, PlainField, useFocusFirstInvalid, type FormReplyData } from "~/components/form";
import { PlanTimeline } from "~/components/plan/timeline";
import { OwnerAndDue } from "~/components/plan/fields";
import { useOwnerLabel } from "~/components/plan/owner-label";
import { useRoleLabel } from "~/components/plan/role-label";
import { GoalStatusBadge, StepTick } from "~/components/plan/parts";
import { downloadPath } from "~/domain/download-path";
import { GOAL_STATUSES, type Locale, type Owner } from "~/domain/vocabulary";
import { addComment, createStep, domainPageOfGoal, findStep, goalDetail, planHistory, setGoalStatus, updateGoal, updateStep } from "~/models/plans.server";
import { withPage } from "~/domain/paging";
import { GOAL_HISTORY_SHOWN } from "~/domain/history-view";
import { formatDate } from "~/utils/format";
import { invariantResponse, newFormToken, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { forms, parseFields, parseForm } from "~/utils/forms.server";
import { requireIntent, requirePlan } from "~/utils/plan-access.server";
import { keepDataAfterFormErrors } from "~/utils/revalidate";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = {
  i18n: [
    "budget",
    "calendar",
    "documents",
    "domains",
    "org.history",
    "org.values",
    "pages.print",
    "plan",
    "reviews.agreedIn",
    "reviews.changedIn",
    "roles",
    "skills",
    "weekly.history",
  ],
};
import { GoalSavings } from "~/components/budget-lines";
import { savingsForPlanGoal } from "~/models/budget.server";
import { AgreedInReview } from "~/components/review-links";
import { reviewsOfGoals } from "~/models/reviews.server";
import { saved } from "~/utils/flash.server";
import { landOn } from "~/utils/land-on.server";

export const shouldRevalidate = keepDataAfterFormErrors;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view", { part: "goal" });
  const detail = goalDetail(access.plan.id, params.goalId ?? "");
  invariantResponse(detail, "Not found");
  access.requireSections(detail.goal.domain);
  const t = getFixedT(resolveLocale(request, access.user.locale));
  return json({
    title: `${detail.goal.title} · ${t("app.name")}`,
    youngPersonId: access.plan.youngPersonId,
    printed: printedFor(access.plan.youngPersonId, access.today),
    goal: detail.goal,
    // The page of its domain that lists this goal (a domain shows its goals a few at a time).
    domainPage: domainPageOfGoal(access.plan.id, detail.goal.id),
    steps: detail.steps.map((s) => ({ ...s, canTick: access.mayChangeStep(s.owner) })),
    comments: detail.comments,
    // The goal's own latest history (the goal, its comments and its steps); the history page has the rest.
    ...goalHistory(
      planHistory(access.plan.id, access.viewer, { entityIds: [detail.goal.id, ...detail.steps.map((s) => s.id)], limit: GOAL_HISTORY_SHOWN + 1 }),
    ),
    permissions: access.permissions,
    formToken: newFormToken(),
    // Savings goals in the budget that serve this goal (a rent deposit for the housing goal).
    savings: access.allowed("budget.view") ? savingsForPlanGoal(detail.goal.id) : [],
    // "Agreed in the review of 4 March" (issue 11).
    agreedIn: access.allowed("review.view") ? (reviewsOfGoals([detail.goal.id]).get(detail.goal.id) ?? null) : null,
  });
}

/** The entries the page folds in, and whether the history page has more of them. */
function goalHistory<E>(events: E[]) {
  return { history: events.slice(0, GOAL_HISTORY_SHOWN), historyMore: events.length > GOAL_HISTORY_SHOWN };
}

/** What each form of the page needs from the policy (a step edit also asks who owns the step). */
const INTENTS = {
  editGoal: { action: "plan.edit" },
  status: { action: "plan.edit" },
  addStep: { action: "plan.edit" },
  editStep: { action: "plan.view" },
  comment: { action: "plan.comment" },
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view");
  const goalId = params.goalId ?? "";
  const here = `/plan/${access.plan.youngPersonId}/goals/${goalId}`;
  const goal = goalDetail(access.plan.id, goalId);
  invariantResponse(goal, "Not found");
  access.requireSections(goal.goal.domain);
  const formData = await readFormData(request);
  const intent = requireIntent(access, formData.get("intent"), INTENTS);

  if (intent === "editGoal") {
    const submission = parseForm(formData, forms.editGoal);
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    updateGoal(access.plan.id, goalId, access.user.id, submission.value);
    return redirect(landOn(here, { fragment: "edit-goal" }), saved());
  }
  if (intent === "status") {
    const change = parseFields(formData, forms.goalStatus);
    invariantResponse(change, "Bad request", { status: 400 });
    setGoalStatus(access.plan.id, goalId, access.user.id, change.status);
    return redirect(landOn(here, { fragment: "goal-status" }), saved());
  }
  if (intent === "addStep") {
    const submission = parseForm(formData, forms.step);
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    createStep(access.plan.id, goalId, access.user.id, submission.value);
    return redirect(`${here}#steps`, saved());
  }
  if (intent === "editStep") {
    const submission = parseForm(formData, forms.editStep);
    const step = findStep(access.plan.id, String(formData.get("stepId") ?? ""));
    invariantResponse(step && step.goalId === goalId && access.mayChangeStep(step.owner), "Not found");
    if (submission.status !== "success") {
      return json({ intent: `editStep:${step.id}`, result: submission.reply() }, { status: 400 });
    }
    // Only the plan's editors hand a step to someone else; a mentor keeps their own steps.
    const owner = access.permissions.edit ? submission.value.owner : step.owner;
    updateStep(access.plan.id, step.id, access.user.id, { ...submission.value, owner });
    return redirect(`${here}#steps`, saved());
  }
  if (intent === "comment") {
    const submission = parseForm(formData, forms.comment);
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    addComment(access.plan.id, goalId, access.user.id, submission.value.body, submission.value.clientToken);
    return redirect(`${here}#comments`, saved("added"));
  }
  throw new Response("Bad request", { status: 400 });
}

function StepEditForm({
  step,
  canChangeOwner,
  result,
}: {
  step: { id: string; title: string; owner: Owner; dueDate: string | null };
  canChangeOwner: boolean;
  result: FormReplyData | null;
}) {
  const { t } = useTranslation();
  const formId = `edit-step-${step.id}`;
  const reply = formReply(result);
  useFocusFirstInvalid(formId, result);
  return (
    <details className="step-edit" open={reply.posted ? true : undefined}>
      <summary>{t("plan.step.edit")}</summary>
      <Form method="post" className="form" id={formId} noValidate>
        <input type="hidden" name="intent" value="editStep" />
        <input type="hidden" name="stepId" value={step.id} />
        <PlainField formId={formId} name="title" label={t("plan.step.titleLabel")} errors={reply.errors("title")}>
          {(control) => <input {...control} type="text" maxLength={200} defaultValue={reply.typed("title", step.title)} />}
        </PlainField>
        {canChangeOwner ? null : <input type="hidden" name="owner" value={step.owner} />}
        <OwnerAndDue
          formId={formId}
          owner={canChangeOwner ? { errors: reply.errors("owner"), value: reply.typed("owner", step.owner) } : null}
          dueDate={{ errors: reply.errors("dueDate"), value: reply.typed("dueDate", step.dueDate ?? "") }}
          fallbackOwner={step.owner}
        />
        <button type="submit" className="button button--small">
          {t("plan.step.save")}
        </button>
      </Form>
    </details>
  );
}

/** A goal still being built (fewer steps than this) shows the "add a step" form open; a longer one folds it. */
const ADD_STEP_OPEN_BELOW = 3;

export default function GoalPage() {
  const { t, i18n } = useTranslation();
  const roleLabel = useRoleLabel();
  const ownerLabel = useOwnerLabel();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const locale = i18n.language as Locale;
  const base = `/plan/${data.youngPersonId}`;
  const here = `${base}/goals/${data.goal.id}`;
  // Plain forms with the server's reply read directly: no form library on this page (decision 005).
  const resultFor = (intent: string) => (actionData?.intent === intent ? (actionData.result as FormReplyData) : null);
  const { goal } = data;
  const goalOpen = goal.status === "planned" || goal.status === "in_progress";
  const editReply = formReply(resultFor("editGoal"));
  const stepReply = formReply(resultFor("addStep"));
  const commentReply = formReply(resultFor("comment"));
  useFocusFirstInvalid("edit-goal", resultFor("editGoal"));
  useFocusFirstInvalid("add-step", resultFor("addStep"));
  useFocusFirstInvalid("comment", resultFor("comment"));

  return (
    <>
      <p className="breadcrumb">
        <Link to={base}>{t("plan.backToPlan")}</Link> › <Link to={withPage(`${base}/${goal.domain}`, data.domainPage)}>{t(`domains.${goal.domain}.name`)}</Link>
      </p>
      <h1>{goal.title}</h1>
      <PrintHeader printed={data.printed} />
      <AgreedInReview youngPersonId={data.youngPersonId} agreed={data.agreedIn} />
      <p>
        <GoalStatusBadge status={goal.status} />{" "}
        <span className="muted">
          {ownerLabel(goal.owner)}
          {goal.dueDate ? ` · ${t("plan.due", { date: formatDate(goal.dueDate, locale) })}` : ""}
        </span>
      </p>
      {goalOpen && goal.dueDate ? (
        <p>
          <a href={downloadPath(data.youngPersonId, "goal", goal.id)} download>
            {t("calendar.addToCalendar")}
          </a>
        </p>
      ) : null}
      {goal.why ? (
        <blockquote className="goal__why">
          <p className="muted">{t("plan.goal.why")}</p>
          <p>{goal.why}</p>
        </blockquote>
      ) : null}

      {data.permissions.edit ? (
        <div className="button-row" id="goal-status" role="group" aria-label={t("plan.goal.changeStatus")}>
          {GOAL_STATUSES.filter((s) => s !== goal.status).map((status) => (
            <Form method="post" key={status}>
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="status" value={status} />
              <button type="submit" className={status === "done" ? "button button--primary" : "button"}>
                {t(`plan.statusAction.${status}`)}
              </button>
            </Form>
          ))}
        </div>
      ) : null}

      <GoalSavings youngPersonId={data.youngPersonId} savings={data.savings} />

      <section aria-labelledby="steps-heading" id="steps">
        <h2 id="steps-heading">{t("plan.steps")}</h2>
        {data.steps.length === 0 ? <p className="muted">{t("plan.noSteps")}</p> : null}
        {/* No list (an empty white card) when there are no steps yet (issue 14). */}
        {data.steps.length > 0 ? (
          <ul className="step-list card">
            {data.steps.map((step) => (
              <li key={step.id} className="step-item">
                <StepTick youngPersonId={data.youngPersonId} step={step} canTick={step.canTick} returnTo={`${here}#steps`} />
                {goalOpen && step.dueDate && step.doneAt === null ? (
                  <p className="step-item__ics">
                    <a href={downloadPath(data.youngPersonId, "step", step.id)} download>
                      {t("calendar.addShort")}
                      <span className="visually-hidden">: {step.title}</span>
                    </a>
                  </p>
                ) : null}
                {step.canTick ? <StepEditForm step={step} canChangeOwner={data.permissions.edit} result={resultFor(`editStep:${step.id}`)} /> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {data.permissions.edit ? (
          <details className="fold" open={stepReply.posted || data.steps.length < ADD_STEP_OPEN_BELOW || undefined}>
            <summary>{t("plan.step.add")}</summary>
            <Form method="post" className="card form" id="add-step" noValidate key={data.formToken}>
              <input type="hidden" name="intent" value="addStep" />
              <input type="hidden" name="clientToken" value={data.formToken} />
              <PlainField formId="add-step" name="title" label={t("plan.step.title")} errors={stepReply.errors("title")}>
                {(control) => <input {...control} type="text" maxLength={200} defaultValue={stepReply.typed("title")} />}
              </PlainField>
              <OwnerAndDue
                formId="add-step"
                owner={{ errors: stepReply.errors("owner"), value: stepReply.typed("owner") }}
                dueDate={{ errors: stepReply.errors("dueDate"), value: stepReply.typed("dueDate") }}
              />
              <button type="submit" className="button button--primary">
                {t("plan.step.add")}
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="comments-heading" id="comments">
        <h2 id="comments-heading">{t("plan.comments.title")}</h2>
        {data.comments.length === 0 ? <p className="muted">{t("plan.comments.none")}</p> : null}
        <ul className="comment-list">
          {data.comments.map((c) => (
            <li key={c.id} className="card comment">
              <p className="comment__meta">
                <strong>{c.author}</strong> · {roleLabel(c.authorRole)} · {formatDate(new Date(c.createdAt).toISOString().slice(0, 10), locale, "short")}
              </p>
              <p className="comment__body">{c.body}</p>
            </li>
          ))}
        </ul>
        {data.permissions.comment ? (
          <Form method="post" className="card form" id="comment" noValidate key={data.formToken}>
            <input type="hidden" name="intent" value="comment" />
            <input type="hidden" name="clientToken" value={data.formToken} />
            <PlainField formId="comment" name="body" label={t("plan.comments.add")} errors={commentReply.errors("body")}>
              {(control) => <textarea {...control} rows={3} maxLength={2000} defaultValue={commentReply.typed("body")} />}
            </PlainField>
            <button type="submit" className="button">
              {t("plan.comments.submit")}
            </button>
          </Form>
        ) : null}
      </section>

      {data.permissions.edit ? (
        <details className="fold" id="edit" open={editReply.posted || undefined}>
          <summary>
            <h2 className="fold__title">{t("plan.goal.edit")}</h2>
          </summary>
          <Form method="post" className="card form" id="edit-goal" noValidate>
            <input type="hidden" name="intent" value="editGoal" />
            <PlainField formId="edit-goal" name="title" label={t("plan.goal.title")} errors={editReply.errors("title")}>
              {(control) => <input {...control} type="text" maxLength={200} defaultValue={editReply.typed("title", goal.title)} />}
            </PlainField>
            <PlainField formId="edit-goal" name="why" label={t("plan.goal.why")} hint={t("plan.goal.whyHint")} errors={editReply.errors("why")}>
              {(control) => <textarea {...control} rows={3} maxLength={2000} defaultValue={editReply.typed("why", goal.why ?? "")} />}
            </PlainField>
            <OwnerAndDue
              formId="edit-goal"
              owner={{ errors: editReply.errors("owner"), value: editReply.typed("owner", goal.owner) }}
              dueDate={{ errors: editReply.errors("dueDate"), value: editReply.typed("dueDate", goal.dueDate ?? "") }}
              fallbackOwner={goal.owner}
            />
            <button type="submit" className="button button--primary">
              {t("plan.goal.save")}
            </button>
          </Form>
        </details>
      ) : null}

      <details className="fold" id="goal-history">
        <summary>
          <h2 className="fold__title">{t("plan.history.title")}</h2>
        </summary>
        <PlanTimeline events={data.history} />
        {data.historyMore ? (
          <p>
            <Link to={`/plan/${data.youngPersonId}/history?goal=${data.goal.id}`}>{t("plan.history.goalAll")}</Link>
          </p>
        ) : null}
      </details>
    </>
  );
}
