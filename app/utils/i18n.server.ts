/** Which language a request gets, and translations for loaders and actions. */
import type { Resource, TFunction } from "i18next";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "~/domain/vocabulary";
import enCalendar from "~/locales/en/calendar.json";
import en from "~/locales/en/common.json";
import enDocuments from "~/locales/en/documents.json";
import enMentoring from "~/locales/en/mentoring.json";
import enOrg from "~/locales/en/org.json";
import enPlan from "~/locales/en/plan.json";
import enSkills from "~/locales/en/skills.json";
import lvCalendar from "~/locales/lv/calendar.json";
import lv from "~/locales/lv/common.json";
import lvDocuments from "~/locales/lv/documents.json";
import lvMentoring from "~/locales/lv/mentoring.json";
import lvOrg from "~/locales/lv/org.json";
import lvPlan from "~/locales/lv/plan.json";
import lvSkills from "~/locales/lv/skills.json";
import ruCalendar from "~/locales/ru/calendar.json";
import ru from "~/locales/ru/common.json";
import ruDocuments from "~/locales/ru/documents.json";
import ruMentoring from "~/locales/ru/mentoring.json";
import ruOrg from "~/locales/ru/org.json";
import ruPlan from "~/locales/ru/plan.json";
import ruSkills from "~/locales/ru/skills.json";
import { createI18n } from "./i18n";

export const LOCALE_COOKIE = "tilts_lng";

/**
 * The translation files of a language are split by area for editing (each file has its own top-level
 * keys) and merged into the one "common" namespace here.
 */
const RESOURCES: Record<Locale, Resource[string]> = {
  lv: { common: { ...lv, ...lvPlan, ...lvSkills, ...lvDocuments, ...lvMentoring, ...lvCalendar, ...lvOrg } },
  en: { common: { ...en, ...enPlan, ...enSkills, ...enDocuments, ...enMentoring, ...enCalendar, ...enOrg } },
  ru: { common: { ...ru, ...ruPlan, ...ruSkills, ...ruDocuments, ...ruMentoring, ...ruCalendar, ...ruOrg } },
};

export function resourcesFor(locale: Locale): Resource {
  return { [locale]: RESOURCES[locale] };
}

/**
 * What the root loader sends to the browser with every page: everything but the life-skills catalogue
 * (86 items, ~4 KB gzip), whose titles the pages that show them translate on the server, and the texts
 * of calendar events, which only the server writes (into .ics files).
 */
export function browserResourcesFor(locale: Locale): Resource {
  const { skills, calendar, ...common } = RESOURCES[locale].common as Record<string, Record<string, unknown>>;
  const { items: _items, ...skillsWithoutItems } = skills ?? {};
  const { event: _event, feed: _feed, ...calendarPage } = calendar ?? {};
  return { [locale]: { common: { ...common, skills: skillsWithoutItems, calendar: calendarPage } } };
}

/** `?lng=xx` when it names a supported language; anything else is ignored. */
export function requestedLocale(request: Request): Locale | null {
  try {
    const value = new URL(request.url).searchParams.get("lng");
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function cookieLocale(request: Request): Locale | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LOCALE_COOKIE && isLocale(value)) return value;
  }
  return null;
}

/** ?lng= first, then the logged-in user's profile, then the cookie, then Latvian. */
export function resolveLocale(request: Request, profileLocale?: Locale | null): Locale {
  return requestedLocale(request) ?? profileLocale ?? cookieLocale(request) ?? DEFAULT_LOCALE;
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

const fixedT = new Map<Locale, TFunction>();

export function getFixedT(locale: Locale): TFunction {
  let t = fixedT.get(locale);
  if (!t) {
    t = createI18n(locale, resourcesFor(locale)).t;
    fixedT.set(locale, t);
  }
  return t;
}

export { LOCALES };
