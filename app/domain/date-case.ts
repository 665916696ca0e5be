/**
 * Latvian dates in the case their sentence needs (docs/decisions/021-language.md, docs/style-lv.md).
 *
 * Intl writes Latvian dates in the nominative ("2027. gada 19. jūnijs"), which is right only where the
 * date stands alone ("Termiņš: 19.06.2027.", a table cell). After "līdz" Latvian needs the genitive
 * ("līdz 2027. gada 19. jūnijam" is dative and wrong; "līdz 2027. gada 19. jūnija" is right) and "on a
 * day" is the locative ("19. jūnijā"). The translator picks the case in the string itself:
 *
 *     "due": "līdz {{date, gen}}"        → līdz 2027. gada 19. jūnija
 *     "createdOn": "izveidota {{date, loc}}" → izveidota 2026. gada 1. decembrī
 *
 * The formatter changes only a Latvian month name that follows a day number (and, in the locative, a
 * weekday name before it); any other text (a short date "19.06.2027.", an English or Russian date,
 * which Intl already writes in the genitive: "19 июня 2027 г.") is returned as it is.
 */

export type DateCase = "nom" | "gen" | "loc";

// Month names as Intl writes them (nominative) → genitive, locative.
const MONTHS: Record<string, { gen: string; loc: string }> = {
  janvāris: { gen: "janvāra", loc: "janvārī" },
  februāris: { gen: "februāra", loc: "februārī" },
  marts: { gen: "marta", loc: "martā" },
  aprīlis: { gen: "aprīļa", loc: "aprīlī" },
  maijs: { gen: "maija", loc: "maijā" },
  jūnijs: { gen: "jūnija", loc: "jūnijā" },
  jūlijs: { gen: "jūlija", loc: "jūlijā" },
  augusts: { gen: "augusta", loc: "augustā" },
  septembris: { gen: "septembra", loc: "septembrī" },
  oktobris: { gen: "oktobra", loc: "oktobrī" },
  novembris: { gen: "novembra", loc: "novembrī" },
  decembris: { gen: "decembra", loc: "decembrī" },
};

// "pirmdiena" → "pirmdien" (on Monday); Latvian weekdays have no useful genitive in a date.
const WEEKDAYS = ["pirmdiena", "otrdiena", "trešdiena", "ceturtdiena", "piektdiena", "sestdiena", "svētdiena"];

const DAY_AND_MONTH = new RegExp(`(\\d{1,2}\\.\\s)(${Object.keys(MONTHS).join("|")})(?![\\p{L}])`, "gu");
const WEEKDAY = new RegExp(`(^|[^\\p{L}])(${WEEKDAYS.join("|")})(?=,)`, "gu");

export function isDateCase(value: string): value is DateCase {
  return value === "nom" || value === "gen" || value === "loc";
}

/** A Latvian date text (as Intl writes it) in the given case; anything else unchanged. */
export function latvianDateInCase(text: string, dateCase: DateCase): string {
  if (dateCase === "nom") return text;
  let result = text.replace(DAY_AND_MONTH, (_, day: string, month: string) => `${day}${MONTHS[month]![dateCase]}`);
  if (dateCase === "loc") result = result.replace(WEEKDAY, (_, before: string, weekday: string) => `${before}${weekday.slice(0, -1)}`);
  return result;
}
