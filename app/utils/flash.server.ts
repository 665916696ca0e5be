/**
 * "Saved": the message the page after a save shows (issue 14). An action that saved something
 * redirects (post/redirect/get) with a short-lived cookie naming what happened; the next page's root
 * loader reads it, shows it once in a role="status" notice above the page and clears the cookie. It
 * works without JavaScript (a document redirect carries the cookie) and with it (the revalidation after
 * the action runs the root loader, whose answer clears it). The cookie holds a key from a fixed list,
 * never text: anything else in it is ignored.
 */
import { secureCookies } from "./env.server";

export const FLASH_COOKIE = "tilts_flash";

/** What a save can say; `stepDone:<id>` names the step just ticked (the home shows what it moved). */
export const FLASH_KEYS = ["saved", "added", "deleted", "stepDone", "stepUndone", "logged"] as const;
export type FlashKey = (typeof FLASH_KEYS)[number];

export interface Flash {
  key: FlashKey;
  /** An id the key is about (the ticked step), checked by the page that uses it. */
  subject: string | null;
}

const SUBJECT = /^[A-Za-z0-9_-]{1,64}$/;

function cookie(value: string, maxAge: number): string {
  return `${FLASH_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`;
}

/** Headers for a redirect after a save: `redirect(to, saved())`, `redirect(to, saved("stepDone", step.id))`. */
export function saved(key: FlashKey = "saved", subject?: string, init: { headers?: HeadersInit } = {}): { headers: Headers } {
  const headers = new Headers(init.headers);
  const value = subject && SUBJECT.test(subject) ? `${key}.${subject}` : key;
  headers.append("Set-Cookie", cookie(value, 60));
  return { headers };
}

/** The flash the request carries, if any (valid keys only). */
export function readFlash(request: Request): Flash | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name !== FLASH_COOKIE || !value) continue;
    const [key, subject] = value.split(".");
    if (!(FLASH_KEYS as readonly string[]).includes(key ?? "")) return null;
    return { key: key as FlashKey, subject: subject && SUBJECT.test(subject) ? subject : null };
  }
  return null;
}

/** The Set-Cookie header that clears the flash once a page has shown it. */
export function clearFlash(): string {
  return cookie("", 0);
}
