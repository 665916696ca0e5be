/**
 * The tests Stryker runs over the access guards (`tests/stryker.guards.config.mjs`): the integration
 * tests that call the guards on real SQLite (every case action as every kind of viewer, the plan pages'
 * guard, and the guards' own refusals, sections, intents and reads). The route matrix runs against the built
 * server, which a mutant does not reach.
 */
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/integration/guards.test.ts", "tests/integration/case-access.test.ts", "tests/integration/plan-policy.test.ts"],
  },
});
