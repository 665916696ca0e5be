/**
 * Where a person's data lives, and "download everything about me": every table that references a young
 * person is in the registry (app/models/personal-data.server.ts); the download holds every row of the
 * person's data in those tables, and nothing of anyone else.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { calendarFeeds, mentorContacts, notificationReads, sessions, users } from "../../db/schema";
import { addDays, todayInRiga } from "~/domain/dates";
import { OTHER_TABLES, PERSONAL_TABLES, scopeCondition } from "~/models/personal-data.server";
import { addComment, addRating, createGoal, ensurePlan, setPlanB } from "~/models/plans.server";
import { saveDocument } from "~/models/documents.server";
import { setSkillState } from "~/models/skills.server";
import { getDb } from "~/utils/db.server";
import { freshDatabase, userByEmail } from "../helpers/db";
import { logContact, newLink } from "./calendar-support";
import { myDataDownload, sharing, type MyDataPage } from "./keys-support";
import { CARER, LEAD, MENTOR, SPECIALIST, YOUTH, expectNotFound, expectRedirect, jsonOf, overviewOf, youngPersonIdOf } from "./plan-support";

const MARTA = "youth.aftercare@demo.test";

function tablesOfDatabase(): string[] {
  return (getDb().$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map(
    (r) => r.name,
  );
}

describe("the registry of tables with a person's data", () => {
  beforeEach(async () => {
    await freshDatabase({ seed: false });
  });

  test("every table of the database is either registered as personal or said not to be", () => {
    const unlisted = tablesOfDatabase().filter((t) => !(t in PERSONAL_TABLES) && !(t in OTHER_TABLES));
    expect(unlisted, "add the table to PERSONAL_TABLES (or OTHER_TABLES, with the reason)").toEqual([]);
    for (const t of Object.keys(PERSONAL_TABLES)) expect(tablesOfDatabase()).toContain(t);
  });

  test("every table that references a young person — directly, through their plan, goals or mentorships, or by a young_person_id column — is registered", () => {
    const client = getDb().$client;
    const tables = tablesOfDatabase();
    const referencing = new Set(["young_people"]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const table of tables) {
        if (referencing.has(table)) continue;
        const fks = client.prepare(`PRAGMA foreign_key_list("${table}")`).all() as Array<{ table: string }>;
        const columns = client.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>;
        if (fks.some((fk) => referencing.has(fk.table)) || columns.some((c) => c.name === "young_person_id")) {
          referencing.add(table);
          grew = true;
        }
      }
    }
    expect(referencing.size).toBeGreaterThan(10);
    const missing = [...referencing].filter((t) => !(t in PERSONAL_TABLES));
    expect(missing, "a table that holds a young person's data must be in PERSONAL_TABLES").toEqual([]);
  });

  test("each registered table's scope selects through a column it really has", () => {
    const client = getDb().$client;
    for (const table of Object.keys(PERSONAL_TABLES)) {
      expect(() => client.prepare(`SELECT count(*) FROM "${table}" WHERE ${scopeCondition(table)}`).get("x"), table).not.toThrow();
    }
  });
});

describe("download everything about me", () => {
  let id = "";
  let marta = "";
  beforeEach(async () => {
    await freshDatabase();
    id = youngPersonIdOf(YOUTH);
    marta = youngPersonIdOf(MARTA);
    const today = todayInRiga();
    const janis = userByEmail(YOUTH);
    const plan = ensurePlan(id).id;
    const goal = createGoal(plan, janis.id, {
      domain: "finances",
      title: "Krāt naudu velosipēdam",
      why: "Lai brauktu uz darbu",
      owner: "youth",
      dueDate: addDays(today, 30),
    });
    addComment(plan, goal, userByEmail(MENTOR).id, "Labs mērķis, Jāni!");
    addRating(plan, janis.id, { domain: "finances", value: 6, raterKind: "youth", ratedOn: today });
    setPlanB(plan, janis.id, "finances", "Ja nesanāk, aizņemšos velosipēdu");
    setSkillState(plan, janis.organisationId, janis.id, "findRentalAd", "can_do");
    saveDocument(plan, janis.id, { kind: "other", label: "Bibliotēkas karte", status: "have" });
    logContact(YOUTH, { contactOn: today, nextMeetingOn: addDays(today, 3) });
    getDb()
      .insert(notificationReads)
      .values({ userId: janis.id, key: `test:${randomUUID()}`, readAt: Date.now() })
      .run();
    await newLink(YOUTH);
    expectRedirect(await sharing.set(YOUTH, id, "mentor", "health", false));
    await overviewOf(MENTOR, id);
    // Someone else's words, in someone else's plan.
    createGoal(ensurePlan(marta).id, userByEmail(MARTA).id, { domain: "housing", title: "Martas slepenais mērķis", owner: "youth" });
    await overviewOf(MENTOR, marta);
  });

  test("the JSON file holds every row of the person's data in every registered table", async () => {
    const outcome = await myDataDownload.json(YOUTH, id);
    expect(outcome.status).toBe(200);
    expect(outcome.response.headers.get("Content-Disposition")).toMatch(/attachment; filename="tilts-my-data-\d{4}-\d{2}-\d{2}\.json"/);
    const text = await outcome.response.text();
    const data = JSON.parse(text) as { format: string };
    expect(data.format).toBe("tilts-my-data/1");
    const client = getDb().$client;
    let checked = 0;
    for (const [table, entry] of Object.entries(PERSONAL_TABLES)) {
      if (!("key" in entry.exported)) continue;
      const values = (client.prepare(`SELECT "${entry.exported.key}" AS v FROM "${table}" WHERE ${scopeCondition(table)}`).all(id) as Array<{ v: unknown }>)
        .map((r) => r.v)
        .filter((v) => v !== null);
      for (const value of values) {
        expect(text.includes(JSON.stringify(value)) || text.includes(String(value)), `${table}.${entry.exported.key} = ${String(value)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    for (const words of ["Krāt naudu velosipēdam", "Lai brauktu uz darbu", "Labs mērķis, Jāni!", "Ja nesanāk, aizņemšos velosipēdu", "Bibliotēkas karte"]) {
      expect(text).toContain(words);
    }
  });

  test("nothing of anyone else: no other young person, no private note for the specialist, no password hash, token or session", async () => {
    const text = await (await myDataDownload.json(YOUTH, id)).response.text();
    expect(text).not.toContain(marta);
    expect(text).not.toContain("Marta Liepa");
    expect(text).not.toContain("Martas slepenais mērķis");
    expect(text).not.toContain("Privāta piezīme par sarunu");
    for (const u of getDb().select().from(users).all()) {
      expect(text).not.toContain(u.passwordHash);
      if (u.email !== YOUTH) expect(text).not.toContain(u.email);
    }
    for (const s of getDb().select().from(sessions).all()) expect(text).not.toContain(s.id);
    for (const f of getDb().select().from(calendarFeeds).all()) expect(text).not.toContain(f.tokenHash);
    // The private contact is there (the young person sees that a note exists), without its words.
    const privateContact = getDb()
      .select()
      .from(mentorContacts)
      .all()
      .find((c) => c.notePrivate && c.youngPersonId === id)!;
    expect(text).toContain(privateContact.id);
  });

  test("the readable page shows the same data", async () => {
    const page = await jsonOf<MyDataPage>(await myDataDownload.page(YOUTH, id));
    expect(page.data.record.displayName).toBe("Jānis Ozols");
    expect(page.data.plan.goals.some((g) => g.title === "Krāt naudu velosipēdam" && g.comments.length === 1)).toBe(true);
    // The demo's two (hidden and shared again twelve days ago) and today's.
    expect(page.data.sharing.receipts).toHaveLength(3);
    expect(page.data.sharing.receipts[0]).toMatchObject({ section: "health", shared: false });
    expect(page.data.accessLog.some((a) => a.who === "Pēteris Bērziņš")).toBe(true);
    expect(page.data.plan.skills.find((s) => s.key === "findRentalAd")?.title).toBeTruthy();
  });

  test("a download for someone else is not found, whoever asks", async () => {
    for (const email of [MENTOR, CARER, SPECIALIST, LEAD, MARTA]) {
      expectNotFound(await myDataDownload.json(email, id));
      expectNotFound(await myDataDownload.page(email, id));
    }
    expectNotFound(await myDataDownload.json(YOUTH, marta));
    expectNotFound(await myDataDownload.json(YOUTH, "no-such-record"));
  });
});
