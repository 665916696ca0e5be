/** The life-skills page's sections and suggestions at their edges (mutation survivors, docs/proofs.md). */
import { describe, expect, it } from "vitest";
import { skillSections, suggestedSkills, SUGGESTED_SKILLS, type SkillLike } from "~/domain/skill-sections";

const item = (key: string, over: Partial<SkillLike> = {}): SkillLike => ({ key, domain: "housing", state: "not_yet", answered: true, ...over });

describe("skillSections", () => {
  it("leaves out domains without items", () => {
    const sections = skillSections([item("a"), item("b", { domain: "legal", state: "can_do" })]);
    expect(sections.map((s) => [s.domain, s.items.length, s.canDo])).toEqual([
      ["housing", 1, 0],
      ["legal", 1, 1],
    ]);
    expect(skillSections([])).toEqual([]);
  });
});

describe("suggestedSkills", () => {
  it("every phase but a closed plan suggests its own items", () => {
    for (const phase of ["preparation", "transition", "aftercare"] as const) {
      const keys = SUGGESTED_SKILLS[phase];
      expect(keys.length, phase).toBeGreaterThan(0);
      expect(
        suggestedSkills(
          keys.map((k) => item(k)),
          phase,
        ).map((i) => i.key),
      ).toEqual(keys.slice(0, 5));
    }
    expect(SUGGESTED_SKILLS.closed).toEqual([]);
  });
  it("leaves out what the young person can do or finds not relevant, but keeps the ones in between", () => {
    const [first, second, third] = SUGGESTED_SKILLS.aftercare;
    const items = [item(first!, { state: "can_do" }), item(second!, { state: "not_relevant" }), item(third!, { state: "learning" })];
    expect(suggestedSkills(items, "aftercare").map((i) => i.key)).toEqual([third]);
  });
});
