/**
 * Each role's home is its own chunk (decision 030): the browser fetches only its own role's code, the
 * home hydrates once it has arrived (the server's HTML stays until then), and a client-side link back to
 * `/` loads the code with the data (the route's clientLoader) without reloading the document.
 */
import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectHome, logIn, test } from "./helpers";

const ROLES = ["youth", "mentor", "specialist", "carer", "lead", "admin"] as const;

/** React has hydrated the element (it carries React's fiber), so its links and forms are React's. */
async function hydrated(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => {
    const element = document.querySelector(s);
    return element !== null && Object.keys(element).some((k) => k.startsWith("__reactFiber"));
  }, selector);
}

for (const role of ROLES) {
  test(`${role}: the home loads its own role's code only, hydrates, and comes back through a client-side link`, async ({ page }) => {
    const who = ACCOUNTS.find((a) => a.role === role)!;
    const chunks: string[] = [];
    page.on("request", (request) => {
      const match = /\/build\/_shared\/(youth|mentor|specialist|carer|lead|admin)-[A-Z0-9]+\.js$/.exec(new URL(request.url()).pathname);
      if (match) chunks.push(match[1]!);
    });
    // In Latvian, the profile language the other tests expect (logging in sets it).
    await logIn(page, who, "lv");
    await expect.poll(() => hydrated(page, "main h1"), { timeout: 20_000 }).toBe(true);
    expect([...new Set(chunks)]).toEqual([role]);

    // Another page as a document, then the header's "Home" link once React handles it.
    await page.goto("/account");
    const home = page.getByRole("navigation", { name: "Galvenā izvēlne" }).getByRole("link", { name: "Sākums", exact: true });
    await expect.poll(() => hydrated(page, 'nav a[href="/"]'), { timeout: 20_000 }).toBe(true);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await home.click();
    await expectHome(page, who, "lv");
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), "the same document (no reload)").toBe(true);
    await expect.poll(() => hydrated(page, "main h1")).toBe(true);
  });
}
