/**
 * The review meetings' form schemas (app/domain/review-forms.ts), field by field. Written from the
 * mutation run (docs/proofs.md): the review pages' tests send good forms and a few bad ones.
 */
import { describe, expect, it } from "vitest";
import { TITLE_MAX } from "~/domain/limits";
import {
  cadenceSchema,
  feltHeardSchema,
  focusSchema,
  recordReviewSchema,
  rescheduleReviewSchema,
  scheduleReviewSchema,
  statementSchema,
} from "~/domain/review-forms";
import { FELT_HEARD_ANSWERS, FELT_HEARD_COMMENT_MAX, STATEMENT_MAX } from "~/domain/reviews";
import { DOMAINS } from "~/domain/vocabulary";
import { messageOf, parsed } from "../helpers/schemas";

const meeting = { date: "2027-01-15", time: "14:30" };

describe("scheduling and moving a review", () => {
  it("a date and a time, trimmed; nobody invited by default", () => {
    for (const schema of [scheduleReviewSchema, rescheduleReviewSchema]) {
      expect(parsed(schema, { date: " 2027-01-15 ", time: " 14:30 " })).toMatchObject(meeting);
    }
    expect(parsed(scheduleReviewSchema, meeting)).toEqual({ ...meeting, participants: [] });
  });

  it("the date is required, real and in range", () => {
    for (const schema of [scheduleReviewSchema, rescheduleReviewSchema]) {
      for (const date of [undefined, 20270115, "", "  "]) expect(messageOf(schema, { ...meeting, date }, "date"), String(date)).toBe("errors.required");
      expect(messageOf(schema, { ...meeting, date: "2027-02-29" }, "date")).toBe("errors.dateInvalid");
      expect(messageOf(schema, { ...meeting, date: "2100-01-01" }, "date")).toBe("errors.dateOutOfRange");
      expect(messageOf(schema, { ...meeting, date: "1999-12-31" }, "date")).toBe("errors.dateOutOfRange");
      expect(messageOf(schema, { ...meeting, date: "2000-01-01" }, "date")).toBeNull();
      expect(messageOf(schema, { ...meeting, date: "2099-12-31" }, "date")).toBeNull();
    }
  });

  it("the time is hh:mm from 00:00 to 23:59", () => {
    for (const time of ["00:00", "09:05", "19:59", "23:59"]) expect(messageOf(scheduleReviewSchema, { ...meeting, time }, "time"), time).toBeNull();
    for (const time of ["24:00", "9:05", "12:60", "12-30", "12:30:00", "x12:30", "2:30", "30:00"]) {
      expect(messageOf(scheduleReviewSchema, { ...meeting, time }, "time"), time).toBe("reviews.errors.time");
    }
    expect(messageOf(rescheduleReviewSchema, { ...meeting, time: undefined }, "time")).toBe("errors.required");
  });

  it("a place up to the title limit; a video link only https, without spaces, at most 500 characters", () => {
    expect(parsed(scheduleReviewSchema, { ...meeting, place: "  Bāriņtiesa ", videoLink: " https://meet.example.lv/abc " })).toMatchObject({
      place: "Bāriņtiesa",
      videoLink: "https://meet.example.lv/abc",
    });
    expect(messageOf(scheduleReviewSchema, { ...meeting, place: "a".repeat(TITLE_MAX + 1) }, "place")).toBe("errors.titleTooLong");
    expect(messageOf(rescheduleReviewSchema, { ...meeting, place: "a".repeat(TITLE_MAX + 1) }, "place")).toBe("errors.titleTooLong");
    expect(messageOf(scheduleReviewSchema, { ...meeting, videoLink: "HTTPS://MEET.EXAMPLE.LV" }, "videoLink")).toBeNull();
    expect(messageOf(scheduleReviewSchema, { ...meeting, videoLink: `https://${"a".repeat(492)}` }, "videoLink")).toBeNull();
    for (const videoLink of [
      "http://meet.example.lv",
      "javascript:alert(1)",
      "https://",
      "https://a b",
      'https://a"b',
      "https://a<b",
      "xhttps://a",
      `https://${"a".repeat(493)}`,
    ]) {
      expect(messageOf(scheduleReviewSchema, { ...meeting, videoLink }, "videoLink"), videoLink).toBe("reviews.errors.link");
      expect(messageOf(rescheduleReviewSchema, { ...meeting, videoLink }, "videoLink"), videoLink).toBe("reviews.errors.link");
    }
  });

  it("up to 20 people invited by id; others by name, at most 1000 characters", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `u${i}`);
    expect(parsed(scheduleReviewSchema, { ...meeting, participants: ids, others: " vecmāmiņa " })).toMatchObject({ participants: ids, others: "vecmāmiņa" });
    expect(messageOf(scheduleReviewSchema, { ...meeting, participants: [...ids, "u20"] }, "participants")).toBe("errors.invalid");
    expect(messageOf(scheduleReviewSchema, { ...meeting, participants: [""] }, "participants")).not.toBeNull();
    expect(messageOf(scheduleReviewSchema, { ...meeting, participants: ["u".repeat(65)] }, "participants")).not.toBeNull();
    expect(messageOf(scheduleReviewSchema, { ...meeting, others: "a".repeat(1000) }, "others")).toBeNull();
    expect(messageOf(scheduleReviewSchema, { ...meeting, others: "a".repeat(1001) }, "others")).toBe("reviews.errors.othersTooLong");
    for (const clientToken of ["short", "x".repeat(65), "abcd efgh"])
      expect(messageOf(scheduleReviewSchema, { ...meeting, clientToken }, "clientToken")).toBe("errors.invalid");
    expect(parsed(scheduleReviewSchema, { ...meeting, clientToken: "abcdefgh" })).toMatchObject({ clientToken: "abcdefgh" });
  });
});

describe("the young person's statement", () => {
  it("three texts trimmed, each at most the statement limit", () => {
    expect(parsed(statementSchema, { wentWell: " Skola ", worries: " Nauda ", talkAbout: " Dzīvoklis " })).toEqual({
      wentWell: "Skola",
      worries: "Nauda",
      talkAbout: "Dzīvoklis",
      notWantedIds: [],
      domains: [],
    });
    for (const field of ["wentWell", "worries", "talkAbout"]) {
      expect(messageOf(statementSchema, { [field]: "a".repeat(STATEMENT_MAX) }, field)).toBeNull();
      expect(messageOf(statementSchema, { [field]: "a".repeat(STATEMENT_MAX + 1) }, field), field).toBe("reviews.errors.statementTooLong");
    }
  });

  it("who is not wanted: up to 500 characters of words and up to 20 ids", () => {
    expect(messageOf(statementSchema, { notWanted: "a".repeat(500) }, "notWanted")).toBeNull();
    expect(messageOf(statementSchema, { notWanted: "a".repeat(501) }, "notWanted")).toBe("reviews.errors.notWantedTooLong");
    expect(parsed(statementSchema, { notWanted: " tētis " })).toMatchObject({ notWanted: "tētis" });
    const ids = Array.from({ length: 20 }, (_, i) => `u${i}`);
    expect(parsed(statementSchema, { notWantedIds: ids })).toMatchObject({ notWantedIds: ids });
    expect(messageOf(statementSchema, { notWantedIds: [...ids, "u20"] }, "notWantedIds")).toBe("errors.invalid");
  });

  it("the domains to talk about: known ones, at most all seven", () => {
    expect(parsed(statementSchema, { domains: [...DOMAINS] })).toMatchObject({ domains: [...DOMAINS] });
    expect(messageOf(statementSchema, { domains: ["housing", "money"] }, "domains")).toBe("errors.invalid");
    expect(messageOf(statementSchema, { domains: [...DOMAINS, "housing"] }, "domains")).toBe("errors.invalid");
  });
});

describe("the focus, feeling heard, the record, the rhythm", () => {
  it("the focus is one to three known domains", () => {
    for (const n of [1, 2, 3]) expect(parsed(focusSchema, { focus: DOMAINS.slice(0, n) })).toEqual({ focus: DOMAINS.slice(0, n) });
    expect(messageOf(focusSchema, {}, "focus")).toBe("reviews.errors.focusCount");
    expect(messageOf(focusSchema, { focus: [] }, "focus")).toBe("reviews.errors.focusCount");
    expect(messageOf(focusSchema, { focus: DOMAINS.slice(0, 4) }, "focus")).toBe("reviews.errors.focusCount");
    expect(messageOf(focusSchema, { focus: ["space"] }, "focus")).toBe("errors.invalid");
  });

  it("felt heard: one of the answers, a trimmed comment up to its limit", () => {
    for (const answer of FELT_HEARD_ANSWERS) expect(parsed(feltHeardSchema, { answer, comment: " Jā " })).toEqual({ answer, comment: "Jā" });
    for (const answer of [undefined, "", "maybe"]) expect(messageOf(feltHeardSchema, { answer }, "answer"), String(answer)).toBe("reviews.errors.chooseAnswer");
    expect(messageOf(feltHeardSchema, { answer: "yes", comment: "a".repeat(FELT_HEARD_COMMENT_MAX) }, "comment")).toBeNull();
    expect(messageOf(feltHeardSchema, { answer: "yes", comment: "a".repeat(FELT_HEARD_COMMENT_MAX + 1) }, "comment")).toBe("reviews.errors.commentTooLong");
  });

  it("the record: its version as a number, decisions per domain, new goals and changed goals", () => {
    const record = parsed(recordReviewSchema, {
      version: "3",
      attended: ["u1"],
      nextReviewOn: "2027-07-01",
      decision_housing: " Meklēt dzīvokli ",
      goal0_title: " Atvērt kontu ",
      goal0_domain: "finances",
      goal0_owner: "youth",
      goal0_dueDate: "2027-02-01",
      change1_goal: " g-7 ",
      change1_status: "done",
      change1_title: " Jauns nosaukums ",
      change1_owner: "mentor",
      change1_dueDate: "2027-03-01",
    });
    expect(record).toEqual({
      version: 3,
      attended: ["u1"],
      nextReviewOn: "2027-07-01",
      decision_housing: "Meklēt dzīvokli",
      goal0_title: "Atvērt kontu",
      goal0_domain: "finances",
      goal0_owner: "youth",
      goal0_dueDate: "2027-02-01",
      change1_goal: "g-7",
      change1_status: "done",
      change1_title: "Jauns nosaukums",
      change1_owner: "mentor",
      change1_dueDate: "2027-03-01",
    });
    expect(parsed(recordReviewSchema, { version: "0" })).toEqual({ version: 0, attended: [] });
  });

  it("the record refuses a version that is not a plain number and every bad row field", () => {
    for (const version of [undefined, "", "v3", "1.5", "1234567890", "-1"])
      expect(messageOf(recordReviewSchema, { version }, "version"), String(version)).not.toBeNull();
    for (const version of ["", "v3", "1.5", "1234567890"]) expect(messageOf(recordReviewSchema, { version }, "version"), version).toBe("errors.invalid");
    expect(messageOf(recordReviewSchema, { version: "123456789" }, "version")).toBeNull();
    const bad = (field: string, value: unknown) => messageOf(recordReviewSchema, { version: "1", [field]: value }, field);
    for (const d of DOMAINS) {
      expect(bad(`decision_${d}`, "a".repeat(STATEMENT_MAX)), d).toBeNull();
      expect(bad(`decision_${d}`, "a".repeat(STATEMENT_MAX + 1)), d).toBe("errors.textTooLong");
    }
    for (const i of [0, 1, 2]) {
      expect(bad(`goal${i}_title`, "a".repeat(TITLE_MAX + 1))).toBe("errors.titleTooLong");
      expect(bad(`goal${i}_domain`, "space")).toBe("errors.invalid");
      expect(bad(`goal${i}_owner`, "lead")).toBe("errors.invalid");
      expect(bad(`goal${i}_dueDate`, "2027-13-01")).toBe("errors.dateInvalid");
      expect(bad(`change${i}_goal`, "g".repeat(65))).toBe("errors.invalid");
      expect(bad(`change${i}_goal`, "g".repeat(64))).toBeNull();
      expect(bad(`change${i}_status`, "finished")).toBe("errors.invalid");
      expect(bad(`change${i}_title`, "a".repeat(TITLE_MAX + 1))).toBe("errors.titleTooLong");
      expect(bad(`change${i}_owner`, "lead")).toBe("errors.invalid");
      expect(bad(`change${i}_dueDate`, "2100-01-01")).toBe("errors.dateOutOfRange");
    }
    expect(
      bad(
        "attended",
        Array.from({ length: 30 }, (_, i) => `u${i}`),
      ),
    ).toBeNull();
    expect(
      bad(
        "attended",
        Array.from({ length: 31 }, (_, i) => `u${i}`),
      ),
    ).toBe("errors.invalid");
    expect(bad("nextReviewOn", "2027-02-30")).toBe("errors.dateInvalid");
  });

  it("the rhythm is 1–12 months in preparation and in transition", () => {
    expect(parsed(cadenceSchema, { preparationMonths: " 6 ", transitionMonths: "3" })).toEqual({ preparationMonths: 6, transitionMonths: 3 });
    expect(parsed(cadenceSchema, { preparationMonths: "1", transitionMonths: "12" })).toEqual({ preparationMonths: 1, transitionMonths: 12 });
    expect(parsed(cadenceSchema, { preparationMonths: "12", transitionMonths: " 3 " })).toEqual({ preparationMonths: 12, transitionMonths: 3 });
    for (const field of ["preparationMonths", "transitionMonths"]) {
      const other = field === "preparationMonths" ? "transitionMonths" : "preparationMonths";
      for (const months of ["0", "13", "100", "1.5", "x", ""])
        expect(messageOf(cadenceSchema, { [other]: "3", [field]: months }, field), `${field} ${months}`).toBe("reviews.errors.months");
      expect(messageOf(cadenceSchema, { [other]: "3" }, field)).toBe("errors.required");
    }
  });
});
