/**
 * The header leaves the screen to the page: on a 360 px phone it is at most 84 px high (it was 168 px,
 * 23% of the screen) for every role, logged out, in every language, on the home and on the key pages.
 */
import { ACCOUNTS, LOCALES, account, expect, logIn, test, type Locale } from "./helpers";
import type { Page } from "@playwright/test";

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

const LIMIT = 84;

async function headerHeight(page: Page): Promise<number> {
  return page.locator("header.site-header").evaluate((el) => el.getBoundingClientRect().height);
}

async function expectShortHeader(page: Page, where: string): Promise<void> {
  const height = await headerHeight(page);
  expect(height, `${where}: header ${height} px`).toBeLessThanOrEqual(LIMIT);
  // Everything in it still fits the screen's width (it scrolls inside itself, not the page).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${where}: page scrolls sideways`).toBeLessThanOrEqual(0);
}

test("logged out, the login page's header is short in every language", async ({ page }) => {
  for (const lng of LOCALES) {
    await page.goto(`/login?lng=${lng}`);
    await expectShortHeader(page, `login (${lng})`);
  }
});

for (const who of ACCOUNTS) {
  test(`the header of ${who.email} is at most ${LIMIT} px on a phone`, async ({ page }) => {
    // Logged in in Latvian (the login page's language becomes the profile's, which later tests expect).
    const order: Locale[] = ["lv", "ru", "en"];
    await logIn(page, who, order[0]);
    for (const lng of order) {
      await page.goto(`/?lng=${lng}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lng);
      await expectShortHeader(page, `${who.email} home (${lng})`);
    }
    for (const path of ["/account", "/notifications"]) {
      await page.goto(path);
      await expectShortHeader(page, `${who.email} ${path}`);
    }
    const plan = page.locator("main a[href^='/plan/']").first();
    if ((await plan.count()) > 0) {
      await plan.click();
      await expect(page).toHaveURL(/\/plan\//);
      await expectShortHeader(page, `${who.email} ${new URL(page.url()).pathname}`);
    }
  });
}

/** The current page's link in the row of links is inside the row's visible part, clear of its fade. */
async function expectCurrentLinkInView(page: Page, where: string): Promise<void> {
  const box = await page.locator(".site-header .main-nav a.active").evaluate((link) => {
    const row = link.closest("nav")!.getBoundingClientRect();
    const own = link.getBoundingClientRect();
    return { left: own.left - row.left, right: row.right - own.right };
  });
  expect(box.left, `${where}: the current link starts left of the row`).toBeGreaterThanOrEqual(-1);
  expect(box.right, `${where}: the current link ends under the fade or off-screen`).toBeGreaterThanOrEqual(27);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });
    test("the current page's link is in view in the header, even at the end of the row", async ({ page }) => {
      // Jānis in Russian has the longest row (it was off-screen on the calendar and the account page).
      await logIn(page, account("youth.transition@demo.test"), "ru");
      for (const path of ["/notifications", "/calendar", "/account"]) {
        await page.goto(path);
        await expectCurrentLinkInView(page, `${path} (document load)`);
      }
      if (!javaScriptEnabled) return;
      // After a navigation inside the page (no document load) it is in view too. (In Chromium the CSS alone
      // already does this; the header's script does it where scroll-initial-target is not supported.)
      await page.goto("/");
      await page.waitForFunction(() => "__remixRouter" in window);
      await page.evaluate(() => (window as unknown as { __remixRouter: { navigate: (to: string) => Promise<void> } }).__remixRouter.navigate("/account"));
      await expect(page.locator(".site-header .main-nav a.active")).toHaveAttribute("href", "/account");
      await expectCurrentLinkInView(page, "/account (after a navigation in the page)");
    });
  });
}
