/**
 * A page kept by the data it was rendered from (app/utils/kept-page.server.ts, decision 043):
 * the key is the address and every loader's data without the one-time form tokens; the kept HTML has a
 * hole for each token and every view fills in its own.
 */
import type { StaticHandlerContext } from "@remix-run/router";
import { afterEach, describe, expect, it } from "vitest";
import { forgetKeptPages, keepPage, KEPT_PAGE_CHARS, keptPageOf, pageOf, withKeptPage } from "~/utils/kept-page.server";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { KEPT_PAGE_MARK, KeptPageMark } from "~/utils/kept-page";
import { FORM_TOKEN_SHAPE, isFormToken, newFormToken } from "~/utils/http.server";

afterEach(forgetKeptPages);

function context(loaderData: Record<string, unknown>, options: { path?: string; search?: string; actionData?: unknown; errors?: unknown } = {}) {
  return {
    location: { pathname: options.path ?? "/plan/p1/housing", search: options.search ?? "", hash: "", state: null, key: "default" },
    loaderData,
    actionData: options.actionData ?? null,
    errors: options.errors ?? null,
  } as unknown as StaticHandlerContext;
}

const NONCE = "nonce-abc123";
const HEAD = `<!DOCTYPE html><html><head><script nonce="${NONCE}">x</script></head>`;
const SCRIPTS = `<script nonce="${NONCE}">window.__remixContext = {}</script></body></html>`;
/** A rendered document whose body before the scripts is `body`. */
const page = (body: string) => `${HEAD}<body>${body}${SCRIPTS}`;
/** The body before the scripts of a page whose <main> holds `main`. */
const bodyWith = (main: string) => `<header>Jānis</header><main id="main" class="main" tabindex="-1">${main}</main>`;

/** Renders a view the first time: nothing kept yet, so the "render" is a page with `main`, which is then kept. */
function firstView(data: Record<string, unknown>, main: string, options?: Parameters<typeof context>[1]) {
  const kept = keptPageOf(context(data, options), 200);
  expect(kept?.html).toBeNull();
  keepPage(kept!, page(bodyWith(main)), NONCE);
  return kept!;
}
/** What a later view gets kept, or null. */
const keptHtml = (data: Record<string, unknown>, options?: Parameters<typeof context>[1]) => keptPageOf(context(data, options), 200)?.html ?? null;

describe("form tokens", () => {
  it("are signed by this process: text shaped like one is not one", () => {
    const token = newFormToken();
    expect(token).toMatch(/^ft_[A-Za-z0-9_-]{24}$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{8,64}$/); // what the forms accept (app/domain/plan-forms.ts)
    expect(isFormToken(token)).toBe(true);
    expect(newFormToken()).not.toBe(token);
    expect(isFormToken(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBe(false);
    expect(isFormToken("ft_aaaaaaaaaaaaaaaaaaaaaaaa")).toBe(false);
    expect(`draft_${"x".repeat(24)}`.match(FORM_TOKEN_SHAPE)).toEqual([`ft_${"x".repeat(24)}`]);
  });
});

describe("pageOf and withKeptPage", () => {
  it("take what <body> holds before the scripts, and put it back where the mark is", () => {
    const body = bodyWith("<h1>Mājoklis</h1><p>a &lt;/main> b</p>");
    expect(pageOf(page(body))).toBe(body);
    expect(pageOf("<html><body><p>no main</p></body></html>")).toBeNull();
    const marked = `${HEAD}${KEPT_PAGE_MARK}${SCRIPTS}`;
    expect(withKeptPage(marked, body)).toBe(page(body));
    expect(withKeptPage(page(body), body)).toBeNull();
  });
  it("find the mark as React writes it", () => {
    expect(renderToString(createElement("body", null, createElement(KeptPageMark)))).toBe(`${KEPT_PAGE_MARK}</body>`);
  });
});

describe("keptPageOf and keepPage", () => {
  const data = { root: { user: { displayName: "Jānis" }, locale: "lv" }, "routes/plan.$youngPersonId.$domain": { goals: [{ title: "Īre" }] } };

  it("give the same data at the same address its content again, and nothing to anything else", () => {
    firstView(data, "<h1>Mājoklis</h1>");
    expect(keptHtml(data)).toBe(bodyWith("<h1>Mājoklis</h1>"));
    // Another viewer, another revision, another day: other data.
    expect(keptHtml({ ...data, root: { user: { displayName: "Pēteris" }, locale: "lv" } })).toBeNull();
    expect(keptHtml({ ...data, "routes/plan.$youngPersonId.$domain": { goals: [{ title: "Īre!" }] } })).toBeNull();
    // Another address (another page of goals) or language.
    expect(keptHtml(data, { search: "?page=2" })).toBeNull();
    expect(keptHtml(data, { path: "/plan/p2/housing" })).toBeNull();
    expect(keptHtml({ ...data, root: { ...data.root, locale: "ru" } })).toBeNull();
  });

  it("never keep a page answering an action, an error or another status", () => {
    expect(keptPageOf(context(data, { actionData: { "routes/x": { errors: {} } } }), 200)).toBeNull();
    expect(keptPageOf(context(data, { errors: { "routes/x": new Error("x") } }), 500)).toBeNull();
    expect(keptPageOf(context(data), 404)).toBeNull();
  });

  it("leave a hole for each form token, which every view fills with its own", () => {
    const first = [newFormToken(), newFormToken()];
    const withTokens = (tokens: string[]) => ({ ...data, a: { formToken: tokens[0] }, b: { quickLog: { token: tokens[1] } } });
    firstView(withTokens(first), `<input value="${first[0]}"><input value="${first[1]}-young1"><input value="${first[0]}">`);
    const second = [newFormToken(), newFormToken()];
    const kept = keptPageOf(context(withTokens(second)), 200);
    expect(kept?.tokens).toEqual(second);
    expect(kept?.html).toBe(bodyWith(`<input value="${second[0]}"><input value="${second[1]}-young1"><input value="${second[0]}">`));
  });

  it("treat text that only looks like a token as data", () => {
    const lookalike = `draft_${"x".repeat(24)}`;
    firstView({ ...data, a: { title: lookalike } }, `<h1>${lookalike}</h1>`);
    expect(keptHtml({ ...data, a: { title: `draft_${"y".repeat(24)}` } })).toBeNull();
    expect(keptHtml({ ...data, a: { title: lookalike } })).toBe(bodyWith(`<h1>${lookalike}</h1>`));
  });

  it("do not keep content holding the request's nonce or a NUL character", () => {
    firstView(data, `<script nonce="${NONCE}"></script>`);
    expect(keptHtml(data)).toBeNull();
    firstView({ ...data, x: 1 }, "<p>a\u0000b</p>");
    expect(keptHtml({ ...data, x: 1 })).toBeNull();
  });

  it("hold at most KEPT_PAGE_CHARS, forgetting the least recently used first", () => {
    const size = Math.floor(KEPT_PAGE_CHARS / 10) - bodyWith("<p></p>").length - 2;
    for (let i = 0; i < 12; i++) firstView({ ...data, i }, `<p>${String(i).padStart(size, "x")}</p>`);
    const keptNow = Array.from({ length: 12 }, (_, i) => keptHtml({ ...data, i }) !== null);
    // The two oldest went; the other ten (each a tenth of the bound, less a little) stay.
    expect(keptNow).toEqual([false, false, ...Array.from({ length: 10 }, () => true)]);
    // Content larger than a tenth of the bound is not kept at all.
    firstView({ ...data, big: true }, "x".repeat(Math.floor(KEPT_PAGE_CHARS / 10) + 1));
    expect(keptHtml({ ...data, big: true })).toBeNull();
  });
});
