/**
 * Request-level safety: the cross-site request check for every non-GET request, and the headers every
 * response gets (CSP with a per-request nonce, no-store for personal pages).
 */
import { randomBytes } from "node:crypto";
import { isProduction, trustProxy } from "./env.server";

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

/**
 * True when a state-changing request comes from our own pages. Browsers send Sec-Fetch-Site (modern)
 * or Origin (older) on POSTs; a request with neither is not a browser's cross-site form, so it passes.
 */
export function isSameOrigin(method: string, header: HeaderReader): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const fetchSite = header("Sec-Fetch-Site");
  if (fetchSite) return fetchSite === "same-origin" || fetchSite === "none";
  const origin = header("Origin");
  if (!origin) return true;
  if (origin === "null") return false;
  try {
    return new URL(origin).host.toLowerCase() === requestHost(header);
  } catch {
    return false;
  }
}

export function isSameOriginRequest(request: Request): boolean {
  return isSameOrigin(request.method, (name) => request.headers.get(name) ?? (name === "Host" ? hostOfUrl(request.url) : null));
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

/** Headers for every document and data response. */
export function applySecurityHeaders(headers: Headers, nonce?: string): void {
  if (nonce) headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  // A route with a secret in its URL (invitation, reset) says no-referrer itself.
  if (!headers.has("Referrer-Policy")) headers.set("Referrer-Policy", "same-origin");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Cross-Origin-Resource-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  if (isProduction()) headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
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
    const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop();
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
