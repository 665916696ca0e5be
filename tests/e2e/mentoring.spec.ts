/**
 * Mentoring end to end, in Latvian unless said otherwise: the specialist changes Jānis's mentor and the
 * new mentor logs a contact on a phone, which Jānis then reads; private notes stay with the specialist;
 * a former mentor sees nothing once the mentorship is closed; bad input on the contact form keeps what
 * was typed, with JavaScript on and off; the specialist's home flags who needs a mentor and whose
 * contact is overdue.
 *
 * The whole e2e run shares one database, and the specs after this one expect Pēteris to be Jānis's
 * active mentor: the journey that changes Jānis's mentor runs last and links Pēteris again (a new
 * mentorship: the history is kept), and an afterAll hook does the same if the journey stopped halfway.
 * The seed is relative to today, so nothing here depends on the day the tests run.
 */
import { readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "@playwright/test";
import type enCommon from "../../app/locales/en/common.json";
import type enMentoring from "../../app/locales/en/mentoring.json";
import type enPlan from "../../app/locales/en/plan.json";
import type enWeekly from "../../app/locales/en/weekly.json";
import { account, expect, expectNoAxeViolations, expectNoHorizontalScroll, newDevice, test, type DemoAccount, type Locale } from "./helpers";
import { signIn } from "./sessions";

type Strings = typeof enCommon & typeof enMentoring & typeof enPlan & typeof enWeekly;
/** The app's own strings, so the test reads the page in the words the user sees. */
function strings(lng: Locale): Strings {
  const load = (file: string) => JSON.parse(readFileSync(new URL(`../../app/locales/${lng}/${file}.json`, import.meta.url), "utf8"));
  return { ...load("common"), ...load("plan"), ...load("mentoring"), ...load("weekly") };
}
const LV = strings("lv");
const M = LV.mentoring;

const JANIS = "Jānis Ozols";
const MARTA = "Marta Liepa";
const PETERIS = "Pēteris Bērziņš";
const LAURA = "Laura Siliņa";
const ILZE = "Ilze Krūmiņa";
const NEED_A_MENTOR = ["Roberts Kalns", "Elīza Vanaga"];
const KRISTAPS = "Kristaps Lācis";
/** From db/seed.ts: Pēteris's private note on Marta, Laura's handover note, Marta's words for her next mentor. */
const MARTA_PRIVATE_NOTE = "jaunajā dzīvoklī jūtas vientuļa";
const MARTA_HANDOVER_NOTE = "Marta ir mērķtiecīga un labi plāno naudu.";
const MARTA_YOUTH_NOTE = "Man palīdz, ja atgādina par termiņiem ar īsziņu";
/** From db/seed.ts: one of Pēteris's contacts with Jānis. */
const JANIS_SEED_NOTE = "Apskatījām īres sludinājumus Bauskā.";

const janis = account("youth.transition@demo.test");
const marta = account("youth.aftercare@demo.test");
const peteris = account("mentor@demo.test");
/** The case count on the specialist's home is not this spec's business (roles.spec checks the home). */
const specialist: DemoAccount = { ...account("specialist@demo.test"), texts: { lv: [], en: [], ru: [] } };
/** Laura is not in helpers' ACCOUNTS: she has no mentee she may see, only a mentorship waiting for its window. */
const laura: DemoAccount = {
  email: "mentor2@demo.test",
  role: "mentor",
  name: LAURA,
  heading: peteris.heading,
  texts: { lv: [], en: [], ru: [] },
  sees: [],
  doesNotSee: [],
};

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } as const;

/** A calendar day in Riga, `offset` days from today, as YYYY-MM-DD (what the server calls today). */
function rigaDay(offset = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Riga", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
}

/** A meeting's day as the app writes it in Latvian: with its weekday (app/utils/weekday.ts). */
function lvMeetingDate(isoDate: string): string {
  return new Intl.DateTimeFormat("lv-LV", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** A day as the app writes it in Latvian (app/utils/format.ts, long style). */
function lvDate(isoDate: string): string {
  return new Intl.DateTimeFormat("lv-LV", { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" }).format(new Date(`${isoDate}T12:00:00Z`));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The id of a young person, from the link to their plan on a home page (the specialist's table, a mentor's cards). */
async function youngPersonIdOn(page: Page, name: string): Promise<string> {
  const href = await page.getByRole("main").getByRole("link", { name, exact: true }).first().getAttribute("href");
  const id = /^\/plan\/([^/#?]+)/.exec(href ?? "")?.[1];
  expect(id, `a plan link for ${name} (${href})`).toBeTruthy();
  return id!;
}

/** Sections of the mentoring page, by their headings. */
const mentorSection = (page: Page, own = false) => page.getByRole("region", { name: own ? M.mentor.titleOwn : M.mentor.title, exact: true });
const logSection = (page: Page) => page.getByRole("region", { name: M.log.title, exact: true });
const earlierSection = (page: Page) => page.getByRole("region", { name: M.earlier.title, exact: true });
const entryWith = (section: Locator, text: string) => section.getByRole("listitem").filter({ hasText: text });

/** The specialist closes the open mentorship on the mentoring page that is open. */
async function closeMentorship(page: Page, reason: keyof typeof M.closeReasons, handoverNote: string): Promise<void> {
  const section = mentorSection(page);
  const reasonField = section.getByLabel(M.close.reason, { exact: true });
  // The form is folded away under a <summary> of the same words as its button; open it unless it is open.
  if (!(await reasonField.isVisible())) await section.getByText(M.close.open, { exact: true }).first().click();
  await reasonField.selectOption({ label: M.closeReasons[reason] });
  await section.getByLabel(M.close.handoverNote, { exact: true }).fill(handoverNote);
  await section.getByRole("button", { name: M.close.submit, exact: true }).click();
  await expect(section).toContainText(M.mentor.none);
  await expect(entryWith(earlierSection(page), handoverNote)).toContainText(M.closeReasons[reason]);
}

/** The specialist links a mentor on the mentoring page that is open (it has no open mentorship). */
async function linkMentor(page: Page, mentorName: string): Promise<void> {
  const section = mentorSection(page);
  await section.getByRole("combobox", { name: M.link.mentor, exact: true }).selectOption({ label: mentorName });
  await section.getByRole("button", { name: M.link.submit, exact: true }).click();
  await expect(section.getByText(mentorName, { exact: true })).toBeVisible();
  await expect(section).toContainText(M.status.active);
  await expect(section).toContainText(M.mentor.since.replace("{{date}}", lvDate(rigaDay())));
}

/** Pēteris is Jānis's active mentor again (what the later specs expect), whatever state a failed journey left. */
async function makePeterisJanisMentor(browser: Browser): Promise<void> {
  const problems: string[] = [];
  const laptop = await newDevice(browser, problems);
  try {
    const page = await laptop.newPage();
    await signIn(page, specialist);
    await page.goto(`/plan/${await youngPersonIdOn(page, JANIS)}/mentoring`);
    const section = mentorSection(page);
    await expect(section).toBeVisible();
    if ((await section.getByText(PETERIS, { exact: true }).count()) > 0) {
      if ((await section.getByRole("button", { name: M.resume, exact: true }).count()) > 0) {
        await section.getByRole("button", { name: M.resume, exact: true }).click();
        await expect(section.getByRole("button", { name: M.pause, exact: true })).toBeVisible();
      }
      return;
    }
    if ((await section.getByText(M.mentor.none, { exact: true }).count()) === 0) {
      await closeMentorship(page, "other", `Atjaunots pēc e2e testa ${Date.now()}`);
    }
    await linkMentor(page, PETERIS);
  } finally {
    await laptop.close();
  }
}

test("the specialist's home lists who needs a mentor and flags an overdue contact", async ({ page }) => {
  await signIn(page, specialist);
  const needs = page.getByRole("region", { name: new RegExp(`^${escapeRegExp(M.needs.title_other.split(":")[0]!)}:`) });
  await expect(needs.getByRole("heading", { level: 2 })).toHaveText(M.needs.title_other.replace("{{count}}", String(NEED_A_MENTOR.length)));
  for (const name of NEED_A_MENTOR) {
    const link = needs.getByRole("link", { name, exact: true });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute("href", /^\/plan\/[^/]+\/mentoring#mentor$/);
  }
  // Everyone else has a mentor (Kristaps's is linked before his window opens).
  for (const name of [JANIS, MARTA, KRISTAPS, "Anna Kalniņa"]) await expect(needs).not.toContainText(name);

  const rowOf = (name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(rowOf(MARTA)).toContainText(PETERIS);
  await expect(rowOf(MARTA).getByText(/^Kontakts nokavēts/)).toBeVisible();
  await expect(rowOf(JANIS).getByText(/^Kontakts nokavēts/)).toHaveCount(0);

  // The "needs a mentor" link leads to the form that links one.
  await needs.getByRole("link", { name: NEED_A_MENTOR[0]!, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(M.titleOf.replace("{{name}}", NEED_A_MENTOR[0]!));
  await expect(mentorSection(page)).toContainText(M.mentor.none);
  await expect(mentorSection(page).getByRole("combobox", { name: M.link.mentor, exact: true })).toBeVisible();
});

test("a private note: the mentor and the specialist read it, the young person only sees that there is one", async ({ page, browser, browserProblems }) => {
  test.setTimeout(60_000);
  await signIn(page, peteris);
  const martaId = await youngPersonIdOn(page, MARTA);
  // The mentee whose contact is overdue comes first on the dashboard.
  const firstCard = page.getByRole("main").getByRole("heading", { level: 2 }).first();
  await expect(firstCard).toHaveText(MARTA);
  await expectNoAxeViolations(page, "mentor dashboard");

  await page.goto(`/plan/${martaId}/mentoring`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(M.titleOf.replace("{{name}}", MARTA));
  const privateEntry = entryWith(logSection(page), MARTA_PRIVATE_NOTE);
  await expect(privateEntry).toContainText(M.log.privateNote);
  await expect(privateEntry).not.toContainText(M.log.privateNoteHidden);
  // Laura's earlier mentorship: the mentor sees her handover note and Marta's words, not Laura's contacts.
  await expect(entryWith(earlierSection(page), LAURA)).toContainText(MARTA_HANDOVER_NOTE);
  await expect(entryWith(earlierSection(page), LAURA)).toContainText(MARTA_YOUTH_NOTE);
  await expect(logSection(page)).not.toContainText(LAURA);

  const laptop = await newDevice(browser, browserProblems);
  const staff = await laptop.newPage();
  await signIn(staff, specialist);
  await staff.goto(`/plan/${martaId}/mentoring`);
  await expect(entryWith(logSection(staff), MARTA_PRIVATE_NOTE)).toContainText(M.log.privateNote);
  await laptop.close();

  const phone = await newDevice(browser, browserProblems, PHONE);
  const youth = await phone.newPage();
  await signIn(youth, marta);
  await youth.goto(`/plan/${martaId}/mentoring`);
  await expect(youth.getByRole("heading", { level: 1 })).toHaveText(M.titleOwn);
  await expect(youth.getByRole("main")).not.toContainText(MARTA_PRIVATE_NOTE);
  await expect(youth.getByRole("main")).not.toContainText(M.log.privateNote);
  await expect(logSection(youth).getByText(M.log.privateNoteHidden, { exact: true })).toHaveCount(1);
  await expect(entryWith(earlierSection(youth), LAURA)).toContainText(MARTA_HANDOVER_NOTE);
  await expect(entryWith(earlierSection(youth), LAURA)).toContainText(MARTA_YOUTH_NOTE);
  await expectNoHorizontalScroll(youth, "young person's mentoring page");
  // The page source does not carry the private note either (not merely hidden).
  expect(await youth.content()).not.toContain(MARTA_PRIVATE_NOTE);
  await phone.close();
});

test("a former mentor, and a mentor before the window opens, see nothing of the young person", async ({ page, browser, browserProblems }) => {
  await signIn(page, specialist);
  const martaId = await youngPersonIdOn(page, MARTA);
  const kristapsId = await youngPersonIdOn(page, KRISTAPS);

  const phone = await newDevice(browser, browserProblems, PHONE);
  const mentorPage = await phone.newPage();
  await signIn(mentorPage, laura);
  const main = mentorPage.getByRole("main");
  for (const name of [MARTA, KRISTAPS, JANIS, "Anna Kalniņa", ...NEED_A_MENTOR]) await expect(main).not.toContainText(name);
  await expect(main).toContainText(LV.home.mentor.none);
  // Who is coming and when (decision 026): Kristaps's first name and the day, never the surname or a link.
  const coming = main.getByRole("region", { name: LV.weekly.mentorWaiting.heading });
  await expect(coming).toContainText(KRISTAPS.split(" ")[0]!);
  await expect(coming).toContainText(LV.weekly.mentorWaiting.opens.split("{{date}}")[0]!);
  await expect(coming.getByRole("link")).toHaveCount(0);
  await expect(main.getByRole("link", { name: M.log.add })).toHaveCount(0);
  await expectNoHorizontalScroll(mentorPage, "mentor dashboard without mentees");

  for (const path of [
    `/plan/${martaId}`,
    `/plan/${martaId}/mentoring`,
    `/plan/${martaId}/mentoring/contact`,
    `/plan/${kristapsId}`,
    `/plan/${kristapsId}/mentoring`,
  ]) {
    const response = await mentorPage.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(mentorPage.getByRole("heading", { level: 1 }), path).toHaveText(LV.errors.page.notFound.title);
    await expect(mentorPage.getByRole("main"), path).not.toContainText(MARTA);
    await expect(mentorPage.getByRole("main"), path).not.toContainText(KRISTAPS);
  }
  // Nor can she post a contact there.
  const post = await mentorPage.request.post(`/plan/${martaId}/mentoring/contact`, {
    form: { contactOn: rigaDay(), made: "yes", channel: "phone", durationMinutes: "10", note: "Nevajadzētu nonākt žurnālā" },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(404);
  await phone.close();
});

for (const js of [true, false]) {
  test.describe(`bad input on the contact form on a phone, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js, ...PHONE });

    test("a contact tomorrow, a negative duration, a time without a date: messages by the fields, the note kept, nothing logged", async ({ page }) => {
      test.setTimeout(60_000);
      await signIn(page, peteris);
      const martaId = await youngPersonIdOn(page, MARTA);
      await page.goto(`/plan/${martaId}/mentoring`);
      const entries = logSection(page).getByRole("listitem");
      await expect(entries.first()).toBeVisible();
      const before = await entries.count();

      await page.goto(`/plan/${martaId}/mentoring/contact`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(M.contact.title);
      const date = page.getByLabel(M.contact.date, { exact: true });
      const duration = page.getByLabel(M.contact.duration, { exact: true });
      const note = page.getByLabel(M.contact.note, { exact: true });
      const meetingOn = page.getByLabel(M.contact.nextMeetingOn, { exact: true });
      const meetingTime = page.getByLabel(M.contact.nextMeetingTime, { exact: true });
      const save = async () => {
        const response = page.waitForResponse((r) => r.request().method() === "POST");
        await page.getByRole("button", { name: M.contact.save, exact: true }).click();
        expect((await response).status(), "the form is answered with 400").toBe(400);
      };
      await expect(date).toHaveValue(rigaDay());
      const text = `Piezīme, kas nedrīkst pazust (${js ? "ar" : "bez"} JavaScript) ${Date.now()}`;

      // One problem at a time (the schema's checks come before the rules that need today, and a time
      // without a day is only checked once every field is well formed).
      // 1. Tomorrow: a contact cannot be in the future.
      await date.fill(rigaDay(1));
      await page.getByLabel(M.channels.phone, { exact: true }).check();
      await duration.fill("30");
      await note.fill(text);
      await save();
      await expect(date).toHaveAttribute("aria-invalid", "true");
      await expect(date).toHaveAccessibleDescription(M.errors.contactInFuture);
      await expect(page.getByText(M.errors.contactInFuture, { exact: true })).toBeVisible();
      await expect(date).toHaveValue(rigaDay(1));
      await expect(note).toHaveValue(text);
      await expect(page.getByLabel(M.channels.phone, { exact: true })).toBeChecked();
      await expect(duration).toHaveValue("30");

      // 2. Today, but minus five minutes.
      await date.fill(rigaDay());
      await duration.fill("-5");
      await save();
      const durationError = M.errors.durationRange.replace("{{durationMax}}", "720");
      await expect(duration).toHaveAttribute("aria-invalid", "true");
      await expect(duration).toHaveAccessibleDescription(new RegExp(escapeRegExp(durationError)));
      await expect(page.getByText(durationError, { exact: true })).toBeVisible();
      await expect(date).not.toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText(M.errors.contactInFuture, { exact: true })).toHaveCount(0);
      await expect(duration).toHaveValue("-5");
      await expect(note).toHaveValue(text);

      // 3. A time for the next meeting, but no day.
      await duration.fill("30");
      await meetingTime.fill("17:30");
      await save();
      await expect(meetingOn).toHaveAttribute("aria-invalid", "true");
      await expect(meetingOn).toHaveAccessibleDescription(M.errors.meetingDateForTime);
      await expect(page.getByText(M.errors.meetingDateForTime, { exact: true })).toBeVisible();
      await expect(duration).not.toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText(durationError, { exact: true })).toHaveCount(0);
      await expect(meetingTime).toHaveValue("17:30");
      await expect(date).toHaveValue(rigaDay());
      await expect(note).toHaveValue(text);
      await expectNoHorizontalScroll(page, "contact form with an error");

      await page.goto(`/plan/${martaId}/mentoring`);
      await expect(entries.first()).toBeVisible();
      await expect(entries).toHaveCount(before);
      await expect(logSection(page)).not.toContainText(text);
    });
  });
}

test("the mentoring page in English and Russian", async ({ page }) => {
  await signIn(page, specialist, "en");
  const martaId = await youngPersonIdOn(page, MARTA);
  for (const lng of ["en", "ru"] as const) {
    const t = strings(lng).mentoring;
    await page.goto(`/plan/${martaId}/mentoring?lng=${lng}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.titleOf.replace("{{name}}", MARTA));
    await expect(page.getByRole("region", { name: t.log.title, exact: true })).toContainText(t.log.privateNote);
    await expect(page.getByRole("region", { name: t.earlier.title, exact: true })).toContainText(MARTA_HANDOVER_NOTE);
    await expect(page.getByRole("region", { name: t.mentor.title, exact: true })).toContainText(PETERIS);
    await expectNoAxeViolations(page, `mentoring page (${lng})`);
  }
});

test.describe("changing a mentor", () => {
  // Whatever happens in the journey, the later specs find Pēteris as Jānis's active mentor.
  test.afterAll(async ({ browser }) => {
    await makePeterisJanisMentor(browser);
  });

  test("the specialist hands Jānis to Laura, who logs a contact on her phone; Jānis reads it and writes to his next mentor", async ({
    page,
    browser,
    browserProblems,
  }) => {
    test.setTimeout(150_000);
    const run = Date.now();
    const handoverFromPeteris = `Jānis labi sadarbojas, ja tikšanās ir pēc skolas. Vēl jāpabeidz tehnikuma dokumenti. (${run})`;
    const handoverFromLaura = `Jānis atrada istabu; vēl jāsakārto īres līgums. (${run})`;
    const contactNote = `Kopā apskatījām divas istabas un tehnikuma grafiku. (${run})`;
    const youthNote = `Man patīk, ja vispirms uzraksta īsziņu. Gribu runāt par dzīvokli. (${run})`;
    const today = rigaDay();
    const nextMeeting = rigaDay(7);
    const meetingText = M.meetingAt.replace("{{date}}", lvMeetingDate(nextMeeting)).replace("{{time}}", "17:30");

    // 1. The specialist, on a laptop, closes the mentorship with Pēteris and links Laura.
    await signIn(page, specialist);
    const janisId = await youngPersonIdOn(page, JANIS);
    await page.getByRole("main").getByRole("link", { name: JANIS, exact: true }).click();
    await page.getByRole("link", { name: M.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/plan/${janisId}/mentoring$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(M.titleOf.replace("{{name}}", JANIS));
    await expect(mentorSection(page).getByText(PETERIS, { exact: true })).toBeVisible();
    await expect(mentorSection(page)).toContainText(M.status.active);
    // Every form of the page open, for axe: the care end dates and closing the mentorship.
    await page.getByText(M.window.change, { exact: true }).click();
    await expect(page.getByLabel(M.window.planned, { exact: true })).toBeVisible();
    await mentorSection(page).getByText(M.close.open, { exact: true }).first().click();
    await expect(mentorSection(page).getByLabel(M.close.handoverNote, { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "mentoring page, specialist, forms open");
    await closeMentorship(page, "mentor_left", handoverFromPeteris);
    await expect(mentorSection(page).getByRole("combobox", { name: M.link.mentor, exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "mentoring page, specialist, linking a mentor");
    await linkMentor(page, LAURA);

    // 2. Laura, on her phone, finds Jānis on her dashboard and logs a contact.
    const lauraPhone = await newDevice(browser, browserProblems, PHONE);
    const mentorPage = await lauraPhone.newPage();
    await signIn(mentorPage, laura);
    const card = mentorPage
      .getByRole("main")
      .getByRole("listitem")
      .filter({ has: mentorPage.getByRole("heading", { name: JANIS, exact: true }) });
    await expect(card).toContainText(M.noContactYet);
    await expect(mentorPage.getByRole("main")).not.toContainText(MARTA);
    await expectNoHorizontalScroll(mentorPage, "Laura's dashboard");
    await card.getByRole("link", { name: M.log.add, exact: true }).tap();
    await expect(mentorPage.getByRole("heading", { level: 1 })).toHaveText(M.contact.title);
    await expect(mentorPage.getByRole("main")).toContainText(M.contact.with.replace("{{name}}", JANIS));
    await expectNoHorizontalScroll(mentorPage, "log-a-contact page");
    await expectNoAxeViolations(mentorPage, "log-a-contact page on a phone");

    await mentorPage.getByLabel(M.contact.date, { exact: true }).fill(today);
    await mentorPage.getByLabel(M.contact.made_yes, { exact: true }).check();
    await mentorPage.getByLabel(M.channels.in_person, { exact: true }).check();
    await mentorPage.getByLabel(M.contact.duration, { exact: true }).fill("45");
    const topics = mentorPage.getByRole("group", { name: M.contact.topics, exact: true });
    await topics.getByLabel(LV.domains.housing.name, { exact: true }).check();
    await topics.getByLabel(LV.domains.education.name, { exact: true }).check();
    await mentorPage.getByLabel(M.contact.note, { exact: true }).fill(contactNote);
    await mentorPage.getByLabel(M.contact.nextMeetingOn, { exact: true }).fill(nextMeeting);
    await mentorPage.getByLabel(M.contact.nextMeetingTime, { exact: true }).fill("17:30");
    await mentorPage.getByRole("button", { name: M.contact.save, exact: true }).tap();
    await expect(mentorPage).toHaveURL(new RegExp(`/plan/${janisId}/mentoring#log$`));
    const logged = entryWith(logSection(mentorPage), contactNote);
    await expect(logged).toContainText(lvDate(today));
    await expect(logged).toContainText(M.log.minutes_other.replace("{{formatted}}", "45"));
    await expect(mentorSection(mentorPage)).toContainText(meetingText);
    // Laura's log has her own contacts only, not Pēteris's.
    await expect(logSection(mentorPage)).not.toContainText(PETERIS);
    await expect(logSection(mentorPage)).not.toContainText(JANIS_SEED_NOTE);
    await lauraPhone.close();

    // 3. Jānis, on his phone, reads the contact and writes to his next mentor about Pēteris's time.
    const janisPhone = await newDevice(browser, browserProblems, PHONE);
    const youth = await janisPhone.newPage();
    await signIn(youth, { ...janis, sees: [LAURA, ILZE], doesNotSee: [PETERIS, MARTA] });
    await youth.getByRole("link", { name: LV.plan.openMyPlan }).click();
    await youth.getByRole("link", { name: M.titleOwn, exact: true }).click();
    await expect(youth).toHaveURL(new RegExp(`/plan/${janisId}/mentoring$`));
    await expect(youth.getByRole("heading", { level: 1 })).toHaveText(M.titleOwn);
    await expect(mentorSection(youth, true).getByText(LAURA, { exact: true })).toBeVisible();
    await expect(mentorSection(youth, true)).toContainText(meetingText);
    const seen = entryWith(logSection(youth), contactNote);
    await expect(seen).toContainText(lvDate(today));
    await expect(seen).toContainText(M.channels.in_person);
    await expect(seen).toContainText(M.log.made);
    await expect(seen).toContainText(`${M.log.topics}: ${LV.domains.housing.name}, ${LV.domains.education.name}`);
    await expect(seen).toContainText(`${M.log.nextMeeting}: ${meetingText}`);
    await expect(seen).toContainText(LAURA);
    await expectNoHorizontalScroll(youth, "Jānis's mentoring page");

    const withPeteris = entryWith(earlierSection(youth), handoverFromPeteris);
    await expect(withPeteris.getByRole("heading", { level: 3 })).toHaveText(PETERIS);
    await expect(withPeteris).toContainText(M.earlier.noYouthNote);
    await withPeteris.getByLabel(M.youthNote.label, { exact: true }).fill(youthNote);
    await withPeteris.getByRole("button", { name: M.youthNote.save, exact: true }).tap();
    await expect(youth).toHaveURL(/#earlier$/);
    // Shown as the young person's words (and kept in the "change" field, ready to edit).
    await expect(withPeteris.locator(".quote").getByText(youthNote, { exact: true })).toBeVisible();
    await expect(withPeteris.getByLabel(M.youthNote.label, { exact: true })).toHaveValue(youthNote);
    await expect(withPeteris).not.toContainText(M.earlier.noYouthNote);
    await expect(withPeteris.getByText(M.youthNote.edit, { exact: true })).toBeVisible();
    await expectNoHorizontalScroll(youth, "Jānis's mentoring page after writing");
    await janisPhone.close();

    // 4. The specialist closes Laura's mentorship and links Pēteris again: a new mentorship.
    await page.reload();
    await expect(entryWith(logSection(page), contactNote)).toBeVisible();
    await expect(entryWith(earlierSection(page), handoverFromPeteris)).toContainText(youthNote);
    await closeMentorship(page, "other", handoverFromLaura);
    await linkMentor(page, PETERIS);
    await expect(mentorSection(page)).toContainText(M.noContactYet);

    // 5. Pēteris reads both handover notes, and Jānis's words; Laura's contact is not his to read.
    const laptop = await newDevice(browser, browserProblems);
    const mentorAgain = await laptop.newPage();
    await signIn(mentorAgain, peteris);
    await mentorAgain.goto(`/plan/${janisId}/mentoring`);
    const earlier = earlierSection(mentorAgain);
    await expect(entryWith(earlier, handoverFromLaura).getByRole("heading", { level: 3 })).toHaveText(LAURA);
    await expect(entryWith(earlier, handoverFromPeteris).getByRole("heading", { level: 3 })).toHaveText(PETERIS);
    await expect(entryWith(earlier, handoverFromPeteris)).toContainText(youthNote);
    await expect(mentorSection(mentorAgain).getByText(PETERIS, { exact: true })).toBeVisible();
    await expect(mentorSection(mentorAgain).getByRole("link", { name: M.log.add, exact: true })).toBeVisible();
    await expect(logSection(mentorAgain)).not.toContainText(contactNote);
    await laptop.close();
  });
});
