/**
 * Latvian dates in the case their sentence needs (app/domain/date-case.ts): every month and weekday as
 * Intl writes them, in the genitive and the locative. Written from the mutation run (docs/proofs.md):
 * the language tests checked June and Saturday.
 */
import { describe, expect, it } from "vitest";
import { isDateCase, latvianDateInCase } from "~/domain/date-case";

const MONTHS: Array<[nominative: string, genitive: string, locative: string]> = [
  ["janvāris", "janvāra", "janvārī"],
  ["februāris", "februāra", "februārī"],
  ["marts", "marta", "martā"],
  ["aprīlis", "aprīļa", "aprīlī"],
  ["maijs", "maija", "maijā"],
  ["jūnijs", "jūnija", "jūnijā"],
  ["jūlijs", "jūlija", "jūlijā"],
  ["augusts", "augusta", "augustā"],
  ["septembris", "septembra", "septembrī"],
  ["oktobris", "oktobra", "oktobrī"],
  ["novembris", "novembra", "novembrī"],
  ["decembris", "decembra", "decembrī"],
];
const WEEKDAYS = ["pirmdiena", "otrdiena", "trešdiena", "ceturtdiena", "piektdiena", "sestdiena", "svētdiena"];
const full = new Intl.DateTimeFormat("lv", { dateStyle: "full", timeZone: "UTC" });

describe("latvianDateInCase", () => {
  it("puts every month Intl writes into the genitive and the locative", () => {
    MONTHS.forEach(([nominative, genitive, locative], month) => {
      const text = new Intl.DateTimeFormat("lv", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2027, month, 19)));
      expect(text).toBe(`2027. gada 19. ${nominative}`);
      expect(latvianDateInCase(text, "gen")).toBe(`2027. gada 19. ${genitive}`);
      expect(latvianDateInCase(text, "loc")).toBe(`2027. gada 19. ${locative}`);
      expect(latvianDateInCase(text, "nom")).toBe(text);
    });
  });

  it("says 'on Monday' … 'on Sunday' before a locative date, and leaves the weekday alone in the genitive", () => {
    // 2027-01-04 is a Monday.
    WEEKDAYS.forEach((weekday, i) => {
      const text = full.format(new Date(Date.UTC(2027, 0, 4 + i)));
      expect(text).toBe(`${weekday}, 2027. gada ${4 + i}. janvāris`);
      expect(latvianDateInCase(text, "loc")).toBe(`${weekday.slice(0, -1)}, 2027. gada ${4 + i}. janvārī`);
      expect(latvianDateInCase(text, "gen")).toBe(`${weekday}, 2027. gada ${4 + i}. janvāra`);
    });
  });

  it("changes every date in a text, and only a whole month name after a day number", () => {
    expect(latvianDateInCase("no 1. marts līdz 5. aprīlis", "gen")).toBe("no 1. marta līdz 5. aprīļa");
    expect(latvianDateInCase("pirmdiena, 1. marts un otrdiena, 2. marts", "loc")).toBe("pirmdien, 1. martā un otrdien, 2. martā");
    expect(latvianDateInCase("1. martsā", "gen")).toBe("1. martsā");
    expect(latvianDateInCase("1. marts.", "gen")).toBe("1. marta.");
    expect(latvianDateInCase("pirmdienas, 1. marts", "loc")).toBe("pirmdienas, 1. martā");
    expect(latvianDateInCase("pirmdiena 1. marts", "loc")).toBe("pirmdiena 1. martā");
  });
});

describe("isDateCase", () => {
  it("knows the three cases and nothing else", () => {
    for (const value of ["nom", "gen", "loc"]) expect(isDateCase(value), value).toBe(true);
    for (const value of ["", "dat", "GEN", "genitive", " nom"]) expect(isDateCase(value), value).toBe(false);
  });
});
