/**
 * Nonsense into every form, without JavaScript (issue 14's "Bad input"): logs in as each demo role on a
 * 360 × 740 phone with JavaScript off, follows the links from the home (tests/helpers/crawl.ts, one page
 * of each shape), and submits every form that has a field to type in, once per kind of nonsense:
 *
 *   empty     every typed field emptied;
 *   long      10,000 characters in each;
 *   control   control and bidi characters around a few letters;
 *   date      an impossible date ("2027-02-31") in date fields, letters in number fields.
 *
 * The browser's own checks (required, maxlength, type=date/number/email) are switched off first, so the
 * server's answer is what is tried. For each submission it prints the status and what the page shows:
 * a refusal must carry "Kļūda:/Error:/Ошибка:" in the title, the error summary in the first screen, a
 * message by a field and the typed value kept (an over-long one only in part, as DESIGN.md asks; passwords
 * never); an accepted one must say it was saved (a calculation that saves nothing, like "first month
 * alone", answers with its result instead). Every line that misses one of these is marked with "!". Use
 * a server of its own on a throwaway database (it saves what is accepted):
 *
 *   PORT=3562 DATABASE_PATH=/tmp/nonsense.sqlite npm run serve
 *   npx tsx tests/tools/nonsense.ts http://localhost:3562 [lv|en|ru] [email ...]
 */
import { chromium, type Page } from "playwright-core";
import { crawl, shapeOf } from "../helpers/crawl";

const [base = "http://localhost:3562", lng = "en", ...only] = process.argv.slice(2);
const EMAILS = [
  "youth.transition@demo.test",
  "youth.preparation@demo.test",
  "youth.aftercare@demo.test",
  "mentor@demo.test",
  "carer@demo.test",
  "specialist@demo.test",
  "lead@demo.test",
  "admin@demo.test",
];
const PHONE = { width: 360, height: 740 };
const PREFIX: Record<string, string> = { lv: "Kļūda: ", en: "Error: ", ru: "Ошибка: " };
/** Forms that change who is logged in, or the language, are not what this tries. */
const SKIP_ACTION = /\/(logout|login|language)(\?|$)/;
const KINDS = ["empty", "long", "control", "date"] as const;
type Kind = (typeof KINDS)[number];

interface FormOnPage {
  path: string;
  index: number;
  id: string;
  action: string;
  fields: string[];
}

/** The post forms of the page that have something to type in. */
async function formsOf(page: Page, path: string): Promise<FormOnPage[]> {
  const found = await page.evaluate(() =>
    [...document.querySelectorAll("form")].map((form, index) => ({
      index,
      id: form.getAttribute("id") ?? "",
      method: (form.getAttribute("method") ?? "get").toLowerCase(),
      action: form.getAttribute("action") ?? location.pathname + location.search,
      fields: [...form.querySelectorAll("input, textarea")]
        .filter((el) => {
          const type = (el.getAttribute("type") ?? "text").toLowerCase();
          return (
            el.tagName === "TEXTAREA" ||
            ["text", "email", "number", "date", "password", "search", "url", "tel", "time", "datetime-local", "month"].includes(type)
          );
        })
        .map((el) => `${el.getAttribute("name")}:${el.tagName === "TEXTAREA" ? "textarea" : (el.getAttribute("type") ?? "text")}`),
      submits: form.querySelectorAll("button:not([type=button]), input[type=submit]").length + document.querySelectorAll(`button[form="${form.id}"]`).length,
    })),
  );
  return found
    .filter((f) => f.method === "post" && f.fields.length > 0 && f.submits > 0 && !SKIP_ACTION.test(f.action))
    .map((f) => ({ path, index: f.index, id: f.id, action: f.action, fields: f.fields }));
}

const LONG = "x".repeat(10_000);
const CONTROL = "a\u0000b\u0007c\u001b[31m\u202ed\u200be\ud800";

async function submit(page: Page, form: FormOnPage, kind: Kind): Promise<string> {
  await page.goto(`${base}${form.path}${form.path.includes("?") ? "&" : "?"}lng=${lng}`);
  const typed = await page.evaluate(
    ({ index, kind, LONG, CONTROL }) => {
      const f = document.querySelectorAll("form")[index] as HTMLFormElement;
      f.noValidate = true;
      // A form inside a folded part is opened the way a person would open it.
      for (let d = f.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
      for (const b of document.querySelectorAll(`button[form="${f.getAttribute("id")}"]`)) b.closest("details")?.setAttribute("open", "");
      let typed = "";
      for (const el of f.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")) {
        const type = (el.getAttribute("type") ?? "text").toLowerCase();
        if (
          el.tagName !== "TEXTAREA" &&
          !["text", "email", "number", "date", "password", "search", "url", "tel", "time", "datetime-local", "month"].includes(type)
        )
          continue;
        for (const a of ["required", "maxlength", "minlength", "min", "max", "pattern", "step"]) el.removeAttribute(a);
        if (el.tagName !== "TEXTAREA") (el as HTMLInputElement).type = "text";
        const value =
          kind === "empty"
            ? ""
            : kind === "long"
              ? LONG
              : kind === "control"
                ? CONTROL
                : ["date", "datetime-local", "month"].includes(type)
                  ? "2027-02-31"
                  : type === "number"
                    ? "twelve"
                    : el.value;
        el.value = value;
        if (!typed && value && type !== "password") typed = `${el.getAttribute("name")}=${value.length}`;
      }
      return typed;
    },
    { index: form.index, kind, LONG, CONTROL },
  );
  const button = page.locator("form").nth(form.index).locator("button:not([type=button]), input[type=submit]").first();
  const target = (await button.count()) > 0 ? button : page.locator(`button[form="${form.id}"]`).first();
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST", { timeout: 30_000 }), target.click({ timeout: 10_000 })]);
  await page.waitForLoadState("load");
  const status = response.status();
  const seen = await page.evaluate(
    ({ prefix, typedName }) => {
      const summary = document.querySelector("#error-summary");
      const kept = typedName
        ? [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="${typedName.split("=")[0]}"]`)].some(
            // The value the server sent back (a browser shows an impossible date as an empty date field).
            (el) => (el.tagName === "TEXTAREA" ? el.value : (el.getAttribute("value") ?? "")).length >= Math.min(Number(typedName.split("=")[1]), 1_000) * 0.5,
          )
        : null;
      return {
        title: document.title,
        errorTitle: document.title.startsWith(prefix),
        summaryTop: summary ? Math.round(summary.getBoundingClientRect().top + window.scrollY) : null,
        fieldErrors: document.querySelectorAll(".field__error, [id$='-error']").length,
        saved: [...document.querySelectorAll("[role=status], .notice--success, .flash")].map((el) => (el as HTMLElement).innerText.trim()).filter(Boolean),
        kept,
        stack: /\n\s+at \S|node_modules/.test(document.body.innerText),
      };
    },
    { prefix: PREFIX[lng] ?? "Error: ", typedName: typed },
  );
  const refused = status === 400 || status === 422 || seen.errorTitle || seen.summaryTop !== null;
  const problems: string[] = [];
  if (status >= 500 || seen.stack) problems.push(`SERVER ERROR ${status}`);
  if (refused) {
    if (!seen.errorTitle) problems.push("no error title");
    if (seen.summaryTop === null) problems.push("no summary");
    else if (seen.summaryTop > PHONE.height) problems.push(`summary at ${seen.summaryTop}px`);
    if (seen.fieldErrors === 0) problems.push("no field message");
    if (seen.kept === false) problems.push("typed value lost");
  } else if (status < 400 && seen.saved.length === 0) problems.push("no saved confirmation");
  return `${problems.length ? "!" : " "} ${kind.padEnd(7)} ${status} ${refused ? "refused " : "accepted"} ${form.path} form#${form.id || form.index} -> ${form.action} ${problems.join(", ")}${refused ? "" : ` [${seen.saved.join(" | ").slice(0, 80)}]`} «${seen.title.slice(0, 60)}»`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
try {
  for (const email of only.length > 0 ? only : EMAILS) {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: "lv-LV", timezoneId: "Europe/Riga" });
    const page = await context.newPage();
    await page.goto(`${base}/login?lng=${lng}`);
    await page.locator("input[name=email]").fill(email);
    await page.locator("input[name=password]").fill("tilts-demo-parole");
    await Promise.all([page.waitForURL((u) => u.pathname === "/"), page.locator("form#login button[type=submit]").click()]);
    const forms: FormOnPage[] = [];
    const seenForms = new Set<string>();
    await crawl(
      async (path) => {
        const response = await page.goto(`${base}${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
        const contentType = response?.headers()["content-type"] ?? "";
        if (contentType.includes("text/html") && response?.status() === 200) {
          for (const form of await formsOf(page, path)) {
            const key = `${shapeOf(form.path)} ${shapeOf(form.action)} ${form.id} ${form.fields.join(",")}`;
            if (!seenForms.has(key)) {
              seenForms.add(key);
              forms.push(form);
            }
          }
        }
        return { status: response?.status() ?? 0, text: contentType.includes("text/html") ? await page.content() : "", contentType };
      },
      ["/"],
      { perShape: 1, limit: 80 },
    );
    console.log(`== ${email} (${lng}, no JavaScript): ${forms.length} forms`);
    for (const form of forms)
      for (const kind of KINDS) {
        try {
          console.log(await submit(page, form, kind));
        } catch (error) {
          console.log(`! ${kind.padEnd(7)} ${form.path} form#${form.id || form.index}: ${(error as Error).message.split("\n")[0]}`);
        }
      }
    await context.close();
  }
} finally {
  await browser.close();
}
