/**
 * A page kept by the data it was rendered from (docs/decisions/043-page-kept-by-its-data.md).
 *
 * Everything the root renders in <body> before the scripts — the skip link, the header, the offline
 * note and <main> — is rendered from the request's address and the data of the route loaders (the
 * root's included: who is signed in, the language, the badge, the "Saved" message); no component
 * there reads the clock, the nonce, a cookie or anything else of the request. So that HTML is kept
 * under a hash of the address and every loader's data, and the next document request with the same
 * address and the same data — the same person, the same plan, the same revision, the same day — gets
 * the kept HTML instead of rendering the page again (only <head> and the scripts are rendered). Nothing
 * is ever stale: a changed plan, another viewer or a new day is other data, so another key.
 *
 * Rules:
 *  - never kept: a page answering an action (it shows what was typed), an error, a status other than 200;
 *  - one-time form tokens (`newFormToken`, `ft_…`, signed by this process) differ on every view: the
 *    key leaves them out, the kept HTML has a hole for each, and each view fills in its own (the same
 *    ones its data carries); text that only looks like a token is data like any other;
 *  - HTML holding the request's CSP nonce, or a NUL character (the holes' delimiter), is not kept;
 *  - the values are per process and bounded (KEPT_PAGE_CHARS, least recently used go first).
 */
import { createHash } from "node:crypto";
import type { StaticHandlerContext } from "@remix-run/router";
import { FORM_TOKEN_SHAPE, isFormToken } from "./http.server";
import { KEPT_PAGE_MARK } from "./kept-page";

/** How much kept HTML one process holds, in characters (about 2–3 MB of memory per million). */
export const KEPT_PAGE_CHARS = 3_000_000;

/** TILTS_KEPT_PAGE=0 renders every page (to measure what keeping saves: tests/bench/page-renders.ts). */
const enabled = process.env.TILTS_KEPT_PAGE !== "0";
const entries = new Map<string, string>();
let keptChars = 0;
const stats = { kept: 0, rendered: 0, notKept: 0 };
// Readable from outside the build (tests/bench/page-renders.ts): how often a kept page was used.
(globalThis as Record<symbol, unknown>)[Symbol.for("tilts.keptPage")] = stats;

/** What one document request does: use `html` if kept, else render and `keepPage` it. */
export interface KeptPage {
  key: string;
  /** This request's form tokens, in the order its data holds them. */
  tokens: string[];
  /** The kept HTML with this request's tokens filled in; null when the page must be rendered. */
  html: string | null;
}

const NUL = "\u0000";
const HOLE = (index: number) => `${NUL}${index}${NUL}`;

/** The request's key, and the kept HTML if there is any: null when this response is never kept. */
export function keptPageOf(context: StaticHandlerContext, statusCode: number): KeptPage | null {
  if (!enabled || statusCode !== 200 || context.errors || context.actionData) return null;
  const data = JSON.stringify(context.loaderData);
  const tokens: string[] = [];
  const withoutTokens = data.includes("ft_")
    ? data.replace(FORM_TOKEN_SHAPE, (text) => {
        if (!isFormToken(text)) return text;
        tokens.push(text);
        return "ft_";
      })
    : data;
  const key = createHash("sha256").update(`${context.location.pathname}${context.location.search}${NUL}`).update(withoutTokens).digest("base64");
  const entry = entries.get(key);
  if (entry === undefined) return { key, tokens, html: null };
  // Most recently used last.
  entries.delete(key);
  entries.set(key, entry);
  stats.kept++;
  return { key, tokens, html: tokens.length > 0 ? filled(entry, tokens) : entry };
}

/** The kept HTML with its holes (`NUL index NUL`) filled: split, every odd part is a hole's index. */
function filled(html: string, tokens: readonly string[]): string {
  return html
    .split(NUL)
    .map((part, i) => (i % 2 === 1 ? (tokens[Number(part)] ?? "") : part))
    .join("");
}

/** What a rendered document's <body> holds before its scripts: from `<body>` to the end of `</main>`. */
export function pageOf(document: string): string | null {
  const start = document.indexOf("<body>");
  if (start < 0) return null;
  const end = document.indexOf("</main>", start);
  return end < 0 ? null : document.slice(start + "<body>".length, end + "</main>".length);
}

/** A document rendered with KeptPageMark, with the kept page in its place; null if the mark is missing. */
export function withKeptPage(document: string, page: string): string | null {
  const at = document.indexOf(KEPT_PAGE_MARK);
  if (at < 0) return null;
  return `${document.slice(0, at)}<body>${page}${document.slice(at + KEPT_PAGE_MARK.length)}`;
}

/** After a page was rendered: keeps what its <body> holds before the scripts under the request's key. */
export function keepPage(kept: KeptPage, document: string, nonce: string): void {
  stats.rendered++;
  const page = pageOf(document);
  if (page === null || page.includes(nonce) || page.includes(NUL)) {
    stats.notKept++;
    return;
  }
  // A copy of its own: a slice would keep the whole document (its data, the scripts) alive with it.
  let html = Buffer.from(page, "utf8").toString("utf8");
  kept.tokens.forEach((token, i) => {
    html = html.replaceAll(token, HOLE(i));
  });
  if (html.length > KEPT_PAGE_CHARS / 10) {
    stats.notKept++;
    return;
  }
  const before = entries.get(kept.key);
  if (before !== undefined) keptChars -= before.length;
  entries.delete(kept.key);
  entries.set(kept.key, html);
  keptChars += html.length;
  for (const [key, value] of entries) {
    if (keptChars <= KEPT_PAGE_CHARS) break;
    entries.delete(key);
    keptChars -= value.length;
  }
}

/** Forgets everything kept (tests). */
export function forgetKeptPages(): void {
  entries.clear();
  keptChars = 0;
}
