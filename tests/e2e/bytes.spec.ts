/**
 * What the server sends, byte for byte (docs/decisions/009-fast-pages.md): the document is rendered to
 * one string, so Latvian and Russian pages are clean UTF-8 — React 18's stream used to pad a chunk with
 * NUL bytes when a multi-byte character met its 2,048-byte boundary — compressed once, with no
 * translations inlined: they come as hashed catalogue files, cacheable for a year.
 */
import { account, expect, test } from "./helpers";
import { signIn } from "./sessions";

const janis = account("youth.transition@demo.test");
const mentor = account("mentor@demo.test");

test("long Latvian and Russian pages are valid UTF-8 without NUL bytes, gzip-compressed, with their translations as hashed files", async ({ page }) => {
  await signIn(page, janis, "lv");
  const planPath = /^\/plan\/[0-9a-f-]+/.exec((await page.locator('main a[href^="/plan/"]').first().getAttribute("href")) ?? "")?.[0];
  expect(planPath).toBeTruthy();
  const paths = ["/", planPath!, `${planPath}/housing`, `${planPath}/mentoring`, `${planPath}/skills`, `${planPath}/history`, "/notifications", "/calendar"];
  let longPages = 0;
  try {
    for (const lng of ["lv", "ru"] as const) {
      for (const path of paths) {
        const response = await page.request.get(`${path}${path.includes("?") ? "&" : "?"}lng=${lng}`, { headers: { "Accept-Encoding": "gzip" } });
        expect(response.status(), path).toBe(200);
        expect(response.headers()["content-encoding"], path).toBe("gzip");
        const bytes = await response.body();
        if (bytes.length > 4 * 2048) longPages++;
        expect(bytes.includes(0), `${lng} ${path} has a NUL byte`).toBe(false);
        const html = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        expect(html.startsWith("<!DOCTYPE html>"), path).toBe(true);
        expect(html).toContain(`<html lang="${lng}"`);
        // No catalogue in the page: the strings come as files named by their content.
        const manifest = JSON.parse(/<script id="tilts-i18n"[^>]*>([^<]+)<\/script>/.exec(html)![1]!) as { files: Record<string, string>; all: string };
        expect(Object.keys(manifest.files)).toContain("root");
        for (const url of [...Object.values(manifest.files), manifest.all]) expect(url).toMatch(new RegExp(`^/i18n/${lng}/[A-Za-z.]+\\.[0-9a-f]{12}\\.json$`));
      }
    }
  } finally {
    await page.goto("/?lng=lv");
  }
  expect(longPages).toBeGreaterThan(8);
});

test("a catalogue file is public, immutable and the strings of its part; an unknown one is a 404", async ({ page }) => {
  await signIn(page, mentor, "ru");
  try {
    const html = await (await page.request.get("/")).text();
    const manifest = JSON.parse(/<script id="tilts-i18n"[^>]*>([^<]+)<\/script>/.exec(html)![1]!) as { files: Record<string, string> };
    const response = await page.request.get(manifest.files.mentoring!);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const strings = (await response.json()) as { mentoring: Record<string, unknown> };
    expect(Object.keys(strings)).toEqual(["mentoring"]);
    expect(JSON.stringify(strings)).toContain("Наставник");
    expect((await page.request.get("/i18n/ru/nothing.000000000000.json")).status()).toBe(404);
    expect((await page.request.get("/i18n/xx/root.000000000000.json")).status()).toBe(404);
  } finally {
    await page.goto("/?lng=lv");
  }
});
