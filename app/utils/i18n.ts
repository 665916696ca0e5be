/**
 * i18next set-up shared by server and browser. The server picks the language (app/utils/i18n.server.ts)
 * and sends that language's strings with the root loader, so the browser never fetches them separately
 * and pages render the same with JavaScript on or off.
 */
import i18next, { type i18n as I18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "~/domain/vocabulary";

export const NAMESPACES = ["common"] as const;
export const DEFAULT_NAMESPACE = "common";

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
  return instance;
}

/** Locale tags for Intl: Latvian and Russian as used in Latvia, British English (day-month-year). */
export const INTL_LOCALE: Record<Locale, string> = { lv: "lv-LV", en: "en-GB", ru: "ru-RU" };

const serverInstances = new Map<Locale, I18n>();

/**
 * The i18n instance for a render. On the server one instance per language serves every request (the
 * strings never change while it runs and nothing switches its language), saving ~1 ms per page; in the
 * browser a fresh one per language change.
 */
export function i18nFor(locale: Locale, resources: Resource): I18n {
  if (typeof document !== "undefined") return createI18n(locale, resources);
  let instance = serverInstances.get(locale);
  if (!instance) {
    instance = createI18n(locale, resources);
    serverInstances.set(locale, instance);
  }
  return instance;
}
