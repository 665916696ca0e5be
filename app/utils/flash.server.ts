/**
 * "Saved": the message the page after a save shows (issue 14). An action that saved something
 * redirects (post/redirect/get) with a short-lived cookie naming what happened; the next page's root
 * loader reads it, shows it once in a role="status" notice above the page and clears the cookie. It
 * works without JavaScript (a document redirect carries the cookie) and with it (the revalidation after
 * the action runs the root loader, whose answer clears it). The cookie holds a key from a fixed list,
 * never text: anything else in it is ignored.
 *
 * What one page alone shows after a save is shown once by that page (app/utils/shown-once.server.ts):
 * the step just ticked on the young person's home ("Done: … — what it moved", `tickedStep`). It cannot
 * ride in the flash: with JavaScript the root's data and the home's come as two parallel requests, and
 * when the home's leaves a moment after the root's answer has cleared the flash (a loaded phone, a slow
 * link), it would find nothing (tests/e2e/home.spec.ts holds the home's request back to prove it).
 */
import { secureCookies } from "./env.server";
import { shownOnce } from "./shown-once.server";

export const FLASH_COOKIE = "tilts_flash";

/** The step just ticked on the home: set by the tick, read and cleared by the home's loader alone. */
export const tickedStep = shownOnce("tilts_ticked", "/");

/** What a save can say. */
export const FLASH_KEYS = ["saved", "added", "deleted", "stepDone", "stepUndone", "logged"] as const;
export type FlashKey = (typeof FLASH_KEYS)[number];

export interface Flash {
  key: FlashKey;
}

function cookie(value: string, maxAge: number): string {
  return `${FLASH_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`;
}

/** Headers for a redirect after a save: `redirect(to, saved())`, `redirect(to, saved("deleted"))`. */
export function saved(key: FlashKey = "saved", init: { headers?: HeadersInit } = {}): { headers: Headers } {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", cookie(key, 60));
  return { headers };
}

/** The flash the request carries, if any (valid keys only). */
export function readFlash(request: Request): Flash | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name !== FLASH_COOKIE || !value) continue;
    // A key with anything after it (an older cookie's `stepDone.<id>`) still says its key.
    const key = value.split(".")[0] ?? "";
    return (FLASH_KEYS as readonly string[]).includes(key) ? { key: key as FlashKey } : null;
  }
  return null;
}

/** The Set-Cookie header that clears the flash once a page has shown it. */
export function clearFlash(): string {
  return cookie("", 0);
}
