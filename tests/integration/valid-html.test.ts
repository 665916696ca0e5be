/**
 * The Nu HTML checker (vnu.jar, the W3C validator) over every page of every demo role, from the real
 * built server: each person's pages are found by following the links from their home (tests/helpers/crawl.ts;
 * at most two pages of each shape), in Latvian, with the first pages of each person again in English and
 * Russian, plus the logged-out pages and the "not found" page. Every form with a field to type in is
 * also sent once with those fields empty, as a browser without JavaScript sends it: the refused answer
 * must say "Kļūda:" in its title and open with the error summary, and is checked with the pages. One
 * java start checks them all (--errors-only); each error is named with its page.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { afterAll, beforeAll, expect, test } from "vitest";
import { built, liveServer, send, type Fixture, type Person } from "../helpers/live-server";
import { sessionCookieFor } from "../helpers/db";
import { crawl, shapeOf, typedFormsOf, type CrawledPage } from "../helpers/crawl";

const vnuJar: string = createRequire(import.meta.url)("vnu-jar");
const java = spawnSync("java", ["-version"]).status === 0;

let fixture: Fixture;
const ready = built();

beforeAll(async () => {
  if (!ready) return;
  fixture = await liveServer();
  // The two young people the matrix does not log in as.
  (fixture.cookies as Record<string, string>).marta = sessionCookieFor("youth.aftercare@demo.test");
}, 120_000);

afterAll(async () => {
  await fixture?.stop();
});

type Who = Exclude<Person, "otherOrgSpecialist"> | "marta";
const WHO: Who[] = ["anonymous", "youth", "otherYouth", "marta", "mentor", "otherMentor", "carer", "specialist", "lead", "admin"];
/** How many of each person's pages are checked again in English and in Russian. */
const SAMPLE = 8;
/** Pages the crawl must have reached (a broken link or a changed home would otherwise shrink the check). */
const MUST_REACH = [
  "/",
  "/login",
  "/no-such-page-anywhere",
  "/account",
  "/notifications",
  "/calendar",
  "/records/new",
  "/organisation/people",
  "/organisation/statistics",
  "/organisation/settings",
  "/organisation/skills",
  "/organisation/support",
  "/organisation/erasure",
  ...[
    "",
    "/housing",
    "/goals/:id",
    "/documents",
    "/skills",
    "/readiness",
    "/history",
    "/sharing",
    "/access",
    "/budget",
    "/budget/pocket-money",
    "/budget/setup",
    "/budget/first-month",
    "/reviews",
    "/reviews/:id",
    "/reviews/:id/summary",
    "/print",
    "/export",
    "/help",
    "/wellbeing",
    "/mentoring",
    "/mentoring/contact",
    "/record",
  ].map((rest) => `/plan/:id${rest}`),
];

interface Checked extends CrawledPage {
  who: Who;
  lng: string;
}

test.skipIf(!ready)(
  "every page of every demo role is valid HTML (Nu HTML checker, no errors)",
  async () => {
    expect(java, "the Nu HTML checker needs java: apt-get install default-jre-headless").toBe(true);
    const checked: Checked[] = [];
    /** Refused forms, and those whose answer lacks "Kļūda:" in the title or the summary at the top. */
    const refused: string[] = [];
    const unclear: string[] = [];
    for (const who of WHO) {
      // send() reads the cookie of `who` from the fixture, where Marta's was added above.
      const get = (path: string) => send(fixture, who as Person, path);
      const start = who === "anonymous" ? ["/login", "/forgot-password", "/no-such-page-anywhere"] : ["/", "/no-such-page-anywhere"];
      const pages = await crawl(get, start, { perShape: 2, limit: 150 });
      expect(pages.length, `${who}: pages found`).toBeGreaterThan(who === "anonymous" || who === "admin" || who === "otherMentor" ? 2 : 5);
      checked.push(...pages.map((p) => ({ ...p, who, lng: "lv" })));
      // Each form once per person (a form of the same shape on another record is the same form).
      const posted = new Set<string>();
      for (const page of pages) {
        for (const form of typedFormsOf(page.html, page.path)) {
          const key = `${shapeOf(form.action)} ${form.id.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ":id")} ${[...form.fields.keys()].join(",")}`;
          if (posted.has(key)) continue;
          posted.add(key);
          const response = await send(fixture, who as Person, form.action, { form: form.fields });
          if (response.status !== 400 || !response.contentType.includes("text/html")) continue;
          const label = `POST ${form.action} #${form.id}`;
          refused.push(label);
          if (!/<title>Kļūda: /.test(response.text) || !/<main\b[^>]*>\s*<section class="error-summary"/.test(response.text)) unclear.push(`${who} ${label}`);
          checked.push({ path: label, status: response.status, html: response.text, who, lng: "lv" });
        }
      }
      for (const lng of ["en", "ru"]) {
        for (const page of pages.slice(0, SAMPLE)) {
          const path = `${page.path}${page.path.includes("?") ? "&" : "?"}lng=${lng}`;
          const response = await get(path);
          checked.push({ path, status: response.status, html: response.text, who, lng });
        }
      }
    }
    console.log(`refused forms sent empty: ${refused.length}`);
    expect(refused.length, "refused forms sent empty").toBeGreaterThan(30);
    expect(unclear, 'refused forms without "Kļūda:" in the title or the summary at the top').toEqual([]);
    const reached = new Set(checked.map((p) => shapeOf(p.path)));
    expect(MUST_REACH.filter((shape) => !reached.has(shape))).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), "tilts-vnu-"));
    try {
      checked.forEach((page, i) => writeFileSync(join(dir, `${i}.html`), page.html));
      const run = spawnSync("java", ["-Xss4m", "-jar", vnuJar, "--errors-only", "--format", "json", "--exit-zero-always", dir], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      const report = JSON.parse(run.stderr || run.stdout) as {
        messages: Array<{ type: string; url?: string; lastLine?: number; message: string; extract?: string }>;
      };
      const errors = report.messages
        .filter((m) => m.type === "error" || m.type === "non-document-error")
        .map((m) => {
          const index = Number(/\/(\d+)\.html$/.exec(m.url ?? "")?.[1]);
          const page = checked[index];
          return `${page ? `${page.who} ${page.lng} ${page.path}` : m.url}: line ${m.lastLine}: ${m.message} [${(m.extract ?? "").trim()}]`;
        });
      console.log(
        `Nu HTML checker: ${checked.length} pages (${new Set(checked.map((p) => p.path.replace(/[?&]lng=\w+$/, ""))).size} addresses), ${errors.length} errors`,
      );
      expect(errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  600_000,
);
