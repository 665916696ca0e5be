/**
 * The items behind feeds and notifications (app/models/calendar-items.server.ts): the records a user is
 * linked to are exactly those the full policy lets them see, on every day around the windows; a feed
 * costs the same few queries however big the plans are.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { carerLinks, goals, mentorships, steps, users, youngPeople } from "../../db/schema";
import { countExecutions, freshDatabase, insertOtherOrganisation, userByEmail } from "../helpers/db";
import { newLink } from "./calendar-support";
import { AFTERCARE, CARER, planIdOf, YOUTH, youngPersonIdOf } from "./plan-support";
import { addDays, addMonths, todayInRiga } from "~/domain/dates";
import { mentoringWindow } from "~/domain/phase";
import { can } from "~/domain/policy";
import { feedByToken, feedText } from "~/models/calendar-feeds.server";
import { linkedRecords } from "~/models/calendar-items.server";
import { getCaseSubject } from "~/models/young-people.server";
import { getDb } from "~/utils/db.server";

beforeEach(async () => {
  await freshDatabase();
});

function everyone() {
  return getDb()
    .select()
    .from(users)
    .all()
    .map((u) => ({ id: u.id, role: u.role, organisationId: u.organisationId }));
}

/** The records the full policy (with every relation loaded) lets `actor` see today, among those they own an item in. */
function byFullPolicy(actor: ReturnType<typeof everyone>[number], today: string): string[] {
  if (!["youth", "mentor", "specialist", "carer"].includes(actor.role)) return [];
  return getDb()
    .select({ id: youngPeople.id })
    .from(youngPeople)
    .all()
    .map((r) => r.id)
    .filter((id) => can(actor, "plan.view", getCaseSubject(id)!, today))
    .sort();
}

describe("linked records", () => {
  test("are what the full policy allows, for every user, on days around every window edge and with paused, closed and ended links", async () => {
    await insertOtherOrganisation();
    const today = todayInRiga();
    const janis = youngPersonOf(YOUTH);
    const marta = youngPersonOf(AFTERCARE);
    const days = new Set([today]);
    for (const person of [janis, marta]) {
      const window = mentoringWindow(person.actualCareEndDate ?? person.plannedCareEndDate);
      for (const edge of [window.start, window.end]) for (const shift of [-1, 0, 1]) days.add(addDays(edge, shift));
    }
    const check = () => {
      for (const day of days) {
        for (const actor of everyone()) {
          expect(
            linkedRecords(actor, day)
              .map((r) => r.id)
              .sort(),
            `${actor.role} ${actor.id} on ${day}`,
          ).toEqual(byFullPolicy(actor, day));
        }
      }
    };
    check();
    getDb().update(mentorships).set({ status: "paused" }).where(eq(mentorships.youngPersonId, janis.id)).run();
    getDb()
      .update(carerLinks)
      .set({ endedOn: addMonths(today, -1) })
      .run();
    check();
    getDb().update(mentorships).set({ status: "closed" }).where(eq(mentorships.youngPersonId, marta.id)).run();
    check();
    // A new mentor for Jānis once the old mentorship is closed.
    getDb().update(mentorships).set({ status: "closed" }).where(eq(mentorships.youngPersonId, janis.id)).run();
    const carer = userByEmail(CARER);
    const newMentor = randomUUID();
    getDb()
      .insert(users)
      .values({
        id: newMentor,
        organisationId: carer.organisationId,
        email: "mentor.another@demo.test",
        passwordHash: carer.passwordHash,
        displayName: "Otrs Mentors",
        role: "mentor",
      })
      .run();
    getDb().insert(mentorships).values({ id: randomUUID(), youngPersonId: janis.id, mentorId: newMentor, status: "active", startedOn: today }).run();
    check();
  });
});

function youngPersonOf(email: string) {
  return getDb()
    .select()
    .from(youngPeople)
    .where(eq(youngPeople.id, youngPersonIdOf(email)))
    .get()!;
}

describe("cost of a feed", () => {
  // The token, the linked records, the policy's view of them (mentorships, carer links, sharing
  // switches) and the items.
  test("one query for the token, five for the items, however big the plans", async () => {
    const { token } = await newLink(YOUTH);
    const today = todayInRiga();
    const feed = feedByToken(token)!;
    const small = await countExecutions(() => feedText(feedByToken(token)!, "https://tilts.example", today));
    const planId = planIdOf(youngPersonIdOf(YOUTH));
    getDb().transaction((tx) => {
      for (let g = 0; g < 50; g++) {
        const goalId = randomUUID();
        tx.insert(goals)
          .values({
            id: goalId,
            planId,
            domain: "health",
            title: `Mērķis ${g}`,
            owner: "youth",
            dueDate: addDays(today, g),
            status: "planned",
            position: 50 + g,
          })
          .run();
        for (let s = 0; s < 5; s++)
          tx.insert(steps)
            .values({ id: randomUUID(), goalId, title: `Solis ${s}`, owner: "youth", dueDate: addDays(today, g + s) })
            .run();
      }
    });
    const big = await countExecutions(() => feedText(feedByToken(token)!, "https://tilts.example", today));
    expect(big.result.events).toBeGreaterThan(small.result.events + 290);
    expect(big.count).toBe(small.count);
    expect(big.count).toBe(6);
    expect(feed.kind).toBe("youth");
  });
});
