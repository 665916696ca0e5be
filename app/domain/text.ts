/**
 * Text that people type, as the app keeps it. Control characters (NUL, ESC, BEL…) are never typed by a
 * person, break hydration and headers, and would let "\u0000" pass as a non-empty answer; tab and line
 * breaks are kept. Applied to every posted form field in one place (readFormData).
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function withoutControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS, "");
}
