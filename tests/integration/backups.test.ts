/**
 * Backups (db/backups.ts): an online copy taken while a connection has unchecked-pointed writes in the WAL
 * holds them (a plain file copy does not); it passes its integrity check; a restore brings the data back,
 * refuses while a server runs on the database, and refuses a damaged backup.
 */
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { openDatabase, type TiltsDatabase } from "../../db/connection";
import { backupDatabase, integrityProblems, restoreDatabase, runningServer, serverPidFile } from "../../db/backups";

let folder: string;
let live: TiltsDatabase;
let livePath: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "tilts-backup-"));
  livePath = join(folder, "live.sqlite");
  live = openDatabase(livePath);
  // Keep every write in the WAL, as a busy server between checkpoints does.
  live.$client.pragma("wal_autocheckpoint = 0");
  live.$client.exec("CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, words TEXT NOT NULL)");
  const insert = live.$client.prepare("INSERT INTO probe (words) VALUES (?)");
  for (let i = 0; i < 71; i++) insert.run(`komentārs ${i}`);
});

afterEach(() => {
  live.$client.close();
  rmSync(folder, { recursive: true, force: true });
});

function probeCount(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM probe").get() as { n: number }).n;
  } catch {
    return -1;
  } finally {
    db.close();
  }
}

describe("npm run backup", () => {
  test("a plain copy of the live file misses what is in the WAL; the online backup has all of it", async () => {
    const plain = join(folder, "plain.sqlite");
    copyFileSync(livePath, plain);
    expect(probeCount(plain)).not.toBe(71);

    const { path, bytes } = await backupDatabase(livePath, join(folder, "backups"), new Date("2026-12-01T10:00:00Z"));
    expect(path).toMatch(/tilts-20261201T100000Z\.sqlite$/);
    expect(bytes).toBeGreaterThan(0);
    expect(probeCount(path)).toBe(71);
    expect(integrityProblems(path)).toEqual([]);
    // The migrations' bookkeeping came along too.
    const copy = new Database(path, { readonly: true });
    expect((copy.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n).toBeGreaterThan(0);
    copy.close();
  });

  test("writes go on while the backup runs", async () => {
    const pending = backupDatabase(livePath, join(folder, "backups"));
    live.$client.prepare("INSERT INTO probe (words) VALUES (?)").run("during");
    const { path } = await pending;
    expect(probeCount(path)).toBeGreaterThanOrEqual(71);
    expect(probeCount(livePath)).toBe(72);
  });
});

describe("npm run restore", () => {
  test("brings the backup's data back over a damaged or newer database", async () => {
    const { path } = await backupDatabase(livePath, join(folder, "backups"));
    const target = join(folder, "restored.sqlite");
    writeFileSync(target, "not a database");
    writeFileSync(`${target}-wal`, "stale");
    restoreDatabase(path, target);
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(probeCount(target)).toBe(71);
  });

  test("refuses while a server runs on the database, and names it", async () => {
    const { path } = await backupDatabase(livePath, join(folder, "backups"));
    const target = join(folder, "served.sqlite");
    writeFileSync(serverPidFile(target), String(process.pid));
    expect(runningServer(target)).toBe(process.pid);
    expect(() => restoreDatabase(path, target)).toThrow(`a server (pid ${process.pid}) is running`);
    expect(existsSync(target)).toBe(false);
    // A pid file left by a crashed server does not block.
    writeFileSync(serverPidFile(target), "999999999");
    expect(runningServer(target)).toBeNull();
    restoreDatabase(path, target);
    expect(probeCount(target)).toBe(71);
  });

  test("refuses a damaged backup and leaves the database as it was", async () => {
    const { path } = await backupDatabase(livePath, join(folder, "backups"));
    const bytes = readFileSync(path);
    // Everything after the first page is overwritten.
    bytes.fill(0xab, 4096);
    const damaged = join(folder, "damaged.sqlite");
    writeFileSync(damaged, bytes);
    const target = join(folder, "kept.sqlite");
    copyFileSync(path, target);
    expect(() => restoreDatabase(damaged, target)).toThrow(/integrity|malformed|not a database/);
    expect(probeCount(target)).toBe(71);
  });
});
