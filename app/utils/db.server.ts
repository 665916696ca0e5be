/**
 * The database connection: one per process, kept on globalThis in development so rebuilds reuse it.
 * Opening it applies pending migrations (DESIGN.md: migrations run at start-up).
 */
import type { Statement } from "better-sqlite3";
import { openDatabase, type TiltsDatabase } from "../../db/connection";
import { databasePath } from "./env.server";

declare global {
  var __tiltsDb: { path: string; db: TiltsDatabase } | undefined;
}

export function getDb(): TiltsDatabase {
  const path = databasePath();
  if (!globalThis.__tiltsDb || globalThis.__tiltsDb.path !== path) {
    globalThis.__tiltsDb?.db.$client.close();
    const db = openDatabase(path);
    reuseStatements(db);
    globalThis.__tiltsDb = { path, db };
  }
  return globalThis.__tiltsDb.db;
}

/** Tests only: close the connection so the next getDb() opens DATABASE_PATH afresh. */
export function closeDb(): void {
  globalThis.__tiltsDb?.db.$client.close();
  globalThis.__tiltsDb = undefined;
}

/** Distinct SQL texts whose compiled statements the connection keeps (least recently used go first). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares every query it runs; SQLite compiling the same SQL again on every page was a few
 * per cent of a page's CPU. The app's connection keeps the compiled statements by their SQL text and
 * hands them back in their default mode (objects, not raw rows), so a caller never inherits another's
 * raw()/pluck() setting. The app never iterates a statement, so one statement per text is enough.
 */
function reuseStatements(db: TiltsDatabase): void {
  const client = db.$client;
  const compile = client.prepare.bind(client);
  const cache = new Map<string, Statement>();
  client.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
    } else {
      statement = compile(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof client.prepare;
}
