/**
 * The mentoring forms' schemas (app/domain/mentoring-forms.ts), field by field: what passes, what each
 * bad value is told, and what the parsed value is (trimmed, numbers as numbers). Written from the
 * mutation run (docs/proofs.md): the pages' tests send good forms and a few bad ones, not every rule.
 */
import { describe, expect, it } from "vitest";
import { TEXT_MAX } from "~/domain/limits";
import { messageOf, parsed } from "../helpers/schemas";
import { closeMentorshipSchema, contactRhythmSchema, contactSchema, linkMentorSchema, mentorshipStatusSchema, youthNoteSchema } from "~/domain/mentoring-forms";

const contact = { contactOn: "2026-03-01", made: "yes", channel: "phone" };

describe("linking a mentor", () => {
  it("asks to choose one when none is sent; an id too long is someone unknown", () => {
    expect(parsed(linkMentorSchema, { mentorId: "u-mentor-1" })).toEqual({ mentorId: "u-mentor-1" });
    expect(messageOf(linkMentorSchema, {}, "mentorId")).toBe("mentoring.errors.chooseMentor");
    expect(messageOf(linkMentorSchema, { mentorId: "" }, "mentorId")).toBe("mentoring.errors.chooseMentor");
    expect(messageOf(linkMentorSchema, { mentorId: "x".repeat(64) }, "mentorId")).toBeNull();
    expect(messageOf(linkMentorSchema, { mentorId: "x".repeat(65) }, "mentorId")).toBe("mentoring.errors.mentorUnknown");
  });
});

describe("pausing and resuming", () => {
  it("takes a mentorship id of 1–64 characters and paused or active", () => {
    expect(parsed(mentorshipStatusSchema, { mentorshipId: "m1", to: "paused" })).toEqual({ mentorshipId: "m1", to: "paused" });
    expect(parsed(mentorshipStatusSchema, { mentorshipId: "x".repeat(64), to: "active" })).toEqual({ mentorshipId: "x".repeat(64), to: "active" });
    for (const mentorshipId of [undefined, "", "x".repeat(65), 5]) {
      expect(messageOf(mentorshipStatusSchema, { mentorshipId, to: "paused" }, "mentorshipId"), String(mentorshipId)).toBe("errors.invalid");
    }
    for (const to of [undefined, "", "closed", "PAUSED"]) {
      expect(messageOf(mentorshipStatusSchema, { mentorshipId: "m1", to }, "to"), String(to)).toBe("errors.invalid");
    }
  });
});

describe("closing, and the young person's note", () => {
  it("a handover note is required (not blank, not another type) and at most the text limit; it is trimmed", () => {
    const close = { mentorshipId: "m1", reason: "other" };
    expect(parsed(closeMentorshipSchema, { ...close, handoverNote: "  Labi sadarbojāmies.  " })).toEqual({ ...close, handoverNote: "Labi sadarbojāmies." });
    for (const handoverNote of [undefined, "", "   ", 7, ["a"]]) {
      expect(messageOf(closeMentorshipSchema, { ...close, handoverNote }, "handoverNote"), String(handoverNote)).toBe("errors.required");
    }
    expect(messageOf(closeMentorshipSchema, { ...close, handoverNote: "a".repeat(TEXT_MAX) }, "handoverNote")).toBeNull();
    expect(messageOf(closeMentorshipSchema, { ...close, handoverNote: "a".repeat(TEXT_MAX + 1) }, "handoverNote")).toBe("errors.textTooLong");
    expect(messageOf(closeMentorshipSchema, { ...close, reason: "bored", handoverNote: "x" }, "reason")).toBe("mentoring.errors.chooseReason");
  });
  it("the young person's note follows the same rules", () => {
    expect(parsed(youthNoteSchema, { mentorshipId: "m1", youthNote: " Man patīk sports. " })).toEqual({ mentorshipId: "m1", youthNote: "Man patīk sports." });
    expect(messageOf(youthNoteSchema, { mentorshipId: "m1" }, "youthNote")).toBe("errors.required");
    expect(messageOf(youthNoteSchema, { mentorshipId: "m1", youthNote: "a".repeat(TEXT_MAX + 1) }, "youthNote")).toBe("errors.textTooLong");
  });
});

describe("the contact log", () => {
  it("parses a full contact: minutes as a number, times and notes trimmed, topics kept", () => {
    expect(
      parsed(contactSchema, {
        ...contact,
        durationMinutes: " 45 ",
        topics: ["housing", "health"],
        note: "  Runājām par dzīvokli. ",
        notePrivate: "on",
        nextMeetingOn: "2026-03-10",
        nextMeetingTime: " 14:00 ",
        clientToken: "abcdefgh",
      }),
    ).toEqual({
      ...contact,
      durationMinutes: 45,
      topics: ["housing", "health"],
      note: "Runājām par dzīvokli.",
      notePrivate: "on",
      nextMeetingOn: "2026-03-10",
      nextMeetingTime: "14:00",
      clientToken: "abcdefgh",
    });
    expect(parsed(contactSchema, contact)).toEqual({ ...contact, topics: [] });
  });
  it("says which choice is missing", () => {
    expect(messageOf(contactSchema, { ...contact, made: "maybe" }, "made")).toBe("mentoring.errors.chooseMade");
    expect(messageOf(contactSchema, { ...contact, made: "no" }, "made")).toBeNull();
    expect(messageOf(contactSchema, { ...contact, channel: "pigeon" }, "channel")).toBe("mentoring.errors.chooseChannel");
  });
  it("minutes are a plain whole number from 1 to 720, sent as text", () => {
    for (const durationMinutes of ["1", "720"]) expect(messageOf(contactSchema, { ...contact, durationMinutes }, "durationMinutes")).toBeNull();
    for (const durationMinutes of ["0", "721", "-5", "4.5", "1e3", "abc", "", 45, null]) {
      expect(messageOf(contactSchema, { ...contact, durationMinutes }, "durationMinutes"), String(durationMinutes)).toBe("mentoring.errors.durationRange");
    }
  });
  it("topics are known domains, each at most once in number", () => {
    expect(messageOf(contactSchema, { ...contact, topics: ["nowhere"] }, "topics")).toBe("errors.invalid");
    expect(messageOf(contactSchema, { ...contact, topics: Array(8).fill("housing") }, "topics")).toBe("errors.invalid");
    expect(messageOf(contactSchema, { ...contact, topics: Array(7).fill("housing") }, "topics")).toBeNull();
  });
  it("a note of at most the text limit; 'private' is the checkbox's 'on' and nothing else", () => {
    expect(messageOf(contactSchema, { ...contact, note: "a".repeat(TEXT_MAX + 1) }, "note")).toBe("errors.textTooLong");
    expect(messageOf(contactSchema, { ...contact, notePrivate: "yes" }, "notePrivate")).toBe("errors.invalid");
  });
  it("a meeting time is HH:MM with a day", () => {
    for (const nextMeetingTime of ["x14:00", "14:00x", "24:00", "9:00"]) {
      expect(messageOf(contactSchema, { ...contact, nextMeetingOn: "2026-03-10", nextMeetingTime }, "nextMeetingTime"), nextMeetingTime).toBe(
        "mentoring.errors.timeInvalid",
      );
    }
    expect(messageOf(contactSchema, { ...contact, nextMeetingTime: "14:00" }, "nextMeetingOn")).toBe("mentoring.errors.meetingDateForTime");
  });
  it("the form's token is 8–64 letters, digits, '_' or '-'", () => {
    for (const clientToken of ["abcdefgh", "A-b_9".padEnd(64, "x")]) expect(messageOf(contactSchema, { ...contact, clientToken }, "clientToken")).toBeNull();
    for (const clientToken of ["abcdefg", "x".repeat(65), "!abcdefgh", "abcdefgh!", "abcd efgh"]) {
      expect(messageOf(contactSchema, { ...contact, clientToken }, "clientToken"), clientToken).toBe("errors.invalid");
    }
  });
});

describe("the organisation's contact rhythm", () => {
  it("is 7 to 92 days, as a plain whole number", () => {
    expect(parsed(contactRhythmSchema, { rhythmDays: " 30 " })).toEqual({ rhythmDays: 30 });
    for (const rhythmDays of ["6", "93", "", undefined, 30, "3.5"]) {
      expect(messageOf(contactRhythmSchema, { rhythmDays }, "rhythmDays"), String(rhythmDays)).toBe("mentoring.errors.rhythmRange");
    }
  });
});
