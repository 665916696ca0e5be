/**
 * Holding and changing a review (issue 11, decision 025) at 360 px, with and without JavaScript: the demo
 * specialist plans a meeting for today, records it while dropping an existing goal and agreeing a new one,
 * and the goal shows "changed in the review"; a second meeting is moved and then cancelled (the tick is
 * asked for first). Each run uses a young person of the specialist that no other test touches, so the
 * tests stay independent. Jānis's statement offers "who I don't want there" per person on his plan.
 */
import Database from "better-sqlite3";
import { E2E_DATABASE, account, expect, expectNoAxeViolations, expectNoHorizontalScroll, logIn, test } from "./helpers";

const specialist = account("specialist@demo.test");
const janis = account("youth.transition@demo.test");
/** Names other specs use: left alone here. */
const TAKEN = ["Jānis Ozols", "Marta Liepa", "Kārlis Egle", "Kate Jaunā", "Ilze Krūmiņa", "Anna Kalniņa", "Pēteris Bērziņš"];

function quietRecords(): string[] {
  const db = new Database(E2E_DATABASE, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT y.id, y.display_name AS name FROM young_people y JOIN users s ON s.id = y.specialist_id
         WHERE s.email = ? ORDER BY y.display_name`,
      )
      .all(specialist.email) as Array<{ id: string; name: string }>;
    return rows.filter((r) => !TAKEN.includes(r.name)).map((r) => r.id);
  } finally {
    db.close();
  }
}

function rigaNow(): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Riga",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
test.describe.configure({ timeout: 120_000 });

for (const [index, javaScriptEnabled] of [
  [0, true],
  [1, false],
] as const) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("the specialist holds a review today, records it changing an existing goal, then moves and cancels another", async ({ page }) => {
      const now = rigaNow();
      test.skip(now.minutes >= 23 * 60 + 50, "a meeting later today needs a few minutes left in the Riga day");
      const id = quietRecords()[index]!;
      expect(id).toBeTruthy();
      await logIn(page, specialist, "en");
      await page.goto(`/plan/${id}/reviews?lng=en`);
      const schedule = page.locator("form#schedule");
      await schedule.getByLabel("Date").fill(now.date);
      await schedule.getByLabel("Time", { exact: true }).fill("23:59");
      await schedule.getByLabel("Place").fill("Bauska, the office");
      await schedule.getByRole("button", { name: "Send the invitation" }).click();
      await expect(page).toHaveURL(new RegExp(`/plan/${id}/reviews/[0-9a-f-]{36}`));
      await expect(page.getByRole("heading", { level: 2, name: "Record the meeting" })).toBeVisible();
      await expectNoHorizontalScroll(page, "review with the record form");
      if (javaScriptEnabled) await expectNoAxeViolations(page, "review with the record and move forms");

      // The first meeting agrees a new goal.
      await page.locator("form#record #record-goal0_title").fill("Visit two rooms to rent");
      await page.locator("form#record #record-goal0_domain").selectOption("housing");
      await page.locator("form#record").getByRole("button", { name: "Save the record" }).click();
      await expect(page).toHaveURL(/saved=recorded/);
      await expect(page.getByRole("heading", { level: 3, name: "New goals" })).toBeVisible();
      await expectNoHorizontalScroll(page, "recorded review");

      // A second meeting today changes that goal: a row without a goal is refused next to it, what was typed stays.
      await page.goto(`/plan/${id}/reviews?lng=en`);
      await page.locator("form#schedule").getByLabel("Date").fill(now.date);
      await page.locator("form#schedule").getByLabel("Time", { exact: true }).fill("23:58");
      await page.locator("form#schedule").getByLabel("Place").fill("Bauska, the office");
      await page.locator("form#schedule").getByRole("button", { name: "Send the invitation" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Record the meeting" })).toBeVisible();
      const reviewUrl = page.url().split("?")[0]!;
      const record = page.locator("form#record");
      await record.locator("#record-goal0_title").fill("Open a savings account");
      await record.locator("#record-change0_status").selectOption("dropped");
      await record.getByRole("button", { name: "Save the record" }).click();
      await expect(page.locator("#record-change0_goal-error")).toHaveText("Choose the goal to change.");
      await expect(page.locator("form#record #record-goal0_title")).toHaveValue("Open a savings account");
      if (javaScriptEnabled) await expectNoAxeViolations(page, "record form with an error");

      const form = page.locator("form#record");
      const goalSelect = form.locator("#record-change0_goal");
      const goalId = await goalSelect.locator("option", { hasText: "Visit two rooms to rent" }).getAttribute("value");
      await goalSelect.selectOption(goalId!);
      await form.locator("#record-change0_status").selectOption("dropped");
      await form.locator("#record-goal0_domain").selectOption("finances");
      await form.getByRole("button", { name: "Save the record" }).click();
      await expect(page).toHaveURL(/saved=recorded/);
      await expect(page.getByRole("heading", { level: 3, name: "Goals changed" })).toBeVisible();

      // The goal links back: "Changed in the review of …".
      await page.goto(`/plan/${id}/goals/${goalId}?lng=en`);
      await expect(page.getByRole("link", { name: /^Changed in the review of / })).toBeVisible();

      // A recorded review offers no move or cancel.
      await page.goto(`${reviewUrl}?lng=en`);
      await expect(page.locator("form#reschedule")).toHaveCount(0);

      // A second meeting: moved, then cancelled.
      await page.goto(`/plan/${id}/reviews?lng=en`);
      const second = page.locator("form#schedule");
      await second.getByLabel("Date").fill(plusDays(now.date, 14));
      await second.getByLabel("Place").fill("Bauska, the office");
      await second.getByRole("button", { name: "Send the invitation" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Move or cancel the meeting" })).toBeVisible();
      const move = page.locator("form#reschedule");
      await move.getByLabel("Date").fill(plusDays(now.date, -3));
      await move.getByRole("button", { name: "Move the meeting" }).click();
      await expect(page.locator("#reschedule-date-error")).toHaveText("Pick a time that has not passed yet.");
      await page.locator("form#reschedule").getByLabel("Date").fill(plusDays(now.date, 21));
      await page.locator("form#reschedule").getByLabel("Time", { exact: true }).fill("10:30");
      await page.locator("form#reschedule").getByRole("button", { name: "Move the meeting" }).click();
      await expect(page.getByRole("status").filter({ hasText: "The meeting was moved." })).toBeVisible();
      await expect(page.locator("main")).toContainText("10:30");

      await page.locator("form#cancel").getByRole("button", { name: "Cancel the meeting" }).click();
      await expect(page.locator("#cancel-confirm-error")).toHaveText("Tick the box to cancel the meeting.");
      if (javaScriptEnabled) await expectNoAxeViolations(page, "cancel with an error");
      await page.locator("form#cancel").getByLabel("Yes, cancel this meeting").check();
      await page.locator("form#cancel").getByRole("button", { name: "Cancel the meeting" }).click();
      await expect(page.getByRole("status").filter({ hasText: "This meeting was cancelled." })).toBeVisible();
      await expect(page.locator("form#reschedule")).toHaveCount(0);
      await expectNoHorizontalScroll(page, "cancelled review");
      if (javaScriptEnabled) await expectNoAxeViolations(page, "cancelled review");
    });
  });
}

test("Jānis chooses per person who he does not want there; only he and the specialist see the choice", async ({ page }) => {
  await logIn(page, janis, "lv");
  const db = new Database(E2E_DATABASE, { readonly: true });
  const ids = (() => {
    try {
      const youngPersonId = (db.prepare("select id from young_people where display_name = 'Jānis Ozols'").get() as { id: string }).id;
      const upcoming = (
        db.prepare("select id from reviews where young_person_id = ? and status = 'scheduled' order by held_on").get(youngPersonId) as { id: string }
      ).id;
      return { youngPersonId, upcoming };
    } finally {
      db.close();
    }
  })();
  await page.goto(`/plan/${ids.youngPersonId}/reviews/${ids.upcoming}`);
  const choice = page.locator("form#statement-form fieldset", { hasText: "Vai ir kāds, kuru tu negribi redzēt tikšanās laikā?" });
  await expect(choice).toBeVisible();
  await expect(choice.getByRole("checkbox")).not.toHaveCount(0);
  await expect(choice).toContainText("To redz tikai tavs speciālists, ne citi uzaicinātie.");
  await expectNoHorizontalScroll(page, "statement with the choice");
  await expectNoAxeViolations(page, "statement with the choice");
});
