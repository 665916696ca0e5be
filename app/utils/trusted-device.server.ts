/**
 * Device cookies for login lockouts (docs/decisions/015-login-lockouts.md, after OWASP's "device
 * cookies"): a browser that has logged in to an account before carries a cookie that proves it, and the
 * lockouts that an attacker can cause (per account, per shared address) do not apply to it; its own
 * failures are limited separately. The cookie is an HMAC keyed by the account's password hash, so it
 * needs no table and a password change (or reset) revokes every device cookie of the account.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { secureCookies } from "./env.server";

export const DEVICE_COOKIE = "tilts_device";
const DEVICE_LIFETIME_S = 365 * 24 * 60 * 60;

function mac(userId: string, issuedAt: number, passwordHash: string): string {
  return createHmac("sha256", passwordHash).update(`tilts-device:${userId}:${issuedAt}`).digest("base64url");
}

/** Set-Cookie for a browser that has just logged in to this account. */
export function deviceCookie(user: { id: string; passwordHash: string }, nowMs: number): string {
  const value = `${user.id}.${nowMs}.${mac(user.id, nowMs, user.passwordHash)}`;
  const secure = secureCookies() ? "; Secure" : "";
  // Only the login form needs it.
  return `${DEVICE_COOKIE}=${value}; Path=/login; Max-Age=${DEVICE_LIFETIME_S}; HttpOnly; SameSite=Lax${secure}`;
}

function deviceCookieValue(request: Request): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === DEVICE_COOKIE) return rest.join("=");
  }
  return null;
}

/**
 * The id of this browser's device cookie for `user` ("<user>.<issued>"), when it carries a valid,
 * unexpired one; null otherwise. A key for the device's own failure count.
 */
export function trustedDeviceOf(request: Request, user: { id: string; passwordHash: string }, nowMs: number): string | null {
  const value = deviceCookieValue(request);
  if (!value) return null;
  const [userId, issued, given] = value.split(".");
  const issuedAt = Number(issued);
  if (userId !== user.id || !Number.isSafeInteger(issuedAt) || !given) return null;
  if (issuedAt > nowMs || nowMs - issuedAt > DEVICE_LIFETIME_S * 1000) return null;
  const expected = Buffer.from(mac(user.id, issuedAt, user.passwordHash));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return `${userId}.${issuedAt}`;
}
