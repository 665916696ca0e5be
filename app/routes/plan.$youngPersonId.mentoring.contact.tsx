import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FieldError, FormError } from "~/components/form";
import { fieldErrorsOf } from "~/domain/form-errors";
import { CONTACT_DURATION_MAX_MINUTES, readableContact } from "~/domain/mentoring";
import { CONTACT_CHANNELS, DOMAINS } from "~/domain/vocabulary";
import { contactFormContext, contactRuleProblems, logContact } from "~/models/mentorships.server";
import { forms, parseForm } from "~/utils/forms.server";
import { invariantResponse, newFormToken, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requirePlan } from "~/utils/plan-access.server";
import { keepDataAfterFormErrors } from "~/utils/revalidate";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["domains", "mentoring"] };

export const shouldRevalidate = keepDataAfterFormErrors;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

/** Only the mentor of an active mentorship, inside the window (the policy), logs contacts. */
function requireOwnActiveMentorship(access: Awaited<ReturnType<typeof requirePlan>>) {
  const context = contactFormContext(access.plan.youngPersonId, access.user.id);
  invariantResponse(context, "Not found");
  return context;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "mentorship.logContact");
  const { youngPerson, windowStart } = requireOwnActiveMentorship(access);
  const t = getFixedT(resolveLocale(request, access.user.locale));
  return json({
    title: `${t("mentoring.contact.title")} · ${youngPerson.displayName} · ${t("app.name")}`,
    youngPerson,
    today: access.today,
    windowStart,
    formToken: newFormToken(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "mentorship.logContact");
  requireOwnActiveMentorship(access);
  const submission = parseForm(await readFormData(request), forms.contact);
  if (submission.status !== "success") {
    // Also the rules that need the window and today, on what could be read: every problem in one round.
    const more = contactRuleProblems(access.plan.youngPersonId, access.user.id, readableContact(submission.payload), access.today);
    const fieldErrors = { ...fieldErrorsOf(more), ...nonEmpty(submission.error) };
    return json(submission.reply({ fieldErrors }), { status: 400 });
  }
  const problems = logContact(access.plan.youngPersonId, access.user.id, submission.value, access.today);
  if (problems.length) return json(submission.reply({ fieldErrors: fieldErrorsOf(problems) }), { status: 400 });
  return redirect(`/plan/${access.plan.youngPersonId}/mentoring#log`);
}

function nonEmpty(errors: Record<string, string[] | null> | null | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors ?? {}).filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length)));
}

type ContactFields = {
  contactOn: string;
  made: string;
  channel: string;
  durationMinutes: string;
  topics: string[];
  note: string;
  notePrivate: string;
  nextMeetingOn: string;
  nextMeetingTime: string;
  clientToken: string;
};

export default function LogContactPage() {
  const { t } = useTranslation();
  const { youngPerson, today, windowStart, formToken } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<ContactFields>({
    id: "contact",
    lastResult,
    defaultValue: { contactOn: today, made: "yes", clientToken: formToken },
  });
  const topics = new Set((fields.topics.initialValue as string[] | string | undefined) ?? []);
  const checkedTopic = (d: string) => topics.has(d) || (typeof fields.topics.initialValue === "string" && fields.topics.initialValue === d);
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/plan/${youngPerson.id}/mentoring`}>{t("mentoring.contact.back")}</Link>
      </p>
      <h1>{t("mentoring.contact.title")}</h1>
      <p className="muted">{t("mentoring.contact.with", { name: youngPerson.displayName })}</p>
      <Form method="post" className="form card" {...getFormProps(form)}>
        <input {...getInputProps(fields.clientToken, { type: "hidden" })} />
        <FormError id={form.errorId} errors={form.errors} />
        <Field label={t("mentoring.contact.date")} field={fields.contactOn}>
          <input {...getInputProps(fields.contactOn, { type: "date" })} min={windowStart} max={today} />
        </Field>

        <fieldset className={fields.made.errors?.length ? "field field--invalid" : "field"} aria-describedby={fields.made.errors?.length ? fields.made.errorId : undefined}>
          <legend>{t("mentoring.contact.made")}</legend>
          {(["yes", "no"] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" name={fields.made.name} value={value} defaultChecked={(fields.made.initialValue ?? "yes") === value} />{" "}
              {t(`mentoring.contact.made_${value}`)}
            </label>
          ))}
          <FieldError id={fields.made.errorId} errors={fields.made.errors} />
        </fieldset>

        <fieldset className={fields.channel.errors?.length ? "field field--invalid" : "field"} aria-describedby={fields.channel.errors?.length ? fields.channel.errorId : undefined}>
          <legend>{t("mentoring.contact.channel")}</legend>
          <div className="choice-grid">
            {CONTACT_CHANNELS.map((channel) => (
              <label key={channel} className="choice">
                <input type="radio" name={fields.channel.name} value={channel} defaultChecked={fields.channel.initialValue === channel} />{" "}
                {t(`mentoring.channels.${channel}`)}
              </label>
            ))}
          </div>
          <FieldError id={fields.channel.errorId} errors={fields.channel.errors} />
        </fieldset>

        <Field label={t("mentoring.contact.duration")} hint={t("mentoring.contact.durationHint")} field={fields.durationMinutes}>
          <input
            {...getInputProps(fields.durationMinutes, { type: "number", ariaDescribedBy: fields.durationMinutes.descriptionId })}
            min={1}
            max={CONTACT_DURATION_MAX_MINUTES}
            inputMode="numeric"
          />
        </Field>

        <fieldset className="field">
          <legend>{t("mentoring.contact.topics")}</legend>
          <div className="choice-grid">
            {DOMAINS.map((d) => (
              <label key={d} className="choice">
                <input type="checkbox" name={fields.topics.name} value={d} defaultChecked={checkedTopic(d)} /> {t(`domains.${d}.name`)}
              </label>
            ))}
          </div>
          <FieldError id={fields.topics.errorId} errors={fields.topics.errors} />
        </fieldset>

        <Field label={t("mentoring.contact.note")} field={fields.note}>
          <textarea {...getTextareaProps(fields.note)} rows={4} maxLength={2000} />
        </Field>
        <label className="choice">
          <input type="checkbox" name={fields.notePrivate.name} value="on" defaultChecked={fields.notePrivate.initialValue === "on"} />{" "}
          {t("mentoring.contact.notePrivate")}
        </label>
        <p className="field__hint">{t("mentoring.contact.notePrivateHint")}</p>

        <div className="field-row">
          <Field label={t("mentoring.contact.nextMeetingOn")} field={fields.nextMeetingOn}>
            <input {...getInputProps(fields.nextMeetingOn, { type: "date" })} min="2000-01-01" max="2099-12-31" />
          </Field>
          <Field label={t("mentoring.contact.nextMeetingTime")} hint={t("mentoring.contact.timeHint")} field={fields.nextMeetingTime}>
            <input {...getInputProps(fields.nextMeetingTime, { type: "time", ariaDescribedBy: fields.nextMeetingTime.descriptionId })} />
          </Field>
        </div>
        <button type="submit" className="button button--primary">
          {t("mentoring.contact.save")}
        </button>
      </Form>
    </>
  );
}
