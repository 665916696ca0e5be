/** `npm run db:setup`: migrate DATABASE_PATH and seed the demo when it is empty (db/setup-database.ts). */
import { setUpDatabase } from "./setup-database";

await setUpDatabase();
