import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, formReply, PlainField, useFocusFirstInvalid, type FormReplyData } from "~/components/form";
import { TrendChart } from "~/components/plan/charts";
import { OwnerAndDue } from "~/components/plan/fields";
import { useOwnerLabel } from "~/components/plan/owner-label";
import { GoalStatusBadge, ReadinessValue } from "~/components/plan/parts";
import { GoalSteps, SharedForm, TickForm, useStepListLabels } from "~/components/plan/step-list";
import { PrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";
import { latestRatings, READINESS_STAGES, ratingTrend } from "~/domain/readiness";
import { DOMAINS, type Domain, type Locale } from "~/domain/vocabulary";
import { addRating, createGoal, domainDetail, domainPageOfGoal, moveGoal, setPlanB } from "~/models/plans.server";
import { pageNumberOf, withPage } from "~/domain/paging";
import { DOMAIN_PAGE_GOALS } from "~/domain/plan-overview";
import { Pager } from "~/components/pager";
import { formatDate } from "~/utils/format";
import { invariantResponse, newFormToken, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { forms, parseFields, parseForm } from "~/utils/forms.server";
import { requireIntent, requirePlan } from "~/utils/plan-access.server";
import { keepDataAfterFormErrors } from "~/utils/revalidate";
import type { TranslationHandle } from "~/utils/i18n";
import { counted, withValue } from "~/utils/t-once";
import { saved } from "~/utils/flash.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["documents", "domains", "pages", "plan", "skills"] };

export const shouldRevalidate = keepDataAfterFormErrors;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

function domainParam(value: string | undefined): Domain {
  invariantResponse(value && (DOMAINS as readonly string[]).includes(value), "Not found");
  return value as Domain;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const domain = domainParam(params.domain);
  const access = await requirePlan(request, params.youngPersonId, "plan.view", { sections: [domain] });
  const showsReadiness = access.sees("readiness");
  const detail = domainDetail(access.plan.id, domain, pageNumberOf(new URL(request.url).searchParams.get("page")));
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const latest = latestRatings(detail.ratings)[domain];
  return json({
    title: `${t(`domains.${domain}.name`)} · ${t("app.name")}`,
    youngPersonId: access.plan.youngPersonId,
    domain,
    printed: printedFor(access.plan.youngPersonId, access.today),
    // Only what the page shows of each goal and step: a goal's first open and last ticked steps, and counts.
    goals: detail.goals.map(({ id, title, why, status, dueDate, owner, commentCount, openSteps, doneSteps, steps }) => ({
      id,
      title,
      why,
      status,
      dueDate,
      owner,
      commentCount,
      openSteps,
      doneSteps,
      steps: steps.map(({ id, title, dueDate, doneAt, owner }) => ({ id, title, dueDate, doneAt, owner, canTick: access.mayChangeStep(owner) })),
    })),
    goalCount: detail.goalCount,
    page: detail.page,
    offset: detail.offset,
    planB: detail.planB,
    showsReadiness,
    youthRating: showsReadiness ? (latest.youth?.value ?? null) : null,
    adultRating: showsReadiness ? (latest.adult?.value ?? null) : null,
    trend: {
      youth: showsReadiness ? ratingTrend(detail.ratings, domain, "youth").map((r) => ({ value: r.value, on: r.ratedOn })) : [],
      adult: showsReadiness ? ratingTrend(detail.ratings, domain, "adult").map((r) => ({ value: r.value, on: r.ratedOn })) : [],
    },
    permissions: { ...access.permissions, rate: access.permissions.rate && showsReadiness },
    raterKind: access.raterKind,
    formToken: newFormToken(),
  });
}

/** What each form of the page needs from the policy. */
const INTENTS = {
  createGoal: { action: "plan.edit" },
  rate: { action: "plan.rate", sections: ["readiness"] },
  planB: { action: "plan.edit" },
  move: { action: "plan.edit" },
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const domain = domainParam(params.domain);
  const access = await requirePlan(request, params.youngPersonId, "plan.view", { sections: [domain] });
  const formData = await readFormData(request);
  const intent = requireIntent(access, formData.get("intent"), INTENTS);
  const domainPath = `/plan/${access.plan.youngPersonId}/${domain}`;
  // The page of goals the form was sent from: the reply lands there again.
  const here = withPage(domainPath, pageNumberOf(new URL(request.url).searchParams.get("page")));

  if (intent === "createGoal") {
    const submission = parseForm(formData, forms.goal);
    if (submission.status !== "success" || submission.value.domain !== domain) {
      return json({ intent, result: submission.reply() }, { status: 400 });
    }
    const goalId = createGoal(access.plan.id, access.user.id, submission.value);
    return redirect(`/plan/${access.plan.youngPersonId}/goals/${goalId}`, saved("added"));
  }
  if (intent === "rate") {
    const submission = parseForm(formData, forms.rating);
    if (submission.status !== "success" || submission.value.domain !== domain) {
      return json({ intent, result: submission.reply() }, { status: 400 });
    }
    addRating(access.plan.id, access.user.id, { ...submission.value, raterKind: access.raterKind, ratedOn: access.today });
    return redirect(`${here}#readiness`, saved());
  }
  if (intent === "planB") {
    const submission = parseForm(formData, forms.planB);
    if (submission.status !== "success" || submission.value.domain !== domain) {
      return json({ intent, formId: "plan-b-form", result: submission.reply() }, { status: 400 });
    }
    setPlanB(access.plan.id, access.user.id, domain, submission.value.planB ?? "");
    return redirect(`${here}#plan-b`, saved());
  }
  if (intent === "move") {
    // From the page's shared form, one button per goal and direction (`move=<goal id>:<up|down>`), or as two fields.
    const button = formData.get("move");
    if (button !== null) {
      const [goalId = "", direction = "", ...rest] = String(button).split(":");
      formData.set("goalId", goalId);
      formData.set("direction", rest.length ? "" : direction);
      formData.delete("move");
    }
    const move = parseFields(formData, forms.moveGoal);
    invariantResponse(move && moveGoal(access.plan.id, move.goalId, access.user.id, move.direction), "Not found");
    // A goal moved past the first or last goal of its page is shown on the next or the previous page.
    return redirect(`${withPage(domainPath, domainPageOfGoal(access.plan.id, move.goalId))}#goal-${move.goalId}`, saved());
  }
  throw new Response("Bad request", { status: 400 });
}

export default function DomainPage() {
  const { t, i18n } = useTranslation();
  const ownerLabel = useOwnerLabel();
  const stepLabels = useStepListLabels();
  // Words of every goal made once per page (i18next's t() per goal was a tenth of a large page's render).
  const words = {
    up: `↑ ${t("plan.moveUp")}`,
    down: `↓ ${t("plan.moveDown")}`,
    moveUp: withValue(t, "plan.moveUpLabel", "title"),
    moveDown: withValue(t, "plan.moveDownLabel", "title"),
    comments: counted(t, "plan.comments.count"),
  };
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const locale = i18n.language as Locale;
  const base = `/plan/${data.youngPersonId}`;
  const domainPath = `${base}/${data.domain}`;
  const movable = data.permissions.edit && data.goalCount > 1;
  // Plain forms with the server's reply read directly: no form library on this page (decision 005).
  const resultFor = (intent: string) => (actionData?.intent === intent ? (actionData.result as FormReplyData) : null);
  const goalReply = formReply(resultFor("createGoal"));
  const ratingReply = formReply(resultFor("rate"));
  const planBReply = formReply(resultFor("planB"));
  useFocusFirstInvalid("create-goal", resultFor("createGoal"));
  useFocusFirstInvalid("plan-b-form", resultFor("planB"));

  return (
    <>
      <p className="breadcrumb">
        <Link to={base}>{t("plan.backToPlan")}</Link>
      </p>
      <h1>{t(`domains.${data.domain}.name`)}</h1>
      <PrintHeader printed={data.printed} />
      <p className="muted">{t(`domains.${data.domain}.empty`)}</p>
      <nav aria-label={t("plan.sections")} className="plan-links">
        {data.domain === "legal" ? <Link to={`${base}/documents`}>{t("documents.openChecklist")}</Link> : null}
        <Link to={`${base}/skills#skills-${data.domain}`}>{t("skills.openChecklist")}</Link>
      </nav>

      <section aria-labelledby="goals-heading">
        <h2 id="goals-heading">{t("plan.goals")}</h2>
        {data.goals.length === 0 ? <p className="card empty">{t("plan.noGoals")}</p> : null}
        <TickForm id="ticks" youngPersonId={data.youngPersonId} returnTo={withPage(domainPath, data.page)} />
        {movable ? <SharedForm id="moves" fields={{ intent: "move" }} /> : null}
        <ol className="goal-list">
          {data.goals.map((goal, index) => (
            <li key={goal.id} id={`goal-${goal.id}`} className={`card goal goal--${goal.status}`}>
              <div className="goal__head">
                <h3>
                  <Link to={`${base}/goals/${goal.id}`}>{goal.title}</Link>
                </h3>
                <GoalStatusBadge status={goal.status} />
              </div>
              <p className="goal__meta muted">
                {ownerLabel(goal.owner)}
                {goal.dueDate ? ` · ${t("plan.due", { date: formatDate(goal.dueDate, locale) })}` : ""}
                {goal.commentCount > 0 ? ` · ${words.comments(goal.commentCount)}` : ""}
              </p>
              {goal.why ? <p className="goal__why">{goal.why}</p> : null}
              <GoalSteps
                steps={goal.steps}
                openCount={goal.openSteps}
                doneCount={goal.doneSteps}
                goalHref={`${base}/goals/${goal.id}#steps`}
                formId="ticks"
                labels={stepLabels}
              />
              {movable ? (
                <div className="goal__move">
                  {data.offset + index > 0 ? (
                    <button form="moves" name="move" value={`${goal.id}:up`} className="button button--small" aria-label={words.moveUp(goal.title)}>
                      {words.up}
                    </button>
                  ) : null}
                  {data.offset + index < data.goalCount - 1 ? (
                    <button form="moves" name="move" value={`${goal.id}:down`} className="button button--small" aria-label={words.moveDown(goal.title)}>
                      {words.down}
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        <Pager
          page={data.page}
          total={data.goalCount}
          size={DOMAIN_PAGE_GOALS}
          hrefOf={(page) => `${withPage(domainPath, page)}#goals-heading`}
          locale={locale}
          words={{
            label: t("plan.goalPages.label"),
            previous: t("plan.goalPages.previous"),
            next: t("plan.goalPages.next"),
            range: (first, last, total) => t("plan.goalPages.range", { first, last, total }),
          }}
        />
      </section>

      {data.permissions.edit ? (
        <section aria-labelledby="add-goal-heading">
          <h2 id="add-goal-heading">{t("plan.addGoal")}</h2>
          <Form method="post" className="card form" id="create-goal" noValidate key={data.formToken}>
            <input type="hidden" name="intent" value="createGoal" />
            <input type="hidden" name="domain" value={data.domain} />
            <input type="hidden" name="clientToken" value={data.formToken} />
            <PlainField formId="create-goal" name="title" label={t("plan.goal.title")} hint={t("plan.goal.titleHint")} errors={goalReply.errors("title")}>
              {(control) => <input {...control} type="text" maxLength={200} defaultValue={goalReply.typed("title")} />}
            </PlainField>
            <PlainField formId="create-goal" name="why" label={t("plan.goal.why")} hint={t("plan.goal.whyHint")} errors={goalReply.errors("why")}>
              {(control) => <textarea {...control} rows={3} maxLength={2000} defaultValue={goalReply.typed("why")} />}
            </PlainField>
            <OwnerAndDue
              formId="create-goal"
              owner={{ errors: goalReply.errors("owner"), value: goalReply.typed("owner") }}
              dueDate={{ errors: goalReply.errors("dueDate"), value: goalReply.typed("dueDate") }}
            />
            <button type="submit" className="button button--primary">
              {t("plan.addGoalSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="readiness-heading" id="readiness">
        <h2 id="readiness-heading">{t("plan.readiness.title")}</h2>
        <div className="card">
          <p>
            {t("plan.readiness.youthView")}: <ReadinessValue value={data.youthRating} />
          </p>
          <p>
            {t("plan.readiness.adultView")}: <ReadinessValue value={data.adultRating} />
          </p>
          {data.trend.youth.length + data.trend.adult.length > 1 ? <TrendChart domain={data.domain} youth={data.trend.youth} adult={data.trend.adult} /> : null}
          {data.permissions.rate ? (
            <Form method="post" className="form rating-form" id="rate" noValidate preventScrollReset>
              <input type="hidden" name="intent" value="rate" />
              <input type="hidden" name="domain" value={data.domain} />
              <fieldset className="rating" aria-describedby={ratingReply.errors("value")?.length ? "rate-value-error" : undefined}>
                <legend>{data.raterKind === "youth" ? t("plan.readiness.askYouth") : t("plan.readiness.askAdult")}</legend>
                <div className="rating__scale">
                  {Array.from({ length: 10 }, (_, i) => i + 1).map((value) => (
                    <label key={value} className="rating__option">
                      <input type="radio" name="value" value={value} />
                      <span>{value}</span>
                    </label>
                  ))}
                </div>
                <p className="field__hint">
                  {READINESS_STAGES.map((stage, i) => `${i * 2 + 1}–${i * 2 + 2} ${t(`plan.readiness.stage.${stage}`)}`).join(" · ")}
                </p>
              </fieldset>
              <FormError id="rate-value-error" errors={ratingReply.errors("value") ?? undefined} />
              <button type="submit" className="button">
                {t("plan.readiness.save")}
              </button>
            </Form>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="plan-b-heading">
        <h2 id="plan-b-heading">{t("plan.planB.title")}</h2>
        {data.permissions.edit ? <p className="print-only">{data.planB || t("plan.planB.empty")}</p> : null}
        {data.permissions.edit ? (
          <Form method="post" className="card form" id="plan-b-form" noValidate preventScrollReset>
            <input type="hidden" name="intent" value="planB" />
            <input type="hidden" name="domain" value={data.domain} />
            <PlainField formId="plan-b-form" name="planB" label={t("plan.planB.label")} hint={t("plan.planB.hint")} errors={planBReply.errors("planB")}>
              {(control) => <textarea {...control} rows={4} maxLength={2000} defaultValue={planBReply.typed("planB", data.planB)} />}
            </PlainField>
            <button type="submit" className="button">
              {t("plan.planB.save")}
            </button>
          </Form>
        ) : (
          <p className="card">{data.planB || <span className="muted">{t("plan.planB.empty")}</span>}</p>
        )}
      </section>
    </>
  );
}
