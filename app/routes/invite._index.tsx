/**
 * The invitee's page: GET/POST /invite, reached from the link /invite/<secret token> (invite.$token.tsx
 * moves the token into a cookie). A short privacy notice in their language, a password with the usual
 * rules, then their home. The token is a secret: out of the URL at once, no referrer, not logged (the
 * server blanks it), only its hash in the database.
 */
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LinkStateMessage, SetPasswordForm } from "~/components/set-password";
import { acceptInvitation, invitationByToken } from "~/models/accounts.server";
import { getSessionState, logout } from "~/utils/auth.server";
import { forms, parseForm } from "~/utils/forms.server";
import { readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/security.server";
import { clearTokenCookie, tokenFromCookie } from "~/utils/link-tokens.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["account", "org.errors", "org.invitationPage", "org.privacy", "org.resetPage", "roles"] };

export const headers: HeadersFunction = () => ({ "X-Robots-Tag": "noindex" });
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

const PRIVACY_POINTS = ["who", "what", "sharing", "rights"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenFromCookie("invite", request);
  const t = getFixedT(resolveLocale(request));
  const invitation = invitationByToken(token);
  const signedIn = Boolean((await getSessionState(request)).user);
  return json(
    {
      title: `${t("org.invitationPage.title")} · ${t("app.name")}`,
      state: invitation?.state ?? "unknown",
      invitation: invitation?.state === "valid" ? { displayName: invitation.displayName, email: invitation.email, role: invitation.role } : null,
      signedIn,
    },
    { status: invitation ? 200 : 404 },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const token = tokenFromCookie("invite", request);
  assertSameOrigin(request);
  const invitation = invitationByToken(token);
  if (!invitation || invitation.state !== "valid") return json({ result: null }, { status: 410 });
  const submission = parseForm(await readFormData(request), forms.setPassword(invitation.email));
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["newPassword", "confirmPassword"] }) }, { status: 400 });
  }
  const accepted = await acceptInvitation(token!, submission.value.newPassword, resolveLocale(request));
  if (!accepted.ok) return json({ result: null }, { status: 410 });
  // Whoever was logged in on this device before is logged out: the new account takes over.
  const headers = new Headers();
  if ((await getSessionState(request)).user) await logout(request);
  headers.append("Set-Cookie", accepted.setCookie);
  headers.append("Set-Cookie", clearTokenCookie("invite"));
  return redirect("/?welcome=1", { headers });
}

export default function InvitationPage() {
  const { t } = useTranslation();
  const { state, invitation, signedIn } = useLoaderData<typeof loader>();
  if (!invitation) return <LinkStateMessage kind="invitation" state={state} />;
  const youth = invitation.role === "youth";
  return (
    <div className="narrow">
      <h1>{t("org.invitationPage.heading", { name: invitation.displayName })}</h1>
      <p className="lead-text">{t(youth ? "org.invitationPage.introYouth" : "org.invitationPage.intro", { role: t(`roles.${invitation.role}`) })}</p>
      {signedIn ? <p className="notice">{t("org.invitationPage.signedIn")}</p> : null}
      <section className="card privacy-notice" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t("org.privacy.heading")}</h2>
        <ul>
          {PRIVACY_POINTS.map((p) => (
            <li key={p}>{t(`org.privacy.${youth ? "youth" : "staff"}.${p}`)}</li>
          ))}
        </ul>
      </section>
      <h2>{t("org.invitationPage.choosePassword")}</h2>
      <p className="muted">
        {t("org.invitationPage.yourEmail")}: <strong>{invitation.email}</strong>
      </p>
      <SetPasswordForm email={invitation.email} submitLabel={t("org.invitationPage.submit")} />
    </div>
  );
}
