/**
 * Logging in through the real login route (app/routes/login.tsx) against a real, seeded database.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/seed";
import {
  allSessionCount,
  browserRequest,
  cookiePair,
  freshDatabase,
  routeArgs,
  sessionCookieFor,
  sessionIdOf,
  sessionRow,
  sessionRowsOf,
  setCookieOf,
  settle,
  userByEmail,
} from "../helpers/db";
import { PERSONAL_SESSION, STAFF_SESSION } from "~/domain/session-policy";
import { loader as homeLoader } from "~/routes/_index";
import { action, loader } from "~/routes/login";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT } from "~/utils/rate-limit.server";
import { getDb } from "~/utils/db.server";

function postLogin(form: Record<string, string>, headers?: Record<string, string>) {
  return settle(() => action(routeArgs(browserRequest("/login", { form, headers }))));
}

async function jsonOf(response: Response): Promise<Record<string, unknown> & { error?: Record<string, string[]> }> {
  return (await response.json()) as Record<string, unknown> & { error?: Record<string, string[]> };
}

beforeEach(async () => {
  await freshDatabase();
});

describe("a correct demo login", () => {
  test("redirects home with a session cookie: HttpOnly, SameSite=Lax, Path=/, Max-Age of the role's lifetime", async () => {
    const before = sessionRowsOf("specialist@demo.test").length;
    const { response, thrown } = await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD });
    expect(thrown).toBe(false);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");

    const setCookie = setCookieOf(response);
    expect(setCookie).toBeTruthy();
    const attributes = setCookie!.split(";").map((a) => a.trim().toLowerCase());
    expect(setCookie!.startsWith("tilts_session=")).toBe(true);
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).toContain(`max-age=${STAFF_SESSION.absoluteMs / 1000}`);
    // Not in tests: Secure is for production (or COOKIE_SECURE=1), tested below.
    expect(attributes).not.toContain("secure");

    const sessionId = sessionIdOf(setCookie!);
    const row = sessionRow(sessionId);
    expect(row).not.toBeNull();
    expect(row!.userId).toBe(userByEmail("specialist@demo.test").id);
    expect(sessionRowsOf("specialist@demo.test")).toHaveLength(before + 1);
  });

  test("a young person's cookie lives as long as their (longer) absolute lifetime", async () => {
    const { response } = await postLogin({ email: "youth.transition@demo.test", password: DEMO_PASSWORD });
    expect(response.status).toBe(302);
    expect(setCookieOf(response)).toContain(`Max-Age=${PERSONAL_SESSION.absoluteMs / 1000}`);
  });

  test("the e-mail is matched whatever its case and surrounding spaces", async () => {
    const { response } = await postLogin({ email: "  Specialist@Demo.TEST ", password: DEMO_PASSWORD });
    expect(response.status).toBe(302);
    expect(sessionRowsOf("specialist@demo.test")).toHaveLength(1);
  });

  test("the new session cookie opens the home page", async () => {
    const { response } = await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD });
    const cookie = cookiePair(setCookieOf(response)!);
    const home = await settle(() => homeLoader(routeArgs(browserRequest("/", { cookie }))));
    expect(home.thrown).toBe(false);
    expect(home.response.status).toBe(200);
    const data = (await home.response.json()) as { displayName: string };
    expect(data.displayName).toBe("Ilze Krūmiņa");
  });

  test("every login gets a new session id, even from a browser that already has one", async () => {
    const existing = sessionCookieFor("specialist@demo.test");
    const { response } = await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD }, { Cookie: existing });
    expect(response.status).toBe(302);
    expect(sessionIdOf(setCookieOf(response)!)).not.toBe(sessionIdOf(existing));
  });

  describe("Secure cookies", () => {
    const saved = { COOKIE_SECURE: process.env.COOKIE_SECURE, NODE_ENV: process.env.NODE_ENV };
    afterEach(() => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    test("with COOKIE_SECURE=1 the cookie is Secure", async () => {
      process.env.COOKIE_SECURE = "1";
      await freshDatabase(); // a new database builds a new lucia instance, which reads the setting
      const { response } = await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD });
      expect(response.status).toBe(302);
      const attributes = setCookieOf(response)!
        .split(";")
        .map((a) => a.trim().toLowerCase());
      expect(attributes).toContain("secure");
      expect(attributes).toContain("httponly");
    });

    test("with NODE_ENV=production the cookie is Secure", async () => {
      delete process.env.COOKIE_SECURE;
      process.env.NODE_ENV = "production";
      await freshDatabase();
      const { response } = await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD });
      expect(response.status).toBe(302);
      const attributes = setCookieOf(response)!
        .split(";")
        .map((a) => a.trim().toLowerCase());
      expect(attributes).toContain("secure");
    });
  });
});

describe("a failed login", () => {
  test("wrong password and unknown e-mail get the identical answer, apart from the e-mail typed", async () => {
    const wrongPassword = await postLogin({ email: "specialist@demo.test", password: "not-the-password-at-all" });
    const unknownEmail = await postLogin({ email: "nobody@demo.test", password: "not-the-password-at-all" });

    expect(wrongPassword.thrown).toBe(false);
    expect(unknownEmail.thrown).toBe(false);
    expect(wrongPassword.response.status).toBe(400);
    expect(unknownEmail.response.status).toBe(wrongPassword.response.status);
    expect(setCookieOf(wrongPassword.response)).toBeNull();
    expect(setCookieOf(unknownEmail.response)).toBeNull();
    expect([...wrongPassword.response.headers]).toEqual([...unknownEmail.response.headers]);

    const a = await wrongPassword.response.text();
    const b = await unknownEmail.response.text();
    // The typed e-mail is kept in the reply (so the form can show it again); nothing else may differ.
    expect(a.replace("specialist@demo.test", "EMAIL")).toBe(b.replace("nobody@demo.test", "EMAIL"));
    const body = JSON.parse(a) as { initialValue: Record<string, unknown>; error: Record<string, string[]> };
    expect(body.initialValue.email).toBe("specialist@demo.test");
    expect(body.error[""]).toEqual(["login.invalid"]);
    expect(allSessionCount()).toBe(0);
  });

  test("the password is never echoed back", async () => {
    const password = "my-secret-attempt-4711";
    const { response } = await postLogin({ email: "specialist@demo.test", password });
    const text = await response.text();
    expect(text).not.toContain(password);
    expect((JSON.parse(text) as { initialValue: Record<string, unknown> }).initialValue).not.toHaveProperty("password");
  });

  test("empty fields give field errors errors.required", async () => {
    const { response } = await postLogin({ email: "", password: "" });
    expect(response.status).toBe(400);
    const body = await jsonOf(response);
    expect(body.error?.email).toEqual(["errors.required"]);
    expect(body.error?.password).toEqual(["errors.required"]);
    expect(allSessionCount()).toBe(0);
  });

  test("a 10,000-character e-mail gets a 400 with a field error, no crash", async () => {
    const email = `${"a".repeat(10_000 - "@demo.test".length)}@demo.test`;
    expect(email).toHaveLength(10_000);
    const { response, thrown } = await postLogin({ email, password: DEMO_PASSWORD });
    expect(thrown).toBe(false);
    expect(response.status).toBe(400);
    const body = await jsonOf(response);
    expect(body.error?.email?.length).toBeGreaterThan(0);
    expect(body.error?.email).toContain("errors.emailTooLong");
    expect(await (await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD })).response.status).toBe(302);
  });

  test("a 100,000-character password is refused before hashing, with a field error", async () => {
    const { response, thrown } = await postLogin({ email: "specialist@demo.test", password: "x".repeat(100_000) });
    expect(thrown).toBe(false);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(1000);
    expect((JSON.parse(text) as { error: Record<string, string[]> }).error.password).toEqual(["errors.passwordTooLong"]);
  });

  test("a malformed e-mail gets a field error", async () => {
    const { response } = await postLogin({ email: "not an e-mail", password: DEMO_PASSWORD });
    expect(response.status).toBe(400);
    expect((await jsonOf(response)).error?.email).toEqual(["errors.emailInvalid"]);
  });
});

describe("redirectTo", () => {
  test.each([
    ["/account", "/account"],
    ["/account?tab=password", "/account?tab=password"],
    ["//evil.example", "/"],
    ["//evil.example/path", "/"],
    ["https://evil.example", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    // Browsers drop tabs and newlines from URLs, so these would be "//evil.example".
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/\r\n/evil.example", "/"],
    // A Location header carries only Latin-1: other characters are percent-encoded, never a 500.
    ["/Rīga?q=ā", "/R%C4%ABga?q=%C4%81"],
  ])("redirectTo=%s goes to %s", async (redirectTo, expected) => {
    const { response } = await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD, redirectTo });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(expected);
  });

  test("the login page hands only a safe redirectTo to its form", async () => {
    const safe = await settle(() => loader(routeArgs(browserRequest("/login?redirectTo=%2Faccount"))));
    expect(((await safe.response.json()) as { redirectTo: string }).redirectTo).toBe("/account");
    const evil = await settle(() => loader(routeArgs(browserRequest("/login?redirectTo=%2F%2Fevil.example"))));
    expect(evil.thrown).toBe(false);
    expect(((await evil.response.json()) as { redirectTo: string }).redirectTo).toBe("/");
  });
});

describe("the login page for someone already logged in", () => {
  test("redirects home", async () => {
    const cookie = sessionCookieFor("mentor@demo.test");
    const { response, thrown } = await settle(() => loader(routeArgs(browserRequest("/login", { cookie }))));
    expect(thrown).toBe(true);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
  });

  test("redirects to a safe redirectTo, never off-site", async () => {
    const cookie = sessionCookieFor("mentor@demo.test");
    const safe = await settle(() => loader(routeArgs(browserRequest("/login?redirectTo=%2Faccount", { cookie }))));
    expect(safe.response.headers.get("Location")).toBe("/account");
    const evil = await settle(() => loader(routeArgs(browserRequest(`/login?redirectTo=${encodeURIComponent("https://evil.example")}`, { cookie }))));
    expect(evil.response.headers.get("Location")).toBe("/");
    const tab = await settle(() => loader(routeArgs(browserRequest(`/login?redirectTo=${encodeURIComponent("/\t/evil.example")}`, { cookie }))));
    expect(tab.response.headers.get("Location")).toBe("/");
  });

  test("someone not logged in gets the page", async () => {
    const { response, thrown } = await settle(() => loader(routeArgs(browserRequest("/login?ended=1"))));
    expect(thrown).toBe(false);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { notice: string | null }).notice).toBe("login.sessionEnded");
  });
});

describe("rate limiting", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function failTimes(email: string, times: number) {
    for (let i = 0; i < times; i++) {
      const { response } = await postLogin({ email, password: `wrong-password-${i}` });
      expect(response.status).toBe(400);
    }
  }

  test("after 8 failures in 15 minutes the 9th attempt, even with the right password, is refused with 429", async () => {
    expect(ACCOUNT_LIMIT.max).toBe(8);
    await failTimes("specialist@demo.test", ACCOUNT_LIMIT.max);
    const { response } = await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD });
    expect(response.status).toBe(429);
    const body = (await response.json()) as { error: Record<string, string[]>; retryAfterMinutes: number };
    expect(body.error[""]).toEqual(["login.rateLimited"]);
    expect(body.retryAfterMinutes).toBeGreaterThan(0);
    expect(body.retryAfterMinutes).toBeLessThanOrEqual(15);
    expect(setCookieOf(response)).toBeNull();
    expect(sessionRowsOf("specialist@demo.test")).toHaveLength(0);
  });

  test("7 failures still let the right password in (and reset the count)", async () => {
    await failTimes("specialist@demo.test", ACCOUNT_LIMIT.max - 1);
    expect((await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD })).response.status).toBe(302);
    await failTimes("specialist@demo.test", ACCOUNT_LIMIT.max - 1);
    expect((await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD })).response.status).toBe(302);
  });

  test("the limit is per account: another account is unaffected", async () => {
    await failTimes("specialist@demo.test", ACCOUNT_LIMIT.max);
    expect((await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD })).response.status).toBe(429);
    const other = await postLogin({ email: "mentor@demo.test", password: DEMO_PASSWORD });
    expect(other.response.status).toBe(302);
    expect(sessionRowsOf("mentor@demo.test")).toHaveLength(1);
  });

  test("the account key ignores case, so changing the e-mail's case does not get round the limit", async () => {
    await failTimes("specialist@demo.test", ACCOUNT_LIMIT.max);
    const { response } = await postLogin({ email: "SPECIALIST@demo.test", password: DEMO_PASSWORD });
    expect(response.status).toBe(429);
  });

  test("an unknown e-mail is limited the same way (the limiter does not tell which accounts exist)", async () => {
    await failTimes("nobody@demo.test", ACCOUNT_LIMIT.max);
    const { response } = await postLogin({ email: "nobody@demo.test", password: DEMO_PASSWORD });
    expect(response.status).toBe(429);
  });

  test("with TRUST_PROXY=1, 100 failures from one address block that address for every new device, not others", async () => {
    const saved = process.env.TRUST_PROXY;
    process.env.TRUST_PROXY = "1";
    try {
      const from = (address: string) => ({ "X-Forwarded-For": address });
      for (let i = 0; i < ADDRESS_LIMIT.max; i++) {
        // Spread over many accounts so that no single account reaches its own limit.
        const { response } = await postLogin({ email: `guess${i % 25}@demo.test`, password: "wrong-password" }, from("203.0.113.7"));
        expect(response.status).toBe(400);
      }
      const blocked = await postLogin({ email: "mentor@demo.test", password: DEMO_PASSWORD }, from("203.0.113.7"));
      expect(blocked.response.status).toBe(429);
      const elsewhere = await postLogin({ email: "mentor@demo.test", password: DEMO_PASSWORD }, from("198.51.100.9"));
      expect(elsewhere.response.status).toBe(302);
    } finally {
      if (saved === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = saved;
    }
  });

  test("15 minutes after the failures the account may try again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date());
    await failTimes("specialist@demo.test", ACCOUNT_LIMIT.max);
    expect((await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD })).response.status).toBe(429);
    vi.setSystemTime(Date.now() + ACCOUNT_LIMIT.windowMs + 1000);
    expect((await postLogin({ email: "specialist@demo.test", password: DEMO_PASSWORD })).response.status).toBe(302);
  });
});

describe("a disabled user", () => {
  function disable(email: string) {
    getDb().update(users).set({ disabledAt: Date.now() }).where(eq(users.email, email)).run();
  }

  test("cannot log in with the right password, and gets the same answer as a wrong password", async () => {
    disable("carer@demo.test");
    const disabled = await postLogin({ email: "carer@demo.test", password: DEMO_PASSWORD });
    expect(disabled.response.status).toBe(400);
    expect(setCookieOf(disabled.response)).toBeNull();
    const body = (await disabled.response.json()) as { error: Record<string, string[]> };
    expect(body.error[""]).toEqual(["login.invalid"]);
    expect(sessionRowsOf("carer@demo.test")).toHaveLength(0);
  });

  test("an existing session ends on the next request", async () => {
    const cookie = sessionCookieFor("carer@demo.test");
    const before = await settle(() => homeLoader(routeArgs(browserRequest("/", { cookie }))));
    expect(before.response.status).toBe(200);

    disable("carer@demo.test");
    const after = await settle(() => homeLoader(routeArgs(browserRequest("/", { cookie }))));
    expect(after.thrown).toBe(true);
    expect(after.response.status).toBe(302);
    expect(after.response.headers.get("Location")).toBe("/login?ended=1");
    expect(setCookieOf(after.response)).toMatch(/^tilts_session=;.*Max-Age=0/);
    expect(sessionRow(sessionIdOf(cookie))).toBeNull();
  });
});
