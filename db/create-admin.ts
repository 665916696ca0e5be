/**
 * Creates an organisation and its first administrator on a fresh production database:
 *   npm run user:create -- --organisation "Valmieras sociālais dienests" --email admin@example.lv --name "Vārds Uzvārds"
 * The password is read from TILTS_ADMIN_PASSWORD or asked for on the terminal.
 */
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { passwordProblem } from "../app/domain/password";
import { hashPassword } from "../app/utils/password.server";
import { DEFAULT_DATABASE_PATH, openDatabase } from "./connection";
import { organisations, users } from "./schema";

const { values } = parseArgs({
  options: {
    organisation: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
  },
});

function fail(message: string): never {
  console.error(`user:create: ${message}`);
  process.exit(1);
}

const organisationName = values.organisation?.trim();
const email = values.email?.trim().toLowerCase();
const displayName = values.name?.trim();
if (!organisationName || !email || !displayName) {
  fail('usage: npm run user:create -- --organisation "Name" --email admin@example.lv --name "Full Name"');
}
if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 254) fail("that is not an e-mail address.");

let password = process.env.TILTS_ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question("Password for the administrator (12–128 characters): ");
  rl.close();
}
const problem = passwordProblem(password, { email });
if (problem) fail(`the password is refused (${problem}).`);

const db = openDatabase(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) fail(`${email} already has an account.`);
const passwordHash = await hashPassword(password);
const organisationId = randomUUID();
db.transaction((tx) => {
  tx.insert(organisations).values({ id: organisationId, name: organisationName }).run();
  tx.insert(users).values({ id: randomUUID(), organisationId, email, passwordHash, displayName, role: "admin" }).run();
});
console.log(`Created organisation "${organisationName}" with administrator ${email}.`);
db.$client.close();
