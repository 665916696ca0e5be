/**
 * The secret of an invitation or reset link leaves the address bar at once: GET /invite/<token> keeps it
 * in a short-lived HttpOnly cookie (path /invite, or /reset) and redirects to /invite, so the token is in
 * no page's URL, history or Referer, and the page's form posts normally (a no-referrer page would post
 * with `Origin: null`, which Remix refuses).
 */
import { redirect } from "@remix-run/node";
import { secureCookies } from "./env.server";
import { TOKEN_PATTERN } from "./tokens.server";

export type LinkKind = "invite" | "reset";

const COOKIE: Record<LinkKind, string> = { invite: "tilts_invite", reset: "tilts_reset" };
/** Long enough to read the notice and choose a password. */
const COOKIE_SECONDS = 3600;

function cookie(kind: LinkKind, value: string, maxAge: number): string {
  return `${COOKIE[kind]}=${value}; Path=/${kind}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`;
}

/** The redirect from the link to its page, carrying the token in the cookie (and the language, if any). */
export function swapTokenIntoCookie(kind: LinkKind, token: string | undefined, request: Request): Response {
  const lng = new URL(request.url).searchParams.get("lng");
  const target = `/${kind}${lng && /^[a-z]{2}$/.test(lng) ? `?lng=${lng}` : ""}`;
  const headers = new Headers({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });
  // A malformed token is kept as "unknown" so the page can say the link does not work.
  headers.append("Set-Cookie", cookie(kind, token && TOKEN_PATTERN.test(token) ? token : "unknown", COOKIE_SECONDS));
  return redirect(target, { headers });
}

export function tokenFromCookie(kind: LinkKind, request: Request): string | undefined {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === COOKIE[kind]) {
      const value = part.slice(eq + 1).trim();
      return TOKEN_PATTERN.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function clearTokenCookie(kind: LinkKind): string {
  return cookie(kind, "", 0);
}
