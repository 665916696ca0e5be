/**
 * axe on every page of every demo role (issue 14's "Done when"), on a 360 × 740 phone: each person's
 * pages are found by following the links from their home (tests/helpers/crawl.ts), the same crawl as
 * the Nu HTML checker's (tests/integration/valid-html.test.ts). axe takes seconds a page on a loaded
 * machine, so each shape of page (the route, ids aside) is checked once in the whole run, by the first
 * person who reaches it: the young people first, then the staff, whose own pages come after. Every page
 * visited is also held to the header limit and must not scroll sideways. Latvian, the young person in
 * transition's pages again in English and Russian (their words are the longest: header and sideways
 * scroll), and the logged-out and "not found" pages in all three languages (axe too).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { crawl, shapeOf } from "../helpers/crawl";
import { ACCOUNTS, expect, test, type DemoAccount, type Locale } from "./helpers";
import { writeSession } from "./sessions";
import { E2E_BASE_URL } from "./env";

const PHONE = { width: 360, height: 740 };
/** The header at most half of its 168 px before issue 14 (tests/e2e/pages.spec.ts holds the same). */
const HEADER = 84;

test.use({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });

interface Checked {
  path: string;
  problems: string[];
}

/** axe (unless this shape was checked already), the header and sideways scroll on the page that is open. */
async function check(page: Page, axe: boolean): Promise<string[]> {
  const problems: string[] = [];
  if (axe) {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    for (const v of results.violations) problems.push(`${v.id} (${v.impact ?? "?"}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }
  const m = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    header: document.querySelector("header.site-header")?.getBoundingClientRect().height ?? 0,
  }));
  if (m.overflow > 0) problems.push(`scrolls sideways by ${m.overflow} px`);
  if (m.header > HEADER) problems.push(`header ${m.header} px`);
  return problems;
}

/** Shapes already checked by axe in this run, per language. */
const axed = new Set<string>();

async function crawlAndCheck(page: Page, lng: Locale, start: string[], limit: number, axePerLanguage = false): Promise<Checked[]> {
  const checked: Checked[] = [];
  await crawl(
    async (path) => {
      const response = await page.goto(`${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
      const status = response?.status() ?? 0;
      const contentType = response?.headers()["content-type"] ?? "";
      const html = contentType.includes("text/html");
      const key = axePerLanguage ? `${lng} ${shapeOf(path)}` : shapeOf(path);
      if (html) {
        checked.push({ path: shapeOf(path), problems: await check(page, !axed.has(key)) });
        axed.add(key);
      }
      return { status, text: html ? await page.content() : "", contentType };
    },
    start,
    { perShape: 1, limit },
  );
  return checked;
}

function expectClean(who: string, checked: Checked[], atLeast: number): void {
  console.log(`${who}: ${checked.length} pages, ${axed.size} shapes checked by axe so far`);
  expect(checked.length, `${who}: pages found`).toBeGreaterThanOrEqual(atLeast);
  expect(
    checked.filter((c) => c.problems.length > 0).map((c) => `${c.path}: ${c.problems.join("; ")}`),
    `${who}: pages with problems`,
  ).toEqual([]);
}

const LAURA: DemoAccount = { ...ACCOUNTS.find((a) => a.email === "mentor@demo.test")!, email: "mentor2@demo.test" };
const PEOPLE: Array<[DemoAccount, Locale]> = [
  ...ACCOUNTS.map((a): [DemoAccount, Locale] => [a, "lv"]),
  [LAURA, "lv"],
  [ACCOUNTS.find((a) => a.email === "youth.transition@demo.test")!, "en"],
  [ACCOUNTS.find((a) => a.email === "youth.transition@demo.test")!, "ru"],
];

for (const [who, lng] of PEOPLE) {
  test(`every page of ${who.email} (${lng}) passes axe at 360 px, with the short header`, async ({ page }) => {
    // About 30 pages, each with an axe run of a second or more on a loaded machine.
    test.setTimeout(600_000);
    await page.context().addCookies([
      { name: "tilts_session", value: writeSession(who.email, lng), url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" },
      { name: "tilts_lng", value: lng, url: E2E_BASE_URL, sameSite: "Lax" },
    ]);
    // A record that does not exist answers "not found" (an id that is not a uuid: its own shape).
    const checked = await crawlAndCheck(page, lng, ["/", "/no-such-page-anywhere", "/plan/no-such-record"], 60);
    expectClean(`${who.email} ${lng}`, checked, who.email.startsWith("mentor2") || who.role === "admin" ? 4 : 10);
  });
}

for (const lng of ["lv", "en", "ru"] as const) {
  test(`the logged-out pages and "not found" pass axe (${lng})`, async ({ page }) => {
    test.setTimeout(300_000);
    const checked = await crawlAndCheck(
      page,
      lng,
      ["/login", "/forgot-password", "/forgot-password?sent=1", "/login?ended=1", "/no-such-page-anywhere"],
      20,
      true,
    );
    expectClean(`logged out ${lng}`, checked, 4);
  });
}
