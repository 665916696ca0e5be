/**
 * What the HTTP server itself does, seen over real sockets against the built server: request-body limits,
 * early answers that close the connection (so an unread body is never parsed as the next request),
 * security headers on every kind of response, and no stack traces in the log for unknown URLs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { get } from "node:http";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { E2E_BASE_URL, expect, test } from "./helpers";

const { hostname, port } = new URL(E2E_BASE_URL);
const LOG = fileURLToPath(new URL("../.tmp/e2e-server.log", import.meta.url));

/** Sends raw bytes on one connection and collects everything until the server closes it (or a timeout). */
function rawExchange(chunks: Array<string | Buffer>, { waitMs = 15_000 } = {}): Promise<{ text: string; closed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let text = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closed: false, ms: Date.now() - started });
    }, waitMs);
    socket.on("connect", () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    socket.on("data", (data) => (text += data.toString("utf8")));
    socket.on("error", (error) => {
      // A reset after the server answered and closed is fine; before any answer it is not.
      if (text) return;
      clearTimeout(timer);
      reject(error);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ text, closed: true, ms: Date.now() - started });
    });
  });
}

const host = `${hostname}:${port}`;

test("a body declared over 1 MB is refused with 413 before it is read, and the connection closes", async () => {
  const { text, closed } = await rawExchange([
    `POST /login HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`,
    "email=a%40b.c&password=",
  ]);
  expect(text).toMatch(/^HTTP\/1\.1 413 /);
  expect(text).toMatch(/\r\nconnection: close\r\n/i);
  expect(text).toContain("The text you sent is too long.");
  expect(text.length).toBeLessThan(2000);
  expect(closed).toBe(true);
});

test("a chunked body without a length is refused with 411", async () => {
  const { text } = await rawExchange([
    `POST /login HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`,
    "5\r\nemail\r\n",
  ]);
  expect(text).toMatch(/^HTTP\/1\.1 411 /);
});

test("after an early answer to a POST whose body has not arrived, the connection closes at once (no hang)", async () => {
  // A cross-site POST is refused before its body is read; the body is still on its way.
  const body = "comment=" + "x".repeat(200_000);
  const { text, closed, ms } = await rawExchange([
    `POST /login HTTP/1.1\r\nHost: ${host}\r\nOrigin: https://evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`,
    body.slice(0, 10),
  ]);
  expect(text).toMatch(/^HTTP\/1\.1 403 /);
  expect(text).toMatch(/\r\nconnection: close\r\n/i);
  expect(closed).toBe(true);
  expect(ms).toBeLessThan(5_000);
});

test("a normal keep-alive connection still serves two requests", async () => {
  const { text } = await rawExchange([`GET /healthz HTTP/1.1\r\nHost: ${host}\r\n\r\nGET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`], {
    waitMs: 10_000,
  });
  expect(text.match(/HTTP\/1\.1 200 /g)).toHaveLength(2);
});

test("every kind of response carries the security headers, once each", async ({ request }) => {
  const responses = {
    "static file": await request.get("/favicon.svg"),
    health: await request.get("/healthz"),
    redirect: await request.get("/", { maxRedirects: 0 }),
    "unknown page": await request.get("/no-such-page-here"),
    "unknown feed": await request.get("/feeds/not-a-token/tilts.ics"),
    "bad path": await request.get("/feeds/%ff/tilts.ics"),
    "cross-site refusal": await request.post("/login", { headers: { Origin: "https://evil.example" }, form: { email: "a" } }),
  };
  for (const [what, response] of Object.entries(responses)) {
    const headers = response.headers();
    expect(headers["x-content-type-options"], what).toBe("nosniff");
    expect(headers["x-frame-options"], what).toBe("DENY");
    expect(headers["referrer-policy"], what).toBe("same-origin");
    expect(headers["cross-origin-opener-policy"], what).toBe("same-origin");
    expect(headers["cache-control"], what).toBeTruthy();
  }
  // Static files keep their own caching; pages stay no-store.
  expect(responses["static file"].headers()["cache-control"]).toContain("max-age=3600");
  expect(responses["unknown page"].headers()["cache-control"]).toBe("no-store");
});

test("an unknown URL leaves one request line in the log, not a stack trace", async ({ request }) => {
  const path = `/no-such-page-${Date.now()}`;
  expect((await request.get(path)).status()).toBe(404);
  await expect.poll(() => readFileSync(LOG, "utf8").includes(path), { timeout: 5_000 }).toBe(true);
  const log = readFileSync(LOG, "utf8");
  const around = log.slice(Math.max(0, log.indexOf(path) - 2000), log.indexOf(path) + 2000);
  expect(around).not.toMatch(/No route matches URL|\n\s+at \S/);
});

test("public files are served from the list made at start-up; any other path is a page, never a file from disk", async ({ request }) => {
  for (const path of ["/favicon.svg", "/manifest.webmanifest"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toContain("max-age=3600");
  }
  const asset = await request.get("/build/manifest-does-not-exist.js");
  expect(asset.status()).toBe(404);
  for (const path of ["/package.json", "/%2e%2e/package.json", "/public/favicon.svg", "/favicon.svg/"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["content-type"] ?? "", path).not.toContain("application/json");
    expect(await response.text(), path).not.toContain('"name": "tilts"');
  }
});

/** One GET with the given Accept-Encoding; the raw (still encoded) body and the headers. */
function rawGet(path: string, acceptEncoding?: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { "Accept-Encoding": acceptEncoding };
    get({ hostname, port: Number(port), path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

test("the client build's files go out as the copies compressed at build time (decision 040)", async () => {
  const folder = fileURLToPath(new URL("../../public/build/", import.meta.url));
  const root = readdirSync(folder).find((name) => /^root-[A-Z0-9]+\.js$/.test(name))!;
  const original = readFileSync(folder + root);
  const path = `/build/${root}`;

  const br = await rawGet(path, "gzip, deflate, br, zstd");
  expect(br.headers["content-encoding"]).toBe("br");
  expect(br.headers["content-type"]).toMatch(/^application\/javascript/);
  expect(br.headers["vary"]).toMatch(/Accept-Encoding/i);
  expect(br.headers["cache-control"]).toContain("immutable");
  expect(br.body.equals(readFileSync(`${folder}${root}.br`))).toBe(true);
  expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

  const gzip = await rawGet(path, "gzip");
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(gunzipSync(gzip.body).equals(original)).toBe(true);

  for (const refused of ["identity", "br;q=0, gzip;q=0", undefined]) {
    const plain = await rawGet(path, refused);
    expect(plain.headers["content-encoding"], String(refused)).toBeUndefined();
    expect(plain.body.equals(original), String(refused)).toBe(true);
  }
  // Documents are still compressed per response (gzip 3 / brotli 2).
  const page = await rawGet("/login", "gzip, br");
  expect(page.headers["content-encoding"]).toBe("br");
  expect(brotliDecompressSync(page.body).toString("utf8")).toContain("</html>");
});
