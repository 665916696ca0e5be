/**
 * The contact form's optional "next step" (decision 026): plain fields (no conform client code), the
 * server's errors next to them and what was typed kept. Works without JavaScript.
 */
import { useTranslation } from "react-i18next";
import type { NextStepChoices } from "~/domain/next-step-form";
import { FieldError, PlainField, type formReply } from "./form";

export function NextStepFields({ choices, reply, today }: { choices: NextStepChoices; reply: ReturnType<typeof formReply>; today: string }) {
  const { t } = useTranslation();
  const owner = reply.typed("nextStepOwner", "youth");
  const ownerErrors = reply.errors("nextStepOwner") ?? undefined;
  const chosen = reply.typed("nextStepGoal");
  return (
    <fieldset className="field next-step-fields" id="contact-next-step">
      <legend>{t("weekly.nextStep.legend")}</legend>
      <p className="field__hint">{t("weekly.nextStep.hint")}</p>
      <PlainField formId="contact" name="nextStepTitle" label={t("weekly.nextStep.title")} errors={reply.errors("nextStepTitle")}>
        {(control) => <input {...control} type="text" maxLength={200} defaultValue={reply.typed("nextStepTitle")} />}
      </PlainField>
      <PlainField formId="contact" name="nextStepGoal" label={t("weekly.nextStep.goal")} errors={reply.errors("nextStepGoal")}>
        {(control) => (
          <select {...control} defaultValue={chosen}>
            <option value="">{t("weekly.nextStep.chooseGoal")}</option>
            {choices.domains.map((domain) => {
              const goals = choices.goals.filter((g) => g.domain === domain);
              return (
                <optgroup key={domain} label={t(`domains.${domain}.name`)}>
                  {goals.map((g) => (
                    <option key={g.id} value={`goal:${g.id}`}>
                      {g.title}
                    </option>
                  ))}
                  <option value={`new:${domain}`}>{t("weekly.nextStep.newGoal", { domain: t(`domains.${domain}.name`) })}</option>
                </optgroup>
              );
            })}
          </select>
        )}
      </PlainField>
      <fieldset className={ownerErrors?.length ? "field field--invalid" : "field"}>
        <legend>{t("weekly.nextStep.owner")}</legend>
        {(["youth", "mentor"] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="nextStepOwner" value={value} defaultChecked={owner === value} /> {t(`weekly.nextStep.owners.${value}`)}
          </label>
        ))}
        <FieldError id="contact-nextStepOwner-error" errors={ownerErrors} />
      </fieldset>
      <PlainField formId="contact" name="nextStepDueOn" label={t("weekly.nextStep.dueOn")} errors={reply.errors("nextStepDueOn")}>
        {(control) => <input {...control} type="date" defaultValue={reply.typed("nextStepDueOn")} min={today} max="2099-12-31" />}
      </PlainField>
    </fieldset>
  );
}
