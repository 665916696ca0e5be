/**
 * The calendar from an Android phone (issue 14): webcal:// does not open there, so the page leads with
 * Google Calendar's "add by URL" link and phone steps; a copy button when scripts run, a field to select
 * when they do not.
 */
import { account, expect, expectNoAxeViolations, expectNoHorizontalScroll, logIn, test } from "./helpers";

const ANDROID = "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
const anna = account("youth.preparation@demo.test");

test.describe("on an Android phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, userAgent: ANDROID, isMobile: true, hasTouch: true });

  test("Google Calendar comes first, with a link that adds the feed and a copy button", async ({ page, context }) => {
    await logIn(page, anna, "en");
    await page.goto("/calendar");
    // The phone's own steps come first.
    await expect(page.locator(".how-to h3").first()).toHaveText("Android phone (Google Calendar)");
    await page.getByRole("button", { name: /Make a (new )?(calendar )?link/ }).click();
    const first = page.locator(".subscription__buttons a").first();
    await expect(first).toHaveText("Add to Google Calendar");
    const href = new URL((await first.getAttribute("href"))!);
    expect(href.origin).toBe("https://calendar.google.com");
    const https = await page.locator("#https-link").inputValue();
    expect(href.searchParams.get("cid")).toBe(https.replace(/^https?:/, "webcal:"));
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.locator("#https-link").locator("..").getByRole("button", { name: "Copy" }).click();
    await expect(page.locator("#https-link").locator("..").getByRole("status")).toHaveText("Copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(https);
    await expectNoHorizontalScroll(page, "calendar on Android");
    await expectNoAxeViolations(page, "calendar on Android with links");
  });
});

test("without JavaScript there is no copy button, and the links are fields to select", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, userAgent: ANDROID, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await logIn(page, anna, "en");
  await page.goto("/calendar");
  await page.getByRole("button", { name: /Make a (new )?(calendar )?link/ }).click();
  await expect(page.locator("#https-link")).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: "Copy" })).toHaveCount(0);
  await expect(page.locator(".subscription__buttons a").first()).toHaveText("Add to Google Calendar");
  await context.close();
});
