/** Messages (a translation key and its values, app/domain/calendar.ts) turned into text. */
import type { Message } from "~/domain/calendar";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Translates a message; values that are messages themselves (a domain's name, a document kind) first. */
export function translate(t: Translate, message: Message): string {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.values ?? {})) {
    values[name] = typeof value === "object" ? translate(t, value) : value;
  }
  return t(message.key, values);
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * The same as `translate`, for many messages at once (a feed of 1,000 events): each key's text is
 * looked up once and its {{placeholders}} filled in here, since a call to i18next per message was most
 * of the time a feed with full titles took. For messages without plurals or formatting (the calendar's).
 */
export function messageTranslator(t: Translate): (message: Message) => string {
  const templates = new Map<string, string>();
  const run = (message: Message): string => {
    let text = templates.get(message.key);
    if (text === undefined) {
      text = t(message.key, { skipInterpolation: true });
      templates.set(message.key, text);
    }
    const values = message.values;
    if (!values) return text;
    return text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : typeof value === "object" ? run(value) : String(value);
    });
  };
  return run;
}
