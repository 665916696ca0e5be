/**
 * The home page's body for the signed-in person's role (decision 030). Each role's home is its own
 * module, reached by `import()`, so a browser downloads only its own role's code (the homes together
 * were about 17 KB gzip over a bare page).
 *
 * - On the server the route's loader awaits `loadRoleHome(role)` before the page renders, so
 *   `renderToString` finds the module loaded and renders the whole page (decision 009).
 * - In the browser the document hydrates at once; the home sits in a Suspense boundary, so React keeps
 *   the server's HTML of the home (plain links and forms that work without JavaScript) until the role's
 *   chunk has arrived and then hydrates it. If the chunk never arrives, the server's HTML stays.
 * - A client-side navigation to `/` goes through the route's `clientLoader`, which loads the chunk
 *   together with the data, so the page never shows an empty home.
 */
import { Suspense, type ComponentType } from "react";
import type { SerializeFrom } from "@remix-run/node";
import type { Home } from "~/models/home.server";

export type HomeRole = Home["role"];
/** One role's home data as the page receives it (JSON). */
export type RoleHomeData<R extends HomeRole> = Extract<SerializeFrom<Home>, { role: R }>;

type RoleHomeComponent = ComponentType<{ home: SerializeFrom<Home> }>;

const MODULES: Record<HomeRole, () => Promise<{ default: unknown }>> = {
  youth: () => import("./homes/youth"),
  mentor: () => import("./homes/mentor"),
  specialist: () => import("./homes/specialist"),
  carer: () => import("./homes/carer"),
  lead: () => import("./homes/lead"),
  admin: () => import("./homes/admin"),
};

// Components only, never anyone's data: the same for every user of this server or browser.
const loaded = new Map<HomeRole, RoleHomeComponent>();
const loading = new Map<HomeRole, Promise<void>>();
/** Never settles: a home whose code could not be fetched stays as the server rendered it. */
const never = new Promise<void>(() => {});

/** Loads a role's home module once (later calls share the first). Rejects if the chunk cannot be fetched. */
export function loadRoleHome(role: HomeRole): Promise<void> {
  if (loaded.has(role)) return Promise.resolve();
  let promise = loading.get(role);
  if (!promise) {
    promise = MODULES[role]().then(
      (module) => void loaded.set(role, module.default as RoleHomeComponent),
      (error: unknown) => {
        loading.delete(role); // a later navigation may try again
        throw error;
      },
    );
    loading.set(role, promise);
  }
  return promise;
}

function LoadedHome({ home }: { home: SerializeFrom<Home> }) {
  const Component = loaded.get(home.role);
  // Suspends (hydration keeps the server's HTML) until the module is here.
  if (!Component) throw loadRoleHome(home.role).catch(() => never);
  return <Component home={home} />;
}

export function RoleHome({ home }: { home: SerializeFrom<Home> }) {
  return (
    <Suspense fallback={null}>
      <LoadedHome home={home} />
    </Suspense>
  );
}
