/**
 * The server's remembering t() (app/utils/t-memo.ts, decision 029) answers every key of every language
 * as i18next does, for plain calls and counted ones, twice in a row; calls with interpolation values
 * are not remembered (each gets its own values: only the string they are put in is kept), and strings
 * added later are seen.
 */
import { createInstance } from "i18next";
import { describe, expect, test } from "vitest";
import { LOCALES, type Locale } from "~/domain/vocabulary";
import { createI18n, DEFAULT_NAMESPACE, i18nFor } from "~/utils/i18n";
import { resourcesFor } from "~/utils/i18n.server";
import { rememberTranslations } from "~/utils/t-memo";

function keysOf(node: unknown, prefix = ""): string[] {
  if (!node || typeof node !== "object" || Array.isArray(node)) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe.each(LOCALES as readonly Locale[])("%s", (locale) => {
  const strings = resourcesFor(locale)[locale]![DEFAULT_NAMESPACE];
  // Plural forms ("x_one", "x_other") are asked by their base key with a count.
  const keys = [...new Set(keysOf(strings).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, "")))];

  // Tens of thousands of calls: holds at a load of 20+ on 2 cores.
  test("every key, plain and counted, twice: the same text as i18next without the memo", { timeout: 180_000 }, () => {
    const plain = createI18n(locale, resourcesFor(locale));
    const remembering = i18nFor(locale);
    const fixed = remembering.getFixedT(locale);
    // The server's shared instance has the remembering t (app/utils/i18n.server.ts registers it).
    expect(remembering.t.name).toBe("rememberingT");
    expect(keys.length).toBeGreaterThan(500);
    for (let round = 0; round < 2; round++) {
      for (const key of keys) {
        expect(remembering.t(key)).toBe(plain.t(key));
        expect(fixed(key)).toBe(plain.t(key));
        for (const count of round === 0 ? [0, 1, 2, 5, 21, 111] : [1, 5]) {
          expect(fixed(key, { count })).toBe(plain.t(key, { count }));
          expect(fixed(key, { count, total: count + 1, done: 1, days: count })).toBe(plain.t(key, { count, total: count + 1, done: 1, days: count }));
        }
      }
    }
  });

  test("every key with values (names, titles, dates; tricky ones too), twice: the same text as i18next", { timeout: 180_000 }, () => {
    const plain = createI18n(locale, resourcesFor(locale));
    const fixed = i18nFor(locale).getFixedT(locale);
    const valueSets: Array<Record<string, unknown>> = [
      { name: "Jānis Ozols", title: "Atrast dzīvokli", actor: "Pēteris", date: "2026-12-03", time: "15:30", total: 7, first: 1, last: 8 },
      { name: "$& $1 $$", title: "{{name}} $t(app.name) <b>x</b>", actor: "", date: "2027-01-31", count: 3, days: 2 },
      { name: null, title: undefined, actor: 42, count: 1 },
      { count: 21, name: "Марта", goal: "Найти работу", domain: "housing" },
    ];
    for (let round = 0; round < 2; round++)
      for (const key of keys) for (const values of valueSets) expect(fixed(key, values), `${key} ${JSON.stringify(values)}`).toBe(plain.t(key, values));
  });

  test("a call with a value is answered with that value each time (never remembered)", () => {
    const instance = createInstance();
    void instance.init({
      lng: locale,
      resources: { [locale]: { translation: { hello: "Sveiki, {{name}}!", n_one: "{{count}} solis", n_other: "{{count}} soļi" } } },
      initImmediate: false,
    });
    rememberTranslations(instance);
    // The string is looked up once; each call puts its own value in.
    const translator = (instance as unknown as { translator: { translate: (...args: unknown[]) => unknown } }).translator;
    const translate = translator.translate.bind(translator);
    let lookups = 0;
    translator.translate = (...args: unknown[]) => {
      lookups++;
      return translate(...args);
    };
    expect(instance.t("hello", { name: "Jānis" })).toBe("Sveiki, Jānis!");
    expect(instance.t("hello", { name: "Marta" })).toBe("Sveiki, Marta!");
    expect(lookups).toBe(1);
    expect(instance.t("n", { count: 1, name: "x" })).toBe(instance.t("n", { count: 1 }));
    expect(instance.t("hello", { name: "Anna" })).toBe("Sveiki, Anna!");
    expect(instance.t("hello", { name: null })).toBe(createI18nLike(locale).t("hello", { name: null }));
    expect(instance.t("hello")).toBe("Sveiki, {{name}}!");
  });
});

function createI18nLike(locale: string) {
  const instance = createInstance();
  void instance.init({ lng: locale, resources: { [locale]: { translation: { hello: "Sveiki, {{name}}!" } } }, initImmediate: false });
  return instance;
}

test("strings added to an instance after a call are seen by the next call", () => {
  const instance = createInstance();
  void instance.init({ lng: "lv", resources: { lv: { translation: { a: "pirms" } } }, initImmediate: false });
  rememberTranslations(instance);
  expect(instance.t("a")).toBe("pirms");
  instance.addResourceBundle("lv", "translation", { a: "pēc" }, true, true);
  expect(instance.t("a")).toBe("pēc");
});
