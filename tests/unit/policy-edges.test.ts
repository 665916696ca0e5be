/**
 * The policy's edges that the matrix in policy.test.ts does not walk (found by mutation testing,
 * docs/proofs.md): well-being shared with the mentor or the carer, a role the policy does not know, a
 * missing or disabled actor asking for sections, and an error while reading the sharing or the relation.
 */
import { describe, expect, it } from "vitest";
import { can, caseRelation, viewerOf, visibleSections, type Actor, type CaseSubject } from "~/domain/policy";
import { sharedSections } from "~/domain/sharing";
import type { Role } from "~/domain/vocabulary";

const ORG = "org-a";
const TODAY = "2026-03-10";
const subject: CaseSubject = {
  kind: "case",
  organisationId: ORG,
  youthUserId: "u-youth",
  specialistId: "u-specialist",
  careEndDate: "2026-09-01",
  mentorships: [{ mentorId: "u-mentor", status: "active" }],
  carerLinks: [{ carerId: "u-carer", ended: false }],
};
const mentor: Actor = { id: "u-mentor", role: "mentor", organisationId: ORG };
const carer: Actor = { id: "u-carer", role: "carer", organisationId: ORG };
const specialist: Actor = { id: "u-specialist", role: "specialist", organisationId: ORG };

describe("well-being shared by the young person", () => {
  it("the mentor and the carer see the trend only when it is shared with them", () => {
    for (const who of [mentor, carer]) expect(can(who, "wellbeing.view", subject, TODAY)).toBe(false);
    const shared = {
      ...subject,
      shared: sharedSections([
        { audience: "mentor", section: "wellbeing", shared: true },
        { audience: "carer", section: "wellbeing", shared: true },
      ]),
    };
    for (const who of [mentor, carer]) {
      expect(can(who, "wellbeing.view", shared, TODAY)).toBe(true);
      expect(viewerOf(who, shared, TODAY).actions.has("wellbeing.view")).toBe(true);
      expect(can(who, "wellbeing.check", shared, TODAY)).toBe(false);
    }
  });
});

describe("a role the policy does not know", () => {
  it.each(["superuser", "", "ADMIN"])("%j has no relation to the record", (role) => {
    const who = { id: "u-youth", role: role as Role, organisationId: ORG };
    expect(caseRelation(who, subject, TODAY)).toBe("none");
    expect(viewerOf(who, subject, TODAY).relation).toBe("none");
  });
});

describe("sections for an actor that is missing or disabled", () => {
  it("nobody and a disabled specialist see no section", () => {
    expect(visibleSections(null, subject, TODAY)).toEqual([]);
    expect(visibleSections(undefined, subject, TODAY)).toEqual([]);
    expect(visibleSections({ ...specialist, disabled: true }, subject, TODAY)).toEqual([]);
    expect(visibleSections(specialist, subject, TODAY)).not.toEqual([]);
  });
});

describe("an error while deciding shows nothing", () => {
  it("a record whose sharing cannot be read shows no section, even to the specialist", () => {
    const unreadable = {
      ...subject,
      get shared(): CaseSubject["shared"] {
        throw new Error("sharing not loaded");
      },
    } as CaseSubject;
    expect(can(specialist, "case.view", unreadable, TODAY)).toBe(true);
    expect(visibleSections(specialist, unreadable, TODAY)).toEqual([]);
    expect(viewerOf(specialist, unreadable, TODAY).sections.size).toBe(0);
  });

  it("a viewer whose relation cannot be worked out is nobody, with no actions and no sections", () => {
    const hostile = {
      id: "u-specialist",
      role: "specialist",
      get organisationId(): string {
        throw new Error("boom");
      },
    } as Actor;
    const viewer = viewerOf(hostile, subject, TODAY);
    expect(viewer.relation).toBe("none");
    expect(viewer.actions.size).toBe(0);
    expect(viewer.sections.size).toBe(0);
  });
});
