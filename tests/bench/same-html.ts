/**
 * Same HTML before and after a server-side optimisation (not a test; issue 9, decision 029):
 * `npx tsx tests/bench/same-html.ts <dir> [<dir> ...]` makes one large-plan demo database (the page
 * benchmark's), and for each directory (a checkout with a built `build/server.js`, e.g. one exported
 * from `git archive`) starts that server on a copy of it, logs in as the young person, the mentor, the
 * specialist and the lead and fetches the benchmark's pages and a few more in lv, en and ru. It prints
 * the pages whose HTML differs from the first directory's (the CSP nonce masked) and exits 1 if any did.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { largePlansDatabase, loginCookie, request, untilHealthy } from "./built-server";

const PORT = Number(process.env.BENCH_PORT ?? 3214);
const dirs = process.argv.slice(2).map((d) => resolve(d));
if (dirs.length < 2) throw new Error("usage: same-html.ts <dir> <dir> ...");

const { path, record, firstGoalId, martaRecord } = await largePlansDatabase("same-html");
const get = (pathname: string, options?: http.RequestOptions) => request(PORT, pathname, options);

const plan_ = `/plan/${record.id}`;
const martaPlanPath = `/plan/${martaRecord.id}`;
const pagesOf: Record<string, string[]> = {
  "youth.transition@demo.test": [
    "/",
    plan_,
    `${plan_}/housing`,
    `${plan_}/education`,
    `${plan_}/goals/${firstGoalId}`,
    `${plan_}/readiness`,
    `${plan_}/skills`,
    `${plan_}/documents`,
    `${plan_}/history`,
    `${plan_}/sharing`,
    "/notifications",
    "/calendar",
    "/account",
  ],
  "mentor@demo.test": ["/", plan_, `${plan_}/housing`, martaPlanPath, `${martaPlanPath}/health`, "/notifications"],
  "specialist@demo.test": ["/", plan_, `${plan_}/housing`, `${plan_}/goals/${firstGoalId}`, martaPlanPath, "/notifications"],
  "lead@demo.test": ["/", "/notifications"],
};

/** The CSP nonce, the forms' one-time tokens and the build's file hashes (the same sources built in two places hash differently). */
function masked(html: string): string {
  return (
    html
      .replace(/nonce="[^"]*"/g, 'nonce=""')
      .replace(/-[A-Z0-9]{8}\.(js|css|json)/g, "-HASH.$1")
      // A locale file's content hash (app/utils/i18n.server.ts) moves when strings are added to its area.
      .replace(/(\/i18n\/[a-z]{2}\/[A-Za-z.]+)\.[0-9a-f]{12}\.json/g, "$1.HASH.json")
      .replace(/"version": ?"[0-9a-f]+"/g, '"version":""')
      .replace(/([tT]oken(?:" value="|":"))[0-9a-f-]{36}/g, "$1TOKEN")
  );
}

const results: Array<Map<string, string>> = [];
for (const dir of dirs) {
  const copy = join(mkdtempSync(join(tmpdir(), "tilts-same-html-")), "db.sqlite");
  copyFileSync(path, copy);
  const server = spawn("node", ["build/server.js"], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), DATABASE_PATH: copy, SEED_DEMO: "0", COOKIE_SECURE: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await untilHealthy(PORT, dir);
    const pages = new Map<string, string>();
    for (const [email, paths] of Object.entries(pagesOf)) {
      const cookie = await loginCookie(PORT, email);
      for (const lng of ["lv", "en", "ru"]) {
        for (const p of paths) {
          const url = `${p}${p.includes("?") ? "&" : "?"}lng=${lng}`;
          const reply = await get(url, { headers: { Cookie: cookie } });
          pages.set(`${email} ${url}`, `${reply.status}\n${masked(reply.text)}`);
        }
      }
      await get(`/?lng=lv`, { headers: { Cookie: cookie } });
    }
    results.push(pages);
    // SAME_HTML_SAVE=<dir>: the first build's pages as files (e.g. for measuring compression on them).
    if (process.env.SAME_HTML_SAVE && results.length === 1) {
      mkdirSync(process.env.SAME_HTML_SAVE, { recursive: true });
      for (const [i, html] of [...pages.values()].entries()) writeFileSync(join(process.env.SAME_HTML_SAVE, `${i}.html`), html);
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.on("exit", r));
  }
}

let differing = 0;
const [first, ...others] = results;
for (const [i, other] of others.entries()) {
  for (const [key, html] of first!) {
    const theirs = other.get(key);
    if (theirs === html) continue;
    differing++;
    let at = 0;
    while (at < html.length && html[at] === theirs?.[at]) at++;
    console.log(`DIFFERENT in ${dirs[i + 1]}: ${key} (${html.length} vs ${theirs?.length} chars) at ${at}:`);
    console.log(`  ${JSON.stringify(html.slice(Math.max(0, at - 80), at + 120))}`);
    console.log(`  ${JSON.stringify(theirs?.slice(Math.max(0, at - 80), at + 120))}`);
  }
}
console.log(`${first!.size} pages × ${dirs.length} builds; ${differing} different`);
if (differing) process.exitCode = 1;
