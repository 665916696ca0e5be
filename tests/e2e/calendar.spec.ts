/**
 * The calendar on a 360 px phone, with JavaScript on and off: the young person makes a secret link,
 * sees it as webcal:// and https://, subscribes (fetches the .ics with no cookie, as a calendar app
 * would), resets it (the old link is gone at once) and chooses full titles; notifications with the
 * header's badge; one goal as an .ics file; HEAD, 304 and bad tokens through the real server.
 */
import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import type lvCalendar from "../../app/locales/lv/calendar.json";
import { account, E2E_BASE_URL, expect, expectNoAxeViolations, expectNoHorizontalScroll, expectNoStackTrace, test } from "./helpers";
import { signIn } from "./sessions";

type Strings = typeof lvCalendar;
const LV = JSON.parse(readFileSync(new URL("../../app/locales/lv/calendar.json", import.meta.url), "utf8")) as Strings;
const FEEDBACK = JSON.parse(readFileSync(new URL("../../app/locales/lv/feedback.json", import.meta.url), "utf8")) as { feedback: { flash: { saved: string } } };
const janis = account("youth.transition@demo.test");
const marta = account("youth.aftercare@demo.test");

test.use({ viewport: { width: 360, height: 740 } });

async function links(page: Page) {
  const webcal = await page.getByLabel(LV.calendar.webcalLabel).inputValue();
  const https = await page.getByLabel(LV.calendar.httpsLabel).inputValue();
  return { webcal, https };
}

/** What a calendar app does: GET the link with no cookie. */
async function subscribe(request: APIRequestContext, url: string) {
  const response = await request.get(url, { headers: { Cookie: "" } });
  return { status: response.status(), headers: response.headers(), body: await response.text() };
}

for (const js of [true, false]) {
  test.describe(`calendar with JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    test("make a link, subscribe, reset it, choose full titles", async ({ page, playwright }) => {
      const who = js ? janis : marta;
      const app = await playwright.request.newContext();
      await signIn(page, who, "lv");
      await page.getByRole("navigation", { name: "Galvenā izvēlne" }).getByRole("link", { name: LV.calendar.navLabel }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(LV.calendar.title);
      await expect(page.locator("main")).toContainText(LV.calendar.noLink);
      await expectNoHorizontalScroll(page, "calendar page");
      if (js) await expectNoAxeViolations(page, "calendar page without a link");

      await page.getByRole("button", { name: LV.calendar.create }).click();
      await expect(page.getByRole("status").filter({ hasText: LV.calendar.onlyNow })).toBeVisible();
      const first = await links(page);
      expect(first.webcal).toMatch(/^webcal:\/\/localhost:\d+\/feeds\/[A-Za-z0-9_-]{32}\/tilts\.ics$/);
      expect(first.https).toBe(first.webcal.replace(/^webcal:/, "http:"));
      await expect(page.getByRole("link", { name: LV.calendar.subscribe, exact: true })).toHaveAttribute("href", first.webcal);
      await expectNoHorizontalScroll(page, "calendar page with links");
      if (js) await expectNoAxeViolations(page, "calendar page with links");

      const feed = await subscribe(app, first.https);
      expect(feed.status).toBe(200);
      expect(feed.headers["content-type"]).toBe("text/calendar; charset=utf-8");
      expect(feed.headers["set-cookie"]).toBeUndefined();
      expect(feed.body).toContain("BEGIN:VCALENDAR");
      expect(feed.body).toContain("X-WR-CALNAME:Tilts — mans plāns");
      expect(feed.body).toContain("BEGIN:VEVENT");
      expect(feed.body).not.toContain(who.name);

      // Post/redirect/get: a refresh neither posts again (which would revoke the link) nor shows it twice.
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(LV.calendar.title);
      await expect(page.getByLabel(LV.calendar.httpsLabel)).toHaveCount(0);
      expect((await subscribe(app, first.https)).status).toBe(200);

      // The page now says the calendar fetched it.
      await page.goto("/calendar");
      await expect(page.locator(".feed-fetched")).toContainText("Pēdējoreiz kalendārs to ielādēja");

      // Reset: a new link; the old one answers 404 at once.
      await page.getByRole("button", { name: LV.calendar.reset }).click();
      await expect(page.getByRole("status").filter({ hasText: LV.calendar.newLink })).toBeVisible();
      const second = await links(page);
      expect(second.https).not.toBe(first.https);
      expect((await subscribe(app, first.https)).status).toBe(404);
      expect((await subscribe(app, second.https)).status).toBe(200);

      // Full titles: the plan's own words in the calendar.
      await page.getByLabel(LV.calendar.titles.full).check();
      await page.getByRole("button", { name: LV.calendar.titles.save }).click();
      await expect(page.getByRole("status").filter({ hasText: FEEDBACK.feedback.flash.saved })).toBeVisible();
      await expect(page.getByLabel(LV.calendar.titles.full)).toBeChecked();
      expect((await subscribe(app, second.https)).body).toContain("SUMMARY:Mērķis: ");
      await app.dispose();
    });
  });
}

test("the carer: the header links to the calendar; the feed has the duties to confirm", async ({ page, playwright }) => {
  const app = await playwright.request.newContext();
  await signIn(page, account("carer@demo.test"), "lv");
  await page.getByRole("navigation", { name: "Galvenā izvēlne" }).getByRole("link", { name: LV.calendar.navLabel }).click();
  await expect(page.locator("main")).toContainText(LV.calendar.intro.carer);
  await expectNoHorizontalScroll(page, "carer's calendar page");
  await expectNoAxeViolations(page, "carer's calendar page");
  await page.getByRole("button", { name: LV.calendar.create }).click();
  const feed = await subscribe(app, (await links(page)).https);
  expect(feed.status).toBe(200);
  expect(feed.body).toContain("X-WR-CALNAME:Tilts — mani jaunieši");
  expect(feed.body).toContain(`SUMMARY:${LV.calendar.event.duties}`);
  expect(feed.body).not.toContain("Jānis");
  await app.dispose();
});

test("notifications: the badge in the header, the list, mark all as read", async ({ page }) => {
  await signIn(page, janis, "lv");
  const nav = page.getByRole("navigation", { name: "Galvenā izvēlne" });
  const link = nav.getByRole("link", { name: new RegExp(`^${LV.notifications.navLabel}`) });
  await expect(link.locator(".badge")).toBeVisible();
  const count = Number(await link.locator(".badge [aria-hidden]").textContent());
  expect(count).toBeGreaterThan(0);
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LV.notifications.title);
  await expect(page.locator(".notification--unread")).toHaveCount(count);
  await expect(page.locator("main")).toContainText("Nokārtot matemātikas ieskaiti");
  await expectNoHorizontalScroll(page, "notifications");
  await expectNoAxeViolations(page, "notifications");
  await page.getByRole("button", { name: LV.notifications.markAllRead }).click();
  await expect(page.locator(".notification--unread")).toHaveCount(0);
  await expect(link.locator(".badge")).toHaveCount(0);
});

test("a goal downloads as one .ics event", async ({ page }) => {
  await signIn(page, janis, "lv");
  await page.getByRole("link", { name: "Atvērt manu plānu" }).click();
  await page.locator(".domain-grid").getByRole("link", { name: "Mājoklis", exact: true }).click();
  await page.getByRole("link", { name: "Atrast istabu vai dzīvokli Bauskā līdz aprūpes beigām" }).first().click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: LV.calendar.addToCalendar }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("tilts-goal.ics");
  const text = readFileSync((await file.path())!, "utf8");
  expect(text).toContain("METHOD:PUBLISH");
  expect(text).toMatch(/UID:goal-[0-9a-f-]+@tilts/);
});

test("the feed through the real server: HEAD, 304, garbage headers and bad tokens never give a 500", async ({ page, playwright }) => {
  const app = await playwright.request.newContext();
  await signIn(page, marta, "lv");
  await page.goto("/calendar");
  await page.getByRole("button", { name: /Izveidot (kalendāra|jaunu) saiti/ }).click();
  const { https } = await links(page);
  const get = await app.get(https);
  expect(get.status()).toBe(200);
  const etag = get.headers()["etag"]!;
  // The client takes gzip: the feed's bytes gzipped once per version, under an ETag of their own.
  expect(get.headers()["content-encoding"]).toBe("gzip");
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}-gz"$/);
  expect(await get.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
  const identity = await app.get(https, { headers: { "Accept-Encoding": "identity" } });
  expect(identity.headers()["content-encoding"]).toBeUndefined();
  expect(identity.headers()["etag"]).toBe(etag.replace(/-gz"$/, '"'));
  expect(await identity.text()).toBe(await get.text());

  const head = await app.head(https);
  expect(head.status()).toBe(200);
  expect(head.headers()["etag"]).toBe(etag);
  expect(await head.text()).toBe("");
  expect((await app.get(https, { headers: { "If-None-Match": etag } })).status()).toBe(304);
  expect((await app.get(https, { headers: { "If-Modified-Since": get.headers()["last-modified"]! } })).status()).toBe(304);
  expect((await app.get(https, { headers: { "If-None-Match": "}{garbage" } })).status()).toBe(200);

  const token = /\/feeds\/([^/]+)\//.exec(https)![1]!;
  const wrongChar = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
  for (const bad of [wrongChar, "short", "%00", "a".repeat(3000), "..%2F..%2Fetc"]) {
    const response = await app.get(`${E2E_BASE_URL}/feeds/${bad}/tilts.ics`);
    expect(response.status(), bad.slice(0, 20)).toBe(404);
    expectNoStackTrace(await response.text(), `token ${bad.slice(0, 20)}`);
  }
  // Not even UTF-8: the router refuses the address itself (400), before any token is looked at.
  const broken = await app.get(`${E2E_BASE_URL}/feeds/%ff%fe/tilts.ics`);
  expect(broken.status()).toBe(400);
  expectNoStackTrace(await broken.text(), "a token that is not UTF-8");
  await app.dispose();
});
