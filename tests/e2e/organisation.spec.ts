/**
 * Running an organisation from a fresh install (issue 13, "done when"): `npm run user:create` makes a new
 * organisation and its first admin in the e2e database; in the browser the admin invites a lead and a
 * specialist, the specialist creates a record and invites the young person, who opens the link on a
 * 360 px phone, reads the privacy notice, sets a password and logs in; a forgotten password is reset by
 * the specialist's link (old sessions end); the demo lead sees statistics with small cells hidden and
 * downloads the CSV. With JavaScript and without, axe on the new pages, lv, en and ru.
 *
 * Every account made here lives in its own organisation, so the demo's counts stay as other tests expect.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, E2E_DATABASE, expect, expectNoAxeViolations, expectNoHorizontalScroll, submitLogin, test } from "./helpers";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ADMIN_PASSWORD = "pirmā administratore 2026";
const PASSWORD = "zaļš kalns pie upes 77";
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** `npm run user:create` against the e2e server's database: a new organisation and its admin. */
function createOrganisation(tag: string) {
  const email = `admin.${tag}@fresh.test`;
  execFileSync("npx", ["tsx", "db/create-admin.ts", "--organisation", `Jauna organizācija ${tag}`, "--email", email, "--name", "Pirmā Administratore"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: E2E_DATABASE, TILTS_ADMIN_PASSWORD: ADMIN_PASSWORD },
    stdio: "pipe",
  });
  return { email, organisation: `Jauna organizācija ${tag}` };
}

async function logInAs(page: Page, email: string, password: string, lng: "lv" | "en" | "ru" = "en") {
  await page.goto(`/login?lng=${lng}`);
  await submitLogin(page, email, password, lng);
  await expect(page).toHaveURL((url) => url.pathname === "/");
}

/** Invites someone from the people page; returns the link shown once. */
async function invite(page: Page, name: string, email: string, role: string): Promise<string> {
  await page.goto("/organisation/people?lng=en");
  const form = page.locator("form#invite");
  await form.getByLabel("Name and surname", { exact: true }).fill(name);
  await form.getByLabel("E-mail", { exact: true }).fill(email);
  await form.getByLabel("Role", { exact: true }).selectOption(role);
  await form.getByRole("button", { name: "Make the invitation" }).click();
  await expect(page.getByRole("heading", { name: `Invitation for ${name}` })).toBeVisible();
  await expect(page.locator(".handed-link__qr svg")).toBeVisible();
  return page.getByLabel("The link", { exact: true }).inputValue();
}

/** Opens a link in a fresh browser (a phone by default) and sets the password there. */
async function acceptOn(browser: Browser, link: string, options: { lng?: "lv" | "en" | "ru"; phone?: boolean; javaScript?: boolean } = {}) {
  const context = await browser.newContext({ ...(options.phone === false ? {} : PHONE), javaScriptEnabled: options.javaScript ?? true, locale: "lv-LV" });
  const page = await context.newPage();
  await page.goto(`${link}?lng=${options.lng ?? "lv"}`);
  return { context, page };
}

async function setPassword(page: Page, labels: { password: string; again: string; submit: string }, password = PASSWORD) {
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByLabel(labels.again, { exact: true }).fill(password);
  await page.getByRole("button", { name: labels.submit }).click();
}

const LV = { password: "Jaunā parole", again: "Jaunā parole vēlreiz", submit: "Saglabāt paroli un sākt" };
const EN = { password: "New password", again: "New password again", submit: "Save the password and start" };

test("an organisation is run end to end from a fresh install", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const fresh = createOrganisation(`e2e${Date.now()}`);
  const tag = Date.now();

  // The first admin invites a lead and a specialist.
  await logInAs(page, fresh.email, ADMIN_PASSWORD);
  await expect(page.locator("main h1")).toHaveText(fresh.organisation);
  const leadLink = await invite(page, "Līva Vadītāja", `lead.${tag}@fresh.test`, "lead");
  await expect(page.getByText("E-mail is not set up, so nothing was sent.")).toBeVisible();
  await expectNoAxeViolations(page, "people page with an invitation");
  const specialistLink = await invite(page, "Sandis Speciālists", `specialist.${tag}@fresh.test`, "specialist");
  await expect(page.locator(".invitation")).toHaveCount(2);

  // The lead opens the link on a laptop, in English.
  const lead = await acceptOn(browser, leadLink, { lng: "en", phone: false });
  await expect(lead.page.getByRole("heading", { name: "Your data in Tilts, in short" })).toBeVisible();
  await setPassword(lead.page, EN);
  await expect(lead.page.locator("main h1")).toHaveText(fresh.organisation);

  // The specialist, on a phone in Latvian: a record, then the young person's invitation.
  const specialist = await acceptOn(browser, specialistLink);
  await setPassword(specialist.page, LV);
  await expect(specialist.page.locator("main h1")).toHaveText("Mani jaunieši");
  await specialist.page.getByRole("link", { name: "Jauna lieta" }).click();
  const record = specialist.page.locator("form#record");
  await record.getByLabel("Vārds un uzvārds", { exact: true }).fill("Kate Jaunā");
  await record.getByLabel("Dzimšanas datums", { exact: true }).fill("2010-04-02");
  await record.getByLabel("Aprūpes veids", { exact: true }).selectOption("sos_family");
  await record.getByLabel("Pašvaldība", { exact: true }).fill("Smiltenes novads");
  // Care ending before birth is refused next to the field, keeping what was typed.
  await record.getByLabel("Plānotās aprūpes beigas", { exact: true }).fill("2009-12-31");
  await record.getByRole("button", { name: "Izveidot lietu" }).click();
  await expect(record.locator(".field__error")).toHaveText(["Aprūpe nevar beigties pirms dzimšanas datuma. Pārbaudi abus datumus."]);
  await expect(record.getByLabel("Vārds un uzvārds", { exact: true })).toHaveValue("Kate Jaunā");
  await record.getByLabel("Plānotās aprūpes beigas", { exact: true }).fill("2028-04-02");
  await record.getByLabel("Izglītība", { exact: true }).selectOption("basic_school");
  await record.getByRole("button", { name: "Izveidot lietu" }).click();
  await expect(specialist.page.getByRole("status")).toHaveText("Lieta izveidota. Tagad vari nosūtīt ielūgumu.");
  await expectNoHorizontalScroll(specialist.page, "record page on a phone");
  await expectNoAxeViolations(specialist.page, "record page");
  await specialist.page.getByLabel("Jaunieša e-pasts", { exact: true }).fill(`kate.${tag}@fresh.test`);
  await specialist.page.getByRole("button", { name: "Uzaicināt uz Tiltu" }).click();
  await expect(specialist.page.getByRole("heading", { name: "Ielūgums: Kate Jaunā" })).toBeVisible();
  await expect(specialist.page.locator(".handed-link__qr svg")).toBeVisible();
  await expectNoAxeViolations(specialist.page, "record page with an invitation");
  const youthLink = await specialist.page.getByLabel("Saite", { exact: true }).inputValue();

  // The young person "scans" it on a phone (Russian), reads the notice, sets a password, lands home.
  const youth = await acceptOn(browser, youthLink, { lng: "ru" });
  await expect(youth.page.getByRole("heading", { name: "Здравствуйте, Kate Jaunā!" })).toBeVisible();
  await expect(youth.page.getByText("План — ваш.", { exact: false })).toBeVisible();
  await expectNoHorizontalScroll(youth.page, "invitation on a phone");
  await expectNoAxeViolations(youth.page, "invitation page");
  await setPassword(youth.page, { password: "Новый пароль", again: "Новый пароль ещё раз", submit: "Сохранить пароль и начать" });
  await expect(youth.page).toHaveURL((url) => url.pathname === "/");
  await expect(youth.page.locator("main")).toContainText("Kate Jaunā");
  // The used link says so plainly.
  const used = await youth.context.newPage();
  await used.goto(`${youthLink}?lng=en`);
  await expect(used.getByRole("heading", { level: 1 })).toHaveText("This invitation was already used");
  await used.close();
  // …and logging in with the new password works.
  const again = await browser.newContext(PHONE);
  const againPage = await again.newPage();
  await logInAs(againPage, `kate.${tag}@fresh.test`, PASSWORD, "lv");

  // Forgotten password: the specialist makes a reset link; it ends every old session.
  await specialist.page.reload();
  await specialist.page.getByRole("button", { name: "Izveidot paroles saiti" }).click();
  await expect(specialist.page.getByRole("heading", { name: "Paroles saite: Kate Jaunā" })).toBeVisible();
  const resetLink = await specialist.page.getByLabel("Saite", { exact: true }).inputValue();
  const reset = await acceptOn(browser, resetLink);
  await expectNoAxeViolations(reset.page, "reset page");
  await setPassword(reset.page, { password: "Jaunā parole", again: "Jaunā parole vēlreiz", submit: "Saglabāt jauno paroli" }, "jauns rīts pie jūras 88");
  await expect(reset.page).toHaveURL((url) => url.pathname === "/");
  await againPage.reload();
  await expect(againPage).toHaveURL(/\/login/);
  await youth.page.reload();
  await expect(youth.page).toHaveURL(/\/login/);

  // The lead of the new organisation sees the statistics: one young person, so everything is hidden.
  await lead.page.getByRole("link", { name: "Statistics" }).first().click();
  await expect(lead.page.getByText("Fewer than 5 young people: the numbers are hidden.")).toBeVisible();
  for (const context of [lead.context, specialist.context, youth.context, reset.context, again]) await context.close();
});

/** The records the statistics count: the organisation's live records and its erased ones. */
function demoRecordCount(): number {
  const db = new Database(E2E_DATABASE, { readonly: true });
  try {
    const row = db
      // Erased records are still counted by the statistics (decision 011): the live ones and the erased ones.
      .prepare(
        "SELECT (SELECT count(*) FROM young_people WHERE organisation_id = o.id) + (SELECT count(*) FROM erasures WHERE organisation_id = o.id) AS n FROM (SELECT organisation_id AS id FROM users WHERE email = 'lead@demo.test') o",
      )
      .get() as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

test("the demo lead's statistics show hidden and shown cells; the CSV downloads; a filter that singles out is refused", async ({ page }) => {
  await logInAs(page, "lead@demo.test", DEMO_PASSWORD, "en");
  await page.getByRole("link", { name: "Statistics" }).first().click();
  // The demo's records as they are now (another spec erases one closed record past its retention).
  await expect(page.getByText(`${demoRecordCount()} young people in this selection.`)).toBeVisible();
  const municipality = page.locator("section", { has: page.getByRole("heading", { name: "Municipality", exact: true }) });
  await expect(municipality.locator("table")).toContainText("Rīga");
  await expect(page.locator("main table").filter({ hasText: "hidden" }).first()).toBeVisible();
  await expect(municipality.locator(".stat-chart")).toBeVisible();
  await expectNoAxeViolations(page, "statistics");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tilts-statistics-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, "utf8");
  expect(csv).toContain("Table,Category,Count");
  expect(csv).toMatch(/^Municipality,Other municipalities \(under 5 each\),(hidden|\d+)$/m);
  expect(csv).toMatch(/,hidden$/m);

  // A municipality with fewer than 5 (not even in the list) is refused next to the field.
  await page.goto("/organisation/statistics?lng=lv&municipality=Bauskas%20novads");
  await expect(page.locator(".field__error")).toHaveText(["Šajā atlasē ir mazāk nekā 5 jaunieši. Izvēlies plašāku."]);
  await expect(page.getByText(`Šajā atlasē ${demoRecordCount()} jaunieši.`)).toBeVisible();
  await page.goto("/organisation/statistics?lng=ru&careForm=foster_family");
  await expect(page.locator(".field__error")).toHaveCount(0);
  await expect(page.getByText("В этом отборе 19 человек.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("invite, accept with a mistake, log in; bad input shows next to the field", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const fresh = createOrganisation(`nojs${Date.now()}`);
    const tag = Date.now();
    await logInAs(page, fresh.email, ADMIN_PASSWORD, "lv");
    await page.goto("/organisation/people?lng=lv");
    const form = page.locator("form#invite");
    // An e-mail that already has an account.
    await form.getByLabel("Vārds un uzvārds", { exact: true }).fill("Kāds");
    await form.getByLabel("E-pasts", { exact: true }).fill("mentor@demo.test");
    await form.getByRole("button", { name: "Izveidot ielūgumu" }).click();
    await expect(page.locator("form#invite .field__error")).toHaveText([
      "Šim e-pastam jau ir Tilta konts. Lai cilvēks pieslēdzas ar to, vai izmanto citu e-pastu.",
    ]);
    await expect(page.locator("form#invite").getByLabel("Vārds un uzvārds", { exact: true })).toHaveValue("Kāds");
    await page.locator("form#invite").getByLabel("E-pasts", { exact: true }).fill(`mentors.${tag}@fresh.test`);
    await page.locator("form#invite").getByLabel("Loma", { exact: true }).selectOption("mentor");
    await page.locator("form#invite").getByRole("button", { name: "Izveidot ielūgumu" }).click();
    const link = await page.getByLabel("Saite", { exact: true }).inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{32}$/);
    // Post/redirect/get: the link is shown once; a refresh shows the page without it and makes no new one.
    await expect(page).toHaveURL((url) => url.pathname === "/organisation/people" && url.hash === "#handed-link-invitation-heading");
    await page.reload();
    await expect(page.getByLabel("Saite", { exact: true })).toHaveCount(0);
    await expect(page.locator("main")).toContainText(`mentors.${tag}@fresh.test`);
    await expect(page.getByText(`mentors.${tag}@fresh.test`, { exact: true })).toHaveCount(1);

    const { context, page: phone } = await acceptOn(browser, link, { javaScript: false });
    await setPassword(phone, { ...LV, submit: LV.submit }, "īss");
    await expect(phone.locator(".field__error")).toHaveText(["Parolei jābūt vismaz 12 rakstzīmes garai."]);
    await setPassword(phone, LV);
    await expect(phone).toHaveURL((url) => url.pathname === "/");
    await expect(phone.locator("main")).toContainText("Kāds");
    await context.close();

    // The admin disables the mentor: the mentor is logged out on the next request (no JavaScript either).
    await page.goto("/organisation/people?lng=lv&role=mentor");
    await page.locator(`tr[data-email="mentors.${tag}@fresh.test"]`).getByRole("button", { name: "Atslēgt" }).click();
    await expect(page.locator(`tr[data-email="mentors.${tag}@fresh.test"]`)).toContainText("Atslēgts");
  });
});

test("the forgotten-password page says who helps when e-mail is not set up, in three languages, without axe violations", async ({ page }) => {
  await page.goto("/login?lng=lv");
  await page.getByRole("link", { name: "Saņemt jaunu paroli" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aizmirsi paroli?");
  await expect(page.getByText("Vari arī palūgt klātienē", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, "forgot password");
  await page.goto("/forgot-password?lng=ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Забыли пароль?");
  await page.goto("/invite/not-a-real-token?lng=en");
  await expect(page).toHaveURL(/\/invite\?lng=en$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation link does not work");
  await expectNoAxeViolations(page, "a broken invitation link");
});
