/** On a 360 × 740 phone nothing scrolls sideways: the login page, every role's home, the account page. */
import { ACCOUNTS, LOCALES, UI, account, expect, expectNoHorizontalScroll, submitLogin, test } from "./helpers";
import { signIn } from "./sessions";

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

for (const lng of LOCALES) {
  test(`the login page fits a 360 px screen in ${lng}, also with an error`, async ({ page }) => {
    await page.goto(`/login?lng=${lng}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(UI[lng].loginHeading);
    await expectNoHorizontalScroll(page, `login (${lng})`);
    await submitLogin(page, `nobody-phone-${lng}@demo.test`, "wrong password", lng);
    await expect(page.getByRole("alert")).toHaveText(UI[lng].invalid);
    await expectNoHorizontalScroll(page, `login with an error (${lng})`);
  });
}

for (const who of ACCOUNTS) {
  test(`the ${who.role} home of ${who.email} fits a 360 px screen`, async ({ page }) => {
    // Russian has the longest words; Latvian is the default.
    await signIn(page, who, "ru");
    await expectNoHorizontalScroll(page, `${who.email} home (ru)`);
    await page.goto("/?lng=lv");
    await expect(page.locator("html")).toHaveAttribute("lang", "lv");
    await expectNoHorizontalScroll(page, `${who.email} home (lv)`);
  });
}

test("the account page fits a 360 px screen", async ({ page }) => {
  await signIn(page, account("specialist@demo.test"), "lv");
  await page.getByRole("link", { name: UI.lv.account }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mans konts");
  await expectNoHorizontalScroll(page, "account");
});
