/** The language switcher: texts and <html lang> follow it, the cookie remembers it, the profile keeps it. */
import { DEMO_PASSWORD, LANGUAGE_LINK, UI, account, expect, expectHome, logIn, newDevice, submitLogin, test } from "./helpers";

const janis = account("youth.transition@demo.test");

test("Latvian is the default language of the login page", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "lv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(UI.lv.loginHeading);
  await expect(page.getByLabel(UI.lv.email, { exact: true })).toBeVisible();
  await expect(page.getByLabel(UI.lv.password, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: LANGUAGE_LINK.lv })).toHaveAttribute("aria-current", "true");
});

test("clicking English switches the login page and the choice is remembered without ?lng", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: LANGUAGE_LINK.en }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(UI.en.loginHeading);
  await expect(page.getByLabel(UI.en.email, { exact: true })).toBeVisible();
  await expect(page.getByLabel(UI.en.password, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: UI.en.submit, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: LANGUAGE_LINK.en })).toHaveAttribute("aria-current", "true");

  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(UI.en.loginHeading);

  await page.getByRole("button", { name: LANGUAGE_LINK.ru }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByLabel(UI.ru.email, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: UI.ru.submit, exact: true })).toBeVisible();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(UI.ru.loginHeading);
});

test("the language chosen before login becomes the profile's, on the next device too", async ({ page, browser, browserProblems }) => {
  // This device: choose English on the login page, then log in.
  await page.goto("/login");
  await page.getByRole("button", { name: LANGUAGE_LINK.en }).click();
  await submitLogin(page, janis.email, DEMO_PASSWORD, "en");
  await expectHome(page, janis, "en");

  // Another device, no cookies: the login page is Latvian, but after login the profile says English.
  const phone = await newDevice(browser, browserProblems);
  try {
    const other = await phone.newPage();
    await other.goto("/login");
    await expect(other.locator("html")).toHaveAttribute("lang", "lv");
    await submitLogin(other, janis.email, DEMO_PASSWORD, "lv");
    await expectHome(other, janis, "en");

    // Switching language from the header while logged in updates the profile as well.
    await other.getByRole("button", { name: LANGUAGE_LINK.ru }).click();
    await expectHome(other, janis, "ru");
    await other.goto("/");
    await expectHome(other, janis, "ru");
  } finally {
    await phone.close();
  }

  const third = await newDevice(browser, browserProblems);
  try {
    const other = await third.newPage();
    await other.goto("/login");
    await submitLogin(other, janis.email, DEMO_PASSWORD, "lv");
    await expectHome(other, janis, "ru");
  } finally {
    await third.close();
  }

  // Back to Latvian (the first device is still logged in), for whoever logs in next.
  await page.goto("/?lng=lv");
  await expectHome(page, janis, "lv");
});

test("a logged-in page keeps ?lng working and the header follows the language", async ({ page }) => {
  await logIn(page, janis, "lv");
  await page.getByRole("link", { name: UI.lv.account }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("button", { name: LANGUAGE_LINK.en }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My account");
  await expect(page.getByRole("button", { name: UI.en.logout, exact: true })).toBeVisible();
  await page.goto("/?lng=lv");
  await expectHome(page, janis, "lv");
});
