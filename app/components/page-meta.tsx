/**
 * The root's replacement for Remix's `<Meta/>` (decision 020): the same descriptors from the same route
 * `meta` functions, but the leaf's title starts with "Error:" ("Kļūda:", "Ошибка:") when the router state
 * holds a form the server refused. The router state is the same on the server (the static handler's
 * action data) and in the browser (hydrated from it, then updated after each submission), so the title
 * is identical on both sides and a post without JavaScript gets it too.
 */
import { UNSAFE_RemixContext, useLocation } from "@remix-run/react";
import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { UNSAFE_DataRouterStateContext } from "react-router";
import { formProblemsOf } from "~/domain/form-errors";

type Descriptor = Record<string, unknown>;

/** Whether any route's action data holds a refused form (the summary at the top reads the same). */
export function useRefusedForm(): boolean {
  const state = useContext(UNSAFE_DataRouterStateContext);
  return Object.values(state?.actionData ?? {}).some((data) => formProblemsOf(data).length > 0);
}

export function PageMeta() {
  const remix = useContext(UNSAFE_RemixContext);
  const state = useContext(UNSAFE_DataRouterStateContext);
  const location = useLocation();
  const { t } = useTranslation();
  const refused = useRefusedForm();
  if (!remix || !state) return null;
  const { errors, loaderData } = state;
  // As Remix does: with a route error, the matches end at the route that rendered it.
  const errorIndex = errors ? state.matches.findIndex((m) => errors[m.route.id] !== undefined) : -1;
  const active = errorIndex >= 0 ? state.matches.slice(0, errorIndex + 1) : state.matches;
  const error = errors && active.length ? errors[active[active.length - 1]!.route.id] : null;
  let meta: Descriptor[] = [];
  const matches: { id: string; data: unknown; meta: Descriptor[]; params: unknown; pathname: string; handle: unknown; error: unknown }[] = [];
  for (const match of active) {
    const id = match.route.id;
    const data = loaderData[id];
    const module = remix.routeModules[id] as { meta?: unknown } | undefined;
    const entry = { id, data, meta: [] as Descriptor[], params: match.params, pathname: match.pathname, handle: match.route.handle, error };
    matches.push(entry);
    let routeMeta: Descriptor[] = meta;
    if (typeof module?.meta === "function") {
      routeMeta = ((module.meta as (args: unknown) => Descriptor[] | undefined)({ data, params: match.params, location, matches, error }) ??
        []) as Descriptor[];
    } else if (Array.isArray(module?.meta)) {
      routeMeta = [...(module.meta as Descriptor[])];
    }
    entry.meta = routeMeta;
    meta = routeMeta;
  }
  const prefix = t("errors.titlePrefix");
  return (
    <>
      {meta.flat().map((descriptor) => {
        if (!descriptor) return null;
        if ("title" in descriptor) {
          const title = String(descriptor.title);
          return <title key="title">{refused && !title.startsWith(prefix) ? `${prefix}${title}` : title}</title>;
        }
        if ("charSet" in descriptor || "charset" in descriptor || "tagName" in descriptor || "script:ld+json" in descriptor) {
          // Not used by any route here; the root renders the charset itself.
          return null;
        }
        return <meta key={JSON.stringify(descriptor)} {...(descriptor as Record<string, string>)} />;
      })}
    </>
  );
}
