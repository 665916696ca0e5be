/** The fixed vocabularies' one rule (app/domain/vocabulary.ts): which languages there are, and the default. */
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, isLocale, LOCALES } from "~/domain/vocabulary";

describe("locales", () => {
  it("Latvian, English and Russian; Latvian by default", () => {
    expect(LOCALES).toEqual(["lv", "en", "ru"]);
    expect(DEFAULT_LOCALE).toBe("lv");
  });

  it("isLocale knows exactly those, as text", () => {
    for (const locale of LOCALES) expect(isLocale(locale), locale).toBe(true);
    for (const value of ["", "LV", "de", "lv-LV", " lv", null, undefined, 1, ["lv"], { lv: true }]) expect(isLocale(value), String(value)).toBe(false);
  });
});
