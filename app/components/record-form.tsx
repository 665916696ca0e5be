/** A young person's record: name, birth, care, and the optional fields the statistics need (each explained). */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formReply, PlainField, useFocusFirstInvalid, type FormReplyData } from "~/components/form";
import { CARE_FORMS, EDUCATION_STATUSES, EMPLOYMENT_STATUSES, SPECIAL_NEEDS_ANSWERS } from "~/domain/vocabulary";

export interface RecordValues {
  displayName: string;
  dateOfBirth: string;
  careForm: string;
  municipality: string;
  plannedCareEndDate: string;
  educationStatus: string | null;
  employmentStatus: string | null;
  specialNeeds: string | null;
}

const FORM_ID = "record";

export function RecordForm({ values, result, submitLabel }: { values: RecordValues | null; result: FormReplyData | null; submitLabel: string }) {
  const { t } = useTranslation();
  useFocusFirstInvalid(FORM_ID, result);
  const reply = formReply(result);
  const typed = (name: keyof RecordValues) => reply.typed(name, values?.[name] ?? "");
  const choice = (name: "educationStatus" | "employmentStatus" | "specialNeeds", options: readonly string[]) => (
    <PlainField formId={FORM_ID} name={name} label={t(`org.record.${name}`)} hint={t(`org.record.${name}Hint`)} errors={reply.errors(name)}>
      {(control) => (
        <select {...control} defaultValue={typed(name)}>
          <option value="">{t("org.record.notRecorded")}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {t(`org.values.${name}.${o}`)}
            </option>
          ))}
        </select>
      )}
    </PlainField>
  );
  return (
    <Form method="post" className="card form" id={FORM_ID} noValidate>
      <input type="hidden" name="intent" value="save" />
      <PlainField formId={FORM_ID} name="displayName" label={t("org.record.displayName")} errors={reply.errors("displayName")}>
        {(control) => <input {...control} type="text" defaultValue={typed("displayName")} maxLength={200} autoComplete="off" />}
      </PlainField>
      <PlainField formId={FORM_ID} name="dateOfBirth" label={t("org.record.dateOfBirth")} errors={reply.errors("dateOfBirth")}>
        {(control) => <input {...control} type="date" defaultValue={typed("dateOfBirth")} />}
      </PlainField>
      <PlainField formId={FORM_ID} name="careForm" label={t("org.record.careForm")} errors={reply.errors("careForm")}>
        {(control) => (
          <select {...control} defaultValue={typed("careForm")}>
            <option value="">{t("org.record.choose")}</option>
            {CARE_FORMS.map((c) => (
              <option key={c} value={c}>
                {t(`org.values.careForm.${c}`)}
              </option>
            ))}
          </select>
        )}
      </PlainField>
      <PlainField formId={FORM_ID} name="municipality" label={t("org.record.municipality")} errors={reply.errors("municipality")}>
        {(control) => <input {...control} type="text" defaultValue={typed("municipality")} maxLength={200} />}
      </PlainField>
      <PlainField
        formId={FORM_ID}
        name="plannedCareEndDate"
        label={t("org.record.plannedCareEndDate")}
        hint={t("org.record.plannedCareEndDateHint")}
        errors={reply.errors("plannedCareEndDate")}
      >
        {(control) => <input {...control} type="date" defaultValue={typed("plannedCareEndDate")} />}
      </PlainField>
      <fieldset className="form">
        <legend>{t("org.record.statisticsHeading")}</legend>
        <p className="field__hint">{t("org.record.statisticsIntro")}</p>
        {choice("educationStatus", EDUCATION_STATUSES)}
        {choice("employmentStatus", EMPLOYMENT_STATUSES)}
        {choice("specialNeeds", SPECIAL_NEEDS_ANSWERS)}
      </fieldset>
      <button type="submit" className="button button--primary">
        {submitLabel}
      </button>
    </Form>
  );
}
