import { describe, expect, test } from "vitest";
import { SUGGESTED_MAX, SUGGESTED_SKILLS, skillSections, suggestedSkills, type SkillLike } from "~/domain/skill-sections";
import { LIFE_SKILLS } from "~/domain/life-skills";
import { PHASES } from "~/domain/phase";
import { shownStatus } from "~/domain/documents";

const all: SkillLike[] = LIFE_SKILLS.map((s) => ({ key: s.key, domain: s.domain, state: "not_yet", answered: false }));

describe("life-skill sections", () => {
  test("every suggested key is in the catalogue", () => {
    const keys = new Set(LIFE_SKILLS.map((s) => s.key));
    for (const phase of PHASES) for (const key of SUGGESTED_SKILLS[phase]) expect(keys.has(key), key).toBe(true);
  });

  test("sections count can-do, relevant and unanswered per domain", () => {
    const items = all.map((i, n) =>
      n === 0 ? { ...i, state: "can_do" as const, answered: true } : n === 1 ? { ...i, state: "not_relevant" as const, answered: true } : i,
    );
    const [first] = skillSections(items);
    expect(first!.domain).toBe(items[0]!.domain);
    expect(first!.canDo).toBe(1);
    expect(first!.relevant).toBe(first!.items.length - 1);
    expect(first!.unanswered).toBe(first!.items.length - 2);
    expect(skillSections(items).reduce((n, s) => n + s.items.length, 0)).toBe(items.length);
  });

  test("suggestions skip what is done or not relevant, and stop at the maximum", () => {
    const first = SUGGESTED_SKILLS.transition[0]!;
    const items = all.map((i) => (i.key === first ? { ...i, state: "can_do" as const, answered: true } : i));
    const suggested = suggestedSkills(items, "transition");
    expect(suggested.map((s) => s.key)).not.toContain(first);
    expect(suggested.length).toBe(SUGGESTED_MAX);
    expect(suggestedSkills(all, "closed")).toEqual([]);
  });

  test("a document nobody marked is shown as unmarked, not as missing", () => {
    expect(shownStatus({ id: null, status: "missing" })).toBe("unmarked");
    expect(shownStatus({ id: "x", status: "missing" })).toBe("missing");
    expect(shownStatus({ id: "x", status: "not_needed" })).toBe("not_needed");
  });
});
