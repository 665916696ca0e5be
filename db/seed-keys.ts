/**
 * Demo data for "the young person holds the keys": Jānis tried hiding Health from his mentor Pēteris
 * for a day (two receipts; it is shared again, so the demo can switch it off live), his access log shows
 * who looked at his plan, and one closed record is past the retention period for the lead to erase.
 * Dates are relative to today.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { addDays, addMonths, addYears, type IsoDate } from "../app/domain/dates";
import { DOMAINS } from "../app/domain/vocabulary";
import { appendAuditTo } from "../app/models/audit.server";
import type { Tx } from "../app/models/plans.server";
import type { TiltsDatabase } from "./connection";
import { goalComments, goals, planDomains, plans, sharingReceipts, sharingSwitches, users, youngPeople } from "./schema";

const DAY = 86_400_000;

export function seedKeys(db: TiltsDatabase, tx: Tx, organisationId: string, today: IsoDate, nowMs: number): void {
  const id = (email: string) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
  const janisUser = id("youth.transition@demo.test");
  const janis = tx.select().from(youngPeople).where(eq(youngPeople.userId, janisUser)).get()!;
  const peteris = id("mentor@demo.test");

  // Twelve days ago Jānis hid Health from Pēteris, and shared it again the next day.
  const switchedAt = nowMs - 12 * DAY;
  const sharedAgainAt = nowMs - 11 * DAY;
  tx.insert(sharingSwitches).values({ youngPersonId: janis.id, audience: "mentor", section: "health", shared: true, changedAt: sharedAgainAt }).run();
  for (const [shared, at] of [
    [false, switchedAt],
    [true, sharedAgainAt],
  ] as const) {
    tx.insert(sharingReceipts)
      .values({
        id: randomUUID(),
        youngPersonId: janis.id,
        audience: "mentor",
        section: "health",
        shared,
        peopleIds: [peteris],
        changedBy: janisUser,
        createdAt: at,
      })
      .run();
  }

  // Who looked: the specialist and the carer this week, Pēteris this morning.
  const client = db.$client;
  const reads: Array<[string, string, string, number]> = [
    [id("specialist@demo.test"), "specialist", "overview", 6 * DAY],
    [id("specialist@demo.test"), "specialist", "housing", 6 * DAY - 120_000],
    [id("carer@demo.test"), "carer", "overview", 2 * DAY],
    [peteris, "mentor", "overview", 2 * 3_600_000],
    [peteris, "mentor", "mentoring", 2 * 3_600_000 - 60_000],
    [peteris, "mentor", "education", 2 * 3_600_000 - 180_000],
  ];
  appendAuditTo(client, { actorId: janisUser, actorRole: "youth", youngPersonId: janis.id, kind: "sharing", part: "mentor.health.off" }, switchedAt);
  appendAuditTo(client, { actorId: janisUser, actorRole: "youth", youngPersonId: janis.id, kind: "sharing", part: "mentor.health.on" }, sharedAgainAt);
  for (const [actorId, role, part, ago] of reads.sort((a, b) => b[3] - a[3])) {
    appendAuditTo(client, { actorId, actorRole: role, youngPersonId: janis.id, kind: "read", part }, nowMs - ago);
  }

  // A closed record past the retention period (36 months): care ended 64 months ago, so the plan closed
  // 40 months ago. No login, no specialist any more.
  const careEnd = addMonths(today, -64);
  const karlis = randomUUID();
  tx.insert(youngPeople)
    .values({
      id: karlis,
      organisationId,
      displayName: "Kārlis Egle",
      dateOfBirth: addYears(careEnd, -18),
      careForm: "residential",
      municipality: "Liepāja",
      plannedCareEndDate: careEnd,
      actualCareEndDate: careEnd,
      specialistId: null,
    })
    .run();
  const planId = randomUUID();
  tx.insert(plans).values({ id: planId, youngPersonId: karlis }).run();
  tx.insert(planDomains)
    .values(DOMAINS.map((domain) => ({ id: randomUUID(), planId, domain })))
    .run();
  const goalId = randomUUID();
  tx.insert(goals)
    .values({
      id: goalId,
      planId,
      domain: "employment",
      title: "Atrast darbu ostā",
      why: "Gribu būt patstāvīgs",
      owner: "youth",
      status: "done",
      dueDate: addDays(careEnd, 90),
    })
    .run();
  tx.insert(goalComments)
    .values({ id: randomUUID(), goalId, authorId: id("lead@demo.test"), body: "Kārlim izdevās!" })
    .run();
}
