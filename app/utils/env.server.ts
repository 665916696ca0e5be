/** Configuration from the environment, read when asked so tests can set it first. See README "Configuration". */
import { DEFAULT_DATABASE_PATH } from "../../db/connection";

/**
 * A variable as the running process has it. `remix build` replaces direct reads of NODE_ENV (and code that
 * depends on it) with constants, so reading it straight from process.env in app code gives the build's value, not
 * the server's: reading through a parameter cannot be folded.
 */
export function runtimeEnv(name: string): string | undefined {
  return process.env[name];
}

export function isProduction(): boolean {
  return runtimeEnv("NODE_ENV") === "production";
}

export function databasePath(): string {
  return process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}

/** Secure cookies in production, unless COOKIE_SECURE=0 (a plain-HTTP trial on a local network). */
export function secureCookies(): boolean {
  if (process.env.COOKIE_SECURE === "0") return false;
  if (process.env.COOKIE_SECURE === "1") return true;
  return isProduction();
}

/** Behind a reverse proxy that sets X-Forwarded-For, TRUST_PROXY=1 lets the login limiter key by address. */
export function trustProxy(): boolean {
  return process.env.TRUST_PROXY === "1";
}

/**
 * PUBLIC_URL (e.g. https://tilts.example.lv): the address people and calendars reach the app at. When
 * set, links that leave the app (calendar subscriptions) are built from it instead of the request's
 * Host header, and the cross-site check compares Origin with it. Anything but an http(s) origin is
 * ignored.
 */
export function publicOrigin(): string | null {
  const value = process.env.PUBLIC_URL;
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** SMTP for invitations and reset links, e.g. `smtps://user:password@mail.example.lv:465`; unset: no e-mail. */
export function smtpUrl(): string | null {
  return process.env.SMTP_URL?.trim() || null;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || "Tilts <no-reply@tilts.invalid>";
}
