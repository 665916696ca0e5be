/**
 * Mentoring rules that tests/unit/mentoring.test.ts does not reach (found by mutation testing,
 * docs/proofs.md): what a failed contact form can still be checked for, the attention order's buckets
 * and tie-breaks, the newest agreed meeting, and the care end on the 15th birthday itself.
 */
import { describe, expect, it } from "vitest";
import {
  attentionKey,
  careEndProblems,
  compareAttention,
  contactProblems,
  readableContact,
  upcomingMeeting,
  type AttentionInput,
  type ContactCheck,
} from "~/domain/mentoring";

const TODAY = "2026-03-10";

describe("readableContact: what the rules can check in a form that failed its field checks", () => {
  it("reads trimmed texts, real dates, yes/no and whole minutes", () => {
    expect(
      readableContact({ contactOn: " 2026-03-01 ", made: " yes ", durationMinutes: " 45 ", nextMeetingOn: "2026-03-20", nextMeetingTime: " 14:00 " }),
    ).toEqual({ contactOn: "2026-03-01", made: true, durationMinutes: 45, nextMeetingOn: "2026-03-20", nextMeetingTime: "14:00" });
    expect(readableContact({ made: "no", durationMinutes: "99999" })).toMatchObject({ made: false, durationMinutes: 99999 });
  });

  it("anything else is null: missing, not text, not a date, not yes or no, not a whole number of at most five digits", () => {
    expect(readableContact({})).toEqual({ contactOn: null, made: null, durationMinutes: null, nextMeetingOn: null, nextMeetingTime: null });
    expect(readableContact({ contactOn: 20260301, made: true, durationMinutes: 45, nextMeetingOn: ["2026-03-20"], nextMeetingTime: 14 })).toEqual({
      contactOn: null,
      made: null,
      durationMinutes: null,
      nextMeetingOn: null,
      nextMeetingTime: null,
    });
    expect(readableContact({ contactOn: "2026-02-30", nextMeetingOn: "tomorrow", made: "maybe", nextMeetingTime: "   " })).toEqual({
      contactOn: null,
      made: null,
      durationMinutes: null,
      nextMeetingOn: null,
      nextMeetingTime: null,
    });
    for (const minutes of ["", "a45", "45a", "4 5", "123456", "-5", "4.5"]) {
      expect(readableContact({ durationMinutes: minutes }).durationMinutes, minutes).toBeNull();
    }
  });
});

describe("contactProblems: the next meeting", () => {
  const base: ContactCheck = {
    contactOn: "2026-03-01",
    made: false,
    durationMinutes: null,
    nextMeetingOn: null,
    mentorshipStartedOn: "2025-10-01",
    window: { start: "2025-09-01", end: "2028-09-01" },
  };
  it("a time without a day asks for the day", () => {
    expect(contactProblems({ ...base, nextMeetingTime: "14:00" }, TODAY)).toEqual([{ field: "nextMeetingOn", error: "mentoring.errors.meetingDateForTime" }]);
    expect(contactProblems({ ...base, nextMeetingTime: "14:00", nextMeetingOn: "2026-03-20" }, TODAY)).toEqual([]);
  });
  it("a meeting day is compared with the contact's day only when that day could be read", () => {
    expect(contactProblems({ ...base, contactOn: null, nextMeetingOn: "2026-02-01" }, TODAY)).toEqual([]);
    expect(contactProblems({ ...base, nextMeetingOn: "2026-02-28" }, TODAY)).toEqual([
      { field: "nextMeetingOn", error: "mentoring.errors.meetingBeforeContact" },
    ]);
    expect(contactProblems({ ...base, nextMeetingOn: "2026-03-01" }, TODAY)).toEqual([]);
  });
});

describe("attentionKey: who comes first on the mentor's dashboard", () => {
  const calm: AttentionInput = { rhythm: { kind: "onTrack", dueBy: "2026-03-30" }, overdueSteps: 0, helpAsked: 0, nextMeetingOn: null, careEnd: "2026-09-01" };
  it("buckets: contact overdue, then help asked, then overdue steps, then the rest", () => {
    expect(attentionKey(calm, TODAY)[0]).toBe(3);
    expect(attentionKey({ ...calm, overdueSteps: 1 }, TODAY)[0]).toBe(2);
    expect(attentionKey({ ...calm, helpAsked: 1, overdueSteps: 1 }, TODAY)[0]).toBe(1);
    expect(attentionKey({ ...calm, rhythm: { kind: "overdue", dueBy: "2026-03-01", daysOverdue: 9 }, helpAsked: 1 }, TODAY)[0]).toBe(0);
    expect(attentionKey({ ...calm, rhythm: { kind: "paused" } }, TODAY)[0]).toBe(3);
  });
  it("a rhythm that is not overdue counts no overdue days", () => {
    for (const rhythm of [calm.rhythm, { kind: "paused" } as const, { kind: "ended" } as const, { kind: "notStarted", startsOn: "2026-04-01" } as const]) {
      const key = attentionKey({ ...calm, rhythm }, TODAY);
      expect(Number.isNaN(key[1]), rhythm.kind).toBe(false);
      expect(Math.abs(key[1]), rhythm.kind).toBe(0);
    }
  });
  it("help asked weighs more than any number of overdue steps inside the bucket", () => {
    expect(attentionKey({ ...calm, helpAsked: 2, overdueSteps: 3 }, TODAY)[2]).toBe(-2003);
    const moreHelp = attentionKey({ ...calm, helpAsked: 2, overdueSteps: 0 }, TODAY);
    const moreSteps = attentionKey({ ...calm, helpAsked: 1, overdueSteps: 900 }, TODAY);
    expect(compareAttention(moreHelp, moreSteps)).toBe(-1);
    expect(compareAttention(moreSteps, moreHelp)).toBe(1);
  });
  it("compares element by element, equal keys are 0", () => {
    const a = attentionKey(calm, TODAY);
    const later = attentionKey({ ...calm, careEnd: "2026-12-01" }, TODAY);
    expect(compareAttention(a, later)).toBe(-1);
    expect(compareAttention(later, a)).toBe(1);
    expect(compareAttention(a, attentionKey(calm, TODAY))).toBe(0);
  });
});

describe("upcomingMeeting: the newest contact that agreed a meeting", () => {
  const contact = (contactOn: string, createdAt: number, nextMeetingOn: string | null) => ({ contactOn, createdAt, nextMeetingOn, nextMeetingTime: null });
  it("of two contacts on the same day, the one written later", () => {
    expect(upcomingMeeting([contact("2026-03-01", 1, "2026-03-20"), contact("2026-03-01", 2, "2026-03-25")], TODAY)?.on).toBe("2026-03-25");
    expect(upcomingMeeting([contact("2026-03-01", 2, "2026-03-25"), contact("2026-03-01", 1, "2026-03-20")], TODAY)?.on).toBe("2026-03-25");
  });
  it("a contact of an earlier day written later does not replace a newer day's meeting", () => {
    expect(upcomingMeeting([contact("2026-03-05", 1, "2026-03-20"), contact("2026-03-01", 9, "2026-03-25")], TODAY)?.on).toBe("2026-03-20");
  });
});

describe("careEndProblems: an actual care end on the 15th birthday", () => {
  it("is allowed; the day before is too early", () => {
    const input = { dateOfBirth: "2008-05-01", plannedCareEndDate: "2026-05-01" };
    expect(careEndProblems({ ...input, actualCareEndDate: "2023-05-01" }, TODAY)).toEqual([]);
    expect(careEndProblems({ ...input, actualCareEndDate: "2023-04-30" }, TODAY)).toEqual([
      { field: "actualCareEndDate", error: "mentoring.errors.careEndTooEarly", values: { date: "2023-05-01" } },
    ]);
  });
});
