/** Form fields shared by the goal and step forms (kept apart from parts.tsx so read-only pages load no form code). */
import { useTranslation } from "react-i18next";
import { EARLIEST_DATE, LATEST_DATE } from "~/domain/limits";
import { OWNERS, type Owner } from "~/domain/vocabulary";
import { PlainField } from "../form";
import { useOwnerLabel } from "./owner-label";

interface FieldState {
  errors: string[] | null | undefined;
  /** What to show: the typed value after an error, or the saved one. */
  value: string | undefined;
}

/**
 * "Who does it" and "by when": the two fields every goal and step form shares. Plain fields, so pages
 * without conform's client code can use them too (docs/decisions/005-javascript-budget.md).
 */
export function OwnerAndDue({
  formId,
  owner,
  dueDate,
  fallbackOwner = "youth",
}: {
  formId: string;
  owner: FieldState | null;
  dueDate: FieldState;
  fallbackOwner?: Owner;
}) {
  const { t } = useTranslation();
  const ownerLabel = useOwnerLabel();
  return (
    <div className="field-row">
      {owner ? (
        <PlainField formId={formId} name="owner" label={t("plan.goal.owner")} errors={owner.errors}>
          {(control) => (
            <select {...control} defaultValue={owner.value || fallbackOwner}>
              {OWNERS.map((o) => (
                <option key={o} value={o}>
                  {ownerLabel(o)}
                </option>
              ))}
            </select>
          )}
        </PlainField>
      ) : null}
      <PlainField formId={formId} name="dueDate" label={t("plan.goal.dueDate")} errors={dueDate.errors}>
        {(control) => <input {...control} type="date" min={EARLIEST_DATE} max={LATEST_DATE} defaultValue={dueDate.value ?? ""} />}
      </PlainField>
    </div>
  );
}
