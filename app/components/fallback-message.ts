/**
 * The message shown when even the root loader failed, so no language was chosen and no translations
 * arrived: the one sentence in all three languages, Latvian first. Remix runs no loader for an unknown
 * URL, so a 404 lands here too and gets "notFound".
 */
import i18next from "i18next";
import en from "~/locales/en/fallback.json";
import lv from "~/locales/lv/fallback.json";
import ru from "~/locales/ru/fallback.json";
import { LOCALES } from "~/domain/vocabulary";

export function fallbackMessage(key: "unavailable" | "notFound" = "unavailable") {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { lv: { fallback: lv }, en: { fallback: en }, ru: { fallback: ru } },
    ns: ["fallback"],
    defaultNS: "fallback",
    lng: "lv",
    fallbackLng: false,
    initImmediate: false,
  });
  return {
    lang: "lv",
    lines: LOCALES.map((lang) => ({ lang, text: i18n.getFixedT(lang)(key) })),
  };
}
