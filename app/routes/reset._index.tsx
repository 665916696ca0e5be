/**
 * A one-time password reset link: GET/POST /reset, reached from /reset/<secret token> (the token moves
 * into a cookie, as for invitations), 1 hour, once. Setting the password ends
 * every old session of the account and starts one here. Secret like an invitation link.
 */
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LinkStateMessage, SetPasswordForm } from "~/components/set-password";
import { completePasswordReset, resetByToken } from "~/models/accounts.server";
import { forms, parseForm } from "~/utils/forms.server";
import { readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/security.server";
import { clearTokenCookie, tokenFromCookie } from "~/utils/link-tokens.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["account", "org.errors", "org.invitationPage", "org.resetPage"] };

export const headers: HeadersFunction = () => ({ "X-Robots-Tag": "noindex" });
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenFromCookie("reset", request);
  const t = getFixedT(resolveLocale(request));
  const reset = resetByToken(token);
  return json(
    {
      title: `${t("org.resetPage.title")} · ${t("app.name")}`,
      state: reset?.state ?? "unknown",
      account: reset?.state === "valid" ? { displayName: reset.displayName, email: reset.email } : null,
    },
    { status: reset ? 200 : 404 },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const token = tokenFromCookie("reset", request);
  assertSameOrigin(request);
  const reset = resetByToken(token);
  if (!reset || reset.state !== "valid") return json({ result: null }, { status: 410 });
  const submission = parseForm(await readFormData(request), forms.setPassword(reset.email));
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["newPassword", "confirmPassword"] }) }, { status: 400 });
  }
  const done = await completePasswordReset(token!, submission.value.newPassword);
  if (!done.ok) return json({ result: null }, { status: 410 });
  const headers = new Headers();
  headers.append("Set-Cookie", done.setCookie);
  headers.append("Set-Cookie", clearTokenCookie("reset"));
  return redirect("/?passwordReset=1", { headers });
}

export default function ResetPage() {
  const { t } = useTranslation();
  const { state, account } = useLoaderData<typeof loader>();
  if (!account) return <LinkStateMessage kind="reset" state={state} />;
  return (
    <div className="narrow">
      <h1>{t("org.resetPage.heading", { name: account.displayName })}</h1>
      <p className="lead-text">{t("org.resetPage.intro")}</p>
      <p className="muted">
        {t("org.invitationPage.yourEmail")}: <strong>{account.email}</strong>
      </p>
      <SetPasswordForm email={account.email} submitLabel={t("org.resetPage.submit")} />
    </div>
  );
}
