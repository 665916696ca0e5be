/** Configuration from the environment, read when asked so tests can set it first. See README "Configuration". */
import { DEFAULT_DATABASE_PATH } from "../../db/connection";

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
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

/** SMTP for invitations and reset links, e.g. `smtps://user:password@mail.example.lv:465`; unset: no e-mail. */
export function smtpUrl(): string | null {
  return process.env.SMTP_URL?.trim() || null;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || "Tilts <no-reply@tilts.invalid>";
}
