/**
 * Mutation testing of the access guards (the second half of `npm run mutate`): app/utils/authz.server.ts
 * and app/utils/plan-access.server.ts against the integration tests that call them on real SQLite
 * (tests/vitest.mutate-guards.config.ts). Same method as tests/stryker.config.mjs, its own results file.
 */
import domain from "./stryker.config.mjs";

export default {
  ...domain,
  vitest: { configFile: "tests/vitest.mutate-guards.config.ts", related: true },
  mutate: ["app/utils/authz.server.ts", "app/utils/plan-access.server.ts"],
  incrementalFile: "tests/mutation/guards.json",
  htmlReporter: { fileName: "tests/.tmp/mutation-guards/index.html" },
  jsonReporter: { fileName: "tests/.tmp/mutation-guards/report.json" },
  tempDirName: "tests/.tmp/stryker-guards",
};
