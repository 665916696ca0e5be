/**
 * The audit log: what counts as a read, every change, append-only by the database's own triggers,
 * hash-chained, `npm run audit:verify` finding the first broken entry; and "who looked at my plan".
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { auditLog } from "../../db/schema";
import { verifyAuditChain } from "~/domain/audit-chain";
import { getDb } from "~/utils/db.server";
import { setClock } from "~/utils/clock.server";
import { freshDatabase } from "../helpers/db";
import { accessLog, type AccessData } from "./keys-support";
import { homeOf } from "./mentoring-support";
import {
  CARER,
  MENTOR,
  SPECIALIST,
  YOUTH,
  expectNotFound,
  goalForm,
  jsonOf,
  nameOf,
  overviewOf,
  pages,
  post,
  token,
  userIdOf,
  youngPersonIdOf,
} from "./plan-support";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const rows = () => getDb().select().from(auditLog).orderBy(asc(auditLog.seq)).all();
const verify = () => verifyAuditChain(getDb().$client, sha256);

let id = "";
beforeEach(async () => {
  await freshDatabase();
  setClock(null);
  id = youngPersonIdOf(YOUTH);
});

describe("what is logged", () => {
  test("opening a record's page (or its data) is a read; a dashboard that lists it is not", async () => {
    const before = rows().length;
    await homeOf(MENTOR);
    await homeOf(SPECIALIST);
    expect(rows().length).toBe(before);
    await overviewOf(MENTOR, id);
    await pages.domain(SPECIALIST, id, "housing");
    const reads = rows().slice(before);
    expect(reads.map((r) => [r.kind, r.actorId, r.youngPersonId, r.part])).toEqual([
      ["read", userIdOf(MENTOR), id, "overview"],
      ["read", userIdOf(SPECIALIST), id, "housing"],
    ]);
    expect(reads[0]!.actorRole).toBe("mentor");
  });

  test("a refused read is not logged as a read of the record", async () => {
    const other = youngPersonIdOf("youth.aftercare@demo.test");
    const before = rows().length;
    expectNotFound(await pages.overview(YOUTH, other));
    expect(rows().length).toBe(before);
  });

  test("every change is logged with its kind, in the same transaction as the change", async () => {
    const before = rows().length;
    await post.domain(YOUTH, id, "housing", { ...goalForm("housing", { title: "Atrast istabu", clientToken: token() }) });
    const changes = rows()
      .slice(before)
      .filter((r) => r.kind === "change");
    expect(changes.map((r) => [r.actorId, r.youngPersonId, r.part])).toEqual([[userIdOf(YOUTH), id, "goal.created"]]);
  });

  test("entries hold ids and codes, never names or the young person's words", async () => {
    await post.domain(YOUTH, id, "housing", { ...goalForm("housing", { title: "Slepens mērķis ar vārdiem", clientToken: token() }) });
    await overviewOf(MENTOR, id);
    const text = JSON.stringify(rows());
    expect(text).not.toContain("Slepens");
    expect(text).not.toContain(nameOf(YOUTH));
    expect(text).not.toContain(nameOf(MENTOR));
  });
});

describe("append-only and hash-chained", () => {
  test("the demo's chain verifies, and the database refuses UPDATE and DELETE", async () => {
    await overviewOf(MENTOR, id);
    expect(rows().length).toBeGreaterThan(0);
    expect(verify()).toMatchObject({ ok: true, firstBroken: null, rows: rows().length });
    const client = getDb().$client;
    expect(() => client.prepare("UPDATE audit_log SET part = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => client.prepare("DELETE FROM audit_log WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => client.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(verify().ok).toBe(true);
  });

  test("a tampered entry is found: a changed field breaks its hash, a removed one the next link", async () => {
    for (let i = 0; i < 5; i++) await overviewOf(CARER, id);
    const all = rows();
    const victim = all[all.length - 3]!;
    const client = getDb().$client;
    // Someone with the database file can drop the triggers; the chain still tells.
    client.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    client.prepare("UPDATE audit_log SET actor_id = ? WHERE seq = ?").run(userIdOf(SPECIALIST), victim.seq);
    expect(verify()).toMatchObject({ ok: false, firstBroken: { seq: victim.seq, problem: "hash" } });
    client.prepare("UPDATE audit_log SET actor_id = ? WHERE seq = ?").run(victim.actorId, victim.seq);
    expect(verify().ok).toBe(true);
    client.prepare("DELETE FROM audit_log WHERE seq = ?").run(victim.seq);
    expect(verify()).toMatchObject({ ok: false, firstBroken: { seq: victim.seq + 1, problem: "link" } });
  });

  test("npm run audit:verify reports OK, then the first broken entry with exit code 1", async () => {
    await overviewOf(MENTOR, id);
    const env = { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH };
    const ok = execFileSync("npx", ["tsx", "db/audit-verify.ts"], { env, encoding: "utf8" });
    expect(ok).toMatch(/audit chain OK: \d+ entries/);
    const client = getDb().$client;
    await overviewOf(CARER, id);
    client.exec("DROP TRIGGER audit_log_no_update;");
    const second = rows()[1]!.seq;
    const changed = client.prepare("UPDATE audit_log SET part = 'tampered' WHERE seq = ?").run(second);
    expect(changed.changes).toBe(1);
    let failure: { status: number; stderr: string } | null = null;
    try {
      execFileSync("npx", ["tsx", "db/audit-verify.ts"], { env, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain(`BROKEN at entry ${second}`);
  }, 180_000);
});

describe("who looked at my plan", () => {
  test("Jānis sees that Pēteris looked at his plan today, one line with every part, without his own visits", async () => {
    const seeded = await jsonOf<AccessData>(await accessLog.page(YOUTH, id));
    // The demo's access log is not empty: the specialist, the carer and Pēteris looked this week.
    expect(seeded.days.length).toBeGreaterThan(0);
    const before = Date.now();
    await overviewOf(MENTOR, id);
    await pages.domain(MENTOR, id, "housing");
    await overviewOf(MENTOR, id);
    await overviewOf(YOUTH, id);
    const page = await jsonOf<AccessData>(await accessLog.page(YOUTH, id));
    const today = page.days.find((d) => d.day === page.today)!;
    const peteris = today.visits.filter((v) => v.actorName === nameOf(MENTOR));
    expect(peteris).toHaveLength(1);
    expect(peteris[0]!.parts).toEqual(expect.arrayContaining(["overview", "housing"]));
    expect(new Set(peteris[0]!.parts).size).toBe(peteris[0]!.parts.length);
    expect(peteris[0]!.to).toBeGreaterThanOrEqual(before);
    expect(peteris[0]!.from).toBeLessThanOrEqual(peteris[0]!.to);
    expect(today.visits.every((v) => v.actorName !== nameOf(YOUTH))).toBe(true);
    expect(peteris[0]!.actorRole).toBe("mentor");
  });

  test("only the young person opens it; anyone else gets 404", async () => {
    for (const email of [MENTOR, CARER, SPECIALIST, "lead@demo.test"]) expectNotFound(await accessLog.page(email, id));
  });

  test("no one else has looked: an empty list, not an error", async () => {
    const marta = youngPersonIdOf("youth.aftercare@demo.test");
    getDb().select().from(auditLog).where(eq(auditLog.youngPersonId, marta)).all();
    const page = await jsonOf<AccessData>(await accessLog.page("youth.aftercare@demo.test", marta));
    expect(Array.isArray(page.days)).toBe(true);
  });
});
