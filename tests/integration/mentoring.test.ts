/**
 * Mentoring (SPEC.md, "Time frame of a plan" and "Mentoring") through the real routes and the real seeded
 * demo organisation: the mentor's access follows the mentoring window, linking, the contact log and its
 * private notes, the contact rhythm, pausing and closing, who needs a mentor, and the mentor's dashboard.
 *
 * The demo (db/seed.ts), relative to the day the database is seeded:
 * - Jānis Ozols: care ends in 8 months, mentor Pēteris (mentor@), last contact made 22 days ago, a
 *   meeting agreed in 3 days at 17:30, then an unanswered message 10 days ago;
 * - Marta Liepa: care ended 6 months ago, mentor Pēteris, last contact 45 days ago with a PRIVATE note;
 *   an earlier mentorship with Laura (mentor2@), closed, with a handover note and Marta's own note;
 * - Roberts Kalns (window open, no mentor), Elīza Vanaga (window opens in 2 months), Kristaps Lācis
 *   (window opens in 8 months, Laura linked), Anna Kalniņa (window opens in 2 years, no mentor).
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { mentorContacts, mentorships, organisations, planDomains, plans, steps, users, youngPeople } from "../../db/schema";
import { seedPlan, TRANSITION_PLAN } from "../../db/seed-plans";
import { browserRequest, countStatements, freshDatabase, insertOtherOrganisation, routeArgs, settle, userByEmail } from "../helpers/db";
import {
  ADMIN,
  AFTERCARE,
  CARER,
  cookieOf,
  expectRedirect,
  goalRows,
  historyOf,
  LEAD,
  MENTOR,
  openStepOwnedBy,
  pages,
  post,
  SPECIALIST,
  stepRow,
  token,
  userIdOf,
  YOUTH,
  youngPersonIdOf,
  type Outcome,
} from "./plan-support";
import {
  contactRows,
  dataOf,
  expectNothingChanged,
  fetchPage,
  homeOf,
  mentoring,
  mentoringOf,
  mentorshipRows,
  only,
  otherPages,
  replyOf,
  settings,
  type ContactPageData,
  type Reply,
} from "./mentoring-support";
import { addDays, addMonths, todayInRiga } from "~/domain/dates";
import { decodeFieldError } from "~/domain/form-errors";
import { mentoringWindow } from "~/domain/phase";
import { DOMAINS } from "~/domain/vocabulary";
import { linkMentor } from "~/models/mentorships.server";
import * as contactRoute from "~/routes/plan.$youngPersonId.mentoring.contact";
import { setClock, today } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";

const MENTOR2 = "mentor2@demo.test"; // Laura Siliņa
const PETERIS = "Pēteris Bērziņš";
const JANIS = "Jānis Ozols";
const MARTA = "Marta Liepa";
const ROBERTS = "Roberts Kalns";
const ELIZA = "Elīza Vanaga";
const KRISTAPS = "Kristaps Lācis";
const ANNA = "Anna Kalniņa";

/** Marta's last contact (45 days ago), a note only for the specialist. */
const MARTA_PRIVATE_NOTE = "Marta teica, ka jaunajā dzīvoklī jūtas vientuļa";
/** Laura's handover note and Marta's own words on the closed mentorship. */
const LAURA_HANDOVER = "Marta ir mērķtiecīga un labi plāno naudu";
const MARTA_YOUTH_NOTE = "Man palīdz, ja atgādina par termiņiem ar īsziņu";

/** The day the demo was seeded ("today" unless a test moves the clock). */
let TODAY: string;

beforeEach(async () => {
  TODAY = todayInRiga();
  await freshDatabase({ today: TODAY });
});

afterEach(() => {
  setClock(null);
});

/** Noon in Riga on a calendar day, so today() is exactly that day. */
function noonOn(day: string): Date {
  return new Date(`${day}T10:00:00Z`);
}

function recordOf(displayName: string) {
  const row = getDb().select().from(youngPeople).where(eq(youngPeople.displayName, displayName)).get();
  if (!row) throw new Error(`No record ${displayName}`);
  return row;
}

const idOf = (displayName: string) => recordOf(displayName).id;

function windowOf(displayName: string) {
  const row = recordOf(displayName);
  return mentoringWindow(row.actualCareEndDate ?? row.plannedCareEndDate);
}

function openMentorshipOf(youngPersonId: string) {
  return mentorshipRows(youngPersonId).find((m) => m.status !== "closed") ?? null;
}

function openMentorshipId(youngPersonId: string): string {
  const open = openMentorshipOf(youngPersonId);
  if (!open) throw new Error("No open mentorship");
  return open.id;
}

/** The translation key (and its values) conform shows next to `field`. */
function errorAt(reply: Reply, field: string) {
  const messages = reply.error?.[field];
  expect(messages, `an error next to ${field}`).toBeTruthy();
  return decodeFieldError(messages![0]!);
}

/** Only the fields that have errors. */
function fieldsWithErrors(reply: Reply): string[] {
  return Object.entries(reply.error ?? {})
    .filter(([, messages]) => messages && messages.length)
    .map(([field]) => field)
    .sort();
}

function contactForm(overrides: Record<string, string> = {}): Record<string, string> {
  return { contactOn: today(), made: "yes", channel: "phone", durationMinutes: "15", clientToken: token(), ...overrides };
}

async function dashboardOf(email: string) {
  return only((await homeOf(email)).data.home, "mentor").dashboard;
}

async function menteeNames(email: string) {
  return (await dashboardOf(email)).mentees.map((m) => m.displayName);
}

async function specialistHome(email = SPECIALIST) {
  const { data } = await homeOf(email);
  return email === LEAD ? only(data.home, "lead") : only(data.home, "specialist");
}

// ——— every page and form of one young person, as the mentor

function mentorRequests(youngPersonId: string, email = MENTOR) {
  const goal = goalRows(youngPersonId).find((g) => g.status === "planned" || g.status === "in_progress");
  if (!goal) throw new Error("No open goal");
  const mentorStep = openStepOwnedBy(youngPersonId, "mentor");
  const id = youngPersonId;
  const pageRequests: Record<string, () => Promise<Outcome>> = {
    overview: () => pages.overview(email, id),
    domain: () => pages.domain(email, id, goal.domain),
    goal: () => pages.goal(email, id, goal.id),
    readiness: () => pages.readiness(email, id),
    skills: () => otherPages.skills(email, id),
    documents: () => otherPages.documents(email, id),
    history: () => pages.history(email, id),
    mentoring: () => mentoring.page(email, id),
    contact: () => mentoring.contactPage(email, id),
  };
  const postRequests: Record<string, () => Promise<Outcome>> = {
    tickMentorStep: () => post.step(email, id, { stepId: mentorStep.id, done: "1" }),
    logContact: () => mentoring.logContact(email, id, contactForm()),
    rate: () => post.domain(email, id, goal.domain, { intent: "rate", domain: goal.domain, value: "6" }),
    comment: () => post.goal(email, id, goal.id, { intent: "comment", body: "Labi pastrādāts!", clientToken: token() }),
    confirmSkill: () => otherPages.confirmSkill(email, id, "findRentalAd", "learning"),
  };
  return { pageRequests, postRequests, mentorStep };
}

/** Inside: every page 200 and every form accepted. Outside: every one a thrown 404 that changes nothing. */
async function expectMentorAccess(youngPersonId: string, inside: boolean, email = MENTOR) {
  const { pageRequests, postRequests, mentorStep } = mentorRequests(youngPersonId, email);
  for (const [page, load] of Object.entries(pageRequests)) {
    const outcome = await load();
    expect({ page, status: outcome.status, thrown: outcome.thrown }).toEqual({ page, status: inside ? 200 : 404, thrown: !inside });
  }
  const contactsBefore = contactRows(youngPersonId).length;
  for (const [form, send] of Object.entries(postRequests)) {
    if (inside) {
      const outcome = await send();
      expect({ form, status: outcome.status }).toEqual({ form, status: 302 });
    } else {
      const outcome = await expectNothingChanged(send);
      expect({ form, status: outcome.status, thrown: outcome.thrown }).toEqual({ form, status: 404, thrown: true });
    }
  }
  expect(contactRows(youngPersonId).length).toBe(contactsBefore + (inside ? 1 : 0));
  expect(stepRow(mentorStep.id)!.doneAt === null).toBe(!inside);
}

// =====================================================================================================

describe("the mentor's access follows the mentoring window", () => {
  const edges = [
    { label: "the day before Jānis's window opens: nothing", who: JANIS, day: (w: { start: string }) => addDays(w.start, -1), inside: false },
    { label: "the day Jānis's window opens: everything", who: JANIS, day: (w: { start: string }) => w.start, inside: true },
    { label: "the day after Jānis's window opens: everything", who: JANIS, day: (w: { start: string }) => addDays(w.start, 1), inside: true },
    { label: "the day before Marta's window ends: everything", who: MARTA, day: (w: { end: string }) => addDays(w.end, -1), inside: true },
    { label: "the last day of Marta's window: everything", who: MARTA, day: (w: { end: string }) => w.end, inside: true },
    { label: "the day after Marta's window ends: nothing", who: MARTA, day: (w: { end: string }) => addDays(w.end, 1), inside: false },
  ];

  test.each(edges)("$label (every page and form of that young person)", async ({ who, day, inside }) => {
    const record = recordOf(who);
    const window = windowOf(who);
    // The window is [care end − 12 months, care end + 24 months].
    const careEnd = record.actualCareEndDate ?? record.plannedCareEndDate;
    expect(window).toEqual({ start: addMonths(careEnd, -12), end: addMonths(careEnd, 24) });

    setClock(noonOn(day(window)));
    await expectMentorAccess(record.id, inside);
    expect((await menteeNames(MENTOR)).includes(who)).toBe(inside);
    // The young person's own plan does not depend on the window.
    expect((await pages.overview(who === JANIS ? YOUTH : AFTERCARE, record.id)).status).toBe(200);
  });

  test("after the specialist pauses the mentorship, the mentor gets 404 on the next request", async () => {
    const marta = idOf(MARTA);
    expect((await mentoring.page(MENTOR, marta)).status).toBe(200);
    expectRedirect(await mentoring.post(SPECIALIST, marta, { intent: "status", mentorshipId: openMentorshipId(marta), to: "paused" }));
    await expectMentorAccess(marta, false);
    expect(await menteeNames(MENTOR)).toEqual([JANIS]);
  });

  test("after the specialist closes the mentorship, the mentor gets 404 on the next request", async () => {
    const janis = idOf(JANIS);
    expect((await pages.overview(MENTOR, janis)).status).toBe(200);
    expectRedirect(
      await mentoring.post(SPECIALIST, janis, { intent: "close", mentorshipId: openMentorshipId(janis), reason: "youth_request", handoverNote: "Paldies!" }),
    );
    await expectMentorAccess(janis, false);
    const { text } = await homeOf(MENTOR);
    expect(await menteeNames(MENTOR)).toEqual([MARTA]);
    expect(text).not.toContain(JANIS);
  });

  test("a page the mentor may see is never kept by the browser: Cache-Control no-store, as HTML and as loader data", async () => {
    const janis = idOf(JANIS);
    for (const path of [`/plan/${janis}`, `/plan/${janis}/mentoring`, `/plan/${janis}/mentoring/contact`, `/plan/${janis}/history`, "/"]) {
      const response = await fetchPage(path, MENTOR);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get("Content-Type")).toContain("text/html");
      expect(response.headers.get("Cache-Control")).toContain("no-store");
    }
    const html = await (await fetchPage(`/plan/${janis}/mentoring`, MENTOR)).text();
    expect(html).toContain(JANIS);

    const data = await fetchPage(`/plan/${janis}/mentoring?_data=${encodeURIComponent("routes/plan.$youngPersonId.mentoring._index")}`, MENTOR);
    expect(data.status).toBe(200);
    expect(data.headers.get("Cache-Control")).toContain("no-store");
    expect(((await data.json()) as { overview: { youngPerson: { displayName: string } } }).overview.youngPerson.displayName).toBe(JANIS);
  });

  test("outside the window a ?_data= request (and the page itself) answers 404 with nothing of the record", async () => {
    const janis = recordOf(JANIS);
    const secrets = [
      JANIS,
      "Ozols",
      janis.dateOfBirth,
      janis.plannedCareEndDate,
      janis.municipality,
      ...goalRows(janis.id).map((g) => g.title),
      ...contactRows(janis.id).flatMap((c) => (c.note ? [c.note.slice(0, 30)] : [])),
    ];
    setClock(noonOn(addDays(windowOf(JANIS).start, -1)));
    const routes: Array<[string, string]> = [
      [`/plan/${janis.id}`, "routes/plan.$youngPersonId._index"],
      [`/plan/${janis.id}/mentoring`, "routes/plan.$youngPersonId.mentoring._index"],
      [`/plan/${janis.id}/mentoring/contact`, "routes/plan.$youngPersonId.mentoring.contact"],
      [`/plan/${janis.id}/history`, "routes/plan.$youngPersonId.history"],
      [`/plan/${janis.id}/readiness`, "routes/plan.$youngPersonId.readiness"],
      [`/plan/${janis.id}/documents`, "routes/plan.$youngPersonId.documents"],
      [`/plan/${janis.id}/housing`, "routes/plan.$youngPersonId.$domain"],
    ];
    for (const [path, routeId] of routes) {
      const data = await fetchPage(`${path}?_data=${encodeURIComponent(routeId)}`, MENTOR);
      expect({ routeId, status: data.status }).toEqual({ routeId, status: 404 });
      expect(data.headers.get("Cache-Control")).toContain("no-store");
      const body = await data.text();
      for (const secret of secrets) expect(body, `${routeId} must not contain ${secret}`).not.toContain(secret);

      const document = await fetchPage(path, MENTOR);
      expect({ path, status: document.status }).toEqual({ path, status: 404 });
      const html = await document.text();
      for (const secret of secrets) expect(html, `${path} must not contain ${secret}`).not.toContain(secret);
    }
  });
});

// =====================================================================================================

describe("changing the care end date moves the window", () => {
  test("moving Jānis's planned care end 13 months away shuts his mentor out; moving it back lets him in", async () => {
    const janis = recordOf(JANIS);
    const later = addMonths(TODAY, 13);
    expect((await mentoring.page(MENTOR, janis.id)).status).toBe(200);

    expectRedirect(await mentoring.post(SPECIALIST, janis.id, { intent: "careEnd", plannedCareEndDate: later }), `/plan/${janis.id}/mentoring#window`);
    expect(recordOf(JANIS).plannedCareEndDate).toBe(later);
    await expectMentorAccess(janis.id, false);
    const dashboard = await dashboardOf(MENTOR);
    expect(dashboard.mentees.map((m) => m.displayName)).toEqual([MARTA]);
    expect(dashboard.waiting).toEqual({ count: 1, firstOpensOn: addMonths(later, -12) });
    const specialistView = await mentoringOf(SPECIALIST, janis.id);
    expect(specialistView.data.overview.window).toEqual({ start: addMonths(later, -12), end: addMonths(later, 24) });

    expectRedirect(await mentoring.post(SPECIALIST, janis.id, { intent: "careEnd", plannedCareEndDate: janis.plannedCareEndDate }));
    expect((await mentoring.page(MENTOR, janis.id)).status).toBe(200);
    expect(await menteeNames(MENTOR)).toContain(JANIS);

    const changes = (await historyOf(SPECIALIST, janis.id)).events.filter((e) => e.entity === "record" && e.action === "careEndChanged");
    expect(changes).toHaveLength(2);
    expect(changes.map((e) => e.after)).toEqual(
      expect.arrayContaining([
        { plannedCareEndDate: later, actualCareEndDate: null },
        { plannedCareEndDate: janis.plannedCareEndDate, actualCareEndDate: null },
      ]),
    );
    // The young person sees the change in their own history too.
    const own = (await historyOf(YOUTH, janis.id)).events.filter((e) => e.action === "careEndChanged");
    expect(own).toHaveLength(2);
  });

  test("care that really ended today (actual date) opens Kristaps's window for Laura, who was waiting", async () => {
    const kristaps = recordOf(KRISTAPS);
    expect((await mentoring.page(MENTOR2, kristaps.id)).status).toBe(404);
    expect((await dashboardOf(MENTOR2)).waiting.count).toBe(1);

    expectRedirect(
      await mentoring.post(SPECIALIST, kristaps.id, { intent: "careEnd", plannedCareEndDate: kristaps.plannedCareEndDate, actualCareEndDate: TODAY }),
    );
    expect(recordOf(KRISTAPS)).toMatchObject({ plannedCareEndDate: kristaps.plannedCareEndDate, actualCareEndDate: TODAY });
    expect((await mentoring.page(MENTOR2, kristaps.id)).status).toBe(200);
    expect((await pages.overview(MENTOR2, kristaps.id)).status).toBe(200);
    const dashboard = await dashboardOf(MENTOR2);
    expect(dashboard.mentees.map((m) => m.displayName)).toEqual([KRISTAPS]);
    expect(dashboard.waiting.count).toBe(0);

    const change = (await historyOf(SPECIALIST, kristaps.id)).events.find((e) => e.action === "careEndChanged");
    expect(change).toMatchObject({
      entity: "record",
      actorName: "Ilze Krūmiņa",
      before: { plannedCareEndDate: kristaps.plannedCareEndDate, actualCareEndDate: null },
      after: { plannedCareEndDate: kristaps.plannedCareEndDate, actualCareEndDate: TODAY },
    });
  });

  test("an actual care end 25 months ago closes Marta's window: her mentor sees nothing from then on", async () => {
    const marta = recordOf(MARTA);
    const ended = addMonths(TODAY, -25);
    expectRedirect(await mentoring.post(SPECIALIST, marta.id, { intent: "careEnd", plannedCareEndDate: marta.plannedCareEndDate, actualCareEndDate: ended }));
    await expectMentorAccess(marta.id, false);
    expect(await menteeNames(MENTOR)).toEqual([JANIS]);
    // The specialist still has the record, and sees the mentorship's rhythm as ended.
    expect((await specialistHome()).rhythms[marta.id]).toEqual({ kind: "ended" });
  });

  test("a care end date that cannot be is refused next to the field and moves nothing", async () => {
    const janis = recordOf(JANIS);
    const future = await expectNothingChanged(() =>
      mentoring.post(SPECIALIST, janis.id, { intent: "careEnd", plannedCareEndDate: janis.plannedCareEndDate, actualCareEndDate: addDays(TODAY, 1) }),
    );
    const futureReply = await replyOf(future);
    expect(errorAt(futureReply, "actualCareEndDate").key).toBe("mentoring.errors.actualInFuture");
    expect(futureReply.initialValue).toMatchObject({ actualCareEndDate: addDays(TODAY, 1) });

    const tooEarly = await replyOf(
      await expectNothingChanged(() => mentoring.post(SPECIALIST, janis.id, { intent: "careEnd", plannedCareEndDate: addMonths(janis.dateOfBirth, 12 * 14) })),
    );
    expect(errorAt(tooEarly, "plannedCareEndDate")).toEqual({
      key: "mentoring.errors.careEndTooEarly",
      values: { date: addMonths(janis.dateOfBirth, 12 * 15) },
    });

    const garbage = await replyOf(await expectNothingChanged(() => mentoring.post(SPECIALIST, janis.id, { intent: "careEnd", plannedCareEndDate: "rīt" })));
    expect(errorAt(garbage, "plannedCareEndDate").key).toBe("errors.dateInvalid");
  });

  test("only the specialist and the lead change the care end date", async () => {
    const janis = recordOf(JANIS);
    const form = { intent: "careEnd", plannedCareEndDate: addMonths(TODAY, 20) };
    for (const email of [MENTOR, YOUTH, CARER, ADMIN]) {
      const outcome = await expectNothingChanged(() => mentoring.post(email, janis.id, form));
      expect({ email, status: outcome.status }).toEqual({ email, status: 404 });
    }
    expectRedirect(await mentoring.post(LEAD, janis.id, form));
    expect(recordOf(JANIS).plannedCareEndDate).toBe(form.plannedCareEndDate);
  });
});

// =====================================================================================================

describe("linking a mentor", () => {
  const link = (email: string, youngPersonId: string, mentorId: string) => mentoring.post(email, youngPersonId, { intent: "link", mentorId });

  test("the specialist links Pēteris to Roberts: active from today, on Pēteris's dashboard, off the needs-a-mentor list", async () => {
    const roberts = idOf(ROBERTS);
    expect((await specialistHome()).needsMentor.map((n) => n.card.displayName)).toContain(ROBERTS);
    expect((await mentoringOf(SPECIALIST, roberts)).data.candidates.map((c) => c.displayName)).toEqual(["Laura Siliņa", PETERIS]);

    expectRedirect(await link(SPECIALIST, roberts, userIdOf(MENTOR)), `/plan/${roberts}/mentoring#mentor`);

    expect(mentorshipRows(roberts)).toEqual([
      expect.objectContaining({ mentorId: userIdOf(MENTOR), status: "active", startedOn: TODAY, linkedBy: userIdOf(SPECIALIST), closedOn: null }),
    ]);
    expect(await menteeNames(MENTOR)).toContain(ROBERTS);
    const home = await specialistHome();
    expect(home.needsMentor.map((n) => n.card.displayName)).not.toContain(ROBERTS);
    expect(home.rhythms[roberts]).toEqual({ kind: "onTrack", dueBy: addDays(TODAY, 30) });
    const linked = (await historyOf(SPECIALIST, roberts)).events.find((e) => e.entity === "mentorship" && e.action === "linked");
    expect(linked).toMatchObject({ mentorName: PETERIS, actorName: "Ilze Krūmiņa" });
    // The page now shows the mentor and no more candidates.
    const page = (await mentoringOf(SPECIALIST, roberts)).data;
    expect(page.overview.open).toMatchObject({ status: "active", mentor: { displayName: PETERIS } });
    expect(page.candidates).toEqual([]);
  });

  test("without JavaScript a refused link shows the message next to the mentor field", async () => {
    const response = await expectNothingChanged(() =>
      fetchPage(`/plan/${idOf(ROBERTS)}/mentoring`, SPECIALIST, { form: { intent: "link", mentorId: userIdOf(CARER) } }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Šis cilvēks nav mentors. Izvēlies kādu ar mentora lomu.");
  });

  // Two people linking at once, or a stale tab: the page shows the open mentorship and says why above it.
  test("without JavaScript a link refused because of an open mentorship says who the mentor is", async () => {
    const janis = idOf(JANIS);
    const response = await expectNothingChanged(() =>
      fetchPage(`/plan/${janis}/mentoring`, SPECIALIST, { form: { intent: "link", mentorId: userIdOf(MENTOR2) } }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(`Jau ir aktīvs mentors ${PETERIS}.`);
  });

  test("a lead can link a mentor too", async () => {
    const roberts = idOf(ROBERTS);
    expectRedirect(await link(LEAD, roberts, userIdOf(MENTOR2)));
    expect(openMentorshipOf(roberts)).toMatchObject({ mentorId: userIdOf(MENTOR2), status: "active", linkedBy: userIdOf(LEAD) });
  });

  describe("bad choices are refused next to the mentor field, and nothing changes", () => {
    async function refused(youngPersonId: string, mentorId: string) {
      const outcome = await expectNothingChanged(() => link(SPECIALIST, youngPersonId, mentorId));
      const reply = await replyOf(outcome);
      expect(fieldsWithErrors(reply)).toEqual(["mentorId"]);
      expect(reply.initialValue).toMatchObject(mentorId ? { mentorId } : {});
      return errorAt(reply, "mentorId");
    }

    test("a mentor of another organisation looks like nobody at all", async () => {
      const other = await insertOtherOrganisation();
      const theirMentor = randomUUID();
      getDb()
        .insert(users)
        .values({
          id: theirMentor,
          organisationId: other.organisationId,
          email: "mentor@other.test",
          passwordHash: "x",
          displayName: "Svešs Mentors",
          role: "mentor",
        })
        .run();
      expect(await refused(idOf(ROBERTS), theirMentor)).toEqual({ key: "mentoring.errors.mentorUnknown", values: {} });
      expect(await refused(idOf(ROBERTS), randomUUID())).toEqual({ key: "mentoring.errors.mentorUnknown", values: {} });
    });

    test("a second mentor while one is active", async () => {
      expect(await refused(idOf(JANIS), userIdOf(MENTOR2))).toEqual({ key: "mentoring.errors.activeMentorExists", values: { name: PETERIS } });
      // Linking the same mentor again is no different.
      expect((await refused(idOf(JANIS), userIdOf(MENTOR))).key).toBe("mentoring.errors.activeMentorExists");
    });

    test("a new mentor while a paused mentorship is still open", async () => {
      const marta = idOf(MARTA);
      expectRedirect(await mentoring.post(SPECIALIST, marta, { intent: "status", mentorshipId: openMentorshipId(marta), to: "paused" }));
      expect(await refused(marta, userIdOf(MENTOR2))).toEqual({ key: "mentoring.errors.pausedMentorExists", values: { name: PETERIS } });
    });

    test("someone who is not a mentor: the carer, the specialist, a young person", async () => {
      for (const email of [CARER, SPECIALIST, YOUTH]) {
        expect(await refused(idOf(ROBERTS), userIdOf(email))).toEqual({ key: "mentoring.errors.notAMentor", values: {} });
      }
    });

    test("a disabled mentor", async () => {
      getDb().update(users).set({ disabledAt: Date.now() }).where(eq(users.email, MENTOR2)).run();
      expect((await refused(idOf(ROBERTS), userIdOf(MENTOR2))).key).toBe("mentoring.errors.mentorDisabled");
    });

    test("no choice made", async () => {
      expect((await refused(idOf(ROBERTS), "")).key).toBe("mentoring.errors.chooseMentor");
    });

    test("after the young person's window has ended", async () => {
      const marta = idOf(MARTA);
      expectRedirect(
        await mentoring.post(SPECIALIST, marta, { intent: "close", mentorshipId: openMentorshipId(marta), reason: "window_ended", handoverNote: "Beidzās." }),
      );
      const end = windowOf(MARTA).end;
      setClock(noonOn(addDays(end, 1)));
      expect(await refused(marta, userIdOf(MENTOR2))).toEqual({ key: "mentoring.errors.windowEnded", values: { date: end } });
    });
  });

  test("a mentor, a carer, a young person and an admin cannot link anyone", async () => {
    const roberts = idOf(ROBERTS);
    for (const email of [MENTOR, MENTOR2, CARER, YOUTH, ADMIN]) {
      const outcome = await expectNothingChanged(() => link(email, roberts, userIdOf(MENTOR)));
      expect({ email, status: outcome.status, thrown: outcome.thrown }).toEqual({ email, status: 404, thrown: true });
    }
    // Even on records where they may see the mentoring page (their own, or their mentee's).
    const janis = idOf(JANIS);
    expectRedirect(
      await mentoring.post(SPECIALIST, janis, { intent: "close", mentorshipId: openMentorshipId(janis), reason: "other", handoverNote: "Pārtraukums." }),
    );
    for (const [email, youngPersonId] of [
      [YOUTH, janis],
      [MENTOR, idOf(MARTA)],
      [AFTERCARE, idOf(MARTA)],
    ] as const) {
      expect((await mentoring.page(email, youngPersonId)).status).toBe(200);
      const outcome = await expectNothingChanged(() => link(email, youngPersonId, userIdOf(MENTOR2)));
      expect({ email, status: outcome.status }).toEqual({ email, status: 404 });
    }
  });

  test("linking again after closing keeps the earlier mentorship with its handover note", async () => {
    const janis = idOf(JANIS);
    const first = openMentorshipId(janis);
    expectRedirect(
      await mentoring.post(SPECIALIST, janis, { intent: "close", mentorshipId: first, reason: "mentor_left", handoverNote: "Jānim patīk tikties klātienē." }),
    );
    expectRedirect(await link(SPECIALIST, janis, userIdOf(MENTOR2)));
    const rows = mentorshipRows(janis);
    expect(rows).toHaveLength(2);
    expect(rows.find((m) => m.id === first)).toMatchObject({
      status: "closed",
      mentorId: userIdOf(MENTOR),
      closedOn: TODAY,
      closeReason: "mentor_left",
      handoverNote: "Jānim patīk tikties klātienē.",
    });
    expect(rows.find((m) => m.id !== first)).toMatchObject({ status: "active", mentorId: userIdOf(MENTOR2), startedOn: TODAY });
    // The earlier contacts stay in the log, under the earlier mentorship.
    expect(contactRows(janis).every((c) => c.mentorshipId === first)).toBe(true);
    expect(contactRows(janis)).toHaveLength(3);
  });
});

describe("two links at the same moment", () => {
  test("two link forms posted together leave exactly one open mentorship", async () => {
    const roberts = idOf(ROBERTS);
    const outcomes = await Promise.all([
      mentoring.post(SPECIALIST, roberts, { intent: "link", mentorId: userIdOf(MENTOR) }),
      mentoring.post(LEAD, roberts, { intent: "link", mentorId: userIdOf(MENTOR2) }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([302, 400]);
    const loser = outcomes.find((o) => o.status === 400)!;
    expect(errorAt(await replyOf(loser), "mentorId").key).toBe("mentoring.errors.activeMentorExists");
    expect(mentorshipRows(roberts).filter((m) => m.status !== "closed")).toHaveLength(1);
  });

  test("linkMentor called twice without waiting links the first mentor only", () => {
    const roberts = idOf(ROBERTS);
    const by = userIdOf(SPECIALIST);
    const results = [linkMentor(roberts, by, userIdOf(MENTOR), TODAY), linkMentor(roberts, by, userIdOf(MENTOR2), TODAY)];
    expect(results[0]).toBeNull();
    expect(results[1]).toMatchObject({ field: "mentorId", error: "mentoring.errors.activeMentorExists" });
    expect(mentorshipRows(roberts)).toEqual([expect.objectContaining({ mentorId: userIdOf(MENTOR), status: "active" })]);
  });

  test("the database itself refuses a second open mentorship (active or paused), but keeps any number of closed ones", () => {
    const janis = idOf(JANIS);
    const row = (status: "active" | "paused" | "closed") => ({
      id: randomUUID(),
      youngPersonId: janis,
      mentorId: userIdOf(MENTOR2),
      status,
      startedOn: TODAY,
    });
    const insert = (status: "active" | "paused" | "closed") => getDb().insert(mentorships).values(row(status)).run();
    expect(() => insert("active")).toThrow(/UNIQUE/);
    expect(() => insert("paused")).toThrow(/UNIQUE/);
    insert("closed");
    insert("closed");
    expect(mentorshipRows(janis).filter((m) => m.status !== "closed")).toHaveLength(1);
    expect(mentorshipRows(janis)).toHaveLength(3);
  });
});

// =====================================================================================================

describe("the contact log", () => {
  test("the mentor logs a contact with every field; Jānis sees it on his own mentoring page", async () => {
    const janis = idOf(JANIS);
    const nextMeetingOn = addDays(TODAY, 7);
    const page = await dataOf<ContactPageData>(await mentoring.contactPage(MENTOR, janis));
    expect(page.data).toMatchObject({ today: TODAY, windowStart: windowOf(JANIS).start, youngPerson: { displayName: JANIS } });

    const body = new URLSearchParams([
      ["contactOn", TODAY],
      ["made", "yes"],
      ["channel", "in_person"],
      ["durationMinutes", "50"],
      ["topics", "housing"],
      ["topics", "education"],
      ["note", "Apskatījām dzīvokli Bauskā, Jānim patika."],
      ["nextMeetingOn", nextMeetingOn],
      ["nextMeetingTime", "16:00"],
      ["clientToken", page.data.formToken],
    ]);
    expectRedirect(await mentoring.logContactBody(MENTOR, janis, body), `/plan/${janis}/mentoring#log`);

    const row = contactRows(janis).find((c) => c.contactOn === TODAY)!;
    expect(row).toMatchObject({
      authorId: userIdOf(MENTOR),
      made: true,
      channel: "in_person",
      durationMinutes: 50,
      topics: ["housing", "education"],
      note: "Apskatījām dzīvokli Bauskā, Jānim patika.",
      notePrivate: false,
      nextMeetingOn,
      nextMeetingTime: "16:00",
      clientToken: page.data.formToken,
    });

    const own = (await mentoringOf(YOUTH, janis)).data;
    expect(own.isOwn).toBe(true);
    expect(own.may).toMatchObject({ manage: false, logContact: false, writeYouthNote: true });
    expect(own.overview.contacts[0]).toMatchObject({
      contactOn: TODAY,
      made: true,
      channel: "in_person",
      durationMinutes: 50,
      topics: ["housing", "education"],
      note: "Apskatījām dzīvokli Bauskā, Jānim patika.",
      notePrivate: false,
      nextMeetingOn,
      nextMeetingTime: "16:00",
      authorName: PETERIS,
    });
    expect(own.overview.open).toMatchObject({ lastContactOn: TODAY, nextMeeting: { on: nextMeetingOn, time: "16:00" } });
    expect(own.overview.open!.rhythm).toEqual({ kind: "onTrack", dueBy: addDays(TODAY, 30) });
    // The history says a contact was logged, without the note.
    const logged = (await historyOf(YOUTH, janis)).events.find((e) => e.entity === "contact" && e.action === "logged");
    expect(logged).toMatchObject({ after: { contactOn: TODAY }, actorName: PETERIS });
  });

  test("a later message that did not reach him keeps the meeting agreed before (in 3 days at 17:30)", async () => {
    const janis = idOf(JANIS);
    const open = (await mentoringOf(YOUTH, janis)).data.overview.open!;
    expect(open.nextMeeting).toEqual({ on: addDays(TODAY, 3), time: "17:30" });
    // The last contact made is 22 days ago: the message 10 days ago was only an attempt.
    expect(open.lastContactOn).toBe(addDays(TODAY, -22));
    expect((await dashboardOf(MENTOR)).mentees.find((m) => m.displayName === JANIS)).toMatchObject({
      nextMeeting: { on: addDays(TODAY, 3), time: "17:30" },
      lastContactOn: addDays(TODAY, -22),
    });
  });

  test("a private note is not in the young person's page, but the specialist, the lead and the mentor read it", async () => {
    const janis = idOf(JANIS);
    const secret = "Jānis stāstīja par strīdu ar audžumammu";
    expectRedirect(await mentoring.logContact(MENTOR, janis, contactForm({ note: secret, notePrivate: "on" })));
    expect(contactRows(janis).find((c) => c.note === secret)).toMatchObject({ notePrivate: true });

    const own = await mentoringOf(YOUTH, janis);
    expect(own.text).not.toContain(secret);
    expect(own.text).not.toContain("strīdu");
    // He sees that a note exists.
    expect(own.data.overview.contacts[0]).toMatchObject({ contactOn: TODAY, notePrivate: true, note: null });
    for (const outcome of [await pages.history(YOUTH, janis), await pages.overview(YOUTH, janis)]) {
      expect(await outcome.response.text()).not.toContain(secret);
    }
    // Nor in the HTML of his page.
    expect(await (await fetchPage(`/plan/${janis}/mentoring`, YOUTH)).text()).not.toContain(secret);

    for (const email of [SPECIALIST, LEAD, MENTOR]) {
      const { text, data } = await mentoringOf(email, janis);
      expect({ email, visible: text.includes(secret) }).toEqual({ email, visible: true });
      expect(data.overview.contacts[0]).toMatchObject({ note: secret, notePrivate: true });
    }
  });

  test("Marta's own page does not carry the private note her mentor wrote; the specialist's does", async () => {
    const marta = idOf(MARTA);
    const own = await mentoringOf(AFTERCARE, marta);
    expect(own.text).not.toContain(MARTA_PRIVATE_NOTE);
    expect(own.data.overview.contacts.find((c) => c.notePrivate)).toMatchObject({ note: null });
    expect((await mentoringOf(SPECIALIST, marta)).text).toContain(MARTA_PRIVATE_NOTE);
    expect((await mentoringOf(MENTOR, marta)).text).toContain(MARTA_PRIVATE_NOTE);
  });

  test("the carer has no mentoring page and cannot log a contact", async () => {
    const janis = idOf(JANIS);
    expect((await pages.overview(CARER, janis)).status).toBe(200);
    for (const outcome of [
      await mentoring.page(CARER, janis),
      await mentoring.contactPage(CARER, janis),
      await expectNothingChanged(() => mentoring.logContact(CARER, janis, contactForm())),
    ]) {
      expect({ status: outcome.status, thrown: outcome.thrown }).toEqual({ status: 404, thrown: true });
    }
  });

  test("only the mentor of the active mentorship logs contacts: not the specialist, the lead or the young person", async () => {
    const janis = idOf(JANIS);
    for (const email of [SPECIALIST, LEAD, YOUTH]) {
      expect({ email, page: (await mentoring.contactPage(email, janis)).status }).toEqual({ email, page: 404 });
      const outcome = await expectNothingChanged(() => mentoring.logContact(email, janis, contactForm()));
      expect({ email, status: outcome.status }).toEqual({ email, status: 404 });
    }
  });

  test("a mentor cannot log a contact for someone else's mentee, or for a record outside their window", async () => {
    const cases: Array<[string, string]> = [
      [MENTOR2, idOf(JANIS)], // Pēteris's mentee
      [MENTOR, idOf(ROBERTS)], // nobody's mentee
      [MENTOR, idOf(KRISTAPS)], // Laura's
      [MENTOR2, idOf(KRISTAPS)], // her own, but the window has not opened
      [MENTOR2, idOf(MARTA)], // her former mentee
    ];
    for (const [email, youngPersonId] of cases) {
      const outcome = await expectNothingChanged(() => mentoring.logContact(email, youngPersonId, contactForm()));
      expect({ email, status: outcome.status, thrown: outcome.thrown }).toEqual({ email, status: 404, thrown: true });
    }
  });

  describe("bad input is refused next to its field, keeps what was typed and writes nothing", () => {
    const note = "Mans teksts, ko negribu rakstīt vēlreiz";
    const cases: Array<{ label: string; form: () => Record<string, string>; field: string; key: string; typed?: Record<string, string> }> = [
      { label: "a date in the future", form: () => ({ contactOn: addDays(TODAY, 1) }), field: "contactOn", key: "mentoring.errors.contactInFuture" },
      {
        label: "a date before the window opened",
        form: () => ({ contactOn: addDays(windowOf(JANIS).start, -1) }),
        field: "contactOn",
        key: "mentoring.errors.contactBeforeWindow",
      },
      { label: "a negative duration", form: () => ({ durationMinutes: "-5" }), field: "durationMinutes", key: "mentoring.errors.durationRange" },
      { label: "a duration of 4.5 minutes", form: () => ({ durationMinutes: "4.5" }), field: "durationMinutes", key: "mentoring.errors.durationRange" },
      { label: "no duration for a contact made", form: () => ({ durationMinutes: "" }), field: "durationMinutes", key: "mentoring.errors.durationRequired" },
      {
        label: "a time without a date",
        form: () => ({ nextMeetingTime: "17:30", nextMeetingOn: "" }),
        field: "nextMeetingOn",
        key: "mentoring.errors.meetingDateForTime",
      },
      {
        label: "a time that is not a time",
        form: () => ({ nextMeetingOn: addDays(TODAY, 3), nextMeetingTime: "25:00" }),
        field: "nextMeetingTime",
        key: "mentoring.errors.timeInvalid",
      },
      {
        label: "a next meeting before the contact",
        form: () => ({ contactOn: addDays(TODAY, -2), nextMeetingOn: addDays(TODAY, -3) }),
        field: "nextMeetingOn",
        key: "mentoring.errors.meetingBeforeContact",
      },
      { label: "a channel that does not exist", form: () => ({ channel: "carrier_pigeon" }), field: "channel", key: "mentoring.errors.chooseChannel" },
    ];

    test.each(cases)("$label", async ({ form, field, key }) => {
      const janis = idOf(JANIS);
      const typed = contactForm({ note, topics: "health", ...form() });
      const outcome = await expectNothingChanged(() => mentoring.logContact(MENTOR, janis, typed));
      const reply = await replyOf(outcome);
      expect(fieldsWithErrors(reply)).toEqual([field]);
      expect(errorAt(reply, field).key).toBe(key);
      // What the mentor typed comes back, so nothing has to be typed again.
      expect(reply.initialValue).toMatchObject({ note, channel: typed.channel, contactOn: typed.contactOn });
      if (typed[field]) expect(reply.initialValue?.[field]).toBe(typed[field]);
    });

    test("several problems at once are all shown after one submit", async () => {
      const janis = idOf(JANIS);
      const typed = contactForm({ note, contactOn: addDays(TODAY, 1), durationMinutes: "-5", nextMeetingOn: "", nextMeetingTime: "17:30" });
      const reply = await replyOf(await expectNothingChanged(() => mentoring.logContact(MENTOR, janis, typed)));
      expect(fieldsWithErrors(reply).sort()).toEqual(["contactOn", "durationMinutes", "nextMeetingOn"]);
      expect(errorAt(reply, "contactOn").key).toBe("mentoring.errors.contactInFuture");
      expect(errorAt(reply, "durationMinutes").key).toBe("mentoring.errors.durationRange");
      expect(errorAt(reply, "nextMeetingOn").key).toBe("mentoring.errors.meetingDateForTime");
    });

    test("a note longer than 2000 characters", async () => {
      const janis = idOf(JANIS);
      const reply = await replyOf(await expectNothingChanged(() => mentoring.logContact(MENTOR, janis, contactForm({ note: "ā".repeat(2001) }))));
      expect(fieldsWithErrors(reply)).toEqual(["note"]);
      expect(errorAt(reply, "note").key).toBe("errors.textTooLong");
    });

    test("without JavaScript the page comes back with the message next to the field and the typed values", async () => {
      const janis = idOf(JANIS);
      const before = contactRows(janis).length;
      const response = await fetchPage(`/plan/${janis}/mentoring/contact`, MENTOR, { form: contactForm({ durationMinutes: "-5", note }) });
      expect(response.status).toBe(400);
      expect(response.headers.get("Cache-Control")).toContain("no-store");
      const html = await response.text();
      expect(html).toContain("Ieraksti minūtes kā veselu skaitli no 1 līdz 720.");
      expect(html).toMatch(/name="durationMinutes"[^>]*value="-5"|value="-5"[^>]*name="durationMinutes"/);
      expect(html).toContain(note);
      expect(contactRows(janis)).toHaveLength(before);
    });

    test("the date before the window says when the window opened", async () => {
      const janis = idOf(JANIS);
      const reply = await replyOf(await mentoring.logContact(MENTOR, janis, contactForm({ contactOn: addDays(windowOf(JANIS).start, -1) })));
      expect(errorAt(reply, "contactOn")).toEqual({ key: "mentoring.errors.contactBeforeWindow", values: { date: windowOf(JANIS).start } });
    });

    test("a contact before the mentorship began (Roberts, linked today)", async () => {
      const roberts = idOf(ROBERTS);
      expectRedirect(await mentoring.post(SPECIALIST, roberts, { intent: "link", mentorId: userIdOf(MENTOR) }));
      const reply = await replyOf(await expectNothingChanged(() => mentoring.logContact(MENTOR, roberts, contactForm({ contactOn: addDays(TODAY, -1) }))));
      expect(errorAt(reply, "contactOn")).toEqual({ key: "mentoring.errors.contactBeforeMentorship", values: { date: TODAY } });
    });
  });

  test("an attempt needs no duration, and any duration typed for it is not kept", async () => {
    const janis = idOf(JANIS);
    expectRedirect(await mentoring.logContact(MENTOR, janis, contactForm({ made: "no", channel: "message", durationMinutes: "" })));
    expectRedirect(await mentoring.logContact(MENTOR, janis, contactForm({ made: "no", channel: "phone", durationMinutes: "30" })));
    const attempts = contactRows(janis).filter((c) => c.contactOn === TODAY);
    expect(attempts).toHaveLength(2);
    expect(attempts.every((c) => !c.made && c.durationMinutes === null)).toBe(true);
  });

  test("a contact posted from another site is refused with 403 and writes nothing", async () => {
    const janis = idOf(JANIS);
    const request = browserRequest(`/plan/${janis}/mentoring/contact`, {
      cookie: cookieOf(MENTOR),
      form: contactForm(),
      headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
    });
    const outcome = await expectNothingChanged(() => settle(() => contactRoute.action(routeArgs(request, { youngPersonId: janis }))));
    expect({ status: outcome.response.status, thrown: outcome.thrown }).toEqual({ status: 403, thrown: true });
  });

  test("the same form sent twice (a double tap) writes one contact", async () => {
    const janis = idOf(JANIS);
    const form = contactForm({ note: "Dubultklikšķis" });
    expectRedirect(await mentoring.logContact(MENTOR, janis, form));
    expectRedirect(await mentoring.logContact(MENTOR, janis, form));
    expect(contactRows(janis).filter((c) => c.note === "Dubultklikšķis")).toHaveLength(1);
    expect((await historyOf(SPECIALIST, janis)).events.filter((e) => e.entity === "contact")).toHaveLength(1);
    // A new form (a new token) is a new contact.
    expectRedirect(await mentoring.logContact(MENTOR, janis, { ...form, clientToken: token() }));
    expect(contactRows(janis).filter((c) => c.note === "Dubultklikšķis")).toHaveLength(2);
  });
});

// =====================================================================================================

describe("the contact rhythm and the overdue flag", () => {
  const martaOverdue = () => ({ kind: "overdue", dueBy: addDays(TODAY, -15), daysOverdue: 15 });

  test("Marta's contact is overdue (45 days > 30) on Pēteris's dashboard and in the specialist's and lead's lists", async () => {
    const marta = idOf(MARTA);
    const janis = idOf(JANIS);
    const dashboard = await dashboardOf(MENTOR);
    expect(dashboard.rhythmDays).toBe(30);
    expect(dashboard.mentees.find((m) => m.displayName === MARTA)).toMatchObject({ rhythm: martaOverdue(), lastContactOn: addDays(TODAY, -45) });
    expect(dashboard.mentees.find((m) => m.displayName === JANIS)!.rhythm).toEqual({ kind: "onTrack", dueBy: addDays(TODAY, 8) });
    for (const email of [SPECIALIST, LEAD]) {
      const { rhythms } = await specialistHome(email);
      expect(rhythms[marta]).toEqual(martaOverdue());
      expect(rhythms[janis]).toEqual({ kind: "onTrack", dueBy: addDays(TODAY, 8) });
      // Laura waits for Kristaps's window; Roberts, Elīza and Anna have no mentorship.
      expect(rhythms[idOf(KRISTAPS)]).toEqual({ kind: "notStarted", startsOn: windowOf(KRISTAPS).start });
      expect(Object.keys(rhythms).sort()).toEqual([janis, marta, idOf(KRISTAPS)].sort());
    }
    expect((await mentoringOf(SPECIALIST, marta)).data.overview.open!.rhythm).toEqual(martaOverdue());
  });

  test("an attempt that did not reach Marta leaves the contact overdue", async () => {
    const marta = idOf(MARTA);
    expectRedirect(await mentoring.logContact(MENTOR, marta, contactForm({ made: "no", channel: "message", durationMinutes: "" })));
    expect((await specialistHome()).rhythms[marta]).toEqual(martaOverdue());
    expect((await dashboardOf(MENTOR)).mentees.find((m) => m.displayName === MARTA)!.rhythm).toEqual(martaOverdue());
  });

  test("a contact made today puts Marta back on track, everywhere", async () => {
    const marta = idOf(MARTA);
    expectRedirect(await mentoring.logContact(MENTOR, marta, contactForm()));
    const onTrack = { kind: "onTrack", dueBy: addDays(TODAY, 30) };
    expect((await dashboardOf(MENTOR)).mentees.find((m) => m.displayName === MARTA)).toMatchObject({ rhythm: onTrack, lastContactOn: TODAY });
    expect((await specialistHome()).rhythms[marta]).toEqual(onTrack);
    expect((await mentoringOf(AFTERCARE, marta)).data.overview.open!.rhythm).toEqual(onTrack);
  });

  test("the lead sets the organisation's rhythm to 60 days: Marta is on track", async () => {
    const marta = idOf(MARTA);
    expect((await dataOf<{ rhythmDays: number }>(await settings.page(LEAD))).data.rhythmDays).toBe(30);
    expectRedirect(await settings.post(LEAD, { rhythmDays: "60" }), "/organisation/settings?saved=1");
    expect(
      getDb()
        .select()
        .from(organisations)
        .where(eq(organisations.id, recordOf(MARTA).organisationId))
        .get()!.mentorContactRhythmDays,
    ).toBe(60);
    expect((await dataOf<{ rhythmDays: number }>(await settings.page(LEAD))).data.rhythmDays).toBe(60);

    const onTrack = { kind: "onTrack", dueBy: addDays(TODAY, 15) };
    const dashboard = await dashboardOf(MENTOR);
    expect(dashboard.rhythmDays).toBe(60);
    expect(dashboard.mentees.find((m) => m.displayName === MARTA)!.rhythm).toEqual(onTrack);
    expect((await specialistHome()).rhythms[marta]).toEqual(onTrack);
    expect((await mentoringOf(SPECIALIST, marta)).data.overview.rhythmDays).toBe(60);
  });

  test("the rhythm belongs to the lead's own organisation only", async () => {
    const other = await insertOtherOrganisation();
    expectRedirect(await settings.post(LEAD, { rhythmDays: "14" }));
    const rhythmOf = (id: string) => getDb().select().from(organisations).where(eq(organisations.id, id)).get()!.mentorContactRhythmDays;
    expect(rhythmOf(recordOf(MARTA).organisationId)).toBe(14);
    expect(rhythmOf(other.organisationId)).toBe(30);
  });

  test("the specialist and the mentor may not change the rhythm (403), and the setting stays", async () => {
    for (const email of [SPECIALIST, MENTOR, YOUTH, CARER]) {
      const outcome = await expectNothingChanged(() => settings.post(email, { rhythmDays: "60" }));
      expect({ email, status: outcome.status, thrown: outcome.thrown }).toEqual({ email, status: 403, thrown: true });
      expect({ email, page: (await settings.page(email)).status }).toEqual({ email, page: 403 });
    }
  });

  test("without JavaScript a refused rhythm comes back with the range next to the field", async () => {
    const response = await expectNothingChanged(() => fetchPage("/organisation/settings", LEAD, { form: { rhythmDays: "93" } }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Ieraksti dienu skaitu no 7 līdz 92.");
    expect(html).toContain('value="93"');
  });

  test.each(["0", "abc", "93", "6", "-30", "45.5", ""])("the rhythm %j is refused with the allowed range", async (rhythmDays) => {
    const outcome = await expectNothingChanged(() => settings.post(LEAD, { rhythmDays }));
    const reply = await replyOf(outcome);
    expect(errorAt(reply, "rhythmDays").key).toBe("mentoring.errors.rhythmRange");
    if (rhythmDays) expect(reply.initialValue).toEqual({ rhythmDays });
  });
});

// =====================================================================================================

describe("pausing, resuming and closing", () => {
  const status = (email: string, youngPersonId: string, to: "paused" | "active") =>
    mentoring.post(email, youngPersonId, { intent: "status", mentorshipId: openMentorshipId(youngPersonId), to });

  test("a pause hides Marta from Pēteris and shows 'paused' to the specialist; she needs a mentor meanwhile", async () => {
    const marta = idOf(MARTA);
    expectRedirect(await status(SPECIALIST, marta, "paused"), `/plan/${marta}/mentoring#mentor`);
    expect(openMentorshipOf(marta)).toMatchObject({ status: "paused", pausedOn: TODAY });

    expect(await menteeNames(MENTOR)).toEqual([JANIS]);
    expect((await mentoring.page(MENTOR, marta)).status).toBe(404);
    const home = await specialistHome();
    expect(home.rhythms[marta]).toEqual({ kind: "paused" });
    expect(home.needsMentor.find((n) => n.card.id === marta)).toMatchObject({ need: "inWindow" });
    expect((await mentoringOf(SPECIALIST, marta)).data.overview.open).toMatchObject({ status: "paused", pausedOn: TODAY, rhythm: { kind: "paused" } });
    expect((await historyOf(SPECIALIST, marta)).events.filter((e) => e.entity === "mentorship" && e.action === "paused")).toHaveLength(1);

    // Pausing again (a double tap) changes nothing more.
    await expectNothingChanged(async () => expectRedirect(await status(SPECIALIST, marta, "paused")));
  });

  test("resuming ten days later restores access, and the rhythm counts from the resume day", async () => {
    const marta = idOf(MARTA);
    expectRedirect(await status(SPECIALIST, marta, "paused"));
    const resumed = addDays(TODAY, 10);
    setClock(noonOn(resumed));
    expectRedirect(await status(LEAD, marta, "active"));
    expect(openMentorshipOf(marta)).toMatchObject({ status: "active", pausedOn: null, resumedOn: resumed });

    expect((await mentoring.page(MENTOR, marta)).status).toBe(200);
    const onTrack = { kind: "onTrack", dueBy: addDays(resumed, 30) };
    expect((await dashboardOf(MENTOR)).mentees.find((m) => m.displayName === MARTA)!.rhythm).toEqual(onTrack);
    expect((await specialistHome()).rhythms[marta]).toEqual(onTrack);
    expect((await specialistHome()).needsMentor.map((n) => n.card.id)).not.toContain(marta);
    expect((await historyOf(SPECIALIST, marta)).events.filter((e) => e.entity === "mentorship" && e.action === "resumed")).toHaveLength(1);
  });

  test("the mentor and the young person cannot pause or close", async () => {
    const marta = idOf(MARTA);
    const id = openMentorshipId(marta);
    for (const email of [MENTOR, AFTERCARE]) {
      const forms: Array<Record<string, string>> = [
        { intent: "status", mentorshipId: id, to: "paused" },
        { intent: "close", mentorshipId: id, reason: "other", handoverNote: "x" },
      ];
      for (const form of forms) {
        const outcome = await expectNothingChanged(() => mentoring.post(email, marta, form));
        expect({ email, intent: form.intent, status: outcome.status }).toEqual({ email, intent: form.intent, status: 404 });
      }
    }
  });

  test("the pause form cannot close a mentorship (that needs the handover note), and an unknown intent is refused", async () => {
    const janis = idOf(JANIS);
    const id = openMentorshipId(janis);
    const forms: Array<Record<string, string>> = [
      { intent: "status", mentorshipId: id, to: "closed" },
      { intent: "status", mentorshipId: "", to: "paused" },
      { intent: "delete", mentorshipId: id },
    ];
    for (const form of forms) {
      const outcome = await expectNothingChanged(() => mentoring.post(SPECIALIST, janis, form));
      expect({ form, status: outcome.status }).toEqual({ form, status: 400 });
    }
    expect(openMentorshipOf(janis)).toMatchObject({ id, status: "active" });
  });

  test("another young person's mentorship id is a 404, not a pause", async () => {
    const janis = idOf(JANIS);
    const martasMentorship = openMentorshipId(idOf(MARTA));
    const outcome = await expectNothingChanged(() => mentoring.post(SPECIALIST, janis, { intent: "status", mentorshipId: martasMentorship, to: "paused" }));
    expect(outcome.status).toBe(404);
  });

  test("closing needs a reason and a handover note; without them nothing changes", async () => {
    const janis = idOf(JANIS);
    const id = openMentorshipId(janis);
    const noNote = await replyOf(
      await expectNothingChanged(() => mentoring.post(SPECIALIST, janis, { intent: "close", mentorshipId: id, reason: "mentor_left", handoverNote: "  " })),
    );
    expect(fieldsWithErrors(noNote)).toEqual(["handoverNote"]);
    expect(errorAt(noNote, "handoverNote").key).toBe("errors.required");

    const noReason = await replyOf(
      await expectNothingChanged(() => mentoring.post(SPECIALIST, janis, { intent: "close", mentorshipId: id, handoverNote: "Viss kārtībā." })),
    );
    expect(fieldsWithErrors(noReason)).toEqual(["reason"]);
    expect(errorAt(noReason, "reason").key).toBe("mentoring.errors.chooseReason");
    expect(noReason.initialValue).toMatchObject({ handoverNote: "Viss kārtībā." });
    expect(openMentorshipOf(janis)).toMatchObject({ id, status: "active" });
  });

  test("closing, the young person's note, and the next mentor who reads both", async () => {
    const janis = idOf(JANIS);
    const first = openMentorshipId(janis);
    const handover = "Jānis labi plāno, bet aizmirst termiņus; palīdz īsziņa dienu iepriekš.";
    const youthNote = "Es gribu runāt par tehnikumu un par to, kur dzīvot.";

    expectRedirect(
      await mentoring.post(SPECIALIST, janis, { intent: "close", mentorshipId: first, reason: "mentor_left", handoverNote: handover }),
      `/plan/${janis}/mentoring#earlier`,
    );
    expect(mentorshipRows(janis)).toEqual([
      expect.objectContaining({
        id: first,
        status: "closed",
        closedOn: TODAY,
        closeReason: "mentor_left",
        handoverNote: handover,
        closedBy: userIdOf(SPECIALIST),
      }),
    ]);
    const history = await historyOf(SPECIALIST, janis);
    expect(history.events.find((e) => e.entity === "mentorship" && e.action === "closed")).toMatchObject({ after: { reason: "mentor_left" } });
    // The handover note is on the mentoring page, not copied into the history.
    expect(JSON.stringify(history)).not.toContain(handover);
    expect((await specialistHome()).needsMentor.find((n) => n.card.id === janis)).toMatchObject({ need: "inWindow" });

    // Jānis writes to his next mentor; an empty note is refused.
    const empty = await replyOf(await expectNothingChanged(() => mentoring.post(YOUTH, janis, { intent: "youthNote", mentorshipId: first, youthNote: "   " })));
    expect(errorAt(empty, "youthNote").key).toBe("errors.required");
    expectRedirect(await mentoring.post(YOUTH, janis, { intent: "youthNote", mentorshipId: first, youthNote }), `/plan/${janis}/mentoring#earlier`);
    expect(mentorshipRows(janis)[0]).toMatchObject({ youthNote });
    expect((await historyOf(YOUTH, janis)).events.filter((e) => e.entity === "mentorship" && e.action === "youthNote")).toHaveLength(1);
    expect((await mentoringOf(YOUTH, janis)).data.overview.earlier).toEqual([expect.objectContaining({ id: first, handoverNote: handover, youthNote })]);

    // Laura is linked next: she reads both notes, but none of Pēteris's contact notes.
    expectRedirect(await mentoring.post(SPECIALIST, janis, { intent: "link", mentorId: userIdOf(MENTOR2) }));
    const laura = await mentoringOf(MENTOR2, janis);
    expect(laura.data.overview.earlier).toEqual([
      expect.objectContaining({ id: first, mentor: { id: userIdOf(MENTOR), displayName: PETERIS }, handoverNote: handover, youthNote }),
    ]);
    expect(laura.data.overview.open).toMatchObject({ isMine: true, status: "active", startedOn: TODAY });
    expect(laura.data.overview.contacts).toEqual([]);
    for (const c of contactRows(janis)) if (c.note) expect(laura.text).not.toContain(c.note);

    // Pēteris is gone from Jānis's record.
    await expectMentorAccess(janis, false, MENTOR);
  });

  test("a young person writes the note only on their own closed mentorships", async () => {
    const janis = idOf(JANIS);
    const marta = idOf(MARTA);
    const lauraWithMarta = mentorshipRows(marta).find((m) => m.status === "closed")!;
    const attempts: Array<[string, string, string]> = [
      [YOUTH, janis, lauraWithMarta.id], // Marta's mentorship through his own page
      [YOUTH, marta, lauraWithMarta.id], // Marta's page
      [AFTERCARE, marta, openMentorshipId(marta)], // her own, but still active
      [SPECIALIST, marta, lauraWithMarta.id], // not the young person
      [MENTOR, marta, lauraWithMarta.id],
    ];
    for (const [email, youngPersonId, mentorshipId] of attempts) {
      const outcome = await expectNothingChanged(() => mentoring.post(email, youngPersonId, { intent: "youthNote", mentorshipId, youthNote: "Sveiks!" }));
      expect({ email, mentorshipId, status: outcome.status }).toEqual({ email, mentorshipId, status: 404 });
    }
    expect(mentorshipRows(marta).find((m) => m.id === lauraWithMarta.id)!.youthNote).toContain(MARTA_YOUTH_NOTE);
  });

  test("Marta's current mentor reads what she and her former mentor wrote; the former mentor sees nothing", async () => {
    const marta = idOf(MARTA);
    const { data } = await mentoringOf(MENTOR, marta);
    expect(data.overview.earlier).toHaveLength(1);
    expect(data.overview.earlier[0]!.handoverNote).toContain(LAURA_HANDOVER);
    expect(data.overview.earlier[0]!.youthNote).toContain(MARTA_YOUTH_NOTE);
    expect(data.overview.earlier[0]!.mentor.displayName).toBe("Laura Siliņa");
    await expectMentorAccess(marta, false, MENTOR2);
  });
});

// =====================================================================================================

describe("who needs a mentor", () => {
  test("the specialist's list: Roberts now, Elīza soon; not Anna, Jānis, Marta or Kristaps", async () => {
    for (const email of [SPECIALIST, LEAD]) {
      const home = await specialistHome(email);
      expect(home.needsMentor.map((n) => [n.card.displayName, n.need])).toEqual([
        [ROBERTS, "inWindow"],
        [ELIZA, "soon"],
      ]);
      const names = home.needsMentor.map((n) => n.card.displayName);
      for (const name of [ANNA, JANIS, MARTA, KRISTAPS]) expect(names).not.toContain(name);
    }
  });

  test("Laura, linked to Kristaps before his window, sees who is coming and when: his first name and the day, nothing of the plan", async () => {
    const dashboard = await dashboardOf(MENTOR2);
    expect(dashboard.mentees).toEqual([]);
    expect(dashboard.waiting).toEqual({ count: 1, firstOpensOn: windowOf(KRISTAPS).start });
    expect(dashboard.upcoming).toEqual([{ firstName: "Kristaps", opensOn: windowOf(KRISTAPS).start }]);
    const { text } = await homeOf(MENTOR2);
    const html = await (await fetchPage("/", MENTOR2)).text();
    // Decision 026: the first name is there; the surname, the plan's address and other people are not.
    expect(html).toContain("Kristaps");
    for (const page of [text, html]) {
      for (const name of ["Lācis", "Marta", "Liepa", idOf(KRISTAPS), idOf(MARTA)]) expect(page).not.toContain(name);
    }
    expect((await mentoring.page(MENTOR2, idOf(KRISTAPS))).status).toBe(404);
  });

  test("the day Kristaps's window opens he is Laura's mentee, due a contact 30 days later", async () => {
    const opens = windowOf(KRISTAPS).start;
    setClock(noonOn(addDays(opens, -1)));
    expect(await dashboardOf(MENTOR2)).toMatchObject({ mentees: [], waiting: { count: 1, firstOpensOn: opens } });
    setClock(noonOn(opens));
    const onTheDay = await dashboardOf(MENTOR2);
    expect(onTheDay.waiting.count).toBe(0);
    expect(onTheDay.mentees).toEqual([
      expect.objectContaining({ displayName: KRISTAPS, rhythm: { kind: "onTrack", dueBy: addDays(opens, 30) }, lastContactOn: null }),
    ]);
    setClock(noonOn(addDays(opens, 31)));
    expect((await dashboardOf(MENTOR2)).mentees[0]!.rhythm).toEqual({ kind: "overdue", dueBy: addDays(opens, 30), daysOverdue: 1 });
    expect((await specialistHome()).rhythms[idOf(KRISTAPS)]).toEqual({ kind: "overdue", dueBy: addDays(opens, 30), daysOverdue: 1 });
  });

  test("Anna appears as 'soon' three months before her window opens", async () => {
    const opens = windowOf(ANNA).start;
    setClock(noonOn(addMonths(opens, -3)));
    expect((await specialistHome()).needsMentor.find((n) => n.card.displayName === ANNA)).toMatchObject({ need: "soon" });
    setClock(noonOn(addDays(addMonths(opens, -3), -1)));
    expect((await specialistHome()).needsMentor.map((n) => n.card.displayName)).not.toContain(ANNA);
  });
});

// =====================================================================================================

describe("the mentor's dashboard", () => {
  test("puts the mentee who needs attention first: Marta (contact overdue) before Jānis", async () => {
    const dashboard = await dashboardOf(MENTOR);
    expect(dashboard.mentees.map((m) => m.displayName)).toEqual([MARTA, JANIS]);
    const [marta, janis] = dashboard.mentees;
    expect(marta!.summary.phase).toBe("aftercare");
    expect(janis!.summary.phase).toBe("transition");
    // What the young person gave the mentor to help with.
    expect(janis!.helpAsked.map((s) => s.title)).toEqual(expect.arrayContaining(["Apskatīt 3 sludinājumus kopā ar mentoru"]));
    expect(marta!.helpAsked.map((s) => s.title)).toEqual(["Sagatavoties intervijai kafejnīcā"]);
    expect(marta!.overdueSteps).toBeGreaterThan(0);
    expect(janis!.readiness.youth).not.toBeNull();
  });

  test("shows the first steps a mentee asked help with, soonest due first, and how many more (a large plan stays short)", async () => {
    const janisGoal = goalRows(youngPersonIdOf(YOUTH)).find((g) => g.status === "in_progress")!;
    const before = (await dashboardOf(MENTOR)).mentees.find((m) => m.displayName === JANIS)!;
    getDb()
      .insert(steps)
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          id: randomUUID(),
          goalId: janisGoal.id,
          title: `Palīdzi ar ${i + 1}`,
          owner: "mentor" as const,
          dueDate: addDays(today(), 100 + i),
          position: 50 + i,
          createdBy: userIdOf(YOUTH),
        })),
      )
      .run();
    const janis = (await dashboardOf(MENTOR)).mentees.find((m) => m.displayName === JANIS)!;
    expect(janis.helpAskedCount).toBe(before.helpAskedCount + 40);
    expect(janis.helpAsked).toHaveLength(5);
    const due = janis.helpAsked.map((s) => s.dueDate ?? "9999");
    expect(due).toEqual([...due].sort());
    expect(janis.helpAsked.map((s) => s.title)).not.toContain("Palīdzi ar 40");
  });

  test("uses the same number of SQL statements for 2 mentees as for 20", async () => {
    const two = await countStatements(() => homeOf(MENTOR));
    expect(only(two.result.data.home, "mentor").dashboard.mentees).toHaveLength(2);
    addMentees(18);
    const twenty = await countStatements(() => homeOf(MENTOR));
    expect(only(twenty.result.data.home, "mentor").dashboard.mentees).toHaveLength(20);
    expect(twenty.count).toBe(two.count);
  });

  test("the specialist's home (rhythms and needs-a-mentor) uses the same number of statements for 6 records as for 24", async () => {
    const six = await countStatements(() => homeOf(SPECIALIST));
    expect(only(six.result.data.home, "specialist").caseload).toHaveLength(6);
    addMentees(18);
    const many = await countStatements(() => homeOf(SPECIALIST));
    const home = only(many.result.data.home, "specialist");
    expect(home.caseload).toHaveLength(24);
    expect(Object.keys(home.rhythms)).toHaveLength(3 + 18);
    expect(many.count).toBe(six.count);
  });
});

/** `count` more mentees of Pēteris in the demo organisation, each with the demo plan and a contact. */
function addMentees(count: number) {
  const db = getDb();
  const mentorId = userIdOf(MENTOR);
  const specialistId = userIdOf(SPECIALIST);
  const organisationId = userByEmail(MENTOR).organisationId;
  db.transaction((tx) => {
    for (let i = 0; i < count; i++) {
      const youngPersonId = randomUUID();
      const planId = randomUUID();
      const mentorshipId = randomUUID();
      tx.insert(youngPeople)
        .values({
          id: youngPersonId,
          organisationId,
          userId: null,
          displayName: `Mentee ${i}`,
          dateOfBirth: addMonths(TODAY, -(17 * 12 + i)),
          careForm: "foster_family",
          municipality: "Rīga",
          plannedCareEndDate: addMonths(TODAY, 1 + (i % 10)),
          specialistId,
        })
        .run();
      tx.insert(plans).values({ id: planId, youngPersonId }).run();
      tx.insert(planDomains)
        .values(DOMAINS.map((domain) => ({ id: randomUUID(), planId, domain })))
        .run();
      seedPlan(tx, TRANSITION_PLAN, {
        planId,
        today: TODAY,
        nowMs: Date.now(),
        people: { youth: specialistId, mentor: mentorId, specialist: specialistId, carer: null },
      });
      tx.insert(mentorships)
        .values({ id: mentorshipId, youngPersonId, mentorId, status: "active", startedOn: addDays(TODAY, -60), linkedBy: specialistId })
        .run();
      tx.insert(mentorContacts)
        .values({
          id: randomUUID(),
          mentorshipId,
          youngPersonId,
          authorId: mentorId,
          contactOn: addDays(TODAY, -(i * 3)),
          made: i % 3 !== 0,
          channel: "phone",
          durationMinutes: i % 3 !== 0 ? 20 : null,
          topics: ["housing"],
          note: null,
          nextMeetingOn: addDays(TODAY, i % 7),
          nextMeetingTime: "18:00",
        })
        .run();
    }
  });
  expect(
    getDb()
      .select()
      .from(mentorships)
      .where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.status, "active")))
      .all(),
  ).toHaveLength(2 + count);
}

describe("the young person's home reads the next meeting in one statement", () => {
  test("nextMentorMeeting says what the mentoring page says, for every demo record, after contacts with and without meetings", async () => {
    const { nextMentorMeeting, mentoringOverview } = await import("~/models/mentorships.server");
    const { getCaseSubject } = await import("~/models/young-people.server");
    const { viewerOf } = await import("~/domain/policy");
    const { logContact } = await import("./calendar-support");
    const today = todayInRiga();
    const compare = () => {
      const records = getDb().select({ id: youngPeople.id, userId: youngPeople.userId }).from(youngPeople).all();
      let withMeeting = 0;
      for (const record of records) {
        // What the young person's own mentoring page shows (the viewer of their own record).
        const user = record.userId ? getDb().select().from(users).where(eq(users.id, record.userId)).get() : null;
        const actor = user
          ? { id: user.id, role: user.role, organisationId: user.organisationId }
          : { ...userByEmail(SPECIALIST), role: "specialist" as const };
        const viewer = viewerOf(actor, getCaseSubject(record.id)!, today);
        if (!viewer) continue;
        const page = mentoringOverview(record.id, viewer, today)?.open?.nextMeeting ?? null;
        expect(nextMentorMeeting(record.id, today)).toEqual(page);
        if (page) withMeeting++;
      }
      return withMeeting;
    };
    compare();
    // A meeting ahead shows; a newer contact whose meeting is past shows none; the same day's later
    // contact wins; a contact without a meeting leaves the one before it.
    logContact(YOUTH, { contactOn: addDays(today, -3), nextMeetingOn: addDays(today, 4), nextMeetingTime: "15:30" });
    expect(compare()).toBeGreaterThan(0);
    logContact(YOUTH, { contactOn: addDays(today, -1), nextMeetingOn: addDays(today, -1) });
    compare();
    logContact(YOUTH, { contactOn: addDays(today, -1), nextMeetingOn: addDays(today, 9), nextMeetingTime: null });
    expect(nextMentorMeeting(youngPersonIdOf(YOUTH), today)).toEqual({ on: addDays(today, 9), time: null });
    compare();
    logContact(AFTERCARE, { contactOn: today, nextMeetingOn: null });
    compare();
  });
});
