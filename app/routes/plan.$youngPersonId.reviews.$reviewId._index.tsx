import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldError, FormError, formReply, PlainField, useFocusFirstInvalid } from "~/components/form";
import { ChangeGoalRows, MoveReviewForms, NotWantedChoice, OwnerAndDueFields } from "~/components/review-changes";
import { DomainCheckboxes, DomainOptions } from "~/components/domain-options";
import { ParticipantList, ReviewPackView, StatementText, useReviewDate } from "~/components/reviews";
import { fieldErrorsOf } from "~/domain/form-errors";
import { CHANGE_GOAL_ROWS, FELT_HEARD_ANSWERS, FELT_HEARD_COMMENT_MAX, NEW_GOAL_ROWS, STATEMENT_MAX } from "~/domain/reviews";
import { DOMAINS, type Domain, type GoalStatus, type Owner } from "~/domain/vocabulary";
import {
  answerFeltHeard,
  cancelReview,
  changeableGoalIds,
  planPeople,
  recordReview,
  rescheduleReview,
  reviewDetail,
  reviewPack,
  saveStatement,
  seesNotWanted,
  setFocusDomains,
  type GoalChange,
} from "~/models/reviews.server";
import { getCaseCard } from "~/models/young-people.server";
import { actorOf } from "~/utils/authz.server";
import { forms, parseForm } from "~/utils/forms.server";
import { saved as savedFlash } from "~/utils/flash.server";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requireIntent, requirePlan } from "~/utils/plan-access.server";
import { keepDataAfterFormErrors } from "~/utils/revalidate";
import { shortReply } from "~/utils/review-forms.server";
import type { TranslationHandle } from "~/utils/i18n";
import reviewStyles from "~/styles/reviews.css";
import { useOwnerLabel } from "~/components/plan/owner-label";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["documents.kinds", "domains", "pages.print", "plan.owner", "plan.status", "reviews"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewStyles }];

export const shouldRevalidate = keepDataAfterFormErrors;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

const INTENTS = {
  statement: { action: "review.writeStatement" },
  focus: { action: "review.manage" },
  record: { action: "review.manage" },
  reschedule: { action: "review.manage" },
  cancel: { action: "review.manage" },
  feltHeard: { action: "review.answerHeard" },
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "review.view");
  // A cancelled review still opens, saying so: the young person sees the change (decision 025).
  const detail = reviewDetail(access.plan.youngPersonId, params.reviewId ?? "", access.viewer, undefined, { cancelled: true });
  invariantResponse(detail, "Not found");
  const card = getCaseCard(actorOf(access.user), access.plan.youngPersonId, access.today);
  invariantResponse(card, "Not found");
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const mayManage = access.allowed("review.manage");
  const cancelled = detail.status === "cancelled";
  // The people on the plan, only for those who see "who I don't want there" (the young person and the planners).
  const people = seesNotWanted(access.viewer) ? planPeople(access.plan.youngPersonId).filter((p) => p.kind !== "youth") : [];
  return json({
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${t("reviews.review.title")} · ${card.displayName} · ${t("app.name")}`,
    youngPerson: { id: card.id, displayName: card.displayName },
    isOwn: access.viewer.relation === "self",
    today: access.today,
    review: detail,
    pack: cancelled ? null : reviewPack(access.plan.youngPersonId, detail, access.viewer, access.today),
    people: people.map((p) => ({ userId: p.userId, kind: p.kind, displayName: p.displayName })),
    mayManage,
    mayWriteStatement: access.allowed("review.writeStatement") && detail.statementOpen,
    mayAnswer: access.allowed("review.answerHeard") && detail.feltHeardOpen,
    mayRecord: mayManage && detail.status === "scheduled" && detail.heldOn <= access.today,
    mayMove: mayManage && detail.status === "scheduled",
  });
}

interface Reply {
  intent: string;
  formId: string;
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null> | null;
}

/** The forms whose id is not their intent (the error summary links to `#<form id>-<field>`). */
const FORM_ID: Record<string, string> = { statement: "statement-form", focus: "focus-form", feltHeard: "feltHeard" };

function answer(intent: string, reply: { initialValue?: unknown; error?: Record<string, string[] | null> | null }, status = 400) {
  const short = shortReply(reply);
  return json(
    {
      intent,
      formId: FORM_ID[intent] ?? intent,
      initialValue: (short.initialValue ?? null) as Record<string, unknown> | null,
      error: short.error ?? null,
    } satisfies Reply,
    { status },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "review.view");
  const youngPersonId = access.plan.youngPersonId;
  const detail = reviewDetail(youngPersonId, params.reviewId ?? "", access.viewer, undefined, { cancelled: true });
  invariantResponse(detail, "Not found");
  const formData = await readFormData(request);
  const intent = requireIntent(access, formData.get("intent"), INTENTS);
  const here = `/plan/${youngPersonId}/reviews/${detail.id}`;
  if (detail.status === "cancelled") return answer(intent, { initialValue: null, error: { "": ["reviews.errors.cancelled"] } }, 409);

  if (intent === "reschedule") {
    const submission = parseForm(formData, forms.rescheduleReview);
    if (submission.status !== "success") return answer(intent, submission.reply());
    const moved = rescheduleReview(youngPersonId, detail.id, access.user.id, submission.value);
    invariantResponse(moved.status !== "notFound", "Not found");
    if (moved.status === "recorded") return answer(intent, submission.reply({ formErrors: ["reviews.errors.recordedCannotMove"] }), 409);
    if (moved.status === "problems") return answer(intent, submission.reply({ fieldErrors: fieldErrorsOf(moved.problems) }));
    return redirect(`${here}?saved=moved`);
  }
  if (intent === "cancel") {
    if (formData.get("confirm") !== "yes") {
      return answer(intent, { initialValue: null, error: { confirm: ["reviews.errors.confirmCancel"] } });
    }
    const result = cancelReview(youngPersonId, detail.id, access.user.id);
    invariantResponse(result !== "notFound", "Not found");
    if (result === "recorded") return answer(intent, { initialValue: null, error: { "": ["reviews.errors.recordedCannotCancel"] } }, 409);
    return redirect(`${here}?saved=cancelled`);
  }

  if (intent === "statement") {
    const submission = parseForm(formData, forms.reviewStatement);
    if (submission.status !== "success") return answer(intent, submission.reply());
    const saved = saveStatement(youngPersonId, detail.id, submission.value);
    invariantResponse(saved !== "notFound", "Not found");
    if (saved === "notOnPlan") return answer(intent, submission.reply({ fieldErrors: { notWantedIds: ["reviews.errors.notOnPlan"] } }));
    if (saved === "closed") return answer(intent, submission.reply({ formErrors: ["reviews.errors.statementClosed"] }));
    return redirect(`${here}?saved=statement#statement`, savedFlash());
  }
  if (intent === "focus") {
    const submission = parseForm(formData, forms.reviewFocus);
    if (submission.status !== "success") return answer(intent, submission.reply());
    if (!setFocusDomains(youngPersonId, detail.id, submission.value.focus as Domain[])) {
      return answer(intent, submission.reply({ formErrors: ["reviews.errors.alreadyRecorded"] }));
    }
    return redirect(`${here}#focus`, savedFlash());
  }
  if (intent === "feltHeard") {
    const submission = parseForm(formData, forms.feltHeard);
    if (submission.status !== "success") return answer(intent, submission.reply());
    const result = answerFeltHeard(youngPersonId, detail.id, submission.value.answer, submission.value.comment);
    invariantResponse(result !== "notFound", "Not found");
    if (result === "already") return answer(intent, submission.reply({ formErrors: ["reviews.errors.alreadyAnswered"] }));
    if (result === "notOpen") return answer(intent, submission.reply({ formErrors: ["reviews.errors.notRecordedYet"] }));
    return redirect(`${here}?saved=feltHeard#felt-heard`, savedFlash());
  }
  // intent === "record"
  const submission = parseForm(formData, forms.recordReview);
  if (submission.status !== "success") return answer(intent, submission.reply());
  const value = submission.value as Record<string, unknown> & { version: number; attended: string[]; nextReviewOn?: string };
  const newGoals: Array<{ domain: Domain; title: string; owner: Owner; dueDate?: string }> = [];
  const goalErrors: Record<string, string[]> = {};
  for (const i of NEW_GOAL_ROWS) {
    const title = value[`goal${i}_title`] as string | undefined;
    if (!title) continue;
    const domain = value[`goal${i}_domain`] as Domain | undefined;
    if (!domain) {
      goalErrors[`goal${i}_domain`] = ["errors.required"];
      continue;
    }
    newGoals.push({
      domain,
      title,
      owner: (value[`goal${i}_owner`] as Owner | undefined) ?? "youth",
      dueDate: value[`goal${i}_dueDate`] as string | undefined,
    });
  }
  if (value.nextReviewOn && value.nextReviewOn <= detail.heldOn) goalErrors.nextReviewOn = ["reviews.errors.nextAfterReview"];
  // Existing goals changed in the meeting: a row names a goal and at least one change.
  const changedGoals: GoalChange[] = [];
  const chosen = CHANGE_GOAL_ROWS.map((i) => value[`change${i}_goal`] as string | undefined);
  const changeable = changeableGoalIds(
    youngPersonId,
    chosen.filter((id): id is string => Boolean(id)),
    access.viewer,
  );
  for (const i of CHANGE_GOAL_ROWS) {
    const goalId = chosen[i];
    const change = {
      status: value[`change${i}_status`] as GoalStatus | undefined,
      title: value[`change${i}_title`] as string | undefined,
      owner: value[`change${i}_owner`] as Owner | undefined,
      dueDate: value[`change${i}_dueDate`] as string | undefined,
    };
    const anything = Object.values(change).some(Boolean);
    if (!goalId) {
      if (anything) goalErrors[`change${i}_goal`] = ["reviews.errors.chooseGoal"];
      continue;
    }
    if (!changeable.has(goalId)) goalErrors[`change${i}_goal`] = ["reviews.errors.goalNotOpen"];
    else if (changedGoals.some((c) => c.goalId === goalId)) goalErrors[`change${i}_goal`] = ["reviews.errors.goalTwice"];
    else if (!anything) goalErrors[`change${i}_goal`] = ["reviews.errors.nothingToChange"];
    else changedGoals.push({ goalId, ...change });
  }
  if (Object.keys(goalErrors).length) return answer(intent, submission.reply({ fieldErrors: goalErrors }));
  const participantIds = new Set(detail.participants.map((p) => p.id));
  const result = recordReview(youngPersonId, detail.id, access.user.id, {
    version: value.version,
    attendedIds: value.attended.filter((id) => participantIds.has(id)),
    nextReviewOn: value.nextReviewOn,
    decisions: DOMAINS.flatMap((domain) => {
      const decision = value[`decision_${domain}`] as string | undefined;
      return decision ? [{ domain, decision }] : [];
    }),
    newGoals,
    changedGoals,
  });
  invariantResponse(result !== "notFound", "Not found");
  if (result === "goalNotFound") return answer(intent, submission.reply({ formErrors: ["reviews.errors.goalNotOpen"] }), 409);
  if (result === "already" || result === "stale") return answer(intent, submission.reply({ formErrors: ["reviews.errors.alreadyRecorded"] }), 409);
  if (result === "notStarted") return answer(intent, submission.reply({ formErrors: ["reviews.errors.notStarted"] }));
  return redirect(`${here}?saved=recorded`, savedFlash());
}

export default function ReviewPage() {
  const { t } = useTranslation();
  const ownerLabel = useOwnerLabel();
  const date = useReviewDate();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { review, youngPerson } = data;
  const replyFor = (intent: string) => formReply(result && result.intent === intent ? result : null);
  const statementReply = replyFor("statement");
  const focusReply = replyFor("focus");
  const recordReply = replyFor("record");
  const heardReply = replyFor("feltHeard");
  const moveReply = replyFor("reschedule");
  const cancelReply = replyFor("cancel");
  useFocusFirstInvalid(result?.intent ?? "statement", result);
  const base = `/plan/${youngPerson.id}`;
  const typedList = (reply: ReturnType<typeof formReply>, raw: unknown, fallback: readonly string[]): Set<string> => {
    if (!reply.posted) return new Set(fallback);
    return new Set((Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : []).filter((v): v is string => typeof v === "string"));
  };
  const initial = (result?.initialValue ?? {}) as Record<string, unknown>;
  const statement = review.statement;
  const statementDomains = typedList(statementReply, initial.domains, statement?.domains ?? []);
  const focusChosen = typedList(focusReply, initial.focus, data.pack?.focus ?? []);
  const notWantedChosen = typedList(statementReply, initial.notWantedIds, statement?.notWantedIds ?? []);
  const names = Object.fromEntries(data.people.map((p) => [p.userId, p.displayName]));
  const saved = new URLSearchParams(useLocation().search).get("saved");
  const attended = typedList(
    recordReply,
    initial.attended,
    review.participants.map((p) => p.id),
  );
  return (
    <>
      <p className="breadcrumb">
        <Link to={`${base}/reviews`}>{t("reviews.review.back")}</Link>
      </p>
      <LoaderPrintHeader />
      <h1>{t("reviews.review.heading", { date: date(review.heldOn) })}</h1>
      {review.status === "cancelled" ? (
        <p className="notice" role="status">
          {t("reviews.move.cancelledNotice")}
        </p>
      ) : saved === "moved" ? (
        <p className="notice" role="status">
          {t("reviews.move.movedNotice")}
        </p>
      ) : null}
      <p>
        {t("reviews.review.when", { date: date(review.heldOn), time: review.time })} · {t(`reviews.status.${review.status}`)}
      </p>
      {review.place ? <p>{t("reviews.review.place", { place: review.place })}</p> : null}
      {review.videoLink ? (
        <p>
          <a href={review.videoLink} rel="noreferrer noopener" target="_blank">
            {t("reviews.review.videoLink")}
          </a>
        </p>
      ) : null}

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t(data.isOwn ? "reviews.participants.headingOwn" : "reviews.participants.heading")}</h2>
        <ParticipantList participants={review.participants} showAttendance={review.status === "recorded"} notWantedIds={statement?.notWantedIds} />
      </section>

      {review.status === "recorded" ? (
        <section aria-labelledby="outcome-heading" className="card">
          <h2 id="outcome-heading">{t("reviews.outcome.heading")}</h2>
          {review.decisions.length === 0 ? <p className="muted">{t("reviews.outcome.noDecisions")}</p> : null}
          <dl className="review-statement">
            {review.decisions.map((d) => (
              <div key={d.domain}>
                <dt>{t(`domains.${d.domain}.name`)}</dt>
                <dd>{d.decision}</dd>
              </div>
            ))}
          </dl>
          {[
            ["agreed", "reviews.outcome.goals"],
            ["changed", "reviews.outcome.changedGoals"],
          ]
            .map(([change, heading]) => ({ heading: heading!, goals: review.agreedGoals.filter((g) => g.change === change) }))
            .map(({ heading, goals }) =>
              goals.length ? (
                <div key={heading}>
                  <h3>{t(heading)}</h3>
                  <ul>
                    {goals.map((g) => (
                      <li key={g.id}>
                        <Link to={`${base}/goals/${g.id}`}>{g.title}</Link>{" "}
                        <span className="muted">
                          · {ownerLabel(g.owner)}
                          {g.dueDate ? ` · ${t("reviews.pack.dueOn", { date: date(g.dueDate) })}` : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null,
            )}
          <p>{review.nextReviewOn ? t("reviews.outcome.next", { date: date(review.nextReviewOn) }) : t("reviews.outcome.noNext")}</p>
          <p>
            <Link to={`${base}/reviews/${review.id}/summary`}>{t("reviews.outcome.print")}</Link>
          </p>
        </section>
      ) : null}

      {data.isOwn && review.status === "recorded" ? (
        <section id="felt-heard" aria-labelledby="heard-heading" className="card">
          <h2 id="heard-heading">{t("reviews.heard.heading")}</h2>
          {review.feltHeard ? (
            <p role="status">{t("reviews.heard.thanks", { answer: t(`reviews.heard.${review.feltHeard.answer}`) })}</p>
          ) : data.mayAnswer ? (
            <Form method="post" id="feltHeard" className="form" noValidate>
              <input type="hidden" name="intent" value="feltHeard" />
              <FormError id="feltHeard-error" errors={heardReply.errors("") ?? undefined} />
              <fieldset
                className={heardReply.errors("answer")?.length ? "field field--invalid choice" : "field choice"}
                aria-describedby={heardReply.errors("answer")?.length ? "feltHeard-answer-error" : undefined}
              >
                <legend>{t("reviews.heard.question")}</legend>
                {FELT_HEARD_ANSWERS.map((a) => (
                  <label key={a} className="choice__option">
                    <input type="radio" name="answer" value={a} defaultChecked={heardReply.typed("answer") === a} /> {t(`reviews.heard.${a}`)}
                  </label>
                ))}
                <FieldError id="feltHeard-answer-error" errors={heardReply.errors("answer") ?? undefined} />
              </fieldset>
              <PlainField formId="feltHeard" name="comment" label={t("reviews.heard.comment")} errors={heardReply.errors("comment")}>
                {(control) => <textarea {...control} rows={3} maxLength={FELT_HEARD_COMMENT_MAX} defaultValue={heardReply.typed("comment")} />}
              </PlainField>
              <p className="field__hint">{t("reviews.heard.private")}</p>
              <button type="submit" className="button button--primary">
                {t("reviews.heard.send")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section id="statement" aria-labelledby="statement-heading">
        <h2 id="statement-heading">{t(data.isOwn ? "reviews.statement.headingOwn" : "reviews.statement.heading")}</h2>
        {data.mayWriteStatement ? (
          <Form method="post" id="statement-form" className="form card" noValidate>
            <input type="hidden" name="intent" value="statement" />
            <p className="muted">{t("reviews.statement.hint")}</p>
            <FormError id="statement-form-error" errors={statementReply.errors("") ?? undefined} />
            {(["wentWell", "worries", "talkAbout"] as const).map((name) => (
              <PlainField key={name} formId="statement-form" name={name} label={t(`reviews.statement.${name}Own`)} errors={statementReply.errors(name)}>
                {(control) => <textarea {...control} rows={4} maxLength={STATEMENT_MAX} defaultValue={statementReply.typed(name, statement?.[name] ?? "")} />}
              </PlainField>
            ))}
            <fieldset className="field">
              <legend>{t("reviews.statement.domainsOwn")}</legend>
              <div className="choice-grid">
                <DomainCheckboxes name="domains" chosen={statementDomains} labelClass="choice__option" />
              </div>
            </fieldset>
            <NotWantedChoice people={data.people} chosen={notWantedChosen} errors={statementReply.errors("notWantedIds") ?? undefined} />
            <PlainField
              formId="statement-form"
              name="notWanted"
              label={t(data.people.length ? "reviews.statement.notWantedOthersOwn" : "reviews.statement.notWantedOwn")}
              hint={data.people.length ? undefined : t("reviews.statement.notWantedHint")}
              errors={statementReply.errors("notWanted")}
            >
              {(control) => <textarea {...control} rows={2} maxLength={500} defaultValue={statementReply.typed("notWanted", statement?.notWanted ?? "")} />}
            </PlainField>
            <button type="submit" className="button button--primary">
              {t("reviews.statement.save")}
            </button>
          </Form>
        ) : (
          <StatementText statement={statement} names={names} />
        )}
      </section>

      {/* The pack is long (goals, steps, ratings, contacts, documents): open for whoever prepares the review,
          folded for the young person and the others, whose part is their own words above (decision 027). */}
      {data.pack ? (
        <details className="fold" id="pack" open={data.mayManage || undefined}>
          <summary>
            <h2 className="fold__title">{t("reviews.pack.heading")}</h2>
          </summary>
          <ReviewPackView youngPersonId={youngPerson.id} pack={data.pack} />
        </details>
      ) : null}

      {data.mayManage && review.status === "scheduled" ? (
        <section id="focus" aria-labelledby="focus-heading">
          <h2 id="focus-heading">{t("reviews.focus.heading")}</h2>
          <Form method="post" id="focus-form" className="form card" noValidate>
            <input type="hidden" name="intent" value="focus" />
            <FormError id="focus-form-error" errors={focusReply.errors("") ?? undefined} />
            <fieldset
              className={focusReply.errors("focus")?.length ? "field field--invalid" : "field"}
              aria-describedby={focusReply.errors("focus")?.length ? "focus-form-focus-error" : undefined}
            >
              <legend>{t("reviews.focus.legend")}</legend>
              <div className="choice-grid">
                <DomainCheckboxes name="focus" chosen={focusChosen} labelClass="choice__option" />
              </div>
              <FieldError id="focus-form-focus-error" errors={focusReply.errors("focus") ?? undefined} />
            </fieldset>
            <button type="submit" className="button">
              {t("reviews.focus.save")}
            </button>
          </Form>
        </section>
      ) : null}

      {data.mayMove ? <MoveReviewForms review={review} today={data.today} moveReply={moveReply} cancelReply={cancelReply} /> : null}

      {data.mayRecord && data.pack ? (
        <section id="record" aria-labelledby="record-heading">
          <h2 id="record-heading">{t("reviews.record.heading")}</h2>
          <Form method="post" id="record" className="form card" noValidate>
            <input type="hidden" name="intent" value="record" />
            <input type="hidden" name="version" value={review.version} />
            <FormError id="record-error" errors={recordReply.errors("") ?? undefined} />
            {data.pack.focus.map((d) => (
              <PlainField
                key={d}
                formId="record"
                name={`decision_${d}`}
                label={t("reviews.record.decision", { domain: t(`domains.${d}.name`) })}
                errors={recordReply.errors(`decision_${d}`)}
              >
                {(control) => <textarea {...control} rows={3} maxLength={STATEMENT_MAX} defaultValue={recordReply.typed(`decision_${d}`)} />}
              </PlainField>
            ))}
            <fieldset className="field">
              <legend>{t("reviews.record.attended")}</legend>
              {review.participants.map((p) => (
                <label key={p.id} className="choice__option">
                  <input type="checkbox" name="attended" value={p.id} defaultChecked={attended.has(p.id)} /> {p.name}
                </label>
              ))}
            </fieldset>
            {NEW_GOAL_ROWS.map((i) => (
              <fieldset key={i} className="review-goal-row">
                <legend>{t("reviews.record.newGoal", { number: i + 1 })}</legend>
                <PlainField formId="record" name={`goal${i}_title`} label={t("reviews.record.goalTitle")} errors={recordReply.errors(`goal${i}_title`)}>
                  {(control) => <input {...control} type="text" maxLength={200} defaultValue={recordReply.typed(`goal${i}_title`)} />}
                </PlainField>
                <PlainField formId="record" name={`goal${i}_domain`} label={t("reviews.record.goalDomain")} errors={recordReply.errors(`goal${i}_domain`)}>
                  {(control) => (
                    <select {...control} defaultValue={recordReply.typed(`goal${i}_domain`, data.pack?.focus[i] ?? "")}>
                      <option value="">–</option>
                      <DomainOptions />
                    </select>
                  )}
                </PlainField>
                <OwnerAndDueFields reply={recordReply} prefix={`goal${i}`} dueLabel={t("reviews.record.goalDue")} />
              </fieldset>
            ))}
            <ChangeGoalRows reply={recordReply} goals={data.pack.openGoals} />
            <PlainField formId="record" name="nextReviewOn" label={t("reviews.record.next")} errors={recordReply.errors("nextReviewOn")}>
              {(control) => <input {...control} type="date" min={data.today} max="2099-12-31" defaultValue={recordReply.typed("nextReviewOn")} />}
            </PlainField>
            <button type="submit" className="button button--primary">
              {t("reviews.record.save")}
            </button>
          </Form>
        </section>
      ) : data.mayManage && review.status === "scheduled" ? (
        <p className="muted">{t("reviews.record.later", { date: date(review.heldOn) })}</p>
      ) : null}
    </>
  );
}
