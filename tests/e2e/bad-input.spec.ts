/**
 * Bad input never gives a server error or a stack trace: wrong passwords, empty fields, an enormous
 * e-mail, odd ?lng= values, unknown pages, garbage and expired sessions, foreign redirect targets.
 */
import { DEMO_PASSWORD, UI, account, ageSession, expect, expectHome, expectNoServerError, sessionCookie, submitLogin, test } from "./helpers";
import { signIn } from "./sessions";

const anna = account("youth.preparation@demo.test");
const ilze = account("specialist@demo.test");

test("a wrong password, or an unknown e-mail, gets the same message and keeps the e-mail", async ({ page }) => {
  await page.goto("/login?lng=lv");
  const form = page.locator("form#login");
  for (const email of [anna.email, "nobody-at-all@demo.test"]) {
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await submitLogin(page, email, "not-the-password");
    expect((await response).status()).toBe(400);
    await expect(form.getByRole("alert")).toHaveText(UI.lv.invalid);
    await expect(form.getByLabel(UI.lv.email, { exact: true })).toHaveValue(email);
    await expect(page).toHaveURL(/\/login/);
    await expectNoServerError(page, await response, `wrong password for ${email}`);
  }
});

test("empty fields get a message next to each field", async ({ page }) => {
  await page.goto("/login?lng=lv");
  const form = page.locator("form#login");
  await form.getByRole("button", { name: UI.lv.submit, exact: true }).click();
  await expect(form.locator(".field__error")).toHaveText([UI.lv.required, UI.lv.required]);
  await expect(form.getByLabel(UI.lv.email, { exact: true })).toHaveAttribute("aria-invalid", "true");
  // Only spaces is still empty.
  await form.getByLabel(UI.lv.email, { exact: true }).fill("    ");
  await form.getByLabel(UI.lv.password, { exact: true }).fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: UI.lv.submit, exact: true }).click();
  await expect(form.locator(".field__error").first()).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("a 10,000-character e-mail is refused politely", async ({ page }) => {
  await page.goto("/login?lng=ru");
  const form = page.locator("form#login");
  const longEmail = `${"a".repeat(10_000 - "@demo.test".length)}@demo.test`;
  await form.getByLabel(UI.ru.email, { exact: true }).fill(longEmail);
  await form.getByLabel(UI.ru.password, { exact: true }).fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: UI.ru.submit, exact: true }).click();
  await expect(form.locator(".field__error")).toHaveText([UI.ru.emailTooLong]);
  await expect(form.getByLabel(UI.ru.email, { exact: true })).toHaveValue(longEmail);

  // The same straight to the server (as a script would send it), with a 10,000-character password too.
  const response = await page.request.post("/login", {
    form: { email: longEmail, password: "x".repeat(10_000) },
    headers: { Origin: new URL(page.url()).origin, "Sec-Fetch-Site": "same-origin" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).not.toMatch(/\n\s+at \S|node_modules/);
});

test("a malformed ?lng= falls back to Latvian without an error and sets no cookie", async ({ page, context }) => {
  for (const value of ["", "xx", "EN", "en-GB", "lv%00", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%E0%A4%A", "../../etc/passwd"]) {
    const response = await page.goto(`/login?lng=${value}`);
    await expectNoServerError(page, response, `?lng=${value}`);
    await expect(page.locator("html"), `?lng=${value}`).toHaveAttribute("lang", "lv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(UI.lv.loginHeading);
    expect(
      (await context.cookies()).filter((c) => c.name === "tilts_lng"),
      `?lng=${value}`,
    ).toEqual([]);
    expect(await page.content()).not.toContain("<script>alert(1)");
  }
});

test("an unsupported ?lng= on a logged-in page keeps the profile's language", async ({ page }) => {
  await signIn(page, anna, "en");
  const response = await page.goto("/?lng=de");
  await expectNoServerError(page, response, "home with ?lng=de");
  await expectHome(page, anna, "en");
  await page.goto("/?lng=lv");
  await expectHome(page, anna, "lv");
});

test("an unknown page is a friendly 404 with a title, the header and the language switch", async ({ page }) => {
  const response = await page.goto("/no/such/page?lng=en");
  expect(response?.status()).toBe(404);
  await expectNoServerError(page, response, "unknown page");
  await expect(page).toHaveTitle("Page not found · Tilts");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.locator("main")).not.toContainText("not available");
  await expect(page.locator("header.site-header").getByRole("button", { name: "Latviešu" })).toBeVisible();
  await page.locator("header.site-header").getByRole("button", { name: "Latviešu" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "lv");
  await expect(page).toHaveURL(/\/no\/such\/page$/);
  await page.getByRole("link", { name: "Tilts" }).first().click();
  await expect(page).toHaveURL(/\/login$/);
});

test("a malformed cookie of another app on the same host does not break the pages", async ({ page, context }) => {
  await signIn(page, anna, "lv");
  await context.addCookies([{ name: "other_app", value: "%E0%A4%A", domain: "localhost", path: "/" }]);
  const response = await page.goto("/");
  await expectNoServerError(page, response, "home with a malformed foreign cookie");
  await expectHome(page, anna, "lv");
});

test("a path that is not valid UTF-8 gets a short 400, never a stack trace", async ({ request }) => {
  for (const path of ["/feeds/%ff/tilts.ics", "/plan/%ff", "/plan/%E0%A4%A/mentoring"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    const body = await response.text();
    expect(body, path).toBe("Bad request.");
    expect(body).not.toMatch(/URIError|at \w/);
  }
});

test("a garbage session cookie leads to the login page with 'session ended'", async ({ page, context }) => {
  for (const value of ["garbage", "x".repeat(4000), "%00%ff", "a'OR'1'='1"]) {
    await context.addCookies([{ name: "tilts_session", value, domain: "localhost", path: "/" }]);
    const response = await page.goto("/");
    await expectNoServerError(page, response, `session cookie ${value.slice(0, 20)}`);
    await expect(page).toHaveURL(/\/login\?ended=1$/);
    await expect(page.getByRole("status")).toHaveText(UI.lv.sessionEnded);
    expect((await context.cookies()).filter((c) => c.name === "tilts_session")).toEqual([]);
  }
});

test("an expired session leads to the login page with 'session ended', and back after login", async ({ page, context }) => {
  await signIn(page, ilze, "lv");
  // Staff sessions end after 30 minutes without a request.
  ageSession(await sessionCookie(context), 31 * 60_000);
  const response = await page.goto("/account");
  await expectNoServerError(page, response, "expired session");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount&ended=1$/);
  await expect(page.getByRole("status")).toHaveText(UI.lv.sessionEnded);
  await submitLogin(page, ilze.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mans konts");
});

test("a young person's session ends 30 days after login however active", async ({ page, context }) => {
  await signIn(page, anna, "lv");
  ageSession(await sessionCookie(context), 31 * 24 * 60 * 60_000);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?ended=1$/);
  await expect(page.getByRole("status")).toHaveText(UI.lv.sessionEnded);
});

test("a redirect target on another site is ignored after login", async ({ page }) => {
  for (const target of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
    await page.goto(`/login?lng=lv&redirectTo=${encodeURIComponent(target)}`);
    await submitLogin(page, anna.email, DEMO_PASSWORD);
    await expectHome(page, anna, "lv");
    await page.getByRole("button", { name: UI.lv.logout, exact: true }).click();
    await expect(page).toHaveURL(/\/login\?loggedOut=1$/);
  }
});
