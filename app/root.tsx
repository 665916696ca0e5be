import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  json,
  useLoaderData,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { FormErrorSummary } from "~/components/form-summary";
import { PageMeta } from "~/components/page-meta";
import { SiteHeader } from "~/components/site-header";
import { headerLinks } from "~/models/notifications.server";
import appStyles from "~/styles/app.css";
import pageStyles from "~/styles/pages.css";
import homeStyles from "~/styles/home.css";
import { getUser } from "~/utils/auth.server";
import type { Locale } from "~/domain/vocabulary";
import { hasStrings, i18nFor, manifestFor, translationParts } from "~/utils/i18n";
import { resolveLocale } from "~/utils/i18n.server";
import { useNonce } from "~/utils/nonce";
import { KeptPageMark, useKeptPage } from "~/utils/kept-page";
import { fallbackMessage } from "~/components/fallback-message";
import { FlashMessage } from "~/components/flash";
import { OfflineReading } from "~/components/offline";
import { clearFlash, readFlash } from "~/utils/flash.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "stylesheet", href: pageStyles },
  { rel: "stylesheet", href: homeStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const locale = resolveLocale(request, user?.locale);
  // "Saved" after a save (app/utils/flash.server.ts): shown once, then the cookie is cleared.
  const flash = readFlash(request);
  return json(
    {
      locale,
      flash,
      user: user
        ? {
            displayName: user.displayName,
            role: user.role,
            email: user.email,
            // The header's notifications badge and calendar link.
            ...headerLinks(user),
          }
        : null,
    },
    flash ? { headers: { "Set-Cookie": clearFlash() } } : undefined,
  );
}

export type RootData = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * The translation catalogue files this page's routes need (their `handle.i18n`, app/utils/i18n.ts):
 * preloaded, and listed for entry.client.tsx, which fetches them before hydrating.
 */
function TranslationFiles({ locale }: { locale: Locale }) {
  const nonce = useNonce();
  const matches = useMatches();
  const manifest = manifestFor(locale, translationParts(matches.map((m) => m.handle)));
  if (!manifest) return null;
  return (
    <>
      {Object.values(manifest.files).map((href) => (
        <link key={href} rel="preload" as="fetch" crossOrigin="anonymous" href={href} />
      ))}
      <script
        id="tilts-i18n"
        type="application/json"
        // Every script carries the CSP nonce; browsers hide its value from the DOM after parsing.
        nonce={nonce}
        suppressHydrationWarning
        // JSON of URLs made by the server; "<" cannot occur in them, so it cannot close the script.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(manifest) }}
      />
    </>
  );
}

function Document({ lang, locale, title, children }: { lang: string; locale?: Locale; title?: string; children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5d5b" />
        {title ? <title>{title}</title> : <PageMeta />}
        <Links />
        {locale ? <TranslationFiles locale={locale} /> : null}
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * In the browser, a client-side navigation can reach a page whose strings are not here: another language
 * (the profile's, after logging in elsewhere) or, in the first moments after hydration, a part the
 * catalogue of all strings has not brought yet. Then the page is loaded afresh from the server, which
 * renders it with its strings and lists their files — rather than showing keys.
 */
function useStringsOrReload(locale: Locale) {
  const matches = useMatches();
  const missing = !hasStrings(locale, translationParts(matches.map((m) => m.handle)));
  useEffect(() => {
    if (!missing) return;
    // Once per address and minute, so a page that could never have its strings does not reload forever.
    const key = `tilts-reload:${window.location.href}`;
    const last = Number(window.sessionStorage.getItem(key) ?? 0);
    if (Date.now() - last < 60_000) return;
    window.sessionStorage.setItem(key, String(Date.now()));
    window.location.reload();
  }, [missing]);
}

export default function App() {
  const { locale, user, flash } = useLoaderData<typeof loader>();
  useStringsOrReload(locale);
  // On the server, the header and the page as rendered before for the same address and data: entry.server
  // puts them where the mark is (decision 043). Layout's <main> must stay the last thing before the scripts.
  const kept = useKeptPage();
  return (
    <I18nextProvider i18n={i18nFor(locale)}>
      <Document lang={locale} locale={locale}>
        {kept ? (
          <KeptPageMark />
        ) : (
          <Layout user={user} flash={flash}>
            <Outlet />
          </Layout>
        )}
      </Document>
    </I18nextProvider>
  );
}

function Layout({ user, flash = null, children }: { user: RootData["user"]; flash?: RootData["flash"]; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <SiteHeader user={user} />
      <OfflineReading owner={user?.role === "youth" ? user.email : null} />
      <main id="main" className="main" tabIndex={-1}>
        <FormErrorSummary />
        <FlashMessage flash={flash} />
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
  if (!root) {
    // The root loader failed (e.g. the database is down) or never ran (no route matched: 404).
    const message = fallbackMessage(isRouteErrorResponse(error) && error.status === 404 ? "notFound" : "unavailable");
    return (
      <Document lang={message.lang} title="Tilts">
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
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const t = i18nFor(root.locale).t;
  const title = `${t(`errors.page.${status === 404 ? "notFound" : status === 403 ? "forbidden" : "generic"}.title`)} · ${t("app.name")}`;
  return (
    <I18nextProvider i18n={i18nFor(root.locale)}>
      <Document lang={root.locale} locale={root.locale} title={title}>
        <Layout user={root.user}>
          <ErrorContent />
        </Layout>
      </Document>
    </I18nextProvider>
  );
}
