/**
 * Security that a browser can see: headers and a CSP whose nonce the page's scripts carry, no CSP
 * violations while using the app, and cross-site POSTs refused.
 */
import { DEMO_PASSWORD, E2E_BASE_URL, LANGUAGE_LINK, UI, account, expect, expectHome, expectNoStackTrace, logIn, logOut, submitLogin, test } from "./helpers";

const lead = account("lead@demo.test");
const janis = account("youth.transition@demo.test");

/** The nonce of `script-src` in a Content-Security-Policy header. */
function cspNonce(csp: string | undefined): string {
  const nonce = /script-src[^;]*'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp ?? "")?.[1];
  expect(nonce, `a script nonce in the CSP: ${csp}`).toBeTruthy();
  return nonce!;
}

/** The opening tags of every <script> in an HTML document. */
function scriptTags(html: string): string[] {
  return html.match(/<script\b[^>]*>/gi) ?? [];
}

test("pages send a nonce-based CSP that every script carries, nosniff and no-store", async ({ page }) => {
  const loginResponse = await page.goto("/login?lng=lv");
  const loginHeaders = loginResponse!.headers();
  const loginNonce = cspNonce(loginHeaders["content-security-policy"]);
  for (const tag of scriptTags(await loginResponse!.text())) expect(tag).toContain(`nonce="${loginNonce}"`);

  await submitLogin(page, lead.email, DEMO_PASSWORD);
  await expectHome(page, lead, "lv");
  const response = await page.goto("/");
  expect(response!.status()).toBe(200);
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = cspNonce(csp);
  expect(nonce).not.toBe(loginNonce);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBeTruthy();

  const scripts = scriptTags(await response!.text());
  expect(scripts.length, "the home page has scripts").toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, "every script tag carries the CSP nonce").toContain(`nonce="${nonce}"`);
  // The browser keeps the nonce (hidden from attributes) on the live script elements as well.
  const liveNonces = await page.locator("script").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
  expect(new Set(liveNonces)).toEqual(new Set([nonce]));
});

test("the session cookie is HttpOnly, SameSite=Lax and Secure", async ({ page, context }) => {
  await logIn(page, janis, "lv");
  const cookie = (await context.cookies()).find((c) => c.name === "tilts_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
});

test("using the app with JavaScript logs no CSP violations", async ({ page, browserProblems }) => {
  const cspMessages: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && m.text().includes("Content Security Policy")) cspMessages.push(m.text());
  });
  await page.goto("/login");
  await page.getByRole("button", { name: LANGUAGE_LINK.en }).click();
  await submitLogin(page, "nobody-csp@demo.test", "wrong", "en");
  await expect(page.getByRole("alert")).toHaveText(UI.en.invalid);
  await submitLogin(page, lead.email, DEMO_PASSWORD, "en");
  await expectHome(page, lead, "en");
  // Client-side navigation (JavaScript on): home → account → home, then a language switch.
  await page.getByRole("link", { name: UI.en.account }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My account");
  await page.getByRole("link", { name: "Home" }).click();
  await expectHome(page, lead, "en");
  await page.getByRole("button", { name: LANGUAGE_LINK.lv }).click();
  await expectHome(page, lead, "lv");
  await logOut(page, "lv");
  expect(cspMessages).toEqual([]);
  expect(browserProblems).toEqual([]);
});

test("cross-site POSTs get 403 and change nothing", async ({ request }) => {
  const crossSite = { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" };
  const attempts: Array<{ path: string; headers: Record<string, string>; form?: Record<string, string> }> = [
    { path: "/logout", headers: crossSite },
    { path: "/login", headers: crossSite, form: { email: janis.email, password: DEMO_PASSWORD } },
    { path: "/account", headers: crossSite, form: { currentPassword: DEMO_PASSWORD, newPassword: "x", confirmPassword: "x" } },
    // Only one of the two signals, as older browsers or odd clients send them.
    { path: "/login", headers: { "Sec-Fetch-Site": "cross-site" }, form: { email: janis.email, password: DEMO_PASSWORD } },
    { path: "/login", headers: { Origin: "https://evil.example" }, form: { email: janis.email, password: DEMO_PASSWORD } },
    { path: "/login", headers: { Origin: "null" }, form: { email: janis.email, password: DEMO_PASSWORD } },
  ];
  for (const { path, headers, form } of attempts) {
    const where = `cross-site POST ${path} with ${JSON.stringify(headers)}`;
    const response = await request.post(path, { headers, form, maxRedirects: 0 });
    expect(response.status(), where).toBe(403);
    expect(response.headers()["set-cookie"] ?? "", where).not.toContain("tilts_session=");
    expectNoStackTrace(await response.text(), where);
  }

  // The password was not changed: a same-site login with it still works.
  const check = await request.post("/login", {
    headers: { Origin: E2E_BASE_URL, "Sec-Fetch-Site": "same-origin" },
    form: { email: janis.email, password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(check.status()).toBe(302);
  expect(check.headers()["set-cookie"] ?? "").toContain("tilts_session=");
});
