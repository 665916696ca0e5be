/**
 * The database connection: one per process, kept on globalThis in development so rebuilds reuse it.
 * Opening it applies pending migrations (DESIGN.md: migrations run at start-up).
 */
import { openDatabase, type TiltsDatabase } from "../../db/connection";
import { databasePath } from "./env.server";

declare global {
  // eslint-disable-next-line no-var
  var __tiltsDb: { path: string; db: TiltsDatabase } | undefined;
}

export function getDb(): TiltsDatabase {
  const path = databasePath();
  if (!globalThis.__tiltsDb || globalThis.__tiltsDb.path !== path) {
    globalThis.__tiltsDb?.db.$client.close();
    globalThis.__tiltsDb = { path, db: openDatabase(path) };
  }
  return globalThis.__tiltsDb.db;
}

/** Tests only: close the connection so the next getDb() opens DATABASE_PATH afresh. */
export function closeDb(): void {
  globalThis.__tiltsDb?.db.$client.close();
  globalThis.__tiltsDb = undefined;
}
