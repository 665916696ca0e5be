import { describe, expect, it } from "vitest";
import { LONGEST_IDLE_MS, sessionLifetime, sessionVerdict, shouldTouchSession, TOUCH_INTERVAL_MS } from "~/domain/session-policy";
import type { Role } from "~/domain/vocabulary";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Written out: staff get 30 minutes idle / 12 hours absolute; young people and carers 14 / 30 days. */
const EXPECTED: Record<Role, { idleMs: number; absoluteMs: number; kind: "staff" | "personal" }> = {
  mentor: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR, kind: "staff" },
  specialist: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR, kind: "staff" },
  lead: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR, kind: "staff" },
  admin: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR, kind: "staff" },
  youth: { idleMs: 14 * DAY, absoluteMs: 30 * DAY, kind: "personal" },
  carer: { idleMs: 14 * DAY, absoluteMs: 30 * DAY, kind: "personal" },
};

const LOGIN = Date.UTC(2026, 2, 10, 9, 0, 0);

describe.each(Object.entries(EXPECTED) as Array<[Role, (typeof EXPECTED)[Role]]>)("%s sessions", (role, { idleMs, absoluteMs, kind }) => {
  it(`have the ${kind} lifetime`, () => {
    expect(sessionLifetime(role)).toEqual({ idleMs, absoluteMs });
  });

  it("are valid right after login", () => {
    expect(sessionVerdict(role, { createdAt: LOGIN, lastSeenAt: LOGIN }, LOGIN)).toBe("valid");
  });

  it("are valid 1 ms before the idle limit and idle at it", () => {
    const session = { createdAt: LOGIN, lastSeenAt: LOGIN };
    expect(sessionVerdict(role, session, LOGIN + idleMs - 1)).toBe("valid");
    expect(sessionVerdict(role, session, LOGIN + idleMs)).toBe("idle");
    expect(sessionVerdict(role, session, LOGIN + idleMs + MINUTE)).toBe("idle");
  });

  it("stay valid while used, until 1 ms before the absolute limit, and expire at it", () => {
    const justUsed = (now: number) => ({ createdAt: LOGIN, lastSeenAt: now - MINUTE });
    const beforeEnd = LOGIN + absoluteMs - 1;
    expect(sessionVerdict(role, justUsed(beforeEnd), beforeEnd)).toBe("valid");
    expect(sessionVerdict(role, justUsed(LOGIN + absoluteMs), LOGIN + absoluteMs)).toBe("expired");
    expect(sessionVerdict(role, justUsed(LOGIN + absoluteMs + DAY), LOGIN + absoluteMs + DAY)).toBe("expired");
  });

  it("report expired rather than idle when both limits have passed", () => {
    const now = LOGIN + absoluteMs + idleMs;
    expect(sessionVerdict(role, { createdAt: LOGIN, lastSeenAt: LOGIN }, now)).toBe("expired");
  });
});

describe("staff and personal sessions differ", () => {
  const STAFF: Role[] = ["mentor", "specialist", "lead", "admin"];
  const PERSONAL: Role[] = ["youth", "carer"];

  it("31 minutes away logs staff out, but not a young person or a carer", () => {
    const session = { createdAt: LOGIN, lastSeenAt: LOGIN };
    const now = LOGIN + 31 * MINUTE;
    for (const role of STAFF) expect(sessionVerdict(role, session, now), role).toBe("idle");
    for (const role of PERSONAL) expect(sessionVerdict(role, session, now), role).toBe("valid");
  });

  it("a whole working day of activity ends a staff session after 12 hours", () => {
    const now = LOGIN + 12 * HOUR;
    const session = { createdAt: LOGIN, lastSeenAt: now - 5 * MINUTE };
    for (const role of STAFF) expect(sessionVerdict(role, session, now), role).toBe("expired");
    for (const role of PERSONAL) expect(sessionVerdict(role, session, now), role).toBe("valid");
  });

  it("a young person who opens the app weekly stays logged in for 30 days, never longer", () => {
    let lastSeenAt = LOGIN;
    for (let week = 1; week <= 4; week++) {
      const now = LOGIN + week * 7 * DAY;
      expect(sessionVerdict("youth", { createdAt: LOGIN, lastSeenAt }, now), `week ${week}`).toBe("valid");
      lastSeenAt = now;
    }
    expect(sessionVerdict("youth", { createdAt: LOGIN, lastSeenAt }, LOGIN + 30 * DAY)).toBe("expired");
  });

  it("the longest idle time, the outer bound for the session store, is 14 days", () => {
    expect(LONGEST_IDLE_MS).toBe(14 * DAY);
  });
});

describe("shouldTouchSession", () => {
  it("writes last-seen at most once a minute", () => {
    expect(TOUCH_INTERVAL_MS).toBe(MINUTE);
    expect(shouldTouchSession({ lastSeenAt: LOGIN }, LOGIN)).toBe(false);
    expect(shouldTouchSession({ lastSeenAt: LOGIN }, LOGIN + MINUTE - 1)).toBe(false);
    expect(shouldTouchSession({ lastSeenAt: LOGIN }, LOGIN + MINUTE)).toBe(true);
    expect(shouldTouchSession({ lastSeenAt: LOGIN }, LOGIN + DAY)).toBe(true);
  });

  it("does not write when last-seen is ahead of the clock", () => {
    expect(shouldTouchSession({ lastSeenAt: LOGIN + MINUTE }, LOGIN)).toBe(false);
  });

  it("touching once a minute keeps a busy staff session from going idle", () => {
    // The idle limit is far longer than the touch interval, so an active user is never seen as idle.
    let lastSeenAt = LOGIN;
    for (let now = LOGIN; now < LOGIN + 2 * HOUR; now += 20_000) {
      expect(sessionVerdict("specialist", { createdAt: LOGIN, lastSeenAt }, now)).toBe("valid");
      if (shouldTouchSession({ lastSeenAt }, now)) lastSeenAt = now;
    }
  });
});
