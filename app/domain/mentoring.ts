/**
 * Mentoring rules (SPEC.md, "Mentoring"): the contact rhythm and its overdue flag, what needs a mentor's
 * attention first, who needs a mentor, and the checks on linking a mentor and logging a contact.
 * Pure: rows in, answers out; the models load the rows and the routes show the answers.
 */
import { addDays, addMonths, daysBetween, isIsoDate, type IsoDate } from "./dates";
import type { FieldProblem } from "./form-errors";
import { isWithinWindow, type DateWindow } from "./phase";
import type { MentorshipStatus, Role } from "./vocabulary";

/** The organisation's default: at least one contact a month. */
export const DEFAULT_CONTACT_RHYTHM_DAYS = 30;
export const CONTACT_RHYTHM_MIN_DAYS = 7;
export const CONTACT_RHYTHM_MAX_DAYS = 92;
/** A contact lasts at most a (long) day out: 12 hours. */
export const CONTACT_DURATION_MAX_MINUTES = 720;
/** "Needs a mentor" looks this far ahead of the window's opening. */
export const NEEDS_MENTOR_LOOKAHEAD_MONTHS = 3;

export type RhythmState =
  /** The window has not opened yet: nothing is due. */
  | { kind: "notStarted"; startsOn: IsoDate }
  | { kind: "onTrack"; dueBy: IsoDate }
  | { kind: "overdue"; dueBy: IsoDate; daysOverdue: number }
  | { kind: "paused" }
  /** The window has ended or the mentorship is closed: no rhythm any more. */
  | { kind: "ended" };

export interface RhythmInput {
  status: MentorshipStatus;
  /** The day the mentorship began, or was last resumed after a pause. */
  activeSince: IsoDate;
  window: DateWindow;
  /** The newest contact that was actually made (attempts do not count). */
  lastContactOn: IsoDate | null;
  rhythmDays: number;
}

/**
 * When the next contact is due: `rhythmDays` after the last contact made, or after the mentorship began
 * or resumed (or its window opened, if later). A contact is overdue from the day after it was due.
 */
export function contactRhythm(input: RhythmInput, today: IsoDate): RhythmState {
  if (input.status === "closed" || today > input.window.end) return { kind: "ended" };
  if (input.status === "paused") return { kind: "paused" };
  if (today < input.window.start) return { kind: "notStarted", startsOn: input.window.start };
  const began = input.activeSince > input.window.start ? input.activeSince : input.window.start;
  const from = input.lastContactOn && input.lastContactOn > began ? input.lastContactOn : began;
  const dueBy = addDays(from, input.rhythmDays);
  if (today > dueBy) return { kind: "overdue", dueBy, daysOverdue: daysBetween(dueBy, today) };
  return { kind: "onTrack", dueBy };
}

/** What a mentor's dashboard needs to know to put a mentee first. */
export interface AttentionInput {
  rhythm: RhythmState;
  /** Overdue goals and steps together. */
  overdueSteps: number;
  /** Open steps the young person gave to the mentor ("help me with this"). */
  helpAsked: number;
  nextMeetingOn: IsoDate | null;
  careEnd: IsoDate;
}

/**
 * Lower comes first: contact overdue (longest first), then help asked, then overdue steps, then the
 * soonest meeting, then the soonest care end. Returned as a tuple so ties fall through in order.
 */
export function attentionKey(input: AttentionInput, today: IsoDate): [number, number, number, string, string] {
  const overdueDays = input.rhythm.kind === "overdue" ? input.rhythm.daysOverdue : 0;
  const bucket = overdueDays > 0 ? 0 : input.helpAsked > 0 ? 1 : input.overdueSteps > 0 ? 2 : 3;
  const meeting = input.nextMeetingOn && input.nextMeetingOn >= today ? input.nextMeetingOn : "9999-12-31";
  return [bucket, -overdueDays, -(input.helpAsked * 1000 + input.overdueSteps), meeting, input.careEnd];
}

export function compareAttention(a: ReturnType<typeof attentionKey>, b: ReturnType<typeof attentionKey>): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}

export type MentorNeed =
  /** Inside the window with no mentor (or only a paused one). */
  | "inWindow"
  /** The window opens within the look-ahead. */
  | "soon"
  | null;

/**
 * Does this young person need a mentor found now? Yes inside the window, or when it opens within three
 * months, unless an active mentorship exists. A paused one does not count: nobody is meeting them.
 */
export function mentorNeed(window: DateWindow, hasActiveMentor: boolean, today: IsoDate): MentorNeed {
  if (hasActiveMentor || today > window.end) return null;
  if (isWithinWindow(window, today)) return "inWindow";
  return window.start <= addMonths(today, NEEDS_MENTOR_LOOKAHEAD_MONTHS) ? "soon" : null;
}

export type { FieldProblem };

export interface MentorCandidate {
  role: Role;
  organisationId: string;
  disabled: boolean;
}

/** Can this person become the young person's mentor today? */
export function linkProblem(
  candidate: MentorCandidate | null,
  organisationId: string,
  openMentorship: { status: MentorshipStatus; mentorName: string } | null,
  window: DateWindow,
  today: IsoDate,
): FieldProblem | null {
  // Someone of another organisation looks exactly like nobody: ids cannot be probed.
  if (!candidate || candidate.organisationId !== organisationId) return { field: "mentorId", error: "mentoring.errors.mentorUnknown" };
  if (candidate.role !== "mentor") return { field: "mentorId", error: "mentoring.errors.notAMentor" };
  if (candidate.disabled) return { field: "mentorId", error: "mentoring.errors.mentorDisabled" };
  if (openMentorship) {
    return {
      field: "mentorId",
      error: openMentorship.status === "paused" ? "mentoring.errors.pausedMentorExists" : "mentoring.errors.activeMentorExists",
      values: { name: openMentorship.mentorName },
    };
  }
  if (today > window.end) return { field: "mentorId", error: "mentoring.errors.windowEnded", values: { date: window.end } };
  return null;
}

export interface ContactCheck {
  /** Null when the field itself is missing or malformed (its own error says so). */
  contactOn: IsoDate | null;
  made: boolean | null;
  durationMinutes: number | null;
  nextMeetingOn: IsoDate | null;
  nextMeetingTime?: string | null;
  mentorshipStartedOn: IsoDate;
  window: DateWindow;
}

/**
 * The rules a contact must keep beyond its fields' own formats. They also run on what could be read of a
 * form that has other errors, so a mentor on a phone sees every problem after one submit.
 */
export function contactProblems(input: ContactCheck, today: IsoDate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { contactOn } = input;
  if (contactOn === null) {
    // Nothing to compare with.
  } else if (contactOn > today) problems.push({ field: "contactOn", error: "mentoring.errors.contactInFuture" });
  else if (contactOn < input.window.start)
    problems.push({ field: "contactOn", error: "mentoring.errors.contactBeforeWindow", values: { date: input.window.start } });
  else if (contactOn < input.mentorshipStartedOn)
    problems.push({ field: "contactOn", error: "mentoring.errors.contactBeforeMentorship", values: { date: input.mentorshipStartedOn } });
  else if (contactOn > input.window.end)
    problems.push({ field: "contactOn", error: "mentoring.errors.contactAfterWindow", values: { date: input.window.end } });
  if (input.made === true && input.durationMinutes === null) problems.push({ field: "durationMinutes", error: "mentoring.errors.durationRequired" });
  if (input.nextMeetingTime && input.nextMeetingOn === null) problems.push({ field: "nextMeetingOn", error: "mentoring.errors.meetingDateForTime" });
  else if (input.nextMeetingOn !== null && contactOn !== null && input.nextMeetingOn < contactOn)
    problems.push({ field: "nextMeetingOn", error: "mentoring.errors.meetingBeforeContact" });
  return problems;
}

/**
 * The upcoming meeting of a mentorship: the meeting agreed at the newest contact that agreed one (a
 * later unanswered message does not cancel it), if that day is today or later.
 */
export function upcomingMeeting(
  contacts: ReadonlyArray<{ contactOn: IsoDate; createdAt: number; nextMeetingOn: IsoDate | null; nextMeetingTime: string | null }>,
  today: IsoDate,
): { on: IsoDate; time: string | null } | null {
  let newest: (typeof contacts)[number] | null = null;
  for (const c of contacts) {
    if (!c.nextMeetingOn) continue;
    if (!newest || c.contactOn > newest.contactOn || (c.contactOn === newest.contactOn && c.createdAt > newest.createdAt)) newest = c;
  }
  if (!newest?.nextMeetingOn || newest.nextMeetingOn < today) return null;
  return { on: newest.nextMeetingOn, time: newest.nextMeetingTime };
}

/** The care end dates must make sense: after the 15th birthday, and an actual end that has happened. */
export function careEndProblems(
  input: { dateOfBirth: IsoDate; plannedCareEndDate: IsoDate; actualCareEndDate: IsoDate | null },
  today: IsoDate,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const earliest = addMonths(input.dateOfBirth, 15 * 12);
  if (input.plannedCareEndDate < earliest)
    problems.push({ field: "plannedCareEndDate", error: "mentoring.errors.careEndTooEarly", values: { date: earliest } });
  if (input.actualCareEndDate !== null) {
    if (input.actualCareEndDate > today) problems.push({ field: "actualCareEndDate", error: "mentoring.errors.actualInFuture" });
    else if (input.actualCareEndDate < earliest)
      problems.push({ field: "actualCareEndDate", error: "mentoring.errors.careEndTooEarly", values: { date: earliest } });
  }
  return problems;
}

/** What the contact rules can still check in a form that failed its field checks (the rest is null). */
export function readableContact(payload: Record<string, unknown>) {
  const text = (name: string) => (typeof payload[name] === "string" ? (payload[name] as string).trim() : "");
  const day = (name: string) => (isIsoDate(text(name)) ? text(name) : null);
  const minutes = text("durationMinutes");
  return {
    contactOn: day("contactOn"),
    made: text("made") === "yes" ? true : text("made") === "no" ? false : null,
    durationMinutes: /^\d{1,5}$/.test(minutes) ? Number(minutes) : null,
    nextMeetingOn: day("nextMeetingOn"),
    nextMeetingTime: text("nextMeetingTime") || null,
  };
}
