import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "~/domain/vocabulary";
import type { RootData } from "~/root";
import { HelpButton } from "./help-button";

/**
 * Buttons that switch the language of this page and remember it (cookie, and the profile when logged
 * in): a plain form post to /language that comes back to the same page, so it works without JavaScript.
 * A whole document load even with JavaScript, so the page arrives with the new language's strings.
 */
function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("lng");
  const query = params.toString();
  const back = `${location.pathname}${query ? `?${query}` : ""}`;
  return (
    <nav className="language-switcher" aria-label={t("nav.language")}>
      <Form method="post" action="/language" reloadDocument>
        <input type="hidden" name="back" value={back} />
        <ul>
          {LOCALES.map((lng) => (
            <li key={lng}>
              <button type="submit" name="lng" value={lng} lang={lng} aria-current={i18n.language === lng ? "true" : undefined}>
                {t(`language.${lng}`)}
              </button>
            </li>
          ))}
        </ul>
      </Form>
    </nav>
  );
}

/** "Notifications" with the number of unread ones as a badge (read out as "3 unread"). */
function NotificationsLink({ unread }: { unread: number }) {
  const { t } = useTranslation();
  return (
    <NavLink to="/notifications">
      {t("notifications.navLabel")}
      {unread > 0 ? " " : null}
      {unread > 0 ? (
        <span className="badge">
          <span aria-hidden="true">{unread}</span>
          <span className="visually-hidden">{t("notifications.unread", { count: unread })}</span>
        </span>
      ) : null}
    </NavLink>
  );
}

/**
 * The row of links scrolls sideways inside itself on a phone, so the current page's link ("Mans konts",
 * "Календарь") can start off-screen. CSS brings it into view (scroll-initial-target, app/styles/home.css),
 * also without JavaScript, where the browser supports it (Chromium does, also after a navigation in the
 * page); this does the same after hydration and after each navigation in browsers that do not.
 */
function useCurrentLinkInView() {
  const nav = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const row = nav.current;
    const link = row?.querySelector<HTMLElement>("a.active");
    if (!row || !link) return;
    const view = row.getBoundingClientRect();
    const box = link.getBoundingClientRect();
    const fade = parseFloat(getComputedStyle(link).scrollMarginRight) || 0;
    if (box.right > view.right - fade) row.scrollLeft += box.right - (view.right - fade);
    else if (box.left < view.left) row.scrollLeft -= view.left - box.left;
  }, [pathname]);
  return nav;
}

export function SiteHeader({ user }: { user: RootData["user"] }) {
  const { t } = useTranslation();
  const nav = useCurrentLinkInView();
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
          <nav aria-label={t("nav.main")} ref={nav}>
            <ul className="main-nav">
              <li>
                <NavLink to="/" end>
                  {t("nav.home")}
                </NavLink>
              </li>
              {user.unreadNotifications !== null ? (
                <li>
                  <NotificationsLink unread={user.unreadNotifications} />
                </li>
              ) : null}
              {user.hasCalendar ? (
                <li>
                  <NavLink to="/calendar">{t("calendar.navLabel")}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/account">{t("nav.account")}</NavLink>
              </li>
              {/* In the same row as the links, so the header stays two rows high on a 360 px phone. */}
              <li>
                {/* A document post: the login page after it may be in another language (the cookie's). */}
                <Form method="post" action="/logout" className="logout-form" reloadDocument>
                  <button type="submit" className="button button--quiet">
                    {t("nav.logout")}
                  </button>
                </Form>
              </li>
            </ul>
          </nav>
          {/* "I need help" on every screen of a young person: beside the links, never scrolled away (the header stays two rows). */}
          {user.help ? <HelpButton youngPersonId={user.help.youngPersonId} kind={user.help.kind} /> : null}
        </div>
      ) : null}
    </header>
  );
}
