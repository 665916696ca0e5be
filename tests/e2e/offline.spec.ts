/**
 * Installable and readable offline (issue 14): a complete manifest with PNG icons, /favicon.ico, and the
 * young person's own plan readable offline after one visit, saying when the copy is from, with no forms;
 * logging out removes the copies.
 */
import { ACCOUNTS, E2E_BASE_URL, expect, logIn, logOut, test } from "./helpers";
import type { Page } from "@playwright/test";

const janis = ACCOUNTS.find((a) => a.email === "youth.transition@demo.test")!;
const mentor = ACCOUNTS.find((a) => a.email === "mentor@demo.test")!;

test("the manifest is complete and its icons are PNGs of the sizes it names", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
  };
  expect(manifest.short_name).toBe("Tilts");
  expect(manifest.start_url).toBe("/");
  expect(manifest.display).toBe("standalone");
  const sizes = manifest.icons.filter((i) => i.type === "image/png").map((i) => `${i.sizes} ${i.purpose ?? "any"}`);
  expect(sizes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
  for (const icon of [...manifest.icons.filter((i) => i.type === "image/png"), { src: "/apple-touch-icon.png", sizes: "180x180" }]) {
    const image = await request.get(icon.src);
    expect(image.ok(), icon.src).toBe(true);
    const body = await image.body();
    expect(body.subarray(1, 4).toString("latin1"), `${icon.src} is a PNG`).toBe("PNG");
    const [width, height] = icon.sizes.split("x").map(Number);
    expect([body.readUInt32BE(16), body.readUInt32BE(20)], `${icon.src} size`).toEqual([width, height]);
  }
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect((await ico.body()).readUInt16LE(2), "an icon file").toBe(1);
});

test("every page links the manifest and the apple-touch-icon", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
});

async function controlled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);
}

test("the young person's own plan is readable offline after one visit, with when the copy is from", async ({ page, context }) => {
  await logIn(page, janis, "lv");
  await controlled(page);
  // One visit of each page, now that the worker is there.
  await page.goto("/");
  const planHref = await page.locator("a.plan-card").getAttribute("href");
  expect(planHref).toMatch(/^\/plan\//);
  await page.goto(planHref!);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const heading = await page.getByRole("heading", { level: 1 }).textContent();

  await context.setOffline(true);
  try {
    await page.goto(planHref!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading!);
    const note = page.locator("#offline-note");
    await expect(note).toBeVisible();
    await expect(note).toContainText("Tu esi bezsaistē");
    await expect(note).not.toContainText("__TILTS");
    // Reading only: no forms to send while offline.
    await expect(page.locator("form:visible")).toHaveCount(0);
    await page.goto("/");
    await expect(page.locator("#offline-note")).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
  // Online again: the live page, without the note.
  await page.goto(planHref!);
  await expect(page.locator("#offline-note")).toBeHidden();
});

test("after logging out, nothing of the young person's plan stays readable offline", async ({ page, context }) => {
  await logIn(page, janis, "lv");
  await controlled(page);
  await page.goto("/");
  const planHref = await page.locator("a.plan-card").getAttribute("href");
  await page.goto(planHref!);
  await logOut(page, "lv");
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).length)).toBe(0);
  await context.setOffline(true);
  try {
    const failed = await page.goto(`${E2E_BASE_URL}${planHref}`).then(
      () => false,
      () => true,
    );
    if (!failed) await expect(page.locator("main")).not.toContainText(janis.name);
  } finally {
    await context.setOffline(false);
  }
});

test("staff pages are never kept for offline reading", async ({ page }) => {
  await logIn(page, mentor, "lv");
  await page.goto("/");
  await expect(page.locator("#offline-note")).toHaveCount(0);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    let count = 0;
    for (const name of names) count += (await (await caches.open(name)).keys()).length;
    return count;
  });
  expect(cached).toBe(0);
});
