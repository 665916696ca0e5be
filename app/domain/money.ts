/**
 * Money in Tilts: integer euro cents, always (SPEC.md, "Budget"). A branded type so a plain number
 * (a count, a percentage) cannot be passed where cents are meant; no floating point is used to parse,
 * add, split or format an amount. Pure.
 */
import type { Locale } from "./vocabulary";

export type Cents = number & { readonly __brand: "Cents" };

/** The largest amount anyone types into a young person's budget: €1,000,000.00. */
export const MONEY_MAX_CENTS = 100_000_000 as Cents;

export const ZERO = 0 as Cents;

/** Cents from a whole number of cents; throws on anything else (a programming error, not user input). */
export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number of cents: ${value}`);
  return value as Cents;
}

export function euros(whole: number): Cents {
  return cents(whole * 100);
}

export function addCents(a: Cents, b: Cents): Cents {
  return cents(a + b);
}

export function subtractCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const v of values) total += v;
  return cents(total);
}

export type MoneyProblem = "invalid" | "negative" | "decimals" | "tooLarge";

export type MoneyParse = { ok: true; cents: Cents } | { ok: false; problem: MoneyProblem };

// Spaces people and keyboards put in numbers: space, no-break space, narrow no-break space, thin space.
const SPACES = /[\s\u00a0\u202f\u2009]/g;

/**
 * What people type for an amount in Latvian, English or Russian: "12", "12,5", "12,50", "12.50", "€12",
 * "12 €", "12 EUR", "1 234,50". Refused, each with its own reason: a minus sign (amounts are always
 * positive; whether money comes in or goes out is chosen separately — so "-0" is refused too), more than
 * two digits after the separator ("12.345" could be twelve or twelve thousand), exponents ("1e9"),
 * letters, and anything over MONEY_MAX_CENTS.
 */
export function parseMoney(input: string): MoneyParse {
  let text = input.replace(SPACES, "");
  text = text.replace(/^€|€$/g, "").replace(/^EUR|EUR$/i, "");
  if (text.startsWith("-") || text.startsWith("−")) return { ok: false, problem: "negative" };
  if (text.startsWith("+")) text = text.slice(1);
  text = withoutGrouping(text) ?? "x";
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(text);
  if (!match || (match[1] === "" && (match[2] ?? "") === "")) return { ok: false, problem: "invalid" };
  const whole = match[1] ?? "";
  const fraction = match[2] ?? "";
  if (fraction.length > 2) return { ok: false, problem: "decimals" };
  // Compare digit strings, not numbers, so "99999999999999999999" is "too large" rather than imprecise.
  const wholeDigits = whole.replace(/^0+(?=\d)/, "") || "0";
  if (wholeDigits.length > 7) return { ok: false, problem: "tooLarge" };
  const value = Number(wholeDigits) * 100 + Number(fraction.padEnd(2, "0"));
  if (value > MONEY_MAX_CENTS) return { ok: false, problem: "tooLarge" };
  return { ok: true, cents: cents(value) };
}

/**
 * Takes out thousands separators: with both "," and "." the last one is the decimal separator
 * ("1,234.50", "1.234,50"); one of them repeated is grouping ("1,000,000"). Groups must be of three
 * digits; null when they are not.
 */
function withoutGrouping(text: string): string | null {
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  let group: string | null = null;
  if (lastComma >= 0 && lastDot >= 0) group = lastComma > lastDot ? "." : ",";
  else if (text.indexOf(",") !== lastComma) group = ",";
  else if (text.indexOf(".") !== lastDot) group = ".";
  if (!group) return text;
  const decimal = group === "," ? "." : ",";
  const [whole = "", ...rest] = text.split(decimal);
  if (rest.length > 1) return null;
  if (!new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) return null;
  return whole.split(group).join("") + (rest.length ? `${decimal}${rest[0]}` : "");
}

const grouping = new Map<Locale, Intl.NumberFormat>();
function groupWhole(whole: number, locale: Locale): string {
  let format = grouping.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === "en" ? "en-GB" : locale, { maximumFractionDigits: 0, useGrouping: true });
    grouping.set(locale, format);
  }
  // Intl groups an integer exactly; only whole euros go through it.
  return format.format(whole).replace(/\s/g, "\u00a0");
}

/** "12,50 €" (lv, ru), "€12.50" (en); a minus for a negative amount (a gap). */
export function formatMoney(amount: Cents, locale: Locale): string {
  const sign = amount < 0 ? "−" : "";
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, "0");
  const grouped = groupWhole(whole, locale);
  return locale === "en" ? `${sign}€${grouped}.${fraction}` : `${sign}${grouped},${fraction}\u00a0€`;
}

/** The amount as a form field shows it for editing: "12,50" (lv, ru) or "12.50" (en), no grouping. */
export function formatMoneyInput(amount: Cents, locale: Locale): string {
  const abs = Math.abs(amount);
  const text = `${Math.floor(abs / 100)}${locale === "en" ? "." : ","}${String(abs % 100).padStart(2, "0")}`;
  return amount < 0 ? `-${text}` : text;
}

/**
 * Splits `total` into parts proportional to whole-number `weights` (percentages, shares) by the largest
 * remainder method: each part gets its floor, the cents left over go one each to the largest remainders
 * (earlier weights first on a tie). The parts always add up to `total`: no cent is gained or lost.
 * All weights zero: everything goes to the first part (the spend pot).
 */
export function splitByWeights(total: Cents, weights: readonly number[]): Cents[] {
  if (weights.length === 0) return [];
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError("Weights must be whole and not negative");
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : ZERO));
  const sign = total < 0 ? -1 : 1;
  const abs = BigInt(Math.abs(total));
  const big = BigInt(sum);
  const parts = weights.map((w) => (abs * BigInt(w)) / big);
  const remainders = weights.map((w, i) => ({ i, r: (abs * BigInt(w)) % big }));
  let left = Number(abs - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0; k++, left--) {
    const index = remainders[k % remainders.length]!.i;
    parts[index] = parts[index]! + 1n;
  }
  return parts.map((p) => cents(sign * Number(p)));
}
