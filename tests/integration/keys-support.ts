/**
 * Helpers for the "keys" tests (sharing, who looked, my data, erasure): the real route loaders and
 * actions as a logged-in browser calls them.
 */
import type { SerializeFrom } from "@remix-run/node";
import { browserRequest, routeArgs, settle } from "../helpers/db";
import { cookieOf, type Outcome } from "./plan-support";
import * as sharingRoute from "~/routes/plan.$youngPersonId.sharing";
import * as accessRoute from "~/routes/plan.$youngPersonId.access";

export type SharingData = SerializeFrom<typeof sharingRoute.loader>;
export type AccessData = SerializeFrom<typeof accessRoute.loader>;

type Handler = (args: ReturnType<typeof routeArgs>) => unknown;

export async function callRoute(
  handler: Handler,
  path: string,
  params: Record<string, string>,
  email: string | null,
  form?: Record<string, string>,
): Promise<Outcome> {
  const request = browserRequest(path, { cookie: email ? cookieOf(email) : undefined, form });
  const { response, thrown } = await settle(() => handler(routeArgs(request, params)));
  return { response, thrown, status: response.status, location: response.headers.get("Location") };
}

export const sharing = {
  page: (email: string | null, id: string) => callRoute(sharingRoute.loader, `/plan/${id}/sharing`, { youngPersonId: id }, email),
  post: (email: string | null, id: string, form: Record<string, string>) =>
    callRoute(sharingRoute.action, `/plan/${id}/sharing`, { youngPersonId: id }, email, form),
  /** The young person's own switch. */
  set: (email: string, id: string, audience: string, section: string, shared: boolean) =>
    callRoute(sharingRoute.action, `/plan/${id}/sharing`, { youngPersonId: id }, email, { intent: "switch", audience, section, shared: shared ? "1" : "0" }),
};

export const accessLog = {
  page: (email: string | null, id: string) => callRoute(accessRoute.loader, `/plan/${id}/access`, { youngPersonId: id }, email),
};

import * as exportRoute from "~/routes/plan.$youngPersonId.export";
import * as exportJsonRoute from "~/routes/plan.$youngPersonId.export[.]json";

export type MyDataPage = SerializeFrom<typeof exportRoute.loader>;

export const myDataDownload = {
  page: (email: string | null, id: string) => callRoute(exportRoute.loader, `/plan/${id}/export`, { youngPersonId: id }, email),
  json: (email: string | null, id: string) => callRoute(exportJsonRoute.loader, `/plan/${id}/export.json`, { youngPersonId: id }, email),
};

import * as erasureRoute from "~/routes/organisation.erasure";

export type ErasurePage = SerializeFrom<typeof erasureRoute.loader>;

export const erasure = {
  page: (email: string | null) => callRoute(erasureRoute.loader, "/organisation/erasure", {}, email),
  post: (email: string | null, form: Record<string, string>) => callRoute(erasureRoute.action, "/organisation/erasure", {}, email, form),
};
