import { readFormData } from "~/utils/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, formReply, PlainField, useFocusFirstInvalid } from "~/components/form";
import { NewPasswordFields } from "~/components/password-fields";
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
  const changed = (request.headers.get("Cookie") ?? "").split(";").some((part) => part.trim() === `${PASSWORD_CHANGED_COOKIE}=1`);
  return json(
    {
      title: `${t("account.title")} · ${t("app.name")}`,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      changed,
    },
    // The notice is shown once.
    changed ? { headers: { "Set-Cookie": `${PASSWORD_CHANGED_COOKIE}=; Path=/account; Max-Age=0; HttpOnly; SameSite=Lax` } } : undefined,
  );
}

/** A one-minute cookie that carries "password changed" across the redirect after the change. */
const PASSWORD_CHANGED_COOKIE = "tilts_password_changed";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await readFormData(request), forms.changePassword(user.email));
  const hideFields = ["currentPassword", "newPassword", "confirmPassword"];
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields }) }, { status: 400 });
  }
  const outcome = await changePassword(user, submission.value.currentPassword, submission.value.newPassword);
  if (!outcome.ok) {
    return json(
      {
        result: submission.reply({
          fieldErrors: { currentPassword: [outcome.reason === "rateLimited" ? "errors.currentPasswordRateLimited" : "errors.currentPasswordWrong"] },
          hideFields,
        }),
      },
      { status: outcome.reason === "rateLimited" ? 429 : 400 },
    );
  }
  // Post/redirect/get: after a document POST Remix would run this page's loaders with the old, now
  // ended session and send the user to the login page (without JavaScript that logged them out).
  const headers = new Headers();
  headers.append("Set-Cookie", outcome.setCookie);
  headers.append("Set-Cookie", `${PASSWORD_CHANGED_COOKIE}=1; Path=/account; Max-Age=60; HttpOnly; SameSite=Lax`);
  return redirect("/account", { headers });
}

export default function AccountPage() {
  const { t } = useTranslation();
  const { email, displayName, role, changed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The server's reply read without conform's client code (decision 005); passwords are never sent back.
  const reply = formReply(actionData?.result);
  useFocusFirstInvalid("change-password", actionData?.result);

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
      {changed ? (
        <p className="notice notice--success" role="status">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <Form method="post" className="card form" id="change-password" noValidate key={changed ? "changed" : "change"}>
        <FormError id="change-password-error" errors={reply.errors("") ?? undefined} />
        <PlainField formId="change-password" name="currentPassword" label={t("account.currentPassword")} errors={reply.errors("currentPassword")}>
          {(control) => <input {...control} type="password" autoComplete="current-password" />}
        </PlainField>
        <NewPasswordFields formId="change-password" reply={reply} />
        <button type="submit" className="button button--primary">
          {t("account.submit")}
        </button>
      </Form>
    </div>
  );
}
