/**
 * Request-level safety: the cross-site request check for every non-GET request, and the headers every
 * response gets (CSP with a per-request nonce, no-store for personal pages).
 */
import { randomBytes } from "node:crypto";
import { isProduction, publicOrigin, trustProxy } from "./env.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Reads one request header, whatever the server's request type (Fetch Request or Node's). */
export type HeaderReader = (name: string) => string | null | undefined;

function requestHost(header: HeaderReader): string | null {
  if (trustProxy()) {
    const forwarded = header("X-Forwarded-Host");
    if (forwarded) return forwarded.split(",")[0]!.trim().toLowerCase();
  }
  return header("Host")?.toLowerCase() ?? null;
}

/** "https" or "http": behind our own proxy (TRUST_PROXY=1) what X-Forwarded-Proto says, else the connection's. */
function requestScheme(header: HeaderReader, connectionScheme: string): string {
  if (trustProxy()) {
    const forwarded = header("X-Forwarded-Proto")?.split(",")[0]?.trim().toLowerCase();
    if (forwarded === "https" || forwarded === "http") return forwarded;
  }
  return connectionScheme.replace(/:$/, "").toLowerCase();
}

/**
 * True when a state-changing request comes from our own pages. Browsers send Sec-Fetch-Site (modern)
 * or Origin (older) on POSTs; a request with neither is not a browser's cross-site form, so it passes.
 * Origin must match scheme and host (an http:// page of the same host is another origin): PUBLIC_URL when
 * it is set, otherwise the request's own.
 */
export function isSameOrigin(method: string, header: HeaderReader, connectionScheme = "http"): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const fetchSite = header("Sec-Fetch-Site");
  if (fetchSite) return fetchSite === "same-origin" || fetchSite === "none";
  const origin = header("Origin");
  if (!origin) return true;
  if (origin === "null") return false;
  try {
    const claimed = new URL(origin);
    const expected = publicOrigin();
    if (expected) return claimed.origin === expected;
    return claimed.host.toLowerCase() === requestHost(header) && claimed.protocol === `${requestScheme(header, connectionScheme)}:`;
  } catch {
    return false;
  }
}

export function isSameOriginRequest(request: Request): boolean {
  return isSameOrigin(request.method, (name) => request.headers.get(name) ?? (name === "Host" ? hostOfUrl(request.url) : null), new URL(request.url).protocol);
}

/**
 * Where links that leave the app point (calendar subscriptions): PUBLIC_URL when set, so a forged Host
 * header never ends up in a secret link; otherwise the request's own origin.
 */
export function linkOrigin(request: Request): string {
  return publicOrigin() ?? new URL(request.url).origin;
}

function hostOfUrl(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** Throws 403 for a cross-site state-changing request. Every action calls this (through requireUser or directly). */
export function assertSameOrigin(request: Request): void {
  if (!isSameOriginRequest(request)) {
    throw new Response("Cross-site request refused.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * The headers every response of the server gets, whoever answers it (static files, feeds, .ics files,
 * redirects, Express's own errors): app/server.ts sets them first, documents add their CSP.
 */
export function baseSecurityHeaders(): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
    ["Referrer-Policy", "same-origin"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Cross-Origin-Resource-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
  ];
  if (isProduction()) headers.push(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
  return headers;
}

/** Headers for every document and data response. */
export function applySecurityHeaders(headers: Headers, nonce?: string): void {
  if (nonce) headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  // A route with a secret in its URL (invitation, reset) says no-referrer itself.
  for (const [name, value] of baseSecurityHeaders()) if (name !== "Referrer-Policy" || !headers.has(name)) headers.set(name, value);
  // Pages carry personal data: never stored by the browser or a proxy, unless a route chose otherwise.
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
}

/**
 * The client's address for rate limiting: behind our own reverse proxy (TRUST_PROXY=1) the last
 * X-Forwarded-For hop, otherwise the socket's address that app/server.ts puts in the load context.
 */
export function clientAddress(request: Request, context?: { clientAddress?: string | null }): string | null {
  if (trustProxy()) {
    const forwarded = request.headers.get("X-Forwarded-For");
    const last = forwarded
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    if (last) return last;
  }
  return context?.clientAddress ?? null;
}

/**
 * A request path for the log, with the secrets in links (invitations, resets, calendar feeds) blanked
 * out — also where the path travels in a query, as in Remix's route discovery (`/__manifest?p=%2Finvite%2F…`).
 */
export function redactSecrets(path: string): string {
  return path.replace(/(invite|reset|feeds)(\/|%2F)[A-Za-z0-9_-]+/gi, "$1$2[secret]");
}
