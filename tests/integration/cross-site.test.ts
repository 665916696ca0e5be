/**
 * Cross-site request protection (DESIGN.md: every non-GET request checks Origin / Sec-Fetch-Site):
 * refused requests get a 403 and change nothing; same-origin requests pass. Plus a static check that
 * no route action can forget the check.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed";
import {
  allSessionCount,
  BASE_URL,
  browserRequest,
  freshDatabase,
  routeArgs,
  sessionCookieFor,
  sessionIdOf,
  sessionRow,
  sessionRowsOf,
  settle,
  userByEmail,
} from "../helpers/db";
import { loader as homeLoader } from "~/routes/_index";
import { action as accountAction } from "~/routes/account";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";

const NEW_PASSWORD = "Kalnu ezers un vējš 2031";

/** Headers of a request a browser sends from another site (or that only carries a foreign Origin). */
const HOSTILE: ReadonlyArray<[string, Record<string, string>]> = [
  ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" }],
  ["Sec-Fetch-Site: cross-site without Origin", { "Sec-Fetch-Site": "cross-site" }],
  ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "Sec-Fetch-Site": "same-site", Origin: "https://x.localhost:3000" }],
  ["only Origin: https://evil.example", { Origin: "https://evil.example" }],
  ["only Origin: null (sandboxed frame)", { Origin: "null" }],
  ["only an Origin on another port", { Origin: "http://localhost:4000" }],
  ["only an Origin of the same host with another scheme", { Origin: "https://localhost:3000" }],
];

const FRIENDLY: ReadonlyArray<[string, Record<string, string>]> = [
  ["Sec-Fetch-Site: same-origin + Origin", { "Sec-Fetch-Site": "same-origin", Origin: BASE_URL }],
  ["only Sec-Fetch-Site: same-origin", { "Sec-Fetch-Site": "same-origin" }],
  ["only a same-origin Origin", { Origin: BASE_URL }],
];

beforeEach(async () => {
  await freshDatabase();
});

async function expectForbidden(run: () => unknown) {
  const { response, thrown } = await settle(run);
  expect(thrown).toBe(true);
  expect(response.status).toBe(403);
  expect(response.headers.get("Set-Cookie")).toBeNull();
}

describe.each(HOSTILE)("a POST with %s", (_name, headers) => {
  test("to the login action is refused with 403 and creates no session", async () => {
    await expectForbidden(() =>
      loginAction(routeArgs(browserRequest("/login", { headers, form: { email: "specialist@demo.test", password: DEMO_PASSWORD } }))),
    );
    expect(allSessionCount()).toBe(0);
  });

  test("to the logout action is refused with 403 and deletes no session", async () => {
    const cookie = sessionCookieFor("mentor@demo.test");
    await expectForbidden(() => logoutAction(routeArgs(browserRequest("/logout", { cookie, headers, method: "POST" }))));
    expect(sessionRow(sessionIdOf(cookie))).not.toBeNull();
  });

  test("to the account action is refused with 403 and changes no password", async () => {
    const cookie = sessionCookieFor("specialist@demo.test");
    const other = sessionCookieFor("specialist@demo.test");
    const before = userByEmail("specialist@demo.test");
    await expectForbidden(() =>
      accountAction(
        routeArgs(
          browserRequest("/account", {
            cookie,
            headers,
            form: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
          }),
        ),
      ),
    );
    const after = userByEmail("specialist@demo.test");
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.passwordChangedAt).toBe(before.passwordChangedAt);
    expect(sessionRow(sessionIdOf(cookie))).not.toBeNull();
    expect(sessionRow(sessionIdOf(other))).not.toBeNull();
  });
});

describe.each(FRIENDLY)("a POST with %s", (_name, headers) => {
  test("to the login action logs in", async () => {
    const { response } = await settle(() =>
      loginAction(routeArgs(browserRequest("/login", { headers, form: { email: "specialist@demo.test", password: DEMO_PASSWORD } }))),
    );
    expect(response.status).toBe(302);
    expect(sessionRowsOf("specialist@demo.test")).toHaveLength(1);
  });

  test("to the logout action logs out", async () => {
    const cookie = sessionCookieFor("mentor@demo.test");
    const { response } = await settle(() => logoutAction(routeArgs(browserRequest("/logout", { cookie, headers, method: "POST" }))));
    expect(response.status).toBe(302);
    expect(sessionRow(sessionIdOf(cookie))).toBeNull();
  });

  test("to the account action changes the password", async () => {
    const cookie = sessionCookieFor("specialist@demo.test");
    const before = userByEmail("specialist@demo.test").passwordHash;
    const { response } = await settle(() =>
      accountAction(
        routeArgs(
          browserRequest("/account", {
            cookie,
            headers,
            form: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
          }),
        ),
      ),
    );
    expect(response.status).toBe(302);
    expect(userByEmail("specialist@demo.test").passwordHash).not.toBe(before);
  });
});

test("a GET from another site (a followed link) is not refused", async () => {
  const cookie = sessionCookieFor("specialist@demo.test");
  const { response, thrown } = await settle(() =>
    homeLoader(routeArgs(browserRequest("/", { cookie, headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" } }))),
  );
  expect(thrown).toBe(false);
  expect(response.status).toBe(200);
});

describe("static check: every route action guards against cross-site requests", () => {
  const appDir = join(process.cwd(), "app");
  const routesDir = join(appDir, "routes");

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.(ts|tsx|js|jsx)$/.test(name) ? [path] : [];
    });
  }

  /** Exported functions of a module and their text, up to the closing brace at the start of a line. */
  function exportedFunctions(source: string): Map<string, string> {
    const functions = new Map<string, string>();
    for (const match of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) {
      const end = source.indexOf("\n}", match.index);
      functions.set(match[1]!, source.slice(match.index, end < 0 ? undefined : end + 2));
    }
    return functions;
  }

  /**
   * The guards: requireUser and assertSameOrigin, and every function of a *.server.ts module that calls
   * one of them (such as a requirePlan(request, …) that starts with requireUser), found to a fixed point.
   */
  function guardNames(): Set<string> {
    const names = new Set(["requireUser", "assertSameOrigin"]);
    const candidates = sourceFiles(appDir)
      .filter((file) => /\.server\.tsx?$/.test(file))
      .flatMap((file) => [...exportedFunctions(readFileSync(file, "utf8"))]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [name, body] of candidates) {
        if (names.has(name)) continue;
        const calls = [...names].some((guard) => new RegExp(`\\b${guard}\\s*\\(\\s*request\\b`).test(body));
        if (calls) {
          names.add(name);
          grew = true;
        }
      }
    }
    return names;
  }

  const EXPORTS_ACTION = /export\s+(async\s+)?function\s+action\b|export\s+(const|let|var)\s+action\b|export\s*\{[^}]*\baction\b[^}]*\}/;
  const guards = guardNames();
  const GUARD = new RegExp(`\\b(${[...guards].join("|")})\\s*\\(`);
  const files = sourceFiles(routesDir);
  const withAction = files.filter((file) => EXPORTS_ACTION.test(readFileSync(file, "utf8")));

  test("finds the guards and the route modules that have actions", () => {
    expect(guards).toContain("requireUser");
    expect(guards).toContain("assertSameOrigin");
    expect(files.length).toBeGreaterThan(0);
    const names = withAction.map((f) => relative(routesDir, f));
    expect(names).toEqual(expect.arrayContaining(["login.tsx", "logout.tsx", "account.tsx"]));
  });

  /** Why an action module is unsafe, or null when its action guards before reading the body. */
  function actionProblem(source: string): string | null {
    if (!GUARD.test(source)) return "calls no guard";
    const body = exportedFunctions(source).get("action");
    if (!body) return null; // exported another way: the file-level check above is all we can do
    const guardAt = body.search(GUARD);
    if (guardAt < 0) return "the action itself calls no guard";
    const readsAt = body.search(/request\.(formData|json|text|arrayBuffer)\s*\(/);
    if (readsAt >= 0 && readsAt < guardAt) return "reads the body before the guard";
    return null;
  }

  test("the check itself catches unguarded actions", () => {
    const unguarded = `export async function action({ request }) {\n  const form = await request.formData();\n  return null;\n}\n`;
    const late = `export async function action({ request }) {\n  const form = await request.formData();\n  await requireUser(request);\n}\n`;
    const elsewhere = `export async function loader({ request }) {\n  await requireUser(request);\n}\nexport async function action({ request }) {\n  return deleteEverything();\n}\n`;
    const fine = `export async function action({ request }) {\n  const user = await requireUser(request);\n  const form = await request.formData();\n}\n`;
    expect(actionProblem(unguarded)).toBe("calls no guard");
    expect(actionProblem(late)).toBe("reads the body before the guard");
    expect(actionProblem(elsewhere)).toBe("the action itself calls no guard");
    expect(actionProblem(fine)).toBeNull();
  });

  test.each(withAction.map((file) => [relative(routesDir, file), file]))(
    "%s calls requireUser( or assertSameOrigin( (directly or through a guard that does) before reading the request body",
    (_name, file) => {
      expect(actionProblem(readFileSync(file, "utf8"))).toBeNull();
    },
  );
});
