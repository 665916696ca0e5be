/** Everything works without JavaScript: login, a wrong password, empty fields, logout. */
import { DEMO_PASSWORD, UI, account, expect, expectHome, expectNoServerError, logOut, submitLogin, test } from "./helpers";

test.use({ javaScriptEnabled: false });

const carer = account("carer@demo.test");
const marta = account("youth.aftercare@demo.test");

test("logging in and out works without JavaScript", async ({ page }) => {
  await page.goto("/login");
  await submitLogin(page, carer.email, DEMO_PASSWORD);
  await expectHome(page, carer, "lv");
  await page.getByRole("link", { name: UI.lv.account }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mans konts");
  await logOut(page);
  // The session is gone: the home page sends us back to the login page, without "session ended".
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("status")).toHaveCount(0);
});

test("a wrong password shows the error in the form and keeps the e-mail, without JavaScript", async ({ page }) => {
  await page.goto("/login");
  await submitLogin(page, marta.email, "not-the-password");
  const form = page.locator("form#login");
  await expect(form.getByRole("alert")).toHaveText(UI.lv.invalid);
  await expect(form.getByLabel(UI.lv.email, { exact: true })).toHaveValue(marta.email);
  await expect(form.getByLabel(UI.lv.password, { exact: true })).toHaveValue("");
  // …and the right password still works afterwards.
  await form.getByLabel(UI.lv.password, { exact: true }).fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: UI.lv.submit, exact: true }).click();
  await expectHome(page, marta, "lv");
});

test("empty fields and a 10,000-character e-mail get messages next to the fields, without JavaScript", async ({ page }) => {
  await page.goto("/login?lng=en");
  const form = page.locator("form#login");
  const responseOf = page.waitForResponse((r) => r.request().method() === "POST");
  await form.getByRole("button", { name: UI.en.submit, exact: true }).click();
  await expectNoServerError(page, await responseOf, "empty login form");
  await expect(form.locator(".field__error")).toHaveText([UI.en.required, UI.en.required]);
  await expect(form.getByLabel(UI.en.email, { exact: true })).toHaveAttribute("aria-invalid", "true");

  const longEmail = `${"a".repeat(10_000 - "@demo.test".length)}@demo.test`;
  await form.getByLabel(UI.en.email, { exact: true }).fill(longEmail);
  await form.getByLabel(UI.en.password, { exact: true }).fill("whatever");
  const longResponse = page.waitForResponse((r) => r.request().method() === "POST");
  await form.getByRole("button", { name: UI.en.submit, exact: true }).click();
  await expectNoServerError(page, await longResponse, "10,000-character e-mail");
  await expect(form.locator(".field__error")).toHaveText([UI.en.emailTooLong]);
  await expect(form.getByLabel(UI.en.email, { exact: true })).toHaveValue(longEmail);
});

test("changing the password without JavaScript keeps this device logged in and says so once", async ({ page }) => {
  const temporary = "zils-kalns-vakarā-27";
  const change = async (from: string, to: string) => {
    const form = page.locator("form#change-password");
    await form.getByLabel("Pašreizējā parole", { exact: true }).fill(from);
    await form.getByLabel("Jaunā parole", { exact: true }).fill(to);
    await form.getByLabel("Jaunā parole vēlreiz", { exact: true }).fill(to);
    const responseOf = page.waitForResponse((r) => r.request().method() === "POST");
    await form.getByRole("button", { name: "Mainīt paroli", exact: true }).click();
    await expectNoServerError(page, await responseOf, "change password");
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("status")).toContainText("Tava parole ir nomainīta.");
  };
  await page.goto("/login");
  await submitLogin(page, carer.email, DEMO_PASSWORD);
  await expectHome(page, carer, "lv");
  await page.goto("/account");
  await change(DEMO_PASSWORD, temporary);
  // Still logged in on this device; the notice is not shown again.
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mans konts");
  await expect(page.getByRole("status")).toHaveCount(0);
  // Put the demo password back for the other tests.
  await change(temporary, DEMO_PASSWORD);
});

test("the language switch works without JavaScript and comes back to the same page", async ({ page }) => {
  await page.goto("/login?redirectTo=%2Faccount");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-current", "true");
  await page.getByRole("button", { name: "Latviešu" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "lv");
});
