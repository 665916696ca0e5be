/**
 * i18next set-up shared by server and browser (docs/decisions/004-translations.md, 009-fast-pages.md).
 *
 * The server holds every string and renders any page in any language. The browser gets only what the
 * page's routes use, as cacheable, content-hashed catalogue files (/i18n/<lng>/<part>.<hash>.json):
 * every page needs ROOT_TRANSLATIONS (header, errors, form messages); a route names the rest in its
 * `handle`:
 *
 *     export const handle: TranslationHandle = { i18n: ["plan", "phase"] };
 *
 * The document lists the files (<link rel="preload"> and a small JSON script, <TranslationFiles/>);
 * entry.client.tsx fetches them before hydrating, then the catalogue of every string (also hashed and
 * cached) for client-side navigations. No strings travel in the HTML or the loader data.
 */
import i18next, { type i18n as I18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import { latvianDateInCase } from "~/domain/date-case";
import type { Locale } from "~/domain/vocabulary";

export const NAMESPACES = ["common"] as const;
export const DEFAULT_NAMESPACE = "common";

/**
 * What every page's browser needs: the root layout and header, the error page and the validation
 * messages any form can show. A part is a top-level section of the strings or a path inside one.
 */
export const ROOT_TRANSLATIONS = [
  "app",
  "nav",
  "language",
  "errors",
  "notifications.navLabel",
  "notifications.unread",
  "calendar.navLabel",
  // The saved message (app/utils/flash.server.ts FLASH_KEYS) and the offline copy's note, on every page.
  "feedback.flash.saved",
  "feedback.flash.added",
  "feedback.flash.deleted",
  "feedback.flash.stepDone",
  "feedback.flash.stepUndone",
  "feedback.flash.logged",
  "feedback.offline.note",
] as const;

/** A route module's `handle`: the parts of the strings its page (and the components it uses) needs. */
export interface TranslationHandle {
  i18n?: readonly string[];
}

/** The parts of the strings a page needs, from its matched routes' handles: ROOT first, then each once. */
export function translationParts(handles: ReadonlyArray<unknown>): string[] {
  const parts = new Set<string>();
  for (const handle of handles) {
    const wanted = (handle as TranslationHandle | undefined)?.i18n;
    if (Array.isArray(wanted)) for (const part of wanted) if (typeof part === "string") parts.add(part);
  }
  return [...parts].sort();
}

export function createI18n(locale: Locale, resources: Resource): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    supportedLngs: ["lv", "en", "ru"],
    ns: [...NAMESPACES],
    defaultNS: DEFAULT_NAMESPACE,
    resources,
    initImmediate: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    returnNull: false,
  });
  addDateCaseFormatters(instance);
  return instance;
}

/**
 * `{{date, gen}}` and `{{date, loc}}`: a formatted date in the case the sentence needs (Latvian; other
 * languages' dates pass unchanged). See app/domain/date-case.ts and docs/style-lv.md.
 */
function addDateCaseFormatters(instance: I18n): void {
  const formatter = instance.services.formatter;
  if (!formatter) return;
  for (const dateCase of ["nom", "gen", "loc"] as const) {
    formatter.add(dateCase, (value: unknown, lng: string | undefined) =>
      typeof value === "string" && lng === "lv" ? latvianDateInCase(value, dateCase) : String(value ?? ""),
    );
  }
}

/** Locale tags for Intl: Latvian and Russian as used in Latvia, British English (day-month-year). */
export const INTL_LOCALE: Record<Locale, string> = { lv: "lv-LV", en: "en-GB", ru: "ru-RU" };

/** Which catalogue files a document loads: the page's parts (by name) and the catalogue of all strings. */
export interface TranslationManifest {
  locale: Locale;
  /** part name ("root", "plan", …) → URL of its hashed file, for the parts this page needs. */
  files: Record<string, string>;
  /** The hashed file with every browser string, loaded after hydration for client-side navigations. */
  all: string;
}

type Strings = Record<string, unknown>;

/** Copies `from` into `into`, object by object (later parts add to a section, never replace it). */
export function mergeStrings(into: Strings, from: Strings): Strings {
  for (const [key, value] of Object.entries(from)) {
    const current = into[key];
    if (value && typeof value === "object" && !Array.isArray(value) && current && typeof current === "object") {
      mergeStrings(current as Strings, value as Strings);
    } else {
      into[key] = value && typeof value === "object" && !Array.isArray(value) ? mergeStrings({}, value as Strings) : value;
    }
  }
  return into;
}

/**
 * Where i18nFor finds its strings. The server registers every language's full strings once
 * (app/utils/i18n.server.ts); the browser registers what entry.client.tsx fetched, and the manifest.
 */
const registered = new Map<Locale, Strings>();
const instances = new Map<Locale, I18n>();
let prepareInstance: ((instance: I18n) => void) | null = null;
let browserManifest: TranslationManifest | null = null;
let manifestFactory: ((locale: Locale, parts: readonly string[]) => TranslationManifest) | null = null;

export function registerStrings(locale: Locale, strings: Strings): void {
  const current = registered.get(locale);
  if (!current) registered.set(locale, mergeStrings({}, strings));
  else mergeStrings(current, strings);
  instances.get(locale)?.addResourceBundle(locale, DEFAULT_NAMESPACE, strings, true, false);
}

export function registerManifest(manifest: TranslationManifest): void {
  browserManifest = manifest;
}

/** Has the browser the strings of these parts in this language (always true on the server)? */
export function hasStrings(locale: Locale, parts: readonly string[]): boolean {
  if (typeof document === "undefined") return true;
  const strings = registered.get(locale);
  if (!strings) return false;
  return [...ROOT_TRANSLATIONS, ...parts].every((part) => {
    let node: unknown = strings;
    for (const key of part.split(".")) {
      const here = node as Strings;
      // A plural part ("unread") is there when one of its forms is.
      if (!here || typeof here !== "object") return false;
      node = Object.hasOwn(here, key) ? here[key] : Object.keys(here).some((k) => k.startsWith(`${key}_`)) ? {} : undefined;
      if (node === undefined) return false;
    }
    return true;
  });
}

/** The server's extra set-up of each language's shared instance (app/utils/t-memo.ts). */
export function registerInstancePreparer(prepare: (instance: I18n) => void): void {
  prepareInstance = prepare;
}

/** The server's way of naming the files for a page (app/utils/i18n.server.ts registers it). */
export function registerManifestFactory(factory: (locale: Locale, parts: readonly string[]) => TranslationManifest): void {
  manifestFactory = factory;
}

/**
 * The catalogue files of a page: on the server, those of its parts; in the browser, always the ones the
 * server rendered into this document (so hydration matches and later navigations leave the tags alone).
 */
export function manifestFor(locale: Locale, parts: readonly string[]): TranslationManifest | null {
  if (typeof document !== "undefined") return browserManifest;
  return manifestFactory ? manifestFactory(locale, parts) : null;
}

/**
 * The i18n instance for a render: one per language, shared by every request on the server (the strings
 * never change while it runs and nothing switches its language; saves ~1 ms per page) and kept for the
 * life of the page in the browser (a language change is a full page load).
 */
export function i18nFor(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createI18n(locale, { [locale]: { [DEFAULT_NAMESPACE]: registered.get(locale) ?? {} } });
    prepareInstance?.(instance);
    instances.set(locale, instance);
  }
  return instance;
}
