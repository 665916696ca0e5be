/**
 * The young person holds the keys, in the browser: on a phone Jānis stops sharing Health with his
 * mentor and Pēteris no longer sees it (page, data request, calendar file); Jānis sees that Pēteris
 * looked at his plan today and downloads his data; a lead erases a closed demo record past its
 * retention. Without JavaScript too, and axe on the new pages. Health is shared again at the end, so
 * the tests after this file see the demo as it was.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { account, expect, expectNoAxeViolations, expectNoHorizontalScroll, logIn, newDevice, test, type Locale } from "./helpers";

// Locale files are nested objects of strings; the tests index them by path.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Strings = Record<string, any>;
function strings(lng: Locale): Strings {
  const load = (file: string) => JSON.parse(readFileSync(new URL(`../../app/locales/${lng}/${file}.json`, import.meta.url), "utf8"));
  return { ...load("common"), ...load("plan"), ...load("keys") };
}
const TEXT: Record<Locale, Strings> = { lv: strings("lv"), en: strings("en"), ru: strings("ru") };
const janis = account("youth.transition@demo.test");
const mentor = account("mentor@demo.test");
const lead = account("lead@demo.test");

async function openMyPlan(page: Page, lng: Locale): Promise<string> {
  await page.getByRole("link", { name: TEXT[lng].plan.openMyPlan }).click();
  await page.waitForURL(/\/plan\/[^/#?]+/);
  return /\/plan\/([^/#?]+)/.exec(page.url())![1]!;
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? "");

for (const { lng, js } of [
  { lng: "lv" as const, js: true },
  { lng: "en" as const, js: false },
]) {
  test.describe(`keys in ${lng}, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js, viewport: { width: 360, height: 740 } });

    test("Jānis hides Health from Pēteris; Pēteris no longer sees it; Jānis sees who looked and downloads his data", async ({
      page,
      browser,
      browserProblems,
    }) => {
      test.setTimeout(120_000);
      const t = TEXT[lng];
      const health = t.domains.health.name;
      await logIn(page, janis, lng);
      const planId = await openMyPlan(page, lng);

      // Who sees my plan: the people, the specialist's plain reason, the switches.
      await page.getByRole("link", { name: t.keys.sharing.titleOwn }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.keys.sharing.titleOwn);
      await expect(page.locator("main")).toContainText(t.keys.sharing.specialistWhy);
      await expect(page.locator("main")).toContainText(mentor.name);
      await expectNoHorizontalScroll(page, `sharing page (${lng})`);
      if (js) await expectNoAxeViolations(page, `sharing page (${lng})`);
      const who = t.keys.audience.mentor;
      await page.getByRole("button", { name: fill(t.keys.sharing.stopLabel, { section: health, audience: who }) }).click();
      await expect(page.getByRole("button", { name: fill(t.keys.sharing.shareLabel, { section: health, audience: who }) })).toBeVisible();
      await expect(page.locator(".receipts").first()).toContainText(
        fill(t.keys.sharing.receiptOff, { date: "", section: health, people: mentor.name }).replace(/^: /, ""),
      );

      // Pēteris, on his phone: no Health card, the page and its data answer 404, so does its calendar file.
      const phone = await newDevice(browser, browserProblems, { javaScriptEnabled: js, viewport: { width: 360, height: 740 } });
      const peteris = await phone.newPage();
      await logIn(peteris, mentor, lng);
      await peteris.goto(`/plan/${planId}`);
      await expect(peteris.locator(".domain-grid")).not.toContainText(health);
      await expect(peteris.locator(".domain-grid")).toContainText(t.domains.housing.name);
      expect((await peteris.request.get(`/plan/${planId}/health`)).status()).toBe(404);
      expect((await peteris.request.get(`/plan/${planId}/health?_data=routes%2Fplan.%24youngPersonId.%24domain`)).status()).toBe(404);
      await phone.close();

      // Who looked at my plan: Pēteris, today.
      await page.goto(`/plan/${planId}`);
      await page.getByRole("link", { name: t.keys.access.title }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.keys.access.title);
      const today = page.locator(".access-day").first();
      await expect(today.getByRole("heading", { level: 2 })).toHaveText(t.keys.access.today);
      // One line for Pēteris today, naming every part he opened (the overview among them).
      const line = today.locator("li", { hasText: mentor.name });
      await expect(line).toHaveCount(1);
      await expect(line).toContainText(fill(t.keys.access.entry, { name: mentor.name, role: t.roles.mentor, part: "" }).trim());
      await expect(line).toContainText(t.keys.access.parts.overview);
      await expectNoHorizontalScroll(page, `access page (${lng})`);
      if (js) await expectNoAxeViolations(page, `access page (${lng})`);

      // Download everything about me: the page and the file.
      await page.goto(`/plan/${planId}`);
      await page.getByRole("link", { name: t.keys.export.title }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.keys.export.title);
      await expect(page.locator("main")).toContainText(janis.name);
      await expectNoHorizontalScroll(page, `download page (${lng})`);
      if (js) await expectNoAxeViolations(page, `download page (${lng})`);
      const file = await page.request.get(`/plan/${planId}/export.json`);
      expect(file.status()).toBe(200);
      const data = (await file.json()) as { format: string; record: { displayName: string }; sharing: { receipts: unknown[] } };
      expect(data.format).toBe("tilts-my-data/1");
      expect(data.record.displayName).toBe(janis.name);
      await page.emulateMedia({ media: "print" });
      await expect(page.locator(".site-header")).toBeHidden();
      await page.emulateMedia({ media: "screen" });

      // Shared again, for the tests that follow.
      await page.goto(`/plan/${planId}/sharing`);
      await page.getByRole("button", { name: fill(t.keys.sharing.shareLabel, { section: health, audience: who }) }).click();
      await expect(page.getByRole("button", { name: fill(t.keys.sharing.stopLabel, { section: health, audience: who }) })).toBeVisible();
    });
  });
}

test("a switch for a section that does not exist is refused with a clear message, without JavaScript", async ({ page }) => {
  await logIn(page, janis, "lv");
  const planId = await openMyPlan(page, "lv");
  const response = await page.request.post(`/plan/${planId}/sharing`, {
    form: { intent: "switch", audience: "mentor", section: "diary", shared: "0" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).not.toMatch(/\bat \S+\.(ts|js):\d+/);
});

test("a lead erases the closed demo record past its retention, with a reason", async ({ page }) => {
  test.setTimeout(60_000);
  const t = TEXT.lv;
  await logIn(page, lead, "lv");
  await page.getByRole("link", { name: t.keys.erase.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.keys.erase.title);
  await expectNoAxeViolations(page, "erasure page");
  const card = page.locator(".card-list .card", { hasText: "Kārlis Egle" });
  // No reason: the error next to the field, nothing erased.
  await card.getByRole("button", { name: t.keys.erase.submit }).click();
  const again = page.locator(".card-list .card", { hasText: "Kārlis Egle" });
  await expect(again.locator(".field__error")).toHaveText(t.keys.erase.errors.reason);
  await expectNoAxeViolations(page, "erasure page with an error");
  await again.getByLabel(t.keys.erase.reason).fill("Glabāšanas termiņš beidzies, lieta slēgta");
  await again.getByRole("button", { name: t.keys.erase.submit }).click();
  await expect(page.getByRole("status")).toHaveText(t.keys.erase.done);
  await expect(page.locator(".card-list")).not.toContainText("Kārlis Egle");
  await expect(page.locator("main")).toContainText("Glabāšanas termiņš beidzies, lieta slēgta");
  await expectNoHorizontalScroll(page, "erasure page");
});
