/**
 * `npm run restore -- <backup file>`: replaces DATABASE_PATH (default db/data.sqlite) with a checked
 * backup. Refuses while a server runs on that database.
 */
import { DEFAULT_DATABASE_PATH } from "./connection";
import { restoreDatabase } from "./backups";

const backupPath = process.argv[2];
const databasePath = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
if (!backupPath) {
  console.error("restore: usage: npm run restore -- db/backups/tilts-YYYYMMDDTHHMMSSZ.sqlite");
  process.exit(2);
}
try {
  restoreDatabase(backupPath, databasePath);
  console.log(`restore: ${backupPath} → ${databasePath} (integrity ok). Start the server again.`);
} catch (error) {
  console.error(`restore: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
