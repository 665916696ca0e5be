/**
 * Which language a request gets, translations for loaders and actions, and the browser's catalogue
 * files: content-hashed, immutable, one per part a route names (docs/decisions/009-fast-pages.md).
 */
import { createHash } from "node:crypto";
import type { Resource, TFunction } from "i18next";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "~/domain/vocabulary";
import enBudget from "~/locales/en/budget.json";
import enReviews from "~/locales/en/reviews.json";
import enFeedback from "~/locales/en/feedback.json";
import enWeekly from "~/locales/en/weekly.json";
import enCalendar from "~/locales/en/calendar.json";
import en from "~/locales/en/common.json";
import enDocuments from "~/locales/en/documents.json";
import enMentoring from "~/locales/en/mentoring.json";
import enOrg from "~/locales/en/org.json";
import enPlan from "~/locales/en/plan.json";
import enKeys from "~/locales/en/keys.json";
import enSkills from "~/locales/en/skills.json";
import enHelp from "~/locales/en/help.json";
import enWellbeing from "~/locales/en/wellbeing.json";
import enWorklist from "~/locales/en/worklist.json";
import enPages from "~/locales/en/pages.json";
import lvBudget from "~/locales/lv/budget.json";
import lvReviews from "~/locales/lv/reviews.json";
import lvFeedback from "~/locales/lv/feedback.json";
import lvWeekly from "~/locales/lv/weekly.json";
import lvCalendar from "~/locales/lv/calendar.json";
import lv from "~/locales/lv/common.json";
import lvDocuments from "~/locales/lv/documents.json";
import lvMentoring from "~/locales/lv/mentoring.json";
import lvOrg from "~/locales/lv/org.json";
import lvPlan from "~/locales/lv/plan.json";
import lvKeys from "~/locales/lv/keys.json";
import lvSkills from "~/locales/lv/skills.json";
import lvHelp from "~/locales/lv/help.json";
import lvWellbeing from "~/locales/lv/wellbeing.json";
import lvWorklist from "~/locales/lv/worklist.json";
import lvPages from "~/locales/lv/pages.json";
import ruBudget from "~/locales/ru/budget.json";
import ruReviews from "~/locales/ru/reviews.json";
import ruFeedback from "~/locales/ru/feedback.json";
import ruWeekly from "~/locales/ru/weekly.json";
import ruCalendar from "~/locales/ru/calendar.json";
import ru from "~/locales/ru/common.json";
import ruDocuments from "~/locales/ru/documents.json";
import ruMentoring from "~/locales/ru/mentoring.json";
import ruOrg from "~/locales/ru/org.json";
import ruPlan from "~/locales/ru/plan.json";
import ruKeys from "~/locales/ru/keys.json";
import ruSkills from "~/locales/ru/skills.json";
import ruHelp from "~/locales/ru/help.json";
import ruWellbeing from "~/locales/ru/wellbeing.json";
import ruWorklist from "~/locales/ru/worklist.json";
import ruPages from "~/locales/ru/pages.json";
import {
  createI18n,
  DEFAULT_NAMESPACE,
  mergeStrings,
  registerInstancePreparer,
  registerManifestFactory,
  registerStrings,
  ROOT_TRANSLATIONS,
  type TranslationManifest,
} from "./i18n";
import { rememberTranslations } from "./t-memo";

export const LOCALE_COOKIE = "tilts_lng";

/**
 * The translation files of a language are split by area for editing (each file has its own top-level
 * keys) and merged into the one "common" namespace here.
 */
const RESOURCES: Record<Locale, Resource[string]> = {
  lv: {
    common: {
      ...lv,
      ...lvPlan,
      ...lvSkills,
      ...lvDocuments,
      ...lvMentoring,
      ...lvCalendar,
      ...lvKeys,
      ...lvBudget,
      ...lvOrg,
      ...lvHelp,
      ...lvWellbeing,
      ...lvWorklist,
      ...lvReviews,
      ...lvPages,
      ...lvFeedback,
      ...lvWeekly,
    },
  },
  en: {
    common: {
      ...en,
      ...enPlan,
      ...enSkills,
      ...enDocuments,
      ...enMentoring,
      ...enCalendar,
      ...enKeys,
      ...enBudget,
      ...enOrg,
      ...enHelp,
      ...enWellbeing,
      ...enWorklist,
      ...enReviews,
      ...enPages,
      ...enFeedback,
      ...enWeekly,
    },
  },
  ru: {
    common: {
      ...ru,
      ...ruPlan,
      ...ruSkills,
      ...ruDocuments,
      ...ruMentoring,
      ...ruCalendar,
      ...ruKeys,
      ...ruBudget,
      ...ruOrg,
      ...ruHelp,
      ...ruWellbeing,
      ...ruWorklist,
      ...ruReviews,
      ...ruPages,
      ...ruFeedback,
      ...ruWeekly,
    },
  },
};

export function resourcesFor(locale: Locale): Resource {
  return { [locale]: RESOURCES[locale] };
}

type Strings = Record<string, unknown>;

for (const locale of LOCALES) registerStrings(locale, RESOURCES[locale][DEFAULT_NAMESPACE] as Strings);

/**
 * Strings only the server uses, never sent to a browser: the life-skills catalogue (86 items, ~4 KB
 * gzip; the pages that show them translate the titles on the server) and the texts of calendar events
 * and feeds (written into .ics files).
 */
export const SERVER_ONLY_TRANSLATIONS = ["skills.items", "calendar.event", "calendar.feed"] as const;

function without(strings: Strings, path: string): Strings {
  const [head, ...rest] = path.split(".");
  if (!head || !(head in strings)) return strings;
  const { [head]: inner, ...others } = strings;
  if (rest.length === 0) return others;
  return inner && typeof inner === "object" ? { ...others, [head]: without(inner as Strings, rest.join(".")) } : strings;
}

function browserStrings(locale: Locale): Strings {
  return SERVER_ONLY_TRANSLATIONS.reduce(without, RESOURCES[locale][DEFAULT_NAMESPACE] as Strings);
}

/** One part ("plan", "notifications.unread") of the browser strings, nested as in the full set; null if absent. */
function pick(strings: Strings, part: string): Strings | null {
  const [head, ...rest] = part.split(".");
  if (!head) return null;
  if (rest.length === 0) {
    if (Object.hasOwn(strings, head)) return { [head]: strings[head] };
    // A plural key: "unread" is unread_one, unread_other…
    const plural = Object.entries(strings).filter(([key]) => key.startsWith(`${head}_`) && /^[a-z]+$/.test(key.slice(head.length + 1)));
    return plural.length ? Object.fromEntries(plural) : null;
  }
  if (!Object.hasOwn(strings, head)) return null;
  const value = strings[head];
  if (!value || typeof value !== "object") return null;
  const inner = pick(value as Strings, rest.join("."));
  return inner ? { [head]: inner } : null;
}

interface Catalogue {
  body: string;
  hash: string;
}

/** The strings of a catalogue file: "root" (ROOT_TRANSLATIONS), "all" (every browser string) or one part. */
function catalogueStrings(locale: Locale, name: string): Strings | null {
  const strings = browserStrings(locale);
  if (name === "all") return strings;
  const parts = name === "root" ? ROOT_TRANSLATIONS : [name];
  const picked = parts.map((part) => pick(strings, part));
  if (picked.some((p) => p === null)) return null;
  return picked.reduce<Strings>((into, p) => mergeStrings(into, p!), {});
}

const catalogues = new Map<string, Catalogue | null>();

/** A catalogue file's text and content hash, made once per language and name; null for an unknown name. */
export function catalogue(locale: Locale, name: string): Catalogue | null {
  const key = `${locale}/${name}`;
  let entry = catalogues.get(key);
  if (entry === undefined) {
    const strings = /^[A-Za-z][A-Za-z0-9.]{0,80}$/.test(name) ? catalogueStrings(locale, name) : null;
    const body = strings ? JSON.stringify(strings) : null;
    entry = body ? { body, hash: createHash("sha256").update(body).digest("hex").slice(0, 12) } : null;
    // Only names that exist are remembered, so probing unknown names cannot grow the map.
    if (entry) catalogues.set(key, entry);
  }
  return entry;
}

export function catalogueUrl(locale: Locale, name: string): string {
  const entry = catalogue(locale, name);
  if (!entry) throw new Error(`No translations "${name}" for ${locale}: a route's handle names a part that does not exist.`);
  return `/i18n/${locale}/${name}.${entry.hash}.json`;
}

/** The files a page with these parts loads in the browser. */
export function translationManifest(locale: Locale, parts: readonly string[]): TranslationManifest {
  const files: Record<string, string> = { root: catalogueUrl(locale, "root") };
  for (const part of parts) files[part] = catalogueUrl(locale, part);
  return { locale, files, all: catalogueUrl(locale, "all") };
}

registerManifestFactory(translationManifest);
// The render's t() remembers what only chooses a string (app/utils/t-memo.ts).
registerInstancePreparer(rememberTranslations);

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
