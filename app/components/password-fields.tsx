/** The fields of a new password (account page, invitation and reset links): plain fields, no form library. */
import { useTranslation } from "react-i18next";
import { formReply, PlainField } from "~/components/form";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/domain/limits";

/** The new password and its confirmation, with the password rules as the hint (set-password and account forms). */
export function NewPasswordFields({ formId, reply }: { formId: string; reply: ReturnType<typeof formReply> }) {
  const { t } = useTranslation();
  return (
    <>
      <PlainField
        formId={formId}
        name="newPassword"
        label={t("account.newPassword")}
        hint={t("account.passwordHint", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        errors={reply.errors("newPassword")}
      >
        {(control) => <input {...control} type="password" autoComplete="new-password" />}
      </PlainField>
      <PlainField formId={formId} name="confirmPassword" label={t("account.confirmPassword")} errors={reply.errors("confirmPassword")}>
        {(control) => <input {...control} type="password" autoComplete="new-password" />}
      </PlainField>
    </>
  );
}
