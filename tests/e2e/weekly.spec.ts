/**
 * Issue 14, the weekly experience without JavaScript: a refused form puts "Error:" in the title (the
 * root's PageMeta, same on server and client: no hydration error with JavaScript on), and a tick lands
 * back on the element acted on.
 */
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { E2E_DATABASE, account, expect, submitLogin, test } from "./helpers";
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

/** Jānis's record and his upcoming review (the statement form), from the e2e database. */
function janisIds(): { plan: string; review: string } {
  const db = new Database(E2E_DATABASE, { readonly: true });
  try {
    const plan = (db.prepare("select id from young_people where display_name = 'Jānis Ozols'").get() as { id: string }).id;
    const review = (db.prepare("select id from reviews where young_person_id = ? and status = 'scheduled'").get(plan) as { id: string }).id;
    return { plan, review };
  } finally {
    db.close();
  }
}

/** A refused post without JavaScript: "Kļūda:" in the title, the summary on the first screen, the page at its top. */
async function expectRefusedAtTop(page: Page) {
  await expect(page.locator("#error-summary")).toBeVisible();
  expect((await page.title()).startsWith(PREFIX.lv)).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const box = await page.locator("#error-summary").boundingBox();
  expect(box!.y + box!.height).toBeLessThan(page.viewportSize()!.height);
  // The summary links to the field that has the problem.
  const href = await page.locator("#error-summary a").first().getAttribute("href");
  await expect(page.locator(href!)).toHaveAttribute("aria-invalid", "true");
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

  test.describe("the documents, budget and statement forms", () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test("an empty 'other document': error summary at the top, 'Kļūda:' in the title, the rest kept", async ({ page }) => {
      await signIn(page, janis, "lv");
      await page.goto(`/plan/${janisIds().plan}/documents`);
      const form = page.locator("form#doc-new");
      await form.locator("select[name=status]").selectOption("applied");
      await form.locator("input[name=expiresOn]").fill("2031-05-04");
      await form.locator("button[type=submit]").click();
      await expectRefusedAtTop(page);
      await expect(page.locator("#doc-new-label-error")).toHaveText("Ieraksti, kurš tas ir dokuments.");
      await expect(page.locator("form#doc-new select[name=status]")).toHaveValue("applied");
      await expect(page.locator("form#doc-new input[name=expiresOn]")).toHaveValue("2031-05-04");
    });

    test("nonsense in the budget's amount: error summary at the top, 'Kļūda:' in the title, the amount kept", async ({ page }) => {
      await signIn(page, janis, "lv");
      await page.goto(`/plan/${janisIds().plan}/budget`);
      const add = page.locator("form#budget-add");
      await add.getByLabel("Summa").fill("divi eiro");
      await add.getByRole("button", { name: "Ēdiens" }).click();
      await expectRefusedAtTop(page);
      await expect(page.locator("#budget-add-amount-error")).toHaveText("Ieraksti summu eiro, piemēram, 12,50 vai 12.50.");
      await expect(page.locator("form#budget-add").getByLabel("Summa")).toHaveValue("divi eiro");
    });

    test("a far too long statement: error summary at the top, 'Kļūda:' in the title, the other answers kept", async ({ page }) => {
      await signIn(page, janis, "lv");
      const ids = janisIds();
      await page.goto(`/plan/${ids.plan}/reviews/${ids.review}`);
      const form = page.locator("form#statement-form");
      await form.getByLabel("Par ko tu gribi runāt?").fill("Par vasaras darbu.");
      await form.getByLabel("Kas tevi uztrauc?").evaluate((el, value) => {
        (el as HTMLTextAreaElement).removeAttribute("maxlength");
        (el as HTMLTextAreaElement).value = value;
      }, "ā".repeat(5000));
      await form.getByRole("button", { name: "Saglabāt" }).click();
      await expectRefusedAtTop(page);
      await expect(page.locator("#statement-form-worries-error")).toHaveText("Par garu: ne vairāk kā 2000 rakstzīmju.");
      await expect(page.locator("form#statement-form").getByLabel("Par ko tu gribi runāt?")).toHaveValue("Par vasaras darbu.");
    });
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
