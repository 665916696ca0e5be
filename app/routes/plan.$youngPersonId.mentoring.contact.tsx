import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldError, FormError, formReply, PlainField, useFocusFirstInvalid } from "~/components/form";
import { fieldErrorsOf } from "~/domain/form-errors";
import { CONTACT_DURATION_MAX_MINUTES, readableContact } from "~/domain/mentoring";
import { CONTACT_CHANNELS } from "~/domain/vocabulary";
import { DomainCheckboxes } from "~/components/domain-options";
import { contactFormContext, contactRuleProblems, logContact } from "~/models/mentorships.server";
import { nextStepChoices, writeNextStep } from "~/models/next-step.server";
import type { NextStepChoices } from "~/domain/next-step-form";
import { NextStepFields } from "~/components/next-step-fields";
import { forms, parseForm, readNextStep } from "~/utils/forms.server";
import { invariantResponse, newFormToken, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requirePlan } from "~/utils/plan-access.server";
import { keepDataAfterFormErrors } from "~/utils/revalidate";
import type { TranslationHandle } from "~/utils/i18n";
import { saved } from "~/utils/flash.server";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["domains", "mentoring", "pages.print", "weekly.nextStep"] };

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
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${t("mentoring.contact.title")} · ${youngPerson.displayName} · ${t("app.name")}`,
    youngPerson,
    today: access.today,
    windowStart,
    formToken: newFormToken(),
    // The optional next step: only if the policy lets this mentor propose one (decision 026).
    nextStep: access.viewer.actions.has("plan.suggestStep") ? nextStepChoices(access.plan.youngPersonId, (d) => access.sees(d)) : null,
  });
}

function nextStepOf(formData: FormData, choices: NextStepChoices | null, today: string) {
  const parsed = forms.contactNextStep.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { step: null, problems: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? "nextStepTitle"), error: issue.message })) };
  }
  return readNextStep(parsed.data, choices, today);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "mentorship.logContact");
  requireOwnActiveMentorship(access);
  const formData = await readFormData(request);
  const submission = parseForm(formData, forms.contact);
  const choices = access.viewer.actions.has("plan.suggestStep") ? nextStepChoices(access.plan.youngPersonId, (d) => access.sees(d)) : null;
  const next = nextStepOf(formData, choices, access.today);
  if (submission.status !== "success") {
    // Also the rules that need the window and today, on what could be read: every problem in one round.
    const more = contactRuleProblems(access.plan.youngPersonId, access.user.id, readableContact(submission.payload), access.today);
    const fieldErrors = { ...fieldErrorsOf([...more, ...next.problems]), ...nonEmpty(submission.error) };
    return json(submission.reply({ fieldErrors }), { status: 400 });
  }
  if (next.problems.length) return json(submission.reply({ fieldErrors: fieldErrorsOf(next.problems) }), { status: 400 });
  const step = next.step;
  const mentorId = access.user.id;
  const problems = logContact(
    access.plan.youngPersonId,
    mentorId,
    submission.value,
    access.today,
    step ? (tx, { contactId, planId }) => writeNextStep(tx, { planId, mentorId, contactId, step }) : undefined,
  );
  if (problems.length) return json(submission.reply({ fieldErrors: fieldErrorsOf(problems) }), { status: 400 });
  return redirect(`/plan/${access.plan.youngPersonId}/mentoring#log`, saved("logged"));
}

function nonEmpty(errors: Record<string, string[] | null> | null | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors ?? {}).filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length)));
}

export default function LogContactPage() {
  const { t } = useTranslation();
  const { youngPerson, today, windowStart, formToken, nextStep } = useLoaderData<typeof loader>();
  // The server's reply read without conform's client code (decision 005), so the page's JS stays in budget.
  const result = useActionData<typeof action>();
  const reply = formReply(result);
  useFocusFirstInvalid("contact", result);
  const typedList = (name: string): string[] => {
    const value = result?.initialValue?.[name];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];
  };
  const topics = new Set(typedList("topics"));
  const choiceErrors = (name: string) => {
    const errors = reply.errors(name) ?? undefined;
    return { errors, invalid: Boolean(errors?.length), errorId: `contact-${name}-error` };
  };
  const made = choiceErrors("made");
  const channel = choiceErrors("channel");
  const typedMade = reply.typed("made", "yes");
  const typedChannel = reply.typed("channel");
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/plan/${youngPerson.id}/mentoring`}>{t("mentoring.contact.back")}</Link>
      </p>
      <LoaderPrintHeader />
      <h1>{t("mentoring.contact.title")}</h1>
      <p className="muted">{t("mentoring.contact.with", { name: youngPerson.displayName })}</p>
      <Form method="post" className="form card" id="contact" noValidate>
        <input type="hidden" name="clientToken" value={reply.typed("clientToken", formToken)} />
        <FormError id="contact-error" errors={reply.errors("") ?? undefined} />
        <PlainField formId="contact" name="contactOn" label={t("mentoring.contact.date")} errors={reply.errors("contactOn")}>
          {(control) => <input {...control} type="date" defaultValue={reply.typed("contactOn", today)} min={windowStart} max={today} />}
        </PlainField>

        <fieldset className={made.invalid ? "field field--invalid" : "field"} aria-describedby={made.invalid ? made.errorId : undefined}>
          <legend>{t("mentoring.contact.made")}</legend>
          {(["yes", "no"] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="made" value={value} defaultChecked={typedMade === value} /> {t(`mentoring.contact.made_${value}`)}
            </label>
          ))}
          <FieldError id={made.errorId} errors={made.errors} />
        </fieldset>

        <fieldset className={channel.invalid ? "field field--invalid" : "field"} aria-describedby={channel.invalid ? channel.errorId : undefined}>
          <legend>{t("mentoring.contact.channel")}</legend>
          <div className="choice-grid">
            {CONTACT_CHANNELS.map((value) => (
              <label key={value} className="choice">
                <input type="radio" name="channel" value={value} defaultChecked={typedChannel === value} /> {t(`mentoring.channels.${value}`)}
              </label>
            ))}
          </div>
          <FieldError id={channel.errorId} errors={channel.errors} />
        </fieldset>

        <PlainField
          formId="contact"
          name="durationMinutes"
          label={t("mentoring.contact.duration")}
          hint={t("mentoring.contact.durationHint")}
          errors={reply.errors("durationMinutes")}
        >
          {(control) => (
            <input {...control} type="number" defaultValue={reply.typed("durationMinutes")} min={1} max={CONTACT_DURATION_MAX_MINUTES} inputMode="numeric" />
          )}
        </PlainField>

        <fieldset className="field">
          <legend>{t("mentoring.contact.topics")}</legend>
          <div className="choice-grid">
            <DomainCheckboxes name="topics" chosen={topics} labelClass="choice" />
          </div>
          <FieldError id="contact-topics-error" errors={reply.errors("topics") ?? undefined} />
        </fieldset>

        <PlainField formId="contact" name="note" label={t("mentoring.contact.note")} errors={reply.errors("note")}>
          {(control) => <textarea {...control} rows={4} maxLength={2000} defaultValue={reply.typed("note")} />}
        </PlainField>
        <label className="choice">
          <input type="checkbox" name="notePrivate" value="on" defaultChecked={reply.typed("notePrivate") === "on"} /> {t("mentoring.contact.notePrivate")}
        </label>
        <p className="field__hint">{t("mentoring.contact.notePrivateHint")}</p>

        <div className="field-row">
          <PlainField formId="contact" name="nextMeetingOn" label={t("mentoring.contact.nextMeetingOn")} errors={reply.errors("nextMeetingOn")}>
            {(control) => <input {...control} type="date" defaultValue={reply.typed("nextMeetingOn")} min="2000-01-01" max="2099-12-31" />}
          </PlainField>
          <PlainField
            formId="contact"
            name="nextMeetingTime"
            label={t("mentoring.contact.nextMeetingTime")}
            hint={t("mentoring.contact.timeHint")}
            errors={reply.errors("nextMeetingTime")}
          >
            {(control) => <input {...control} type="time" defaultValue={reply.typed("nextMeetingTime")} />}
          </PlainField>
        </div>
        {nextStep ? <NextStepFields choices={nextStep} reply={reply} today={today} /> : null}
        <button type="submit" className="button button--primary">
          {t("mentoring.contact.save")}
        </button>
      </Form>
    </>
  );
}
