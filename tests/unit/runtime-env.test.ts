/**
 * `remix build` folds `process.env.NODE_ENV` into a constant, so app code that reads it directly gets
 * the build's value, not the running server's (TILTS_TODAY and Secure cookies were decided at build
 * time). App code reads it through runtimeEnv() instead; this test finds any direct read.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { isProduction, runtimeEnv } from "~/utils/env.server";
import { setClock, today } from "~/utils/clock.server";

const root = join(__dirname, "../..");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const saved = { NODE_ENV: process.env.NODE_ENV, TILTS_TODAY: process.env.TILTS_TODAY };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  setClock(null);
});

describe("environment read at run time", () => {
  test("no bundled app module reads process.env.NODE_ENV directly", () => {
    // app/server.ts is compiled on its own (not by remix build), so it may.
    const offenders = sourceFiles(join(root, "app"))
      .filter((path) => !path.endsWith(join("app", "server.ts")))
      .filter((path) => /process\.env\.NODE_ENV|process\.env\[["']NODE_ENV["']\]/.test(readFileSync(path, "utf8")))
      .map((path) => relative(root, path));
    expect(offenders).toEqual([]);
  });

  test("runtimeEnv, isProduction and TILTS_TODAY follow the process's environment when asked", () => {
    process.env.NODE_ENV = "development";
    process.env.TILTS_TODAY = "2031-02-03";
    expect(runtimeEnv("NODE_ENV")).toBe("development");
    expect(isProduction()).toBe(false);
    expect(today()).toBe("2031-02-03");
    process.env.NODE_ENV = "production";
    expect(isProduction()).toBe(true);
    expect(today()).not.toBe("2031-02-03");
  });
});
