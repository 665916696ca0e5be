/**
 * The browser's translation catalogues (docs/decisions/009-fast-pages.md): /i18n/<lng>/<part>.<hash>.json,
 * public strings only (no user's data), so cacheable for a year and shared. A hash that is no longer the
 * current one (a page from before a deploy) gets today's strings, not cached, rather than nothing.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/domain/vocabulary";
import { catalogue } from "~/utils/i18n.server";

export function loader({ params }: LoaderFunctionArgs) {
  const match = /^(.+)\.([0-9a-f]{12})\.json$/.exec(params.file ?? "");
  const entry = match && isLocale(params.locale) ? catalogue(params.locale, match[1]!) : null;
  if (!match || !entry) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return new Response(entry.body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": entry.hash === match[2] ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
