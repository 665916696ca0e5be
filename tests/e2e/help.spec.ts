/**
 * "I need help", the monthly well-being check and the specialist's worklist (issue 11 items 7–9) in
 * Chromium at 360 px, without JavaScript: the young person's button in the header, the form's errors,
 * the states they see; the specialist's worklist one click from the request; axe on every new page.
 * Anna (no other test sends help or answers her well-being) does the writing; Marta's seeded request is
 * only looked at, so the tests stay independent.
 */
import { account, expect, expectNoAxeViolations, expectNoHorizontalScroll, logIn, test } from "./helpers";

test.use({ viewport: { width: 360, height: 780 } });

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a young person asks for help from the header; an empty message is refused next to the field; the request shows as waiting", async ({ page }) => {
    await logIn(page, account("youth.preparation@demo.test"), "en");
    await page.getByRole("link", { name: "I need help", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("I need help");
    await expect(page.locator("main")).toContainText("Ilze Krūmiņa");
    await expectNoHorizontalScroll(page, "help page");

    const form = page.locator("form#help");
    await form.getByLabel("What do you need help with?").fill("   \t  ");
    await form.getByRole("button", { name: "Send" }).click();
    await expect(form.locator(".field__error")).toHaveText("Write what you need help with.");

    await form.getByLabel("What do you need help with?").fill("Vajag palīdzību ar ārsta pierakstu.");
    await form.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("status")).toContainText("Sent.");
    const request = page.locator(".help-request").filter({ hasText: "Vajag palīdzību ar ārsta pierakstu." });
    await expect(request).toContainText("Waiting to be read");
    await expectNoHorizontalScroll(page, "help page after sending");
  });

  test("the well-being question on the young person's home: a face must be chosen; the answer stops the question and shows in the trend", async ({ page }) => {
    await logIn(page, account("youth.preparation@demo.test"), "lv");
    const card = page.locator(".wellbeing-card");
    await expect(card.getByRole("heading", { name: "Kā tev klājas?" })).toBeVisible();
    await expectNoHorizontalScroll(page, "young person's home with the question");
    await card.getByRole("button", { name: "Saglabāt" }).click();
    // Without a face: the well-being page with the message next to the faces, and what was typed kept.
    await expect(page.locator(".wellbeing-card .field__error")).toHaveText("Izvēlies, kā tev klājas, vai spied “Ne tagad”.");
    await page.getByRole("radio", { name: "Labi", exact: true }).check();
    await page.getByLabel("Vai gribi ko piebilst? (nav obligāti)").fill("Viss kārtībā");
    await page.getByRole("button", { name: "Saglabāt" }).click();
    await expect(page.getByText("Šomēnes tu jau atbildēji.")).toBeVisible();
    await expect(page.locator("svg.wellbeing-chart")).toBeVisible();
    await expectNoHorizontalScroll(page, "well-being page");
    await page.goto("/");
    await expect(page.locator(".wellbeing-card")).toHaveCount(0);
  });
});

test("the young person's help and well-being pages pass axe, also with errors shown", async ({ page }) => {
  await logIn(page, account("youth.transition@demo.test"), "lv");
  // Jānis is asked this month (the demo): the card on his home.
  await expect(page.locator(".wellbeing-card")).toBeVisible();
  await page.getByRole("link", { name: "Vajag palīdzību", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vajag palīdzību");
  await expectNoAxeViolations(page, "help page");
  const form = page.locator("form#help");
  await form.getByRole("button", { name: "Nosūtīt" }).click();
  await expect(form.locator(".field__error")).toHaveText("Uzraksti, ar ko tev vajag palīdzību.");
  await expectNoAxeViolations(page, "help page with an error");
  await page.goto(page.url().replace(/\/help.*$/, "/wellbeing"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kā man klājas");
  await page.locator(".wellbeing-card").getByRole("button", { name: "Saglabāt" }).click();
  await expect(page.locator(".wellbeing-card .field__error")).toBeVisible();
  await expectNoHorizontalScroll(page, "well-being page");
  await expectNoAxeViolations(page, "well-being page with an error");
});

test("the specialist's worklist shows Marta's help request first, one click from it, in every language", async ({ page }) => {
  await logIn(page, account("specialist@demo.test"), "ru");
  const worklist = page.locator("section.worklist");
  await expect(worklist.getByRole("heading", { level: 2 })).toHaveText("Что требует вашего внимания");
  await expect(worklist.locator(".worklist__section--help")).toContainText("Marta Liepa");
  await expect(worklist.locator(".worklist__section--wellbeingFalling")).toContainText("Marta Liepa");
  await expectNoHorizontalScroll(page, "specialist's home");
  // The leavers filter works without JavaScript (GET).
  await worklist.getByRole("link", { name: "12 месяцев" }).click();
  await expect(page).toHaveURL(/leaving=12/);
  await expect(page.locator(".worklist__section--leaving h3")).toContainText("12");
  await page.locator(".worklist__section--help").getByRole("link", { name: "Marta Liepa" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("С чем Marta Liepa просит помочь");
  await expect(page.getByRole("button", { name: "Прочитано" })).toBeVisible();
  await expectNoHorizontalScroll(page, "help page of the specialist");
  await expectNoAxeViolations(page, "help page of the specialist");
  await page.goto(page.url().replace(/\/help.*$/, "/wellbeing"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Самочувствие: Marta Liepa");
  await expectNoAxeViolations(page, "well-being trend of the specialist");
});

test("the mentor's dashboard names what Marta asked help with apart from the steps given to the mentor", async ({ page }) => {
  await logIn(page, account("mentor@demo.test"), "en");
  const card = page.locator(".mentee-cards > li").filter({ hasText: "Marta Liepa" });
  await expect(card.getByRole("heading", { name: "What Marta Liepa asked help with" })).toBeVisible();
  await expect(card).toContainText("rēķins par elektrību");
  await expect(card.getByRole("heading", { name: "Steps Marta Liepa gave you" })).toBeVisible();
  await expectNoAxeViolations(page, "mentor's dashboard");
});
