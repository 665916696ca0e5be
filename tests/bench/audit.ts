/**
 * Benchmark (not a test) for the audit log: `audit:verify` over 5 million entries (AUDIT_ROWS to change
 * it), and the cost of one append when the log is that large. Prints numbers.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditHashInput, verifyAuditChain } from "~/domain/audit-chain";
import { openDatabase } from "../../db/connection";

const ROWS = Number(process.env.AUDIT_ROWS ?? 5_000_000);
const dir = mkdtempSync(join(tmpdir(), "tilts-bench-audit-"));
const path = join(dir, "audit.sqlite");
process.env.DATABASE_PATH = path;
const db = openDatabase(path);
const client = db.$client;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// A national-scale log: 10,000 records, 2,000 staff, reads and changes over five years.
const people = Array.from({ length: 10_000 }, () => randomUUID());
const staff = Array.from({ length: 2_000 }, () => randomUUID());
const parts = ["overview", "housing", "health", "history", "mentoring", "goal"];
const insert = client.prepare(
  "INSERT INTO audit_log (seq, at, actor_id, actor_role, young_person_id, kind, part, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
);
let previous = "";
const start = Date.now() - 5 * 365 * 86_400_000;
const filling = performance.now();
const BATCH = 100_000;
for (let from = 0; from < ROWS; from += BATCH) {
  client.transaction(() => {
    for (let i = from; i < Math.min(ROWS, from + BATCH); i++) {
      const row = {
        at: start + i * 30,
        actorId: staff[i % staff.length]!,
        actorRole: i % 3 === 0 ? "mentor" : "specialist",
        youngPersonId: people[(i * 7) % people.length]!,
        kind: i % 10 === 0 ? "change" : "read",
        part: parts[i % parts.length]!,
      };
      const hash = sha256(auditHashInput(previous, row));
      insert.run(i + 1, row.at, row.actorId, row.actorRole, row.youngPersonId, row.kind, row.part, previous, hash);
      previous = hash;
    }
  })();
}
const filled = performance.now() - filling;
client.pragma("wal_checkpoint(TRUNCATE)");
console.log(`audit log: ${ROWS.toLocaleString("en")} entries written in ${(filled / 1000).toFixed(1)} s; file ${(statSync(path).size / 1e6).toFixed(0)} MB`);

// One append as the app does it (one prepared INSERT that reads the last hash), with the log this large.
const { appendAudit } = await import("~/models/audit.server");
const times: number[] = [];
for (let i = 0; i < 5_000; i++) {
  const t0 = performance.now();
  appendAudit({ actorId: staff[i % staff.length]!, actorRole: "mentor", youngPersonId: people[i % people.length]!, kind: "read", part: "overview" });
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.floor(p * (times.length - 1))]!;
console.log(`one read appended (5,000 in a row, on the read connection): median ${(at(0.5) * 1000).toFixed(0)} µs, p95 ${(at(0.95) * 1000).toFixed(0)} µs`);

const verifying = performance.now();
const report = verifyAuditChain(client, sha256);
const verified = performance.now() - verifying;
console.log(
  `audit:verify: ${report.rows.toLocaleString("en")} entries, ${report.ok ? "chain OK" : `BROKEN at ${report.firstBroken?.seq}`}, ${(verified / 1000).toFixed(1)} s (${Math.round(report.rows / (verified / 1000)).toLocaleString("en")} entries/s)`,
);
client.close();
rmSync(dir, { recursive: true, force: true });
