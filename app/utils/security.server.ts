/**
 * Request-level safety: the cross-site request check for every non-GET request, and the headers every
 * response gets (CSP with a per-request nonce, no-store for personal pages).
 */
import { randomBytes } from "node:crypto";
import { isProduction, trustProxy } from "./env.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function requestHost(request: Request): string | null {
  if (trustProxy()) {
    const forwarded = request.headers.get("X-Forwarded-Host");
    if (forwarded) return forwarded.split(",")[0]!.trim().toLowerCase();
  }
  const host = request.headers.get("Host");
  if (host) return host.toLowerCase();
  try {
    return new URL(request.url).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * True when a state-changing request comes from our own pages. Browsers send Sec-Fetch-Site (modern)
 * or Origin (older) on POSTs; a request with neither is not a browser's cross-site form, so it passes.
 */
export function isSameOriginRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const fetchSite = request.headers.get("Sec-Fetch-Site");
  if (fetchSite) return fetchSite === "same-origin" || fetchSite === "none";
  const origin = request.headers.get("Origin");
  if (!origin) return true;
  if (origin === "null") return false;
  try {
    return new URL(origin).host.toLowerCase() === requestHost(request);
  } catch {
    return false;
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
  headers.set("Referrer-Policy", "same-origin");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Cross-Origin-Resource-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  if (isProduction()) headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  // Pages carry personal data: never stored by the browser or a proxy, unless a route chose otherwise.
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
}

/**
 * The client's address for rate limiting: the last X-Forwarded-For hop, set by our own reverse proxy,
 * when TRUST_PROXY=1. remix-serve gives loaders no socket address, so without a trusted proxy the
 * address is unknown (null) and only the per-account limit applies (docs/decisions/002-session-lifetimes.md).
 */
export function clientAddress(request: Request): string | null {
  if (!trustProxy()) return null;
  const forwarded = request.headers.get("X-Forwarded-For");
  return forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop() ?? null;
}
