/**
 * The language rules of docs/style-lv.md and docs/style-ru.md that a machine can check, run against the
 * strings the app really loads: dates in the case their sentence needs, Latvian numerals with the
 * nominative plural, gender-neutral words towards the young person, the young person never called by
 * their role in their own view, names kept in the nominative, one kind of quotes per language.
 */
import { describe, expect, it } from "vitest";
import { latvianDateInCase } from "~/domain/date-case";
import type { Locale } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";
import { i18nFor } from "~/utils/i18n";
import { resourcesFor } from "~/utils/i18n.server";

type Json = string | { [key: string]: Json };

function flatten(node: Json, prefix = "", into: Record<string, string> = {}): Record<string, string> {
  if (typeof node === "string") into[prefix] = node;
  else for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

function strings(locale: Locale): Record<string, string> {
  return flatten((resourcesFor(locale)[locale]?.common ?? {}) as Json);
}

const lv = strings("lv");
const ru = strings("ru");
const en = strings("en");

/**
 * Keys the young person reads in their own plan (their home, plan pages, skills, documents, budget,
 * calendar and sharing pages, the login and error messages). Staff-only parts are left out.
 */
const YOUTH_VIEW = [
  /^plan\.(?!owner\.youth$)/,
  /^home\.youth\./,
  /^phase\.[a-z]+\.forYouth$/,
  /^login\./,
  /^account\./,
  /^errors\./,
  /^skills\.(?!organisation\.)/,
  /^documents\./,
  /^calendar\.(intro\.youth|feed\.name\.youth|title|noLink|create|reset|resetHint|onlyNow|newLink|titles\.|howTo\.)/,
  /^notifications\./,
  /^keys\.sharing\.(?!introStaff$)/,
  /^keys\.(access|export)\./,
  /^mentoring\.([a-zA-Z]+Own|youthNote\.|earlier\.youthNote|mentor\.(titleOwn|noneOwn)|window\.explainOwn|log\.(introOwn|privateNoteHidden))/,
  /^budget\.(?!support\.|carerHome\.|notifications\.duties|pocket\.noneAdult)/,
];

const isYouthView = (key: string) => YOUTH_VIEW.some((pattern) => pattern.test(key));

function matching(entries: Record<string, string>, test: (key: string, value: string) => boolean): string[] {
  return Object.entries(entries)
    .filter(([key, value]) => test(key, value))
    .map(([key, value]) => `${key}: ${value}`);
}

describe("dates in the case their sentence needs", () => {
  const months = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, "0")}-19`);

  it("the Latvian formatter declines every month after “līdz” (genitive) and for “on a day” (locative)", () => {
    const t = i18nFor("lv").t;
    expect(months.map((d) => t("plan.due", { date: formatDate(d, "lv") }))).toEqual([
      "līdz 2027. gada 19. janvāra",
      "līdz 2027. gada 19. februāra",
      "līdz 2027. gada 19. marta",
      "līdz 2027. gada 19. aprīļa",
      "līdz 2027. gada 19. maija",
      "līdz 2027. gada 19. jūnija",
      "līdz 2027. gada 19. jūlija",
      "līdz 2027. gada 19. augusta",
      "līdz 2027. gada 19. septembra",
      "līdz 2027. gada 19. oktobra",
      "līdz 2027. gada 19. novembra",
      "līdz 2027. gada 19. decembra",
    ]);
    expect(t("calendar.createdOn", { date: formatDate("2026-12-01", "lv") })).toBe("Saite izveidota 2026. gada 1. decembrī.");
    expect(t("phase.careEndedOn", { date: formatDate("2026-06-01", "lv") })).toBe("aprūpe beidzās 2026. gada 1. jūnijā");
    expect(t("documents.expired", { date: formatDate("2027-01-10", "lv") })).toBe("derīguma termiņš beidzās 2027. gada 10. janvārī");
  });

  it("the formatter leaves short dates, other text and other languages alone", () => {
    expect(latvianDateInCase("19.06.2027.", "gen")).toBe("19.06.2027.");
    expect(latvianDateInCase("Marts un jūnijs", "loc")).toBe("Marts un jūnijs");
    expect(latvianDateInCase("sestdiena, 19. jūnijs", "loc")).toBe("sestdien, 19. jūnijā");
    expect(latvianDateInCase("2027. gada 19. jūnijs", "nom")).toBe("2027. gada 19. jūnijs");
    expect(i18nFor("ru").t("plan.due", { date: formatDate("2027-06-19", "ru") })).toBe("до 19 июня 2027 г.");
    expect(i18nFor("en").t("plan.due", { date: formatDate("2027-06-19", "en") })).toBe("by 19 June 2027");
  });

  it("Russian long dates are in the genitive already (Intl), so no Russian string needs a case", () => {
    expect(formatDate("2027-01-10", "ru")).toBe("10 января 2027 г.");
    expect(matching(ru, (_, v) => /\{\{\s*\w+\s*,\s*(gen|loc)\s*\}\}/.test(v))).toEqual([]);
  });

  it("a Latvian date after “līdz” carries the genitive, after a verb the locative; else it stands where the nominative fits", () => {
    const DATE = /(\S*)\s*\{\{\s*(date|from|to|since|until)\s*(,\s*(\w+))?\s*\}\}/g;
    const problems: string[] = [];
    for (const [key, value] of Object.entries(lv)) {
      for (const match of value.matchAll(DATE)) {
        const before = match[1] ?? "";
        const dateCase = match[4];
        if (/līdz:?$/i.test(before) && dateCase !== "gen") problems.push(`${key}: “līdz” needs {{${match[2]}, gen}}: ${value}`);
        // Nominative only where a date stands alone: at the start, after a colon, a bracket, a dash or a comma.
        else if (!dateCase && before !== "" && !/[:(–—,]$/.test(before)) problems.push(`${key}: “${before} {{${match[2]}}}” needs a case: ${value}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("Latvian numerals", () => {
  it("_zero (0, 10–20, 30, 40, … in CLDR) says the same as _other: “11 komentāri”, not “11 komentāru”", () => {
    const problems = Object.keys(lv)
      .filter((key) => key.endsWith("_zero"))
      .filter((key) => lv[key] !== lv[key.replace(/_zero$/, "_other")])
      .map((key) => `${key}: “${lv[key]}” ≠ “${lv[key.replace(/_zero$/, "_other")]}”`);
    expect(problems).toEqual([]);
  });

  it("i18next picks _zero for 11 and 20 in Latvian, so those read naturally", () => {
    const t = i18nFor("lv").t;
    expect(t("plan.comments.count", { count: 11 })).toBe("11 komentāri");
    expect(t("plan.comments.count", { count: 20 })).toBe("20 komentāri");
    expect(t("plan.comments.count", { count: 21 })).toBe("21 komentārs");
    expect(t("notifications.unread", { count: 12 })).toBe("12 nelasīti");
  });

  it("the error summary is a sentence with the number in it, not “Lūdzu, izlabo: 1” / “исправьте: 1”", () => {
    const lvT = i18nFor("lv").t;
    const ruT = i18nFor("ru").t;
    expect([1, 2, 11, 21].map((count) => lvT("errors.summary", { count }))).toEqual([
      "Lūdzu, izlabo 1 kļūdu",
      "Lūdzu, izlabo 2 kļūdas",
      "Lūdzu, izlabo 11 kļūdas",
      "Lūdzu, izlabo 21 kļūdu",
    ]);
    expect([1, 3, 5, 11, 21].map((count) => ruT("errors.summary", { count }))).toEqual([
      "Пожалуйста, исправьте 1 ошибку",
      "Пожалуйста, исправьте 3 ошибки",
      "Пожалуйста, исправьте 5 ошибок",
      "Пожалуйста, исправьте 11 ошибок",
      "Пожалуйста, исправьте 21 ошибку",
    ]);
  });

  it("Russian one/few/many: 1 комментарий, 3 комментария, 5 комментариев, 11 комментариев, 21 комментарий", () => {
    const t = i18nFor("ru").t;
    expect([1, 3, 5, 11, 21, 22].map((count) => t("plan.comments.count", { count }))).toEqual([
      "1 комментарий",
      "3 комментария",
      "5 комментариев",
      "11 комментариев",
      "21 комментарий",
      "22 комментария",
    ]);
  });
});

describe("gender-neutral words towards the young person", () => {
  // Masculine-only (or feminine-only) forms that say something about the reader: adjectives, participles
  // and pronouns. Rephrase with a verb or a noun ("to jau protu", "Tilts tevi izrakstīja").
  const LV_GENDERED =
    /(?<![\p{L}])(gatavs|gatava|pats|pati|paša|pašas|sācis|sākusi|izgājis|izgājusi|izrakstīts|izrakstīta|aktīvs|aktīva|vienam|vienai|drošs|droša|pārliecināts|pārliecināta|spējīgs|spējīga|viņš|viņa|viņam|viņai|tiki|tiksi|esi\s+\p{L}+(ts|ta|is|usi))(?![\p{L}])/iu;
  const RU_GENDERED =
    /(?<![\p{L}])(готов|готова|сам|сама|должен|должна|уверен|уверена|рад|рада|один|одна|начал|начала|смог|смогла|был|была|\p{L}+\(а\))(?![\p{L}])/iu;

  // Read by hand: the form agrees with a thing or another person, not with the reader.
  const LV_ABOUT_OTHERS = new Set([
    "home.youth.noRecord", // plāns … nav gatavs
    "calendar.newLink", // saite ir gatava
  ]);
  const RU_ABOUT_OTHERS = new Set([
    "errors.passwordTooShort", // пароль должен
    "errors.passwordLikeEmail", // пароль не должен
    "home.youth.noRecord", // план ещё не готов
    "calendar.newLink", // ссылка готова
    "keys.sharing.specialistWhy", // специалист … должен
    "keys.sharing.contactsAlways", // сам наставник
    "budget.add.amountHint", // сумма … была
    "budget.errors.money.zero", // сумма должна
  ]);

  it("no Latvian gendered form in what the young person reads", () => {
    expect(matching(lv, (key, value) => isYouthView(key) && !LV_ABOUT_OTHERS.has(key) && LV_GENDERED.test(value))).toEqual([]);
  });

  it("no Russian gendered form in what the young person reads (the formal “вы” takes plural forms: “вы готовы”)", () => {
    expect(matching(ru, (key, value) => isYouthView(key) && !RU_ABOUT_OTHERS.has(key) && RU_GENDERED.test(value))).toEqual([]);
  });

  it("no “(а)” or “(-a)” forms anywhere: rephrase so the form agrees with a thing (“{{actor}}: добавлена цель”)", () => {
    expect(matching(ru, (_, value) => /\p{L}\((а|ла|ась|ая|ый)\)/u.test(value))).toEqual([]);
    expect(matching(lv, (_, value) => /\p{L}\((-?[a-zāēīū]{1,4})\)/u.test(value))).toEqual([]);
  });

  it("the lists catch the forms that were found", () => {
    for (const found of ["Cik gatavs tu te jūties?", "varu pats", "Tu tiki izrakstīts", "Tu esi izgājis no sistēmas."]) {
      expect(LV_GENDERED.test(found), found).toBe(true);
    }
    for (const found of ["могу сам(а)", "ещё не начал(а)", "Вы готов?"]) expect(RU_GENDERED.test(found), found).toBe(true);
    expect(LV_GENDERED.test("Cik labi tev tas jau padodas?")).toBe(false);
    expect(RU_GENDERED.test("Вы вышли из системы.")).toBe(false);
  });
});

describe("the young person is not called by their role", () => {
  const LV_ROLE = /(?<![\p{L}])(jaunietis|jaunieša|jaunietim|jaunieti|jauniete|jaunietes)(?![\p{L}])/iu;

  it("no “Jaunietis”/“Jaunieša” in what the young person reads (plural “jaunieši” is about others)", () => {
    expect(matching(lv, (key, value) => isYouthView(key) && LV_ROLE.test(value))).toEqual([]);
  });

  it("no singular “молодой человек” (it means “young man”) anywhere in Russian; the plural “молодые люди” is neutral", () => {
    expect(matching(ru, (_, value) => /молод(ой|ого|ому|ым|ом) человек/iu.test(value))).toEqual([]);
  });

  it("no “подопечный/подопечная” for one person in Russian (gendered); the plural is fine", () => {
    expect(matching(ru, (_, value) => /подопечн(ый|ая|ого|ой|ому|ым)(?![\p{L}])/iu.test(value))).toEqual([]);
  });

  it("the young person's own steps are “Es” / “Я” / “Me” in their own view", () => {
    expect([lv["plan.owner.youth_own"], ru["plan.owner.youth_own"], en["plan.owner.youth_own"]]).toEqual(["Es", "Я", "Me"]);
    expect(i18nFor("lv").t("plan.owner.youth", { context: "own" })).toBe("Es");
    expect(i18nFor("lv").t("plan.owner.mentor", { context: "own" })).toBe("Mentors");
  });
});

describe("one word for each term (docs/style-ru.md)", () => {
  it("Russian says “наставник/наставничество”, never “ментор/менторство” (the home said both on one screen)", () => {
    expect(matching(ru, (_, value) => /(?<![\p{L}])ментор/iu.test(value))).toEqual([]);
  });
});

describe("Latvian cases the sweep found", () => {
  it("“tikšanās” (genitive) before a noun, never the accusative “Tikšanos žurnāls”", () => {
    expect(matching(lv, (_, value) => /tikšanos (žurnāl|pierakst)/iu.test(value))).toEqual([]);
  });
});

describe("names stay in the nominative", () => {
  it("no Latvian heading puts a person's name before a noun it would have to be the genitive of (“Marta Liepa plāns”)", () => {
    const NAME_THEN_NOUN =
      /\{\{\s*(name|actor|mentor|author|person)\s*\}\}\s+(plāns|plāna|plānā|konts|mērķi|mērķis|mentors|vērtējums|skatījums|dokumenti|budžets|kalendārs|dati)(?![\p{L}])/iu;
    expect(matching(lv, (_, value) => NAME_THEN_NOUN.test(value))).toEqual([]);
    expect(i18nFor("lv").t("plan.planOf", { name: "Marta Liepa" })).toBe("Plāns: Marta Liepa");
  });
});

describe("agreement with the document's name", () => {
  it("validity lines do not agree with a gender the document may not have (“ID-карта: действителен”, “ID karte: derīgs”)", () => {
    const keys = ["documents.validUntil", "documents.expired"];
    expect(keys.filter((key) => /(?<![\p{L}])(derīgs|derīga)(?![\p{L}])/iu.test(lv[key] ?? ""))).toEqual([]);
    expect(keys.filter((key) => /(?<![\p{L}])(действителен|действительна|действительно)(?![\p{L}])/iu.test(ru[key] ?? ""))).toEqual([]);
  });
});

describe("one kind of quotes per language", () => {
  const QUOTES: Record<Locale, { allowed: RegExp; wrong: RegExp; open: string; close: string }> = {
    lv: { allowed: /[“”]/u, wrong: /["„«»‘’‚]/u, open: "“", close: "”" },
    en: { allowed: /[“”]/u, wrong: /["„«»‚]/u, open: "“", close: "”" },
    ru: { allowed: /[«»]/u, wrong: /["“”„‘’‚]/u, open: "«", close: "»" },
  };

  it.each(["lv", "en", "ru"] as const)("%s: only its own quotes, each one closed", (locale) => {
    const { wrong, open, close } = QUOTES[locale];
    const all = strings(locale);
    expect(matching(all, (_, value) => wrong.test(value))).toEqual([]);
    expect(matching(all, (_, value) => value.split(open).length !== value.split(close).length)).toEqual([]);
    expect(Object.values(all).some((value) => QUOTES[locale].allowed.test(value))).toBe(true);
  });
});

describe("plain text", () => {
  it.each(["lv", "en", "ru"] as const)("%s: no literal backslash (an escaped “\\n” that would show as text)", (locale) => {
    expect(matching(strings(locale), (_, value) => value.includes("\\"))).toEqual([]);
  });
});
