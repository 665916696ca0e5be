/**
 * A page kept by the data it was rendered from (app/utils/kept-page.server.ts, decision 043), on the
 * real server: a view with the same data gets the same header and content with its own form token;
 * two people on the same page, interleaved, each get their own; a change shows at once; a kept page
 * hydrates and works with JavaScript. The response's Server-Timing says whether the page was kept.
 */
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { account, E2E_BASE_URL, E2E_DATABASE, expect, test } from "./helpers";
import { signIn } from "./sessions";

const janis = account("youth.transition@demo.test");
const mentor = account("mentor@demo.test");

function housingPath(): string {
  const db = new Database(E2E_DATABASE, { readonly: true });
  try {
    const { id } = db.prepare("select id from young_people where display_name = 'Jānis Ozols'").get() as { id: string };
    return `/plan/${id}/housing`;
  } finally {
    db.close();
  }
}

/** Puts a step back as it was (the other tests see the demo plan unchanged). */
function setDone(stepId: string, doneAt: number | null, doneBy: string | null): void {
  const db = new Database(E2E_DATABASE);
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("UPDATE steps SET done_at = ?, done_by = ? WHERE id = ?").run(doneAt, doneBy, stepId);
  } finally {
    db.close();
  }
}

interface View {
  /** What <body> holds before the scripts: the header and <main>. */
  page: string;
  main: string;
  header: string;
  kept: boolean;
  /** The form tokens in the page's content, and in the data the browser hydrates from. */
  tokens: string[];
  dataTokens: string[];
}

async function view(page: Page, path: string): Promise<View> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  const timing = response.headers()["server-timing"] ?? "";
  expect(timing).toMatch(/^page;desc="(kept|rendered)"$/);
  const body = /<body>([\s\S]*<\/main>)/.exec(html)![1]!;
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)![1]!;
  const context = /window\.__remixContext = ([\s\S]*?);<\/script>/.exec(html)?.[1] ?? "";
  return {
    page: body,
    main,
    header: /<header\b[\s\S]*?<\/header>/.exec(html)?.[0] ?? "",
    kept: timing.includes('"kept"'),
    tokens: main.match(/ft_[A-Za-z0-9_-]{24}/g) ?? [],
    dataTokens: context.match(/ft_[A-Za-z0-9_-]{24}/g) ?? [],
  };
}

const withoutTokens = (html: string) => html.replace(/ft_[A-Za-z0-9_-]{24}/g, "ft_");

test("a page viewed again with the same data is the kept page, with this view's own form token", async ({ page }) => {
  await signIn(page, janis, "lv");
  const path = housingPath();
  const first = await view(page, path);
  const second = await view(page, path);
  expect(second.kept, "the second view was kept").toBe(true);
  expect(withoutTokens(second.page)).toBe(withoutTokens(first.page));
  // The "add a goal" form's one-time token: new on every view, the same in the HTML and in the data.
  expect(second.tokens.length).toBeGreaterThan(0);
  expect(new Set(second.tokens)).toEqual(new Set(second.dataTokens));
  expect(second.tokens.some((token) => first.tokens.includes(token))).toBe(false);
});

test("two people on the same page, interleaved, each get their own page", async ({ page, browser }) => {
  await signIn(page, janis, "lv");
  const other = await browser.newContext({ baseURL: E2E_BASE_URL, locale: "lv-LV", timezoneId: "Europe/Riga" });
  try {
    const mentorPage = await other.newPage();
    await signIn(mentorPage, mentor, "lv");
    const path = housingPath();
    const views: Array<{ who: string; view: View }> = [];
    for (let round = 0; round < 3; round++) {
      views.push({ who: "janis", view: await view(page, path) });
      views.push({ who: "mentor", view: await view(mentorPage, path) });
    }
    const janisViews = views.filter((v) => v.who === "janis").map((v) => v.view);
    const mentorViews = views.filter((v) => v.who === "mentor").map((v) => v.view);
    // Each person's later views are kept, each the same as their own first.
    for (const views of [janisViews, mentorViews]) {
      for (const later of views.slice(1)) {
        expect(later.kept).toBe(true);
        expect(withoutTokens(later.page)).toBe(withoutTokens(views[0]!.page));
      }
    }
    // What the two see differs (the mentor may not add goals for Jānis): neither got the other's content.
    expect(withoutTokens(janisViews[0]!.main)).not.toBe(withoutTokens(mentorViews[0]!.main));
    // Each header is its viewer's: the young person's has "I need help", the mentor's has not.
    for (const v of janisViews) expect(v.header).toContain("button--help");
    for (const v of mentorViews) expect(v.header).not.toContain("button--help");
  } finally {
    await other.close();
  }
});

test("a change to the plan shows at once on a page that was kept", async ({ page }) => {
  await signIn(page, janis, "lv");
  const path = housingPath();
  await view(page, path);
  const before = await view(page, path);
  expect(before.kept).toBe(true);
  const stepId = /name="tick" value="([^":]+):1"/.exec(before.main)![1]!;
  const response = await page.request.post(`${path.replace(/\/housing$/, "")}/step`, {
    form: { stepId, done: "1", returnTo: path },
    headers: { Origin: E2E_BASE_URL, "Sec-Fetch-Site": "same-origin" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  try {
    const after = await view(page, path);
    expect(after.kept).toBe(false);
    expect(after.main).toContain(`value="${stepId}:0"`);
    expect(after.main).not.toContain(`value="${stepId}:1"`);
  } finally {
    setDone(stepId, null, null);
  }
  // Put back as it was: the page kept before is right again.
  expect((await view(page, path)).main).toContain(`value="${stepId}:1"`);
});

test("a kept page hydrates and ticks a step without reloading (with JavaScript)", async ({ page }) => {
  // A hydration mismatch would be a React error on the console (besides the fixture's uncaught errors).
  const reactErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /react|hydrat/i.test(message.text())) reactErrors.push(message.text());
  });
  await signIn(page, janis, "lv");
  const path = housingPath();
  await page.goto(path);
  const reloaded = await page.reload();
  expect(reloaded?.headers()["server-timing"]).toBe('page;desc="kept"');
  const tick = page.locator("button[name='tick'][value$=':1']").first();
  const stepId = (await tick.getAttribute("value"))!.split(":")[0]!;
  // Hydrated: the tick goes as a data request, not as a document.
  const data = page.waitForRequest((request) => request.url().includes("_data=") && request.method() === "POST");
  try {
    await tick.click();
    await data;
    await expect(page.locator(`button[name='tick'][value='${stepId}:0']`)).toHaveCount(1);
    expect(reactErrors).toEqual([]);
  } finally {
    setDone(stepId, null, null);
  }
});
