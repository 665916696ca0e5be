/**
 * The server's i18next `t`, remembered per call (issue 9, docs/decisions/029-server-cpu-per-request.md):
 * every page's header, labels and buttons ask the same keys on every request, and i18next's translate
 * (key lookup, plural suffix, interpolation, nesting) cost about 8% of a page's CPU. A call is
 * remembered only when its answer depends on nothing but the strings and the call's own key, language,
 * namespace, context and numbers (counts) — never when it carries other interpolation values (names,
 * titles, dates: a user's data), which always go through i18next. The strings never change while the server runs; adding
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

/** Replaces the instance's `t` (which getFixedT and useTranslation's `t` call) by a remembering one. */
export function rememberTranslations(instance: I18n): { clear(): void } {
  const original = instance.t.bind(instance) as (key: unknown, options?: unknown) => unknown;
  const memo = new Map<string, string>();
  const rememberingT = (key: unknown, options?: unknown, ...rest: unknown[]): unknown => {
    const memoKey = rest.length === 0 ? memoKeyOf(key, options) : null;
    if (memoKey === null) return (original as (...args: unknown[]) => unknown)(key, options, ...rest);
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
  instance.store.on("added", () => memo.clear());
  return { clear: () => memo.clear() };
}
