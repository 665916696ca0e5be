import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formReply, PlainField, useFocusFirstInvalid, type FormReplyData } from "~/components/form";
import { ReviewCadenceForm } from "~/components/review-settings";
import { reviewCadence, setReviewCadence } from "~/models/reviews.server";
import { CONTACT_RHYTHM_MAX_DAYS, CONTACT_RHYTHM_MIN_DAYS } from "~/domain/mentoring";
import { contactRhythmDays, setContactRhythmDays } from "~/models/mentorships.server";
import { requireUser } from "~/utils/auth.server";
import { requireOrganisationAccess } from "~/utils/authz.server";
import { forms, parseForm } from "~/utils/forms.server";
import { readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["organisation", "reviews.settings", "reviews.errors.months"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.manageSettings");
  const t = getFixedT(resolveLocale(request, user.locale));
  return json({
    title: `${t("organisation.settings.title")} · ${t("app.name")}`,
    rhythmDays: contactRhythmDays(user.organisationId),
    reviewCadence: reviewCadence(user.organisationId),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.manageSettings");
  const formData = await readFormData(request);
  // Issue 11: the review cadence, a second form on the page.
  if (formData.get("intent") === "reviewCadence") {
    const cadence = parseForm(formData, forms.reviewCadence);
    if (cadence.status !== "success") return json({ ...cadence.reply(), cadenceForm: true }, { status: 400 });
    setReviewCadence(user.organisationId, cadence.value);
    return redirect("/organisation/settings?saved=1");
  }
  const submission = parseForm(formData, forms.contactRhythm);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  setContactRhythmDays(user.organisationId, submission.value.rhythmDays);
  return redirect("/organisation/settings?saved=1");
}

export default function OrganisationSettingsPage() {
  const { t } = useTranslation();
  const { rhythmDays, reviewCadence } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const cadenceResult = actionData && "cadenceForm" in actionData ? actionData : undefined;
  const lastResult = cadenceResult ? undefined : actionData;
  const [searchParams] = useSearchParams();
  // The server's reply read without conform's client code (decision 005): the page's JS stays in budget.
  const reply = formReply(lastResult as FormReplyData | undefined);
  useFocusFirstInvalid("organisation-settings", lastResult as FormReplyData | undefined);
  return (
    <>
      <h1>{t("organisation.settings.title")}</h1>
      {searchParams.get("saved") && !lastResult ? (
        <p className="notice" role="status">
          {t("organisation.settings.saved")}
        </p>
      ) : null}
      <Form method="post" className="form card" id="organisation-settings" noValidate>
        <PlainField
          formId="organisation-settings"
          name="rhythmDays"
          label={t("organisation.settings.rhythmDays")}
          hint={t("organisation.settings.rhythmHint", { min: CONTACT_RHYTHM_MIN_DAYS, max: CONTACT_RHYTHM_MAX_DAYS })}
          errors={reply.errors("rhythmDays")}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={CONTACT_RHYTHM_MIN_DAYS}
              max={CONTACT_RHYTHM_MAX_DAYS}
              inputMode="numeric"
              defaultValue={reply.typed("rhythmDays", String(rhythmDays))}
            />
          )}
        </PlainField>
        <button type="submit" className="button button--primary">
          {t("organisation.settings.save")}
        </button>
      </Form>
      <ReviewCadenceForm cadence={reviewCadence} result={cadenceResult} />
    </>
  );
}
