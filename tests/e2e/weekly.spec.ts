/**
 * Issue 14, the weekly experience without JavaScript: a refused form puts "Error:" in the title (the
 * root's PageMeta, same on server and client: no hydration error with JavaScript on), and a tick lands
 * back on the element acted on.
 */
import type { Page } from "@playwright/test";
import { account, expect, submitLogin, test } from "./helpers";
import { signIn } from "./sessions";

const janis = account("youth.transition@demo.test");
const PREFIX = { lv: "Kļūda: ", en: "Error: ", ru: "Ошибка: " } as const;

/** Console errors (React's hydration warnings are console errors) on the pages this test opens. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

async function firstGoalPage(page: Page): Promise<string> {
  await page.goto("/");
  const plan = await page.getByRole("link", { name: "Atvērt manu plānu" }).getAttribute("href");
  await page.goto(`${plan}/housing`);
  const goal = await page.locator("main a[href*='/goals/']").first().getAttribute("href");
  await page.goto(goal!);
  await expect(page.locator("form#edit-goal")).toHaveCount(1);
  return page.url();
}

async function refuseEditGoal(page: Page) {
  // Editing is folded on the goal page (decision 027): open it as a user would.
  const fold = page.locator("details:has(form#edit-goal)");
  if ((await fold.getAttribute("open")) === null) await fold.locator("summary").click();
  const form = page.locator("form#edit-goal");
  await form.locator("input[name=title]").fill("");
  await form.locator("button[type=submit]").last().click();
  await expect(page.locator("#error-summary")).toBeVisible();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const lng of ["lv", "en", "ru"] as const) {
    test(`a refused login puts "${PREFIX[lng].trim()}" in the title (${lng})`, async ({ page }) => {
      await page.goto(`/login?lng=${lng}`);
      const before = await page.title();
      expect(before.startsWith(PREFIX[lng])).toBe(false);
      await submitLogin(page, "", "", lng);
      await expect(page.locator("#error-summary")).toBeVisible();
      expect(await page.title()).toBe(`${PREFIX[lng]}${before}`);
    });
  }

  test("a refused goal form and a refused contact form put the prefix in the title; a good save does not", async ({ page }) => {
    await signIn(page, janis, "lv");
    await firstGoalPage(page);
    await refuseEditGoal(page);
    expect((await page.title()).startsWith(PREFIX.lv)).toBe(true);
    // The next page after the error has a plain title again.
    await page.goto("/");
    expect((await page.title()).startsWith(PREFIX.lv)).toBe(false);
  });

  test("ticking a step on the overview lands back on the next steps, and the goal's status buttons on themselves", async ({ page }) => {
    await signIn(page, janis, "lv");
    await page.getByRole("link", { name: "Atvērt manu plānu" }).click();
    const tick = page.locator("#next-steps form").first();
    await tick.locator("button[type=submit]").click();
    await expect(page).toHaveURL(/\/plan\/[^/#]+#next-steps$/);
    await expect(page.locator("#flash")).toBeVisible();
  });
});

test("with JavaScript on, the same refused forms give the prefix and no hydration error", async ({ page }) => {
  const errors = consoleErrors(page);
  await page.goto("/login?lng=en");
  await page.waitForLoadState("networkidle");
  await submitLogin(page, "", "", "en");
  await expect(page.locator("#error-summary")).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await signIn(page, janis, "lv");
  await firstGoalPage(page);
  await page.waitForLoadState("networkidle");
  await expect(page).toHaveTitle(/^(?!Kļūda: )/);
  await refuseEditGoal(page);
  await expect(page).toHaveTitle(/^Kļūda: /);
  expect(errors.filter((e) => /hydrat|did not match|Minified React error/i.test(e))).toEqual([]);
});
