/**
 * What compressing a document costs at each gzip level and brotli quality (not a test; issue 9,
 * decision 040): `npx tsx tests/bench/compression-levels.ts`. Starts the built server on the page
 * benchmark's large-plan database, fetches the benchmark's pages uncompressed, then compresses each
 * document in-process (one `gzipSync` / `brotliCompressSync` per call, as the server does once per
 * document) and prints the median CPU µs per call (process.cpuUsage, so the machine's load barely moves
 * it) and the bytes. Run `npm run build` first.
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { benchPages, largePlansDatabase, loginCookie, request, untilHealthy } from "./built-server";

const PORT = Number(process.env.BENCH_PORT ?? 3219);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const { path, youth, record, firstGoalId } = await largePlansDatabase("compression");
const server = spawn("node", ["build/server.js"], {
  env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), DATABASE_PATH: path, SEED_DEMO: "0", COOKIE_SECURE: "0", TILTS_BENCH_BARE: "1" },
  stdio: ["ignore", "ignore", "inherit"],
});
const documents: Array<[string, Buffer]> = [];
try {
  await untilHealthy(PORT);
  const cookies = {
    youth: await loginCookie(PORT, youth.email),
    mentor: await loginCookie(PORT, "mentor@demo.test"),
    specialist: await loginCookie(PORT, "specialist@demo.test"),
  };
  const pages = benchPages(record.id, firstGoalId, cookies).filter(([, pathname]) => pathname !== "/healthz");
  for (const [name, pathname, cookie] of pages) {
    const reply = await request(PORT, pathname, { headers: { ...(cookie ? { Cookie: cookie } : {}), "Accept-Encoding": "identity" } });
    if (reply.status !== 200) throw new Error(`${name}: ${reply.status}`);
    documents.push([name, Buffer.from(reply.text)]);
  }
} finally {
  server.kill("SIGTERM");
}

const codecs: Array<[string, (b: Buffer) => Buffer]> = [
  ...[1, 2, 3, 4, 5, 6, 9].map((level): [string, (b: Buffer) => Buffer] => [`gzip ${level}`, (b) => gzipSync(b, { level })]),
  ...[1, 2, 3, 4, 5].map((quality): [string, (b: Buffer) => Buffer] => [
    `br ${quality}`,
    (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }),
  ]),
];
/** Median CPU µs of one call, over ROUNDS rounds of calls that take ≥ 20 ms each. */
function cpuMicros(compress: (b: Buffer) => Buffer, doc: Buffer): number {
  for (let i = 0; i < 5; i++) compress(doc);
  const start = process.cpuUsage();
  let calls = 0;
  while (process.cpuUsage(start).user < 20_000) {
    compress(doc);
    calls++;
  }
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const before = process.cpuUsage();
    for (let i = 0; i < calls; i++) compress(doc);
    const used = process.cpuUsage(before);
    rounds.push((used.user + used.system) / calls);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!;
}

console.log(`load average ${loadavg()[0]!.toFixed(1)}; median CPU µs per document / KB out (raw KB in the heading)`);
console.log(["codec".padEnd(8), ...documents.map(([name, doc]) => `${name.slice(0, 16)} ${(doc.length / 1024).toFixed(1)}`.padStart(24))].join(""));
for (const [codec, compress] of codecs) {
  const cells = documents.map(([, doc]) => `${cpuMicros(compress, doc).toFixed(0)} µs ${(compress(doc).length / 1024).toFixed(1)} KB`.padStart(24));
  console.log([codec.padEnd(8), ...cells].join(""));
}
