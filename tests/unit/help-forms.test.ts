/**
 * "I need help", its answers, and the monthly well-being check (app/domain/help-forms.ts), field by
 * field. Written from the mutation run (docs/proofs.md).
 */
import { describe, expect, it } from "vitest";
import { HELP_MESSAGE_MAX, HELP_NOTE_MAX } from "~/domain/help";
import { acknowledgeHelpSchema, helpRequestSchema, resolveHelpSchema, skipWellbeingSchema, wellbeingSchema } from "~/domain/help-forms";
import { WELLBEING_WORDS_MAX } from "~/domain/wellbeing";
import { messageOf, parsed } from "../helpers/schemas";

describe("asking for help", () => {
  it("a message is required (not blank, not another type), trimmed, at most its limit", () => {
    expect(parsed(helpRequestSchema, { message: "  Man vajag palīdzību ar īri. " })).toEqual({ message: "Man vajag palīdzību ar īri." });
    for (const message of [undefined, "", "   ", 3, ["x"]])
      expect(messageOf(helpRequestSchema, { message }, "message"), String(message)).toBe("help.errors.messageRequired");
    expect(messageOf(helpRequestSchema, { message: "a".repeat(HELP_MESSAGE_MAX) }, "message")).toBeNull();
    expect(messageOf(helpRequestSchema, { message: "a".repeat(HELP_MESSAGE_MAX + 1) }, "message")).toBe("help.errors.messageTooLong");
  });

  it("'tell my mentor too' is the checkbox's 'on' or nothing; the token 8–64 characters", () => {
    expect(parsed(helpRequestSchema, { message: "x", toMentor: "on", clientToken: "abcdefgh" })).toEqual({
      message: "x",
      toMentor: "on",
      clientToken: "abcdefgh",
    });
    for (const toMentor of ["off", "yes", ""]) expect(messageOf(helpRequestSchema, { message: "x", toMentor }, "toMentor"), toMentor).toBe("errors.invalid");
    for (const clientToken of ["short", "x".repeat(65), "abcd efgh"])
      expect(messageOf(helpRequestSchema, { message: "x", clientToken }, "clientToken")).toBe("errors.invalid");
  });
});

describe("answering a request", () => {
  it("seeing it takes a request id of 1–64 characters", () => {
    expect(parsed(acknowledgeHelpSchema, { requestId: "r".repeat(64) })).toEqual({ requestId: "r".repeat(64) });
    for (const requestId of [undefined, "", "r".repeat(65)]) expect(acknowledgeHelpSchema.safeParse({ requestId }).success, String(requestId)).toBe(false);
  });

  it("resolving it needs a note: required, trimmed, at most its limit", () => {
    expect(parsed(resolveHelpSchema, { requestId: "r1", note: "  Piezvanīju.  " })).toEqual({ requestId: "r1", note: "Piezvanīju." });
    for (const note of [undefined, "", "  ", 1])
      expect(messageOf(resolveHelpSchema, { requestId: "r1", note }, "note"), String(note)).toBe("help.errors.noteRequired");
    expect(messageOf(resolveHelpSchema, { requestId: "r1", note: "a".repeat(HELP_NOTE_MAX) }, "note")).toBeNull();
    expect(messageOf(resolveHelpSchema, { requestId: "r1", note: "a".repeat(HELP_NOTE_MAX + 1) }, "note")).toBe("help.errors.noteTooLong");
    for (const requestId of [undefined, "", "r".repeat(65)])
      expect(messageOf(resolveHelpSchema, { requestId, note: "x" }, "requestId"), String(requestId)).not.toBeNull();
  });
});

describe("the well-being check", () => {
  it("a face of 1–5 becomes its number; anything else asks to choose a face", () => {
    for (const score of ["1", "2", "3", "4", "5"]) expect(parsed(wellbeingSchema, { score })).toEqual({ score: Number(score) });
    for (const score of [undefined, "", "0", "6", 3, "3.0"])
      expect(messageOf(wellbeingSchema, { score }, "score"), String(score)).toBe("wellbeing.errors.chooseFace");
  });

  it("the words are trimmed and at most their limit; the way back at most 200 characters", () => {
    expect(parsed(wellbeingSchema, { score: "4", words: "  Labi  ", returnTo: "/plan" })).toEqual({ score: 4, words: "Labi", returnTo: "/plan" });
    expect(messageOf(wellbeingSchema, { score: "4", words: "a".repeat(WELLBEING_WORDS_MAX) }, "words")).toBeNull();
    expect(messageOf(wellbeingSchema, { score: "4", words: "a".repeat(WELLBEING_WORDS_MAX + 1) }, "words")).toBe("errors.textTooLong");
    for (const schema of [wellbeingSchema, skipWellbeingSchema]) {
      expect(messageOf(schema, { score: "4", returnTo: `/${"a".repeat(199)}` }, "returnTo")).toBeNull();
      expect(messageOf(schema, { score: "4", returnTo: `/${"a".repeat(200)}` }, "returnTo")).not.toBeNull();
    }
    expect(parsed(skipWellbeingSchema, {})).toEqual({});
  });
});
