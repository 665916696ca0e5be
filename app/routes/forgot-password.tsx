/**
 * "I forgot my password": with SMTP set, a reset link by e-mail (the same answer whether or not the
 * e-mail has an account, and at most 3 a quarter-hour per e-mail); without it, who can help in person.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formReply, PlainField, useFocusFirstInvalid, type FormReplyData } from "~/components/form";
import { activeAccountByEmail, issuePasswordReset } from "~/models/accounts.server";
import { normaliseEmail } from "~/utils/auth.server";
import { forms, parseForm } from "~/utils/forms.server";
import { mailHandedLink } from "~/utils/handed-links.server";
import { readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { mailConfigured } from "~/utils/mail.server";
import { recordFailure, retryAfterMs } from "~/utils/rate-limit.server";
import { assertSameOrigin } from "~/utils/security.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["login", "org.errors", "org.forgot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

const RESET_MAIL_LIMIT = { max: 3, windowMs: 15 * 60_000 };

export async function loader({ request }: LoaderFunctionArgs) {
  const t = getFixedT(resolveLocale(request));
  // The action's redirect (post/redirect/get): a refresh shows "sent" again without sending again.
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  return json({ title: `${t("org.forgot.title")} · ${t("app.name")}`, mail: mailConfigured(), sent });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  if (!mailConfigured()) return json({ result: null }, { status: 400 });
  const submission = parseForm(await readFormData(request), forms.forgotPassword);
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const key = `reset-mail:${normaliseEmail(submission.value.email)}`;
  if (retryAfterMs(key, RESET_MAIL_LIMIT) === 0) {
    recordFailure(key);
    const account = activeAccountByEmail(submission.value.email);
    if (account) {
      const token = issuePasswordReset(account.id, null);
      await mailHandedLink(request, { kind: "reset", token, forName: account.displayName, email: account.email, locale: account.locale });
    }
  }
  const lng = new URL(request.url).searchParams.get("lng");
  return redirect(`/forgot-password?sent=1${lng && /^[a-z]{2}$/.test(lng) ? `&lng=${lng}` : ""}`);
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { mail, sent } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const result = (data?.result ?? null) as FormReplyData | null;
  useFocusFirstInvalid("forgot", result);
  const reply = formReply(result);
  return (
    <div className="narrow">
      <h1>{t("org.forgot.heading")}</h1>
      {mail ? (
        <>
          <p className="lead-text">{t("org.forgot.introMail")}</p>
          {sent && !data ? (
            <p className="notice notice--success" role="status">
              {t("org.forgot.sent")}
            </p>
          ) : null}
          <Form method="post" className="card form" id="forgot" noValidate>
            <PlainField formId="forgot" name="email" label={t("login.email")} errors={reply.errors("email")}>
              {(control) => (
                <input {...control} type="email" defaultValue={reply.typed("email")} autoComplete="username" inputMode="email" spellCheck={false} />
              )}
            </PlainField>
            <button type="submit" className="button button--primary">
              {t("org.forgot.submit")}
            </button>
          </Form>
        </>
      ) : null}
      <p className="card">{t("org.forgot.inPerson")}</p>
      <p>
        <Link to="/login">{t("org.forgot.backToLogin")}</Link>
      </p>
    </div>
  );
}
