import { describe, expect, test } from "vitest";
import { formProblemsOf } from "~/domain/form-errors";

describe("the error summary's problems, from whatever an action sent back", () => {
  test("a route's { intent, result } links to <form id>-<field>", () => {
    const data = { intent: "createGoal", result: { status: "error", error: { title: ["errors.required"], dueDate: ["errors.dateInvalid"], why: null } } };
    expect(formProblemsOf(data)).toEqual([
      { href: "#create-goal-title", error: "errors.required" },
      { href: "#create-goal-dueDate", error: "errors.dateInvalid" },
    ]);
  });

  test("a formId wins over the intent; a form-level error links to the form", () => {
    expect(formProblemsOf({ formId: "doc-new", result: { error: { label: ["documents.labelRequired"], "": ["errors.invalid"] } } })).toEqual([
      { href: "#doc-new-label", error: "documents.labelRequired" },
      { href: "#doc-new", error: "errors.invalid" },
    ]);
    expect(formProblemsOf({ formId: "retention", errors: { months: "keys.erase.errors.retentionRange" } })).toEqual([
      { href: "#retention-months", error: "keys.erase.errors.retentionRange" },
    ]);
  });

  test("conform's bare reply, a bare error and nonsense", () => {
    expect(formProblemsOf({ status: "error", error: { email: ["errors.required"] } })).toEqual([{ href: "#email", error: "errors.required" }]);
    expect(formProblemsOf({ error: "keys.sharing.unknownSwitch" })).toEqual([{ href: "#main", error: "keys.sharing.unknownSwitch" }]);
    expect(formProblemsOf({ formId: '"><script>', result: { error: { x: ["errors.invalid"] } } })).toEqual([{ href: "#x", error: "errors.invalid" }]);
    for (const nothing of [null, undefined, "x", 3, [], { link: "https://…" }, { intent: "invite", result: { status: "success" } }])
      expect(formProblemsOf(nothing)).toEqual([]);
  });
});
