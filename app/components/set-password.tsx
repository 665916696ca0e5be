/** The "choose your password" form of an invitation or a reset link (plain fields, no form library). */
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formReply, PlainField, useFocusFirstInvalid, type FormReplyData } from "~/components/form";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/domain/password";

export function SetPasswordForm({ email, submitLabel }: { email: string; submitLabel: string }) {
  const { t } = useTranslation();
  const data = useActionData<{ result?: FormReplyData }>();
  const result = data?.result ?? null;
  useFocusFirstInvalid("set-password", result);
  const reply = formReply(result);
  return (
    <Form method="post" className="card form" id="set-password" noValidate reloadDocument>
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <PlainField
        formId="set-password"
        name="newPassword"
        label={t("account.newPassword")}
        hint={t("account.passwordHint", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        errors={reply.errors("newPassword")}
      >
        {(control) => <input {...control} type="password" autoComplete="new-password" />}
      </PlainField>
      <PlainField formId="set-password" name="confirmPassword" label={t("account.confirmPassword")} errors={reply.errors("confirmPassword")}>
        {(control) => <input {...control} type="password" autoComplete="new-password" />}
      </PlainField>
      <button type="submit" className="button button--primary">
        {submitLabel}
      </button>
    </Form>
  );
}

/** An invitation or reset link that no longer works, said plainly. */
export function LinkStateMessage({ kind, state }: { kind: "invitation" | "reset"; state: string }) {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t(`org.${kind}Page.stateHeading.${state}`)}</h1>
      <p className="card">{t(`org.${kind}Page.state.${state}`)}</p>
    </div>
  );
}
