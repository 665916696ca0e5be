/**
 * Words for long lists, made once per page instead of once per row: i18next's t() costs tens of
 * microseconds a call, and a domain page of a large plan called it hundreds of times
 * (docs/decisions/024-light-rows.md).
 */
import type { TFunction } from "i18next";

const MARK = "\u0001value\u0001";

/**
 * A string with one plain placeholder (`{{title}}`), split around it once. Only for placeholders without
 * a formatter (`{{date, gen}}` changes the value, so it must go through t() itself).
 */
export function withValue(t: TFunction, key: string, name: string): (value: string) => string {
  const [before = "", after = ""] = t(key, { [name]: MARK }).split(MARK);
  return (value) => before + value + after;
}

/** A counted string ("3 komentāri"), translated once per count the page shows. */
export function counted(t: TFunction, key: string): (count: number) => string {
  const made = new Map<number, string>();
  return (count) => {
    let text = made.get(count);
    if (text === undefined) {
      text = t(key, { count });
      made.set(count, text);
    }
    return text;
  };
}
