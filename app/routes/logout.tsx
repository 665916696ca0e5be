import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logout } from "~/utils/auth.server";
import { assertSameOrigin } from "~/utils/security.server";

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const cookie = await logout(request);
  return redirect("/login?loggedOut=1", { headers: { "Set-Cookie": cookie } });
}

export function loader() {
  return redirect("/");
}
