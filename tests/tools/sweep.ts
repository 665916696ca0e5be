/**
 * The every-page sweep (issue 14): logs in as each demo role on a 360 × 740 phone, follows the links from
 * the home (tests/helpers/crawl.ts, two pages of each shape), and for every page prints its length in
 * screens, the header's height and any sideways scroll, and saves a full-page screenshot to look at.
 *
 *   PORT=3471 DATABASE_PATH=/tmp/sweep.sqlite npm run serve   # a server of your own, then:
 *   npx tsx tests/tools/sweep.ts http://localhost:3471 /tmp/sweep [lv|en|ru] [js|nojs|print] [email ...]
 *
 * `print` screenshots each page as printed (`emulateMedia({ media: "print" })`, JavaScript on) and names the
 * pages that print a visible form control or no print header (name, organisation, "printed on").
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { crawl, shapeOf } from "../helpers/crawl";

const [base = "http://localhost:3471", out = "/tmp/sweep", lng = "lv", js = "js", ...only] = process.argv.slice(2);
const EMAILS = [
  "youth.preparation@demo.test",
  "youth.transition@demo.test",
  "youth.aftercare@demo.test",
  "mentor@demo.test",
  "mentor2@demo.test",
  "carer@demo.test",
  "specialist@demo.test",
  "lead@demo.test",
  "admin@demo.test",
];
const PHONE = { width: 360, height: 740 };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
try {
  for (const email of only.length > 0 ? only : EMAILS) {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: js !== "nojs", locale: "lv-LV", timezoneId: "Europe/Riga" });
    const page = await context.newPage();
    await page.goto(`${base}/login?lng=${lng}`);
    await page.locator("input[name=email]").fill(email);
    await page.locator("input[name=password]").fill("tilts-demo-parole");
    await Promise.all([page.waitForURL((u) => u.pathname === "/"), page.locator("form#login button[type=submit]").click()]);
    const dir = join(out, `${email.split("@")[0]}-${lng}-${js}`);
    mkdirSync(dir, { recursive: true });
    let n = 0;
    const rows: string[] = [];
    await crawl(
      async (path) => {
        const response = await page.goto(`${base}${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
        const status = response?.status() ?? 0;
        const contentType = response?.headers()["content-type"] ?? "";
        if (contentType.includes("text/html")) {
          if (js === "print") await page.emulateMedia({ media: "print" });
          const m = await page.evaluate(() => ({
            height: document.documentElement.scrollHeight,
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            header: document.querySelector("header.site-header")?.getBoundingClientRect().height ?? 0,
            // What a printout must not show (form controls) and must show (whose plan, where, when).
            controls: [...document.querySelectorAll("button, input:not([type=hidden]), select, textarea")].filter(
              (el) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0,
            ).length,
            printHeader: (document.querySelector(".print-header") as HTMLElement | null)?.innerText.replace(/\s+/g, " ").trim() ?? "",
          }));
          const file = `${String(++n).padStart(3, "0")}-${shapeOf(path)
            .replace(/[^a-z0-9]+/gi, "_")
            .slice(0, 60)}.png`;
          await page.screenshot({ path: join(dir, file), fullPage: true });
          const printed = js === "print" ? `  controls ${m.controls}  print-header ${m.printHeader ? JSON.stringify(m.printHeader) : "NONE"}` : "";
          rows.push(
            `${(m.height / PHONE.height).toFixed(1).padStart(5)} screens  header ${String(Math.round(m.header)).padStart(3)}  ${m.overflow > 0 ? `OVERFLOW ${m.overflow} ` : ""}${status} ${path}  ${file}${printed}`,
          );
          if (js === "print") await page.emulateMedia({ media: "screen" });
        }
        return { status, text: contentType.includes("text/html") ? await page.content() : "", contentType };
      },
      ["/"],
      { perShape: 1, limit: 80 },
    );
    console.log(`== ${email} (${lng}, ${js})\n${rows.join("\n")}`);
    writeFileSync(join(dir, "pages.txt"), `${rows.join("\n")}\n`);
    await context.close();
  }
} finally {
  await browser.close();
}
