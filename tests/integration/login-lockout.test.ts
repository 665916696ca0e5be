/**
 * Lockouts that an attacker cannot turn against the account's owner (docs/decisions/015-login-lockouts.md):
 * a browser that has logged in to the account before keeps getting in with the right password while
 * someone else guesses, and is limited on its own failures; a password change revokes device cookies;
 * guesses of the current password on /account are limited too.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { browserRequest, cookiePair, freshDatabase, routeArgs, sessionCookieFor, settle, userByEmail } from "../helpers/db";
import { DEMO_PASSWORD } from "../../db/seed";
import { action as loginAction } from "~/routes/login";
import { action as accountAction } from "~/routes/account";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, resetRateLimits } from "~/utils/rate-limit.server";
import { DEVICE_COOKIE, trustedDeviceOf } from "~/utils/trusted-device.server";

const EMAIL = "specialist@demo.test";

beforeEach(async () => {
  await freshDatabase();
  resetRateLimits();
});
afterEach(() => {
  vi.useRealTimers();
  resetRateLimits();
});

async function postLogin(form: { email: string; password: string }, cookie?: string, headers?: Record<string, string>) {
  const request = browserRequest("/login", { form: { ...form, redirectTo: "/" }, cookie, headers });
  return (await settle(() => loginAction(routeArgs(request)))).response;
}

function setCookies(response: Response): string[] {
  return (response.headers.get("Set-Cookie") ?? "").split(/, (?=tilts_)/).filter(Boolean);
}

/** Log in once and keep the device cookie, as the owner's phone would. */
async function ownersDevice(): Promise<string> {
  const response = await postLogin({ email: EMAIL, password: DEMO_PASSWORD });
  expect(response.status).toBe(302);
  const device = setCookies(response).find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
  expect(device).toMatch(/Path=\/login; Max-Age=31536000; HttpOnly; SameSite=Lax/);
  resetRateLimits();
  return cookiePair(device!);
}

async function guess(times: number, cookie?: string) {
  for (let i = 0; i < times; i++) {
    const response = await postLogin({ email: EMAIL, password: `not-it-${i}` }, cookie);
    expect(response.status).toBe(400);
  }
}

describe("device cookies", () => {
  test("a successful login sets the session cookie first, then the device cookie", async () => {
    const response = await postLogin({ email: EMAIL, password: DEMO_PASSWORD });
    const [session, device] = setCookies(response);
    expect(session).toMatch(/^tilts_session=/);
    expect(device).toMatch(new RegExp(`^${DEVICE_COOKIE}=`));
  });

  test("while someone else locks the account, the owner's device still gets in with the right password", async () => {
    const device = await ownersDevice();
    await guess(ACCOUNT_LIMIT.max);
    expect((await postLogin({ email: EMAIL, password: DEMO_PASSWORD })).status).toBe(429);
    expect((await postLogin({ email: EMAIL, password: DEMO_PASSWORD }, device)).status).toBe(302);
  });

  test("the owner's device is limited on its own failures", async () => {
    const device = await ownersDevice();
    await guess(ACCOUNT_LIMIT.max, device);
    expect((await postLogin({ email: EMAIL, password: DEMO_PASSWORD }, device)).status).toBe(429);
    // …which does not lock the account for another browser.
    expect((await postLogin({ email: EMAIL, password: DEMO_PASSWORD })).status).toBe(302);
  });

  test("a shared address that is blocked does not block a device that has logged in before", async () => {
    const saved = process.env.TRUST_PROXY;
    process.env.TRUST_PROXY = "1";
    try {
      const from = { "X-Forwarded-For": "203.0.113.7" };
      const device = await ownersDevice();
      for (let i = 0; i < ADDRESS_LIMIT.max; i++) {
        const response = await postLogin({ email: `guess${i % 25}@demo.test`, password: "wrong-password" }, undefined, from);
        expect(response.status).toBe(400);
      }
      expect((await postLogin({ email: EMAIL, password: DEMO_PASSWORD }, undefined, from)).status).toBe(429);
      expect((await postLogin({ email: EMAIL, password: DEMO_PASSWORD }, device, from)).status).toBe(302);
    } finally {
      if (saved === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = saved;
    }
  });

  test("a forged, other account's, expired or revoked device cookie gives no exemption", async () => {
    const device = await ownersDevice();
    const user = userByEmail(EMAIL);
    const request = (cookie: string) => new Request("http://localhost/login", { headers: { Cookie: cookie } });
    const nowMs = Date.now();
    expect(trustedDeviceOf(request(device), user, nowMs)).not.toBeNull();
    const [, value] = device.split("=");
    const [id, issued, mac] = value!.split(".");
    expect(trustedDeviceOf(request(`${DEVICE_COOKIE}=${id}.${issued}.${mac!.slice(0, -2)}xx`), user, nowMs)).toBeNull();
    expect(trustedDeviceOf(request(`${DEVICE_COOKIE}=${id}.${Number(issued) + 1}.${mac}`), user, nowMs)).toBeNull();
    expect(trustedDeviceOf(request(device), userByEmail("mentor@demo.test"), nowMs)).toBeNull();
    expect(trustedDeviceOf(request(device), user, nowMs + 366 * 24 * 60 * 60 * 1000)).toBeNull();
    expect(trustedDeviceOf(request(`${DEVICE_COOKIE}=garbage`), user, nowMs)).toBeNull();
    // A new password revokes every device cookie of the account.
    expect(trustedDeviceOf(request(device), { ...user, passwordHash: `${user.passwordHash}x` }, nowMs)).toBeNull();
  });
});

describe("guessing the current password on /account", () => {
  test(`is refused after ${ACCOUNT_LIMIT.max} wrong guesses, even with the right one, and changes nothing`, async () => {
    const cookie = sessionCookieFor(EMAIL);
    const hash = userByEmail(EMAIL).passwordHash;
    const change = (currentPassword: string) =>
      settle(() =>
        accountAction(
          routeArgs(
            browserRequest("/account", { cookie, form: { currentPassword, newPassword: "zils-kalns-vakarā-27", confirmPassword: "zils-kalns-vakarā-27" } }),
          ),
        ),
      );
    for (let i = 0; i < ACCOUNT_LIMIT.max; i++) {
      const { response } = await change(`not-it-${i}`);
      expect(response.status).toBe(400);
    }
    const { response } = await change(DEMO_PASSWORD);
    expect(response.status).toBe(429);
    const body = (await response.json()) as { result: { error?: Record<string, string[]> } };
    expect(body.result.error?.currentPassword).toEqual(["errors.currentPasswordRateLimited"]);
    expect(userByEmail(EMAIL).passwordHash).toBe(hash);
  });
});
