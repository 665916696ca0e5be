import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logout } from "~/utils/auth.server";
import { assertSameOrigin } from "~/utils/security.server";

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const cookie = await logout(request);
  // Clear-Site-Data: the offline copies of the young person's pages (public/sw.js) and the worker go too.
  return redirect("/login?loggedOut=1", { headers: { "Set-Cookie": cookie, "Clear-Site-Data": '"cache", "storage"' } });
}

export function loader() {
  return redirect("/");
}
