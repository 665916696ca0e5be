import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { readFormData } from "~/utils/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/form";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/domain/password";
import { changePassword, requireUser } from "~/utils/auth.server";
import { forms, parseForm } from "~/utils/forms.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["account", "roles"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = getFixedT(resolveLocale(request, user.locale));
  return json({
    title: `${t("account.title")} · ${t("app.name")}`,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await readFormData(request), forms.changePassword(user.email));
  const hideFields = ["currentPassword", "newPassword", "confirmPassword"];
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields }), changed: false }, { status: 400 });
  }
  const outcome = await changePassword(user, submission.value.currentPassword, submission.value.newPassword);
  if (!outcome.ok) {
    return json(
      {
        result: submission.reply({ fieldErrors: { currentPassword: ["errors.currentPasswordWrong"] }, hideFields }),
        changed: false,
      },
      { status: 400 },
    );
  }
  return json(
    { result: submission.reply({ resetForm: true }), changed: true },
    { headers: { "Set-Cookie": outcome.setCookie } },
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  const { email, displayName, role } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ currentPassword: string; newPassword: string; confirmPassword: string }>({
    id: "change-password",
    lastResult: actionData?.result,
  });

  return (
    <div className="narrow">
      <h1>{t("account.title")}</h1>
      <dl className="facts card">
        <div>
          <dt>{t("account.name")}</dt>
          <dd>{displayName}</dd>
        </div>
        <div>
          <dt>{t("account.email")}</dt>
          <dd>{email}</dd>
        </div>
        <div>
          <dt>{t("account.role")}</dt>
          <dd>{t(`roles.${role}`)}</dd>
        </div>
      </dl>
      <h2>{t("account.changePassword")}</h2>
      {actionData?.changed ? (
        <p className="notice notice--success" role="status">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <Form method="post" className="card form" {...getFormProps(form)}>
        <FormError id={form.errorId} errors={form.errors} />
        <Field label={t("account.currentPassword")} field={fields.currentPassword}>
          <input {...getInputProps(fields.currentPassword, { type: "password" })} autoComplete="current-password" />
        </Field>
        <Field
          label={t("account.newPassword")}
          hint={t("account.passwordHint", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
          field={fields.newPassword}
        >
          <input
            {...getInputProps(fields.newPassword, { type: "password", ariaDescribedBy: fields.newPassword.descriptionId })}
            autoComplete="new-password"
          />
        </Field>
        <Field label={t("account.confirmPassword")} field={fields.confirmPassword}>
          <input {...getInputProps(fields.confirmPassword, { type: "password" })} autoComplete="new-password" />
        </Field>
        <button type="submit" className="button button--primary">
          {t("account.submit")}
        </button>
      </Form>
    </div>
  );
}
