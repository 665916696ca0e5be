/**
 * The built server as a process (app/server.ts, started by scripts/serve.sh the way production starts it):
 * what happens at start and at SIGTERM, seen from outside (issue 15, items 6 and the probe's findings):
 *   - at start, ended sessions are deleted from the database (not only by the hourly timer);
 *   - without PUBLIC_URL, it says at start that links are built from the request's Host header;
 *     with PUBLIC_URL, a forged Host never reaches the secret calendar link;
 *   - SIGTERM with a stalled upload in flight: the process ends at the deadline anyway (exit 1), closes
 *     the database (the WAL is checkpointed and removed) and removes its pid file;
 *   - SIGTERM when idle (a kept-alive connection open): it ends at once with exit 0.
 */
import { existsSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect, type Socket } from "node:net";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { STAFF_SESSION } from "~/domain/session-policy";
import { serverPidFile } from "../../db/backups";
import { startServer } from "../tools/built-server";
import { freshDatabase, sessionCookieFor, sessionIdOf } from "../helpers/db";
import { built, freePort } from "../helpers/live-server";
import { closeDb } from "~/utils/db.server";

/** app/server.ts's SHUTDOWN_DEADLINE_MS. */
const DEADLINE_MS = 10_000;

async function databaseWithSessions() {
  await freshDatabase();
  const now = Date.now();
  const ended = sessionIdOf(
    sessionCookieFor("specialist@demo.test", { createdAt: now - STAFF_SESSION.idleMs - 60_000, lastSeenAt: now - STAFF_SESSION.idleMs - 1 }),
  );
  const live = sessionCookieFor("mentor@demo.test");
  const path = process.env.DATABASE_PATH!;
  // The test's own connection is closed: the server's are the only ones, as in production.
  closeDb();
  return { path, ended, live };
}

function sessionExists(path: string, id: string): boolean {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT 1 FROM sessions WHERE id = ?").get(id) !== undefined;
  } finally {
    db.close();
  }
}

/** A request with any Host header (fetch cannot forge one). */
function withHost(baseUrl: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname: url.hostname, port: url.port, path: url.pathname, method: body === undefined ? "GET" : "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A login post from our own page, as a browser sends it through a proxy that rewrote Host to its upstream. */
const throughProxy = (baseUrl: string, origin: string) =>
  withHost(
    baseUrl,
    "/login",
    { Host: "127.0.0.1:3000", "Sec-Fetch-Site": "same-origin", Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    "email=nobody%40demo.test&password=wrong",
  );

function openSocket(baseUrl: string): Promise<Socket> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.on("error", reject);
  });
}

describe.skipIf(!built())("the built server's start and shutdown", () => {
  test("at start it deletes ended sessions and, without PUBLIC_URL, says links follow the Host header; SIGTERM ends a stalled upload at the deadline and closes the database", async () => {
    const { path, ended, live } = await databaseWithSessions();
    expect(sessionExists(path, ended)).toBe(true);
    const env: Record<string, string> = { TILTS_LOG_REQUESTS: "0", PUBLIC_URL: "" };
    const server = await startServer({ port: await freePort(), databasePath: path, env });
    try {
      expect(sessionExists(path, ended), "an ended session is deleted at start").toBe(false);
      expect(sessionExists(path, live.split("=")[1]!)).toBe(true);
      expect(server.output()).toMatch(/PUBLIC_URL is not set/);
      // Our cross-site check decides; Remix's own (Origin against Host) must not turn this into a 500.
      expect((await throughProxy(server.baseUrl, "https://tilts.example.lv")).status).toBe(400);
      // A Host header that is no host is the client's mistake: 400, not 500.
      for (const host of ["a b", "[::1"]) expect((await withHost(server.baseUrl, "/login", { Host: host })).status, host).toBe(400);
      expect(server.output()).not.toMatch(/\n\s+at \S/);

      // An upload that stalls: same-origin, so it gets past the cross-site check into the login action,
      // which waits for a body that never comes.
      const socket = await openSocket(server.baseUrl);
      socket.on("error", () => {});
      socket.write(
        `POST /login HTTP/1.1\r\nHost: ${new URL(server.baseUrl).host}\r\nSec-Fetch-Site: same-origin\r\n` +
          `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nemail=a`,
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(existsSync(serverPidFile(path))).toBe(true);

      const signalled = Date.now();
      server.child.kill("SIGTERM");
      const code = await server.exited;
      const took = Date.now() - signalled;
      socket.destroy();
      expect(code, server.output()).toBe("1");
      expect(server.output()).toMatch(/shutdown deadline passed/);
      expect(took).toBeGreaterThanOrEqual(DEADLINE_MS - 500);
      expect(took).toBeLessThan(DEADLINE_MS + 15_000);
      // Closed: the last connection checkpointed the WAL into the file and removed it; no pid file left.
      expect(existsSync(`${path}-wal`), "WAL removed by a clean close").toBe(false);
      expect(existsSync(serverPidFile(path))).toBe(false);
      const db = new Database(path, { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
    } finally {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
    }
  }, 120_000);

  test("with PUBLIC_URL a forged Host never reaches the calendar link, and an idle SIGTERM ends at once with 0", async () => {
    const { path, live } = await databaseWithSessions();
    const server = await startServer({ port: await freePort(), databasePath: path, env: { TILTS_LOG_REQUESTS: "0", PUBLIC_URL: "https://tilts.example.lv" } });
    try {
      expect(server.output()).not.toMatch(/PUBLIC_URL is not set/);
      expect((await throughProxy(server.baseUrl, "https://tilts.example.lv")).status).toBe(400);
      expect((await throughProxy(server.baseUrl, "https://evil.example")).status).toBe(400);
      const made = await fetch(`${server.baseUrl}/calendar`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: live, Origin: "https://tilts.example.lv", "Content-Type": "application/x-www-form-urlencoded" },
        body: "intent=newLink",
      });
      expect(made.status, server.output()).toBe(302);
      const shownOnce = made.headers.get("Set-Cookie")!.split(";")[0]!;
      const page = await withHost(server.baseUrl, "/calendar", { Host: "evil.example", Cookie: `${live}; ${shownOnce}`, "Accept-Encoding": "identity" });
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/webcal:\/\/tilts\.example\.lv\/feeds\/[A-Za-z0-9_-]+\/tilts\.ics/);
      expect(page.text).not.toContain("evil.example");

      // A kept-alive connection that is idle does not hold the shutdown.
      const socket = await openSocket(server.baseUrl);
      socket.on("error", () => {});
      socket.write(`GET /healthz HTTP/1.1\r\nHost: ${new URL(server.baseUrl).host}\r\n\r\n`);
      await new Promise((r) => setTimeout(r, 500));
      const signalled = Date.now();
      server.child.kill("SIGTERM");
      expect(await server.exited, server.output()).toBe("0");
      expect(Date.now() - signalled).toBeLessThan(DEADLINE_MS - 1_000);
      socket.destroy();
      expect(existsSync(`${path}-wal`)).toBe(false);
      expect(existsSync(serverPidFile(path))).toBe(false);
    } finally {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
    }
  }, 120_000);
});
