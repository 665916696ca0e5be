/**
 * The server's i18next `t`, remembered per call (issue 9, docs/decisions/029-server-cpu-per-request.md):
 * every page's header, labels and buttons ask the same keys on every request, and i18next's translate
 * (key lookup, plural suffix, interpolation, nesting) cost about 8% of a page's CPU. A call is
 * remembered only when its answer depends on nothing but the strings and the call's own key, language,
 * namespace, context and numbers (counts) — never when it carries other interpolation values (names,
 * titles, dates: a user's data). For those, only the string they go into is kept (the same lookup
 * without the values), and the call's own values are put into its plain `{{name}}` placeholders as
 * i18next does; a string with formats (`{{date, gen}}`) or nesting goes through i18next every time
 * (decision 042). The strings never change while the server runs; adding
 * strings to the instance forgets everything. Server only (app/utils/i18n.server.ts registers it), so
 * the browser's code does not carry it.
 */
import type { i18n as I18n } from "i18next";

/** Options that only choose which string (no value from a user's data reaches the text through them). */
const CHOOSING = new Set(["lng", "lngs", "ns", "keyPrefix", "count", "context", "ordinal"]);
const LIMIT = 20_000;

function memoKeyOf(key: unknown, options: unknown): string | null {
  if (typeof key !== "string") return null;
  if (options === undefined) return `\u0000${key}`;
  if (typeof options !== "object" || options === null) return null;
  let memoKey = key;
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (value === null) {
      if (!CHOOSING.has(name)) memoKey += `\u0000${name}=\u0002null`;
      continue;
    }
    // A number (a count, "5 goals") only chooses a form and prints itself; any other value (a name,
    // a title, a date) is a user's data: not remembered.
    if (typeof value === "number") {
      memoKey += `\u0000${name}=${value}`;
      continue;
    }
    if (!CHOOSING.has(name)) return null;
    if (Array.isArray(value)) {
      if (!value.every((v) => typeof v === "string")) return null;
    } else if (typeof value !== "string" && typeof value !== "boolean") return null;
    memoKey += `\u0000${name}=${Array.isArray(value) ? value.join("\u0001") : String(value)}`;
  }
  return memoKey;
}

/** A plain placeholder, `{{name}}`: no format (`{{date, gen}}`), no path, no unescaped `{{- x}}`. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_$][\w$]*)\s*\}\}/g;
/** i18next's own options: a call carrying one of these always goes through i18next. */
const I18NEXT_OPTIONS = new Set([
  "postProcess",
  "returnObjects",
  "returnDetails",
  "joinArrays",
  "interpolation",
  "replace",
  "skipInterpolation",
  "nsSeparator",
  "keySeparator",
  "fallbackLng",
]);

/**
 * A call with values (a name, a title): the options that choose the string, or null when the call must
 * go through i18next (a value that is not a plain string or number, one of i18next's own options).
 */
function choosingPart(key: unknown, options: unknown): Record<string, unknown> | null {
  if (typeof key !== "string" || typeof options !== "object" || options === null) return null;
  const choosing: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    if (I18NEXT_OPTIONS.has(name) || name.startsWith("defaultValue")) return null;
    if (CHOOSING.has(name)) choosing[name] = value;
    else if (value !== undefined && value !== null && typeof value !== "string" && typeof value !== "number") return null;
  }
  return choosing;
}

/** The template's plain placeholders filled as i18next fills them (escapeValue off): a missing value keeps its placeholder, null is empty. */
function fill(template: string, options: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = options[name];
    return value === undefined ? placeholder : value === null ? "" : String(value);
  });
}

/** Only templates whose every placeholder is plain and that nest nothing are filled here. */
const isPlain = (template: string) => !template.replace(PLACEHOLDER, "").includes("{{") && !template.includes("$t(");

/** Replaces the instance's `t` (which getFixedT and useTranslation's `t` call) by a remembering one. */
export function rememberTranslations(instance: I18n): { clear(): void } {
  const original = instance.t.bind(instance) as (key: unknown, options?: unknown) => unknown;
  const memo = new Map<string, string>();
  // Calls with values: the string before its values are put in (i18next's `skipInterpolation`), or
  // false when it has formats or nesting (then i18next does it all). Never a value itself.
  const templates = new Map<string, string | false>();
  const withValues = (key: string, options: Record<string, unknown>, choosing: Record<string, unknown>): unknown => {
    const templateKey = memoKeyOf(key, choosing);
    let template = templateKey === null ? false : templates.get(templateKey);
    if (template === undefined) {
      const text = original(key, { ...choosing, skipInterpolation: true });
      template = typeof text === "string" && isPlain(text) ? text : false;
      if (templates.size >= LIMIT) templates.clear();
      templates.set(templateKey!, template);
    }
    return template === false ? original(key, options) : fill(template, options);
  };
  const rememberingT = (key: unknown, options?: unknown, ...rest: unknown[]): unknown => {
    const memoKey = rest.length === 0 ? memoKeyOf(key, options) : null;
    if (memoKey === null) {
      const choosing = rest.length === 0 ? choosingPart(key, options) : null;
      if (choosing) return withValues(key as string, options as Record<string, unknown>, choosing);
      return (original as (...args: unknown[]) => unknown)(key, options, ...rest);
    }
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    const text = original(key, options);
    if (typeof text === "string") {
      if (memo.size >= LIMIT) memo.clear();
      memo.set(memoKey, text);
    }
    return text;
  };
  instance.t = rememberingT as unknown as I18n["t"];
  const clear = () => {
    memo.clear();
    templates.clear();
  };
  instance.store.on("added", clear);
  return { clear };
}
