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
