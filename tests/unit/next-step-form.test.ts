/**
 * The mentor's optional next step (app/domain/next-step-form.ts): the fields' schema and what
 * readNextStep makes of them. Written from the mutation run (docs/proofs.md).
 */
import { describe, expect, it } from "vitest";
import { TITLE_MAX } from "~/domain/limits";
import { nextStepSchema, readNextStep, type NextStepChoices, type NextStepFields } from "~/domain/next-step-form";
import { DOMAINS } from "~/domain/vocabulary";
import { messageOf, parsed } from "../helpers/schemas";

const TODAY = "2026-12-01";
const choices: NextStepChoices = { goals: [{ id: "g-1", title: "Dzīvoklis", domain: "housing" }], domains: ["housing", "health"] };
const fields = (over: Partial<NextStepFields>): NextStepFields => ({ nextStepTitle: "", nextStepOwner: "youth", nextStepGoal: "", ...over });

describe("the next step's fields", () => {
  it("empty fields are no step: an empty title, the young person, no goal", () => {
    expect(parsed(nextStepSchema, {})).toEqual({ nextStepTitle: "", nextStepOwner: "youth", nextStepGoal: "" });
    expect(parsed(nextStepSchema, { nextStepDueOn: "" })).toEqual({ nextStepTitle: "", nextStepOwner: "youth", nextStepGoal: "" });
  });

  it("trims the title and the target, keeps a due date and the mentor as owner", () => {
    expect(
      parsed(nextStepSchema, { nextStepTitle: "  Piezvanīt  ", nextStepDueOn: "2026-12-10", nextStepOwner: "mentor", nextStepGoal: " goal:g-1 " }),
    ).toEqual({
      nextStepTitle: "Piezvanīt",
      nextStepDueOn: "2026-12-10",
      nextStepOwner: "mentor",
      nextStepGoal: "goal:g-1",
    });
  });

  it("a title up to the title limit; an owner of the two; a date that exists", () => {
    expect(messageOf(nextStepSchema, { nextStepTitle: "a".repeat(TITLE_MAX) }, "nextStepTitle")).toBeNull();
    expect(messageOf(nextStepSchema, { nextStepTitle: "a".repeat(TITLE_MAX + 1) }, "nextStepTitle")).toBe("errors.titleTooLong");
    for (const owner of ["specialist", "carer", "", "YOUTH"])
      expect(messageOf(nextStepSchema, { nextStepOwner: owner }, "nextStepOwner"), owner).toBe("errors.invalid");
    expect(messageOf(nextStepSchema, { nextStepDueOn: "2026-02-30" }, "nextStepDueOn")).toBe("errors.dateInvalid");
  });

  it("the target is a goal id or a new goal in a known domain, nothing else", () => {
    for (const d of DOMAINS) expect(messageOf(nextStepSchema, { nextStepGoal: `new:${d}` }, "nextStepGoal"), d).toBeNull();
    for (const ok of ["goal:a", `goal:${"x".repeat(64)}`, "goal:A_b-9"]) expect(messageOf(nextStepSchema, { nextStepGoal: ok }, "nextStepGoal"), ok).toBeNull();
    for (const bad of [
      "goal:",
      `goal:${"x".repeat(65)}`,
      "goal:a b",
      "goal:a/b",
      "xgoal:a",
      "goal:a\tb",
      "new:money",
      "new:",
      "housing",
      "new:housingx",
      `${"new:housing".repeat(8)}`,
    ]) {
      expect(messageOf(nextStepSchema, { nextStepGoal: bad }, "nextStepGoal"), bad).toBe("errors.invalid");
    }
    // Longer than 80 characters is refused before the pattern is tried.
    expect(messageOf(nextStepSchema, { nextStepGoal: `goal:${"x".repeat(76)}` }, "nextStepGoal")).toBe("errors.invalid");
  });
});

describe("readNextStep", () => {
  it("no title, nothing else: no step, no problem", () => {
    expect(readNextStep(fields({}), choices, TODAY)).toEqual({ step: null, problems: [] });
    expect(readNextStep(fields({}), null, TODAY)).toEqual({ step: null, problems: [] });
  });

  it("a date or a goal without a title asks for the title", () => {
    const titleNeeded = { step: null, problems: [{ field: "nextStepTitle", error: "weekly.nextStep.errors.titleNeeded" }] };
    expect(readNextStep(fields({ nextStepDueOn: "2026-12-05" }), choices, TODAY)).toEqual(titleNeeded);
    expect(readNextStep(fields({ nextStepGoal: "goal:g-1" }), choices, TODAY)).toEqual(titleNeeded);
  });

  it("a mentor who may not add steps is told so", () => {
    expect(readNextStep(fields({ nextStepTitle: "x", nextStepGoal: "goal:g-1" }), null, TODAY)).toEqual({
      step: null,
      problems: [{ field: "nextStepTitle", error: "weekly.nextStep.errors.notAllowed" }],
    });
  });

  it("a step on an open goal or a new goal in a domain the mentor sees, with its owner and date", () => {
    expect(
      readNextStep(fields({ nextStepTitle: "Piezvanīt", nextStepGoal: "goal:g-1", nextStepOwner: "mentor", nextStepDueOn: TODAY }), choices, TODAY),
    ).toEqual({
      step: { title: "Piezvanīt", dueOn: TODAY, owner: "mentor", target: { kind: "goal", goalId: "g-1" } },
      problems: [],
    });
    expect(readNextStep(fields({ nextStepTitle: "Pierakstīties", nextStepGoal: "new:health" }), choices, TODAY)).toEqual({
      step: { title: "Pierakstīties", dueOn: null, owner: "youth", target: { kind: "new", domain: "health" } },
      problems: [],
    });
  });

  it("any of the offered goals; a target must start with goal: or new:", () => {
    const two: NextStepChoices = { goals: [...choices.goals, { id: "g-2", title: "Skola", domain: "education" }], domains: ["health"] };
    expect(readNextStep(fields({ nextStepTitle: "x", nextStepGoal: "goal:g-2" }), two, TODAY).step?.target).toEqual({ kind: "goal", goalId: "g-2" });
    for (const nextStepGoal of ["old:health", "health", "xgoal:g-1"]) {
      expect(readNextStep(fields({ nextStepTitle: "x", nextStepGoal }), two, TODAY).problems, nextStepGoal).toEqual([
        { field: "nextStepGoal", error: "weekly.nextStep.errors.chooseGoal" },
      ]);
    }
  });

  it("a goal or a domain not offered, or no target, is 'choose a goal'; a past date is its own problem", () => {
    const choose = { field: "nextStepGoal", error: "weekly.nextStep.errors.chooseGoal" };
    for (const nextStepGoal of ["goal:g-2", "new:legal", ""]) {
      expect(readNextStep(fields({ nextStepTitle: "x", nextStepGoal }), choices, TODAY), nextStepGoal).toEqual({ step: null, problems: [choose] });
    }
    expect(readNextStep(fields({ nextStepTitle: "x", nextStepGoal: "goal:g-1", nextStepDueOn: "2026-11-30" }), choices, TODAY)).toEqual({
      step: null,
      problems: [{ field: "nextStepDueOn", error: "weekly.nextStep.errors.duePast" }],
    });
    expect(readNextStep(fields({ nextStepTitle: "x", nextStepGoal: "new:legal", nextStepDueOn: "2026-11-30" }), choices, TODAY).problems).toEqual([
      { field: "nextStepDueOn", error: "weekly.nextStep.errors.duePast" },
      choose,
    ]);
  });
});
