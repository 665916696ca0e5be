/** The "choose your password" form of an invitation or a reset link (plain fields, no form library). */
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formReply, useFocusFirstInvalid, type FormReplyData } from "~/components/form";
import { NewPasswordFields } from "~/components/password-fields";

export function SetPasswordForm({ email, submitLabel }: { email: string; submitLabel: string }) {
  const data = useActionData<{ result?: FormReplyData }>();
  const result = data?.result ?? null;
  useFocusFirstInvalid("set-password", result);
  const reply = formReply(result);
  return (
    <Form method="post" className="card form" id="set-password" noValidate reloadDocument>
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordFields formId="set-password" reply={reply} />
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
