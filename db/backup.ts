/**
 * `npm run backup [-- --to <folder>]`: an online, integrity-checked copy of DATABASE_PATH (default
 * db/data.sqlite) into BACKUP_DIR (default db/backups), safe while the server runs.
 */
import { parseArgs } from "node:util";
import { DEFAULT_DATABASE_PATH } from "./connection";
import { backupDatabase } from "./backups";

const { values } = parseArgs({ options: { to: { type: "string" } } });
const databasePath = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
const folder = values.to ?? process.env.BACKUP_DIR ?? "db/backups";
try {
  const started = Date.now();
  const { path, bytes } = await backupDatabase(databasePath, folder);
  console.log(`backup: ${databasePath} → ${path} (${(bytes / 1024 / 1024).toFixed(1)} MB, integrity ok, ${Date.now() - started} ms)`);
} catch (error) {
  console.error(`backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
