/** GET /reset/<secret token>: the token moves into a cookie and the browser goes on to /reset. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { swapTokenIntoCookie } from "~/utils/link-tokens.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return swapTokenIntoCookie("reset", params.token, request);
}
