/** Form building blocks: a labelled field with its hint and its error next to it. */
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/domain/password";
import { TEXT_MAX, TITLE_MAX } from "~/domain/limits";

/** Translates an error key from a form schema, with the numbers the messages may mention. */
export function useErrorText() {
  const { t } = useTranslation();
  return (key: string | undefined, values: Record<string, unknown> = {}) =>
    key
      ? t(key, {
          min: PASSWORD_MIN_LENGTH,
          max: PASSWORD_MAX_LENGTH,
          titleMax: TITLE_MAX,
          textMax: TEXT_MAX,
          ...values,
          defaultValue: t("errors.invalid"),
        })
      : undefined;
}

export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  const errorText = useErrorText();
  if (!errors?.length) return null;
  return (
    <p id={id} className="field__error">
      {errorText(errors[0])}
    </p>
  );
}

/** Errors about the whole form (e.g. "wrong e-mail or password"), above its fields. */
export function FormError({
  id,
  errors,
  values,
}: {
  id: string;
  errors: string[] | undefined;
  values?: Record<string, unknown>;
}) {
  const errorText = useErrorText();
  if (!errors?.length) return null;
  return (
    <div id={id} className="form-error" role="alert">
      {errors.map((e) => (
        <p key={e}>{errorText(e, values)}</p>
      ))}
    </div>
  );
}

export function Field({
  label,
  hint,
  field,
  children,
}: {
  label: string;
  hint?: string;
  field: FieldMetadata<unknown>;
  children: React.ReactNode;
}) {
  return (
    <div className={field.errors?.length ? "field field--invalid" : "field"}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={field.descriptionId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
}
