/**
 * The tests Stryker runs for `npm run mutate`: every unit test (the pure rules) and the integration tests
 * of the access guards. A mutant in a module-level table (the policy's) makes Stryker run all of these,
 * so the slower integration suites stay out.
 */
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/case-access.test.ts", "tests/integration/plan-policy.test.ts"],
  },
});
