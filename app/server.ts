/**
 * The production HTTP server (docs/decisions/006-own-express-server.md): remix-serve's set-up (compression,
 * static files, request log) plus what it cannot do — refuse cross-site state-changing requests with a 403
 * before Remix answers them with an empty 500, and hand loaders the client's address for rate limits.
 * Run with `tsx app/server.ts` after `remix build`.
 */
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isSameOrigin, redactSecrets } from "./utils/security.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The TCP peer's address (the proxy's, behind one: see clientAddress()). */
    clientAddress?: string | null;
  }
}

installGlobals();

const build = (await import(pathToFileURL(resolve("build/index.js")).href)) as ServerBuild;
const port = Number(process.env.PORT) || 3000;

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY === "1") app.set("trust proxy", true);
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
// The secret in an invitation, reset or feed link never reaches the log.
morgan.token("url", (req: express.Request) => redactSecrets(req.originalUrl ?? req.url));
app.use(morgan("tiny"));

// Every state-changing request, for every route, before Remix sees it.
app.use((req, res, next) => {
  if (isSameOrigin(req.method, (name) => req.get(name))) return next();
  res.status(403).set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).send("Cross-site request refused.");
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientAddress: req.socket.remoteAddress ?? null }),
  }),
);

// Errors Express meets before Remix (a path that is not valid UTF-8, "%ff"): a short 400 or 500 and one
// log line, never a stack trace in the response or a stack per probe in the log.
app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
  if (res.headersSent) return next(error);
  const badRequest = error instanceof URIError || (error as { status?: number } | null)?.status === 400;
  console.error(`${req.method} ${redactSecrets(req.originalUrl).slice(0, 200)}: ${error instanceof Error ? error.message : String(error)}`);
  res
    .status(badRequest ? 400 : 500)
    .set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" })
    .send(badRequest ? "Bad request." : "Something went wrong.");
});

const server = app.listen(port, process.env.HOST ?? "0.0.0.0", () => {
  console.log(`Tilts is listening on http://localhost:${port}`);
});
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
