/** The known-vulnerability check (scripts/check-advisories.mjs) and what its acceptances rely on. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { findings } from "../../scripts/check-advisories.mjs";
import remixConfig from "../../remix.config.js";

const root = join(__dirname, "../..");
const lockOf = (packages: Record<string, { version: string; dev?: boolean }>) => ({ packages: { "": { version: "0.1.0" }, ...packages } });
const list = (advisories: unknown[], reviewed = "2026-12-01") => ({ reviewed, advisories });
const TAR = { id: "T-1", package: "tar", vulnerable: "<7.5.7", severity: "high", summary: "hardlinks" };

describe("findings", () => {
  test("an installed vulnerable version is a problem, wherever it is nested", () => {
    const lock = lockOf({ "node_modules/a/node_modules/tar": { version: "6.2.1", dev: true }, "node_modules/tar": { version: "7.5.23" } });
    const { problems } = findings(lock, list([TAR]), "2026-12-01");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("tar@6.2.1 (a/node_modules/tar)");
  });

  test("a patched version is not", () => {
    expect(findings(lockOf({ "node_modules/tar": { version: "7.5.7" } }), list([TAR]), "2026-12-01").problems).toEqual([]);
  });

  test("an acceptance holds until its date, then the finding is a problem again", () => {
    const accepted = { ...TAR, accepted: { reason: "not reached", until: "2027-01-31" } };
    const lock = lockOf({ "node_modules/tar": { version: "6.2.1" } });
    expect(findings(lock, list([accepted]), "2027-01-31")).toMatchObject({ problems: [], accepted: [expect.stringContaining("not reached")] });
    expect(findings(lock, list([accepted]), "2027-02-01").problems[0]).toContain("acceptance ended on 2027-01-31");
  });

  test("a list not reviewed for 90 days fails", () => {
    expect(findings(lockOf({}), list([], "2026-09-01"), "2026-12-01").problems[0]).toContain("last reviewed on 2026-09-01");
    expect(findings(lockOf({}), list([], "2026-09-02"), "2026-12-01").problems).toEqual([]);
  });

  test("the real lock file has no unaccepted known vulnerability", () => {
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
    const advisories = JSON.parse(readFileSync(join(root, "security/advisories.json"), "utf8"));
    expect(findings(lock, advisories, new Date().toISOString().slice(0, 10)).problems).toEqual([]);
  });
});

test("single fetch stays off: the turbo-stream acceptance in security/advisories.json depends on it", () => {
  expect((remixConfig as { future: Record<string, boolean> }).future.v3_singleFetch).toBe(false);
});
