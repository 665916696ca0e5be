/**
 * The production HTTP server (docs/decisions/006-own-express-server.md): remix-serve's set-up (compression,
 * static files, request log) plus what it cannot do — refuse cross-site state-changing requests with a 403
 * before Remix answers them with an empty 500, and hand loaders the client's address for rate limits.
 * `npm run build` compiles it to build/server.js; `scripts/serve.sh` runs that as one `node` process
 * (docs/decisions/009-fast-pages.md). It migrates (and seeds an empty demo database) before it listens.
 */
// The adapter's request and response halves (dist/server.js; the package has no exports map), so that a
// finished document is written as one Buffer (app/utils/document-body.server.ts).
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { createRequestHandler, installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { constants as zlibConstants } from "node:zlib";
import { DEFAULT_DATABASE_PATH, openDatabase } from "../db/connection";
import { purgeEndedSessions, SESSION_PURGE_INTERVAL_MS } from "../db/session-purge";
import { serverPidFile } from "../db/backups";
import { baseSecurityHeaders, isSameOrigin, redactSecrets } from "./utils/security.server";
import { publicOrigin } from "./utils/env.server";
import { documentBody } from "./utils/document-body.server";
import { pickPrecompressed } from "./utils/precompressed.server";
import { setUpDatabase } from "../db/setup-database";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The TCP peer's address (the proxy's, behind one: see clientAddress()). */
    clientAddress?: string | null;
  }
}

installGlobals();
await setUpDatabase();

const build = (await import(pathToFileURL(resolve("build/index.js")).href)) as ServerBuild;
const port = Number(process.env.PORT) || 3000;

/** Forms are a few KB (texts are at most 2,000 characters); anything much larger is refused unread. */
const MAX_BODY_BYTES = 1024 * 1024;
const TOO_LARGE = "Sūtītais teksts ir pārāk garš.\nThe text you sent is too long.\nОтправленный текст слишком длинный.\n";
/** After a SIGTERM, requests in flight get this long; then the process ends anyway. */
const SHUTDOWN_DEADLINE_MS = 10_000;

/** The URL paths of the files in a public folder, except Remix's build output (served from /build/). */
function publicFilePaths(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map(
      (entry) =>
        "/" +
        join(entry.parentPath, entry.name)
          .slice(folder.length + 1)
          .split(sep)
          .join("/"),
    )
    .filter((path) => !path.startsWith("/build/"));
}

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY === "1") app.set("trust proxy", true);

// Just before any response's headers go out, whoever wrote it (Remix appends its own headers, so
// these are only added where missing):
// - the security headers, and no-store unless the response chose its caching (static files, feeds);
// - "Connection: close" for an answer written before the request's body has arrived (a refusal, a
//   redirect to the login page): otherwise the unread body would be parsed as the next request.
app.use((req, res, next) => {
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: unknown[]) {
    if (!res.headersSent) {
      for (const [name, value] of baseSecurityHeaders()) if (!res.hasHeader(name)) res.setHeader(name, value);
      if (!res.hasHeader("Cache-Control")) res.setHeader("Cache-Control", "no-store");
      if (!req.complete) res.setHeader("Connection", "close");
    }
    return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
  } as typeof res.writeHead;
  next();
});

// Request bodies: a declared length within the limit, or none (browsers always declare it for forms).
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const declared = req.get("Content-Length");
  if (declared === undefined && req.get("Transfer-Encoding")) {
    res.status(411).set({ "Content-Type": "text/plain; charset=utf-8" }).send("Length required.");
    return;
  }
  if (declared !== undefined && !(Number(declared) <= MAX_BODY_BYTES)) {
    res.status(413).set({ "Content-Type": "text/plain; charset=utf-8" }).send(TOO_LARGE);
    return;
  }
  next();
});

// Memory back when idle (docs/benchmarks.md): V8 keeps the heap a burst of requests grew until it needs
// room again. With --expose-gc (scripts/serve.sh), a full collection 2 s after the last response lets V8
// shrink it and glibc (MALLOC_ARENA_MAX=2) return the freed pages.
const collect = (globalThis as { gc?: () => void }).gc;
if (collect) {
  let idleTimer: NodeJS.Timeout | undefined;
  app.use((_req, res, next) => {
    res.once("finish", () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(collect, 2_000).unref();
    });
    next();
  });
}

// The documents are rendered to one string (entry.server.tsx), so each response is compressed once, at
// gzip level 3 and brotli quality 2 (docs/decisions/040-cheaper-compression.md): about half the CPU of
// zlib's default 6 and the package's brotli 4, for 0–8% more gzip bytes (brotli 2 is still smaller
// than gzip 6).
const COMPRESSION_OPTIONS: compression.CompressionOptions = {
  level: 3,
  brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 2 } },
};
app.use(compression(COMPRESSION_OPTIONS));
// The client build's hashed files go out as the brotli or gzip copy written at build time
// (scripts/precompress-assets.mjs): the smallest bytes, and no compression per request.
const precompressed = new Set(
  publicFilePaths(build.assetsBuildDirectory)
    .filter((path) => path.endsWith(".br"))
    .map((path) => path.slice(0, -3)),
);
app.use(build.publicPath, (req, res, next) => {
  if ((req.method !== "GET" && req.method !== "HEAD") || !precompressed.has(req.path)) return next();
  res.vary("Accept-Encoding");
  const coding = pickPrecompressed(req.get("Accept-Encoding"));
  if (!coding) return next();
  res.type(extname(req.path));
  res.setHeader("Content-Encoding", coding);
  req.url = req.path + (coding === "br" ? ".br" : ".gz");
  next();
});
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
// The other public files, known at start-up: a page request is not first looked up on disk (a stat and
// an error object per request, ~2% of a page's CPU).
const servePublic = express.static("public", { maxAge: "1h" });
const publicFiles = new Set(publicFilePaths("public"));
app.use((req, res, next) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()));
// The secret in an invitation, reset or feed link never reaches the log.
morgan.token("url", (req: express.Request) => redactSecrets(req.originalUrl ?? req.url));
app.use(morgan("tiny"));

// Every state-changing request, for every route, before Remix sees it.
app.use((req, res, next) => {
  if (isSameOrigin(req.method, (name) => req.get(name), req.protocol)) {
    // Decided here (scheme, PUBLIC_URL, Sec-Fetch-Site). Remix 2 checks again, comparing Origin with Host
    // only, and throws a 500 (with a stack in the log) behind a proxy that rewrites Host or when Origin is
    // PUBLIC_URL on another Host: it never sees the Origin this check has accepted.
    delete req.headers.origin;
    return next();
  }
  res.status(403).set({ "Content-Type": "text/plain; charset=utf-8" }).send("Cross-site request refused.");
});

// @remix-run/express's createRequestHandler, except that a document (entry.server.tsx) goes out as one
// Buffer with one `res.end()`: no stream read and no compressor flush after its one chunk. Everything
// else (data requests, resource routes, HEAD, redirects) goes through the adapter's sendRemixResponse.
const handleRemixRequest = createRequestHandler(build, process.env.NODE_ENV);
app.all("*", async (req, res, next) => {
  try {
    const response = await handleRemixRequest(createRemixRequest(req, res), { clientAddress: req.socket.remoteAddress ?? null });
    const body = documentBody(response);
    if (!body) return await sendRemixResponse(res, response);
    res.statusMessage = response.statusText;
    res.status(response.status);
    for (const [key, value] of response.headers.entries()) res.append(key, value);
    res.end(body);
  } catch (error) {
    next(error);
  }
});

// Errors Express meets before Remix (a path that is not valid UTF-8, "%ff"): a short 400 or 500 and one
// log line, never a stack trace in the response or a stack per probe in the log.
app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
  if (res.headersSent) return next(error);
  // A Host header that is no host ("a b", "[::1") fails the URL Remix's adapter builds: the client's fault.
  const { code, status } = (error ?? {}) as { code?: string; status?: number };
  const badRequest = error instanceof URIError || code === "ERR_INVALID_URL" || status === 400;
  console.error(`${req.method} ${redactSecrets(req.originalUrl).slice(0, 200)}: ${error instanceof Error ? error.message : String(error)}`);
  res
    .status(badRequest ? 400 : 500)
    .set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" })
    .send(badRequest ? "Bad request." : "Something went wrong.");
});

const databaseFile = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
// `npm run restore` refuses while this file names a live process (db/backups.ts).
const pidFile = serverPidFile(databaseFile);

// Housekeeping on a connection of its own, outside any request: ended sessions are deleted hourly.
const housekeeping = openDatabase(databaseFile, { migrate: false });
const purgeSessions = () => {
  try {
    const deleted = purgeEndedSessions(housekeeping, Date.now());
    if (deleted > 0) console.log(`sessions: ${deleted} ended sessions deleted`);
  } catch (error) {
    console.error(`sessions: purge failed: ${error instanceof Error ? error.message : String(error)}`);
  }
};
purgeSessions();
setInterval(purgeSessions, SESSION_PURGE_INTERVAL_MS).unref();
const server = app.listen(port, process.env.HOST ?? "0.0.0.0", () => {
  writeFileSync(pidFile, String(process.pid));
  console.log(`Tilts is listening on http://localhost:${port}`);
  if (!publicOrigin()) console.log("PUBLIC_URL is not set: calendar links are built from each request's Host header (README: Configuration).");
});

/**
 * Graceful shutdown: stop accepting, let requests in flight finish (idle keep-alive connections are
 * closed at once), close the database (a clean WAL checkpoint), exit; after the deadline, exit anyway.
 */
function shutDown(signal: string): void {
  console.log(`${signal}: finishing requests in flight (at most ${SHUTDOWN_DEADLINE_MS / 1000} s)`);
  const finish = (code: number) => {
    try {
      globalThis.__tiltsDb?.db.$client.close();
      housekeeping.$client.close();
      rmSync(pidFile, { force: true });
    } catch (error) {
      console.error(`closing the database: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(code);
  };
  setTimeout(() => {
    console.error("shutdown deadline passed: ending the remaining connections");
    server.closeAllConnections();
    finish(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  server.close(() => finish(0));
  server.closeIdleConnections();
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => shutDown(signal));
