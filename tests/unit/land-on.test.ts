import { describe, expect, it } from "vitest";
import { landOn } from "~/utils/land-on.server";

describe("landOn: the redirect after a plain-form action lands on the element acted on", () => {
  it("adds the fragment, after any query", () => {
    expect(landOn("/plan/a", { fragment: "next-steps" })).toBe("/plan/a#next-steps");
    expect(landOn("/plan/a/wellbeing", { query: { saved: "1" }, fragment: "wellbeing-result" })).toBe("/plan/a/wellbeing?saved=1#wellbeing-result");
    expect(landOn("/?lng=en", { query: { wellbeing: "saved" }, fragment: "home-cards" })).toBe("/?lng=en&wellbeing=saved#home-cards");
  });
  it("keeps the form's own fragment, and puts the query before it", () => {
    expect(landOn("/#next-step", { fragment: "other" })).toBe("/#next-step");
    expect(landOn("/#home-cards", { query: { wellbeing: "saved" } })).toBe("/?wellbeing=saved#home-cards");
  });
  it("refuses other sites and odd fragments", () => {
    expect(landOn("//evil.example/#x", { fallback: "/plan/a", fragment: "steps" })).toBe("/plan/a#steps");
    expect(landOn("https://evil.example", { fallback: "/" })).toBe("/");
    expect(landOn(undefined, { fallback: "/plan/a", fragment: "a b<script>" })).toBe("/plan/a");
  });
});
