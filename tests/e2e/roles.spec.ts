/** Every demo account logs in through the login form and sees its own home, in each language. */
import { ACCOUNTS, LOCALES, expect, logIn, logOut, test } from "./helpers";

for (const who of ACCOUNTS) {
  test.describe(`${who.role} ${who.email}`, () => {
    for (const lng of LOCALES) {
      test(`logs in and sees the ${who.role} home in ${lng}`, async ({ page }) => {
        await logIn(page, who, lng);
        await expect(page).toHaveTitle(/ · Tilts$/);
        if (who.role === "admin") {
          // Accounts only: no phases, countdowns or case tables.
          const main = page.locator("main");
          await expect(main.locator(".phase-badge, .countdown, table")).toHaveCount(0);
          await expect(main.locator(".member")).toHaveCount(9);
        }
        await logOut(page, lng);
      });
    }
  });
}
