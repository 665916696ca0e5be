/**
 * Shared pieces of the end-to-end tests: the demo accounts and what each should see, logging in
 * through the real form, axe, and checks that a page is not an error page.
 *
 * Every test runs under a guard (the `test` exported here) that fails it when the browser reports a
 * Content-Security-Policy violation or an uncaught script error.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Response } from "@playwright/test";
import Database from "better-sqlite3";
import { fileURLToPath } from "node:url";
import { E2E_BASE_URL } from "./env";

export { E2E_BASE_URL };
/** The server's database (tests/e2e/start-server.mjs recreates it for every run). */
export const E2E_DATABASE = fileURLToPath(new URL("../.tmp/e2e.sqlite", import.meta.url));

export const DEMO_PASSWORD = "tilts-demo-parole";
export const DEMO_ORGANISATION = "SOS Bērnu ciemati — demonstrācija";
export const LOCALES = ["lv", "en", "ru"] as const;
export type Locale = (typeof LOCALES)[number];

/** The words of the login page and the header, per language (app/locales/<lng>/common.json). */
export const UI = {
  lv: {
    loginHeading: "Ieiet Tiltā",
    email: "E-pasts",
    password: "Parole",
    submit: "Ieiet",
    logout: "Iziet",
    account: "Mans konts",
    invalid: "E-pasts vai parole nav pareiza. Lūdzu, mēģini vēlreiz.",
    required: "Lūdzu, aizpildi šo lauku.",
    emailTooLong: "E-pasta adrese var būt ne garāka par 254 rakstzīmēm.",
    sessionEnded: "Kādu laiku nekas nenotika, tāpēc Tilts tevi izrakstīja. Lūdzu, ieej vēlreiz.",
    loggedOut: "Tu izgāji no Tilta. Uz tikšanos!",
  },
  en: {
    loginHeading: "Log in to Tilts",
    email: "E-mail",
    password: "Password",
    submit: "Log in",
    logout: "Log out",
    account: "My account",
    invalid: "The e-mail or password is not right. Please try again.",
    required: "Please fill this in.",
    emailTooLong: "An e-mail address can be at most 254 characters long.",
    sessionEnded: "Nothing happened for a while, so Tilts logged you out. Please log in again.",
    loggedOut: "You have logged out.",
  },
  ru: {
    loginHeading: "Вход в Tilts",
    email: "Электронная почта",
    password: "Пароль",
    submit: "Войти",
    logout: "Выйти",
    account: "Мой аккаунт",
    invalid: "Неверная электронная почта или пароль. Пожалуйста, попробуйте ещё раз.",
    required: "Пожалуйста, заполните это поле.",
    emailTooLong: "Адрес электронной почты может быть не длиннее 254 символов.",
    sessionEnded: "Какое-то время ничего не происходило, поэтому Tilts завершил сеанс. Пожалуйста, войдите снова.",
    loggedOut: "Вы вышли из системы.",
  },
} as const satisfies Record<Locale, Record<string, string>>;

export const LANGUAGE_LINK: Record<Locale, string> = { lv: "Latviešu", en: "English", ru: "Русский" };

const ANNA = "Anna Kalniņa";
const JANIS = "Jānis Ozols";
const MARTA = "Marta Liepa";
const PETERIS = "Pēteris Bērziņš";
const ILZE = "Ilze Krūmiņa";

export interface DemoAccount {
  email: string;
  role: "youth" | "mentor" | "specialist" | "carer" | "lead" | "admin";
  name: string;
  /** The home page's main heading. */
  heading: Record<Locale, string>;
  /** Further words the home page shows in each language (phase names, section headings, counts). */
  texts: Record<Locale, string[]>;
  /** People the home page names. */
  sees: string[];
  /** People this account must not see on its home page. */
  doesNotSee: string[];
}

const YOUTH_HEADING = { lv: "Mans plāns", en: "My plan", ru: "Мой план" };

export const ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "youth.preparation@demo.test",
    role: "youth",
    name: ANNA,
    heading: YOUTH_HEADING,
    texts: {
      lv: ["Sagatavošanās", "Mentora vēl nav.", "Tavs nākamais solis", "Atvērt manu plānu"],
      en: ["Preparation", "No mentor yet.", "Your next step", "Open my plan"],
      ru: ["Подготовка", "Наставника пока нет.", "Ваш следующий шаг"],
    },
    sees: [ILZE],
    doesNotSee: [PETERIS, JANIS, MARTA],
  },
  {
    email: "youth.transition@demo.test",
    role: "youth",
    name: JANIS,
    heading: YOUTH_HEADING,
    texts: {
      lv: ["Pāreja", "Tavs mentors", "Aprūpe beidzas pēc"],
      en: ["Transition", "Your mentor", "Care ends in"],
      ru: ["Переход", "Ваш наставник"],
    },
    sees: [PETERIS, ILZE],
    doesNotSee: [ANNA, MARTA],
  },
  {
    email: "youth.aftercare@demo.test",
    role: "youth",
    name: MARTA,
    heading: YOUTH_HEADING,
    texts: {
      lv: ["Pēcaprūpe", "Aprūpe beidzās pirms", "aprūpe beidzās"],
      en: ["Aftercare", "Care ended", "ago"],
      ru: ["Поддержка после опеки"],
    },
    sees: [PETERIS, ILZE],
    doesNotSee: [ANNA, JANIS],
  },
  {
    email: "mentor@demo.test",
    role: "mentor",
    name: PETERIS,
    heading: { lv: "Mani mentorējamie", en: "My mentees", ru: "Мои подопечные" },
    texts: { lv: ["Pāreja", "Pēcaprūpe"], en: ["Transition", "Aftercare"], ru: ["Переход", "Поддержка после опеки"] },
    sees: [JANIS, MARTA],
    doesNotSee: [ANNA],
  },
  {
    email: "specialist@demo.test",
    role: "specialist",
    name: ILZE,
    heading: { lv: "Mani jaunieši", en: "My caseload", ru: "Мои подопечные" },
    texts: {
      lv: ["6 jaunieši", "Valmieras novads", "Bauskas novads"],
      en: ["6 young people", "Municipality"],
      ru: ["6 человек"],
    },
    sees: [ANNA, JANIS, MARTA, PETERIS],
    doesNotSee: [],
  },
  {
    email: "carer@demo.test",
    role: "carer",
    name: "Inese Ozola",
    heading: { lv: "Jaunieši, par kuriem rūpējos", en: "Young people I care for", ru: "Молодые люди, о которых я забочусь" },
    texts: { lv: ["Pāreja"], en: ["Transition"], ru: ["Переход"] },
    sees: [JANIS],
    doesNotSee: [ANNA, MARTA],
  },
  {
    email: "lead@demo.test",
    role: "lead",
    name: "Dace Vītola",
    heading: { lv: DEMO_ORGANISATION, en: DEMO_ORGANISATION, ru: DEMO_ORGANISATION },
    texts: {
      lv: ["Jaunieši pa posmiem", "Visi jaunieši", "Sagatavošanās"],
      en: ["Young people by phase", "All young people", "Preparation"],
      ru: ["Молодые люди по этапам", "Все молодые люди"],
    },
    sees: [ANNA, JANIS, MARTA],
    doesNotSee: [],
  },
  {
    email: "admin@demo.test",
    role: "admin",
    name: "Andris Zariņš",
    heading: { lv: DEMO_ORGANISATION, en: DEMO_ORGANISATION, ru: DEMO_ORGANISATION },
    texts: {
      lv: ["Konti (9)", "Jauniešu plāni administratoriem nav redzami.", "Administrators"],
      en: ["Accounts (9)", "Young people's plans are not shown to administrators.", "Administrator"],
      ru: ["Учётные записи (9)"],
    },
    sees: [],
    doesNotSee: [],
  },
];

export function account(email: string): DemoAccount {
  const found = ACCOUNTS.find((a) => a.email === email);
  if (!found) throw new Error(`No demo account ${email}`);
  return found;
}

/** Fills the login form of the current page (in the given language) and submits it. */
export async function submitLogin(page: Page, email: string, password: string, lng: Locale = "lv"): Promise<void> {
  const form = page.locator("form#login");
  await form.getByLabel(UI[lng].email, { exact: true }).fill(email);
  await form.getByLabel(UI[lng].password, { exact: true }).fill(password);
  await form.getByRole("button", { name: UI[lng].submit, exact: true }).click();
}

/**
 * Logs in through the real login form. The page is opened with ?lng= first, so the language is known
 * whatever an earlier test left in the account's profile (the login page's language becomes the profile's).
 */
export async function logIn(page: Page, who: DemoAccount, lng: Locale = "lv"): Promise<void> {
  await page.goto(`/login?lng=${lng}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(UI[lng].loginHeading);
  await submitLogin(page, who.email, DEMO_PASSWORD, lng);
  await expectHome(page, who, lng);
}

/** The account's home page in the given language: heading, greeting and the role's content. */
export async function expectHome(page: Page, who: DemoAccount, lng: Locale): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.locator("html")).toHaveAttribute("lang", lng);
  const main = page.locator("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText(who.heading[lng]);
  await expect(main.locator(".greeting")).toContainText(who.name);
  for (const text of who.texts[lng]) await expect(main, `"${text}" on ${who.email}'s home`).toContainText(text);
  for (const name of who.sees) await expect(main, `${who.email} sees ${name}`).toContainText(name);
  for (const name of who.doesNotSee) await expect(main, `${who.email} does not see ${name}`).not.toContainText(name);
  await expect(page.getByRole("button", { name: UI[lng].logout, exact: true })).toBeVisible();
}

export async function logOut(page: Page, lng: Locale = "lv"): Promise<void> {
  await page.getByRole("button", { name: UI[lng].logout, exact: true }).click();
  await expect(page).toHaveURL(/\/login\?loggedOut=1$/);
  await expect(page.getByRole("status")).toHaveText(UI[lng].loggedOut);
}

/** No WCAG 2.2 A/AA violations that axe can find; the failure message lists rule, impact and elements. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // axe walks the whole DOM in the page: seconds on a loaded 2-core machine. Each check adds its own
  // 30 s to the test's time, so a test with two checks does not time out under load.
  base.info().setTimeout(base.info().timeout + 30_000);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const violations = results.violations.map((v) => `${v.id} (${v.impact ?? "?"}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(violations, `axe violations on ${where}`).toEqual([]);
}

/** The page does not scroll sideways (a 360 px phone must not need to). */
export async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const size = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(size.scrollWidth, `${where}: scrollWidth ${size.scrollWidth} > clientWidth ${size.clientWidth}`).toBeLessThanOrEqual(size.clientWidth);
}

const STACK_TRACE = /\n\s+at \S|node_modules|\.(?:ts|js|mjs|tsx):\d+:\d+|\b(?:Type|Reference|Syntax|Range)Error\b|Error: /;

/** The answer is not a server error, and the page shows no stack trace or internal error text. */
export async function expectNoServerError(page: Page, response: Response | null, where: string): Promise<void> {
  expect(response, `${where}: no response`).not.toBeNull();
  expect(response!.status(), `${where}: status`).toBeLessThan(500);
  const text = await page.locator("body").innerText();
  expect(text, `${where}: page text`).not.toMatch(STACK_TRACE);
}

/** A body of a raw response (e.g. from `request.post`) that leaks no stack trace. */
export function expectNoStackTrace(body: string, where: string): void {
  expect(body, `${where}: body`).not.toMatch(STACK_TRACE);
}

/** Moves a session's clock back, as if the user had been away (idle) and logged in that long ago. */
export function ageSession(sessionId: string, byMs: number): void {
  const db = new Database(E2E_DATABASE);
  try {
    db.pragma("busy_timeout = 5000");
    const result = db.prepare("UPDATE sessions SET created_at = created_at - ?, last_seen_at = last_seen_at - ? WHERE id = ?").run(byMs, byMs, sessionId);
    expect(result.changes, "the session to age exists").toBe(1);
  } finally {
    db.close();
  }
}

export async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === "tilts_session");
  expect(cookie, "a tilts_session cookie").toBeTruthy();
  return cookie!.value;
}

/** Records CSP violations and uncaught script errors of every page of a context. */
export function watchBrowserProblems(context: BrowserContext, problems: string[]): void {
  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) {
        problems.push(`CSP: ${message.text()} (${page.url()})`);
      }
    });
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message} (${page.url()})`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
}

/** A further browser context (another device) whose browser problems also fail the test. */
export async function newDevice(browser: Browser, problems: string[], options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, locale: "lv-LV", timezoneId: "Europe/Riga", ...options });
  watchBrowserProblems(context, problems);
  return context;
}

export const test = base.extend<{ browserProblems: string[] }>({
  browserProblems: [
    async ({ context }, use) => {
      const problems: string[] = [];
      watchBrowserProblems(context, problems);
      await use(problems);
      expect(problems, "CSP violations or uncaught errors in the browser").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
