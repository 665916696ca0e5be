/**
 * The home page (app/routes/_index.tsx loader) for every demo role, through a real session cookie and
 * the real seeded organisation; plus the mentoring window, closed mentorships and a second organisation.
 */
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { carerLinks, mentorships, youngPeople } from "../../db/schema";
import { DEMO_ACCOUNTS, DEMO_ORGANISATION_NAME } from "../../db/seed";
import { browserRequest, freshDatabase, insertOtherOrganisation, routeArgs, sessionCookieFor, settle, userByEmail, youngPersonOf } from "../helpers/db";
import { addDays, addMonths, todayInRiga } from "~/domain/dates";
import { mentoringWindow } from "~/domain/phase";
import type { Home } from "~/models/home.server";
import type { CaseCard } from "~/models/young-people.server";
import { loader } from "~/routes/_index";
import { now, setClock } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";

interface HomeData {
  title: string;
  displayName: string;
  home: Home;
}

async function homeOf(email: string, path = "/"): Promise<{ data: HomeData; text: string; response: Response }> {
  // Logged in "now" on the (possibly moved) server clock.
  const at = now().getTime();
  const cookie = sessionCookieFor(email, { createdAt: at, lastSeenAt: at });
  const { response, thrown } = await settle(() => loader(routeArgs(browserRequest(path, { cookie }))));
  expect(thrown).toBe(false);
  expect(response.status).toBe(200);
  const text = await response.text();
  return { data: JSON.parse(text) as HomeData, text, response };
}

function names(cards: ReadonlyArray<Pick<CaseCard, "displayName">>): string[] {
  return cards.map((c) => c.displayName);
}

function only<R extends Home["role"]>(home: Home, role: R): Extract<Home, { role: R }> {
  expect(home.role).toBe(role);
  return home as Extract<Home, { role: R }>;
}

/** Noon in Riga on a calendar day, so today() gives exactly that day. */
function noonOn(day: string): Date {
  return new Date(`${day}T10:00:00Z`);
}

beforeEach(async () => {
  await freshDatabase();
});

afterEach(() => {
  setClock(null);
});

test("the home page needs a login", async () => {
  const { response, thrown } = await settle(() => loader(routeArgs(browserRequest("/"))));
  expect(thrown).toBe(true);
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/login");
});

describe("young person in transition (youth.transition)", () => {
  test("sees phase, countdown, mentor, specialist and the seven domains in order", async () => {
    const { data } = await homeOf("youth.transition@demo.test");
    expect(data.displayName).toBe("Jānis Ozols");
    const youth = only(data.home, "youth").youth;
    expect(youth).not.toBeNull();
    const card = youth!.card;
    expect(card.displayName).toBe("Jānis Ozols");
    expect(card.summary.phase).toBe("transition");
    expect(card.summary.careEnd).toBe(addMonths(todayInRiga(), 8));
    expect(card.summary.countdown).toEqual({ direction: "future", unit: "month", count: 8 });
    expect(card.mentor?.displayName).toBe("Pēteris Bērziņš");
    expect(card.specialist?.displayName).toBe("Ilze Krūmiņa");
    expect(youth!.domains.map((d) => d.domain)).toEqual(["housing", "education", "health", "finances", "employment", "legal", "psychosocial"]);
    // The demo plan is in use: goals counted per domain, plan B written for housing and money.
    const housing = youth!.domains.find((d) => d.domain === "housing")!;
    expect(housing.goalsTotal).toBe(1);
    expect(housing.hasPlanB).toBe(true);
    expect(youth!.domains.find((d) => d.domain === "health")!.hasPlanB).toBe(false);
    // Dropped goals stay in the plan but do not count as to-do.
    expect(youth!.domains.find((d) => d.domain === "employment")!.goalsTotal).toBe(1);
    expect(youth!.nextSteps.length).toBeGreaterThan(0);
    expect(youth!.nextSteps.every((s) => s.canTick)).toBe(true);
  });

  test("the title is translated into the profile's language", async () => {
    const { data } = await homeOf("youth.transition@demo.test", "/?lng=en");
    expect(data.title).toMatch(/Tilts$/);
    const lv = await homeOf("youth.transition@demo.test");
    expect(lv.data.title).not.toBe(data.title);
  });

  test("sees no one else's record", async () => {
    const { text } = await homeOf("youth.transition@demo.test");
    expect(text).not.toContain("Anna Kalniņa");
    expect(text).not.toContain("Marta Liepa");
  });
});

test("young person in preparation has no mentor", async () => {
  const { data } = await homeOf("youth.preparation@demo.test");
  const card = only(data.home, "youth").youth!.card;
  expect(card.displayName).toBe("Anna Kalniņa");
  expect(card.summary.phase).toBe("preparation");
  expect(card.mentor).toBeNull();
  expect(card.specialist?.displayName).toBe("Ilze Krūmiņa");
});

test("young person in aftercare sees the countdown in the past", async () => {
  const { data } = await homeOf("youth.aftercare@demo.test");
  const card = only(data.home, "youth").youth!.card;
  expect(card.summary.phase).toBe("aftercare");
  expect(card.summary.careEndIsActual).toBe(true);
  expect(card.summary.countdown).toEqual({ direction: "past", unit: "month", count: 6 });
});

test("mentor sees exactly Jānis Ozols and Marta Liepa, not Anna Kalniņa", async () => {
  const { data, text } = await homeOf("mentor@demo.test");
  const mentees = only(data.home, "mentor").dashboard.mentees;
  expect(names(mentees).sort()).toEqual(["Jānis Ozols", "Marta Liepa"]);
  expect(text).not.toContain("Anna Kalniņa");
});

test("specialist sees all six, sorted by care end date (soonest first)", async () => {
  const { data } = await homeOf("specialist@demo.test");
  const caseload = only(data.home, "specialist").caseload;
  expect(names(caseload)).toEqual(["Marta Liepa", "Jānis Ozols", "Roberts Kalns", "Elīza Vanaga", "Kristaps Lācis", "Anna Kalniņa"]);
  const ends = caseload.map((c) => c.summary.careEnd);
  expect([...ends].sort()).toEqual(ends);
});

test("specialist's caseload is sorted by the actual care end date when it differs from the planned one", async () => {
  // Anna's care ends early (actual date before Marta's): she moves to the top.
  const anna = youngPersonOf("youth.preparation@demo.test");
  const early = addMonths(todayInRiga(), -7);
  getDb().update(youngPeople).set({ actualCareEndDate: early }).where(eq(youngPeople.id, anna.id)).run();
  const { data } = await homeOf("specialist@demo.test");
  const caseload = only(data.home, "specialist").caseload;
  expect(names(caseload)).toEqual(["Anna Kalniņa", "Marta Liepa", "Jānis Ozols", "Roberts Kalns", "Elīza Vanaga", "Kristaps Lācis"]);
});

test("carer sees only Jānis Ozols", async () => {
  const { data, text } = await homeOf("carer@demo.test");
  expect(names(only(data.home, "carer").youngPeople)).toEqual(["Jānis Ozols"]);
  expect(text).not.toContain("Marta Liepa");
  expect(text).not.toContain("Anna Kalniņa");
});

test("a carer whose link has ended no longer sees the young person", async () => {
  const janis = youngPersonOf("youth.transition@demo.test");
  getDb().update(carerLinks).set({ endedOn: todayInRiga() }).where(eq(carerLinks.youngPersonId, janis.id)).run();
  const { data } = await homeOf("carer@demo.test");
  expect(only(data.home, "carer").youngPeople).toEqual([]);
});

test("lead sees all seven (one closed) with counts by phase", async () => {
  const { data } = await homeOf("lead@demo.test");
  const lead = only(data.home, "lead");
  expect(lead.organisationName).toBe(DEMO_ORGANISATION_NAME);
  expect(names(lead.cases).sort()).toEqual(["Anna Kalniņa", "Elīza Vanaga", "Jānis Ozols", "Kristaps Lācis", "Kārlis Egle", "Marta Liepa", "Roberts Kalns"]);
  expect(lead.byPhase).toEqual({ preparation: 3, transition: 2, aftercare: 1, closed: 1 });
});

test("admin sees the organisation's accounts and no case data", async () => {
  const { data, text } = await homeOf("admin@demo.test");
  const admin = only(data.home, "admin");
  expect(admin.organisationName).toBe(DEMO_ORGANISATION_NAME);
  expect(admin.members.map((m) => m.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
  for (const member of admin.members) {
    expect(Object.keys(member).sort()).toEqual(["disabled", "displayName", "email", "id", "role"]);
    expect(member).not.toHaveProperty("passwordHash");
  }
  // Nothing of the young people's records: no dates of birth, care dates, phases, places.
  for (const field of ["dateOfBirth", "phase", "summary", "careEnd", "countdown", "municipality", "careForm", '"mentor":', '"specialist":', '"youth":']) {
    expect(text).not.toContain(field);
  }
  for (const email of ["youth.preparation@demo.test", "youth.transition@demo.test", "youth.aftercare@demo.test"]) {
    const record = youngPersonOf(email);
    expect(text).not.toContain(record.id);
    expect(text).not.toContain(record.dateOfBirth);
    expect(text).not.toContain(record.plannedCareEndDate);
    expect(text).not.toContain(record.municipality);
  }
  expect(text).not.toContain("password");
});

describe("mentor's access follows the mentorship", () => {
  test("a closed mentorship hides the mentee on the next request", async () => {
    const janis = youngPersonOf("youth.transition@demo.test");
    getDb().update(mentorships).set({ status: "closed", closedOn: todayInRiga() }).where(eq(mentorships.youngPersonId, janis.id)).run();
    const { data, text } = await homeOf("mentor@demo.test");
    expect(names(only(data.home, "mentor").dashboard.mentees)).toEqual(["Marta Liepa"]);
    expect(text).not.toContain("Jānis Ozols");
  });

  test("a paused mentorship hides the mentee too", async () => {
    const marta = youngPersonOf("youth.aftercare@demo.test");
    getDb()
      .update(mentorships)
      .set({ status: "paused" })
      .where(and(eq(mentorships.youngPersonId, marta.id), eq(mentorships.status, "active")))
      .run();
    const { data } = await homeOf("mentor@demo.test");
    expect(names(only(data.home, "mentor").dashboard.mentees)).toEqual(["Jānis Ozols"]);
  });

  test("the mentee appears on the day the window opens (12 months before care end), not the day before", async () => {
    const janis = youngPersonOf("youth.transition@demo.test");
    const opens = mentoringWindow(janis.plannedCareEndDate).start;
    expect(opens).toBe(addMonths(janis.plannedCareEndDate, -12));

    setClock(noonOn(addDays(opens, -1)));
    const before = await homeOf("mentor@demo.test");
    expect(names(only(before.data.home, "mentor").dashboard.mentees)).not.toContain("Jānis Ozols");
    // Marta's window (care ended 6 months ago) is still open then.
    expect(names(only(before.data.home, "mentor").dashboard.mentees)).toContain("Marta Liepa");

    setClock(noonOn(opens));
    const onTheDay = await homeOf("mentor@demo.test");
    expect(names(only(onTheDay.data.home, "mentor").dashboard.mentees)).toContain("Jānis Ozols");
  });

  test("long before either window opens the mentor sees no one", async () => {
    setClock(noonOn(addMonths(todayInRiga(), -30)));
    const { data } = await homeOf("mentor@demo.test");
    expect(only(data.home, "mentor").dashboard.mentees).toEqual([]);
  });

  test("after the window closes (24 months after care end) the mentee is gone", async () => {
    const marta = youngPersonOf("youth.aftercare@demo.test");
    const closes = mentoringWindow(marta.actualCareEndDate ?? marta.plannedCareEndDate).end;
    setClock(noonOn(closes));
    expect(names(only((await homeOf("mentor@demo.test")).data.home, "mentor").dashboard.mentees)).toContain("Marta Liepa");
    setClock(noonOn(addDays(closes, 1)));
    expect(names(only((await homeOf("mentor@demo.test")).data.home, "mentor").dashboard.mentees)).not.toContain("Marta Liepa");
  });
});

describe("another organisation", () => {
  test("its specialist sees only their own young person, and the demo staff see none of theirs", async () => {
    const other = await insertOtherOrganisation();

    const theirs = await homeOf(other.specialistEmail);
    const caseload = only(theirs.data.home, "specialist").caseload;
    expect(names(caseload)).toEqual(["Ēriks Citādais"]);
    for (const name of ["Anna Kalniņa", "Jānis Ozols", "Marta Liepa"]) expect(theirs.text).not.toContain(name);

    for (const email of ["specialist@demo.test", "lead@demo.test", "mentor@demo.test", "carer@demo.test", "admin@demo.test"]) {
      const ours = await homeOf(email);
      expect(ours.text).not.toContain("Ēriks Citādais");
      expect(ours.text).not.toContain(other.youngPersonId);
    }
    expect(only((await homeOf("lead@demo.test")).data.home, "lead").cases).toHaveLength(7);
  });

  test("its young person sees their own record", async () => {
    const other = await insertOtherOrganisation();
    const { data } = await homeOf(other.youthEmail);
    const card = only(data.home, "youth").youth!.card;
    expect(card.displayName).toBe("Ēriks Citādais");
    expect(card.specialist?.displayName).toBe("Otra Speciāliste");
  });

  test("even rows that wrongly link across organisations do not leak a record", async () => {
    const other = await insertOtherOrganisation();
    const db = getDb();
    const today = todayInRiga();
    // A mentorship and a carer link from demo staff to the other organisation's young person, and that
    // record pointing at the demo specialist: the organisation boundary must still hold.
    db.insert(mentorships)
      .values({ id: randomUUID(), youngPersonId: other.youngPersonId, mentorId: userByEmail("mentor@demo.test").id, status: "active", startedOn: today })
      .run();
    db.insert(carerLinks)
      .values({ id: randomUUID(), youngPersonId: other.youngPersonId, carerId: userByEmail("carer@demo.test").id, startedOn: today })
      .run();
    db.update(youngPeople)
      .set({ specialistId: userByEmail("specialist@demo.test").id })
      .where(eq(youngPeople.id, other.youngPersonId))
      .run();

    for (const email of ["mentor@demo.test", "carer@demo.test", "specialist@demo.test", "lead@demo.test"]) {
      const { text } = await homeOf(email);
      expect(text).not.toContain("Ēriks Citādais");
    }
    // And the other organisation's specialist still sees none of the demo records.
    const theirs = await homeOf(other.specialistEmail);
    expect(theirs.text).not.toContain("Jānis Ozols");
  });
});
