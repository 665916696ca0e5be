/** The organisation's review cadence form (issue 11), on the organisation settings page. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formReply, PlainField, type FormReplyData } from "./form";

/** The organisation's review cadence (organisation settings). */
export function ReviewCadenceForm({
  cadence,
  result,
}: {
  cadence: { preparationMonths: number; transitionMonths: number };
  result: FormReplyData | undefined;
}) {
  const { t } = useTranslation();
  const reply = formReply(result);
  return (
    <section aria-labelledby="cadence-heading">
      <h2 id="cadence-heading">{t("reviews.settings.heading")}</h2>
      <Form method="post" className="form card" id="cadence" noValidate>
        <input type="hidden" name="intent" value="reviewCadence" />
        <PlainField formId="cadence" name="preparationMonths" label={t("reviews.settings.preparation")} errors={reply.errors("preparationMonths")}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={12}
              inputMode="numeric"
              defaultValue={reply.typed("preparationMonths", String(cadence.preparationMonths))}
            />
          )}
        </PlainField>
        <PlainField formId="cadence" name="transitionMonths" label={t("reviews.settings.transition")} errors={reply.errors("transitionMonths")}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={12}
              inputMode="numeric"
              defaultValue={reply.typed("transitionMonths", String(cadence.transitionMonths))}
            />
          )}
        </PlainField>
        <button type="submit" className="button button--primary">
          {t("reviews.settings.save")}
        </button>
      </Form>
    </section>
  );
}
