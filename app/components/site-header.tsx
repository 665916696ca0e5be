import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "~/domain/vocabulary";
import type { RootData } from "~/root";

/** Links that keep the current page and switch its language; plain links, so they work without JavaScript. */
function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <nav className="language-switcher" aria-label={t("nav.language")}>
      <ul>
        {LOCALES.map((lng) => {
          const params = new URLSearchParams(location.search);
          params.set("lng", lng);
          const current = i18n.language === lng;
          return (
            <li key={lng}>
              <a
                href={`${location.pathname}?${params.toString()}`}
                hrefLang={lng}
                lang={lng}
                aria-current={current ? "true" : undefined}
              >
                {t(`language.${lng}`)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function SiteHeader({ user }: { user: RootData["user"] }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        <LanguageSwitcher />
      </div>
      {user ? (
        <div className="site-header__bar site-header__bar--user">
          <nav aria-label={t("nav.main")}>
            <ul className="main-nav">
              <li>
                <NavLink to="/" end>
                  {t("nav.home")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/account">{t("nav.account")}</NavLink>
              </li>
            </ul>
          </nav>
          <Form method="post" action="/logout" className="logout-form">
            <button type="submit" className="button button--quiet">
              {t("nav.logout")}
            </button>
          </Form>
        </div>
      ) : null}
    </header>
  );
}
