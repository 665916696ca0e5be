/**
 * Sessions on the server: requireUser's redirects, idle and absolute lifetimes per role, logout and
 * changing the password — against the real database and the real route modules.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/seed";
import {
  browserRequest,
  cookiePair,
  freshDatabase,
  guard,
  routeArgs,
  sessionCookieFor,
  sessionIdOf,
  sessionRow,
  sessionRowsOf,
  setCookieOf,
  settle,
  userByEmail,
} from "../helpers/db";
import { PERSONAL_SESSION, STAFF_SESSION, TOUCH_INTERVAL_MS, type SessionLifetime } from "~/domain/session-policy";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction, loader as logoutLoader } from "~/routes/logout";
import { requireUser } from "~/utils/auth.server";
import { setClock } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";

beforeEach(async () => {
  await freshDatabase();
});

afterEach(() => {
  setClock(null);
});

/** A cleared session cookie: empty value and Max-Age=0. */
function expectClearedCookie(response: Response) {
  const setCookie = setCookieOf(response);
  expect(setCookie).toMatch(/^tilts_session=;/);
  expect(setCookie).toContain("Max-Age=0");
}

describe("requireUser", () => {
  test("without a cookie redirects to /login with redirectTo and sets no cookie", async () => {
    const { response, thrown } = await guard(() => requireUser(browserRequest("/account?tab=1")));
    expect(thrown).toBe(true);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location")!, "http://localhost");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("redirectTo")).toBe("/account?tab=1");
    expect(location.searchParams.has("ended")).toBe(false);
    expect(setCookieOf(response)).toBeNull();
  });

  test("without a cookie on the home page redirects to a plain /login", async () => {
    const { response } = await guard(() => requireUser(browserRequest("/")));
    expect(response.headers.get("Location")).toBe("/login");
  });

  test("an unknown session id redirects to /login?…ended=1 and clears the cookie", async () => {
    const { response, thrown } = await guard(() =>
      requireUser(browserRequest("/account", { cookie: "tilts_session=doesnotexist0000000000000000000000000000" })),
    );
    expect(thrown).toBe(true);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location")!, "http://localhost");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("redirectTo")).toBe("/account");
    expect(location.searchParams.get("ended")).toBe("1");
    expectClearedCookie(response);
  });

  test("a session past lucia's own expiry is refused and deleted", async () => {
    const cookie = sessionCookieFor("youth.transition@demo.test");
    const id = sessionIdOf(cookie);
    getDb()
      .$client.prepare("UPDATE sessions SET expires_at = ? WHERE id = ?")
      .run(Math.floor(Date.now() / 1000) - 10, id);
    const { response, thrown } = await guard(() => requireUser(browserRequest("/", { cookie })));
    expect(thrown).toBe(true);
    expect(response.headers.get("Location")).toBe("/login?ended=1");
    expectClearedCookie(response);
    expect(sessionRow(id)).toBeNull();
  });

  test("a valid session returns the user without secrets", async () => {
    const cookie = sessionCookieFor("lead@demo.test");
    const user = await requireUser(browserRequest("/", { cookie }));
    expect(user).toMatchObject({ email: "lead@demo.test", role: "lead", displayName: "Dace Vītola" });
    expect(user).not.toHaveProperty("passwordHash");
    expect(user).not.toHaveProperty("disabledAt");
  });

  test("last seen is written at most once a minute", async () => {
    const start = new Date("2030-03-01T10:00:00Z");
    setClock(start);
    const lastSeenAt = start.getTime() - 5 * 60_000;
    const cookie = sessionCookieFor("specialist@demo.test", { createdAt: lastSeenAt, lastSeenAt });
    await requireUser(browserRequest("/", { cookie }));
    expect(sessionRow(sessionIdOf(cookie))!.lastSeenAt).toBe(start.getTime());
    setClock(new Date(start.getTime() + TOUCH_INTERVAL_MS / 2));
    await requireUser(browserRequest("/", { cookie }));
    expect(sessionRow(sessionIdOf(cookie))!.lastSeenAt).toBe(start.getTime());
  });
});

describe.each([
  ["specialist@demo.test", "staff", STAFF_SESSION, 30 * 60_000, 12 * 3_600_000],
  ["youth.transition@demo.test", "young person", PERSONAL_SESSION, 14 * 86_400_000, 30 * 86_400_000],
] as const)("session lifetimes for %s (%s)", (email, _kind, lifetime: SessionLifetime, idleMs, absoluteMs) => {
  const NOW = new Date("2030-06-15T09:00:00Z").getTime();
  const SECOND = 1000;

  beforeEach(() => {
    setClock(new Date(NOW));
  });

  test("the policy matches the documented lifetimes", () => {
    expect(lifetime.idleMs).toBe(idleMs);
    expect(lifetime.absoluteMs).toBe(absoluteMs);
  });

  async function attempt(createdAt: number, lastSeenAt: number) {
    const cookie = sessionCookieFor(email, { createdAt, lastSeenAt });
    const result = await guard(() => requireUser(browserRequest("/account", { cookie })));
    return Object.assign(result, { id: sessionIdOf(cookie) });
  }

  test("just inside the idle timeout works", async () => {
    const result = await attempt(NOW - lifetime.idleMs, NOW - lifetime.idleMs + SECOND);
    expect(result.thrown).toBe(false);
    expect(sessionRow(result.id)).not.toBeNull();
  });

  test("just past the idle timeout is refused and the row deleted", async () => {
    const result = await attempt(NOW - lifetime.idleMs - SECOND, NOW - lifetime.idleMs - SECOND);
    expect(result.thrown).toBe(true);
    expect(result.response.status).toBe(302);
    expect(result.response.headers.get("Location")).toContain("ended=1");
    expectClearedCookie(result.response);
    expect(sessionRow(result.id)).toBeNull();
  });

  test("just inside the absolute lifetime works, however active", async () => {
    const result = await attempt(NOW - lifetime.absoluteMs + SECOND, NOW - SECOND);
    expect(result.thrown).toBe(false);
    expect(sessionRow(result.id)).not.toBeNull();
  });

  test("just past the absolute lifetime is refused, even when active a second ago, and the row deleted", async () => {
    const result = await attempt(NOW - lifetime.absoluteMs - SECOND, NOW - SECOND);
    expect(result.thrown).toBe(true);
    expect(result.response.headers.get("Location")).toContain("ended=1");
    expectClearedCookie(result.response);
    expect(sessionRow(result.id)).toBeNull();
  });
});

test("a staff session idle for longer than staff allow but less than a young person's is refused", async () => {
  const NOW = Date.now();
  const lastSeenAt = NOW - STAFF_SESSION.idleMs - 60_000;
  expect(NOW - lastSeenAt).toBeLessThan(PERSONAL_SESSION.idleMs);
  const staff = sessionCookieFor("mentor@demo.test", { createdAt: lastSeenAt, lastSeenAt });
  const youth = sessionCookieFor("youth.aftercare@demo.test", { createdAt: lastSeenAt, lastSeenAt });
  expect((await guard(() => requireUser(browserRequest("/", { cookie: staff })))).thrown).toBe(true);
  expect((await guard(() => requireUser(browserRequest("/", { cookie: youth })))).thrown).toBe(false);
});

describe("logout", () => {
  test("deletes the session row, clears the cookie and redirects to the login page", async () => {
    const cookie = sessionCookieFor("mentor@demo.test");
    const other = sessionCookieFor("mentor@demo.test");
    const { response } = await settle(() => logoutAction(routeArgs(browserRequest("/logout", { cookie, method: "POST" }))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?loggedOut=1");
    expectClearedCookie(response);
    expect(sessionRow(sessionIdOf(cookie))).toBeNull();
    // Only this device logs out.
    expect(sessionRow(sessionIdOf(other))).not.toBeNull();
    // The old cookie no longer works.
    const again = await guard(() => requireUser(browserRequest("/", { cookie })));
    expect(again.thrown).toBe(true);
  });

  test("without a session it still answers with a cleared cookie", async () => {
    const { response } = await settle(() => logoutAction(routeArgs(browserRequest("/logout", { method: "POST" }))));
    expect(response.status).toBe(302);
    expectClearedCookie(response);
  });

  test("a GET of /logout does not log out", async () => {
    const cookie = sessionCookieFor("mentor@demo.test");
    const { response } = await settle(() => logoutLoader());
    expect(response.headers.get("Location")).toBe("/");
    expect(sessionRow(sessionIdOf(cookie))).not.toBeNull();
  });
});

describe("change password", () => {
  const EMAIL = "specialist@demo.test";
  const NEW_PASSWORD = "Kalnu ezers un vējš 2031";

  function changePassword(cookie: string, form: Record<string, string>) {
    return settle(() => accountAction(routeArgs(browserRequest("/account", { cookie, form }))));
  }

  function passwordHash() {
    return getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.email, EMAIL)).get()!.hash;
  }

  async function tryLogin(password: string) {
    const { response } = await settle(() => loginAction(routeArgs(browserRequest("/login", { form: { email: EMAIL, password } }))));
    return response.status;
  }

  type Reply = { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } };

  test("the account page needs a login", async () => {
    const { response, thrown } = await settle(() => accountLoader(routeArgs(browserRequest("/account"))));
    expect(thrown).toBe(true);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
  });

  test("a wrong current password gives errors.currentPasswordWrong and changes nothing", async () => {
    const cookie = sessionCookieFor(EMAIL);
    const hash = passwordHash();
    const { response } = await changePassword(cookie, {
      currentPassword: "not-my-password-at-all",
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Reply;
    expect(body.result.error?.currentPassword).toEqual(["errors.currentPasswordWrong"]);
    expect(JSON.stringify(body)).not.toContain(NEW_PASSWORD);
    expect(passwordHash()).toBe(hash);
    expect(sessionRow(sessionIdOf(cookie))).not.toBeNull();
  });

  test("a common password gives errors.passwordCommon", async () => {
    const cookie = sessionCookieFor(EMAIL);
    const hash = passwordHash();
    const { response } = await changePassword(cookie, {
      currentPassword: DEMO_PASSWORD,
      newPassword: "Password2026!",
      confirmPassword: "Password2026!",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Reply;
    expect(body.result.error?.newPassword).toEqual(["errors.passwordCommon"]);
    expect(passwordHash()).toBe(hash);
  });

  test("a confirmation that does not match gives errors.passwordMismatch", async () => {
    const cookie = sessionCookieFor(EMAIL);
    const hash = passwordHash();
    const { response } = await changePassword(cookie, {
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: `${NEW_PASSWORD}!`,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Reply;
    expect(body.result.error?.confirmPassword).toEqual(["errors.passwordMismatch"]);
    expect(passwordHash()).toBe(hash);
  });

  test("empty fields give errors.required and no password is echoed", async () => {
    const cookie = sessionCookieFor(EMAIL);
    const { response } = await changePassword(cookie, { currentPassword: "", newPassword: "", confirmPassword: "" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Reply;
    expect(body.result.error?.currentPassword).toEqual(["errors.required"]);
    expect(body.result.error?.newPassword).toEqual(["errors.required"]);
    expect(body.result.error?.confirmPassword).toEqual(["errors.required"]);
  });

  test("success changes the hash, ends the other sessions and sets a fresh session cookie", async () => {
    const cookie = sessionCookieFor(EMAIL);
    const otherDevice = sessionCookieFor(EMAIL);
    const someoneElse = sessionCookieFor("mentor@demo.test");
    const hash = passwordHash();

    const { response, thrown } = await changePassword(cookie, {
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(thrown).toBe(false);
    // Post/redirect/get, so that without JavaScript the page is loaded with the fresh session.
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/account");
    const [sessionSetCookie, noticeSetCookie] = (response.headers.get("Set-Cookie") ?? "").split(/, (?=tilts_)/);
    expect(noticeSetCookie).toMatch(/^tilts_password_changed=1;.*Max-Age=60/);

    expect(passwordHash()).not.toBe(hash);
    expect(userByEmail(EMAIL).passwordChangedAt).not.toBeNull();
    expect(sessionRow(sessionIdOf(otherDevice))).toBeNull();
    // The session that asked is replaced by a fresh one (a new id after a change of credentials).
    expect(sessionRow(sessionIdOf(cookie))).toBeNull();
    const setCookie = sessionSetCookie!;
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    const freshId = sessionIdOf(setCookie);
    expect(freshId).not.toBe(sessionIdOf(cookie));
    expect(sessionRowsOf(EMAIL).map((s) => s.id)).toEqual([freshId]);
    // Another user's sessions are untouched.
    expect(sessionRow(sessionIdOf(someoneElse))).not.toBeNull();

    const user = await requireUser(browserRequest("/", { cookie: cookiePair(setCookie) }));
    expect(user.email).toBe(EMAIL);
    // The page it redirects to says so once, with the fresh session.
    const page = await settle(() =>
      accountLoader(routeArgs(browserRequest("/account", { cookie: `${cookiePair(setCookie)}; ${cookiePair(noticeSetCookie!)}` }))),
    );
    expect(page.response.status).toBe(200);
    expect(((await page.response.json()) as { changed: boolean }).changed).toBe(true);
    expect(page.response.headers.get("Set-Cookie")).toMatch(/^tilts_password_changed=;.*Max-Age=0/);
    const old = await guard(() => requireUser(browserRequest("/", { cookie: otherDevice })));
    expect(old.thrown).toBe(true);

    expect(await tryLogin(NEW_PASSWORD)).toBe(302);
    expect(await tryLogin(DEMO_PASSWORD)).toBe(400);
  });
});
