/**
 * The mentoring rules (app/domain/mentoring.ts) at their edges, and the mentoring form schemas as the
 * routes reach them (`forms` in app/utils/forms.server.ts, parsed by conform like a posted form).
 *
 * One young person throughout: care ends 10 March 2026, so the mentoring window is
 * [2025-03-10, 2028-03-10], both days included.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { addDays } from "~/domain/dates";
import {
  attentionKey,
  careEndProblems,
  compareAttention,
  contactProblems,
  contactRhythm,
  DEFAULT_CONTACT_RHYTHM_DAYS,
  linkProblem,
  mentorNeed,
  upcomingMeeting,
  type AttentionInput,
  type ContactCheck,
  type MentorCandidate,
  type RhythmInput,
} from "~/domain/mentoring";
import { mentoringWindow } from "~/domain/phase";
import { forms, parseForm } from "~/utils/forms.server";

const CARE_END = "2026-03-10";
const WINDOW = mentoringWindow(CARE_END);
const WINDOW_START = "2025-03-10";
const WINDOW_END = "2028-03-10";
const ORG = "org-1";

it("the window of the examples is [care end − 12 months, care end + 24 months]", () => {
  expect(WINDOW).toEqual({ start: WINDOW_START, end: WINDOW_END });
});

// ——— the contact rhythm

function rhythm(overrides: Partial<RhythmInput>, today: string) {
  return contactRhythm(
    { status: "active", activeSince: WINDOW_START, window: WINDOW, lastContactOn: null, rhythmDays: DEFAULT_CONTACT_RHYTHM_DAYS, ...overrides },
    today,
  );
}

describe("contactRhythm: the window's edges", () => {
  it("nothing is due the day before the window opens", () => {
    expect(rhythm({}, "2025-03-09")).toEqual({ kind: "notStarted", startsOn: WINDOW_START });
  });

  it("on the day the window opens the clock starts", () => {
    expect(rhythm({}, WINDOW_START)).toEqual({ kind: "onTrack", dueBy: "2025-04-09" });
  });

  it("a mentor linked before the window opens is counted from the window's first day, not the link", () => {
    expect(rhythm({ activeSince: "2024-10-01" }, "2025-03-09")).toEqual({ kind: "notStarted", startsOn: WINDOW_START });
    expect(rhythm({ activeSince: "2024-10-01" }, "2025-04-09")).toEqual({ kind: "onTrack", dueBy: "2025-04-09" });
    expect(rhythm({ activeSince: "2024-10-01" }, "2025-04-10")).toEqual({ kind: "overdue", dueBy: "2025-04-09", daysOverdue: 1 });
  });

  it("still counts on the window's last day, and ends the day after", () => {
    const last = { activeSince: "2027-01-01", lastContactOn: "2028-02-20" };
    expect(rhythm(last, "2028-03-09")).toEqual({ kind: "onTrack", dueBy: "2028-03-21" });
    expect(rhythm(last, WINDOW_END)).toEqual({ kind: "onTrack", dueBy: "2028-03-21" });
    expect(rhythm(last, "2028-03-11")).toEqual({ kind: "ended" });
    // Even a long-overdue mentorship stops being "overdue" when the window is over.
    expect(rhythm({ activeSince: "2027-01-01", lastContactOn: "2027-01-05" }, WINDOW_END).kind).toBe("overdue");
    expect(rhythm({ activeSince: "2027-01-01", lastContactOn: "2027-01-05" }, "2028-03-11")).toEqual({ kind: "ended" });
  });
});

describe("contactRhythm: the due date", () => {
  const input = { activeSince: "2025-05-01", lastContactOn: "2025-06-01" };

  it("is on track on the due day itself (N days after the last contact)", () => {
    expect(rhythm(input, "2025-07-01")).toEqual({ kind: "onTrack", dueBy: "2025-07-01" });
    expect(rhythm(input, "2025-06-30")).toEqual({ kind: "onTrack", dueBy: "2025-07-01" });
  });

  it("is overdue by one day the day after, and counts up from there", () => {
    expect(rhythm(input, "2025-07-02")).toEqual({ kind: "overdue", dueBy: "2025-07-01", daysOverdue: 1 });
    expect(rhythm(input, "2025-07-16")).toEqual({ kind: "overdue", dueBy: "2025-07-01", daysOverdue: 15 });
  });

  it("follows the organisation's rhythm", () => {
    expect(rhythm({ ...input, rhythmDays: 7 }, "2025-06-08")).toEqual({ kind: "onTrack", dueBy: "2025-06-08" });
    expect(rhythm({ ...input, rhythmDays: 7 }, "2025-06-09")).toEqual({ kind: "overdue", dueBy: "2025-06-08", daysOverdue: 1 });
    expect(rhythm({ ...input, rhythmDays: 60 }, "2025-07-16")).toEqual({ kind: "onTrack", dueBy: "2025-07-31" });
  });
});

describe("contactRhythm counts from the latest of: the window's start, the (re)start of the mentorship, the last contact made", () => {
  it("from the window's start when the mentorship began earlier and nobody has met yet", () => {
    expect(rhythm({ activeSince: "2024-01-01" }, "2025-03-20")).toEqual({ kind: "onTrack", dueBy: "2025-04-09" });
  });

  it("from the day the mentorship began (or was resumed) when that is later", () => {
    expect(rhythm({ activeSince: "2025-09-15" }, "2025-10-01")).toEqual({ kind: "onTrack", dueBy: "2025-10-15" });
  });

  it("a contact made before a resume does not pull the due date back", () => {
    expect(rhythm({ activeSince: "2025-09-15", lastContactOn: "2025-08-01" }, "2025-10-01")).toEqual({ kind: "onTrack", dueBy: "2025-10-15" });
  });

  it("from the last contact made when that is the latest", () => {
    expect(rhythm({ activeSince: "2025-09-15", lastContactOn: "2025-10-10" }, "2025-10-20")).toEqual({ kind: "onTrack", dueBy: "2025-11-09" });
  });

  it("only the contact the caller passes counts: an attempt is not passed, so it does not reset the clock", () => {
    // Met on 1 June; tried (and failed) to reach them on 5 July: the caller passes 1 June.
    const lastMade = "2025-06-01";
    expect(rhythm({ activeSince: "2025-05-01", lastContactOn: lastMade }, "2025-07-05")).toEqual({
      kind: "overdue",
      dueBy: "2025-07-01",
      daysOverdue: 4,
    });
  });
});

describe("contactRhythm: paused and closed mentorships", () => {
  it("a paused mentorship has no due date inside the window", () => {
    expect(rhythm({ status: "paused", lastContactOn: "2025-04-01" }, "2025-09-01")).toEqual({ kind: "paused" });
  });

  it("a closed mentorship has ended, whatever the date", () => {
    expect(rhythm({ status: "closed" }, "2025-09-01")).toEqual({ kind: "ended" });
    expect(rhythm({ status: "closed" }, "2025-03-01")).toEqual({ kind: "ended" });
  });

  it("after the window a paused mentorship has ended too", () => {
    expect(rhythm({ status: "paused" }, "2028-03-11")).toEqual({ kind: "ended" });
  });
});

// ——— who needs a mentor

describe("mentorNeed", () => {
  it("inside the window without an active mentor: needed now", () => {
    expect(mentorNeed(WINDOW, false, WINDOW_START)).toBe("inWindow");
    expect(mentorNeed(WINDOW, false, "2026-06-01")).toBe("inWindow");
    expect(mentorNeed(WINDOW, false, WINDOW_END)).toBe("inWindow");
  });

  it("exactly three months before the window opens: soon", () => {
    expect(mentorNeed(WINDOW, false, "2024-12-10")).toBe("soon");
    expect(mentorNeed(WINDOW, false, "2025-03-09")).toBe("soon");
  });

  it("one day more than three months before the window: not yet", () => {
    expect(mentorNeed(WINDOW, false, "2024-12-09")).toBeNull();
    expect(mentorNeed(WINDOW, false, "2023-01-01")).toBeNull();
  });

  it("after the window: no longer", () => {
    expect(mentorNeed(WINDOW, false, "2028-03-11")).toBeNull();
  });

  it("never with an active mentor", () => {
    for (const day of ["2024-12-10", WINDOW_START, "2026-06-01", WINDOW_END]) expect(mentorNeed(WINDOW, true, day)).toBeNull();
  });
});

// ——— what needs attention first

const TODAY = "2026-01-15";

function mentee(name: string, overrides: Partial<AttentionInput> = {}) {
  const input: AttentionInput = {
    rhythm: { kind: "onTrack", dueBy: "2026-02-01" },
    overdueSteps: 0,
    helpAsked: 0,
    nextMeetingOn: null,
    careEnd: "2026-06-01",
    ...overrides,
  };
  return { name, key: attentionKey(input, TODAY) };
}

function order(...mentees: Array<ReturnType<typeof mentee>>): string[] {
  return [...mentees].sort((a, b) => compareAttention(a.key, b.key)).map((m) => m.name);
}

const overdue = (days: number) => ({ kind: "overdue" as const, dueBy: addDays(TODAY, -days), daysOverdue: days });

describe("attention order on the mentor's dashboard", () => {
  it("an overdue contact comes before help asked, overdue steps and a meeting", () => {
    expect(
      order(
        mentee("meeting tomorrow", { nextMeetingOn: addDays(TODAY, 1) }),
        mentee("help asked", { helpAsked: 3 }),
        mentee("overdue steps", { overdueSteps: 5 }),
        mentee("contact overdue", { rhythm: overdue(1) }),
      ),
    ).toEqual(["contact overdue", "help asked", "overdue steps", "meeting tomorrow"]);
  });

  it("the longest overdue comes first, even over one that also asked for help", () => {
    expect(
      order(mentee("2 days", { rhythm: overdue(2), helpAsked: 4 }), mentee("40 days", { rhythm: overdue(40) }), mentee("10 days", { rhythm: overdue(10) })),
    ).toEqual(["40 days", "10 days", "2 days"]);
  });

  it("help asked comes before overdue steps, and more help before less", () => {
    expect(order(mentee("steps", { overdueSteps: 9 }), mentee("help 1", { helpAsked: 1 }), mentee("help 2", { helpAsked: 2 }))).toEqual([
      "help 2",
      "help 1",
      "steps",
    ]);
  });

  it("more overdue steps before fewer", () => {
    expect(order(mentee("1 step", { overdueSteps: 1 }), mentee("3 steps", { overdueSteps: 3 }))).toEqual(["3 steps", "1 step"]);
  });

  it("then the soonest meeting; a meeting today counts, a past one is like none", () => {
    expect(
      order(
        mentee("no meeting"),
        mentee("in a week", { nextMeetingOn: addDays(TODAY, 7) }),
        mentee("yesterday", { nextMeetingOn: addDays(TODAY, -1) }),
        mentee("today", { nextMeetingOn: TODAY }),
      ).slice(0, 2),
    ).toEqual(["today", "in a week"]);
  });

  it("ties fall through to the soonest care end, and identical mentees compare equal", () => {
    expect(order(mentee("later", { careEnd: "2026-09-01" }), mentee("sooner", { careEnd: "2026-03-01" }))).toEqual(["sooner", "later"]);
    expect(order(mentee("past meeting", { nextMeetingOn: "2026-01-01" }), mentee("none", { careEnd: "2026-05-01" }))).toEqual(["none", "past meeting"]);
    expect(compareAttention(mentee("a").key, mentee("b").key)).toBe(0);
  });

  it("paused, not started and on-track rhythms are not overdue", () => {
    for (const state of [{ kind: "paused" as const }, { kind: "notStarted" as const, startsOn: "2026-02-01" }, { kind: "ended" as const }]) {
      expect(order(mentee("quiet", { rhythm: state }), mentee("overdue", { rhythm: overdue(1) }))).toEqual(["overdue", "quiet"]);
    }
  });
});

// ——— linking a mentor

describe("linkProblem", () => {
  const mentor: MentorCandidate = { role: "mentor", organisationId: ORG, disabled: false };
  const inWindow = "2026-01-15";

  it("an unknown person and a mentor of another organisation get the same answer", () => {
    const unknown = linkProblem(null, ORG, null, WINDOW, inWindow);
    expect(unknown).toEqual({ field: "mentorId", error: "mentoring.errors.mentorUnknown" });
    expect(linkProblem({ ...mentor, organisationId: "org-2" }, ORG, null, WINDOW, inWindow)).toEqual(unknown);
    // Nothing else about the other organisation's person shows through.
    expect(linkProblem({ role: "specialist", organisationId: "org-2", disabled: true }, ORG, null, WINDOW, inWindow)).toEqual(unknown);
  });

  it("someone who is not a mentor", () => {
    for (const role of ["youth", "specialist", "carer", "lead", "admin"] as const) {
      expect(linkProblem({ ...mentor, role }, ORG, null, WINDOW, inWindow)).toEqual({ field: "mentorId", error: "mentoring.errors.notAMentor" });
    }
  });

  it("a disabled mentor", () => {
    expect(linkProblem({ ...mentor, disabled: true }, ORG, null, WINDOW, inWindow)).toEqual({ field: "mentorId", error: "mentoring.errors.mentorDisabled" });
  });

  it("a young person who already has an active mentor, or a paused one whose mentorship is still open", () => {
    expect(linkProblem(mentor, ORG, { status: "active", mentorName: "Pēteris" }, WINDOW, inWindow)).toEqual({
      field: "mentorId",
      error: "mentoring.errors.activeMentorExists",
      values: { name: "Pēteris" },
    });
    expect(linkProblem(mentor, ORG, { status: "paused", mentorName: "Laura" }, WINDOW, inWindow)).toEqual({
      field: "mentorId",
      error: "mentoring.errors.pausedMentorExists",
      values: { name: "Laura" },
    });
  });

  it("after the window has ended, but not on its last day", () => {
    expect(linkProblem(mentor, ORG, null, WINDOW, WINDOW_END)).toBeNull();
    expect(linkProblem(mentor, ORG, null, WINDOW, "2028-03-11")).toEqual({
      field: "mentorId",
      error: "mentoring.errors.windowEnded",
      values: { date: WINDOW_END },
    });
  });

  it("is fine before the window opens (the mentor waits for it) and inside it", () => {
    expect(linkProblem(mentor, ORG, null, WINDOW, "2024-06-01")).toBeNull();
    expect(linkProblem(mentor, ORG, null, WINDOW, "2025-03-09")).toBeNull();
    expect(linkProblem(mentor, ORG, null, WINDOW, WINDOW_START)).toBeNull();
    expect(linkProblem(mentor, ORG, null, WINDOW, inWindow)).toBeNull();
  });
});

// ——— logging a contact

describe("contactProblems", () => {
  const base: ContactCheck = {
    contactOn: "2025-06-01",
    made: true,
    durationMinutes: 30,
    nextMeetingOn: null,
    mentorshipStartedOn: "2025-01-01",
    window: WINDOW,
  };
  const check = (overrides: Partial<ContactCheck>, today = "2025-06-10") => contactProblems({ ...base, ...overrides }, today);

  it("a contact inside the window and the mentorship, made with a duration, is fine", () => {
    expect(check({})).toEqual([]);
  });

  it("not in the future: today is fine, tomorrow is not", () => {
    expect(check({ contactOn: "2025-06-10" })).toEqual([]);
    expect(check({ contactOn: "2025-06-11" })).toEqual([{ field: "contactOn", error: "mentoring.errors.contactInFuture" }]);
  });

  it("not before the window opens", () => {
    expect(check({ contactOn: WINDOW_START })).toEqual([]);
    expect(check({ contactOn: "2025-03-09" })).toEqual([{ field: "contactOn", error: "mentoring.errors.contactBeforeWindow", values: { date: WINDOW_START } }]);
  });

  it("not before the mentorship began", () => {
    expect(check({ mentorshipStartedOn: "2025-05-01", contactOn: "2025-05-01" })).toEqual([]);
    expect(check({ mentorshipStartedOn: "2025-05-01", contactOn: "2025-04-30" })).toEqual([
      { field: "contactOn", error: "mentoring.errors.contactBeforeMentorship", values: { date: "2025-05-01" } },
    ]);
  });

  it("not after the window ended", () => {
    expect(check({ contactOn: WINDOW_END }, "2028-04-01")).toEqual([]);
    expect(check({ contactOn: "2028-03-11" }, "2028-04-01")).toEqual([
      { field: "contactOn", error: "mentoring.errors.contactAfterWindow", values: { date: WINDOW_END } },
    ]);
  });

  it("a contact made needs a duration; an attempt does not", () => {
    expect(check({ durationMinutes: null })).toEqual([{ field: "durationMinutes", error: "mentoring.errors.durationRequired" }]);
    expect(check({ made: false, durationMinutes: null })).toEqual([]);
  });

  it("the next meeting is not before the contact (the same day is fine)", () => {
    expect(check({ nextMeetingOn: "2025-06-01" })).toEqual([]);
    expect(check({ nextMeetingOn: "2025-05-31" })).toEqual([{ field: "nextMeetingOn", error: "mentoring.errors.meetingBeforeContact" }]);
  });

  it("reports every field that is wrong at once", () => {
    expect(check({ contactOn: "2025-06-11", durationMinutes: null, nextMeetingOn: "2025-06-01" }).map((p) => p.field)).toEqual([
      "contactOn",
      "durationMinutes",
      "nextMeetingOn",
    ]);
  });
});

describe("upcomingMeeting", () => {
  const contact = (contactOn: string, nextMeetingOn: string | null, nextMeetingTime: string | null = null, createdAt = 1) => ({
    contactOn,
    createdAt,
    nextMeetingOn,
    nextMeetingTime,
  });

  it("a later contact without a meeting (an unanswered message) keeps the meeting agreed before", () => {
    const contacts = [contact("2025-06-01", "2025-06-20", "17:30"), contact("2025-06-05", null)];
    expect(upcomingMeeting(contacts, "2025-06-10")).toEqual({ on: "2025-06-20", time: "17:30" });
    // Whatever order the rows come in.
    expect(upcomingMeeting([...contacts].reverse(), "2025-06-10")).toEqual({ on: "2025-06-20", time: "17:30" });
  });

  it("a meeting that has passed is no upcoming meeting; one today still is", () => {
    const contacts = [contact("2025-06-01", "2025-06-09", "18:00")];
    expect(upcomingMeeting(contacts, "2025-06-10")).toBeNull();
    expect(upcomingMeeting(contacts, "2025-06-09")).toEqual({ on: "2025-06-09", time: "18:00" });
  });

  it("the newest agreement wins over an older one, by contact date and then by when it was written", () => {
    expect(upcomingMeeting([contact("2025-06-01", "2025-06-30"), contact("2025-06-05", "2025-06-20")], "2025-06-10")).toEqual({
      on: "2025-06-20",
      time: null,
    });
    expect(upcomingMeeting([contact("2025-06-05", "2025-06-25", "10:00", 2), contact("2025-06-05", "2025-06-20", "09:00", 1)], "2025-06-10")).toEqual({
      on: "2025-06-25",
      time: "10:00",
    });
  });

  it("no contacts, or none that agreed a meeting: none", () => {
    expect(upcomingMeeting([], "2025-06-10")).toBeNull();
    expect(upcomingMeeting([contact("2025-06-01", null)], "2025-06-10")).toBeNull();
  });
});

describe("careEndProblems", () => {
  const dateOfBirth = "2008-03-10"; // 15 on 2023-03-10
  const today = "2026-04-01";

  it("a planned end after the 15th birthday and an actual end that has happened are fine", () => {
    expect(careEndProblems({ dateOfBirth, plannedCareEndDate: "2026-03-10", actualCareEndDate: null }, today)).toEqual([]);
    expect(careEndProblems({ dateOfBirth, plannedCareEndDate: "2023-03-10", actualCareEndDate: today }, today)).toEqual([]);
  });

  it("a planned end before the 15th birthday", () => {
    expect(careEndProblems({ dateOfBirth, plannedCareEndDate: "2023-03-09", actualCareEndDate: null }, today)).toEqual([
      { field: "plannedCareEndDate", error: "mentoring.errors.careEndTooEarly", values: { date: "2023-03-10" } },
    ]);
  });

  it("an actual end in the future, or before the 15th birthday", () => {
    expect(careEndProblems({ dateOfBirth, plannedCareEndDate: "2026-03-10", actualCareEndDate: "2026-04-02" }, today)).toEqual([
      { field: "actualCareEndDate", error: "mentoring.errors.actualInFuture" },
    ]);
    expect(careEndProblems({ dateOfBirth, plannedCareEndDate: "2026-03-10", actualCareEndDate: "2023-03-09" }, today)).toEqual([
      { field: "actualCareEndDate", error: "mentoring.errors.careEndTooEarly", values: { date: "2023-03-10" } },
    ]);
  });
});

// ——— the form schemas, parsed as a posted form

function formData(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}

function parse<Schema extends z.ZodTypeAny>(schema: Schema, values: Record<string, string | string[]>) {
  return parseForm(formData(values), schema);
}

/** The messages of a refused submission, per field. */
function errorsOf(submission: { status?: string; error?: Record<string, string[] | null> | null }) {
  expect(submission.status).toBe("error");
  return submission.error ?? {};
}

describe("the contact form", () => {
  const good = { contactOn: "2025-06-01", made: "yes", channel: "phone", durationMinutes: "45" };

  it("accepts a plain contact and gives numbers and lists", () => {
    const submission = parse(forms.contact, { ...good, note: "  Runājām  ", nextMeetingOn: "2025-06-20", nextMeetingTime: "07:05" });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      contactOn: "2025-06-01",
      made: "yes",
      channel: "phone",
      durationMinutes: 45,
      topics: [],
      note: "Runājām",
      nextMeetingOn: "2025-06-20",
      nextMeetingTime: "07:05",
    });
  });

  it.each(["-5", "4.5", "1e3", "0", "721", "abc", "0x10"])("refuses the duration %j", (durationMinutes) => {
    expect(errorsOf(parse(forms.contact, { ...good, durationMinutes }))).toEqual({ durationMinutes: ["mentoring.errors.durationRange"] });
  });

  it("accepts the durations at the edges, 1 and 720 minutes", () => {
    for (const [typed, minutes] of [
      ["1", 1],
      ["720", 720],
    ] as const) {
      const submission = parse(forms.contact, { ...good, durationMinutes: typed });
      expect(submission.status).toBe("success");
      if (submission.status === "success") expect(submission.value.durationMinutes).toBe(minutes);
    }
  });

  it.each(["25:00", "7:5", "24:00", "12:60", "noon"])("refuses the time %j", (nextMeetingTime) => {
    expect(errorsOf(parse(forms.contact, { ...good, nextMeetingOn: "2025-06-20", nextMeetingTime }))).toEqual({
      nextMeetingTime: ["mentoring.errors.timeInvalid"],
    });
  });

  it("refuses a time without a date, next to the date", () => {
    expect(errorsOf(parse(forms.contact, { ...good, nextMeetingTime: "17:30" }))).toEqual({ nextMeetingOn: ["mentoring.errors.meetingDateForTime"] });
  });

  it("takes one topic or several", () => {
    const one = parse(forms.contact, { ...good, topics: "housing" });
    expect(one.status === "success" && one.value.topics).toEqual(["housing"]);
    const several = parse(forms.contact, { ...good, topics: ["housing", "finances", "legal"] });
    expect(several.status === "success" && several.value.topics).toEqual(["housing", "finances", "legal"]);
  });

  it("refuses a topic that is not a domain", () => {
    const errors = errorsOf(parse(forms.contact, { ...good, topics: ["housing", "astrology"] }));
    expect(Object.values(errors).flat()).toContain("errors.invalid");
  });

  it("refuses a channel that does not exist, and a missing one", () => {
    expect(errorsOf(parse(forms.contact, { ...good, channel: "fax" }))).toEqual({ channel: ["mentoring.errors.chooseChannel"] });
    const { channel: _channel, ...withoutChannel } = good;
    expect(errorsOf(parse(forms.contact, withoutChannel))).toEqual({ channel: ["mentoring.errors.chooseChannel"] });
  });

  it("asks whether the contact was made", () => {
    expect(errorsOf(parse(forms.contact, { ...good, made: "maybe" }))).toEqual({ made: ["mentoring.errors.chooseMade"] });
  });

  it("refuses dates that are not calendar dates", () => {
    expect(errorsOf(parse(forms.contact, { ...good, contactOn: "2025-02-30" }))).toEqual({ contactOn: ["errors.dateInvalid"] });
    expect(errorsOf(parse(forms.contact, { ...good, contactOn: "" }))).toEqual({ contactOn: ["errors.required"] });
  });

  it("refuses a malformed one-time token", () => {
    expect(errorsOf(parse(forms.contact, { ...good, clientToken: "<script>" }))).toEqual({ clientToken: ["errors.invalid"] });
  });
});

describe("the other mentoring forms", () => {
  it.each(["0", "abc", "93", "6", "-7", "30.5", "1e1"])("the contact rhythm %j is refused", (rhythmDays) => {
    expect(errorsOf(parse(forms.contactRhythm, { rhythmDays }))).toEqual({ rhythmDays: ["mentoring.errors.rhythmRange"] });
  });

  it("the contact rhythm takes 7 to 92 days", () => {
    for (const days of [7, 30, 92]) {
      const submission = parse(forms.contactRhythm, { rhythmDays: String(days) });
      expect(submission.status === "success" && submission.value.rhythmDays).toBe(days);
    }
  });

  it("linking needs a mentor chosen", () => {
    expect(errorsOf(parse(forms.linkMentor, { mentorId: "" }))).toEqual({ mentorId: ["mentoring.errors.chooseMentor"] });
    expect(errorsOf(parse(forms.linkMentor, {}))).toEqual({ mentorId: ["mentoring.errors.chooseMentor"] });
  });

  it("closing needs a reason and a handover note", () => {
    expect(errorsOf(parse(forms.closeMentorship, { mentorshipId: "m1", reason: "", handoverNote: "   " }))).toEqual({
      reason: ["mentoring.errors.chooseReason"],
      handoverNote: ["errors.required"],
    });
    expect(parse(forms.closeMentorship, { mentorshipId: "m1", reason: "mentor_left", handoverNote: "Labi sadarbojāmies." }).status).toBe("success");
  });

  it("the young person's note for the next mentor cannot be empty", () => {
    expect(errorsOf(parse(forms.youthNote, { mentorshipId: "m1", youthNote: "  " }))).toEqual({ youthNote: ["errors.required"] });
  });

  it("the care end form needs a real planned date; the actual one is optional", () => {
    expect(parse(forms.careEnd, { plannedCareEndDate: "2026-03-10" }).status).toBe("success");
    // The first message is the one shown next to the field.
    expect(errorsOf(parse(forms.careEnd, { plannedCareEndDate: "10.03.2026" })).plannedCareEndDate?.[0]).toBe("errors.dateInvalid");
    expect(errorsOf(parse(forms.careEnd, { plannedCareEndDate: "2026-03-10", actualCareEndDate: "2026-13-01" }))).toEqual({
      actualCareEndDate: ["errors.dateInvalid"],
    });
  });
});
