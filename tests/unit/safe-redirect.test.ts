import { describe, expect, test } from "vitest";
import { safeRedirectPath } from "~/utils/http.server";

describe("safeRedirectPath", () => {
  test.each([
    "/..//evil.example/x",
    "/.//evil.example/x",
    "/%2e%2e//evil.example/x",
    "/%2E%2E//evil.example/x",
    "/..\\/evil.example/x",
    "/..\\\\evil.example/x",
    "/.\\/evil.example",
    "/a/../..//evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "",
  ])("%j stays on the site", (value) => {
    const result = safeRedirectPath(value);
    expect(result).toBe("/");
    // Whatever comes back, a browser resolves it against our own origin.
    expect(new URL(result, "https://tilts.example").origin).toBe("https://tilts.example");
  });

  test.each([
    ["/account", "/account"],
    ["/plan/abc?x=1#goals", "/plan/abc?x=1#goals"],
    ["/plan/../account", "/account"],
    ["/plan/./abc", "/plan/abc"],
    // A backslash is a slash to the parser: this is our own path /evil.example/x.
    ["/..\\evil.example/x", "/evil.example/x"],
  ])("%j is kept as %j", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  test("non-strings and over-long paths fall back", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(42)).toBe("/");
    expect(safeRedirectPath(`/${"a".repeat(2001)}`)).toBe("/");
    expect(safeRedirectPath("//x", "/home")).toBe("/home");
  });
});
