/**
 * "I need help", the monthly well-being check and the specialist's worklist (issue 11 items 7–9),
 * through the real routes, a real session and the seeded demo: who may send, see, acknowledge and
 * resolve; the bad input of the issue; the specialist's worklist and its constant number of statements.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { helpRequests, users, wellbeingChecks, youngPeople, mentorships, sharingSwitches } from "../../db/schema";
import { countExecutions, freshDatabase, routeArgs, browserRequest, settle } from "../helpers/db";
import { AFTERCARE, cookieOf, LEAD, MENTOR, SPECIALIST, YOUTH, CARER, PREPARATION, userIdOf, youngPersonIdOf } from "./plan-support";
import { addMonths } from "~/domain/dates";
import { monthOf } from "~/domain/wellbeing";
import { homeFor, type Home } from "~/models/home.server";
import { wellbeingTrend } from "~/models/wellbeing.server";
import * as homeRoute from "~/routes/_index";
import * as helpRoute from "~/routes/plan.$youngPersonId.help";
import * as wellbeingRoute from "~/routes/plan.$youngPersonId.wellbeing";
import { today } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { headerLinks } from "~/models/notifications.server";

type Handler = (args: ReturnType<typeof routeArgs>) => unknown;

async function call(handler: Handler, path: string, id: string, email: string, form?: Record<string, string>) {
  const request = browserRequest(path, { cookie: cookieOf(email), form });
  const { response, thrown } = await settle(() => handler(routeArgs(request, { youngPersonId: id })));
  return { response, thrown, status: response.status, location: response.headers.get("Location") };
}

const help = {
  page: (email: string, id: string) => call(helpRoute.loader, `/plan/${id}/help`, id, email),
  post: (email: string, id: string, form: Record<string, string>) => call(helpRoute.action, `/plan/${id}/help`, id, email, form),
};
const wellbeing = {
  page: (email: string, id: string) => call(wellbeingRoute.loader, `/plan/${id}/wellbeing`, id, email),
  post: (email: string, id: string, form: Record<string, string>) => call(wellbeingRoute.action, `/plan/${id}/wellbeing`, id, email, form),
};

type HelpPage = {
  requests: Array<{ id: string; status: string; message: string; resolutionNote: string | null }>;
  mayCreate: boolean;
  mayAnswer: boolean;
  kind: string;
  recipient: { displayName: string } | null;
};

async function helpPageOf(email: string, id: string): Promise<HelpPage> {
  const outcome = await help.page(email, id);
  expect(outcome.status).toBe(200);
  return (await outcome.response.json()) as HelpPage;
}

async function homeOf(email: string, query = ""): Promise<Home> {
  const request = browserRequest(`/${query}`, { cookie: cookieOf(email) });
  const { response } = await settle(() => homeRoute.loader(routeArgs(request)));
  expect(response.status).toBe(200);
  return ((await response.json()) as { home: Home }).home;
}

const requestRows = (id: string) => getDb().select().from(helpRequests).where(eq(helpRequests.youngPersonId, id)).all();

beforeEach(async () => {
  await freshDatabase();
});

describe("I need help", () => {
  test("the young person sends one; the specialist sees it urgent on the worklist, acknowledges and resolves it; the young person sees each state", async () => {
    const janis = youngPersonIdOf(YOUTH);
    const page = await helpPageOf(YOUTH, janis);
    expect(page.mayCreate).toBe(true);
    expect(page.recipient?.displayName).toBe("Ilze Krūmiņa");
    const sent = await help.post(YOUTH, janis, {
      intent: "create",
      message: "  Nezinu, kā pieteikties kopmītnei.  ",
      toMentor: "on",
      clientToken: "token-12345",
    });
    expect(sent.status).toBe(302);
    expect(sent.location).toMatch(new RegExp(`^/plan/${janis}/help\\?sent=1#request-`));
    // A double tap sends one request.
    await help.post(YOUTH, janis, { intent: "create", message: "Nezinu, kā pieteikties kopmītnei.", toMentor: "on", clientToken: "token-12345" });
    const rows = requestRows(janis);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      message: "Nezinu, kā pieteikties kopmītnei.",
      status: "open",
      recipientId: userIdOf(SPECIALIST),
      mentorId: userIdOf(MENTOR),
      afterClose: false,
    });

    const worklist = (await homeOf(SPECIALIST)) as Extract<Home, { role: "specialist" }>;
    const helpSection = worklist.worklist.find((s) => s.kind === "help")!;
    expect(helpSection.rows.map((r) => [r.displayName, r.detail.status])).toContainEqual(["Jānis Ozols", "open"]);
    expect(worklist.worklist[0]!.kind).toBe("help");
    // The badge counts it until someone has seen it.
    const specialist = getDb()
      .select()
      .from(users)
      .where(eq(users.id, userIdOf(SPECIALIST)))
      .get()!;
    expect(headerLinks({ id: specialist.id, role: "specialist", organisationId: specialist.organisationId }).unreadNotifications).toBeGreaterThan(0);

    // The mentor sees it (it was ticked) on the dashboard under its own heading, and cannot answer it.
    const mentorHome = (await homeOf(MENTOR)) as Extract<Home, { role: "mentor" }>;
    expect(mentorHome.help.map((h) => h.youngPersonId)).toContain(janis);
    expect((await help.post(MENTOR, janis, { intent: "acknowledge", requestId: rows[0]!.id })).status).toBe(404);

    const acknowledged = await help.post(SPECIALIST, janis, { intent: "acknowledge", requestId: rows[0]!.id });
    expect(acknowledged.status).toBe(302);
    // Every save says so on the page it lands on (issue 14).
    expect(acknowledged.response.headers.get("Set-Cookie")).toMatch(/^tilts_flash=saved;/);
    expect((await helpPageOf(YOUTH, janis)).requests[0]!.status).toBe("acknowledged");
    const resolved = await help.post(SPECIALIST, janis, { intent: "resolve", requestId: rows[0]!.id, note: "Piezvanīju, pieteicāmies kopā." });
    expect(resolved.status).toBe(302);
    expect(resolved.response.headers.get("Set-Cookie")).toMatch(/^tilts_flash=saved;/);
    const own = await helpPageOf(YOUTH, janis);
    expect(own.requests[0]).toMatchObject({ status: "resolved", resolutionNote: "Piezvanīju, pieteicāmies kopā." });
    const after = (await homeOf(SPECIALIST)) as Extract<Home, { role: "specialist" }>;
    expect(after.worklist.find((s) => s.kind === "help")!.rows.map((r) => r.displayName)).not.toContain("Jānis Ozols");
  });

  test("a message of only whitespace or control characters is refused next to the field, and nothing is stored", async () => {
    const janis = youngPersonIdOf(YOUTH);
    for (const message of ["   ", "\u0000\u0007\u001b", " \t\n \u0000 ", ""]) {
      const outcome = await help.post(YOUTH, janis, { intent: "create", message });
      expect(outcome.status).toBe(400);
      const reply = (await outcome.response.json()) as { error: Record<string, string[]> };
      expect(reply.error.message).toEqual(["help.errors.messageRequired"]);
    }
    const long = await help.post(YOUTH, janis, { intent: "create", message: "x".repeat(100_000) });
    expect(long.status).toBe(400);
    expect(((await long.response.json()) as { error: Record<string, string[]>; initialValue: Record<string, string> }).error.message).toEqual([
      "help.errors.messageTooLong",
    ]);
    expect(requestRows(janis)).toHaveLength(0);
  });

  test("someone else answering gets a 404: another young person, the carer, a specialist of the record's own request of another record", async () => {
    const marta = youngPersonIdOf(AFTERCARE);
    const janis = youngPersonIdOf(YOUTH);
    const [seeded] = requestRows(marta);
    expect(seeded?.status).toBe("open");
    // Another young person may not send, see or answer.
    expect((await help.page(YOUTH, marta)).status).toBe(404);
    expect((await help.post(YOUTH, marta, { intent: "create", message: "hi" })).status).toBe(404);
    expect((await help.post(YOUTH, marta, { intent: "resolve", requestId: seeded!.id, note: "done" })).status).toBe(404);
    // The young person may not acknowledge or resolve their own request.
    expect((await help.post(AFTERCARE, marta, { intent: "resolve", requestId: seeded!.id, note: "done" })).status).toBe(404);
    // The carer of Jānis sees no help page.
    expect((await help.page(CARER, janis)).status).toBe(404);
    // A request id of another record through this record's page is "not found".
    expect((await help.post(SPECIALIST, janis, { intent: "acknowledge", requestId: seeded!.id })).status).toBe(404);
    // Unknown intents are a 400, never a 500.
    expect((await help.post(SPECIALIST, marta, { intent: "delete", requestId: seeded!.id })).status).toBe(400);
    // A resolve without a note keeps the request open and says why.
    const empty = await help.post(SPECIALIST, marta, { intent: "resolve", requestId: seeded!.id, note: " \u0000 " });
    expect(empty.status).toBe(400);
    expect(((await empty.response.json()) as { error: Record<string, string[]> }).error.note).toEqual(["help.errors.noteRequired"]);
    expect(requestRows(marta)[0]!.status).toBe("open");
    // Resolving twice: the second one changes nothing.
    await help.post(SPECIALIST, marta, { intent: "resolve", requestId: seeded!.id, note: "Sarunājām." });
    await help.post(LEAD, marta, { intent: "resolve", requestId: seeded!.id, note: "Vēlreiz." });
    expect(requestRows(marta)[0]).toMatchObject({ status: "resolved", resolutionNote: "Sarunājām." });
  });

  test("after the plan has closed the button reads “again” and a specialist who has left is replaced by the lead", async () => {
    const marta = youngPersonIdOf(AFTERCARE);
    const db = getDb();
    // Marta's plan closed (care ended long ago) and her specialist has left.
    db.update(youngPeople)
      .set({ actualCareEndDate: addMonths(today(), -48), plannedCareEndDate: addMonths(today(), -48) })
      .where(eq(youngPeople.id, marta))
      .run();
    db.update(users)
      .set({ disabledAt: Date.now() })
      .where(eq(users.id, userIdOf(SPECIALIST)))
      .run();
    const page = await helpPageOf(AFTERCARE, marta);
    expect(page.kind).toBe("again");
    expect(page.recipient?.displayName).toBe("Dace Vītola");
    const organisationId = db
      .select()
      .from(users)
      .where(eq(users.id, userIdOf(AFTERCARE)))
      .get()!.organisationId;
    expect(headerLinks({ id: userIdOf(AFTERCARE), role: "youth", organisationId }).help).toEqual({ youngPersonId: marta, kind: "again" });
    expect((await help.post(AFTERCARE, marta, { intent: "create", message: "Vai varam parunāt?" })).status).toBe(302);
    const newest = requestRows(marta).find((r) => r.message === "Vai varam parunāt?")!;
    expect(newest).toMatchObject({ recipientId: userIdOf(LEAD), afterClose: true });
    const leadHome = (await homeOf(LEAD)) as Extract<Home, { role: "lead" }>;
    expect(leadHome.help.map((h) => h.id)).toContain(newest.id);
    expect((await help.post(LEAD, marta, { intent: "resolve", requestId: newest.id, note: "Norunājām tikšanos." })).status).toBe(302);
  });
});

describe("well-being check", () => {
  test("asked once a month on the young person's home; an answer or a skip stops it; the trend shows it", async () => {
    const janis = youngPersonIdOf(YOUTH);
    const before = (await homeOf(YOUTH)) as Extract<Home, { role: "youth" }>;
    expect(before.youth?.wellbeingDue).toBe(true);
    const bad = await wellbeing.post(YOUTH, janis, { intent: "answer", score: "7", returnTo: "/" });
    expect(bad.status).toBe(400);
    expect(((await bad.response.json()) as { error: Record<string, string[]> }).error.score).toEqual(["wellbeing.errors.chooseFace"]);
    const saved = await wellbeing.post(YOUTH, janis, { intent: "answer", score: "4", words: "Labi", returnTo: "/#home-cards" });
    // Back on the home where the card was (the "Saved" notice comes with the flash cookie).
    expect(saved.location).toBe("/#home-cards");
    const after = (await homeOf(YOUTH)) as Extract<Home, { role: "youth" }>;
    expect(after.youth?.wellbeingDue).toBe(false);
    // A skip later this month does not overwrite the answer.
    await wellbeing.post(YOUTH, janis, { intent: "skip", returnTo: "//evil.example" });
    const trend = wellbeingTrend(janis, addMonths(today(), -5), today());
    expect(trend).toHaveLength(6);
    expect(trend.at(-1)).toEqual({ month: monthOf(today()), score: 4 });
    expect(trend.map((m) => m.score)).toEqual([3, 4, null, 4, 5, 4]);
  });

  test("a skip is recorded and the question does not come back this month", async () => {
    const anna = youngPersonIdOf(PREPARATION);
    const skipped = await wellbeing.post(PREPARATION, anna, { intent: "skip", returnTo: "/" });
    expect(skipped.location).toBe("/");
    expect(getDb().select().from(wellbeingChecks).where(eq(wellbeingChecks.youngPersonId, anna)).all()).toMatchObject([{ score: null }]);
    expect(((await homeOf(PREPARATION)) as Extract<Home, { role: "youth" }>).youth?.wellbeingDue).toBe(false);
  });

  test("the specialist sees the trend; the mentor and carer only when the young person shares it; nobody else answers", async () => {
    const janis = youngPersonIdOf(YOUTH);
    expect((await wellbeing.page(SPECIALIST, janis)).status).toBe(200);
    expect((await wellbeing.page(MENTOR, janis)).status).toBe(404);
    expect((await wellbeing.page(CARER, janis)).status).toBe(404);
    expect((await wellbeing.post(SPECIALIST, janis, { intent: "answer", score: "1" })).status).toBe(404);
    expect((await wellbeing.post(MENTOR, janis, { intent: "answer", score: "1" })).status).toBe(404);
    getDb().insert(sharingSwitches).values({ youngPersonId: janis, audience: "mentor", section: "wellbeing", shared: true, changedAt: Date.now() }).run();
    expect((await wellbeing.page(MENTOR, janis)).status).toBe(200);
    expect((await wellbeing.post(MENTOR, janis, { intent: "answer", score: "1" })).status).toBe(404);
    expect((await wellbeing.page(CARER, janis)).status).toBe(404);
  });
});

describe("the specialist's worklist", () => {
  test("the demo shows Marta's help request and her falling well-being", async () => {
    const home = (await homeOf(SPECIALIST)) as Extract<Home, { role: "specialist" }>;
    const names = (kind: string) => home.worklist.find((s) => s.kind === kind)!.rows.map((r) => r.displayName);
    expect(names("help")).toEqual(["Marta Liepa"]);
    expect(names("wellbeingFalling")).toEqual(["Marta Liepa"]);
    expect(names("mentor").length).toBeGreaterThan(0);
    expect(home.leaverMonths).toBe(6);
    const twelve = (await homeOf(SPECIALIST, "?leaving=12")) as Extract<Home, { role: "specialist" }>;
    expect(twelve.leaverMonths).toBe(12);
    expect(twelve.worklist.find((s) => s.kind === "leaving")!.total).toBeGreaterThanOrEqual(home.worklist.find((s) => s.kind === "leaving")!.total);
  });

  test("a constant number of SQL statements for 6 or 60 young people", async () => {
    const specialist = getDb()
      .select()
      .from(users)
      .where(eq(users.id, userIdOf(SPECIALIST)))
      .get()!;
    const actor = { id: specialist.id, role: specialist.role, organisationId: specialist.organisationId };
    const small = await countExecutions(() => homeFor(actor, today()));
    addYoungPeople(specialist.id, specialist.organisationId, 54);
    const big = await countExecutions(() => homeFor(actor, today()));
    const home = big.result as Extract<Home, { role: "specialist" }>;
    expect(home.caseload).toHaveLength(60);
    expect(home.worklist.find((s) => s.kind === "help")!.total).toBeGreaterThan(20);
    expect(big.count).toBe(small.count);
  });
});

/** `count` more records of the specialist, each with a help request, two well-being answers and a mentor. */
export function addYoungPeople(specialistId: string, organisationId: string, count: number): void {
  const db = getDb();
  const day = today();
  const mentorId = userIdOf(MENTOR);
  db.transaction((tx) => {
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      tx.insert(youngPeople)
        .values({
          id,
          organisationId,
          displayName: `Bench ${i}`,
          dateOfBirth: addMonths(day, -17 * 12),
          careForm: "foster_family",
          municipality: "Rīga",
          plannedCareEndDate: addMonths(day, 1 + (i % 14)),
          specialistId,
        })
        .run();
      tx.insert(helpRequests)
        .values({ id: randomUUID(), youngPersonId: id, recipientId: specialistId, message: `Help ${i}` })
        .run();
      tx.insert(wellbeingChecks)
        .values({ id: randomUUID(), youngPersonId: id, month: monthOf(addMonths(day, -1)), score: 4, answeredOn: addMonths(day, -1) })
        .run();
      tx.insert(wellbeingChecks)
        .values({ id: randomUUID(), youngPersonId: id, month: monthOf(day), score: 2, answeredOn: day })
        .run();
      if (i % 2)
        tx.insert(mentorships)
          .values({ id: randomUUID(), youngPersonId: id, mentorId, startedOn: addMonths(day, -3) })
          .run();
    }
  });
}
