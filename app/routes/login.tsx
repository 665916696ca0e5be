import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, formReply, PlainField, useFocusFirstInvalid } from "~/components/form";
import { setUserLocale } from "~/models/organisations.server";
import { getSessionState, login } from "~/utils/auth.server";
import { forms, parseForm } from "~/utils/forms.server";
import { safeRedirectPath, readFormData } from "~/utils/http.server";
import { cookieLocale, getFixedT, resolveLocale } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/security.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["login", "org.forgot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const state = await getSessionState(request);
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"));
  if (state.user) throw redirect(redirectTo);
  const t = getFixedT(resolveLocale(request));
  return json({
    title: `${t("login.title")} · ${t("app.name")}`,
    redirectTo,
    notice: url.searchParams.get("ended") === "1" ? "login.sessionEnded" : url.searchParams.get("loggedOut") === "1" ? "login.loggedOut" : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const submission = parseForm(await readFormData(request), forms.login);
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await login(request, email, password, context);
  if (!result.ok) {
    const message = result.reason === "rateLimited" ? "login.rateLimited" : "login.invalid";
    return json(
      {
        ...submission.reply({ formErrors: [message], hideFields: ["password"] }),
        retryAfterMinutes: result.reason === "rateLimited" ? result.retryAfterMinutes : undefined,
      },
      { status: result.reason === "rateLimited" ? 429 : 400 },
    );
  }
  // The language chosen on the login page becomes the profile's language.
  const chosen = cookieLocale(request);
  if (chosen && chosen !== result.user.locale) setUserLocale(result.user.id, chosen);
  const headers = new Headers();
  for (const cookie of result.setCookie) headers.append("Set-Cookie", cookie);
  return redirect(safeRedirectPath(redirectTo), { headers });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { redirectTo, notice } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  // Validated on the server only and read without conform's client code (decision 005): the login page
  // stays light on slow phones. The password is never sent back.
  const reply = formReply(lastResult);
  useFocusFirstInvalid("login", lastResult);
  const retry = lastResult && "retryAfterMinutes" in lastResult ? lastResult.retryAfterMinutes : undefined;

  return (
    <div className="narrow">
      <h1>{t("login.heading")}</h1>
      <p className="lead-text">{t("login.intro")}</p>
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      {/* A document post: the page after login may be in the profile's language, whose strings this page
          has not loaded (docs/decisions/009-fast-pages.md). Works the same with JavaScript off. */}
      <Form method="post" className="card form" id="login" noValidate reloadDocument>
        <FormError id="login-error" errors={reply.errors("") ?? undefined} values={{ count: retry ?? 15 }} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <PlainField formId="login" name="email" label={t("login.email")} errors={reply.errors("email")}>
          {(control) => <input {...control} type="email" defaultValue={reply.typed("email")} autoComplete="username" inputMode="email" spellCheck={false} />}
        </PlainField>
        <PlainField formId="login" name="password" label={t("login.password")} errors={reply.errors("password")}>
          {(control) => <input {...control} type="password" autoComplete="current-password" />}
        </PlainField>
        <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <p className="muted">
        {t("login.forgot")} <Link to="/forgot-password">{t("org.forgot.link")}</Link>
      </p>
    </div>
  );
}
