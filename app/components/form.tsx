/** Form building blocks: a labelled field with its hint and its error next to it. */
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { isIsoDate } from "~/domain/dates";
import { decodeFieldError } from "~/domain/form-errors";
import { CONTACT_DURATION_MAX_MINUTES, CONTACT_RHYTHM_MAX_DAYS, CONTACT_RHYTHM_MIN_DAYS } from "~/domain/mentoring";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, TEXT_MAX, TITLE_MAX } from "~/domain/limits";
import type { Locale } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";

/**
 * Translates an error from a form schema or a rule, with the numbers the messages may mention; a rule's
 * own values (e.g. the date a window opens) travel with the key and dates are shown in the user's style.
 */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (error: string | undefined, values: Record<string, unknown> = {}) => {
    if (!error) return undefined;
    const { key, values: carried } = decodeFieldError(error);
    const shown = Object.fromEntries(
      Object.entries(carried).map(([name, value]) => [name, isIsoDate(value) ? formatDate(value, i18n.language as Locale) : value]),
    );
    return t(key, {
      min: PASSWORD_MIN_LENGTH,
      max: PASSWORD_MAX_LENGTH,
      titleMax: TITLE_MAX,
      textMax: TEXT_MAX,
      rhythmMin: CONTACT_RHYTHM_MIN_DAYS,
      rhythmMax: CONTACT_RHYTHM_MAX_DAYS,
      durationMax: CONTACT_DURATION_MAX_MINUTES,
      ...values,
      ...shown,
      defaultValue: t("errors.invalid"),
    });
  };
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
export function FormError({ id, errors, values }: { id: string; errors: string[] | undefined; values?: Record<string, unknown> }) {
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

/**
 * A labelled field without a form library: the control gets its id, name and the ARIA that ties it to
 * its hint and its error (for pages that keep conform's client code off the phone).
 */
export function PlainField({
  formId,
  name,
  label,
  hint,
  errors,
  children,
}: {
  formId: string;
  name: string;
  label: string;
  hint?: string;
  errors: string[] | null | undefined;
  children: (control: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const id = `${formId}-${name}`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={invalid ? "field field--invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, name, "aria-invalid": invalid ? true : undefined, "aria-describedby": describedBy })}
      <FieldError id={`${id}-error`} errors={errors ?? undefined} />
    </div>
  );
}

/** What a route's action sent back for one form: conform's reply, read without conform's client code. */
export interface FormReplyData {
  error?: Record<string, string[] | null> | null;
  initialValue?: Record<string, unknown> | null;
}

export function formReply(result: FormReplyData | null | undefined) {
  return {
    posted: Boolean(result),
    errors: (name: string) => result?.error?.[name] ?? undefined,
    /** What the user typed (after an error), or the fallback. */
    typed: (name: string, fallback = "") => {
      const value = result?.initialValue?.[name];
      return typeof value === "string" ? value : fallback;
    },
  };
}

/** With JavaScript on, the first field with an error gets the focus after the reply (as conform did). */
export function useFocusFirstInvalid(formId: string, result: FormReplyData | null | undefined) {
  useEffect(() => {
    if (!result?.error || !Object.values(result.error).some((e) => e?.length)) return;
    document.getElementById(formId)?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [formId, result]);
}
