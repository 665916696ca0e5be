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
