/**
 * Rules of sharing and retention that mutation testing (npm run mutate) found no test for: which section
 * a history entry or calendar item belongs to, "sees all of these", domain sections, and the exact edges
 * of an erasure's reason.
 */
import { describe, expect, it } from "vitest";
import { isDomainSection, isSection, isSwitchable, SECTIONS, seesAll, sectionsOfEntity, sharedSections } from "~/domain/sharing";
import { parseErasure, REASON_LENGTH } from "~/domain/retention";

describe("sections of an entry", () => {
  it("a skill, a document, a rating, a contact and a mentorship belong to their own section, beside the domain", () => {
    expect(sectionsOfEntity("skill", null)).toEqual(["skills"]);
    expect(sectionsOfEntity("document", "legal")).toEqual(["legal", "documents"]);
    expect(sectionsOfEntity("rating", "housing")).toEqual(["housing", "readiness"]);
    expect(sectionsOfEntity("contact", null)).toEqual(["contacts"]);
    expect(sectionsOfEntity("mentorship", null)).toEqual(["contacts"]);
  });

  it("a goal or a step belongs to its domain only; an entry of nothing known to no section", () => {
    expect(sectionsOfEntity("goal", "finances")).toEqual(["finances"]);
    expect(sectionsOfEntity("step", "health")).toEqual(["health"]);
    expect(sectionsOfEntity("goal", null)).toEqual([]);
  });

  it("sees all: every needed section, none missing", () => {
    const sees = new Set(["housing", "readiness"] as const);
    expect(seesAll(sees, ["housing", "readiness"])).toBe(true);
    expect(seesAll(sees, ["housing", "budget"])).toBe(false);
    expect(seesAll(sees, ["budget"])).toBe(false);
    expect(seesAll(sees, [])).toBe(true);
  });

  it("the seven domains are domain sections; the other sections are not", () => {
    expect(isDomainSection("housing")).toBe(true);
    expect(isDomainSection("legal")).toBe(true);
    expect(isDomainSection("skills")).toBe(false);
    expect(isDomainSection("budget")).toBe(false);
  });

  it("only named sections and audiences are switches; the mentor's contact log is not one", () => {
    expect(isSection("wellbeing")).toBe(true);
    expect(isSection("Housing")).toBe(false);
    expect(isSection(["housing"])).toBe(false);
    expect(isSwitchable("mentor", "budget")).toBe(true);
    expect(isSwitchable("mentor", "contacts")).toBe(false);
    expect(isSwitchable("carer", "contacts")).toBe(true);
    expect(isSwitchable("specialist", "budget")).toBe(false);
  });

  it("switching everything off leaves the mentor their own contact log and the carer nothing", () => {
    const off = (["mentor", "carer"] as const).flatMap((audience) => SECTIONS.map((section) => ({ audience, section, shared: false })));
    expect(sharedSections(off)).toEqual({ mentor: ["contacts"], carer: [] });
  });
});

describe("an erasure's reason", () => {
  it("10 and 500 characters are enough and not too many; 9 and 501 are refused", () => {
    expect(parseErasure({ mode: "erase", reason: "x".repeat(REASON_LENGTH.min) })).toEqual({ value: { mode: "erase", reason: "x".repeat(10) } });
    expect(parseErasure({ mode: "erase", reason: "x".repeat(REASON_LENGTH.max) })).toEqual({ value: { mode: "erase", reason: "x".repeat(500) } });
    expect(parseErasure({ mode: "erase", reason: "x".repeat(9) })).toEqual({ problems: ["reason"] });
    expect(parseErasure({ mode: "erase", reason: "x".repeat(501) })).toEqual({ problems: ["reason"] });
  });

  it("a reason that is not text, or missing, is a problem, not a crash", () => {
    expect(parseErasure({ mode: "anonymise", reason: 12345678901 })).toEqual({ problems: ["reason"] });
    expect(parseErasure({ mode: "anonymise" })).toEqual({ problems: ["reason"] });
    expect(parseErasure({ mode: ["erase"], reason: "Termiņš beidzies" })).toEqual({ problems: ["mode"] });
  });
});
