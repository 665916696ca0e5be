/**
 * The database connection and migrations (db/connection.ts), and the health check (app/routes/healthz.ts).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { MIGRATIONS_FOLDER, migrateSqlite, openDatabase, openSqlite } from "../../db/connection";
import { isDatabaseEmpty, seedDemo } from "../../db/seed";
import { freshDatabase, settle } from "../helpers/db";
import { todayInRiga } from "~/domain/dates";
import { loader as healthz } from "~/routes/healthz";
import { closeDb, getDb } from "~/utils/db.server";

function tempPath(): string {
  return join(mkdtempSync(join(tmpdir(), "tilts-db-test-")), "test.sqlite");
}

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
  entries: Array<{ tag: string }>;
};

function appliedMigrations(sqlite: Database.Database): number {
  return (sqlite.prepare("SELECT COUNT(*) AS n FROM __drizzle_migrations").get() as { n: number }).n;
}

function schemaOf(sqlite: Database.Database): Array<{ type: string; name: string; sql: string | null }> {
  return sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as Array<{
    type: string;
    name: string;
    sql: string | null;
  }>;
}

function expectSafePragmas(sqlite: Database.Database) {
  expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
  expect(sqlite.pragma("synchronous", { simple: true })).toBe(2); // FULL
  expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
}

const opened: Database.Database[] = [];
afterEach(() => {
  for (const sqlite of opened.splice(0)) if (sqlite.open) sqlite.close();
});

describe("migrations", () => {
  test("migrating a fresh database twice is idempotent", () => {
    const sqlite = openSqlite(tempPath());
    opened.push(sqlite);
    migrateSqlite(sqlite);
    const first = schemaOf(sqlite);
    expect(first.some((o) => o.type === "table" && o.name === "users")).toBe(true);
    expect(first.some((o) => o.type === "table" && o.name === "sessions")).toBe(true);
    expect(first.some((o) => o.type === "table" && o.name === "young_people")).toBe(true);
    expect(appliedMigrations(sqlite)).toBe(journal.entries.length);

    expect(() => migrateSqlite(sqlite)).not.toThrow();
    expect(schemaOf(sqlite)).toEqual(first);
    expect(appliedMigrations(sqlite)).toBe(journal.entries.length);
  });

  test("re-opening a seeded database migrates nothing and keeps every row", async () => {
    const path = tempPath();
    const db = openDatabase(path);
    await seedDemo(db, todayInRiga());
    const count = (table: string, sqlite: Database.Database) => (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const before = ["organisations", "users", "young_people", "mentorships", "carer_links", "plans", "plan_domains"].map(
      (t) => [t, count(t, db.$client)] as const,
    );
    db.$client.close();

    const again = openDatabase(path);
    opened.push(again.$client);
    expect(isDatabaseEmpty(again)).toBe(false);
    for (const [table, n] of before) expect(count(table, again.$client)).toBe(n);
    expect(appliedMigrations(again.$client)).toBe(journal.entries.length);
  });

  test("foreign keys are ON after migrating, and enforced", () => {
    const sqlite = openSqlite(tempPath());
    opened.push(sqlite);
    migrateSqlite(sqlite);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(() =>
      sqlite
        .prepare("INSERT INTO users (id, organisation_id, email, password_hash, display_name, role) VALUES (?, ?, ?, ?, ?, ?)")
        .run("u1", "no-such-organisation", "x@example.test", "hash", "X", "youth"),
    ).toThrow(/FOREIGN KEY/);
  });

  test("a migration run refuses to continue when a foreign key is broken, and leaves foreign keys ON", () => {
    const sqlite = openSqlite(tempPath());
    opened.push(sqlite);
    migrateSqlite(sqlite);
    sqlite.pragma("foreign_keys = OFF");
    sqlite
      .prepare("INSERT INTO users (id, organisation_id, email, password_hash, display_name, role) VALUES (?, ?, ?, ?, ?, ?)")
      .run("u1", "no-such-organisation", "x@example.test", "hash", "X", "youth");
    sqlite.pragma("foreign_keys = ON");
    expect(() => migrateSqlite(sqlite)).toThrow(/broken foreign key/);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  test("every connection gets WAL, synchronous=FULL, foreign_keys=ON and busy_timeout=5000", () => {
    const sqlite = openSqlite(tempPath());
    opened.push(sqlite);
    expectSafePragmas(sqlite);
    migrateSqlite(sqlite);
    expectSafePragmas(sqlite);

    const db = openDatabase(tempPath());
    opened.push(db.$client);
    expectSafePragmas(db.$client);
  });

  test("the app's own connection has the same settings", async () => {
    await freshDatabase();
    expectSafePragmas(getDb().$client);
    closeDb();
  });
});

describe("/healthz", () => {
  const savedPath = process.env.DATABASE_PATH;

  beforeEach(async () => {
    await freshDatabase({ seed: false });
  });

  afterEach(() => {
    closeDb();
    if (savedPath === undefined) delete process.env.DATABASE_PATH;
    else process.env.DATABASE_PATH = savedPath;
  });

  test('answers 200 {"status":"ok","database":true}, never cached', async () => {
    const { response, thrown } = await settle(() => healthz());
    expect(thrown).toBe(false);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: true });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  test("answers 503 when the database cannot be opened, without throwing", async () => {
    closeDb();
    // A path below a regular file can never be created or opened.
    process.env.DATABASE_PATH = "/dev/null/tilts/test.sqlite";
    const { response, thrown } = await settle(() => healthz());
    expect(thrown).toBe(false);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: false });
  });
});
