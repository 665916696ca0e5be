/**
 * The demo organisation: seeded on an empty database (SEED_DEMO=0 turns it off) and used by the
 * end-to-end tests. Every date is relative to `today`, so the demo never goes stale.
 */
import { randomUUID } from "node:crypto";
import { addDays, addMonths, type IsoDate } from "../app/domain/dates";
import { DOMAINS, type CareForm, type Domain, type Role } from "../app/domain/vocabulary";
import { hashPassword } from "../app/utils/password.server";
import type { TiltsDatabase } from "./connection";
import { seedKeys } from "./seed-keys";
import { seedHelp } from "./seed-help";
import { seedBudget, seedSupportCatalogue } from "./seed-budget";
import { seedOrganisationDemo } from "./seed-org";
import { seedReviews } from "./seed-reviews";
import { AFTERCARE_PLAN, PREPARATION_PLAN, seedPlan, TRANSITION_PLAN, type DemoPlan } from "./seed-plans";
import { carerLinks, mentorContacts, mentorships, organisations, planDomains, plans, users, youngPeople } from "./schema";

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
  {
    email: "mentor@demo.test",
    role: "mentor",
    displayName: "Pēteris Bērziņš",
    about: "mentor of Jānis and Marta (inside their windows); Marta's contact is overdue",
  },
  {
    email: "mentor2@demo.test",
    role: "mentor",
    displayName: "Laura Siliņa",
    about: "Marta's former mentor (closed) and linked to Kristaps before his window opens: sees no one",
  },
  { email: "specialist@demo.test", role: "specialist", displayName: "Ilze Krūmiņa", about: "youth specialist of all six; two of them need a mentor" },
  { email: "carer@demo.test", role: "carer", displayName: "Inese Ozola", about: "foster carer of Jānis" },
  { email: "lead@demo.test", role: "lead", displayName: "Dace Vītola", about: "team lead" },
  { email: "admin@demo.test", role: "admin", displayName: "Andris Zariņš", about: "administrator (no case content)" },
];

type DemoMentor = "mentor@demo.test" | "mentor2@demo.test";

interface DemoYoungPerson {
  displayName: string;
  /** Their own login, if they have accepted the invitation. */
  email: string | null;
  /** Age in months today. */
  ageMonths: number;
  /** Care end relative to today, in months (negative: already ended). */
  careEndInMonths: number;
  careForm: CareForm;
  municipality: string;
  /** The active mentor, linked at the window's start or today, whichever is later. */
  mentor: DemoMentor | null;
  carer: boolean;
  plan: DemoPlan | null;
}

const DEMO_YOUNG_PEOPLE: readonly DemoYoungPerson[] = [
  {
    displayName: "Anna Kalniņa",
    email: "youth.preparation@demo.test",
    ageMonths: 15 * 12 + 3,
    careEndInMonths: 36,
    careForm: "sos_family",
    municipality: "Valmieras novads",
    mentor: null,
    carer: false,
    plan: PREPARATION_PLAN,
  },
  {
    displayName: "Jānis Ozols",
    email: "youth.transition@demo.test",
    ageMonths: 17 * 12 + 4,
    careEndInMonths: 8,
    careForm: "foster_family",
    municipality: "Bauskas novads",
    mentor: "mentor@demo.test",
    carer: true,
    plan: TRANSITION_PLAN,
  },
  {
    displayName: "Marta Liepa",
    email: "youth.aftercare@demo.test",
    ageMonths: 19 * 12 + 2,
    careEndInMonths: -6,
    careForm: "residential",
    municipality: "Rīga",
    mentor: "mentor@demo.test",
    carer: false,
    plan: AFTERCARE_PLAN,
  },
  // Records without a login of their own yet: they show the specialist's "needs a mentor" list and a
  // mentor linked before the window opens.
  {
    displayName: "Roberts Kalns",
    email: null,
    ageMonths: 17 * 12 + 1,
    careEndInMonths: 10,
    careForm: "guardianship",
    municipality: "Jelgava",
    mentor: null,
    carer: false,
    plan: null,
  },
  {
    displayName: "Elīza Vanaga",
    email: null,
    ageMonths: 16 * 12 + 9,
    careEndInMonths: 14,
    careForm: "sos_family",
    municipality: "Valmieras novads",
    mentor: null,
    carer: false,
    plan: null,
  },
  {
    displayName: "Kristaps Lācis",
    email: null,
    ageMonths: 16 * 12 + 2,
    careEndInMonths: 20,
    careForm: "foster_family",
    municipality: "Cēsu novads",
    mentor: "mentor2@demo.test",
    carer: false,
    plan: null,
  },
];

interface DemoContact {
  daysAgo: number;
  made: boolean;
  channel: "in_person" | "phone" | "video" | "message";
  minutes: number | null;
  topics: Domain[];
  note: string | null;
  notePrivate?: boolean;
  /** Days from today (negative: already past), and the time in Riga. */
  nextMeeting?: { inDays: number; time: string | null };
}

/** The contact logs of the demo's mentorships, by the young person's name. */
const DEMO_CONTACTS: Record<string, readonly DemoContact[]> = {
  "Jānis Ozols": [
    {
      daysAgo: 52,
      made: true,
      channel: "in_person",
      minutes: 60,
      topics: ["housing", "finances"],
      note: "Apskatījām īres sludinājumus Bauskā. Jānis gribētu dzīvot kopā ar draugu.",
      nextMeeting: { inDays: -22, time: "17:00" },
    },
    {
      daysAgo: 22,
      made: true,
      channel: "phone",
      minutes: 20,
      topics: ["education"],
      note: "Runājām par pieteikšanos tehnikumā; dokumenti jāiesniedz līdz mēneša beigām.",
      nextMeeting: { inDays: 3, time: "17:30" },
    },
    {
      daysAgo: 10,
      made: false,
      channel: "message",
      minutes: null,
      topics: [],
      note: "Uzrakstīju, lai atgādinātu par tehnikuma dokumentiem; atbildi nesaņēmu.",
    },
  ],
  "Marta Liepa": [
    {
      daysAgo: 75,
      made: true,
      channel: "in_person",
      minutes: 90,
      topics: ["employment", "finances"],
      note: "CV ir gatavs. Izrēķinājām, cik paliek pēc īres samaksas.",
      nextMeeting: { inDays: -45, time: "18:00" },
    },
    {
      daysAgo: 45,
      made: true,
      channel: "video",
      minutes: 40,
      topics: ["psychosocial", "housing"],
      note: "Marta teica, ka jaunajā dzīvoklī jūtas vientuļa. Lūdzu speciālistei piedāvāt psihologa konsultāciju.",
      notePrivate: true,
    },
  ],
};

/** Marta's first mentor, who left: the closed mentorship the next mentor reads about. */
const MARTA_FORMER_MENTORSHIP = {
  monthsAgoStarted: 18,
  monthsAgoClosed: 8,
  handoverNote:
    "Marta ir mērķtiecīga un labi plāno naudu. Vēl nav atrisināts darbs: viņa baidās no intervijām, palīdz izmēģināt tās iepriekš. Labāk rakstīt īsziņu nekā zvanīt.",
  youthNote: "Man palīdz, ja atgādina par termiņiem ar īsziņu, nevis zvana. Gribu runāt par darbu un par to, kā dzīvot vienai.",
  contact: { daysAgo: 260, note: "Pirmā tikšanās: runājām par to, ko Marta grib pēc aprūpes beigām." },
};

export function isDatabaseEmpty(db: TiltsDatabase): boolean {
  return db.select({ id: organisations.id }).from(organisations).limit(1).all().length === 0;
}

/** `organisation: false` leaves out db/seed-org.ts (the 40 records for the statistics, the pending invitation). */
export async function seedDemo(db: TiltsDatabase, today: IsoDate, options: { organisation?: boolean } = {}): Promise<{ organisationId: string }> {
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

    const support = seedSupportCatalogue(tx, organisationId);
    for (const person of DEMO_YOUNG_PEOPLE) {
      const youngPersonId = randomUUID();
      const careEnd = addMonths(today, person.careEndInMonths);
      const windowStart = addMonths(careEnd, -12);
      tx.insert(youngPeople)
        .values({
          id: youngPersonId,
          organisationId,
          userId: person.email ? id(person.email) : null,
          displayName: person.displayName,
          dateOfBirth: addMonths(today, -person.ageMonths),
          careForm: person.careForm,
          municipality: person.municipality,
          plannedCareEndDate: careEnd,
          actualCareEndDate: person.careEndInMonths < 0 ? careEnd : null,
          specialistId: id("specialist@demo.test"),
        })
        .run();
      if (person.displayName === "Marta Liepa") {
        const former = MARTA_FORMER_MENTORSHIP;
        const formerId = randomUUID();
        tx.insert(mentorships)
          .values({
            id: formerId,
            youngPersonId,
            mentorId: id("mentor2@demo.test"),
            status: "closed",
            startedOn: addMonths(today, -former.monthsAgoStarted),
            closedOn: addMonths(today, -former.monthsAgoClosed),
            closeReason: "mentor_left",
            handoverNote: former.handoverNote,
            youthNote: former.youthNote,
            youthNoteAt: Date.now() - former.monthsAgoClosed * 30 * 86_400_000,
            linkedBy: id("specialist@demo.test"),
            closedBy: id("specialist@demo.test"),
          })
          .run();
        tx.insert(mentorContacts)
          .values({
            id: randomUUID(),
            mentorshipId: formerId,
            youngPersonId,
            authorId: id("mentor2@demo.test"),
            contactOn: addDays(today, -former.contact.daysAgo),
            made: true,
            channel: "in_person",
            durationMinutes: 60,
            topics: ["psychosocial"],
            note: former.contact.note,
          })
          .run();
      }
      if (person.mentor) {
        const mentorshipId = randomUUID();
        const startedOn =
          person.displayName === "Marta Liepa" ? addMonths(today, -MARTA_FORMER_MENTORSHIP.monthsAgoClosed) : windowStart < today ? windowStart : today;
        tx.insert(mentorships)
          .values({ id: mentorshipId, youngPersonId, mentorId: id(person.mentor), status: "active", startedOn, linkedBy: id("specialist@demo.test") })
          .run();
        for (const c of DEMO_CONTACTS[person.displayName] ?? []) {
          tx.insert(mentorContacts)
            .values({
              id: randomUUID(),
              mentorshipId,
              youngPersonId,
              authorId: id(person.mentor),
              contactOn: addDays(today, -c.daysAgo),
              made: c.made,
              channel: c.channel,
              durationMinutes: c.minutes,
              topics: c.topics,
              note: c.note,
              notePrivate: c.notePrivate ?? false,
              nextMeetingOn: c.nextMeeting ? addDays(today, c.nextMeeting.inDays) : null,
              nextMeetingTime: c.nextMeeting?.time ?? null,
              createdAt: Date.now() - c.daysAgo * 86_400_000,
            })
            .run();
        }
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
      if (person.plan) {
        seedPlan(tx, person.plan, {
          planId,
          today,
          nowMs: Date.now(),
          people: {
            youth: person.email ? id(person.email) : null,
            mentor: person.mentor ? id(person.mentor) : null,
            specialist: id("specialist@demo.test"),
            carer: person.carer ? id("carer@demo.test") : null,
          },
        });
      }
      if (person.carer && person.email) {
        seedBudget(tx, {
          youngPersonId,
          planId,
          youthId: id(person.email),
          carerId: id("carer@demo.test"),
          specialistId: id("specialist@demo.test"),
          today,
          nowMs: Date.now(),
          support,
        });
      }
    }
    seedKeys(db, tx, organisationId, today, Date.now());
    seedHelp(tx, today, Date.now());
    seedReviews(
      tx,
      { youth: id("youth.transition@demo.test"), specialist: id("specialist@demo.test"), mentor: id("mentor@demo.test"), carer: id("carer@demo.test") },
      today,
    );
    if (options.organisation !== false) seedOrganisationDemo(tx, organisationId, id("admin@demo.test"), today, Date.now());
  });
  return { organisationId };
}
