/**
 * Logging in without the login form, for tests whose subject is not logging in: a session is written
 * straight into the server's database (the row the login action writes) and its cookie, with the
 * language cookie, is put into the browser context. The login-flow tests (roles, language, security)
 * keep logging in through the form.
 *
 * A new session per call rather than one saved storageState per role: tests log out, change passwords
 * and age sessions, which would end a session shared between tests.
 */
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATABASE, expect, expectHome, type DemoAccount, type Locale } from "./helpers";

const DAY_MS = 86_400_000;

/** Writes a session for `email` (and the profile language the login page would have set); gives its id. */
export function writeSession(email: string, lng: Locale): string {
  const db = new Database(E2E_DATABASE);
  try {
    db.pragma("busy_timeout = 5000");
    const user = db.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: string } | undefined;
    expect(user, `the demo account ${email}`).toBeTruthy();
    const id = randomBytes(20).toString("hex");
    const now = Date.now();
    db.prepare("INSERT INTO sessions (id, user_id, expires_at, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)").run(
      id,
      user!.id,
      Math.floor((now + 30 * DAY_MS) / 1000),
      now,
      now,
    );
    // The form's login page is opened with ?lng=, which becomes the profile's language.
    db.prepare("UPDATE users SET locale = ? WHERE id = ?").run(lng, user!.id);
    return id;
  } finally {
    db.close();
  }
}

/** Logged in as `who` in `lng` on the home page, without the form (see above). */
export async function signIn(page: Page, who: DemoAccount, lng: Locale = "lv"): Promise<void> {
  const sessionId = writeSession(who.email, lng);
  await page.context().addCookies([
    { name: "tilts_session", value: sessionId, url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" },
    { name: "tilts_lng", value: lng, url: E2E_BASE_URL, sameSite: "Lax" },
  ]);
  await page.goto("/");
  // Where the form would have led: the account's home in that language.
  await expectHome(page, who, lng);
}
