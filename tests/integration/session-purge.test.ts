/** Ended sessions are deleted from the database (hourly, by the server), by the lifetimes of decision 002. */
import { beforeEach, describe, expect, test } from "vitest";
import { allSessionCount, freshDatabase, sessionCookieFor, sessionIdOf, sessionRow } from "../helpers/db";
import { PERSONAL_SESSION, STAFF_SESSION } from "~/domain/session-policy";
import { purgeEndedSessions } from "../../db/session-purge";
import { getDb } from "~/utils/db.server";

beforeEach(async () => {
  await freshDatabase();
});

const MINUTE = 60_000;

describe("purgeEndedSessions", () => {
  test("deletes idle and expired sessions by role and keeps live ones", () => {
    const at = Date.now();
    const session = (email: string, createdAgo: number, seenAgo: number) =>
      sessionIdOf(sessionCookieFor(email, { createdAt: at - createdAgo, lastSeenAt: at - seenAgo }));
    const kept = [
      session("specialist@demo.test", 60 * MINUTE, 5 * MINUTE),
      session("youth.transition@demo.test", 20 * 24 * 60 * MINUTE, 3 * 24 * 60 * MINUTE),
      session("carer@demo.test", 0, 0),
    ];
    const gone = [
      // Staff: idle 30 minutes, or 12 hours after login.
      session("specialist@demo.test", 60 * MINUTE, STAFF_SESSION.idleMs),
      session("mentor@demo.test", STAFF_SESSION.absoluteMs, 1 * MINUTE),
      // Young people and carers: idle 14 days, or 30 days after login.
      session("youth.transition@demo.test", 20 * 24 * 60 * MINUTE, PERSONAL_SESSION.idleMs),
      session("carer@demo.test", PERSONAL_SESSION.absoluteMs, 0),
    ];
    const before = allSessionCount();
    expect(purgeEndedSessions(getDb(), at)).toBe(gone.length);
    expect(allSessionCount()).toBe(before - gone.length);
    for (const id of kept) expect(sessionRow(id)).not.toBeNull();
    for (const id of gone) expect(sessionRow(id)).toBeNull();
  });
});
