/**
 * `npm run mutate`: the mutation runs of the pure rules (tests/stryker.config.mjs, app/domain against the
 * unit tests) and of the access guards (tests/stryker.guards.config.mjs, against their integration tests),
 * one after the other. Arguments go to Stryker; `--mutate <file>` runs only the config that covers it:
 *   npm run mutate -- --mutate app/domain/policy.ts
 *   npm run mutate -- --mutate app/utils/authz.server.ts
 *   npm run mutate -- --force            (retest every mutant, not only what changed)
 * Both keep their results in tests/mutation/ (incremental), so a rerun tests only what changed.
 */
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const at = args.findIndex((a) => a === "--mutate" || a === "-m" || a.startsWith("--mutate="));
const target = at < 0 ? null : args[at].startsWith("--mutate=") ? args[at].slice("--mutate=".length) : (args[at + 1] ?? "");
const configs = [
  { file: "tests/stryker.config.mjs", covers: (path) => path.startsWith("app/domain/") },
  { file: "tests/stryker.guards.config.mjs", covers: (path) => path.startsWith("app/utils/") },
];
const chosen = target === null ? configs : configs.filter((c) => target.split(",").some((p) => c.covers(p.trim())));
if (chosen.length === 0) {
  console.error(`Nothing to mutate: ${target} is neither in app/domain/ nor one of the guards in app/utils/.`);
  process.exit(2);
}
for (const config of chosen) {
  const run = spawnSync("npx", ["stryker", "run", config.file, ...args], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
