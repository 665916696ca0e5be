/** For the benchmarks that time pages over HTTP: start the built server, log in, time a page. */
import { spawn } from "node:child_process";

export function benchServer(port: number, databasePath: string) {
  const base = `http://localhost:${port}`;
  const server = spawn("npm", ["run", "serve"], {
    env: { ...process.env, PORT: String(port), DATABASE_PATH: databasePath, SEED_DEMO: "0" },
    stdio: "ignore",
    detached: true,
  });

  async function ready(): Promise<void> {
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error("server did not start");
  }

  async function login(email: string): Promise<string> {
    const response = await fetch(`${base}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, "Sec-Fetch-Site": "same-origin" },
      body: new URLSearchParams({ email, password: "tilts-demo-parole" }),
    });
    return response.headers.get("set-cookie")!.split(";")[0]!;
  }

  /** Median and p95 of `rounds` sequential requests, after a warm-up run of as many. */
  async function time(pathname: string, rounds: number, cookie?: string) {
    const run = async () => {
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        const response = await fetch(`${base}${pathname}`, { headers: cookie ? { Cookie: cookie } : {} });
        if (!response.ok) throw new Error(`${pathname}: ${response.status}`);
        await response.arrayBuffer();
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b);
    };
    await run();
    const times = await run();
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    return { median: at(0.5), p95: at(0.95) };
  }

  function stop(): void {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }

  return { ready, login, time, stop };
}
