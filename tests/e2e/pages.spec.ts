/**
 * Issue 14's long pages, documents, print and no-JavaScript errors, and issue 9's light domain page,
 * on a 360 × 740 phone with the demo's young person (Jānis). Each test stands alone.
 */
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, E2E_DATABASE, account, expect, expectNoAxeViolations, expectNoHorizontalScroll, logIn, submitLogin, test } from "./helpers";

const janis = account("youth.transition@demo.test");
const PHONE = { width: 360, height: 740 };

function demo() {
  const db = new Database(E2E_DATABASE, { readonly: true });
  try {
    const id = (db.prepare("select id from young_people where display_name = 'Jānis Ozols'").get() as { id: string }).id;
    const goal = db
      .prepare(
        "select g.id, g.title from goals g join plans p on p.id = g.plan_id where p.young_person_id = ? and g.domain = 'housing' order by g.position limit 1",
      )
      .get(id) as { id: string; title: string };
    const titles = (db.prepare("select g.title from goals g join plans p on p.id = g.plan_id where p.young_person_id = ?").all(id) as { title: string }[]).map(
      (r) => r.title,
    );
    return { id, goal, titles };
  } finally {
    db.close();
  }
}

test.use({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
test.describe.configure({ timeout: 120_000 });

/** Pages that are documents by design (everything about me, the printable plan): measured, not limited. */
const DOCUMENTS = new Set(["export", "print"]);
/** At most this many phone screens by default (issue 14, decision 027), and the header at most half of 168 px. */
const LIMIT = 4.5;
const HEADER = 84;

async function measure(page: Page, name: string, path: string): Promise<number> {
  const response = await page.goto(path);
  expect(response?.status(), name).toBe(200);
  const { height, header } = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    header: document.querySelector("header.site-header")?.getBoundingClientRect().height ?? 0,
  }));
  expect(header, `${name}: header ${header} px`).toBeLessThanOrEqual(HEADER);
  return Math.round((height / PHONE.height) * 10) / 10;
}

function report(who: string, screens: Record<string, number>): void {
  console.log(
    `${who}: screens per page (360 × 740): ${Object.entries(screens)
      .map(([n, s]) => `${n} ${s}`)
      .join(", ")}`,
  );
}

function planOf(email: string): { id: string; goalId: string; reviewId: string | undefined } {
  const db = new Database(E2E_DATABASE, { readonly: true });
  try {
    const id = (db.prepare("select yp.id from young_people yp join users u on u.id = yp.user_id where u.email = ?").get(email) as { id: string }).id;
    // The goal with the most steps (for Jānis, the housing goal: steps, comments and its history).
    const goalId = (
      db
        .prepare(
          "select g.id from goals g join plans p on p.id = g.plan_id left join steps s on s.goal_id = g.id where p.young_person_id = ? group by g.id order by count(s.id) desc, g.position limit 1",
        )
        .get(id) as { id: string }
    ).id;
    const review = db.prepare("select id from reviews where young_person_id = ? order by starts_at desc limit 1").get(id) as { id: string } | undefined;
    return { id, goalId, reviewId: review?.id };
  } finally {
    db.close();
  }
}

for (const email of ["youth.transition@demo.test", "youth.preparation@demo.test", "youth.aftercare@demo.test"]) {
  test(`no page of ${email} is longer than ${LIMIT} phone screens, and the header stays short`, async ({ page }) => {
    const { id, goalId, reviewId } = planOf(email);
    await logIn(page, account(email), "lv");
    const pages: Array<[string, string]> = [
      ["home", "/"],
      ["overview", `/plan/${id}`],
      ...["housing", "education", "health", "finances", "employment", "legal", "psychosocial"].map((d): [string, string] => [d, `/plan/${id}/${d}`]),
      ["goal", `/plan/${id}/goals/${goalId}`],
      ["readiness", `/plan/${id}/readiness`],
      ["skills", `/plan/${id}/skills`],
      ["documents", `/plan/${id}/documents`],
      ["history", `/plan/${id}/history`],
      ["goal's history", `/plan/${id}/history?goal=${goalId}`],
      ["mentoring", `/plan/${id}/mentoring`],
      ["reviews", `/plan/${id}/reviews`],
      ...(reviewId ? [["review", `/plan/${id}/reviews/${reviewId}`] as [string, string]] : []),
      ["help", `/plan/${id}/help`],
      ["sharing", `/plan/${id}/sharing`],
      ["access", `/plan/${id}/access`],
      ["budget", `/plan/${id}/budget`],
      ["pocket money", `/plan/${id}/budget/pocket-money`],
      ["budget set-up", `/plan/${id}/budget/setup`],
      ["first month", `/plan/${id}/budget/first-month`],
      ["calendar", "/calendar"],
      ["notifications", "/notifications"],
      ["account", "/account"],
      ["export", `/plan/${id}/export`],
      ["print", `/plan/${id}/print`],
    ];
    const screens: Record<string, number> = {};
    for (const [name, path] of pages) screens[name] = await measure(page, name, path);
    report(email, screens);
    for (const [name, s] of Object.entries(screens)) if (!DOCUMENTS.has(name)) expect(s, `${name}: ${s} screens`).toBeLessThanOrEqual(LIMIT);
  });
}

/**
 * The other roles' main pages. The lead's home lists every case of the organisation (46 in the demo) and
 * is held at what it measures; everything else keeps to the same limit as the young person's pages.
 */
const STAFF_HELD: Record<string, number> = { "lead@demo.test home": 18 };
for (const email of ["mentor@demo.test", "mentor2@demo.test", "carer@demo.test", "specialist@demo.test", "lead@demo.test", "admin@demo.test"]) {
  test(`the main pages of ${email} keep the page-length and header limits`, async ({ page }) => {
    const { id, goalId } = planOf("youth.transition@demo.test");
    // Laura (mentor2) is not in helpers' ACCOUNTS (she sees no one); the real login form for everyone.
    await page.goto("/login?lng=lv");
    await submitLogin(page, email, DEMO_PASSWORD, "lv");
    await expect(page).toHaveURL((url) => url.pathname === "/");
    const role = email === "mentor2@demo.test" ? "mentor" : account(email).role;
    const pages: Array<[string, string]> = [
      ["home", "/"],
      ["notifications", "/notifications"],
      ["account", "/account"],
      ...(["mentor", "carer", "specialist", "lead"].includes(role) && email !== "mentor2@demo.test"
        ? ([
            ["overview", `/plan/${id}`],
            ["housing", `/plan/${id}/housing`],
            ["goal", `/plan/${id}/goals/${goalId}`],
            ["history", `/plan/${id}/history`],
            ["readiness", `/plan/${id}/readiness`],
          ] as Array<[string, string]>)
        : []),
      ...(role === "mentor" && email !== "mentor2@demo.test" ? ([["mentoring", `/plan/${id}/mentoring`]] as Array<[string, string]>) : []),
      ...(role === "carer" ? ([["pocket money", `/plan/${id}/budget/pocket-money`]] as Array<[string, string]>) : []),
      ...(role === "specialist" ? ([["reviews", `/plan/${id}/reviews`]] as Array<[string, string]>) : []),
      ...(role === "lead" || role === "admin" ? ([["settings", "/organisation/settings"]] as Array<[string, string]>) : []),
    ];
    const screens: Record<string, number> = {};
    for (const [name, path] of pages) screens[name] = await measure(page, name, path);
    report(email, screens);
    for (const [name, s] of Object.entries(screens)) expect(s, `${name}: ${s} screens`).toBeLessThanOrEqual(STAFF_HELD[`${email} ${name}`] ?? LIMIT);
  });
}

for (const javaScriptEnabled of [true, false]) {
  test(`a step ticked on the light domain page lands on its goal and can be unticked (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled, locale: "lv-LV", timezoneId: "Europe/Riga" });
    const page = await context.newPage();
    try {
      const { id } = demo();
      await logIn(page, janis, "lv");
      await page.goto(`/plan/${id}/housing`);
      // One tick form for the whole page, not one per step.
      expect(await page.locator("form[action$='/step']").count()).toBe(1);
      const tick = page.locator("button[name='tick'][value$=':1']").first();
      const label = (await tick.getAttribute("aria-label"))!;
      const stepTitle = label.replace(/^[^“"]*[“"]|[”"][^”"]*$/g, "");
      await tick.click();
      await expect(page).toHaveURL(/\/housing(\?[^#]*)?#goal-/);
      // The ticked step is folded under "done"; open it and untick.
      const undo = page
        .locator("details.steps-done button[name='tick'][value$=':0']", { hasText: "" })
        .and(page.locator(`[aria-label*="${stepTitle}"]`))
        .first();
      await undo.locator("xpath=ancestor::details[1]/summary").click();
      await undo.click();
      await expect(page).toHaveURL(/#goal-/);
      await expect(page.locator(`button[name='tick'][value$=':1'][aria-label*="${stepTitle}"]`).first()).toBeVisible();
    } finally {
      await context.close();
    }
  });
}

test("without JavaScript, a refused form opens with an error summary at the top linking to the field", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: "lv-LV", timezoneId: "Europe/Riga" });
  const page = await context.newPage();
  try {
    const { id } = demo();
    await logIn(page, janis, "en");
    await page.goto(`/plan/${id}/documents`);
    const form = page.locator("form#doc-new");
    await form.getByLabel("Valid until (optional)").fill("2030-05-01");
    await form.getByRole("button", { name: "Add document" }).click();
    const summary = page.locator("#error-summary");
    await expect(summary).toBeVisible();
    // The summary is at the top of the page, and its link goes to the field.
    expect(await summary.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(PHONE.height);
    const link = summary.getByRole("link", { name: "1. Write which document it is." });
    await expect(link).toHaveAttribute("href", "#doc-new-label");
    await expect(page.locator("#doc-new-label")).toHaveCount(1);
    await expect(page.locator("#doc-new-label-error")).toHaveText("Write which document it is.");
    await expect(page.locator("#doc-new-expiresOn")).toHaveValue("2030-05-01");
  } finally {
    await context.close();
  }
});

test("documents: not marked yet, I don't need this, and how to get each one", async ({ page }) => {
  const { id } = demo();
  await logIn(page, janis, "en");
  await page.goto(`/plan/${id}/documents`);
  await expect(page.getByRole("link", { name: "pmlp.gov.lv" }).first()).toHaveAttribute("href", "https://www.pmlp.gov.lv");
  const unmarked = page.locator("li.document--unmarked").first();
  await expect(unmarked.getByText("Not marked yet")).toBeVisible();
  const title = (await unmarked.locator("h2").textContent())!;
  await unmarked.getByRole("button", { name: "I don't need this" }).click();
  const card = page.locator("li.document", { has: page.getByRole("heading", { name: title, exact: true }) });
  await expect(card.locator(".status")).toHaveText("Not needed");
  await expectNoHorizontalScroll(page, "documents");
  await expectNoAxeViolations(page, "documents");
});

test("life skills: sections with their own progress, unanswered items, suggestions, axe clean", async ({ page }) => {
  const { id } = demo();
  await logIn(page, janis, "en");
  await page.goto(`/plan/${id}/skills`);
  await expect(page.locator("details.skill-section")).toHaveCount(7);
  await expect(page.getByRole("heading", { name: "Suggested for now" })).toBeVisible();
  await expect(page.locator("details.skill-section[open]")).toHaveCount(0);
  await expect(page.locator("details.skill-section summary").first()).toContainText("I can do");
  await expectNoAxeViolations(page, "skills");
  // Marking an item in a section keeps that section open and lands on the item.
  const section = page.locator("details#skills-finances");
  await section.locator("summary").click();
  const item = section.locator("li.skill").first();
  await item.getByRole("button", { name: /I can do it$/ }).click();
  await expect(page).toHaveURL(/open=finances#skill-/);
  await expect(page.locator("details#skills-finances")).toHaveAttribute("open", "");
});

test("history: by day, grouped, filtered without JavaScript, with show more", async ({ page }) => {
  const { id } = demo();
  await logIn(page, janis, "en");
  await page.goto(`/plan/${id}/history`);
  await expect(page.locator("section.history-day").first()).toBeVisible();
  await page.getByLabel("Show", { exact: true }).selectOption("skills");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/what=skills/);
  await expect(page.locator(".timeline__item").first()).toContainText("marked");
  await expectNoAxeViolations(page, "history");
});

test("the whole plan prints with the name, the organisation and every goal; forms are not printed", async ({ page }) => {
  const { id, titles } = demo();
  await logIn(page, janis, "lv");
  await page.goto(`/plan/${id}/print`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Viss plāns izdrukai");
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.length).toBeGreaterThan(10_000);
  const printed = await page.evaluate(() => document.body.innerText);
  expect(printed).toContain("Jānis Ozols");
  expect(printed).toContain("SOS Bērnu ciemati");
  expect(printed).toMatch(/izdrukāts: /);
  for (const title of titles) expect(printed).toContain(title);
  // A domain page printed shows whose it is, and no forms or buttons.
  await page.goto(`/plan/${id}/housing`);
  await expect(page.locator(".print-header")).toContainText("Jānis Ozols");
  expect(await page.locator("form:visible, button:visible").count()).toBe(0);
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".print-header")).toBeHidden();
});
