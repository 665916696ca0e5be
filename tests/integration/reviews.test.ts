/**
 * Review meetings through their real routes on a real SQLite database with the demo (issue 11): the
 * cadence and the worklist's entries, "ask for a review", scheduling with its bad input, the statement,
 * the pack (shown by section, a fixed number of SQL statements), the recording (goals created once and
 * linked, even when recorded twice at once) and "did you feel heard?" (only the young person, once).
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  auditLog,
  goals,
  helpRequests,
  planEvents,
  plans,
  reviewFeedback,
  reviewGoals,
  reviewParticipants,
  reviewRequests,
  reviews,
  reviewStatements,
  steps,
  users,
} from "../../db/schema";
import { BASE_URL, countStatements, freshDatabase, insertOtherOrganisation, routeArgs, settle } from "../helpers/db";
import { sharing } from "./keys-support";
import { ADMIN, AFTERCARE, CARER, cookieOf, LEAD, MENTOR, PREPARATION, SPECIALIST, YOUTH, userIdOf, youngPersonIdOf } from "./plan-support";
import { addDays, todayInRiga } from "~/domain/dates";
import { viewerOf } from "~/domain/policy";
import { feltHeardCounts, recordReview, reviewDetail, reviewPack, reviewsOfGoals, reviewWorklistEntries, rigaMs } from "~/models/reviews.server";
import { getCaseSubject } from "~/models/young-people.server";
import { unreadCount, userNotifications } from "~/models/notifications.server";
import { planHistory } from "~/models/plans.server";
import * as notificationsRoute from "~/routes/notifications";
import * as eventRoute from "~/routes/plan.$youngPersonId.$itemType.$itemId.event[.]ics";
import * as goalRoute from "~/routes/plan.$youngPersonId.goals.$goalId";
import * as helpRoute from "~/routes/plan.$youngPersonId.help";
import * as wellbeingRoute from "~/routes/plan.$youngPersonId.wellbeing";
import { setClock } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import * as listRoute from "~/routes/plan.$youngPersonId.reviews._index";
import * as reviewRoute from "~/routes/plan.$youngPersonId.reviews.$reviewId._index";
import * as summaryRoute from "~/routes/plan.$youngPersonId.reviews.$reviewId.summary";

type Handler = (args: ReturnType<typeof routeArgs>) => unknown;
type Form = Array<[string, string]> | Record<string, string>;

function request(path: string, email: string, form?: Form): Request {
  const headers = new Headers({ Cookie: cookieOf(email) });
  if (!form) return new Request(new URL(path, BASE_URL), { headers });
  headers.set("Sec-Fetch-Site", "same-origin");
  headers.set("Origin", BASE_URL);
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(new URL(path, BASE_URL), { method: "POST", headers, body: new URLSearchParams(Array.isArray(form) ? form : Object.entries(form)) });
}

async function call(handler: Handler, path: string, params: Record<string, string>, email: string, form?: Form) {
  const { response, thrown } = await settle(() => handler(routeArgs(request(path, email, form), params)));
  return { response, thrown, status: response.status, location: response.headers.get("Location") };
}

let janis: string;
let marta: string;
let today: string;
const listPath = () => `/plan/${janis}/reviews`;
const list = (email: string, form?: Form) => call(form ? listRoute.action : listRoute.loader, listPath(), { youngPersonId: janis }, email, form);
const review = (id: string, email: string, form?: Form) =>
  call(form ? reviewRoute.action : reviewRoute.loader, `${listPath()}/${id}`, { youngPersonId: janis, reviewId: id }, email, form);

async function errorsOf(outcome: { response: Response; status: number }) {
  expect(outcome.status).toBeGreaterThanOrEqual(400);
  expect(outcome.status).toBeLessThan(500);
  return (await outcome.response.json()) as { error: Record<string, string[] | null>; initialValue: Record<string, unknown> };
}

function reviewsOfJanis() {
  return getDb()
    .select()
    .from(reviews)
    .where(eq(reviews.youngPersonId, janis))
    .all()
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
}
const upcoming = () => reviewsOfJanis().find((r) => r.status === "scheduled")!;
const lastRecorded = () =>
  reviewsOfJanis()
    .filter((r) => r.status === "recorded")
    .at(-1)!;

beforeEach(async () => {
  await freshDatabase();
  janis = youngPersonIdOf(YOUTH);
  marta = youngPersonIdOf(AFTERCARE);
  today = todayInRiga();
});

afterEach(() => setClock(null));

describe("the demo and the cadence", () => {
  test("Jānis has two recorded reviews and one in 10 days with five invited; Marta's is overdue", async () => {
    const rows = reviewsOfJanis();
    expect(rows.map((r) => r.status)).toEqual(["recorded", "recorded", "scheduled"]);
    expect(upcoming().heldOn).toBe(addDays(today, 10));
    expect(getDb().select().from(reviewParticipants).where(eq(reviewParticipants.reviewId, upcoming().id)).all()).toHaveLength(5);
    expect(getDb().select().from(reviewStatements).where(eq(reviewStatements.reviewId, upcoming().id)).get()?.wentWell).toBeTruthy();
    expect(getDb().select().from(reviewGoals).where(eq(reviewGoals.reviewId, lastRecorded().id)).all().length).toBeGreaterThan(0);

    const page = await list(SPECIALIST);
    expect(page.status).toBe(200);
    const data = (await page.response.json()) as { due: { kind: string; on: string } };
    expect(data.due).toEqual({ kind: "scheduled", on: addDays(today, 10) });

    const entries = reviewWorklistEntries([janis, marta, youngPersonIdOf(PREPARATION)], today);
    const martas = entries.find((e) => e.youngPersonId === marta)!;
    expect(martas.kind).toBe("overdue");
    expect(martas.days).toBeGreaterThan(60);
    // Jānis's review is scheduled; Anna's record was made today (due in six months): neither is on the list.
    expect(entries.filter((e) => e.youngPersonId !== marta)).toEqual([]);
  });

  test("the worklist entries: requested, overdue and due within 30 days, in a constant number of statements", async () => {
    const few = await countStatements(() => reviewWorklistEntries([marta], today));
    const all = getDb()
      .select({ id: plans.youngPersonId })
      .from(plans)
      .all()
      .map((r) => r.id);
    const many = await countStatements(() => reviewWorklistEntries(all, today));
    expect(many.count).toBe(few.count);
    expect(few.count).toBeLessThanOrEqual(5);
    // A year from now without a new review, Jānis's is overdue; a request comes first.
    const later = reviewWorklistEntries([janis], addDays(today, 400));
    expect(later.map((e) => e.kind)).toEqual(["overdue"]);
    expect((await list(AFTERCARE)).status).toBe(404); // Marta, on Jānis's page
  });
});

describe("who sees and does what", () => {
  test("Jānis, his specialist, the lead and the invited mentor and carer see the review; others get 404", async () => {
    const id = upcoming().id;
    for (const email of [YOUTH, SPECIALIST, LEAD, MENTOR, CARER]) expect((await review(id, email)).status, email).toBe(200);
    for (const email of [AFTERCARE, PREPARATION, ADMIN]) {
      const outcome = await review(id, email);
      expect(outcome.thrown, email).toBe(true);
      expect(outcome.status, email).toBe(404);
    }
    // Not invited: the mentor does not see the review (or the list entry).
    getDb()
      .delete(reviewParticipants)
      .where(and(eq(reviewParticipants.reviewId, id), eq(reviewParticipants.userId, userIdOf(MENTOR))))
      .run();
    expect((await review(id, MENTOR)).status).toBe(404);
    const mentorList = (await (await list(MENTOR)).response.json()) as { reviews: Array<{ id: string }> };
    expect(mentorList.reviews.map((r) => r.id)).not.toContain(id);
    // A review of another record through Jānis's address is not found.
    const other = await insertOtherOrganisation();
    expect(
      (
        await call(
          reviewRoute.loader,
          `/plan/${other.youngPersonId}/reviews/${id}`,
          { youngPersonId: other.youngPersonId, reviewId: id },
          other.specialistEmail,
        )
      ).status,
    ).toBe(404);
  });

  test("the pack shows each part only where the viewer sees its section; the specialist sees all", async () => {
    const id = upcoming().id;
    const asSpecialist = (await (await review(id, SPECIALIST)).response.json()) as {
      pack: { readiness: unknown; contacts: unknown; budget: unknown; wellbeing: unknown };
    };
    expect(asSpecialist.pack.readiness).not.toBeNull();
    expect(asSpecialist.pack.contacts).not.toBeNull();
    expect(asSpecialist.pack.budget).not.toBeNull();
    // The demo has Jānis's monthly answers since the last review (db/seed-help.ts).
    expect(asSpecialist.pack.wellbeing).toMatchObject({
      kind: "trend",
      points: expect.arrayContaining([expect.objectContaining({ value: expect.any(Number) })]),
    });
    // Budget and well-being are not shared by default with the mentor; Jānis hides readiness too.
    expect((await sharing.set(YOUTH, janis, "mentor", "readiness", false)).status).toBe(302);
    const asMentor = (await (await review(id, MENTOR)).response.json()) as {
      pack: { readiness: unknown; budget: unknown; wellbeing: unknown; draft: { stalled: Array<{ domain: string }> } };
    };
    expect(asMentor.pack.readiness).toBeNull();
    expect(asMentor.pack.budget).toBeNull();
    expect(asMentor.pack.wellbeing).toBeNull();
    expect((await sharing.set(YOUTH, janis, "mentor", "housing", false)).status).toBe(302);
    const hidden = (await (await review(id, MENTOR)).response.json()) as { pack: { draft: Record<string, Array<{ domain: string }>>; focus: string[] } };
    for (const part of ["done", "created", "dropped", "stalled", "overdueSteps"])
      expect(
        hidden.pack.draft[part]!.some((g) => g.domain === "housing"),
        part,
      ).toBe(false);
    expect(hidden.pack.focus).not.toContain("housing");
  });
});

describe("ask for a review", () => {
  test("one tap tells the specialist; a second is the same request; scheduling answers it; only the young person asks", async () => {
    const asked = await list(YOUTH, { intent: "request" });
    expect(asked.status).toBe(302);
    expect((await list(YOUTH, { intent: "request" })).status).toBe(302);
    const open = () =>
      getDb()
        .select()
        .from(reviewRequests)
        .where(and(eq(reviewRequests.youngPersonId, janis), isNull(reviewRequests.reviewId)))
        .all();
    expect(open()).toHaveLength(1);
    expect(reviewWorklistEntries([janis], today)).toEqual([{ youngPersonId: janis, kind: "requested", date: today, days: 0 }]);
    const seen = (await (await list(SPECIALIST)).response.json()) as { requestedOn: string | null };
    expect(seen.requestedOn).toBe(today);
    expect(
      getDb()
        .select()
        .from(planEvents)
        .where(and(eq(planEvents.entity, "review"), eq(planEvents.action, "requested")))
        .all(),
    ).toHaveLength(1);
    for (const email of [SPECIALIST, MENTOR]) expect((await list(email, { intent: "request" })).status, email).toBe(404);
    expect((await list(YOUTH, { intent: "nonsense" })).status).toBe(400);

    const scheduled = await list(SPECIALIST, { intent: "schedule", date: addDays(today, 20), time: "15:00", place: "Bauska", participants: userIdOf(MENTOR) });
    expect(scheduled.status).toBe(302);
    expect(open()).toHaveLength(0);
  });
});

describe("scheduling", () => {
  const valid = () =>
    [
      ["intent", "schedule"],
      ["date", addDays(today, 14)],
      ["time", "16:30"],
      ["place", "Bauskas sociālais dienests"],
      ["participants", userIdOf(MENTOR)],
      ["participants", userIdOf(CARER)],
      ["others", "Vecmāmiņa\n\nKrusttēvs"],
    ] as Array<[string, string]>;

  test("a review in Riga time with people on the plan and others by name; the young person is always invited", async () => {
    const outcome = await list(SPECIALIST, valid());
    expect(outcome.status).toBe(302);
    const id = outcome.location!.split("/").at(-1)!;
    const row = getDb().select().from(reviews).where(eq(reviews.id, id)).get()!;
    expect(row.startsAt).toBe(rigaMs(addDays(today, 14), "16:30"));
    const people = getDb().select().from(reviewParticipants).where(eq(reviewParticipants.reviewId, id)).all();
    expect(people.map((p) => p.kind).sort()).toEqual(["carer", "mentor", "other", "other", "youth"]);
    expect(
      people
        .filter((p) => p.kind === "other")
        .map((p) => p.name)
        .sort(),
    ).toEqual(["Krusttēvs", "Vecmāmiņa"]);
    // The young person sees who is invited.
    const seen = (await (await review(id, YOUTH)).response.json()) as { review: { participants: Array<{ name: string }> } };
    expect(seen.review.participants.map((p) => p.name)).toEqual(expect.arrayContaining(["Vecmāmiņa", "Krusttēvs"]));
    expect(
      getDb()
        .select()
        .from(planEvents)
        .where(and(eq(planEvents.entityId, id), eq(planEvents.action, "scheduled")))
        .all(),
    ).toHaveLength(1);
  });

  test("bad input: a review in the past, someone not on the plan or of another organisation, no place, nonsense: clear messages, what was typed kept", async () => {
    const other = await insertOtherOrganisation();
    const cases: Array<[Array<[string, string]>, string, string]> = [
      [valid().map(([k, v]) => (k === "date" ? [k, addDays(today, -1)] : [k, v])), "date", "reviews.errors.inPast"],
      [[...valid(), ["participants", other.specialistId]], "participants", "reviews.errors.notOnPlan"],
      [[...valid(), ["participants", userIdOf(AFTERCARE)]], "participants", "reviews.errors.notOnPlan"],
      [[...valid(), ["participants", randomUUID()]], "participants", "reviews.errors.notOnPlan"],
      [valid().filter(([k]) => k !== "place"), "place", "reviews.errors.placeOrLink"],
      [valid().map(([k, v]) => (k === "time" ? [k, "25:99"] : [k, v])), "time", "reviews.errors.time"],
      [[...valid(), ["videoLink", "javascript:alert(1)"]], "videoLink", "reviews.errors.link"],
      [valid().map(([k, v]) => (k === "date" ? [k, "31.02.2027"] : [k, v])), "date", "errors.dateInvalid"],
    ];
    for (const [form, field, message] of cases) {
      const outcome = await list(SPECIALIST, form);
      expect(outcome.status, message).toBe(400);
      const body = await errorsOf(outcome);
      expect(body.error[field]?.[0], `${field}: ${message}`).toBe(message);
      expect(body.initialValue.place ?? "").toBe(form.find(([k]) => k === "place")?.[1] ?? "");
    }
    expect(reviewsOfJanis()).toHaveLength(3);
    // The same form sent twice (a double tap) makes one review.
    const token = [...valid(), ["clientToken", "token-abcdef-123"]] as Array<[string, string]>;
    expect((await list(SPECIALIST, token)).status).toBe(302);
    expect((await list(SPECIALIST, token)).status).toBe(302);
    expect(reviewsOfJanis()).toHaveLength(4);
    for (const email of [YOUTH, MENTOR, CARER, LEAD]) expect((await list(email, valid())).status, email).toBe(404);
  });
});

describe("the young person's statement", () => {
  test("Jānis writes and changes it until the meeting starts; others cannot; 100,000 characters get a message", async () => {
    const id = upcoming().id;
    const form = { intent: "statement", wentWell: "Atradu istabu", worries: "Īre", talkAbout: "Depozīts", domains: "housing" };
    const saved = await review(id, YOUTH, form);
    expect(saved.status).toBe(302);
    // The page it lands on says "Saved." (issue 14: every save confirms), also without JavaScript.
    expect(saved.response.headers.get("Set-Cookie")).toMatch(/^tilts_flash=saved;/);
    expect((await review(id, YOUTH, [...Object.entries(form), ["domains", "finances"]])).status).toBe(302);
    const row = getDb().select().from(reviewStatements).where(eq(reviewStatements.reviewId, id)).get()!;
    expect(row.wentWell).toBe("Atradu istabu");
    expect(row.domains).toEqual(["housing", "finances"]);

    const long = await review(id, YOUTH, { ...form, worries: "ā".repeat(100_000) });
    const body = await errorsOf(long);
    expect(body.error.worries).toEqual(["reviews.errors.statementTooLong"]);
    expect(String(body.initialValue.worries).length).toBeLessThan(3000);
    expect(body.initialValue.wentWell).toBe("Atradu istabu");
    expect(getDb().select().from(reviewStatements).where(eq(reviewStatements.reviewId, id)).get()!.worries).toBe("Īre");

    for (const email of [SPECIALIST, MENTOR, CARER, LEAD]) expect((await review(id, email, form)).status, email).toBe(404);
    expect((await review(id, YOUTH, { ...form, domains: "nowhere" })).status).toBe(400);

    // The meeting has started: the statement is kept as it was.
    setClock(new Date(upcoming().startsAt + 60_000));
    const closed = await errorsOf(await review(id, YOUTH, { ...form, wentWell: "Par vēlu" }));
    expect(closed.error[""]).toEqual(["reviews.errors.statementClosed"]);
    expect(getDb().select().from(reviewStatements).where(eq(reviewStatements.reviewId, id)).get()!.wentWell).toBe("Atradu istabu");
  });
});

describe("recording and 'did you feel heard?'", () => {
  async function recordForm(id: string, extra: Array<[string, string]> = []) {
    const version = String(getDb().select().from(reviews).where(eq(reviews.id, id)).get()!.version);
    const participants = getDb().select().from(reviewParticipants).where(eq(reviewParticipants.reviewId, id)).all();
    return [
      ["intent", "record"],
      ["version", version],
      ["decision_housing", "Īrēsim istabu Bauskā no jūlija."],
      ...participants.slice(0, 3).map((p) => ["attended", p.id] as [string, string]),
      ["goal0_title", "Parakstīt īres līgumu"],
      ["goal0_domain", "housing"],
      ["goal0_owner", "youth"],
      ["goal0_dueDate", addDays(today, 60)],
      ["goal1_title", "Pieteikties pabalstam"],
      ["goal1_domain", "legal"],
      ["goal1_owner", "specialist"],
      ["nextReviewOn", addDays(today, 100)],
      ...extra,
    ] as Array<[string, string]>;
  }

  test("recorded once: decisions, attendance, goals created in the plan and linked ('agreed in the review'), history", async () => {
    const id = upcoming().id;
    // Not before the day of the meeting.
    const early = await errorsOf(await review(id, SPECIALIST, await recordForm(id)));
    expect(early.error[""]).toEqual(["reviews.errors.notStarted"]);
    setClock(new Date(upcoming().startsAt + 3_600_000));
    const form = await recordForm(id);
    const first = await review(id, SPECIALIST, form);
    expect(first.status).toBe(302);
    // The same form again (a second tab, a double tap): nothing doubles.
    const second = await review(id, SPECIALIST, form);
    expect(second.status).toBe(409);
    expect((await errorsOf(second)).error[""]).toEqual(["reviews.errors.alreadyRecorded"]);
    const linked = getDb().select().from(reviewGoals).where(eq(reviewGoals.reviewId, id)).all();
    expect(linked).toHaveLength(2);
    const created = getDb().select().from(goals).where(eq(goals.title, "Parakstīt īres līgumu")).all();
    expect(created).toHaveLength(1);
    expect(reviewsOfGoals([created[0]!.id]).get(created[0]!.id)?.heldOn).toBe(addDays(today, 10));
    const row = getDb().select().from(reviews).where(eq(reviews.id, id)).get()!;
    expect(row.status).toBe("recorded");
    expect(row.nextReviewOn).toBe(addDays(today, 100));
    expect(
      getDb()
        .select()
        .from(reviewParticipants)
        .where(and(eq(reviewParticipants.reviewId, id), eq(reviewParticipants.attended, true)))
        .all(),
    ).toHaveLength(3);
    expect(
      getDb()
        .select()
        .from(planEvents)
        .where(and(eq(planEvents.entityId, id), eq(planEvents.action, "recorded")))
        .all(),
    ).toHaveLength(1);
    // The summary prints; the cadence now counts from this review and its agreed date.
    expect((await call(summaryRoute.loader, `${listPath()}/${id}/summary`, { youngPersonId: janis, reviewId: id }, SPECIALIST)).status).toBe(200);
    expect(reviewWorklistEntries([janis], addDays(today, 95))).toEqual([{ youngPersonId: janis, kind: "due", date: addDays(today, 100), days: 5 }]);
  });

  test("recorded twice at once: one wins, the other is told, goals are created once", async () => {
    const id = upcoming().id;
    setClock(new Date(upcoming().startsAt + 3_600_000));
    const actor = userIdOf(SPECIALIST);
    const input = {
      version: upcoming().version,
      attendedIds: [],
      decisions: [],
      newGoals: [{ domain: "housing" as const, title: "Vienreiz", owner: "youth" as const }],
    };
    const results = [recordReview(janis, id, actor, input), recordReview(janis, id, actor, input)];
    expect(results).toEqual(["ok", "already"]);
    expect(getDb().select().from(goals).where(eq(goals.title, "Vienreiz")).all()).toHaveLength(1);
    // A stale version (the form was opened before someone else recorded) never writes either.
    expect(recordReview(janis, id, actor, { ...input, version: 99 })).toBe("already");
  });

  test("bad recording input: a goal without an area, a next review before this one, an over-long decision", async () => {
    const id = upcoming().id;
    setClock(new Date(upcoming().startsAt + 3_600_000));
    const noDomain = (await recordForm(id)).filter(([k]) => k !== "goal0_domain");
    expect((await errorsOf(await review(id, SPECIALIST, noDomain))).error.goal0_domain).toEqual(["errors.required"]);
    const before = (await recordForm(id)).map(([k, v]) => (k === "nextReviewOn" ? [k, addDays(today, 1)] : [k, v])) as Array<[string, string]>;
    expect((await errorsOf(await review(id, SPECIALIST, before))).error.nextReviewOn).toEqual(["reviews.errors.nextAfterReview"]);
    const long = (await recordForm(id)).map(([k, v]) => (k === "decision_housing" ? [k, "x".repeat(100_000)] : [k, v])) as Array<[string, string]>;
    expect((await errorsOf(await review(id, SPECIALIST, long))).error.decision_housing).toEqual(["errors.textTooLong"]);
    expect(upcoming().status).toBe("scheduled");
    expect(getDb().select().from(goals).where(eq(goals.title, "Parakstīt īres līgumu")).all()).toHaveLength(0);
    for (const email of [YOUTH, MENTOR, LEAD]) expect((await review(id, email, await recordForm(id))).status, email).toBe(404);
  });

  test("'did you feel heard?': only Jānis, only after recording, once; the organisation sees counts, not names", async () => {
    const id = lastRecorded().id;
    for (const email of [SPECIALIST, MENTOR, CARER, LEAD]) expect((await review(id, email, { intent: "feltHeard", answer: "yes" })).status, email).toBe(404);
    const notYet = await errorsOf(await review(upcoming().id, YOUTH, { intent: "feltHeard", answer: "yes" }));
    expect(notYet.error[""]).toEqual(["reviews.errors.notRecordedYet"]);
    expect((await errorsOf(await review(id, YOUTH, { intent: "feltHeard" }))).error.answer).toEqual(["reviews.errors.chooseAnswer"]);
    expect((await review(id, YOUTH, { intent: "feltHeard", answer: "partly", comment: "Runājām daudz par dzīvokli" })).status).toBe(302);
    const again = await errorsOf(await review(id, YOUTH, { intent: "feltHeard", answer: "no" }));
    expect(again.error[""]).toEqual(["reviews.errors.alreadyAnswered"]);
    expect(
      getDb()
        .select()
        .from(reviewFeedback)
        .where(eq(reviewFeedback.reviewId, id))
        .all()
        .map((r) => r.answer),
    ).toEqual(["partly"]);
    const organisationId = getCaseSubject(janis)!.organisationId;
    expect(feltHeardCounts(organisationId)).toEqual({ partly: 1 });
    // The specialist reads the review without the answer (the rate is the organisation's, not a name's).
    const asSpecialist = (await (await review(id, SPECIALIST)).response.json()) as { review: { feltHeard: unknown } };
    expect(asSpecialist.review.feltHeard).toBeNull();
  });
});

describe("the pack's cost", () => {
  test("a fixed number of SQL statements whatever the size of the plan", async () => {
    const id = upcoming().id;
    const subject = getCaseSubject(janis)!;
    const viewer = viewerOf({ id: userIdOf(SPECIALIST), role: "specialist", organisationId: subject.organisationId }, subject, today);
    const draft = () => reviewPack(janis, reviewDetail(janis, id, viewer)!, viewer, today);
    const small = await countStatements(draft);
    const planId = getDb().select().from(plans).where(eq(plans.youngPersonId, janis)).get()!.id;
    const old = Date.now() - 200 * 86_400_000;
    getDb().transaction((tx) => {
      for (let g = 0; g < 60; g++) {
        const goalId = randomUUID();
        tx.insert(goals)
          .values({
            id: goalId,
            planId,
            domain: g % 2 ? "health" : "employment",
            title: `Mērķis ${g}`,
            owner: g % 3 ? "youth" : "mentor",
            status: "in_progress",
            position: 100 + g,
            createdAt: old,
          })
          .run();
        for (let s = 0; s < 5; s++)
          tx.insert(steps)
            .values({ id: randomUUID(), goalId, title: `Solis ${s}`, owner: "youth", dueDate: addDays(today, -5 - s), position: s, createdAt: old })
            .run();
      }
    });
    const large = await countStatements(draft);
    expect(large.count).toBe(small.count);
    expect(large.result.draft.stalled.length).toBeGreaterThanOrEqual(60);
    // Adult-owned stalled goals come first.
    expect(large.result.draft.stalled[0]!.adultOwned).toBe(true);
    expect(large.result.suggested.length).toBeLessThanOrEqual(3);
  });
});

// ------------------------------------------------------------------------------------- decision 025

const ics = (id: string, email: string) =>
  call(eventRoute.loader, `${listPath()}/${id}/event.ics`, { youngPersonId: janis, itemType: "reviews", itemId: id }, email);
const actorFor = (email: string) => {
  const user = getDb()
    .select()
    .from(users)
    .where(eq(users.id, userIdOf(email)))
    .get()!;
  return { id: user.id, role: user.role, organisationId: user.organisationId };
};
const icsField = (text: string, name: string) => new RegExp(`^${name}[;:](.*)$`, "m").exec(text.slice(text.indexOf("BEGIN:VEVENT")))?.[1]?.trim() ?? null;

describe("the specialist is told when a review is requested", () => {
  test("the badge and the notifications page show the request until a review is scheduled", async () => {
    const specialist = actorFor(SPECIALIST);
    // The demo's upcoming review answers nothing; take it away so Jānis can ask.
    const before = unreadCount(specialist, today);
    expect((await list(YOUTH, { intent: "request" })).status).toBe(302);
    expect(unreadCount(specialist, today)).toBe(before + 1);
    const page = await call(notificationsRoute.loader, "/notifications", {}, SPECIALIST);
    const data = (await page.response.json()) as { reviewRequests: Array<{ youngPersonId: string; requestedOn: string }> };
    expect(data.reviewRequests).toEqual(expect.arrayContaining([expect.objectContaining({ youngPersonId: janis, requestedOn: today })]));
    // Not for the mentor or another specialist's badge.
    const mentorPage = (await (await call(notificationsRoute.loader, "/notifications", {}, MENTOR)).response.json()) as { reviewRequests: unknown[] };
    expect(mentorPage.reviewRequests).toEqual([]);
    const scheduled = await list(SPECIALIST, { intent: "schedule", date: addDays(today, 20), time: "15:00", place: "Bauska" });
    expect(scheduled.status).toBe(302);
    expect(unreadCount(specialist, today)).toBe(before);
    const after = (await (await call(notificationsRoute.loader, "/notifications", {}, SPECIALIST)).response.json()) as {
      reviewRequests: Array<{ youngPersonId: string }>;
    };
    expect(after.reviewRequests.filter((r) => r.youngPersonId === janis)).toEqual([]);
  });
});

describe("moving and cancelling a review", () => {
  const move = (id: string, email: string, extra: Record<string, string> = {}) =>
    review(id, email, { intent: "reschedule", date: addDays(today, 3), time: "17:15", place: "Bauskas sociālais dienests", ...extra });

  test("a move keeps the calendar UID with a higher SEQUENCE; reminders follow the new day; the young person sees it", async () => {
    const id = upcoming().id;
    const first = (await (await ics(id, YOUTH)).response.text()) as string;
    setClock(new Date(Date.now() + 120_000));
    expect((await move(id, SPECIALIST)).status).toBe(302);
    const second = (await (await ics(id, MENTOR)).response.text()) as string;
    expect(icsField(second, "UID")).toBe(icsField(first, "UID"));
    expect(Number(icsField(second, "SEQUENCE"))).toBeGreaterThan(Number(icsField(first, "SEQUENCE")));
    expect(icsField(second, "DTSTART")).toContain(`${addDays(today, 3).replaceAll("-", "")}T171500`);
    const row = upcoming();
    expect(row.heldOn).toBe(addDays(today, 3));
    expect(row.startsAt).toBe(rigaMs(addDays(today, 3), "17:15"));
    // Within a week now: "review in 3 days" for the invited mentor, on the new day.
    const mentorNotices = userNotifications(actorFor(MENTOR), today).filter((n) => n.item.type === "review");
    expect(mentorNotices.map((n) => [n.kind, n.on])).toEqual([["reviewSoon", addDays(today, 3)]]);
    const seen = (await (await review(id, YOUTH)).response.json()) as { review: { heldOn: string; time: string } };
    expect(seen.review).toMatchObject({ heldOn: addDays(today, 3), time: "17:15" });
    const events = getDb()
      .select()
      .from(planEvents)
      .where(and(eq(planEvents.entityId, id), eq(planEvents.action, "rescheduled")))
      .all();
    expect(events.map((e) => [e.before, e.after])).toEqual([[{ heldOn: addDays(today, 10) }, { heldOn: addDays(today, 3) }]]);
  });

  test("bad moves: in the past, no place, nonsense time; others than the planners get 404", async () => {
    const id = upcoming().id;
    expect((await errorsOf(await move(id, SPECIALIST, { date: addDays(today, -2) }))).error.date).toEqual(["reviews.errors.inPast"]);
    expect((await errorsOf(await move(id, SPECIALIST, { place: "" }))).error.place).toEqual(["reviews.errors.placeOrLink"]);
    expect((await errorsOf(await move(id, SPECIALIST, { time: "99:99" }))).error.time).toEqual(["reviews.errors.time"]);
    for (const email of [YOUTH, MENTOR, CARER]) expect((await move(id, email)).status, email).toBe(404);
    expect(upcoming().heldOn).toBe(addDays(today, 10));
  });

  test("cancelling asks for a tick, leaves every feed and reminder, stays visible as cancelled; a recorded review is refused", async () => {
    const id = upcoming().id;
    expect((await errorsOf(await review(id, SPECIALIST, { intent: "cancel" }))).error.confirm).toEqual(["reviews.errors.confirmCancel"]);
    for (const email of [YOUTH, MENTOR]) expect((await review(id, email, { intent: "cancel", confirm: "yes" })).status, email).toBe(404);
    expect((await review(id, SPECIALIST, { intent: "cancel", confirm: "yes" })).status).toBe(302);
    expect(getDb().select().from(reviews).where(eq(reviews.id, id)).get()!.status).toBe("cancelled");
    expect((await ics(id, YOUTH)).status).toBe(404);
    expect(userNotifications(actorFor(YOUTH), today).filter((n) => n.item.type === "review")).toEqual([]);
    const page = (await (await review(id, YOUTH)).response.json()) as { review: { status: string }; pack: unknown };
    expect(page.review.status).toBe("cancelled");
    expect(page.pack).toBeNull();
    const listed = (await (await list(YOUTH)).response.json()) as { reviews: Array<{ id: string; status: string }> };
    expect(listed.reviews.find((r) => r.id === id)?.status).toBe("cancelled");
    // Nothing more can be done with it.
    expect((await errorsOf(await move(id, SPECIALIST))).error[""]).toEqual(["reviews.errors.cancelled"]);
    // A recorded review cannot be moved or cancelled.
    const recorded = lastRecorded().id;
    const moved = await move(recorded, SPECIALIST);
    expect(moved.status).toBe(409);
    expect((await errorsOf(moved)).error[""]).toEqual(["reviews.errors.recordedCannotMove"]);
    const cancelled = await review(recorded, SPECIALIST, { intent: "cancel", confirm: "yes" });
    expect(cancelled.status).toBe(409);
    expect((await errorsOf(cancelled)).error[""]).toEqual(["reviews.errors.recordedCannotCancel"]);
    expect(lastRecorded().id).toBe(recorded);
  });
});

describe("the recording changes existing goals", () => {
  const openGoalsOfJanis = () =>
    getDb()
      .select()
      .from(goals)
      .where(eq(goals.planId, getDb().select().from(plans).where(eq(plans.youngPersonId, janis)).get()!.id))
      .all()
      .filter((g) => g.status === "planned" || g.status === "in_progress");

  async function recordWith(extra: Array<[string, string]>) {
    const id = upcoming().id;
    setClock(new Date(upcoming().startsAt + 3_600_000));
    return { id, outcome: await review(id, SPECIALIST, [["intent", "record"], ["version", String(upcoming().version)], ...extra]) };
  }

  test("a stalled goal dropped and another re-timed, in the same transaction, with history events and 'changed in the review'", async () => {
    const [dropped, retimed] = openGoalsOfJanis();
    const due = addDays(today, 90);
    const { id, outcome } = await recordWith([
      ["change0_goal", dropped!.id],
      ["change0_status", "dropped"],
      ["change1_goal", retimed!.id],
      ["change1_dueDate", due],
      ["change1_owner", "specialist"],
      ["change1_title", "Jauns nosaukums"],
    ]);
    expect(outcome.status).toBe(302);
    const after = (goalId: string) => getDb().select().from(goals).where(eq(goals.id, goalId)).get()!;
    expect(after(dropped!.id).status).toBe("dropped");
    expect(after(retimed!.id).dueDate).toBe(due);
    expect(after(retimed!.id)).toMatchObject({ owner: "specialist", title: "Jauns nosaukums" });
    const events = getDb()
      .select()
      .from(planEvents)
      .where(eq(planEvents.entity, "goal"))
      .all()
      .filter((e) => e.entityId === dropped!.id || e.entityId === retimed!.id)
      .filter((e) => e.action === "dropped" || e.action === "updated");
    expect(events.map((e) => e.action).sort()).toEqual(["dropped", "updated"]);
    // Ids and field names only: the new wording is not copied into the history.
    expect(JSON.stringify(events)).not.toContain("Jauns nosaukums");
    expect(events.find((e) => e.action === "updated")!.after).toMatchObject({ dueDate: due, owner: "specialist", fields: ["title", "owner", "dueDate"] });
    expect(reviewsOfGoals([dropped!.id]).get(dropped!.id)).toMatchObject({ reviewId: id, change: "changed" });
    const goalPage = await call(goalRoute.loader, `/plan/${janis}/goals/${retimed!.id}`, { youngPersonId: janis, goalId: retimed!.id }, YOUTH);
    expect(((await goalPage.response.json()) as { agreedIn: unknown }).agreedIn).toMatchObject({ reviewId: id, change: "changed" });
    const shown = (await (await review(id, SPECIALIST)).response.json()) as { review: { agreedGoals: Array<{ id: string; change: string }> } };
    expect(
      shown.review.agreedGoals
        .filter((g) => g.change === "changed")
        .map((g) => g.id)
        .sort(),
    ).toEqual([dropped!.id, retimed!.id].sort());
  });

  test("bad rows: no goal chosen, a goal twice, nothing to change, a done goal or another plan's: messages next to the row, nothing recorded", async () => {
    const [a] = openGoalsOfJanis();
    const done = getDb()
      .select()
      .from(goals)
      .all()
      .find((g) => g.status === "done")!;
    const martaGoal = getDb()
      .select()
      .from(goals)
      .where(eq(goals.planId, getDb().select().from(plans).where(eq(plans.youngPersonId, marta)).get()!.id))
      .get()!;
    const cases: Array<[Array<[string, string]>, string, string]> = [
      [[["change0_status", "dropped"]], "change0_goal", "reviews.errors.chooseGoal"],
      [[["change0_goal", a!.id]], "change0_goal", "reviews.errors.nothingToChange"],
      [
        [
          ["change0_goal", a!.id],
          ["change0_status", "done"],
          ["change1_goal", a!.id],
          ["change1_status", "dropped"],
        ],
        "change1_goal",
        "reviews.errors.goalTwice",
      ],
      [
        [
          ["change0_goal", done.id],
          ["change0_status", "dropped"],
        ],
        "change0_goal",
        "reviews.errors.goalNotOpen",
      ],
      [
        [
          ["change0_goal", martaGoal.id],
          ["change0_status", "dropped"],
        ],
        "change0_goal",
        "reviews.errors.goalNotOpen",
      ],
      [
        [
          ["change0_goal", a!.id],
          ["change0_status", "gone"],
        ],
        "change0_status",
        "errors.invalid",
      ],
    ];
    for (const [extra, field, message] of cases) {
      const { outcome } = await recordWith(extra);
      expect((await errorsOf(outcome)).error[field], JSON.stringify(extra)).toEqual([message]);
    }
    expect(upcoming().status).toBe("scheduled");
    expect(getDb().select().from(goals).where(eq(goals.id, a!.id)).get()!.status).toBe(a!.status);
    // The model refuses another plan's goal too, keeping nothing of the recording.
    expect(
      recordReview(janis, upcoming().id, userIdOf(SPECIALIST), {
        version: upcoming().version,
        attendedIds: [],
        decisions: [],
        newGoals: [{ domain: "housing", title: "Nebūs", owner: "youth" }],
        changedGoals: [{ goalId: martaGoal.id, status: "dropped" }],
      }),
    ).toBe("goalNotFound");
    expect(upcoming().status).toBe("scheduled");
    expect(getDb().select().from(goals).where(eq(goals.title, "Nebūs")).all()).toHaveLength(0);
  });
});

describe("who I don't want there", () => {
  test("a choice per person on the plan plus own words: the specialist is warned when planning, the other participants never see it", async () => {
    const id = upcoming().id;
    const form: Array<[string, string]> = [
      ["intent", "statement"],
      ["wentWell", "Labi"],
      ["notWantedIds", userIdOf(CARER)],
      ["notWanted", "tētis"],
    ];
    expect((await review(id, YOUTH, form)).status).toBe(302);
    expect(getDb().select().from(reviewStatements).where(eq(reviewStatements.reviewId, id)).get()).toMatchObject({
      notWantedIds: [userIdOf(CARER)],
      notWanted: "tētis",
    });
    const seenBy = async (email: string) =>
      ((await (await review(id, email)).response.json()) as { review: { statement: { notWanted: string; notWantedIds: string[] } } }).review.statement;
    expect(await seenBy(SPECIALIST)).toMatchObject({ notWanted: "tētis", notWantedIds: [userIdOf(CARER)] });
    expect(await seenBy(YOUTH)).toMatchObject({ notWanted: "tētis", notWantedIds: [userIdOf(CARER)] });
    for (const email of [MENTOR, CARER]) {
      const statement = await seenBy(email);
      expect(statement, email).toMatchObject({ notWanted: "", notWantedIds: [], wentWell: "Labi" });
      expect(JSON.stringify(await (await review(id, email)).response.clone().text())).not.toContain("tētis");
    }
    // Planning the next meeting: the specialist sees the warning; the carer is not ticked by default.
    const planning = (await (await list(SPECIALIST)).response.json()) as { notWanted: { ids: string[]; words: string } };
    expect(planning.notWanted).toEqual({ ids: [userIdOf(CARER)], words: "tētis" });
    // Someone not on the plan, or the young person themselves: a message next to the choice.
    for (const bad of [userIdOf(AFTERCARE), userIdOf(YOUTH), randomUUID()]) {
      const outcome = await review(id, YOUTH, [...form.filter(([k]) => k !== "notWantedIds"), ["notWantedIds", bad]]);
      expect((await errorsOf(outcome)).error.notWantedIds, bad).toEqual(["reviews.errors.notOnPlan"]);
    }
  });
});

describe("who looked and the help history", () => {
  test("opening the help, well-being and review pages is logged under their own part", async () => {
    await call(helpRoute.loader, `/plan/${janis}/help`, { youngPersonId: janis }, SPECIALIST);
    await call(wellbeingRoute.loader, `/plan/${janis}/wellbeing`, { youngPersonId: janis }, SPECIALIST);
    await list(SPECIALIST);
    await review(upcoming().id, SPECIALIST);
    const parts = getDb()
      .select({ part: auditLog.part })
      .from(auditLog)
      .where(and(eq(auditLog.youngPersonId, janis), eq(auditLog.kind, "read"), eq(auditLog.actorId, userIdOf(SPECIALIST))))
      .all()
      .map((r) => r.part);
    expect(parts).toEqual(expect.arrayContaining(["help", "wellbeing", "reviews"]));
  });

  test("asked, acknowledged and resolved are history events by id, without the words; behind the well-being switch", async () => {
    const helpPost = (email: string, form: Record<string, string>) => call(helpRoute.action, `/plan/${janis}/help`, { youngPersonId: janis }, email, form);
    expect((await helpPost(YOUTH, { intent: "create", message: "Slepens teksts par kopmītni" })).status).toBe(302);
    const request = getDb()
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.youngPersonId, janis))
      .all()
      .find((h) => h.message.startsWith("Slepens"))!;
    expect((await helpPost(SPECIALIST, { intent: "acknowledge", requestId: request.id })).status).toBe(302);
    expect((await helpPost(SPECIALIST, { intent: "resolve", requestId: request.id, note: "Slepena piezīme" })).status).toBe(302);
    const events = getDb().select().from(planEvents).where(eq(planEvents.entityId, request.id)).all();
    expect(events.map((e) => `${e.entity}.${e.action}`).sort()).toEqual(["helpRequest.acknowledged", "helpRequest.asked", "helpRequest.resolved"]);
    expect(JSON.stringify(events)).not.toMatch(/Slepen/);
    const planId = getDb().select().from(plans).where(eq(plans.youngPersonId, janis)).get()!.id;
    const viewer = (email: string) => viewerOf(actorFor(email), getCaseSubject(janis)!, today);
    const kindsFor = (email: string) => planHistory(planId, viewer(email)).filter((e) => e.entity === "helpRequest").length;
    expect(kindsFor(SPECIALIST)).toBe(3);
    expect(kindsFor(YOUTH)).toBe(3);
    expect(kindsFor(CARER)).toBe(0); // well-being is not shared with the carer by default
  });
});
