/** Who may invite, manage and re-role whom (app/domain/accounts.ts), and what a one-time link says. */
import { describe, expect, it } from "vitest";
import { assignableRoles, invitableRoles, invitationState, linkState, mayManageAccount } from "~/domain/accounts";
import { ROLES, type Role } from "~/domain/vocabulary";

const who = (role: Role, id = `u-${role}`, organisationId = "org") => ({ id, role, organisationId });

describe("invitableRoles", () => {
  it("the admin invites every staff role and carers; the lead specialists, mentors and carers; nobody else invites", () => {
    expect([...invitableRoles("admin")].sort()).toEqual(["admin", "carer", "lead", "mentor", "specialist"]);
    expect([...invitableRoles("lead")].sort()).toEqual(["carer", "mentor", "specialist"]);
    for (const role of ["youth", "mentor", "specialist", "carer"] as const) expect(invitableRoles(role)).toEqual([]);
    // A young person is invited from their record, never as a role on the people page.
    for (const role of ROLES) expect(invitableRoles(role)).not.toContain("youth");
  });
});

describe("mayManageAccount and assignableRoles", () => {
  it("the admin manages every other account of the organisation, the lead those below the lead", () => {
    for (const target of ROLES) {
      expect(mayManageAccount(who("admin"), who(target, `t-${target}`)), `admin → ${target}`).toBe(true);
      expect(mayManageAccount(who("lead"), who(target, `t-${target}`)), `lead → ${target}`).toBe(!["lead", "admin"].includes(target));
      for (const actor of ["youth", "mentor", "specialist", "carer"] as const) {
        expect(mayManageAccount(who(actor), who(target, `t-${target}`))).toBe(false);
      }
    }
  });

  it("never oneself, never another organisation", () => {
    expect(mayManageAccount(who("admin"), who("admin"))).toBe(false);
    expect(mayManageAccount(who("admin"), who("mentor", "t", "other-org"))).toBe(false);
    expect(assignableRoles(who("admin"), who("mentor", "t", "other-org"))).toEqual([]);
  });

  it("a young person's account keeps its role; the lead gives only the roles below the lead", () => {
    expect(assignableRoles(who("admin"), who("youth", "t"))).toEqual([]);
    expect([...assignableRoles(who("lead"), who("mentor", "t"))].sort()).toEqual(["carer", "mentor", "specialist"]);
    expect(assignableRoles(who("lead"), who("admin", "t"))).toEqual([]);
    expect(assignableRoles(who("admin"), who("lead", "t"))).toContain("admin");
  });
});

describe("linkState", () => {
  const base = { expiresAt: 1_000, usedAt: null, revokedAt: null };
  it("valid until the moment it expires, then expired; used and revoked win", () => {
    expect(linkState(base, 999)).toBe("valid");
    expect(linkState(base, 1_000)).toBe("expired");
    expect(linkState({ ...base, usedAt: 5 }, 999)).toBe("used");
    expect(linkState({ ...base, revokedAt: 5 }, 2_000)).toBe("revoked");
    expect(invitationState({ expiresAt: 1_000, acceptedAt: 3, revokedAt: 4 }, 10)).toBe("used");
  });
});
