/**
 * Post/redirect/get for a secret that is shown once (issue 14, decision 008): a new calendar link, an
 * invitation or reset link handed over in person. The action keeps the secret in a short-lived HttpOnly
 * cookie scoped to the one page that shows it and redirects; that page's loader shows it if it is still
 * valid for this user, and clears the cookie in the same answer. A refresh then shows the page without
 * the secret instead of posting again (which would revoke the link just made, or make and mail another).
 * The database still keeps only the token's hash.
 */
import { secureCookies } from "./env.server";

/** Long enough for the redirect and a slow phone; the page clears it on the first view. */
const COOKIE_SECONDS = 120;
/** Dot-separated tokens and flags only: never free text. */
const VALUE = /^[A-Za-z0-9_.-]{1,200}$/;

export interface ShownOnce {
  /** The Set-Cookie header of the action's redirect. */
  keep(parts: string[]): string;
  /** The parts the request carries, if any (the caller checks they are still valid for the viewer). */
  read(request: Request): string[] | null;
  /** The Set-Cookie header that clears it once the page has shown it. */
  clear(): string;
}

export function shownOnce(name: string, path: string): ShownOnce {
  const cookie = (value: string, maxAge: number) =>
    `${name}=${value}; Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`;
  return {
    keep: (parts) => cookie(parts.join("."), COOKIE_SECONDS),
    read(request) {
      for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
        const eq = part.indexOf("=");
        if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
        const value = part.slice(eq + 1).trim();
        return VALUE.test(value) ? value.split(".") : null;
      }
      return null;
    },
    clear: () => cookie("", 0),
  };
}

/** The calendar page's new link (app/routes/calendar.tsx). */
export const newFeedLink = shownOnce("tilts_new_feed", "/calendar");
