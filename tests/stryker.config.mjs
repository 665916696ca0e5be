/**
 * Mutation testing (`npm run mutate`): Stryker changes the pure rules and the access guards one small
 * edit at a time and runs the tests that cover each edit; a mutant that no test notices is a rule no
 * test really checks. The report is written to tests/.tmp/mutation/. Slow on two cores (tens of
 * minutes): not part of `npm test`. `npm run mutate -- --mutate app/domain/policy.ts` checks one file.
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
    "app/utils/authz.server.ts",
    "app/utils/plan-access.server.ts",
  ],
  // Not copied into the sandbox: earlier runs' sandboxes and reports (thousands of files).
  ignorePatterns: ["/tests/.tmp"],
  coverageAnalysis: "perTest",
  // One test runner: the machine is shared (`--concurrency 2` on a quiet one). Incremental: a rerun
  // tests only the mutants whose code or covering tests changed since the last run.
  concurrency: 1,
  incremental: true,
  incrementalFile: "tests/.tmp/mutation/stryker-incremental.json",
  timeoutMS: 30_000,
  timeoutFactor: 3,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "tests/.tmp/mutation/index.html" },
  jsonReporter: { fileName: "tests/.tmp/mutation/report.json" },
  tempDirName: "tests/.tmp/stryker",
  cleanTempDir: "always",
  thresholds: { high: 85, low: 70, break: null },
};
