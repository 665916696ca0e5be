import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, formReply, PlainField, useFocusFirstInvalid, type FormReplyData } from "~/components/form";
import { ContactList, EarlierMentorship, MeetingText, RhythmFlag } from "~/components/mentoring";
import { PhaseLine } from "~/components/phase";
import { downloadPath } from "~/domain/calendar";
import { fieldErrorsOf } from "~/domain/form-errors";
import { MENTORSHIP_CLOSE_REASONS, type Locale } from "~/domain/vocabulary";
import {
  closeMentorship,
  linkMentor,
  mentorCandidates,
  mentoringOverview,
  saveYouthNote,
  setCareEndDates,
  setMentorshipPaused,
} from "~/models/mentorships.server";
import { formatDate } from "~/utils/format";
import { forms, parseFields, parseForm } from "~/utils/forms.server";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requireIntent, requirePlan } from "~/utils/plan-access.server";
import { keepDataAfterFormErrors } from "~/utils/revalidate";
import type { TranslationHandle } from "~/utils/i18n";
import { saved } from "~/utils/flash.server";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = {
  i18n: ["calendar", "countdown", "documents", "domains", "feedback.mentor", "help", "mentoring", "org.home", "pages.print", "phase", "plan"],
};

export const shouldRevalidate = keepDataAfterFormErrors;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "mentorship.view");
  const mayManage = access.allowed("mentorship.manage");
  const overview = mentoringOverview(access.plan.youngPersonId, access.viewer, access.today);
  invariantResponse(overview, "Not found");
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const isOwn = access.user.role === "youth";
  return json({
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${isOwn ? t("mentoring.titleOwn") : t("mentoring.titleOf", { name: overview.youngPerson.displayName })} · ${t("app.name")}`,
    isOwn,
    overview,
    candidates: mayManage && !overview.open ? mentorCandidates(access.user.organisationId) : [],
    may: {
      manage: mayManage,
      editRecord: access.allowed("case.editRecord"),
      logContact: access.allowed("mentorship.logContact") && Boolean(overview.open?.isMine) && overview.open?.status === "active",
      writeYouthNote: access.allowed("mentorship.writeYouthNote"),
    },
  });
}

/** What each form of the page needs from the policy. */
const INTENTS = {
  link: { action: "mentorship.manage" },
  status: { action: "mentorship.manage" },
  close: { action: "mentorship.manage" },
  youthNote: { action: "mentorship.writeYouthNote" },
  careEnd: { action: "case.editRecord" },
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "mentorship.view");
  const youngPersonId = access.plan.youngPersonId;
  const here = `/plan/${youngPersonId}/mentoring`;
  const formData = await readFormData(request);
  const intent = requireIntent(access, formData.get("intent"), INTENTS);

  if (intent === "link") {
    const submission = parseForm(formData, forms.linkMentor);
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    const problem = linkMentor(youngPersonId, access.user.id, submission.value.mentorId, access.today);
    if (problem) return json({ intent, result: submission.reply({ fieldErrors: fieldErrorsOf([problem]) }) }, { status: 400 });
    return redirect(`${here}#mentor`, saved());
  }
  if (intent === "status") {
    const change = parseFields(formData, forms.mentorshipStatus);
    invariantResponse(change, "Bad request", { status: 400 });
    const changed = setMentorshipPaused(youngPersonId, change.mentorshipId, access.user.id, change.to === "paused", access.today);
    invariantResponse(changed, "Not found");
    return redirect(`${here}#mentor`, saved());
  }
  if (intent === "close") {
    const submission = parseForm(formData, forms.closeMentorship);
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    invariantResponse(closeMentorship(youngPersonId, submission.value.mentorshipId, access.user.id, submission.value, access.today), "Not found");
    return redirect(`${here}#earlier`, saved());
  }
  if (intent === "youthNote") {
    const submission = parseForm(formData, forms.youthNote);
    const formIntent = `youthNote:${String(formData.get("mentorshipId") ?? "")}`;
    if (submission.status !== "success") return json({ intent: formIntent, result: submission.reply() }, { status: 400 });
    invariantResponse(saveYouthNote(youngPersonId, submission.value.mentorshipId, access.user.id, submission.value.youthNote), "Not found");
    return redirect(`${here}#earlier`, saved());
  }
  if (intent === "careEnd") {
    const submission = parseForm(formData, forms.careEnd);
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    const problems = setCareEndDates(youngPersonId, access.user.id, submission.value, access.today);
    if (problems.length) return json({ intent, result: submission.reply({ fieldErrors: fieldErrorsOf(problems) }) }, { status: 400 });
    return redirect(`${here}#window`, saved());
  }
  throw new Response("Bad request", { status: 400 });
}

/**
 * The reply to the form that was posted, if it was this one. These forms use plain fields rather than
 * conform's client hooks, so this page ships no form library (docs/decisions/005-javascript-budget.md);
 * the server still validates every submission and the reply carries the errors and what was typed.
 */
function useReplyFor(intent: string, formId?: string) {
  const data = useActionData<typeof action>();
  const result = data?.intent === intent ? (data.result as FormReplyData) : null;
  useFocusFirstInvalid(formId ?? intent, result);
  return formReply(result);
}

function CareEndForm({ planned, actual }: { planned: string; actual: string | null }) {
  const { t } = useTranslation();
  const reply = useReplyFor("careEnd", "care-end");
  return (
    <details open={reply.posted ? true : undefined}>
      <summary>{t("mentoring.window.change")}</summary>
      <Form method="post" className="form" id="care-end" noValidate>
        <input type="hidden" name="intent" value="careEnd" />
        <div className="field-row">
          <PlainField formId="care-end" name="plannedCareEndDate" label={t("mentoring.window.planned")} errors={reply.errors("plannedCareEndDate")}>
            {(control) => <input {...control} type="date" min="2000-01-01" max="2099-12-31" defaultValue={reply.typed("plannedCareEndDate", planned)} />}
          </PlainField>
          <PlainField
            formId="care-end"
            name="actualCareEndDate"
            label={t("mentoring.window.actual")}
            hint={t("mentoring.window.actualHint")}
            errors={reply.errors("actualCareEndDate")}
          >
            {(control) => <input {...control} type="date" min="2000-01-01" max="2099-12-31" defaultValue={reply.typed("actualCareEndDate", actual ?? "")} />}
          </PlainField>
        </div>
        <button type="submit" className="button">
          {t("mentoring.window.save")}
        </button>
      </Form>
    </details>
  );
}

function LinkMentorForm({ candidates }: { candidates: ReadonlyArray<{ id: string; displayName: string }> }) {
  const { t } = useTranslation();
  const reply = useReplyFor("link", "link-mentor");
  if (candidates.length === 0) return <p className="muted">{t("mentoring.link.noCandidates")}</p>;
  return (
    <Form method="post" className="form" id="link-mentor" noValidate>
      <input type="hidden" name="intent" value="link" />
      <PlainField formId="link-mentor" name="mentorId" label={t("mentoring.link.mentor")} errors={reply.errors("mentorId")}>
        {(control) => (
          <select {...control} defaultValue={reply.typed("mentorId")}>
            <option value="">{t("mentoring.link.choose")}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </select>
        )}
      </PlainField>
      <button type="submit" className="button button--primary">
        {t("mentoring.link.submit")}
      </button>
    </Form>
  );
}

function CloseForm({ mentorshipId }: { mentorshipId: string }) {
  const { t } = useTranslation();
  const reply = useReplyFor("close", "close-mentorship");
  return (
    <details open={reply.posted ? true : undefined}>
      <summary>{t("mentoring.close.open")}</summary>
      <Form method="post" className="form" id="close-mentorship" noValidate>
        <input type="hidden" name="intent" value="close" />
        <input type="hidden" name="mentorshipId" value={mentorshipId} />
        <PlainField formId="close-mentorship" name="reason" label={t("mentoring.close.reason")} errors={reply.errors("reason")}>
          {(control) => (
            <select {...control} defaultValue={reply.typed("reason")}>
              <option value="">{t("mentoring.close.chooseReason")}</option>
              {MENTORSHIP_CLOSE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`mentoring.closeReasons.${r}`)}
                </option>
              ))}
            </select>
          )}
        </PlainField>
        <PlainField
          formId="close-mentorship"
          name="handoverNote"
          label={t("mentoring.close.handoverNote")}
          hint={t("mentoring.close.handoverHint")}
          errors={reply.errors("handoverNote")}
        >
          {(control) => <textarea {...control} rows={4} maxLength={2000} defaultValue={reply.typed("handoverNote")} />}
        </PlainField>
        <button type="submit" className="button button--danger">
          {t("mentoring.close.submit")}
        </button>
      </Form>
    </details>
  );
}

function YouthNoteForm({ mentorshipId, current }: { mentorshipId: string; current: string | null }) {
  const { t } = useTranslation();
  const formId = `youth-note-${mentorshipId}`;
  const reply = useReplyFor(`youthNote:${mentorshipId}`, formId);
  return (
    <details open={reply.posted || !current ? true : undefined}>
      <summary>{current ? t("mentoring.youthNote.edit") : t("mentoring.youthNote.write")}</summary>
      <Form method="post" className="form" id={formId} noValidate>
        <input type="hidden" name="intent" value="youthNote" />
        <input type="hidden" name="mentorshipId" value={mentorshipId} />
        <PlainField
          formId={formId}
          name="youthNote"
          label={t("mentoring.youthNote.label")}
          hint={t("mentoring.youthNote.hint")}
          errors={reply.errors("youthNote")}
        >
          {(control) => <textarea {...control} rows={4} maxLength={2000} defaultValue={reply.typed("youthNote", current ?? "")} />}
        </PlainField>
        <button type="submit" className="button">
          {t("mentoring.youthNote.save")}
        </button>
      </Form>
    </details>
  );
}

export default function MentoringPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { overview, isOwn, candidates, may } = useLoaderData<typeof loader>();
  const { youngPerson, window, open, earlier, contacts } = overview;
  const base = `/plan/${youngPerson.id}`;
  // A link refused because someone else linked a mentor meanwhile (a stale page): say so above the mentor.
  const linkReply = useReplyFor("link");
  const refusedLink = open ? linkReply.errors("mentorId") : undefined;
  return (
    <>
      <p className="breadcrumb">
        <Link to={base}>{t("plan.backToPlan")}</Link>
      </p>
      <LoaderPrintHeader />
      <h1>{isOwn ? t("mentoring.titleOwn") : t("mentoring.titleOf", { name: youngPerson.displayName })}</h1>
      <PhaseLine summary={overview.summary} />

      <section id="window" aria-labelledby="window-heading" className="card">
        <h2 id="window-heading">{t("mentoring.window.title")}</h2>
        <p>{t("mentoring.window.dates", { from: formatDate(window.start, locale), to: formatDate(window.end, locale) })}</p>
        <p className="muted">{t(isOwn ? "mentoring.window.explainOwn" : "mentoring.window.explain")}</p>
        {may.editRecord ? <CareEndForm planned={youngPerson.plannedCareEndDate} actual={youngPerson.actualCareEndDate} /> : null}
      </section>

      <section id="mentor" aria-labelledby="mentor-heading" className="card">
        <h2 id="mentor-heading">{isOwn ? t("mentoring.mentor.titleOwn") : t("mentoring.mentor.title")}</h2>
        {open ? (
          <>
            <FormError id="link-refused" errors={refusedLink ?? undefined} />
            <p className="mentor-line">
              <strong>{open.mentor.displayName}</strong>{" "}
              <span className={`status status--mentorship-${open.status}`}>{t(`mentoring.status.${open.status}`)}</span>
            </p>
            <p className="muted">
              {t("mentoring.mentor.since", { date: formatDate(open.startedOn, locale) })}
              {open.pausedOn ? ` · ${t("mentoring.mentor.pausedSince", { date: formatDate(open.pausedOn, locale) })}` : ""}
            </p>
            <dl className="facts facts--stacked">
              <div>
                <dt>{t("mentoring.lastContact")}</dt>
                <dd>{open.lastContactOn ? formatDate(open.lastContactOn, locale) : t("mentoring.noContactYet")}</dd>
              </div>
              <div>
                <dt>{t("mentoring.nextMeeting")}</dt>
                <dd>
                  <MeetingText meeting={open.nextMeeting} />
                  {open.nextMeeting ? (
                    <>
                      {" · "}
                      <a href={downloadPath(youngPerson.id, "meeting", open.id)} download>
                        {t("calendar.addShort")}
                      </a>
                    </>
                  ) : null}
                </dd>
              </div>
              {!isOwn ? (
                <div>
                  <dt>{t("mentoring.rhythm.label", { count: overview.rhythmDays })}</dt>
                  <dd>
                    <RhythmFlag rhythm={open.rhythm} />
                  </dd>
                </div>
              ) : null}
            </dl>
            {may.logContact ? (
              <p>
                <Link to={`${base}/mentoring/contact`} className="button button--primary">
                  {t("mentoring.log.add")}
                </Link>
              </p>
            ) : null}
            {may.manage ? (
              <div className="mentorship-actions">
                <Form method="post">
                  <input type="hidden" name="intent" value="status" />
                  <input type="hidden" name="mentorshipId" value={open.id} />
                  <input type="hidden" name="to" value={open.status === "paused" ? "active" : "paused"} />
                  <button type="submit" className="button">
                    {open.status === "paused" ? t("mentoring.resume") : t("mentoring.pause")}
                  </button>
                </Form>
                <CloseForm mentorshipId={open.id} />
              </div>
            ) : null}
          </>
        ) : (
          <>
            <p>{isOwn ? t("mentoring.mentor.noneOwn") : t("mentoring.mentor.none")}</p>
            {may.manage ? <LinkMentorForm candidates={candidates} /> : null}
          </>
        )}
      </section>

      <section id="log" aria-labelledby="log-heading">
        <h2 id="log-heading">{t("mentoring.log.title")}</h2>
        {isOwn ? <p className="muted">{t("mentoring.log.introOwn")}</p> : null}
        <ContactList contacts={contacts} />
      </section>

      {earlier.length ? (
        <section id="earlier" aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">{t("mentoring.earlier.title")}</h2>
          <ul className="earlier-list">
            {earlier.map((m) => (
              <EarlierMentorship key={m.id} mentorship={m}>
                {may.writeYouthNote ? <YouthNoteForm mentorshipId={m.id} current={m.youthNote} /> : null}
              </EarlierMentorship>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
