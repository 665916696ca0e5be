/**
 * The tests Stryker runs over the pure rules (`tests/stryker.config.mjs`): the unit tests only. With
 * `related`, a file's mutants run only the unit tests that import it, and with per-test coverage each
 * mutant runs only the tests that reach it. The access guards have their own run and tests
 * (`tests/vitest.mutate-guards.config.ts`).
 */
import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/unit/**/*.test.{ts,tsx}"],
    // The remembering t() (app/utils, not mutated here) compared with i18next over every key: both sides
    // run the same domain code, so no domain mutant can make them differ, and it is the slowest unit test
    // (17 s at load 20), which every static mutant of a module it imports would pay (decision 037).
    exclude: [...configDefaults.exclude, "tests/unit/t-memo.test.ts"],
    // Instrumented code on a loaded machine: the day-by-day bound checks took over 20 s in a first run.
    testTimeout: 120_000,
    // The day-by-day bound comparisons walk only the days that can tell a wrong bound from a right one
    // (tests/helpers/day-by-day.ts); `npm test` walks every day.
    env: { ...base.test?.env, TILTS_MUTATION: "1" },
  },
});
