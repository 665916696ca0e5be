/**
 * The language switch in the header posts here (docs/decisions/004-translations.md): the choice goes
 * into the cookie and, for someone logged in, into their profile (calendar feeds and notifications use
 * it). A POST, so that no link from another site can change a profile; `?lng=` on a GET only changes
 * the page it is on (and the cookie).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale } from "~/domain/vocabulary";
import { setUserLocale } from "~/models/organisations.server";
import { getUser } from "~/utils/auth.server";
import { readFormData, safeRedirectPath } from "~/utils/http.server";
import { localeCookie } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/security.server";

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = await readFormData(request);
  const back = safeRedirectPath(form.get("back"));
  const chosen = form.get("lng");
  if (!isLocale(chosen)) return redirect(back);
  const user = await getUser(request);
  if (user && user.locale !== chosen) setUserLocale(user.id, chosen);
  return redirect(back, { headers: { "Set-Cookie": localeCookie(chosen) } });
}

export function loader() {
  return redirect("/");
}
