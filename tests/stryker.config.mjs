/**
 * Mutation testing of the pure rules (`npm run mutate` runs this, then tests/stryker.guards.config.mjs):
 * Stryker changes app/domain one small edit at a time and runs the tests that reach each edit; a mutant
 * that no test notices is a rule no test really checks. Not part of `npm test`.
 *
 * Fast without being weaker (docs/decisions/033-mutation-runs.md):
 * - only the unit tests (tests/vitest.mutate.config.ts): the domain is pure, its rules are unit tested;
 * - `related`: the first run of a file's mutants loads only the unit tests that import it;
 * - per-test coverage: each mutant runs only the tests that execute its code (a mutant in a module-level
 *   table, a "static" mutant, runs all the related tests);
 * - incremental: the results are kept in the repository (tests/mutation/), so a rerun tests only mutants
 *   whose code or covering tests changed. `npm run mutate -- --mutate app/domain/policy.ts` reruns one
 *   file and keeps the other files' results; `--force` retests everything.
 * One test runner: the machine is shared (add `--concurrency 2` on a quiet one). The report is written to
 * tests/.tmp/mutation/.
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "tests/vitest.mutate.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "app/domain/**/*.ts",
    // Data, not rules: a word list and the catalogue of life skills.
    "!app/domain/common-passwords.ts",
    "!app/domain/life-skills.ts",
  ],
  // Not copied into the sandbox: earlier runs' sandboxes and reports (thousands of files).
  ignorePatterns: ["/tests/.tmp"],
  coverageAnalysis: "perTest",
  concurrency: 1,
  incremental: true,
  incrementalFile: "tests/mutation/domain.json",
  timeoutMS: 30_000,
  // The first run of all related tests took over Stryker's default 5 minutes at load 27.
  dryRunTimeoutMinutes: 30,
  timeoutFactor: 3,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "tests/.tmp/mutation/index.html" },
  jsonReporter: { fileName: "tests/.tmp/mutation/report.json" },
  tempDirName: "tests/.tmp/stryker",
  cleanTempDir: "always",
  thresholds: { high: 85, low: 70, break: null },
};
