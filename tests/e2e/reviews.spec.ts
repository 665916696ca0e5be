/**
 * Review meetings (issue 11) on a 360 px phone, with and without JavaScript: Jānis opens his review from
 * his home, sees who is invited, writes his statement (nonsense-long text gets a message next to the
 * field) and asks for a review; he answers "did you feel heard?" for his last review. The specialist
 * opens the pack in lv, en and ru, and prints the one-page summary to PDF (1–2 A4 pages). axe on every
 * review page; no page scrolls sideways.
 */
import Database from "better-sqlite3";
import { E2E_DATABASE, account, expect, expectNoAxeViolations, expectNoHorizontalScroll, logIn, test } from "./helpers";

const janis = account("youth.transition@demo.test");
const specialist = account("specialist@demo.test");

function demoIds(): { janis: string; upcoming: string; last: string; first: string } {
  const db = new Database(E2E_DATABASE, { readonly: true });
  try {
    const id = (db.prepare("select id from young_people where display_name = 'Jānis Ozols'").get() as { id: string }).id;
    const rows = db.prepare("select id, status from reviews where young_person_id = ? order by held_on").all(id) as Array<{ id: string; status: string }>;
    const recorded = rows.filter((r) => r.status === "recorded");
    return { janis: id, upcoming: rows.find((r) => r.status === "scheduled")!.id, last: recorded.at(-1)!.id, first: recorded[0]!.id };
  } finally {
    db.close();
  }
}

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
test.describe.configure({ timeout: 90_000 });

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });
    // axe runs as a script in the page, so it checks the pages with JavaScript on; the same HTML is served without.

    test("Jānis opens his review from home, sees who is invited and writes his statement", async ({ page }) => {
      const ids = demoIds();
      await logIn(page, janis, "lv");
      const card = page.locator("section", { has: page.getByRole("heading", { name: "Pārskatīšanas tikšanās", exact: true }) });
      await expect(card).toContainText("Tava tikšanās:");
      await card.getByRole("link", { name: /Uzraksti, ko gribi pateikt|Maini to, ko uzrakstīji/ }).click();
      await expect(page).toHaveURL(new RegExp(`/plan/${ids.janis}/reviews/${ids.upcoming}`));
      await expect(page.getByRole("heading", { level: 2, name: "Kas uzaicināts uz tavu tikšanos" })).toBeVisible();
      await expect(page.locator(".review-people")).toContainText("Vecmāmiņa Ilga");
      await expectNoHorizontalScroll(page, "review page");
      if (javaScriptEnabled) await expectNoAxeViolations(page, "review page (young person)");

      const form = page.locator("form#statement-form");
      const text = javaScriptEnabled ? "Gribu runāt par depozītu." : "Gribu runāt par darbu vasarā.";
      await form.getByLabel("Par ko tu gribi runāt?").fill(text);
      // Nonsense: far too long. Told next to the field; the rest is kept.
      await form.getByLabel("Kas tevi uztrauc?").evaluate((el, value) => {
        (el as HTMLTextAreaElement).removeAttribute("maxlength");
        (el as HTMLTextAreaElement).value = value;
      }, "ā".repeat(5000));
      await form.getByRole("button", { name: "Saglabāt" }).click();
      await expect(page.locator("#statement-form-worries-error")).toHaveText("Par garu: ne vairāk kā 2000 rakstzīmju.");
      await expect(page.locator("form#statement-form").getByLabel("Par ko tu gribi runāt?")).toHaveValue(text);
      if (javaScriptEnabled) await expectNoAxeViolations(page, "statement with an error");

      await page.locator("form#statement-form").getByLabel("Kas tevi uztrauc?").fill("Īre.");
      await page.locator("form#statement-form").getByRole("button", { name: "Saglabāt" }).click();
      await expect(page).toHaveURL(/saved=statement/);
      await expect(page.locator("form#statement-form").getByLabel("Par ko tu gribi runāt?")).toHaveValue(text);
    });

    test("Jānis asks for a review with one button and answers 'did you feel heard?'", async ({ page }) => {
      const ids = demoIds();
      await logIn(page, janis, "lv");
      await page.goto(`/plan/${ids.janis}/reviews`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Plāna pārskatīšanas tikšanās");
      const ask = page.getByRole("button", { name: "Lūgt pārskatīšanu" });
      if (await ask.count()) await ask.click();
      await expect(page.getByRole("status")).toContainText("Tu lūdzi pārskatīšanu.");
      await expectNoHorizontalScroll(page, "reviews list");
      if (javaScriptEnabled) await expectNoAxeViolations(page, "reviews list (young person)");

      // One answer per review: the JavaScript run answers the last review, the other the first.
      const reviewId = javaScriptEnabled ? ids.last : ids.first;
      await page.goto(`/plan/${ids.janis}/reviews/${reviewId}`);
      const heard = page.locator("#felt-heard");
      await expect(heard.getByRole("heading", { name: "Vai tevī ieklausījās?" })).toBeVisible();
      const send = heard.getByRole("button", { name: "Nosūtīt" });
      if (await send.count()) {
        await send.click();
        await expect(heard.locator("#feltHeard-answer-error")).toHaveText("Izvēlies: jā, daļēji vai nē.");
        if (javaScriptEnabled) await expectNoAxeViolations(page, "felt heard with an error");
        await heard.getByLabel("Daļēji").check();
        await heard.getByLabel("Vai gribi ko piebilst? (nav obligāti)").fill("Runājām ilgi par dzīvokli.");
        await heard.getByRole("button", { name: "Nosūtīt" }).click();
      }
      await expect(page.locator("#felt-heard").getByRole("status")).toContainText("Paldies!");
      await expectNoHorizontalScroll(page, "felt heard");
      if (javaScriptEnabled) await expectNoAxeViolations(page, "felt heard answered");
    });
  });
}

test("the specialist prepares the review from the pack in lv, en and ru", async ({ page }) => {
  const ids = demoIds();
  await logIn(page, specialist, "lv");
  const headings = { lv: "Materiāli tikšanās sagatavošanai", en: "Review pack", ru: "Материалы к встрече" } as const;
  for (const lng of ["lv", "en", "ru"] as const) {
    await page.goto(`/plan/${ids.janis}/reviews/${ids.upcoming}?lng=${lng}`);
    await expect(page.getByRole("heading", { level: 2, name: headings[lng] })).toBeVisible();
    await expect(page.locator("#statement")).toContainText("Esmu apskatījis divus dzīvokļus");
    await expectNoHorizontalScroll(page, `pack ${lng}`);
    await expectNoAxeViolations(page, `pack ${lng}`);
  }
  // The focus: more than three areas is refused next to the field.
  await page.goto(`/plan/${ids.janis}/reviews/${ids.upcoming}?lng=en`);
  const focus = page.locator("form#focus-form");
  for (const area of ["Housing", "Education", "Health", "Money"]) await focus.getByLabel(area, { exact: true }).check();
  await focus.getByRole("button", { name: "Save the focus" }).click();
  await expect(page.locator("#focus-form-focus-error")).toHaveText("Choose one, two or three areas.");
  await page.goto(`/plan/${ids.janis}/reviews?lng=en`);
  await expectNoAxeViolations(page, "reviews list (specialist)");
});

test("the one-page summary prints to one or two A4 pages", async ({ page }) => {
  const ids = demoIds();
  await logIn(page, specialist, "lv");
  await page.goto(`/plan/${ids.janis}/reviews/${ids.last}/summary`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Plāna pārskatīšanas tikšanās: Jānis Ozols");
  await expect(page.locator("article")).toContainText("Lēmumi");
  await expectNoAxeViolations(page, "summary");
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
  // In English on request (the plan's language is Jānis's own, Latvian).
  await page.goto(`/plan/${ids.janis}/reviews/${ids.last}/summary?lng=en`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review meeting: Jānis Ozols");
});

test("in his own printouts, export and recorded review Jānis's own goals are “Es” / “Я”, never his role", async ({ page }) => {
  const ids = demoIds();
  const role = { lv: /Jaunietis|Jaunieša|Jaunietim/, ru: /Владелец плана|Молодой человек/ };
  const own = { lv: /(· |\()Es(?!\p{L})/u, ru: /(· |\()Я(?!\p{L})/u };
  await logIn(page, janis, "lv");
  for (const lng of ["lv", "ru"] as const) {
    for (const path of [
      `/plan/${ids.janis}/reviews/${ids.last}/summary`,
      `/plan/${ids.janis}/reviews/${ids.last}`,
      `/plan/${ids.janis}/print`,
      `/plan/${ids.janis}/export`,
    ]) {
      await page.goto(`${path}?lng=${lng}`);
      const text = await page.locator("main").innerText();
      expect(text, `${lng} ${path}`).not.toMatch(role[lng]);
      if (!path.endsWith("/summary")) expect(text, `${lng} ${path}`).toMatch(own[lng]);
    }
    await page.goto(`/plan/${ids.janis}/reviews/${ids.last}/summary?lng=${lng}`);
    await expect(
      page
        .locator("article td")
        .filter({ hasText: lng === "lv" ? /^Es$/ : /^Я$/ })
        .first(),
    ).toBeVisible();
  }
  // The specialist reads the same printout with the role's word.
  await page.context().clearCookies();
  await logIn(page, specialist, "lv");
  await page.goto(`/plan/${ids.janis}/print`);
  await expect(page.locator("main")).toContainText("Jaunietis");
});
