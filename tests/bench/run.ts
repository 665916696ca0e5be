/**
 * Benchmarks (not tests): starts the built server on a fresh demo database and prints
 *  - page weight per page: HTML, CSS and JavaScript, gzip bytes (DESIGN.md budgets: JS ≤ 120 KB, HTML+CSS ≤ 30 KB);
 *  - server time per page: median and p95 over sequential requests from one client.
 * Run `npm run build` first, then `npm run bench`.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://localhost:${PORT}`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start");
}

async function login(email: string): Promise<string> {
  const response = await fetch(`${BASE}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE, "Sec-Fetch-Site": "same-origin" },
    body: new URLSearchParams({ email, password: "tilts-demo-parole", redirectTo: "/" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`login failed for ${email}: ${response.status}`);
  return cookie;
}

const gz = (text: string | Uint8Array) => gzipSync(text).length;

async function pageWeight(path: string, cookie?: string) {
  const html = await (await fetch(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} })).text();
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+)"/g)].map((m) => m[1]!);
  const inline = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  let js = 0;
  for (const src of new Set(scripts)) js += gz(new Uint8Array(await (await fetch(`${BASE}${src}`)).arrayBuffer()));
  let css = 0;
  for (const href of new Set(styles)) css += gz(new Uint8Array(await (await fetch(`${BASE}${href}`)).arrayBuffer()));
  // Inline scripts are mostly data (loader data with the page's translations), already inside the HTML.
  return { html: gz(html), inline: gz(inline), css, js, files: new Set(scripts).size };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function serverTime(path: string, cookie?: string) {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const response = await fetch(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
    await response.arrayBuffer();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

const dir = mkdtempSync(join(tmpdir(), "tilts-bench-"));
const server = spawn("npm", ["run", "serve"], {
  env: { ...process.env, PORT: String(PORT), DATABASE_PATH: join(dir, "bench.sqlite") },
  stdio: "ignore",
  detached: true,
});
try {
  await waitForServer();
  const pages: Array<[string, string, string | undefined]> = [
    ["login", "/login", undefined],
    ["young person's home", "/", await login("youth.transition@demo.test")],
    ["specialist's home", "/", await login("specialist@demo.test")],
    ["mentor's home", "/", await login("mentor@demo.test")],
  ];
  const youthCookie = pages[1]![2];
  const planPath = (await (await fetch(`${BASE}/`, { headers: { Cookie: youthCookie! } })).text()).match(/href="(\/plan\/[^"/]+)"/)?.[1];
  if (planPath) {
    pages.push(["plan overview", planPath, youthCookie], ["domain page", `${planPath}/housing`, youthCookie], ["skills page", `${planPath}/skills`, youthCookie]);
  }
  console.log("page                       HTML gz (inline data)   CSS gz  JS files gz  files   median ms   p95 ms");
  for (const [name, path, cookie] of pages) {
    const weight = await pageWeight(path, cookie);
    await serverTime(path, cookie); // warm up
    const time = await serverTime(path, cookie);
    console.log(
      `${name.padEnd(24)} ${String(weight.html).padStart(8)} ${`(${weight.inline})`.padStart(14)} ${String(weight.css).padStart(8)} ${String(weight.js).padStart(12)} ${String(weight.files).padStart(6)} ${time.median.toFixed(2).padStart(11)} ${time.p95.toFixed(2).padStart(8)}`,
    );
  }
  console.log(`(${ROUNDS} sequential requests per page after a warm-up; bytes are gzip -6)`);
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}
