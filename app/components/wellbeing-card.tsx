/**
 * The monthly "how are you doing?" card (issue 11 item 8) on the young person's home and the well-being
 * page: its own file, so the home does not carry the trend chart (decision 030). `./wellbeing` re-exports it.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { WELLBEING_SCORES, WELLBEING_WORDS_MAX } from "~/domain/wellbeing";
import { FaceIcon } from "./face-icon";
import { FieldError, formReply, useFocusFirstInvalid, type FormReplyData } from "./form";

/**
 * The question as a card: five labelled radio buttons, optional words, "save" or "not now" (the skip is
 * recorded, so the question does not come back this month). A plain form posted to the record's
 * well-being page, which comes back to `returnTo`.
 */
export function WellbeingCard({ youngPersonId, returnTo, result }: { youngPersonId: string; returnTo: string; result?: FormReplyData | null }) {
  const { t } = useTranslation();
  const reply = formReply(result);
  useFocusFirstInvalid("wellbeing", result);
  const errors = reply.errors("score");
  const typed = reply.typed("score");
  return (
    <section className="card wellbeing-card" aria-labelledby="wellbeing-heading">
      <Form method="post" action={`/plan/${youngPersonId}/wellbeing`} id="wellbeing" noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <fieldset className={errors?.length ? "field field--invalid" : "field"} aria-describedby={errors?.length ? "wellbeing-score-error" : undefined}>
          <legend>
            <h2 id="wellbeing-heading" className="wellbeing-card__question">
              {t("wellbeing.question")}
            </h2>
          </legend>
          <div className="faces">
            {WELLBEING_SCORES.map((score) => (
              <label key={score} className="face">
                <input type="radio" name="score" value={score} defaultChecked={typed === String(score)} />
                <FaceIcon score={score} />
                <span className="face__label">{t(`wellbeing.faces.${score}`)}</span>
              </label>
            ))}
          </div>
          <FieldError id="wellbeing-score-error" errors={errors} />
        </fieldset>
        <div className="field">
          <label htmlFor="wellbeing-words">{t("wellbeing.words")}</label>
          <textarea id="wellbeing-words" name="words" rows={2} maxLength={WELLBEING_WORDS_MAX} defaultValue={reply.typed("words")} />
          <FieldError id="wellbeing-words-error" errors={reply.errors("words")} />
        </div>
        <p className="muted">{t("wellbeing.whoSees")}</p>
        <div className="button-row">
          <button type="submit" name="intent" value="answer" className="button button--primary">
            {t("wellbeing.save")}
          </button>
          <button type="submit" name="intent" value="skip" className="button button--quiet">
            {t("wellbeing.skip")}
          </button>
        </div>
      </Form>
    </section>
  );
}
