/**
 * Where a plain-form action lands (issue 14: keep the scroll position without JavaScript). Every
 * redirect after a tick or one-tap action goes back to its page at the element acted on, as a fragment
 * (`#goal-<id>`, `#next-step`, `#period-<date>`), so a post without JavaScript does not reload the page at
 * its top. `returnTo` from the form may carry its own fragment (the page knows where its form sits),
 * which wins; query parameters (`saved=1`) go before the fragment.
 */
import { safeRedirectPath } from "./http.server";

const FRAGMENT = /^[A-Za-z0-9_-]{1,120}$/;

export function landOn(
  path: unknown,
  { fallback = "/", fragment, query }: { fallback?: string; fragment?: string | null; query?: Record<string, string> } = {},
): string {
  const safe = safeRedirectPath(path, fallback);
  const hashAt = safe.indexOf("#");
  const [withoutHash, ownHash] = hashAt >= 0 ? [safe.slice(0, hashAt), safe.slice(hashAt + 1)] : [safe, ""];
  const queryAt = withoutHash.indexOf("?");
  const [pathname, search] = queryAt >= 0 ? [withoutHash.slice(0, queryAt), withoutHash.slice(queryAt + 1)] : [withoutHash, ""];
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(query ?? {})) params.set(name, value);
  const hash = ownHash || (fragment && FRAGMENT.test(fragment) ? fragment : "");
  const qs = params.toString();
  return `${pathname}${qs ? `?${qs}` : ""}${hash ? `#${hash}` : ""}`;
}
