/**
 * Small rules the mutation run found untested (docs/proofs.md): the Riga wall clock of a moment, dates
 * before the year 1000 and the error for a date that does not exist (app/domain/dates.ts), and how long
 * one-time links live and what an accepted invitation says (app/domain/accounts.ts).
 */
import { describe, expect, it } from "vitest";
import { INVITATION_LIFETIME_MS, invitationState, RESET_LIFETIME_MS } from "~/domain/accounts";
import { addDays, addMonths, daysBetween, rigaClock } from "~/domain/dates";

describe("rigaClock", () => {
  it("is HH:MM in Riga, summer and winter, midnight as 00", () => {
    expect(rigaClock(Date.UTC(2026, 6, 15, 15, 30))).toBe("18:30");
    expect(rigaClock(Date.UTC(2026, 0, 15, 7, 5))).toBe("09:05");
    expect(rigaClock(Date.UTC(2026, 0, 14, 22, 0))).toBe("00:00");
    // The same formatter twice (it is made once).
    expect(rigaClock(Date.UTC(2026, 0, 14, 22, 59))).toBe("00:59");
  });
});

describe("dates", () => {
  it("years before 1000 keep four digits", () => {
    expect(addMonths("0500-01-31", 1)).toBe("0500-02-28");
    expect(addDays("0999-12-31", 1)).toBe("1000-01-01");
  });
  it("a day that does not exist is an error that names it", () => {
    expect(() => daysBetween("2026-02-30", "2026-03-01")).toThrow(new RangeError("Not a calendar date: 2026-02-30"));
  });
});

describe("one-time links", () => {
  it("an invitation lives 7 days, a reset link an hour", () => {
    expect(INVITATION_LIFETIME_MS).toBe(7 * 86_400_000);
    expect(RESET_LIFETIME_MS).toBe(3_600_000);
  });
  it("an invitation is valid until it expires, used once accepted, revoked when withdrawn", () => {
    const sent = { expiresAt: 1_000, acceptedAt: null, revokedAt: null };
    expect(invitationState(sent, 999)).toBe("valid");
    expect(invitationState(sent, 1_000)).toBe("expired");
    expect(invitationState({ ...sent, acceptedAt: 500 }, 999)).toBe("used");
    expect(invitationState({ ...sent, revokedAt: 500 }, 999)).toBe("revoked");
  });
});
