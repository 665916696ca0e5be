/**
 * The built Tilts server as its own process, for the crash and load runs (tests/tools/*.ts): started the
 * way production starts it, on a port and database of the run's own, and stopped (or killed) by its pid.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Resolves with the exit code or signal when the process has ended. */
  exited: Promise<string>;
  output: () => string;
}

/** What `npm run serve` runs: scripts/serve.sh execs node on build/server.js, so the pid is node's. */
function serverCommand(): string[] {
  return ["sh", join(ROOT, "scripts/serve.sh")];
}

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, "build/index.js")) || !existsSync(join(ROOT, "build/server.js"))) {
    console.error("build/index.js is missing: run `npm run build` first.");
    process.exit(2);
  }
}

export async function startServer(options: { port: number; databasePath: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const [command, ...args] = serverCommand();
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      COOKIE_SECURE: "0",
      SEED_DEMO: "0",
      ...options.env,
      PORT: String(options.port),
      DATABASE_PATH: options.databasePath,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log = (log + d).slice(-20_000)));
  child.stderr!.on("data", (d) => (log = (log + d).slice(-20_000)));
  const exited = new Promise<string>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? String(code))));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server ended while starting:\n${log}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) {
      child.kill("SIGKILL");
      throw new Error(`the server did not answer /healthz within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, pid: child.pid!, baseUrl, exited, output: () => log };
}

/** Resident memory of a process in MB (Linux /proc), or NaN. */
export async function rssMb(pid: number): Promise<number> {
  try {
    const { readFileSync } = await import("node:fs");
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
