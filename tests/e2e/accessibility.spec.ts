/** axe (WCAG 2.0–2.2 A and AA rules) on the login page, every role's home and the account page. */
import { ACCOUNTS, UI, account, expect, expectNoAxeViolations, submitLogin, test } from "./helpers";
import { signIn } from "./sessions";

test("the login page has no axe violations, also with errors shown", async ({ page }) => {
  await page.goto("/login?lng=lv");
  await expectNoAxeViolations(page, "login");

  await submitLogin(page, "nobody-axe@demo.test", "wrong password");
  await expect(page.getByRole("alert")).toHaveText(UI.lv.invalid);
  await expectNoAxeViolations(page, "login with a wrong password");

  await page.goto("/login?lng=en");
  await page.getByRole("button", { name: UI.en.submit, exact: true }).click();
  await expect(page.locator(".field__error").first()).toHaveText(UI.en.required);
  await expectNoAxeViolations(page, "login with empty fields");
});

test("the login page with the 'session ended' notice has no axe violations", async ({ page }) => {
  await page.goto("/login?ended=1&lng=ru");
  await expect(page.getByRole("status")).toHaveText(UI.ru.sessionEnded);
  await expectNoAxeViolations(page, "login with a notice");
});

for (const who of ACCOUNTS) {
  test(`the ${who.role} home of ${who.email} has no axe violations`, async ({ page }) => {
    await signIn(page, who, "lv");
    await expectNoAxeViolations(page, `${who.email} home`);
  });
}

test("the account page has no axe violations, also with errors shown", async ({ page }) => {
  await signIn(page, account("youth.preparation@demo.test"), "lv");
  await page.getByRole("link", { name: UI.lv.account }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mans konts");
  await expectNoAxeViolations(page, "account");

  const form = page.locator("form#change-password");
  await form.getByLabel("Pašreizējā parole", { exact: true }).fill("this-is-not-my-password");
  await form.getByLabel("Jaunā parole", { exact: true }).fill("zaļa laiva pie upes 42");
  await form.getByLabel("Jaunā parole vēlreiz", { exact: true }).fill("zaļa laiva pie upes 42");
  await form.getByRole("button", { name: "Mainīt paroli" }).click();
  await expect(form.locator(".field__error")).toHaveText(["Šī nav tava pašreizējā parole."]);
  await expectNoAxeViolations(page, "account with an error");
});
