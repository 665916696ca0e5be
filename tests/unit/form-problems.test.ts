import { describe, expect, test } from "vitest";
import { decodeFieldError, fieldErrorsOf, formProblemsOf } from "~/domain/form-errors";

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

describe("field errors with values (from the mutation run)", () => {
  test("fieldErrorsOf keeps every problem of a field in order, values after a '|' as JSON", () => {
    expect(
      fieldErrorsOf([
        { field: "due", error: "errors.a" },
        { field: "due", error: "errors.b", values: { date: "2027-06-19", n: 2 } },
        { field: "title", error: "errors.c", values: {} },
      ]),
    ).toEqual({ due: ["errors.a", 'errors.b|{"date":"2027-06-19","n":2}'], title: ["errors.c"] });
    expect(fieldErrorsOf([])).toEqual({});
  });

  test("decodeFieldError gives the key and its values back, and copes with anything", () => {
    expect(decodeFieldError('errors.b|{"date":"2027-06-19","n":2}')).toEqual({ key: "errors.b", values: { date: "2027-06-19", n: 2 } });
    expect(decodeFieldError("errors.a")).toEqual({ key: "errors.a", values: {} });
    expect(decodeFieldError("errors.a|not json")).toEqual({ key: "errors.a", values: {} });
    expect(decodeFieldError("errors.a|null")).toEqual({ key: "errors.a", values: {} });
    expect(decodeFieldError("errors.a|7")).toEqual({ key: "errors.a", values: {} });
    expect(decodeFieldError('|{"x":1}')).toEqual({ key: "", values: { x: 1 } });
    expect(decodeFieldError('a|{"x":"1|2"}')).toEqual({ key: "a", values: { x: "1|2" } });
  });

  test("a form id is kebab-cased from the intent before its ':', and must be a safe id", () => {
    const result = { error: { title: ["errors.required"] } };
    expect(formProblemsOf({ intent: "editStep:s-1", result })).toEqual([{ href: "#edit-step-title", error: "errors.required" }]);
    expect(formProblemsOf({ intent: "a.b", result })).toEqual([{ href: "#a-b-title", error: "errors.required" }]);
    expect(formProblemsOf({ formId: "x".repeat(120), result: { error: { "": ["errors.invalid"] } } })).toEqual([
      { href: `#${"x".repeat(120)}`, error: "errors.invalid" },
    ]);
    // A target longer than an id may be links to the page's main part.
    expect(formProblemsOf({ formId: "x".repeat(120), result })).toEqual([{ href: "#main", error: "errors.required" }]);
    expect(formProblemsOf({ formId: "x".repeat(114), result })).toEqual([{ href: `#${"x".repeat(114)}-title`, error: "errors.required" }]);
    expect(formProblemsOf({ formId: "x".repeat(121), result })).toEqual([{ href: "#title", error: "errors.required" }]);
    expect(formProblemsOf({ formId: "f", result: { error: { ["a b"]: ["errors.required"] } } })).toEqual([{ href: "#main", error: "errors.required" }]);
  });

  test("only text messages count; a bare error must be the action's own error", () => {
    expect(formProblemsOf({ formId: "f", errors: { a: "", b: 3, c: ["errors.x", "errors.y"], d: [] } })).toEqual([{ href: "#f-c", error: "errors.x" }]);
    // A bare error counts only when it is the reply itself, not a reply's inside a result.
    expect(formProblemsOf({ formId: "f", result: { error: "errors.other" }, error: "errors.mine" })).toEqual([]);
    expect(formProblemsOf({ formId: "f", error: "errors.mine" })).toEqual([{ href: "#f", error: "errors.mine" }]);
    expect(formProblemsOf({ result: ["errors.required"] })).toEqual([]);
    expect(formProblemsOf({ errors: ["errors.required"] })).toEqual([]);
  });
});
