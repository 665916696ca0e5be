/**
 * Playwright's webServer: the built app (`scripts/serve.sh`, what `npm run serve` runs: one node process,
 * as in production) on a fresh database
 * tests/.tmp/e2e.sqlite, which db/setup.ts migrates and seeds with the demo organisation.
 *
 * The server's output (a line per request, and the errors the bad-input tests provoke on purpose) goes
 * to tests/.tmp/e2e-server.log, not into the test report; if the server stops early, its last lines
 * are printed.
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const database = join(root, "tests/.tmp/e2e.sqlite");
const logFile = join(root, "tests/.tmp/e2e-server.log");

if (!existsSync(join(root, "build/index.js")) || !existsSync(join(root, "build/server.js"))) {
  console.error("tests/e2e/start-server.mjs: build/index.js or build/server.js is missing. Run `npm run build` first.");
  process.exit(1);
}

mkdirSync(dirname(database), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(database + suffix, { force: true });

const log = createWriteStream(logFile);
const server = spawn("sh", ["scripts/serve.sh"], {
  cwd: root,
  stdio: ["ignore", "pipe", "pipe"],
  env: { ...process.env, DATABASE_PATH: database, PORT: process.env.PORT ?? "3100" },
});
server.stdout.pipe(log, { end: false });
server.stderr.pipe(log, { end: false });

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    server.kill(signal);
  });
}
server.on("exit", (code, signal) => {
  log.end(() => {
    if (!stopping) {
      const tail = readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
      console.error(`The e2e server stopped (code ${code}, signal ${signal}). Last lines of ${logFile}:\n${tail}`);
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
});
