/**
 * Every page a person can reach by following links from where they start, fetched from a running server
 * (the Nu HTML checker test, tests/integration/valid-html.test.ts). Pages of one shape (the same route
 * with different ids, or the same query keys) are fetched at most `perShape` times, so a specialist with
 * six records gets each kind of page twice, not six times.
 */

/** Addresses that are not pages: files, feeds, downloads, the language switch, logging out. */
const NOT_A_PAGE =
  /^\/(logout|feeds\/|i18n\/|build\/|assets\/|favicon|manifest|sw\.js|icons?\/)|\.(ics|json|csv|png|svg|ico|js|css|webmanifest|txt)(\?|$)|[?&]lng=/;

/** One page's shape: ids become `:id`, query values are dropped (their keys stay). */
export function shapeOf(path: string): string {
  const url = new URL(path, "http://x");
  const segments = url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id");
  const keys = [...url.searchParams.keys()].sort().join("&");
  return keys ? `${segments}?${keys}` : segments;
}

/** The same-origin links of a page (paths with their query, without the fragment). */
export function linksOf(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
    const href = match[1]!.replace(/&amp;/g, "&");
    if (!href.startsWith("/") || href.startsWith("//")) continue;
    const path = href.split("#")[0]!;
    if (path && !NOT_A_PAGE.test(path)) found.push(path);
  }
  return found;
}

export interface CrawledPage {
  path: string;
  status: number;
  html: string;
}

export async function crawl(
  fetchPage: (path: string) => Promise<{ status: number; text: string; contentType: string }>,
  start: string[],
  options: { perShape?: number; limit?: number } = {},
): Promise<CrawledPage[]> {
  const perShape = options.perShape ?? 2;
  const limit = options.limit ?? 200;
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const queue = [...start];
  const pages: CrawledPage[] = [];
  while (queue.length > 0 && pages.length < limit) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const shape = shapeOf(path);
    const count = shapes.get(shape) ?? 0;
    if (count >= perShape) continue;
    shapes.set(shape, count + 1);
    const response = await fetchPage(path);
    if (!response.contentType.includes("text/html")) continue;
    if (response.status !== 200 && response.status !== 404) continue;
    pages.push({ path, status: response.status, html: response.text });
    for (const link of linksOf(response.text)) if (!seen.has(link)) queue.push(link);
  }
  return pages;
}

export interface PostForm {
  /** Where it posts (the page itself when the form names no action). */
  action: string;
  id: string;
  /** Its hidden fields and the first named submit button: everything but what a person types. */
  fields: URLSearchParams;
}

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-\w:.]*)(?:="([^"]*)")?/g)) attributes[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? "");
  return attributes;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * The post forms of a page that have a field to type in, ready to send with every typed field left
 * empty (the refused answer a person gets after pressing "save" on an empty form). Forms that log in or
 * out or switch the language are left out.
 */
export function typedFormsOf(html: string, pagePath: string): PostForm[] {
  const forms: PostForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const form = attributesOf(match[1]!);
    if ((form.method ?? "get").toLowerCase() !== "post") continue;
    const action = form.action || pagePath;
    if (/^\/(login|logout|language)(\?|$)/.test(action) || !action.startsWith("/")) continue;
    const inner = match[2]!;
    const inputs = [...inner.matchAll(/<input\b([^>]*)>/g)].map((m) => attributesOf(m[1]!));
    const typed =
      /<textarea\b/.test(inner) || inputs.some((i) => !["hidden", "checkbox", "radio", "submit", "button", "file"].includes((i.type ?? "text").toLowerCase()));
    if (!typed) continue;
    const fields = new URLSearchParams();
    for (const i of inputs) if ((i.type ?? "").toLowerCase() === "hidden" && i.name) fields.append(i.name, i.value ?? "");
    const button = [...inner.matchAll(/<button\b([^>]*)>/g)].map((m) => attributesOf(m[1]!)).find((b) => (b.type ?? "submit") === "submit" && b.name);
    if (button?.name) fields.append(button.name, button.value ?? "");
    forms.push({ action, id: form.id ?? "", fields });
  }
  return forms;
}
