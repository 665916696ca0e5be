/**
 * How heavy the large plan's long pages are (not a test; docs/benchmarks.md): raw HTML bytes, the
 * loader data inlined for hydration, forms and buttons, on the built server. `npm run build` first.
 * BENCH_PORT sets the port.
 */
import { spawn } from "node:child_process";
import { gzipSync } from "node:zlib";
import { demoDatabase } from "./demo";
import { makePlanLarge } from "./large-plans";

const PORT = Number(process.env.BENCH_PORT ?? 3214);
const base = `http://127.0.0.1:${PORT}`;
const { path, db, today, youth, plan, record } = await demoDatabase("weight");
const { firstGoalId } = makePlanLarge(db, plan.id, youth.id, today, { events: 200, comments: 10 });
db.$client.close();

const server = spawn("sh", ["scripts/serve.sh"], {
  env: { ...process.env, PORT: String(PORT), DATABASE_PATH: path, SEED_DEMO: "0", COOKIE_SECURE: "0" },
  stdio: "ignore",
});
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      if (i > 240) throw new Error("server did not start");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const login = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, "Sec-Fetch-Site": "same-origin" },
    body: new URLSearchParams({ email: "youth.transition@demo.test", password: "tilts-demo-parole", redirectTo: "/" }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  console.log("page                     raw KB   gzip KB  loader data KB  <form  <button");
  for (const [name, pathname] of [
    ["domain page (housing)", `/plan/${record.id}/housing`],
    ["plan overview", `/plan/${record.id}`],
    ["goal page", `/plan/${record.id}/goals/${firstGoalId}`],
    ["skills", `/plan/${record.id}/skills`],
    ["history", `/plan/${record.id}/history`],
    ["documents", `/plan/${record.id}/documents`],
  ] as const) {
    const html = await (await fetch(`${base}${pathname}`, { headers: { Cookie: cookie } })).text();
    if (process.env.PAGE_WEIGHT_DUMP) (await import("node:fs")).writeFileSync(`${process.env.PAGE_WEIGHT_DUMP}/${name.split(" ")[0]}.html`, html);
    const raw = Buffer.byteLength(html);
    const context = /<script[^>]*>window\.__remixContext = ([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    const count = (re: RegExp) => (html.match(re) ?? []).length;
    console.log(
      `${name.padEnd(24)} ${(raw / 1024).toFixed(1).padStart(6)}  ${(gzipSync(html).length / 1024).toFixed(1).padStart(8)}  ${(Buffer.byteLength(context) / 1024).toFixed(1).padStart(14)}  ${String(count(/<form/g)).padStart(5)}  ${String(count(/<button/g)).padStart(7)}`,
    );
  }
} finally {
  server.kill();
}
