/**
 * Every form action, fuzzed with fast-check against the real built server (tests/helpers/live-server.ts).
 *
 * The forms are discovered from app/routes (every route module that exports an action must be in FORMS
 * below, or the test fails), and each form's intents from its source (its INTENTS table, `intent ===`
 * and `case` labels). Each input is a body of arbitrary fields: the form's intents and any field name
 * the app's forms use, with hostile values (unicode, control characters, huge and empty strings, numbers
 * out of range, impossible dates, markup, other people's ids) and duplicated fields, sent as a form,
 * as multipart or as JSON. Properties:
 *   - never a 5xx;
 *   - posted by someone the policy refuses: a refusal, and nothing in the database changes;
 *   - posted by someone allowed: when the answer is a field error (400), nothing in the database changes;
 *   - a field error keeps what was typed (checked on forms whose field echo is part of the page).
 *
 * `npm test` runs a small deterministic run (FUZZ_RUNS inputs per form, shared among the people who post
 * it, seed FUZZ_SEED) on one server; `npm run fuzz` runs 10,000 per form on FUZZ_LANES servers at once,
 * each form on a fresh copy of the demo database (docs/decisions/032-fast-fuzz-and-kept-counts.md).
 */
import { createHash } from "node:crypto";
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withoutControlCharacters } from "~/domain/text";
import { built, liveServer, send, type Fixture, type Person } from "../helpers/live-server";

/** Inputs per form, shared among the people who post it (the allowed one gets what does not divide). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** Servers (each with its own database) fuzzed at once. */
const LANES = Math.max(1, Number(process.env.FUZZ_LANES ?? 1));
/**
 * A large run gives each form a fresh copy of the demo database (and a server on it), so what one
 * form's valid inputs stored (thousands of goals, a disabled account) does not slow or steer the next.
 */
const FRESH_PER_FORM = RUNS > 100;
/** Optional: a file that gets one line per finished form (a long run's progress). */
const LOG_FILE = process.env.FUZZ_LOG;
const ROUTES_DIR = join(process.cwd(), "app/routes");

interface FormCase {
  path: (f: Fixture) => string;
  /** Someone the policy lets post here (to get past the guard into the form's own checks). */
  allowed: Person;
  /** Someone the policy refuses (absent: the form is public or only needs a login). */
  refused?: Person;
  /** Posting it as `allowed` changes who is logged in: fuzz it anonymously only. */
  anonymousOnly?: boolean;
}

const plan = (rest: string) => (f: Fixture) => `/plan/${f.janis.id}${rest}`;

/** Every route with an action. */
const FORMS: Record<string, FormCase> = {
  "account.tsx": { path: () => "/account", allowed: "carer" },
  "calendar.tsx": { path: () => "/calendar", allowed: "mentor", refused: "admin" },
  "forgot-password.tsx": { path: () => "/forgot-password", allowed: "anonymous" },
  "invite._index.tsx": { path: () => "/invite", allowed: "anonymous" },
  "language.tsx": { path: () => "/language", allowed: "anonymous" },
  "login.tsx": { path: () => "/login", allowed: "anonymous", anonymousOnly: true },
  "logout.tsx": { path: () => "/logout", allowed: "anonymous", anonymousOnly: true },
  "notifications.tsx": { path: () => "/notifications", allowed: "specialist" },
  "organisation.erasure.tsx": { path: () => "/organisation/erasure", allowed: "lead", refused: "admin" },
  "organisation.people.tsx": { path: () => "/organisation/people", allowed: "admin", refused: "specialist" },
  "organisation.settings.tsx": { path: () => "/organisation/settings", allowed: "lead", refused: "mentor" },
  "organisation.skills.tsx": { path: () => "/organisation/skills", allowed: "lead", refused: "carer" },
  "organisation.support.tsx": { path: () => "/organisation/support", allowed: "admin", refused: "youth" },
  "plan.$youngPersonId.$domain.tsx": { path: (f) => `/plan/${f.janis.id}/${f.janis.goalDomain}`, allowed: "youth", refused: "otherYouth" },
  "plan.$youngPersonId.budget._index.tsx": { path: plan("/budget"), allowed: "youth", refused: "mentor" },
  "plan.$youngPersonId.budget.first-month.tsx": { path: plan("/budget/first-month"), allowed: "specialist", refused: "otherOrgSpecialist" },
  "plan.$youngPersonId.budget.pocket-money.tsx": { path: plan("/budget/pocket-money"), allowed: "carer", refused: "lead" },
  "plan.$youngPersonId.budget.setup.tsx": { path: plan("/budget/setup"), allowed: "youth", refused: "carer" },
  "plan.$youngPersonId.budget.transactions.$transactionId.tsx": {
    path: (f) => `/plan/${f.janis.id}/budget/transactions/${f.janis.transactionId}`,
    allowed: "specialist",
    refused: "admin",
  },
  "plan.$youngPersonId.documents.tsx": { path: plan("/documents"), allowed: "specialist", refused: "mentor" },
  "plan.$youngPersonId.goals.$goalId.tsx": { path: (f) => `/plan/${f.janis.id}/goals/${f.janis.goalId}`, allowed: "mentor", refused: "otherMentor" },
  "plan.$youngPersonId.mentoring._index.tsx": { path: plan("/mentoring"), allowed: "specialist", refused: "carer" },
  "plan.$youngPersonId.mentoring.contact.tsx": { path: plan("/mentoring/contact"), allowed: "mentor", refused: "specialist" },
  "plan.$youngPersonId.help.tsx": { path: plan("/help"), allowed: "youth", refused: "otherYouth" },
  "plan.$youngPersonId.reviews._index.tsx": { path: plan("/reviews"), allowed: "specialist", refused: "otherOrgSpecialist" },
  "plan.$youngPersonId.reviews.$reviewId._index.tsx": {
    path: (f) => `/plan/${f.janis.id}/reviews/${f.janis.reviewId}`,
    allowed: "youth",
    refused: "otherMentor",
  },
  "plan.$youngPersonId.wellbeing.tsx": { path: plan("/wellbeing"), allowed: "youth", refused: "mentor" },
  "plan.$youngPersonId.record.tsx": { path: plan("/record"), allowed: "lead", refused: "youth" },
  "plan.$youngPersonId.sharing.tsx": { path: plan("/sharing"), allowed: "youth", refused: "specialist" },
  "plan.$youngPersonId.skills.tsx": { path: plan("/skills"), allowed: "mentor", refused: "admin" },
  "plan.$youngPersonId.step.tsx": { path: plan("/step"), allowed: "youth", refused: "otherOrgSpecialist" },
  "records.new.tsx": { path: () => "/records/new", allowed: "specialist", refused: "mentor" },
  "reset._index.tsx": { path: () => "/reset", allowed: "anonymous" },
};

const sources = readdirSync(ROUTES_DIR)
  .filter((name) => /\.tsx?$/.test(name))
  .map((name) => ({ name, text: readFileSync(join(ROUTES_DIR, name), "utf8") }));
const actionRoutes = sources.filter((s) => /^export (async )?function action\b/m.test(s.text));

/** The intents a route's source names: its INTENTS table's keys, `intent === "…"` and `case "…":`. */
function intentsOf(text: string): string[] {
  const found = new Set<string>();
  const table = /const INTENTS\s*=\s*\{([\s\S]*?)\}\s*(?:as const)?;/.exec(text);
  if (table) for (const m of table[1]!.matchAll(/^\s*(\w+)\s*:/gm)) found.add(m[1]!);
  for (const m of text.matchAll(/intent === "(\w+)"/g)) found.add(m[1]!);
  for (const m of text.matchAll(/case "(\w+)":/g)) found.add(m[1]!);
  return [...found];
}

/** Every field name the app's forms use (routes and components), so fuzzed bodies hit real fields. */
function fieldNames(): string[] {
  const names = new Set<string>();
  for (const dir of ["app/routes", "app/components"]) {
    for (const name of readdirSync(join(process.cwd(), dir))) {
      if (!/\.tsx?$/.test(name)) continue;
      const text = readFileSync(join(process.cwd(), dir, name), "utf8");
      for (const m of text.matchAll(/name="([a-zA-Z][a-zA-Z0-9_]*)"/g)) names.add(m[1]!);
    }
  }
  return [...names].sort();
}

/**
 * A server on a database of its own, and the test's own read-only connection to that database.
 * `known` caches the hash of what is in it (see databaseState).
 */
interface Lane {
  f: Fixture;
  client: Database.Database;
  /** The hash of the protected tables at a value of the change counter. */
  known: { version: number; hash: string } | null;
}

/** liveServer() points the test process's getDb() at the new file while it sets it up: one at a time. */
let settingUp: Promise<unknown> = Promise.resolve();
async function openLane(): Promise<Lane> {
  const next = settingUp.then(() => liveServer());
  settingUp = next.catch(() => undefined);
  const f = await next;
  watchChanges(f.databasePath);
  return { f, client: new Database(f.databasePath, { readonly: true, fileMustExist: true }), known: null };
}

/** The tables whose rows the fuzz protects: all but the access log and sessions (reads and logins write those). */
function protectedTables(client: Database.Database): string[] {
  return (
    client
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name <> 'fuzz_changes' ORDER BY name",
      )
      .all() as Array<{ name: string }>
  )
    .map((t) => t.name)
    .filter((name) => !["audit_log", "sessions"].includes(name));
}

/**
 * Test scaffolding in the lane's own database (never in the app's migrations): a counter that every
 * insert, update and delete of a protected table moves, so an input that wrote none of them (most: a
 * refusal, a field error, a page read that appended to the access log) is told apart without hashing
 * the whole database; when it moved, the hash says whether anything really changed.
 */
function watchChanges(path: string): void {
  const client = new Database(path, { fileMustExist: true });
  client.exec("CREATE TABLE fuzz_changes (n INTEGER NOT NULL); INSERT INTO fuzz_changes VALUES (0);");
  for (const table of protectedTables(client)) {
    for (const event of ["INSERT", "UPDATE", "DELETE"]) {
      client.exec(`CREATE TRIGGER "fuzz_${table}_${event}" AFTER ${event} ON "${table}" BEGIN UPDATE fuzz_changes SET n = n + 1; END`);
    }
  }
  client.close();
}

async function closeLane(lane: Lane): Promise<void> {
  lane.client.close();
  await lane.f.stop();
}

/**
 * At most LANES forms at once, each on a lane: a shared one (the small run: one server for every
 * form), or, with FRESH_PER_FORM, a new one per form.
 */
const lanes: Array<Lane | null> = Array.from({ length: LANES }, () => null);
const freeSlots = lanes.map((_, i) => i);
const waiting: Array<(slot: number) => void> = [];
async function withLane(fresh: boolean, run: (lane: Lane) => Promise<void>): Promise<void> {
  const slot = freeSlots.length ? freeSlots.shift()! : await new Promise<number>((resolve) => waiting.push(resolve));
  try {
    if (fresh && lanes[slot]) {
      await closeLane(lanes[slot]!);
      lanes[slot] = null;
    }
    lanes[slot] ??= await openLane();
    await run(lanes[slot]!);
  } finally {
    const next = waiting.shift();
    if (next) next(slot);
    else freeSlots.push(slot);
  }
}

/**
 * What is in a lane's database: a hash of every protected table, recomputed only when the change
 * counter moved (see watchChanges).
 */
function databaseState(lane: Lane): string {
  const changes = lane.client.prepare("SELECT n FROM fuzz_changes").pluck().get() as number;
  if (lane.known && lane.known.version === changes) return lane.known.hash;
  lane.known = { version: changes, hash: hashTables(lane.client) };
  return lane.known.hash;
}

function hashTables(client: Database.Database): string {
  const hash = createHash("sha256");
  for (const table of protectedTables(client)) {
    hash.update(table);
    for (const row of client.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest("hex");
}

/** Hostile values: what a person, a broken client or an attacker may send. */
function hostileValue(f: Fixture): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme", maxLength: 60 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    // Control characters on purpose: the server must remove them.
    // eslint-disable-next-line no-control-regex
    fc.stringMatching(/^[\u0000-\u001f\u007f\u200b\u202e\ufeff]{1,12}$/),
    fc.constantFrom(
      "",
      " ",
      "\u0000",
      "\u0000\u0000\u0000",
      "\r\n",
      "<script>alert(1)</script>",
      '"><img src=x onerror=alert(1)>',
      "' OR 1=1 --",
      "%00",
      "../../etc/passwd",
      "-1",
      "0",
      "1e309",
      "NaN",
      "Infinity",
      "99999999999999999999999",
      "0.1",
      "2026-02-30",
      "0000-00-00",
      "9999-12-31",
      "25:61",
      "true",
      "null",
      "[]",
      "{}",
      "youth",
      "mentor",
      "lead",
      "admin",
      "Ž".repeat(3000),
      "x".repeat(100_000),
    ),
    fc.constantFrom(f.janis.id, f.janis.goalId, f.janis.stepId, f.janis.mentorshipId, f.janis.transactionId, f.otherRecordId, f.martaId, f.kristapsId),
    fc.integer().map(String),
    fc.double().map(String),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  );
}

type Body = { encoding: "form" | "multipart" | "json"; fields: Array<[string, string]> };

function bodies(f: Fixture, intents: string[], names: string[]): fc.Arbitrary<Body> {
  const value = hostileValue(f);
  const field = fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), value);
  const intent = intents.length ? fc.option(fc.constantFrom(...intents), { freq: 6 }) : fc.constant(null);
  return fc
    .record({
      encoding: fc.constantFrom<Body["encoding"]>("form", "form", "form", "form", "multipart", "json"),
      intent,
      fields: fc.array(field, { maxLength: 12 }),
      // Sometimes the same field twice (a duplicated or tampered form).
      duplicate: fc.boolean(),
    })
    .map(({ encoding, intent, fields, duplicate }) => {
      const all: Array<[string, string]> = intent ? [["intent", intent], ...fields] : fields;
      if (duplicate && all.length) all.push([all[0]![0], all[all.length - 1]![1]]);
      return { encoding, fields: all };
    });
}

async function post(f: Fixture, who: Person, path: string, body: Body) {
  if (body.encoding === "form") return send(f, who, path, { form: new URLSearchParams(body.fields) });
  if (body.encoding === "json")
    return send(f, who, path, { method: "POST", body: JSON.stringify(Object.fromEntries(body.fields)), contentType: "application/json" });
  const boundary = "----tiltsfuzz" + Math.random().toString(16).slice(2);
  const parts = body.fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, "")}"\r\n\r\n${v}\r\n`);
  return send(f, who, path, { method: "POST", body: parts.join("") + `--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` });
}

/** How React writes text into HTML (attributes and text alike). */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

/** A value a person may type: any unicode text with markup and quotes in it, as the server keeps it (no control characters). */
const typedText = fc
  .tuple(fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }), fc.constantFrom("", "<b>", '"', "'", "&amp;", "Ž", "ё", "😀", "a & b"))
  .map(([text, extra]) => `${text}${extra}`)
  .filter((v) => v === withoutControlCharacters(v) && v.trim() === v && v.length > 0 && v === v.normalize("NFC"));

/** Forms whose field error shows the page again with what was typed. */
const TYPED_FORMS: Array<{ name: string; who: Person; path: (f: Fixture) => string; form: (value: string) => Record<string, string>; kept: string[] }> = [
  {
    name: "a goal with an impossible due date",
    who: "youth",
    path: (f) => `/plan/${f.janis.id}/${f.janis.goalDomain}`,
    form: (v) => ({ intent: "createGoal", title: v, why: `${v} ${v}`, owner: "youth", dueDate: "2026-02-30", clientToken: crypto.randomUUID() }),
    kept: ["title", "why"],
  },
  {
    name: "a mentor's contact in the future",
    who: "mentor",
    path: (f) => `/plan/${f.janis.id}/mentoring/contact`,
    form: (v) => ({ contactOn: "2099-01-01", made: "yes", channel: "phone", note: v, clientToken: crypto.randomUUID() }),
    kept: ["note"],
  },
  {
    name: "a budget expense without an amount",
    who: "youth",
    path: (f) => `/plan/${f.janis.id}/budget`,
    form: (v) => ({ amount: "abc", note: v, clientToken: crypto.randomUUID() }),
    kept: ["note"],
  },
];

describe("form discovery", () => {
  test("every route with an action is fuzzed, and FORMS names no route that is gone", () => {
    expect(actionRoutes.map((r) => r.name).filter((name) => !(name in FORMS))).toEqual([]);
    expect(Object.keys(FORMS).filter((name) => !actionRoutes.some((r) => r.name === name))).toEqual([]);
  });

  test("intents are read from a route's source", () => {
    const goal = sources.find((s) => s.name === "plan.$youngPersonId.goals.$goalId.tsx")!;
    expect(intentsOf(goal.text)).toEqual(expect.arrayContaining(["editGoal", "status", "addStep", "editStep", "comment"]));
    expect(intentsOf(sources.find((s) => s.name === "organisation.people.tsx")!.text)).toEqual(
      expect.arrayContaining(["disable", "enable", "role", "revoke", "reset"]),
    );
  });
});

describe.skipIf(!built())("fuzzing every form (built server)", () => {
  const names = fieldNames();
  const totals = { inputs: 0, fiveHundreds: 0, byStatus: new Map<number, number>(), started: 0 };
  const count = (status: number) => {
    totals.inputs++;
    totals.byStatus.set(status, (totals.byStatus.get(status) ?? 0) + 1);
    if (status >= 500) totals.fiveHundreds++;
  };
  const statusLine = (byStatus: Map<number, number>) =>
    [...byStatus.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s}×${n}`)
      .join(" ");

  beforeAll(() => {
    totals.started = performance.now();
  });
  afterAll(async () => {
    await Promise.all(lanes.map((lane) => lane && closeLane(lane)));
    const seconds = (performance.now() - totals.started) / 1000;
    const line =
      `fuzz: ${Object.keys(FORMS).length} forms, ${totals.inputs} inputs (${RUNS} per form, seed ${SEED}, ${LANES} server(s)), ` +
      `${totals.fiveHundreds} 5xx, ${violations} violations; ${statusLine(totals.byStatus)}; ${seconds.toFixed(0)} s, ${(totals.inputs / seconds).toFixed(1)} inputs/s`;
    console.log(line);
    if (LOG_FILE) appendFileSync(LOG_FILE, line + "\n");
  }, 120_000);

  /** Failed properties (a change the poster may not make, a refusal that was not one). */
  let violations = 0;
  const timeout = 600_000 + RUNS * 2_000;

  for (const typed of TYPED_FORMS) {
    test(
      `${typed.name}: a field error keeps what was typed and stores nothing`,
      async ({ expect }) => {
        await withLane(false, async (lane) => {
          const { f } = lane;
          await fc.assert(
            fc.asyncProperty(typedText, async (value) => {
              const form = typed.form(value);
              const before = databaseState(lane);
              const response = await send(f, typed.who, typed.path(f), { form });
              count(response.status);
              expect(response.status).toBe(400);
              expect(response.contentType).toMatch(/text\/html/);
              for (const field of typed.kept) expect(response.text, `${field} = ${JSON.stringify(form[field])}`).toContain(escapeHtml(form[field]!));
              expect(databaseState(lane)).toBe(before);
            }),
            { numRuns: Math.min(RUNS, 300), seed: SEED, endOnFailure: true },
          );
        });
      },
      timeout,
    );
  }

  async function fuzzForm(name: string, expect: typeof import("vitest").expect): Promise<void> {
    const form = FORMS[name]!;
    const intents = intentsOf(sources.find((s) => s.name === name)!.text);
    await withLane(FRESH_PER_FORM, async (lane) => {
      const { f } = lane;
      const people: Array<{ who: Person; refused: boolean }> = [{ who: form.allowed, refused: false }];
      if (form.refused && !form.anonymousOnly) people.push({ who: form.refused, refused: true });
      if (form.allowed !== "anonymous" && !form.anonymousOnly) people.push({ who: "anonymous", refused: true });
      const started = performance.now();
      const byStatus = new Map<number, number>();
      let inputs = 0;
      for (const [index, { who, refused }] of people.entries()) {
        const runs = Math.floor(RUNS / people.length) + (index === 0 ? RUNS % people.length : 0);
        try {
          await fc.assert(
            fc.asyncProperty(bodies(f, intents, names), async (body) => {
              const before = databaseState(lane);
              const response = await post(f, who, form.path(f), body);
              count(response.status);
              inputs++;
              byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
              // A long run's progress, in case it is stopped before the end.
              if (LOG_FILE && totals.inputs % 500 === 0) {
                const seconds = (performance.now() - totals.started) / 1000;
                appendFileSync(
                  LOG_FILE,
                  `progress ${new Date().toISOString()}: ${totals.inputs} inputs, ${totals.fiveHundreds} 5xx, ${violations} violations, ` +
                    `${(totals.inputs / seconds).toFixed(1)} inputs/s (${name}: ${inputs})\n`,
                );
              }
              expect(response.status, `${who}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
              if (refused) {
                expect([302, 400, 403, 404, 405, 410, 413, 415, 429]).toContain(response.status);
                if (response.status === 302) expect(response.location ?? "").toMatch(/\/login/);
              }
              if (refused || response.status === 400) expect(databaseState(lane), `${who} got ${response.status} and the database changed`).toBe(before);
            }),
            { numRuns: runs, seed: SEED, endOnFailure: true },
          );
        } catch (error) {
          violations++;
          throw error;
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const line = `fuzz ${name}: ${inputs} inputs (${people.map((p) => p.who).join(", ")}) in ${seconds.toFixed(0)} s, ${(inputs / seconds).toFixed(1)}/s; ${statusLine(byStatus)}`;
      if (LOG_FILE) appendFileSync(LOG_FILE, line + "\n");
      else if (RUNS > 100) console.log(line);
    });
  }

  // The forms that change who may do what (people, erasure) go last, after the others ran (at once, on
  // LANES servers) with the demo's people.
  const changesPeople = (name: string) => /people|erasure/.test(name);
  describe.concurrent("forms", () => {
    for (const name of Object.keys(FORMS)
      .filter((n) => !changesPeople(n))
      .sort()) {
      test(`${name}: never a 5xx; refused or invalid posts change nothing`, ({ expect }) => fuzzForm(name, expect), timeout);
    }
  });
  describe("forms that change who may do what", () => {
    for (const name of Object.keys(FORMS).filter(changesPeople).sort()) {
      test(`${name}: never a 5xx; refused or invalid posts change nothing`, ({ expect }) => fuzzForm(name, expect), timeout);
    }
  });
});
