/** Form fields shared by the goal and step forms (kept apart from parts.tsx so read-only pages load no form code). */
import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { EARLIEST_DATE, LATEST_DATE } from "~/domain/limits";
import { OWNERS, type Owner } from "~/domain/vocabulary";
import { Field } from "../form";

/** "Who does it" and "by when": the two fields every goal and step form shares. */
export function OwnerAndDueFields({
  owner,
  dueDate,
  fallbackOwner = "youth",
}: {
  owner: FieldMetadata<string> | null;
  dueDate: FieldMetadata<string>;
  fallbackOwner?: Owner;
}) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
      {owner ? (
        <Field label={t("plan.goal.owner")} field={owner}>
          <select {...getSelectProps(owner)} defaultValue={owner.initialValue ?? fallbackOwner}>
            {OWNERS.map((o) => (
              <option key={o} value={o}>
                {t(`plan.owner.${o}`)}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field label={t("plan.goal.dueDate")} field={dueDate}>
        <input {...getInputProps(dueDate, { type: "date" })} min={EARLIEST_DATE} max={LATEST_DATE} />
      </Field>
    </div>
  );
}
