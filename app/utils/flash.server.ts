/**
 * "Saved": the message the page after a save shows (issue 14). An action that saved something
 * redirects (post/redirect/get) with a short-lived cookie naming what happened; the next page's root
 * loader reads it, shows it once in a role="status" notice above the page and clears the cookie. It
 * works without JavaScript (a document redirect carries the cookie) and with it (the revalidation after
 * the action runs the root loader, whose answer clears it). The cookie holds a key from a fixed list,
 * never text: anything else in it is ignored.
 *
 * What one page alone shows after a save has its own cookie, which that page's loader reads and clears:
 * the step just ticked on the young person's home ("Done: … — what it moved"). It cannot ride in the
 * flash: with JavaScript the root's data and the home's come as two parallel requests, and when the
 * home's leaves a moment after the root's answer has cleared the flash (a loaded phone, a slow link), it
 * would find nothing (tests/e2e/home.spec.ts holds the home's request back to prove it).
 */
import { secureCookies } from "./env.server";

export const FLASH_COOKIE = "tilts_flash";
/** The step just ticked on the home; read and cleared by the home's loader alone. */
export const TICKED_COOKIE = "tilts_ticked";

/** What a save can say. */
export const FLASH_KEYS = ["saved", "added", "deleted", "stepDone", "stepUndone", "logged"] as const;
export type FlashKey = (typeof FLASH_KEYS)[number];

export interface Flash {
  key: FlashKey;
}

const STEP_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A minute: long enough for a redirect on a slow link, short enough not to greet a later visit. */
const MAX_AGE = 60;

function cookie(name: string, value: string, maxAge: number): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`;
}

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [key, value] = part.trim().split("=");
    if (key === name && value) return value;
  }
  return null;
}

/** Headers for a redirect after a save: `redirect(to, saved())`, `redirect(to, saved("deleted"))`. */
export function saved(key: FlashKey = "saved", init: { headers?: HeadersInit } = {}): { headers: Headers } {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", cookie(FLASH_COOKIE, key, MAX_AGE));
  return { headers };
}

/** The flash the request carries, if any (valid keys only). */
export function readFlash(request: Request): Flash | null {
  const value = cookieValue(request, FLASH_COOKIE);
  if (value === null) return null;
  // A key with anything after it (an older cookie's `stepDone.<id>`) still says its key.
  const key = value.split(".")[0] ?? "";
  return (FLASH_KEYS as readonly string[]).includes(key) ? { key: key as FlashKey } : null;
}

/** The Set-Cookie header that clears the flash once a page has shown it. */
export function clearFlash(): string {
  return cookie(FLASH_COOKIE, "", 0);
}

/** Adds the cookie naming the step just ticked, for the home to say what it moved. */
export function rememberTicked(headers: Headers, stepId: string): void {
  if (STEP_ID.test(stepId)) headers.append("Set-Cookie", cookie(TICKED_COOKIE, stepId, MAX_AGE));
}

/** The step just ticked, if the request names one (an id, nothing else). */
export function readTicked(request: Request): string | null {
  const value = cookieValue(request, TICKED_COOKIE);
  return value !== null && STEP_ID.test(value) ? value : null;
}

/** The Set-Cookie header that clears the ticked step once the home has shown it. */
export function clearTicked(): string {
  return cookie(TICKED_COOKIE, "", 0);
}
