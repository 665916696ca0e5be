/**
 * The demo organisation: seeded on an empty database (SEED_DEMO=0 turns it off) and used by the
 * end-to-end tests. Every date is relative to `today`, so the demo never goes stale.
 */
import { randomUUID } from "node:crypto";
import { addMonths, type IsoDate } from "../app/domain/dates";
import { DOMAINS, type CareForm, type Role } from "../app/domain/vocabulary";
import { hashPassword } from "../app/utils/password.server";
import type { TiltsDatabase } from "./connection";
import { AFTERCARE_PLAN, PREPARATION_PLAN, seedPlan, TRANSITION_PLAN, type DemoPlan } from "./seed-plans";
import { carerLinks, mentorships, organisations, planDomains, plans, users, youngPeople } from "./schema";

export const DEMO_PASSWORD = "tilts-demo-parole";
export const DEMO_ORGANISATION_NAME = "SOS Bērnu ciemati — demonstrācija";

export interface DemoAccount {
  email: string;
  role: Role;
  displayName: string;
  /** What the account shows, for the start-up banner and the README. */
  about: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "youth.preparation@demo.test", role: "youth", displayName: "Anna Kalniņa", about: "young person, 15, care ends in about 3 years" },
  { email: "youth.transition@demo.test", role: "youth", displayName: "Jānis Ozols", about: "young person, 17, care ends in about 8 months; mentor and carer" },
  { email: "youth.aftercare@demo.test", role: "youth", displayName: "Marta Liepa", about: "young person, 19, care ended about 6 months ago; mentor" },
  { email: "mentor@demo.test", role: "mentor", displayName: "Pēteris Bērziņš", about: "mentor of Jānis and Marta" },
  { email: "specialist@demo.test", role: "specialist", displayName: "Ilze Krūmiņa", about: "youth specialist of all three" },
  { email: "carer@demo.test", role: "carer", displayName: "Inese Ozola", about: "foster carer of Jānis" },
  { email: "lead@demo.test", role: "lead", displayName: "Dace Vītola", about: "team lead" },
  { email: "admin@demo.test", role: "admin", displayName: "Andris Zariņš", about: "administrator (no case content)" },
];

interface DemoYoungPerson {
  email: string;
  /** Age in months today. */
  ageMonths: number;
  /** Care end relative to today, in months (negative: already ended). */
  careEndInMonths: number;
  careForm: CareForm;
  municipality: string;
  mentor: boolean;
  carer: boolean;
  plan: DemoPlan;
}

const DEMO_YOUNG_PEOPLE: readonly DemoYoungPerson[] = [
  { email: "youth.preparation@demo.test", ageMonths: 15 * 12 + 3, careEndInMonths: 36, careForm: "sos_family", municipality: "Valmieras novads", mentor: false, carer: false, plan: PREPARATION_PLAN },
  { email: "youth.transition@demo.test", ageMonths: 17 * 12 + 4, careEndInMonths: 8, careForm: "foster_family", municipality: "Bauskas novads", mentor: true, carer: true, plan: TRANSITION_PLAN },
  { email: "youth.aftercare@demo.test", ageMonths: 19 * 12 + 2, careEndInMonths: -6, careForm: "residential", municipality: "Rīga", mentor: true, carer: false, plan: AFTERCARE_PLAN },
];

export function isDatabaseEmpty(db: TiltsDatabase): boolean {
  return db.select({ id: organisations.id }).from(organisations).limit(1).all().length === 0;
}

export async function seedDemo(db: TiltsDatabase, today: IsoDate): Promise<{ organisationId: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const organisationId = randomUUID();
  const userIds = new Map(DEMO_ACCOUNTS.map((a) => [a.email, randomUUID()]));
  const id = (email: string) => userIds.get(email)!;

  // Synchronous transaction: better-sqlite3 transactions must not await.
  db.transaction((tx) => {
    tx.insert(organisations).values({ id: organisationId, name: DEMO_ORGANISATION_NAME }).run();
    tx.insert(users)
      .values(
        DEMO_ACCOUNTS.map((a) => ({
          id: id(a.email),
          organisationId,
          email: a.email,
          passwordHash,
          displayName: a.displayName,
          role: a.role,
          locale: "lv" as const,
        })),
      )
      .run();

    for (const person of DEMO_YOUNG_PEOPLE) {
      const account = DEMO_ACCOUNTS.find((a) => a.email === person.email)!;
      const youngPersonId = randomUUID();
      const careEnd = addMonths(today, person.careEndInMonths);
      tx.insert(youngPeople)
        .values({
          id: youngPersonId,
          organisationId,
          userId: id(person.email),
          displayName: account.displayName,
          dateOfBirth: addMonths(today, -person.ageMonths),
          careForm: person.careForm,
          municipality: person.municipality,
          plannedCareEndDate: careEnd,
          actualCareEndDate: person.careEndInMonths < 0 ? careEnd : null,
          specialistId: id("specialist@demo.test"),
        })
        .run();
      if (person.mentor) {
        tx.insert(mentorships)
          .values({
            id: randomUUID(),
            youngPersonId,
            mentorId: id("mentor@demo.test"),
            status: "active",
            startedOn: addMonths(careEnd, -12) < today ? addMonths(careEnd, -12) : today,
          })
          .run();
      }
      if (person.carer) {
        tx.insert(carerLinks)
          .values({ id: randomUUID(), youngPersonId, carerId: id("carer@demo.test"), startedOn: addMonths(today, -60) })
          .run();
      }
      const planId = randomUUID();
      tx.insert(plans).values({ id: planId, youngPersonId }).run();
      tx.insert(planDomains)
        .values(DOMAINS.map((domain) => ({ id: randomUUID(), planId, domain })))
        .run();
      seedPlan(tx, person.plan, {
        planId,
        today,
        nowMs: Date.now(),
        people: {
          youth: id(person.email),
          mentor: person.mentor ? id("mentor@demo.test") : null,
          specialist: id("specialist@demo.test"),
          carer: person.carer ? id("carer@demo.test") : null,
        },
      });
    }
  });
  return { organisationId };
}
