/**
 * The demo's review meetings (issue 11, docs/decisions/017-review-meetings.md): Jānis has had two reviews
 * (the last three months ago, with decisions and two of his goals agreed in it) and has the next one in
 * ten days, with the invitation out and his statement half written. Marta has had none since her care
 * ended six months ago, so hers is overdue. Dates are relative to today.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, parseIsoDate, type IsoDate } from "../app/domain/dates";
import type { Tx } from "../app/models/plans.server";
import { goals, planEvents, plans, reviewDecisions, reviewGoals, reviewParticipants, reviewStatements, reviews, youngPeople } from "./schema";

function at(date: IsoDate, hours: number): number {
  const p = parseIsoDate(date)!;
  return new TZDate(p.year, p.month - 1, p.day, hours, 0, 0, "Europe/Riga").getTime();
}

export function seedReviews(tx: Tx, people: { youth: string; specialist: string; mentor: string; carer: string }, today: IsoDate): void {
  const janis = tx
    .select({ id: youngPeople.id, planId: plans.id })
    .from(youngPeople)
    .innerJoin(plans, eq(plans.youngPersonId, youngPeople.id))
    .where(eq(youngPeople.userId, people.youth))
    .get();
  if (!janis) return;
  const invite = (reviewId: string, attended: boolean | null) => [
    { id: randomUUID(), reviewId, kind: "youth" as const, userId: people.youth, name: null, attended },
    { id: randomUUID(), reviewId, kind: "specialist" as const, userId: people.specialist, name: null, attended },
    { id: randomUUID(), reviewId, kind: "mentor" as const, userId: people.mentor, name: null, attended },
    { id: randomUUID(), reviewId, kind: "carer" as const, userId: people.carer, name: null, attended },
  ];
  const event = (reviewId: string, action: string, after: unknown, atMs: number) =>
    tx
      .insert(planEvents)
      .values({ id: randomUUID(), planId: janis.planId, actorId: people.specialist, entity: "review", entityId: reviewId, action, after, createdAt: atMs })
      .run();

  // Nine months ago, in preparation: a first review.
  const firstOn = addMonths(today, -9);
  const first = randomUUID();
  tx.insert(reviews)
    .values({
      id: first,
      youngPersonId: janis.id,
      status: "recorded",
      startsAt: at(firstOn, 15),
      heldOn: firstOn,
      place: "SOS ģimenes māja, Bauska",
      focusDomains: ["education", "finances"],
      nextReviewOn: addMonths(firstOn, 6),
      version: 2,
      recordedAt: at(firstOn, 17),
      recordedBy: people.specialist,
      createdBy: people.specialist,
      createdAt: at(addDays(firstOn, -14), 10),
    })
    .run();
  tx.insert(reviewParticipants).values(invite(first, true)).run();
  tx.insert(reviewDecisions)
    .values([
      { id: randomUUID(), reviewId: first, domain: "education", decision: "Jānis turpina mācības tehnikumā; speciālists noskaidros par stipendiju." },
      { id: randomUUID(), reviewId: first, domain: "finances", decision: "Jānis sāk pierakstīt savus tēriņus; audžumamma palīdz salīdzināt ar budžetu." },
    ])
    .run();
  event(first, "recorded", { heldOn: firstOn, decisions: 2, goals: 0, nextReviewOn: addMonths(firstOn, 6) }, at(firstOn, 17));

  // Three months ago, in transition: decisions, two goals agreed, the next review set.
  const lastOn = addMonths(today, -3);
  const last = randomUUID();
  tx.insert(reviews)
    .values({
      id: last,
      youngPersonId: janis.id,
      status: "recorded",
      startsAt: at(lastOn, 16),
      heldOn: lastOn,
      place: "Bauskas novada Sociālais dienests",
      focusDomains: ["housing", "finances", "legal"],
      nextReviewOn: addDays(today, 10),
      version: 2,
      recordedAt: at(lastOn, 18),
      recordedBy: people.specialist,
      createdBy: people.specialist,
      createdAt: at(addDays(lastOn, -10), 10),
    })
    .run();
  tx.insert(reviewParticipants)
    .values([...invite(last, true), { id: randomUUID(), reviewId: last, kind: "other", userId: null, name: "Vecmāmiņa Ilga", attended: false }])
    .run();
  tx.insert(reviewStatements)
    .values({
      reviewId: last,
      wentWell: "Atvēru savu bankas kontu un pats maksāju par telefonu.",
      worries: "Nezinu, kur dzīvošu pēc aprūpes beigām.",
      talkAbout: "Dzīvoklis Bauskā un cik tas maksās.",
      notWanted: null,
      domains: ["housing", "finances"],
      updatedAt: at(addDays(lastOn, -2), 20),
    })
    .run();
  tx.insert(reviewDecisions)
    .values([
      { id: randomUUID(), reviewId: last, domain: "housing", decision: "Meklējam istabu Bauskā; mentors kopā ar Jāni apskatīs sludinājumus." },
      { id: randomUUID(), reviewId: last, domain: "finances", decision: "Jānis sarēķina, cik var maksāt par īri; trīs mēnešus pieraksta tēriņus." },
      { id: randomUUID(), reviewId: last, domain: "legal", decision: "Speciālists uzzina par vienreizējo pabalstu sadzīves priekšmetiem." },
    ])
    .run();
  const agreed = tx
    .select({ id: goals.id })
    .from(goals)
    .where(and(eq(goals.planId, janis.planId), inArray(goals.domain, ["housing", "finances"]), eq(goals.status, "in_progress")))
    .orderBy(asc(goals.domain), asc(goals.position))
    .limit(2)
    .all();
  if (agreed.length)
    tx.insert(reviewGoals)
      .values(agreed.map((g) => ({ reviewId: last, goalId: g.id })))
      .run();
  event(last, "recorded", { heldOn: lastOn, decisions: 3, goals: agreed.length, nextReviewOn: addDays(today, 10) }, at(lastOn, 18));

  // In ten days: the invitation is out, the statement half written.
  const nextOn = addDays(today, 10);
  const next = randomUUID();
  tx.insert(reviews)
    .values({
      id: next,
      youngPersonId: janis.id,
      status: "scheduled",
      startsAt: at(nextOn, 15),
      heldOn: nextOn,
      place: "SOS ģimenes māja, Bauska",
      videoLink: null,
      createdBy: people.specialist,
      createdAt: at(addDays(today, -4), 11),
    })
    .run();
  tx.insert(reviewParticipants)
    .values([...invite(next, null), { id: randomUUID(), reviewId: next, kind: "other", userId: null, name: "Vecmāmiņa Ilga", attended: null }])
    .run();
  tx.insert(reviewStatements)
    .values({
      reviewId: next,
      wentWell: "Esmu apskatījis divus dzīvokļus kopā ar mentoru.",
      worries: null,
      talkAbout: null,
      notWanted: null,
      domains: ["housing"],
      updatedAt: at(addDays(today, -1), 21),
    })
    .run();
  event(next, "scheduled", { heldOn: nextOn, participants: 5 }, at(addDays(today, -4), 11));
}
