/**
 * The route-matching patches (patches/, docs/decisions/023-route-matching-cache.md): @remix-run/router
 * keeps the ranked branches per routes array and the compiled path patterns, and @remix-run/react builds
 * the static render's routes once per manifest, react-router-dom's createStaticRouter converts them to
 * data routes once per routes array (decision 029); the router keeps each pathname's matches, the
 * resolution of absolute link targets and json()'s text (decision 036). These tests check the patches are applied (npm's
 * postinstall runs patch-package) and that matching with the caches answers as matching without them.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AgnosticRouteObject as RouteObject } from "@remix-run/router";
import { describe, expect, test } from "vitest";

const require = createRequire(import.meta.url);
// The CommonJS build, as the server loads it (the one the patch changes).
const { matchPath, matchRoutes, resolveTo, json, createStaticHandler } = require("@remix-run/router") as typeof import("@remix-run/router") & {
  resolveTo: (to: unknown, routePathnames: string[], locationPathname: string, isPathRelative?: boolean) => { pathname: string; search: string; hash: string };
};

describe("the patches are applied", () => {
  test.each([
    ["@remix-run/router/dist/router.cjs.js", "rankedBranchesCache"],
    ["@remix-run/router/dist/router.cjs.js", "keptMatchesCache"],
    ["@remix-run/router/dist/router.cjs.js", "resolvedAbsolute"],
    ["@remix-run/router/dist/router.cjs.js", "jsonTexts"],
    ["@remix-run/react/dist/routes.js", "serverRoutesCache"],
    ["react-router-dom/server.js", "staticDataRoutesCache"],
  ])("%s holds the cache", (file, marker) => {
    expect(readFileSync(require.resolve(file), "utf8")).toContain(marker);
  });
});

const ids = (matches: ReturnType<typeof matchRoutes>) => matches?.map((m) => m.route.id) ?? null;

describe("matching with the caches answers as before", () => {
  const routes: RouteObject[] = [
    {
      id: "root",
      path: "/",
      children: [
        { id: "index", index: true },
        {
          id: "plan",
          path: "plan/:youngPersonId",
          children: [
            { id: "overview", index: true },
            { id: "domain", path: ":domain" },
            { id: "goal", path: "goals/:goalId" },
          ],
        },
        { id: "feed", path: "feeds/:token/tilts.ics" },
        { id: "optional", path: "invite/:token?" },
        { id: "splat", path: "*" },
      ],
    },
  ];

  test("the same array asked many times, in any order, gives each path its own match and params", () => {
    for (let round = 0; round < 3; round++) {
      expect(ids(matchRoutes(routes, "/"))).toEqual(["root", "index"]);
      expect(ids(matchRoutes(routes, "/plan/abc"))).toEqual(["root", "plan", "overview"]);
      expect(ids(matchRoutes(routes, "/plan/abc/health"))).toEqual(["root", "plan", "domain"]);
      expect(matchRoutes(routes, "/plan/abc/goals/g1")?.at(-1)?.params).toEqual({ youngPersonId: "abc", goalId: "g1" });
      expect(ids(matchRoutes(routes, "/PLAN/abc/"))).toEqual(["root", "plan", "overview"]);
      expect(ids(matchRoutes(routes, "/feeds/t0k/tilts.ics"))).toEqual(["root", "feed"]);
      expect(matchRoutes(routes, "/invite")?.at(-1)?.params).toEqual({ token: undefined });
      expect(matchRoutes(routes, "/nothing/here")?.at(-1)?.params).toEqual({ "*": "nothing/here" });
    }
  });

  test("another routes array is matched by its own routes, not the cached branches of the first", () => {
    const other: RouteObject[] = [{ id: "only", path: "/only" }];
    expect(ids(matchRoutes(routes, "/only"))).toEqual(["root", "splat"]);
    expect(ids(matchRoutes(other, "/only"))).toEqual(["only"]);
    expect(matchRoutes(other, "/plan/abc")).toBeNull();
  });

  test("one pattern compiled for whole and partial matches and both cases keeps them apart", () => {
    expect(matchPath({ path: "/plan/:id", end: true }, "/plan/1/health")).toBeNull();
    expect(matchPath({ path: "/plan/:id", end: false }, "/plan/1/health")?.params).toEqual({ id: "1" });
    expect(matchPath({ path: "/Plan", caseSensitive: true }, "/plan")).toBeNull();
    expect(matchPath({ path: "/Plan", caseSensitive: false }, "/plan")).not.toBeNull();
    // The compiled pattern has no state between uses.
    for (let i = 0; i < 3; i++) expect(matchPath("/plan/:id", `/plan/${i}`)?.params).toEqual({ id: String(i) });
  });
});

describe("the static router's data routes, converted once per routes array (decision 029)", () => {
  const { createStaticRouter } = require("react-router-dom/server") as typeof import("react-router-dom/server");
  const routes = [
    {
      id: "root",
      path: "/",
      children: [
        { id: "index", index: true },
        { id: "plan", path: "plan/:id" },
      ],
    },
  ] as unknown as Parameters<typeof createStaticRouter>[0];
  const contextFor = (matches: Array<{ id: string; params: Record<string, string> }>) =>
    ({
      basename: "/",
      location: { pathname: "/plan/1", search: "", hash: "", state: null, key: "default" },
      matches: matches.map((m) => ({ params: m.params, pathname: "/", pathnameBase: "/", route: { id: m.id } })),
      loaderData: {},
      actionData: null,
      errors: null,
      statusCode: 200,
      loaderHeaders: {},
      actionHeaders: {},
      activeDeferreds: null,
    }) as unknown as Parameters<typeof createStaticRouter>[1];

  test("the same array gives the same data routes, and each request's matches point into them", () => {
    const first = createStaticRouter(routes, contextFor([{ id: "root", params: {} }]));
    const second = createStaticRouter(
      routes,
      contextFor([
        { id: "root", params: { id: "2" } },
        { id: "plan", params: { id: "2" } },
      ]),
    );
    expect(second.routes).toBe(first.routes);
    expect(first.state.matches.map((m) => m.route.id)).toEqual(["root"]);
    expect(second.state.matches.map((m) => [m.route.id, m.params.id])).toEqual([
      ["root", "2"],
      ["plan", "2"],
    ]);
    expect(second.state.matches[1]!.route).toBe(second.routes[0]!.children![1]);
  });

  test("another array gets its own data routes", () => {
    const other = [{ id: "only", path: "/only" }] as unknown as Parameters<typeof createStaticRouter>[0];
    const router = createStaticRouter(other, contextFor([{ id: "only", params: {} }]));
    expect(router.routes.map((r) => r.id)).toEqual(["only"]);
    expect(createStaticRouter(routes, contextFor([])).routes.map((r) => r.id)).toEqual(["root"]);
  });
});

describe("kept matches, resolved links and json()'s text (decision 036)", () => {
  const routes: RouteObject[] = [
    {
      id: "root",
      path: "/",
      children: [
        { id: "plan", path: "plan/:youngPersonId", children: [{ id: "domain", path: ":domain" }] },
        { id: "feed", path: "feeds/:token/tilts.ics" },
      ],
    },
  ];

  test("a kept match is handed out as a copy: changing one answer does not change the next", () => {
    const first = matchRoutes(routes, "/plan/abc/health")!;
    (first[1]!.params as Record<string, string>).youngPersonId = "changed";
    first.pop();
    const second = matchRoutes(routes, "/plan/abc/health")!;
    expect(ids(second)).toEqual(["root", "plan", "domain"]);
    expect(second[1]!.params).toEqual({ youngPersonId: "abc", domain: "health" });
    expect(second[2]!.route).toBe(first[1]!.route.children![0]);
    // Another path, another answer; partial matching is kept apart.
    expect(matchRoutes(routes, "/plan/xyz/money")!.at(-1)!.params).toEqual({ youngPersonId: "xyz", domain: "money" });
    expect(matchRoutes(routes, "/nothing")).toBeNull();
    expect(matchRoutes(routes, "/nothing")).toBeNull();
  });

  test("a secret link's token is matched every time and never kept", () => {
    for (const token of ["aaaa", "bbbb"]) expect(matchRoutes(routes, `/feeds/${token}/tilts.ics`)!.at(-1)!.params).toEqual({ token });
  });

  test("an absolute target resolves as without the cache, whatever the route and location; others are not kept", () => {
    for (let round = 0; round < 2; round++) {
      expect(resolveTo("/plan/abc?x=1#h", ["/", "/plan/1"], "/plan/1/health")).toEqual({ pathname: "/plan/abc", search: "?x=1", hash: "#h" });
      expect(resolveTo("/plan/abc/", ["/"], "/")).toEqual({ pathname: "/plan/abc/", search: "", hash: "" });
      expect(resolveTo("/", ["/", "/plan/1"], "/plan/1/")).toEqual({ pathname: "/", search: "", hash: "" });
      expect(resolveTo("housing", ["/", "/plan/1"], "/plan/1").pathname).toBe("/plan/1/housing");
      expect(resolveTo("housing", ["/", "/plan/2"], "/plan/2").pathname).toBe("/plan/2/housing");
      expect(resolveTo("..", ["/", "/plan/2"], "/plan/2").pathname).toBe("/");
      expect(resolveTo(".", ["/", "/plan/2/"], "/plan/2/").pathname).toBe("/plan/2/");
    }
    const copy = resolveTo("/account", ["/"], "/");
    copy.pathname = "/changed";
    expect(resolveTo("/account", ["/"], "/").pathname).toBe("/account");
  });

  test("a document's loader data comes from json()'s text, unread; a read body still has the bytes", async () => {
    const data = { name: "Jānis Bērziņš", list: [1, "два", null], nested: { at: "2026-12-02", skipped: undefined } };
    const made: Response[] = [];
    const handler = createStaticHandler([
      {
        id: "root",
        path: "/",
        loader: () => {
          const response = json(data, { headers: { "X-Kept": "yes" } });
          made.push(response);
          return response;
        },
      },
    ]);
    const context = await handler.query(new Request("http://localhost/"));
    if (context instanceof Response) throw new Error("expected a context");
    expect(context.loaderData.root).toEqual(JSON.parse(JSON.stringify(data)));
    expect(context.loaderHeaders.root!.get("X-Kept")).toBe("yes");
    // Parsed from the kept text: the body was never read (no encode, no stream, no decode).
    expect(made[0]!.bodyUsed).toBe(false);
    // A data request reads the body: the same JSON as bytes.
    expect(await json(data).text()).toBe(JSON.stringify(data));
    const read = json(data);
    await read.text();
    const again = await createStaticHandler([{ id: "root", path: "/", loader: () => read }]).query(new Request("http://localhost/"));
    // A body already read is not parsed from the text again (the error a read body gives, as before).
    expect(again instanceof Response ? null : again.errors).not.toBeNull();
    expect(json(undefined).body).toBeNull();
  });
});
