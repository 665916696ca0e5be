/**
 * Post/redirect/get for "make a calendar link" (issue 14, decision 008: the secret is shown once).
 * The action keeps the new token in a short-lived HttpOnly cookie scoped to /calendar and redirects;
 * the calendar page's loader shows the link if the token is still the user's live feed, and clears the
 * cookie in the same answer. A refresh then shows the page without the link instead of re-posting (which
 * would revoke the link just made). The database still keeps only the token's hash.
 */
import { secureCookies } from "./env.server";
import { TOKEN_PATTERN } from "./tokens.server";

const COOKIE = "tilts_new_feed";
/** Long enough for the redirect and a slow phone; the page clears it on the first view. */
const COOKIE_SECONDS = 120;

function cookie(value: string, maxAge: number): string {
  return `${COOKIE}=${value}; Path=/calendar; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`;
}

/** The Set-Cookie header of the action's redirect. */
export function keepNewFeedLink(token: string, replaced: boolean): string {
  return cookie(`${token}.${replaced ? "1" : "0"}`, COOKIE_SECONDS);
}

/** The new link the request carries, if any (the caller checks it is still the user's live feed). */
export function newFeedLinkOf(request: Request): { token: string; replaced: boolean } | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq).trim() !== COOKIE) continue;
    const [token, replaced] = part
      .slice(eq + 1)
      .trim()
      .split(".");
    return token && TOKEN_PATTERN.test(token) ? { token, replaced: replaced === "1" } : null;
  }
  return null;
}

export function clearNewFeedLink(): string {
  return cookie("", 0);
}
