/**
 * The plan's form schemas (app/domain/plan-forms.ts) and the shared date fields (form-fields.ts), field by
 * field: what passes, what each bad value is told, what the parsed value is. Written from the mutation
 * run (docs/proofs.md): the pages' tests send good forms and a few bad ones, not every rule.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { optionalDate, requiredDate } from "~/domain/form-fields";
import {
  commentSchema,
  documentSchema,
  goalSchema,
  organisationSkillSchema,
  planBSchema,
  ratingSchema,
  skillStateSchema,
  stepSchema,
  TEXT_MAX,
  TITLE_MAX,
} from "~/domain/plan-forms";
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, DOMAINS, OWNERS, SKILL_STATES } from "~/domain/vocabulary";
import { messageOf, parsed } from "../helpers/schemas";

const NOT_TEXT = [undefined, 5, ["a"], null];

describe("the shared date fields", () => {
  const required = z.object({ on: requiredDate });
  const optional = z.object({ on: optionalDate });

  it("take a real date of 2000–2099 as the date input sends it, trimmed", () => {
    for (const schema of [required, optional]) {
      expect(parsed(schema, { on: " 2026-02-28 " })).toEqual({ on: "2026-02-28" });
      expect(parsed(schema, { on: "2000-01-01" })).toEqual({ on: "2000-01-01" });
      expect(parsed(schema, { on: "2099-12-31" })).toEqual({ on: "2099-12-31" });
    }
  });

  it("tell a date that does not exist from one out of range", () => {
    for (const schema of [required, optional]) {
      for (const bad of ["2026-02-30", "2026-13-01", "1.3.2026", "tomorrow", ""]) expect(messageOf(schema, { on: bad }, "on"), bad).toBe("errors.dateInvalid");
      for (const far of ["1999-12-31", "2100-01-01", "1970-01-01"]) expect(messageOf(schema, { on: far }, "on"), far).toBe("errors.dateOutOfRange");
    }
  });

  it("a required date that is missing or not text is 'required'; an optional one may be left out", () => {
    for (const on of NOT_TEXT) expect(messageOf(required, { on }, "on"), String(on)).toBe("errors.required");
    expect(parsed(optional, {})).toEqual({});
  });
});

describe("goals and steps", () => {
  const goal = { domain: "housing", title: "Atrast dzīvokli" };

  it("a goal takes every domain and every owner, the young person by default, everything trimmed", () => {
    for (const domain of DOMAINS) expect(parsed(goalSchema, { ...goal, domain })).toEqual({ ...goal, domain, owner: "youth" });
    for (const owner of OWNERS) expect(parsed(goalSchema, { ...goal, owner })).toMatchObject({ owner });
    expect(parsed(goalSchema, { ...goal, title: "  Atrast dzīvokli  ", why: "  Lai būtu savs stūrītis. ", dueDate: " 2027-06-19 " })).toEqual({
      ...goal,
      why: "Lai būtu savs stūrītis.",
      owner: "youth",
      dueDate: "2027-06-19",
    });
  });

  it("a goal's domain and owner must be known", () => {
    for (const domain of [undefined, "", "money", "HOUSING"])
      expect(messageOf(goalSchema, { ...goal, domain }, "domain"), String(domain)).toBe("errors.invalid");
    for (const owner of ["", "lead", "Youth"]) expect(messageOf(goalSchema, { ...goal, owner }, "owner"), owner).toBe("errors.invalid");
  });

  it("a title is required and at most the title limit; why at most the text limit", () => {
    for (const schema of [goalSchema, stepSchema, organisationSkillSchema]) {
      for (const title of [...NOT_TEXT, "", "   "]) expect(messageOf(schema, { ...goal, title }, "title"), String(title)).toBe("errors.required");
      expect(messageOf(schema, { ...goal, title: "a".repeat(TITLE_MAX) }, "title")).toBeNull();
      expect(messageOf(schema, { ...goal, title: "a".repeat(TITLE_MAX + 1) }, "title")).toBe("errors.titleTooLong");
    }
    expect(messageOf(goalSchema, { ...goal, why: "a".repeat(TEXT_MAX) }, "why")).toBeNull();
    expect(messageOf(goalSchema, { ...goal, why: "a".repeat(TEXT_MAX + 1) }, "why")).toBe("errors.textTooLong");
    // Trimmed before it is counted.
    expect(messageOf(goalSchema, { ...goal, why: ` ${"a".repeat(TEXT_MAX)} ` }, "why")).toBeNull();
  });

  it("a step has a title, an owner (the young person by default) and perhaps a due date", () => {
    expect(parsed(stepSchema, { title: " Piezvanīt ", dueDate: "2027-01-05" })).toEqual({ title: "Piezvanīt", owner: "youth", dueDate: "2027-01-05" });
    expect(parsed(stepSchema, { title: "Piezvanīt", owner: "carer" })).toEqual({ title: "Piezvanīt", owner: "carer" });
    expect(messageOf(stepSchema, { title: "x", owner: "admin" }, "owner")).toBe("errors.invalid");
    expect(messageOf(stepSchema, { title: "x", dueDate: "2026-02-29" }, "dueDate")).toBe("errors.dateInvalid");
  });

  it("a double-tap token is 8–64 letters, digits, _ or -", () => {
    for (const clientToken of ["abcdefgh", "A_b-1234", "x".repeat(64)]) expect(parsed(stepSchema, { title: "x", clientToken })).toMatchObject({ clientToken });
    for (const clientToken of ["abcdefg", "x".repeat(65), "abcd efgh", "abcdefgh!", ""]) {
      expect(messageOf(stepSchema, { title: "x", clientToken }, "clientToken"), clientToken).toBe("errors.invalid");
      expect(messageOf(goalSchema, { ...goal, clientToken }, "clientToken"), clientToken).toBe("errors.invalid");
      expect(messageOf(commentSchema, { body: "x", clientToken }, "clientToken"), clientToken).toBe("errors.invalid");
    }
  });
});

describe("comments, ratings, plan B", () => {
  it("a comment is required, trimmed and at most the text limit", () => {
    expect(parsed(commentSchema, { body: "  Labi!  " })).toEqual({ body: "Labi!" });
    for (const body of [...NOT_TEXT, "", "  "]) expect(messageOf(commentSchema, { body }, "body"), String(body)).toBe("errors.required");
    expect(messageOf(commentSchema, { body: "a".repeat(TEXT_MAX) }, "body")).toBeNull();
    expect(messageOf(commentSchema, { body: "a".repeat(TEXT_MAX + 1) }, "body")).toBe("errors.textTooLong");
  });

  it("a rating is a whole number from 1 to 10 written plainly", () => {
    for (let value = 1; value <= 10; value++) expect(parsed(ratingSchema, { domain: "health", value: String(value) })).toEqual({ domain: "health", value });
    expect(parsed(ratingSchema, { domain: "health", value: "07" })).toEqual({ domain: "health", value: 7 });
    for (const value of [undefined, 7, "", "0", "11", "7.0", "1e1", " 7", "-1", "100", "seven"]) {
      expect(messageOf(ratingSchema, { domain: "health", value }, "value"), String(value)).toBe("errors.ratingRange");
    }
    expect(messageOf(ratingSchema, { domain: "wealth", value: "5" }, "domain")).toBe("errors.invalid");
  });

  it("plan B is optional, trimmed, at most the text limit, in a known domain", () => {
    expect(parsed(planBSchema, { domain: "legal", planB: " Jautāt juristam. " })).toEqual({ domain: "legal", planB: "Jautāt juristam." });
    expect(parsed(planBSchema, { domain: "legal" })).toEqual({ domain: "legal" });
    expect(messageOf(planBSchema, { domain: "legal", planB: "a".repeat(TEXT_MAX + 1) }, "planB")).toBe("errors.textTooLong");
    expect(messageOf(planBSchema, { domain: "", planB: "x" }, "domain")).toBe("errors.invalid");
  });
});

describe("skills, documents, the organisation's skills", () => {
  it("a skill's state is one of the four; its key 1–100 characters", () => {
    for (const state of SKILL_STATES) expect(parsed(skillStateSchema, { skillKey: "cook", state })).toEqual({ skillKey: "cook", state });
    expect(messageOf(skillStateSchema, { skillKey: "cook", state: "maybe" }, "state")).toBe("errors.invalid");
    expect(messageOf(skillStateSchema, { skillKey: "k".repeat(100), state: "can_do" }, "skillKey")).toBeNull();
    expect(messageOf(skillStateSchema, { skillKey: "k".repeat(101), state: "can_do" }, "skillKey")).not.toBeNull();
    expect(messageOf(skillStateSchema, { skillKey: "", state: "can_do" }, "skillKey")).not.toBeNull();
  });

  it("a document has a known kind and status, a trimmed label up to the title limit, perhaps an expiry date", () => {
    for (const kind of DOCUMENT_KINDS) for (const status of DOCUMENT_STATUSES) expect(parsed(documentSchema, { kind, status })).toEqual({ kind, status });
    expect(parsed(documentSchema, { kind: "other", status: "have", label: "  Autovadītāja apliecība ", expiresOn: "2031-05-01" })).toEqual({
      kind: "other",
      status: "have",
      label: "Autovadītāja apliecība",
      expiresOn: "2031-05-01",
    });
    expect(messageOf(documentSchema, { kind: "visa", status: "have" }, "kind")).toBe("errors.invalid");
    expect(messageOf(documentSchema, { kind: "other", status: "lost" }, "status")).toBe("errors.invalid");
    expect(messageOf(documentSchema, { kind: "other", status: "have", label: "a".repeat(TITLE_MAX) }, "label")).toBeNull();
    expect(messageOf(documentSchema, { kind: "other", status: "have", label: "a".repeat(TITLE_MAX + 1) }, "label")).toBe("errors.titleTooLong");
    expect(messageOf(documentSchema, { kind: "other", status: "have", expiresOn: "2100-01-01" }, "expiresOn")).toBe("errors.dateOutOfRange");
  });

  it("an organisation's own skill has a known domain and a title", () => {
    expect(parsed(organisationSkillSchema, { domain: "finances", title: " Atvērt kontu " })).toEqual({ domain: "finances", title: "Atvērt kontu" });
    expect(messageOf(organisationSkillSchema, { domain: "space", title: "x" }, "domain")).toBe("errors.invalid");
  });
});
