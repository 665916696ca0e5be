import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldError, FormError, formReply, PlainField, useFocusFirstInvalid } from "~/components/form";
import { AskForReview, NotWantedWarning, ReviewDueLine, useReviewDate } from "~/components/reviews";
import { fieldErrorsOf } from "~/domain/form-errors";
import { notWantedForScheduling, planPeople, requestReview, reviewsOf, reviewStates, scheduleReview } from "~/models/reviews.server";
import { getCaseCard } from "~/models/young-people.server";
import { actorOf } from "~/utils/authz.server";
import { forms, parseForm } from "~/utils/forms.server";
import { invariantResponse, newFormToken, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requireIntent, requirePlan } from "~/utils/plan-access.server";
import { keepDataAfterFormErrors } from "~/utils/revalidate";
import { shortReply } from "~/utils/review-forms.server";
import type { TranslationHandle } from "~/utils/i18n";
import reviewStyles from "~/styles/reviews.css";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["documents.kinds", "domains", "pages.print", "plan.owner", "reviews"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewStyles }];

export const shouldRevalidate = keepDataAfterFormErrors;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

const INTENTS = {
  request: { action: "review.request" },
  schedule: { action: "review.manage" },
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "review.view");
  const card = getCaseCard(actorOf(access.user), access.plan.youngPersonId, access.today);
  invariantResponse(card, "Not found");
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const isOwn = access.viewer.relation === "self";
  const state = reviewStates([card.id], access.today).get(card.id)!;
  const mayManage = access.allowed("review.manage");
  return json({
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${t("reviews.title")} · ${card.displayName} · ${t("app.name")}`,
    youngPerson: { id: card.id, displayName: card.displayName },
    isOwn,
    today: access.today,
    due: state.due,
    requestedOn: state.requestedOn,
    mayRequest: access.allowed("review.request"),
    mayManage,
    reviews: reviewsOf(card.id, access.viewer),
    people: mayManage ? planPeople(card.id) : [],
    // The young person's newest "who I don't want there", for whoever plans the meeting (decision 025).
    notWanted: mayManage ? notWantedForScheduling(card.id) : { ids: [], words: "" },
    formToken: newFormToken(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "review.view");
  const formData = await readFormData(request);
  const intent = requireIntent(access, formData.get("intent"), INTENTS);
  const base = `/plan/${access.plan.youngPersonId}/reviews`;
  if (intent === "request") {
    requestReview(access.plan.youngPersonId, access.user.id, access.today);
    return redirect(`${base}?asked=1`);
  }
  const submission = parseForm(formData, forms.scheduleReview);
  if (submission.status !== "success") return json(shortReply(submission.reply()), { status: 400 });
  const others = (submission.value.others ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 10);
  const result = scheduleReview(access.plan.youngPersonId, access.user.id, {
    date: submission.value.date,
    time: submission.value.time,
    place: submission.value.place,
    videoLink: submission.value.videoLink,
    participantIds: submission.value.participants,
    others,
    clientToken: submission.value.clientToken,
  });
  if (result.status === "problems") return json(shortReply(submission.reply({ fieldErrors: fieldErrorsOf(result.problems) })), { status: 400 });
  return redirect(`${base}/${result.id}`);
}

export default function ReviewsPage() {
  const { t } = useTranslation();
  const date = useReviewDate();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const reply = formReply(result);
  useFocusFirstInvalid("schedule", result);
  const base = `/plan/${data.youngPerson.id}`;
  const typedParticipants = new Set(
    ((v) => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []))(result?.initialValue?.participants).filter((v): v is string => typeof v === "string"),
  );
  const participantErrors = reply.errors("participants");
  return (
    <>
      <p className="breadcrumb">
        <Link to={base}>{data.isOwn ? t("reviews.backOwn") : t("reviews.back", { name: data.youngPerson.displayName })}</Link>
      </p>
      <LoaderPrintHeader />
      <h1>{t("reviews.title")}</h1>
      <p>
        <ReviewDueLine due={data.due} />
      </p>

      {data.mayRequest ? (
        <section className="card" aria-labelledby="ask-heading">
          <h2 id="ask-heading">{t("reviews.request.heading")}</h2>
          <AskForReview youngPersonId={data.youngPerson.id} requestedOn={data.requestedOn} />
        </section>
      ) : data.requestedOn ? (
        <p className="notice" role="status">
          {t("reviews.request.requested", { date: date(data.requestedOn) })}
        </p>
      ) : null}

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t("reviews.list.heading")}</h2>
        {data.reviews.length === 0 ? (
          <p className="muted">{t("reviews.list.none")}</p>
        ) : (
          <ul className="card-list">
            {data.reviews.map((r) => (
              <li key={r.id} className="card">
                <Link to={`${base}/reviews/${r.id}`}>{t("reviews.list.item", { date: date(r.heldOn), time: r.time })}</Link>{" "}
                <span className="muted">· {t(`reviews.status.${r.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.mayManage ? (
        <section aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">{t("reviews.schedule.heading")}</h2>
          <Form method="post" className="form card" id="schedule" noValidate>
            <input type="hidden" name="intent" value="schedule" />
            <input type="hidden" name="clientToken" value={reply.typed("clientToken", data.formToken)} />
            <FormError id="schedule-error" errors={reply.errors("") ?? undefined} />
            <div className="field-row">
              <PlainField formId="schedule" name="date" label={t("reviews.schedule.date")} errors={reply.errors("date")}>
                {(control) => <input {...control} type="date" min={data.today} max="2099-12-31" defaultValue={reply.typed("date")} />}
              </PlainField>
              <PlainField formId="schedule" name="time" label={t("reviews.schedule.time")} hint={t("reviews.schedule.timeHint")} errors={reply.errors("time")}>
                {(control) => <input {...control} type="time" defaultValue={reply.typed("time", "15:00")} />}
              </PlainField>
            </div>
            <PlainField formId="schedule" name="place" label={t("reviews.schedule.place")} errors={reply.errors("place")}>
              {(control) => <input {...control} type="text" maxLength={200} defaultValue={reply.typed("place")} />}
            </PlainField>
            <PlainField
              formId="schedule"
              name="videoLink"
              label={t("reviews.schedule.videoLink")}
              hint={t("reviews.schedule.videoHint")}
              errors={reply.errors("videoLink")}
            >
              {(control) => <input {...control} type="url" inputMode="url" maxLength={500} defaultValue={reply.typed("videoLink")} />}
            </PlainField>
            <fieldset
              className={participantErrors?.length ? "field field--invalid" : "field"}
              aria-describedby={participantErrors?.length ? "schedule-participants-error" : undefined}
            >
              <legend>{t("reviews.schedule.participants")}</legend>
              {data.notWanted.words ? <p className="notice">{t("reviews.notWanted.words", { words: data.notWanted.words })}</p> : null}
              {data.people.map((p) => {
                const notWanted = data.notWanted.ids.includes(p.userId);
                return (
                  <label key={p.userId} className="choice__option">
                    <input type="checkbox" name="participants" value={p.userId} defaultChecked={result ? typedParticipants.has(p.userId) : !notWanted} />{" "}
                    <span>
                      {p.displayName} <span className="muted">({t(`reviews.kinds.${p.kind}`)})</span>
                      {notWanted ? <NotWantedWarning /> : null}
                    </span>
                  </label>
                );
              })}
              <FieldError id="schedule-participants-error" errors={participantErrors ?? undefined} />
            </fieldset>
            <PlainField
              formId="schedule"
              name="others"
              label={t("reviews.schedule.others")}
              hint={t("reviews.schedule.othersHint")}
              errors={reply.errors("others")}
            >
              {(control) => <textarea {...control} rows={2} maxLength={1000} defaultValue={reply.typed("others")} />}
            </PlainField>
            <button type="submit" className="button button--primary">
              {t("reviews.schedule.save")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
