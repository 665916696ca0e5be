/**
 * Opening and migrating a Tilts SQLite database. Used by the app (app/utils/db.server.ts), the
 * scripts in db/ and the tests, so every connection gets the same settings and the same migrations.
 */
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as schema from "./schema";

export type TiltsDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "db/data.sqlite";

/**
 * The committed migrations. Resolved from the project root (npm scripts, the built server and the tests
 * all run there); this module is bundled into build/, so its own location would not do.
 */
export const MIGRATIONS_FOLDER = resolve(process.cwd(), "db/migrations");

export function openSqlite(path: string): Database.Database {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // The audit log's hash chain is computed inside its one INSERT (app/models/audit.server.ts).
  sqlite.function("tilts_sha256", { deterministic: true }, (text: unknown) => createHash("sha256").update(String(text)).digest("hex"));
  return sqlite;
}

/**
 * Applies pending migrations with foreign keys off (drizzle rebuilds tables by copy-drop-rename, which
 * would otherwise cascade-delete rows), then refuses to continue if any foreign key is broken.
 */
export function migrateSqlite(sqlite: Database.Database, migrationsFolder = MIGRATIONS_FOLDER): void {
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(drizzle(sqlite), { migrationsFolder });
    const broken = sqlite.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) {
      throw new Error(`Migration left ${broken.length} broken foreign key(s): ${JSON.stringify(broken.slice(0, 5))}`);
    }
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}

export function openDatabase(path: string, options: { migrate?: boolean } = {}): TiltsDatabase {
  const sqlite = openSqlite(path);
  if (options.migrate !== false) migrateSqlite(sqlite);
  return drizzle(sqlite, { schema }) as TiltsDatabase;
}
