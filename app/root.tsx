import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  json,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useMemo } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { SiteHeader } from "~/components/site-header";
import { headerLinks } from "~/models/notifications.server";
import appStyles from "~/styles/app.css";
import { getUser } from "~/utils/auth.server";
import { i18nFor } from "~/utils/i18n";
import { browserResourcesFor, resolveLocale } from "~/utils/i18n.server";
import { useNonce } from "~/utils/nonce";
import { fallbackMessage } from "~/components/fallback-message";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const locale = resolveLocale(request, user?.locale);
  return json({
    locale,
    resources: browserResourcesFor(locale),
    user: user
      ? {
          displayName: user.displayName,
          role: user.role,
          email: user.email,
          // The header's notifications badge and calendar link.
          ...headerLinks(user),
        }
      : null,
  });
}

export type RootData = ReturnType<typeof useLoaderData<typeof loader>>;

function Document({ lang, children }: { lang: string; children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5d5b" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale, resources, user } = useLoaderData<typeof loader>();
  const i18n = useMemo(() => i18nFor(locale, resources), [locale, resources]);
  return (
    <I18nextProvider i18n={i18n}>
      <Document lang={locale}>
        <Layout user={user}>
          <Outlet />
        </Layout>
      </Document>
    </I18nextProvider>
  );
}

function Layout({ user, children }: { user: RootData["user"]; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <SiteHeader user={user} />
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function ErrorContent() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? "notFound" : status === 403 ? "forbidden" : "generic";
  return (
    <section className="card error-page" aria-labelledby="error-heading">
      <h1 id="error-heading">{t(`errors.page.${key}.title`)}</h1>
      <p>{t(`errors.page.${key}.body`)}</p>
      <p>
        <a href="/">{t("errors.page.home")}</a>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRouteLoaderData<typeof loader>("root");
  const i18n = useMemo(() => (root ? i18nFor(root.locale, root.resources) : null), [root]);
  if (!root || !i18n) {
    // The root loader failed (e.g. the database is down) or never ran (no route matched: 404).
    const message = fallbackMessage(isRouteErrorResponse(error) && error.status === 404 ? "notFound" : "unavailable");
    return (
      <Document lang={message.lang}>
        <main id="main" className="main">
          <section className="card error-page">
            {message.lines.map((line) => (
              <p key={line.lang} lang={line.lang}>
                {line.text}
              </p>
            ))}
            <p>
              <a href="/">Tilts</a>
            </p>
          </section>
        </main>
      </Document>
    );
  }
  return (
    <I18nextProvider i18n={i18n}>
      <Document lang={root.locale}>
        <Layout user={root.user}>
          <ErrorContent />
        </Layout>
      </Document>
    </I18nextProvider>
  );
}
