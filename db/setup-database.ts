/**
 * The start-up step: apply migrations, seed the demo organisation into an empty database (unless
 * SEED_DEMO=0) and print the demo logins. Run by the production server before it listens
 * (app/server.ts) and by `npm run db:setup` (db/setup.ts).
 */
import { inArray } from "drizzle-orm";
import { todayInRiga } from "../app/domain/dates";
import { DEFAULT_DATABASE_PATH, openDatabase } from "./connection";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from "./seed";
import { users } from "./schema";

export async function setUpDatabase(): Promise<void> {
  const path = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
  const db = openDatabase(path);
  console.log(`Tilts: database ${path} is up to date.`);

  if (process.env.SEED_DEMO !== "0" && isDatabaseEmpty(db)) {
    await seedDemo(db, todayInRiga());
    console.log("Tilts: the database was empty, so the demo organisation was created.");
  }

  const demo = db
    .select({ email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((a) => a.email),
      ),
    )
    .all();
  if (demo.length > 0) {
    const port = process.env.PORT || "3000";
    console.log(`\nDemo logins at http://localhost:${port}/login — password for every account: ${DEMO_PASSWORD}`);
    for (const account of DEMO_ACCOUNTS) {
      if (demo.some((d) => d.email === account.email)) console.log(`  ${account.email.padEnd(30)} ${account.about}`);
    }
    console.log("");
  }
  db.$client.close();
}
