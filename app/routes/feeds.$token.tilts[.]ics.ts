/**
 * A calendar subscription: GET/HEAD /feeds/<secret token>/tilts.ics, fetched by calendar apps without a
 * cookie. No session, no cookies, its own caching; 404 for anything but a live token (decision 008).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedByToken, feedGzip, feedText, recordFetch } from "~/models/calendar-feeds.server";
import { acceptsGzip } from "~/utils/precompressed.server";
import { now, today } from "~/utils/clock.server";
import { conditionalResponse } from "~/utils/conditional.server";
import { linkOrigin } from "~/utils/security.server";

const FEED_HEADERS = {
  "Content-Type": "text/calendar; charset=utf-8",
  "Content-Disposition": 'inline; filename="tilts.ics"',
  // Personal: never kept by a shared cache; calendar apps may reuse it for a few minutes.
  "Cache-Control": "private, max-age=300",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const feed = feedByToken(params.token);
  if (!feed) {
    throw new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const text = feedText(feed, linkOrigin(request), today());
  const lastModifiedMs = recordFetch(feed, text.hash, now().getTime());
  // gzip made once per version of the feed (the compression middleware leaves an encoded body alone).
  if (acceptsGzip(request.headers.get("Accept-Encoding"))) {
    const gzip = feedGzip(text);
    return conditionalResponse(request, { ...gzip, lastModifiedMs, headers: { ...FEED_HEADERS, "Content-Encoding": "gzip", Vary: "Accept-Encoding" } });
  }
  return conditionalResponse(request, { body: text.body, etag: text.etag, lastModifiedMs, headers: { ...FEED_HEADERS, Vary: "Accept-Encoding" } });
}
