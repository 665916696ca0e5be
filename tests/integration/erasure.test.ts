/**
 * Erasure and anonymisation: only a lead, only a closed plan past the organisation's retention period,
 * always with a kept reason; afterwards the person's identifiers and words are gone from the database
 * file's bytes (after a VACUUM), anonymous statistics still count them and the audit chain verifies.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { erasures, youngPeople } from "../../db/schema";
import { verifyAuditChain } from "~/domain/audit-chain";
import { recordCounts } from "~/models/erasure.server";
import { organisationStatistics } from "~/models/statistics.server";
import { personalRowCounts } from "~/models/personal-data.server";
import { getDb } from "~/utils/db.server";
import { freshDatabase } from "../helpers/db";
import { erasure, type ErasurePage } from "./keys-support";
import { ADMIN, CARER, LEAD, MENTOR, SPECIALIST, YOUTH, expectRedirect, jsonOf, youngPersonIdOf } from "./plan-support";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const KARLIS_WORDS = ["Kārlis Egle", "Atrast darbu ostā", "Gribu būt patstāvīgs", "Kārlim izdevās!"];

let karlis = "";
let organisationId = "";
beforeEach(async () => {
  await freshDatabase();
  const row = getDb().select().from(youngPeople).where(eq(youngPeople.displayName, "Kārlis Egle")).get()!;
  karlis = row.id;
  organisationId = row.organisationId;
});

function fileBytes(): string {
  const client = getDb().$client;
  client.exec("VACUUM");
  client.pragma("wal_checkpoint(TRUNCATE)");
  const path = process.env.DATABASE_PATH!;
  const wal = `${path}-wal`;
  return Buffer.concat([readFileSync(path), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]).toString("utf8");
}

const eraseForm = (youngPersonId: string, extra: Record<string, string> = {}) => ({
  intent: "erase",
  youngPersonId,
  mode: "erase",
  reason: "Glabāšanas termiņš ir beidzies",
  ...extra,
});

describe("a lead erases a closed record past its retention", () => {
  test("the demo's closed record is listed as erasable; after erasure nothing of it is left in the file", async () => {
    const page = await jsonOf<ErasurePage>(await erasure.page(LEAD));
    expect(page.retentionMonths).toBe(36);
    expect(page.records.find((r) => r.id === karlis)).toMatchObject({ displayName: "Kārlis Egle", mayErase: true });
    const before = fileBytes();
    for (const words of KARLIS_WORDS) expect(before).toContain(words);
    const countsBefore = recordCounts(organisationId);

    expectRedirect(await erasure.post(LEAD, eraseForm(karlis)), "/organisation/erasure?erased=1");

    const left = personalRowCounts(getDb(), karlis);
    expect(Object.entries(left).filter(([table, n]) => table !== "audit_log" && n > 0)).toEqual([]);
    const after = fileBytes();
    for (const words of KARLIS_WORDS) expect(after, words).not.toContain(words);
    // Statistics still count the record; the reason is kept; the chain still verifies.
    expect(recordCounts(organisationId)).toEqual(countsBefore);
    const kept = getDb().select().from(erasures).all();
    expect(kept).toMatchObject([{ mode: "erase", reason: "Glabāšanas termiņš ir beidzies", careForm: "residential" }]);
    expect(verifyAuditChain(getDb().$client, sha256)).toMatchObject({ ok: true });
    const pageAfter = await jsonOf<ErasurePage>(await erasure.page(LEAD));
    expect(pageAfter.records.map((r) => r.id)).not.toContain(karlis);
    expect(pageAfter.erased).toHaveLength(1);
  });

  test("anonymising keeps only numbers", async () => {
    expectRedirect(await erasure.post(LEAD, eraseForm(karlis, { mode: "anonymise" })));
    const [kept] = getDb().select().from(erasures).all();
    expect(kept!.stats).toEqual({ "goals.employment.done": 1, contacts: 0 });
    const after = fileBytes();
    for (const words of KARLIS_WORDS) expect(after).not.toContain(words);
  });
});

describe("the lead's statistics count erased and anonymised records", () => {
  const today = () => new Date().toISOString().slice(0, 10);
  for (const mode of ["erase", "anonymise"] as const) {
    test(`after "${mode}" every table of the statistics page reads as before, whole and filtered by the record's care form`, async () => {
      // Enough residential records beside Kārlis for the filter to be shown.
      getDb()
        .insert(youngPeople)
        .values(
          Array.from({ length: 5 }, (_, i) => ({
            id: `residential-${i}`,
            organisationId,
            displayName: `Residential ${i}`,
            dateOfBirth: "2009-03-01",
            careForm: "residential" as const,
            municipality: "Rīga",
            plannedCareEndDate: "2027-03-01",
          })),
        )
        .run();
      const before = organisationStatistics(organisationId, {}, today());
      const filtered = organisationStatistics(organisationId, { careForm: "residential" }, today());
      expect(filtered.filterError, JSON.stringify(filtered.filterError)).toBeNull();
      // The record is in the counts: a done goal in employment, a closed phase, its care form.
      expectRedirect(await erasure.post(LEAD, eraseForm(karlis, { mode })));
      expect(getDb().select().from(youngPeople).where(eq(youngPeople.id, karlis)).get()).toBeUndefined();
      expect(organisationStatistics(organisationId, {}, today()).statistics).toEqual(before.statistics);
      expect(organisationStatistics(organisationId, { careForm: "residential" }, today()).statistics).toEqual(filtered.statistics);
      const [kept] = getDb().select().from(erasures).all();
      expect(kept).toMatchObject({ careForm: "residential", birthYear: expect.any(Number), municipality: expect.any(String) });
      expect(kept!.stats).toMatchObject({ "goals.employment.done": 1 });
    });
  }

  test("a record erased before the statistics columns were kept counts as closed, not recorded, among the small municipalities", async () => {
    const before = organisationStatistics(organisationId, {}, today());
    getDb()
      .insert(erasures)
      .values({ id: "old-erasure", organisationId, mode: "erase", reason: "old", careForm: "foster", careEndYear: 2019, stats: null })
      .run();
    const after = organisationStatistics(organisationId, {}, today()).statistics;
    expect(before.statistics.population).toEqual(expect.any(Number));
    expect(after.population).toBe(before.statistics.population! + 1);
  });
});

describe("bad input", () => {
  test("an open record, a record inside the retention period: a clear refusal, nothing erased", async () => {
    const janis = youngPersonIdOf(YOUTH);
    const open = await erasure.post(LEAD, eraseForm(janis));
    expect(open.status).toBe(400);
    expect(((await open.response.json()) as { errors: Record<string, string> }).errors).toEqual({ record: "keys.erase.errors.open" });
    expectRedirect(await erasure.post(LEAD, { intent: "retention", months: "600" }));
    const early = await erasure.post(LEAD, eraseForm(karlis));
    expect(early.status).toBe(400);
    const reply = (await early.response.json()) as { errors: Record<string, string>; endsOn: string };
    expect(reply.errors).toEqual({ record: "keys.erase.errors.retention" });
    expect(reply.endsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(getDb().select().from(erasures).all()).toEqual([]);
    expect(personalRowCounts(getDb(), karlis).young_people).toBe(1);
  });

  test("no reason, a short reason, an unknown mode: errors by the field, what was typed kept", async () => {
    for (const [form, errors] of [
      [{ reason: "" }, { reason: "keys.erase.errors.reason" }],
      [{ reason: "   īss   " }, { reason: "keys.erase.errors.reason" }],
      [{ mode: "shred" }, { mode: "keys.erase.errors.mode" }],
      [
        { mode: "", reason: "x".repeat(501) },
        { mode: "keys.erase.errors.mode", reason: "keys.erase.errors.reason" },
      ],
    ] as const) {
      const outcome = await erasure.post(LEAD, eraseForm(karlis, form));
      expect(outcome.status).toBe(400);
      const reply = (await outcome.response.json()) as { errors: Record<string, string>; values: Record<string, string> };
      expect(reply.errors).toEqual(errors);
      if ("reason" in form) expect(reply.values.reason).toBe(form.reason);
    }
    expect(getDb().select().from(erasures).all()).toEqual([]);
  });

  test("only a lead: others get 403; a record that does not exist or is not the lead's is 404", async () => {
    for (const email of [SPECIALIST, MENTOR, CARER, YOUTH, ADMIN]) {
      const page = await erasure.page(email);
      expect(page.status).toBe(403);
      const posted = await erasure.post(email, eraseForm(karlis));
      expect(posted.status).toBe(403);
    }
    expect((await erasure.post(LEAD, eraseForm("no-such-record"))).status).toBe(404);
    expect((await erasure.post(LEAD, { intent: "nonsense" })).status).toBe(400);
    expect(getDb().select().from(erasures).all()).toEqual([]);
  });

  test("a retention period that is not a whole number of months from 1 to 600 is refused", async () => {
    for (const months of ["", "0", "601", "12.5", "abc", "-3", "1e3"]) {
      const outcome = await erasure.post(LEAD, { intent: "retention", months });
      expect(outcome.status, months).toBe(400);
    }
    expect((await jsonOf<ErasurePage>(await erasure.page(LEAD))).retentionMonths).toBe(36);
  });
});
