/**
 * The plan journey on a phone, in each language, with JavaScript on and off: the young person adds a
 * goal with steps, ticks a step, rates readiness and sees the chart; the specialist and the mentor see
 * the change and its history.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type enCommon from "../../app/locales/en/common.json";
import type enPlan from "../../app/locales/en/plan.json";
import { account, expect, expectNoAxeViolations, expectNoHorizontalScroll, newDevice, test, type Locale } from "./helpers";
import { signIn } from "./sessions";

type Strings = typeof enCommon & typeof enPlan;
/** The app's own strings, so the test reads the page in the words the user sees. */
function strings(lng: Locale): Strings {
  const load = (file: string) => JSON.parse(readFileSync(new URL(`../../app/locales/${lng}/${file}.json`, import.meta.url), "utf8"));
  return { ...load("common"), ...load("plan") };
}
const TEXT: Record<Locale, Strings> = { lv: strings("lv"), en: strings("en"), ru: strings("ru") };
const janis = account("youth.transition@demo.test");
const specialist = account("specialist@demo.test");
const mentor = account("mentor@demo.test");

const RUNS: Array<{ lng: Locale; js: boolean; domain: "education" | "health" | "employment" | "housing" | "finances" | "psychosocial" }> = [
  { lng: "lv", js: true, domain: "education" },
  { lng: "lv", js: false, domain: "health" },
  { lng: "en", js: true, domain: "employment" },
  { lng: "en", js: false, domain: "housing" },
  { lng: "ru", js: true, domain: "finances" },
  { lng: "ru", js: false, domain: "psychosocial" },
];

async function planIdOf(page: Page): Promise<string> {
  await page.waitForURL(/\/plan\/[^/#?]+/);
  const match = /\/plan\/([^/#?]+)/.exec(page.url());
  expect(match, "on a plan page").toBeTruthy();
  return match![1]!;
}

for (const { lng, js, domain } of RUNS) {
  test.describe(`plan journey in ${lng}, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js, viewport: { width: 360, height: 740 } });

    test("add a goal with steps, tick, rate, see the chart; the specialist and mentor see it", async ({ page, browser, browserProblems }) => {
      test.setTimeout(120_000);
      const t = TEXT[lng];
      const goalTitle = `${t.plan.goal.title} ${lng}-${js ? "js" : "nojs"} ${Date.now()}`;
      const steps = [`${t.plan.step.title} A ${lng}`, `${t.plan.step.title} B ${lng}`];

      await signIn(page, janis, lng);
      await page.getByRole("link", { name: t.plan.openMyPlan }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.plan.myPlan);
      const planId = await planIdOf(page);
      await page.locator(".domain-grid").getByRole("link", { name: t.domains[domain].name, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.domains[domain].name);

      // One short form: a goal in the young person's words.
      const goalForm = page.locator("form#create-goal");
      await goalForm.getByLabel(t.plan.goal.title, { exact: true }).fill(goalTitle);
      await goalForm.getByLabel(t.plan.goal.why, { exact: true }).fill("👍 " + t.plan.goal.whyHint);
      await goalForm.getByRole("button", { name: t.plan.addGoalSubmit }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(goalTitle);

      // Steps, then one tap ticks the first.
      for (const step of steps) {
        const stepForm = page.locator("form#add-step");
        await stepForm.getByLabel(t.plan.step.title, { exact: true }).fill(step);
        await stepForm.getByRole("button", { name: t.plan.step.add }).click();
        await expect(page.locator(".step-list")).toContainText(step);
      }
      await expectNoHorizontalScroll(page, `goal page (${lng})`);
      await page.getByRole("button", { name: t.plan.step.tick.replace("{{title}}", steps[0]!) }).click();
      await expect(page.getByRole("button", { name: t.plan.step.untick.replace("{{title}}", steps[0]!) })).toBeVisible();
      if (js) await expectNoAxeViolations(page, `goal page (${lng})`);

      // Readiness in this domain, then the chart.
      await page.goto(`/plan/${planId}/${domain}`);
      const ratingForm = page.locator("form#rate");
      await ratingForm.getByLabel("8", { exact: true }).check();
      await ratingForm.getByRole("button", { name: t.plan.readiness.save }).click();
      await expect(page.locator("#readiness")).toContainText(`8/10`);
      if (js) await expectNoAxeViolations(page, `domain page (${lng})`);
      await page.goto(`/plan/${planId}/readiness`);
      const chart = page.locator("svg.radar");
      await expect(chart).toBeVisible();
      await expect(chart).toHaveAttribute("aria-label", new RegExp(`${t.domains[domain].name}: [^;]*8`));
      await expectNoHorizontalScroll(page, `readiness page (${lng})`);
      if (js) await expectNoAxeViolations(page, `readiness page (${lng})`);

      // The specialist, on a laptop, sees the goal and the history.
      const problems = browserProblems;
      const laptop = await newDevice(browser, problems, { javaScriptEnabled: js });
      const staff = await laptop.newPage();
      await signIn(staff, specialist, lng);
      await staff.goto(`/plan/${planId}/history`);
      const history = staff.locator("main"); // the history page has one timeline per day
      await expect(history).toContainText(t.plan.history.event.goal.created.replace("{{actor}}", janis.name).replace("{{title}}", goalTitle));
      await expect(history).toContainText(t.plan.history.event.step.completed.replace("{{actor}}", janis.name).replace("{{title}}", steps[0]!));
      if (js) await expectNoAxeViolations(staff, `history page (${lng})`);
      await laptop.close();

      // The mentor, on a phone, sees the goal with its ticked step.
      const phone = await newDevice(browser, problems, { javaScriptEnabled: js, viewport: { width: 360, height: 740 } });
      const mentorPage = await phone.newPage();
      await signIn(mentorPage, mentor, lng);
      await mentorPage.goto(`/plan/${planId}/${domain}`);
      const goalCard = mentorPage.locator(".goal", { hasText: goalTitle });
      await expect(goalCard).toContainText(steps[0]!);
      await expect(goalCard.locator(".step__title--done")).toHaveText(steps[0]!);
      await phone.close();
    });
  });
}

test("the plan overview shows the next step above the fold on a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, janis, "lv");
  // The home's one next step and its big tick (issue 14).
  const firstStep = page.locator("section.next-step .big-tick");
  await expect(firstStep).toBeVisible();
  const box = await firstStep.boundingBox();
  expect(box!.y + box!.height, "the next step's tick fits in the first screen").toBeLessThanOrEqual(740);
  await expectNoAxeViolations(page, "young person's home with a plan");
});

test("bad input on the plan keeps what was typed and never answers 500", async ({ page }) => {
  await signIn(page, janis, "en");
  await page.getByRole("link", { name: TEXT.en.plan.openMyPlan }).click();
  const planId = await planIdOf(page);
  await page.goto(`/plan/${planId}/housing`);
  const form = page.locator("form#create-goal");
  await form.getByLabel(TEXT.en.plan.goal.why, { exact: true }).fill("kept text");
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await form.getByRole("button", { name: TEXT.en.plan.addGoalSubmit }).click();
  expect((await response).status()).toBe(400);
  await expect(form).toContainText(TEXT.en.errors.required);
  await expect(form.getByLabel(TEXT.en.plan.goal.why, { exact: true })).toHaveValue("kept text");
  // Someone else's goal id: not found, not a crash.
  const notFound = await page.goto(`/plan/${planId}/goals/not-a-goal`);
  expect(notFound!.status()).toBe(404);
  const otherPlan = await page.goto(`/plan/not-a-plan`);
  expect(otherPlan!.status()).toBe(404);
});

test.describe("life skills and documents on a phone without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test("a skill is marked in one tap, and an expiring document shows up as a deadline", async ({ page }) => {
    const anna = account("youth.preparation@demo.test");
    const t = JSON.parse(readFileSync(new URL("../../app/locales/en/skills.json", import.meta.url), "utf8")).skills;
    const d = JSON.parse(readFileSync(new URL("../../app/locales/en/documents.json", import.meta.url), "utf8")).documents;
    await signIn(page, anna, "en");
    await page.getByRole("link", { name: TEXT.en.plan.openMyPlan }).click();
    const planId = await planIdOf(page);

    await page.goto(`/plan/${planId}/skills`);
    const firstSkill = page.locator(".skill").first();
    const title = (await firstSkill.locator(".skill__title").innerText()).trim();
    await firstSkill.getByRole("button", { name: `${title}: ${t.state.can_do}` }).click();
    // A suggested skill that is done leaves the suggestions: it is in its domain's section.
    const marked = page.locator("details.skill-section li.skill", { hasText: title });
    // (Its section is closed: found by its label, not by role, which skips what is folded away.)
    await expect(marked.locator(`button[aria-label="${title}: ${t.state.can_do}"]`)).toHaveAttribute("aria-pressed", "true");
    await expect(marked.locator(".skill__confirmed")).toContainText(anna.name);
    await expectNoHorizontalScroll(page, "skills page");

    await page.goto(`/plan/${planId}/documents`);
    // By its heading: other cards' "how to get it" lines mention the ID card too.
    const idCard = page.locator("li.document", { has: page.getByRole("heading", { name: d.kinds.id_card, exact: true }) });
    await idCard.locator("summary").click();
    await idCard.getByLabel(d.status).selectOption("have");
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await idCard.getByLabel(d.expiresOn).fill(soon);
    await idCard.getByRole("button", { name: d.save }).click();
    await expect(idCard).toContainText(d.statuses.have);
    await expectNoHorizontalScroll(page, "documents page");

    await page.goto(`/plan/${planId}`);
    await expect(page.locator(".expiring")).toContainText(d.kinds.id_card);
    await page.goto(`/plan/${planId}/history`);
    await expect(page.locator("main")).toContainText(title);
  });
});

test("the skills and documents pages have no axe violations", async ({ page }) => {
  await signIn(page, janis, "lv");
  await page.getByRole("link", { name: TEXT.lv.plan.openMyPlan }).click();
  const planId = await planIdOf(page);
  for (const section of ["skills", "documents", "history"]) {
    await page.goto(`/plan/${planId}/${section}`);
    await expectNoAxeViolations(page, `${section} page`);
  }
});
