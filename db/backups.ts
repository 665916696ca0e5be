/**
 * Online backups and restores of the Tilts SQLite file (README "Backups").
 * - A backup uses SQLite's online backup API (better-sqlite3 `backup()`), so it is a consistent copy
 *   that includes what is still in the WAL, taken while the server keeps serving; the copy is then
 *   checked with `PRAGMA integrity_check` before it is reported as made. A plain file copy of a live
 *   database loses what is in the WAL.
 * - A restore refuses while a server runs on the database (its pid file names a live process), checks
 *   the backup first, and replaces the database file atomically (the old WAL and shm files go too).
 */
import Database from "better-sqlite3";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, copyFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The file a running server keeps next to its database: its process id. */
export function serverPidFile(databasePath: string): string {
  return `${resolve(databasePath)}.server-pid`;
}

/** The pid of a live server on this database, or null. */
export function runningServer(databasePath: string): number | null {
  const file = serverPidFile(databasePath);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive, but someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}

export function integrityProblems(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
    const foreign = db.pragma("foreign_key_check") as unknown[];
    if (foreign.length > 0) problems.push(`${foreign.length} broken foreign keys`);
    return problems;
  } finally {
    db.close();
  }
}

function timestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

/** Makes a checked online copy of `databasePath` in `folder`; returns its path and size. */
export async function backupDatabase(databasePath: string, folder: string, at = new Date()): Promise<{ path: string; bytes: number }> {
  if (!existsSync(databasePath)) throw new Error(`there is no database at ${databasePath}`);
  mkdirSync(folder, { recursive: true });
  const target = join(folder, `tilts-${timestamp(at)}.sqlite`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(databasePath, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    await source.backup(partial);
  } finally {
    source.close();
  }
  // One self-contained file: the copy leaves WAL mode (the server sets it again when it opens a restore).
  const copy = new Database(partial, { fileMustExist: true });
  copy.pragma("journal_mode = DELETE");
  copy.close();
  const problems = integrityProblems(partial);
  if (problems.length > 0) {
    rmSync(partial, { force: true });
    throw new Error(`the copy failed its integrity check: ${problems.slice(0, 5).join("; ")}`);
  }
  renameSync(partial, target);
  return { path: target, bytes: statSync(target).size };
}

/** Replaces `databasePath` with a checked backup. Refuses while a server runs on it. */
export function restoreDatabase(backupPath: string, databasePath: string): void {
  const pid = runningServer(databasePath);
  if (pid !== null) throw new Error(`a server (pid ${pid}) is running on ${databasePath}: stop it first`);
  if (!existsSync(backupPath)) throw new Error(`there is no backup at ${backupPath}`);
  const problems = integrityProblems(backupPath);
  if (problems.length > 0) throw new Error(`the backup failed its integrity check: ${problems.slice(0, 5).join("; ")}`);
  mkdirSync(dirname(resolve(databasePath)), { recursive: true });
  const incoming = `${databasePath}.restoring`;
  copyFileSync(backupPath, incoming);
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(databasePath + suffix, { force: true });
  renameSync(incoming, databasePath);
}
