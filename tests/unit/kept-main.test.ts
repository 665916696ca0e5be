/**
 * A page's content kept by the data it was rendered from (app/utils/kept-main.server.ts, decision 043):
 * the key is the address and every loader's data without the one-time form tokens; the kept HTML has a
 * hole for each token and every view fills in its own.
 */
import type { StaticHandlerContext } from "@remix-run/router";
import { afterEach, describe, expect, it } from "vitest";
import { forgetKeptMain, keepMain, KEPT_MAIN_CHARS, keptMainOf, mainOf } from "~/utils/kept-main.server";
import { FORM_TOKEN_SHAPE, isFormToken, newFormToken } from "~/utils/http.server";

afterEach(forgetKeptMain);

function context(loaderData: Record<string, unknown>, options: { path?: string; search?: string; actionData?: unknown; errors?: unknown } = {}) {
  return {
    location: { pathname: options.path ?? "/plan/p1/housing", search: options.search ?? "", hash: "", state: null, key: "default" },
    loaderData,
    actionData: options.actionData ?? null,
    errors: options.errors ?? null,
  } as unknown as StaticHandlerContext;
}

const NONCE = "nonce-abc123";
const page = (main: string) =>
  `<!DOCTYPE html><html><head><script nonce="${NONCE}">x</script></head><body><header>Jānis</header><main id="main" class="main" tabindex="-1">${main}</main><script nonce="${NONCE}">window.__remixContext = {}</script></body></html>`;

/** Renders a view the first time: nothing kept yet, so the "render" is `main`, which is then kept. */
function firstView(data: Record<string, unknown>, main: string, options?: Parameters<typeof context>[1]) {
  const kept = keptMainOf(context(data, options), 200);
  expect(kept?.html).toBeNull();
  keepMain(kept!, page(main), NONCE);
  return kept!;
}

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

describe("mainOf", () => {
  it("is what the document's <main> holds", () => {
    expect(mainOf(page("<h1>Mājoklis</h1><p>a &lt;/main> b</p>"))).toBe("<h1>Mājoklis</h1><p>a &lt;/main> b</p>");
    expect(mainOf("<html><body><p>no main</p></body></html>")).toBeNull();
  });
});

describe("keptMainOf and keepMain", () => {
  const data = { root: { user: { displayName: "Jānis" }, locale: "lv" }, "routes/plan.$youngPersonId.$domain": { goals: [{ title: "Īre" }] } };

  it("give the same data at the same address its content again, and nothing to anything else", () => {
    firstView(data, "<h1>Mājoklis</h1>");
    expect(keptMainOf(context(data), 200)?.html).toBe("<h1>Mājoklis</h1>");
    // Another viewer, another revision, another day: other data.
    expect(keptMainOf(context({ ...data, root: { user: { displayName: "Pēteris" }, locale: "lv" } }), 200)?.html).toBeNull();
    expect(keptMainOf(context({ ...data, "routes/plan.$youngPersonId.$domain": { goals: [{ title: "Īre!" }] } }), 200)?.html).toBeNull();
    // Another address (another page of goals) or language.
    expect(keptMainOf(context(data, { search: "?page=2" }), 200)?.html).toBeNull();
    expect(keptMainOf(context(data, { path: "/plan/p2/housing" }), 200)?.html).toBeNull();
    expect(keptMainOf(context({ ...data, root: { ...data.root, locale: "ru" } }), 200)?.html).toBeNull();
  });

  it("never keep a page answering an action, an error or another status", () => {
    expect(keptMainOf(context(data, { actionData: { "routes/x": { errors: {} } } }), 200)).toBeNull();
    expect(keptMainOf(context(data, { errors: { "routes/x": new Error("x") } }), 500)).toBeNull();
    expect(keptMainOf(context(data), 404)).toBeNull();
  });

  it("leave a hole for each form token, which every view fills with its own", () => {
    const first = [newFormToken(), newFormToken()];
    const withTokens = (tokens: string[]) => ({ ...data, a: { formToken: tokens[0] }, b: { quickLog: { token: tokens[1] } } });
    firstView(withTokens(first), `<input value="${first[0]}"><input value="${first[1]}-young1"><input value="${first[0]}">`);
    const second = [newFormToken(), newFormToken()];
    const kept = keptMainOf(context(withTokens(second)), 200);
    expect(kept?.tokens).toEqual(second);
    expect(kept?.html).toBe(`<input value="${second[0]}"><input value="${second[1]}-young1"><input value="${second[0]}">`);
  });

  it("treat text that only looks like a token as data", () => {
    const lookalike = `draft_${"x".repeat(24)}`;
    firstView({ ...data, a: { title: lookalike } }, `<h1>${lookalike}</h1>`);
    expect(keptMainOf(context({ ...data, a: { title: `draft_${"y".repeat(24)}` } }), 200)?.html).toBeNull();
    expect(keptMainOf(context({ ...data, a: { title: lookalike } }), 200)?.html).toBe(`<h1>${lookalike}</h1>`);
  });

  it("do not keep content holding the request's nonce or a NUL character", () => {
    firstView(data, `<script nonce="${NONCE}"></script>`);
    expect(keptMainOf(context(data), 200)?.html).toBeNull();
    firstView({ ...data, x: 1 }, "<p>a\u0000b</p>");
    expect(keptMainOf(context({ ...data, x: 1 }), 200)?.html).toBeNull();
  });

  it("hold at most KEPT_MAIN_CHARS, forgetting the least recently used first", () => {
    const size = Math.floor(KEPT_MAIN_CHARS / 10) - 10;
    for (let i = 0; i < 12; i++) firstView({ ...data, i }, `<p>${String(i).padStart(size, "x")}</p>`);
    const keptNow = Array.from({ length: 12 }, (_, i) => keptMainOf(context({ ...data, i }), 200)?.html !== null);
    // The two oldest went; the other ten (each a tenth of the bound, less a little) stay.
    expect(keptNow).toEqual([false, false, ...Array.from({ length: 10 }, () => true)]);
    // Content larger than a tenth of the bound is not kept at all.
    firstView({ ...data, big: true }, "x".repeat(Math.floor(KEPT_MAIN_CHARS / 10) + 1));
    expect(keptMainOf(context({ ...data, big: true }), 200)?.html).toBeNull();
  });
});
