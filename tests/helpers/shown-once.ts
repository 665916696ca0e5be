/**
 * Following a post/redirect/get that shows a secret once (app/utils/shown-once.server.ts): the action's
 * redirect carries a short-lived cookie; the page it redirects to shows the secret and clears the cookie.
 */
import { expect } from "vitest";
import type { HandedLinkView } from "~/components/handed-link";
import { browserRequest, cookiePair, routeArgs, settle } from "./db";

/**
 * The page after `redirected` (a 302 from an action), opened with `cookie` (the session) plus the cookie
 * the redirect set: the link it shows and the Set-Cookie that clears it.
 */
export async function followShownOnce(
  redirected: Response,
  loader: (args: ReturnType<typeof routeArgs>) => unknown,
  cookie: string,
  params: Record<string, string> = {},
): Promise<{ link: HandedLinkView | null; setCookie: string; kept: string }> {
  expect(redirected.status).toBe(302);
  const kept = cookiePair(redirected.headers.get("Set-Cookie") ?? "");
  const location = redirected.headers.get("Location")!;
  const page = await settle(() => loader(routeArgs(browserRequest(location.split("#")[0]!, { cookie: `${cookie}; ${kept}` }), params)));
  expect(page.response.status).toBe(200);
  return { link: ((await page.response.json()) as { link: HandedLinkView | null }).link, setCookie: page.response.headers.get("Set-Cookie") ?? "", kept };
}
