import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/form";
import { setUserLocale } from "~/models/organisations.server";
import { getSessionState, login } from "~/utils/auth.server";
import { forms, parseForm } from "~/utils/forms.server";
import { safeRedirectPath, readFormData } from "~/utils/http.server";
import { cookieLocale, getFixedT, resolveLocale } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/security.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["login"] };

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
  return redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": result.setCookie } });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { redirectTo, notice } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<{ email: string; password: string; redirectTo: string }>({
    id: "login",
    lastResult,
    // Validated on the server only: the login page stays light on slow phones (no zod in its bundle).
    shouldValidate: "onSubmit",
  });
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
      <Form method="post" className="card form" reloadDocument {...getFormProps(form)}>
        <FormError id={form.errorId} errors={form.errors} values={{ count: retry ?? 15 }} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label={t("login.email")} field={fields.email}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" inputMode="email" spellCheck={false} />
        </Field>
        <Field label={t("login.password")} field={fields.password}>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
        </Field>
        <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <p className="muted">{t("login.forgot")}</p>
    </div>
  );
}
