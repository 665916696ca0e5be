/**
 * `npm run audit:verify`: walks the audit log's hash chain from the first entry to the last and reports
 * the first broken entry (exit code 1), or how many entries it checked (exit code 0).
 * DATABASE_PATH chooses the database (default db/data.sqlite).
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { verifyAuditChain } from "../app/domain/audit-chain";
import { DEFAULT_DATABASE_PATH, openSqlite } from "./connection";

const path = process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
if (!existsSync(path)) {
  console.error(`No database at ${path}`);
  process.exit(2);
}
const sqlite = openSqlite(path);
const started = performance.now();
const report = verifyAuditChain(sqlite, (text) => createHash("sha256").update(text).digest("hex"));
const ms = performance.now() - started;
sqlite.close();
if (report.ok) {
  console.log(`audit chain OK: ${report.rows} entries checked in ${(ms / 1000).toFixed(2)} s`);
} else {
  const { seq, problem } = report.firstBroken!;
  const why =
    problem === "hash" ? "its content does not match its hash" : problem === "link" ? "it does not link to the entry before it" : "it is out of order";
  console.error(`audit chain BROKEN at entry ${seq}: ${why} (${report.rows} entries read)`);
  process.exit(1);
}
