/**
 * The authorisation policy, walked as a table: every role × every action × every relation an actor can
 * have to a young person's record or to an organisation. The EXPECTED matrix below is written out by
 * hand on purpose — it is the policy in readable form, not a copy of the policy's own tables — so a
 * change to app/domain/policy.ts that widens or narrows access fails here until this file is changed too.
 */
import { describe, expect, it } from "vitest";
import {
  can,
  CASE_ACTIONS,
  CASE_RELATIONS,
  caseRelation,
  ORGANISATION_ACTIONS,
  type Action,
  type Actor,
  type CaseRelation,
  type CaseSubject,
  type OrganisationSubject,
  viewerOf,
  visibleSections,
} from "~/domain/policy";
import { isSwitchable, SECTIONS, sharedSections, type SharingSwitch } from "~/domain/sharing";
import { DOMAINS, ROLES, type Role } from "~/domain/vocabulary";

// ---------------------------------------------------------------------------------------------------
// The vocabulary, written out (and checked against the policy, so a new action cannot slip in untested).

const ALL_CASE_ACTIONS = [
  "case.view",
  "case.editRecord",
  "plan.view",
  "plan.edit",
  "plan.rate",
  "plan.comment",
  "plan.editOwnSteps",
  "plan.suggestStep",
  "mentorship.view",
  "mentorship.manage",
  "mentorship.logContact",
  "mentorship.viewPrivateNotes",
  "mentorship.writeYouthNote",
  "sharing.view",
  "sharing.manage",
  "audit.viewOwn",
  "record.export",
  "record.erase",
  "budget.view",
  "budget.edit",
  "budget.setPocketMoney",
  "budget.confirmDuties",
  "budget.viewPocketMoney",
  "case.inviteYoungPerson",
  "case.issuePasswordReset",
  "case.assignPeople",
  "help.create",
  "help.view",
  "help.acknowledge",
  "help.resolve",
  "wellbeing.check",
  "wellbeing.view",
  "review.view",
  "review.manage",
  "review.request",
  "review.writeStatement",
  "review.answerHeard",
] as const;
const ALL_ORGANISATION_ACTIONS = [
  "organisation.view",
  "organisation.viewAllCases",
  "organisation.manageUsers",
  "organisation.manageSkills",
  "organisation.manageSettings",
  "organisation.manageSupport",
  "organisation.createRecord",
  "organisation.inviteStaff",
  "organisation.issueStaffReset",
  "organisation.viewStatistics",
] as const;
const ALL_ACTIONS: readonly Action[] = [...ALL_CASE_ACTIONS, ...ALL_ORGANISATION_ACTIONS];
const ALL_ROLES: readonly Role[] = ["youth", "mentor", "specialist", "carer", "lead", "admin"];

// ---------------------------------------------------------------------------------------------------
// The world: organisation A with one young person's record; organisation B next door.

const ORG = "org-a";
const OTHER_ORG = "org-b";

const ID = {
  youth: "u-youth",
  otherYouth: "u-youth-2",
  specialist: "u-specialist",
  otherSpecialist: "u-specialist-2",
  lead: "u-lead",
  mentor: "u-mentor",
  pausedMentor: "u-mentor-paused",
  closedMentor: "u-mentor-closed",
  unlinkedMentor: "u-mentor-3",
  carer: "u-carer",
  formerCarer: "u-carer-former",
  unlinkedCarer: "u-carer-3",
  admin: "u-admin",
} as const;

// Care ends 1 September 2026, so the mentoring window is [2025-09-01, 2028-09-01].
const CARE_END = "2026-09-01";
const INSIDE_WINDOW = "2026-03-10";
const DAY_BEFORE_WINDOW = "2025-08-31";
const WINDOW_START = "2025-09-01";
const WINDOW_END = "2028-09-01";
const DAY_AFTER_WINDOW = "2028-09-02";

const caseSubject: CaseSubject = {
  kind: "case",
  organisationId: ORG,
  youthUserId: ID.youth,
  specialistId: ID.specialist,
  careEndDate: CARE_END,
  mentorships: [
    { mentorId: ID.mentor, status: "active" },
    { mentorId: ID.pausedMentor, status: "paused" },
    { mentorId: ID.closedMentor, status: "closed" },
  ],
  carerLinks: [
    { carerId: ID.carer, ended: false },
    { carerId: ID.formerCarer, ended: true },
  ],
};
const organisation: OrganisationSubject = { kind: "organisation", organisationId: ORG };

function actor(role: Role, id: string, organisationId = ORG, disabled?: boolean): Actor {
  return disabled === undefined ? { id, role, organisationId } : { id, role, organisationId, disabled };
}

// ---------------------------------------------------------------------------------------------------
// The expected matrix.

interface Scenario {
  name: string;
  actor: Actor | null | undefined;
  today: string;
  /** What caseRelation() should call this actor (omitted for a missing actor). */
  relation?: CaseRelation;
  /** Everything this actor may do; every other action in ALL_ACTIONS must be refused. */
  allowed: readonly Action[];
}

// The lead manages the people below the lead, invites staff, issues resets and reads the statistics; the
// admin the same for every account, without records. A specialist creates records.
const LEAD_ORGANISATION = [
  "organisation.view",
  "organisation.viewAllCases",
  "organisation.manageUsers",
  "organisation.manageSkills",
  "organisation.manageSettings",
  "organisation.manageSupport",
  "organisation.createRecord",
  "organisation.inviteStaff",
  "organisation.issueStaffReset",
  "organisation.viewStatistics",
] as const;
const ADMIN_ORGANISATION = [
  "organisation.view",
  "organisation.manageUsers",
  "organisation.manageSkills",
  "organisation.manageSettings",
  "organisation.manageSupport",
  "organisation.inviteStaff",
  "organisation.issueStaffReset",
  "organisation.viewStatistics",
] as const;

/** Organisation actions each role has inside its own organisation. */
const ORG_ALLOWED: Record<Role, readonly Action[]> = {
  youth: ["organisation.view"],
  mentor: ["organisation.view"],
  specialist: ["organisation.view", "organisation.createRecord"],
  carer: ["organisation.view"],
  lead: LEAD_ORGANISATION,
  admin: ADMIN_ORGANISATION,
};

// The young person sees their mentorship (not the notes a mentor keeps for the specialist) and writes
// "what I want my next mentor to know"; they do not link or log contacts.
const YOUTH_OWN = [
  "case.view",
  "plan.view",
  "plan.edit",
  "plan.rate",
  "plan.comment",
  "mentorship.view",
  "mentorship.writeYouthNote",
  // Only the young person holds the keys: their switches, who looked, their download.
  "sharing.view",
  "sharing.manage",
  "audit.viewOwn",
  "record.export",
  // The budget: theirs to keep; the pocket money itself is set and paid by the adults.
  "budget.view",
  "budget.edit",
  "budget.viewPocketMoney",
  // "I need help" and the monthly check are the young person's own.
  "help.create",
  "help.view",
  "wellbeing.check",
  "wellbeing.view",
  // Reviews: asks for one, writes the statement, answers "did you feel heard?"; never schedules or records.
  "review.view",
  "review.request",
  "review.writeStatement",
  "review.answerHeard",
] as const;
// Everything except plan.editOwnSteps, which plan.edit already covers.
const ASSIGNED_SPECIALIST = [
  "case.view",
  "case.editRecord",
  "plan.view",
  "plan.edit",
  "plan.rate",
  "plan.comment",
  "mentorship.view",
  "mentorship.manage",
  "mentorship.viewPrivateNotes",
  // Sees who sees the plan; never changes the young person's switches.
  "sharing.view",
  "budget.view",
  "budget.edit",
  "budget.setPocketMoney",
  "budget.confirmDuties",
  "budget.viewPocketMoney",
  "case.inviteYoungPerson",
  "case.issuePasswordReset",
  // Answers the young person's "I need help"; always sees well-being (by law, like the rest).
  "help.view",
  "help.acknowledge",
  "help.resolve",
  "wellbeing.view",
  // Prepares, holds and records the reviews; the statement and "felt heard" stay the young person's.
  "review.view",
  "review.manage",
] as const;
const LEAD = [
  "case.view",
  "case.editRecord",
  "plan.view",
  "mentorship.view",
  "mentorship.manage",
  "mentorship.viewPrivateNotes",
  "sharing.view",
  // Erasing a closed record after the retention period (the model checks the period and the phase).
  "record.erase",
  "budget.view",
  "budget.viewPocketMoney",
  "case.inviteYoungPerson",
  "case.issuePasswordReset",
  "case.assignPeople",
  // The lead answers "I need help" when the specialist has left.
  "help.view",
  "help.acknowledge",
  "help.resolve",
  "wellbeing.view",
  "review.view",
] as const;
// A mentor may tick and edit the steps a mentor owns, not the rest of the plan; logs contacts and reads
// the private notes of the mentorship (their own), but never links or closes it.
const MENTOR_IN_WINDOW = [
  "case.view",
  "plan.view",
  "plan.rate",
  "plan.comment",
  "plan.editOwnSteps",
  // Proposes a next step from the contact form (decision 026).
  "plan.suggestStep",
  "mentorship.view",
  "mentorship.logContact",
  "mentorship.viewPrivateNotes",
  // Only the help requests sent to this mentor (the model filters); never acknowledges or resolves.
  "help.view",
  // budget.view and wellbeing.view only when the young person shares the budget with the mentor (not by default).
  // Reviews they are invited to (the model checks the invitation), with what is shared with them.
  "review.view",
  // budget.view only when the young person shares the budget with the mentor (not by default).
] as const;
// The carer sets the pocket money and its duties, and confirms them each period; sees the budget itself
// only when the young person shares it (not by default).
const CARER_LINKED = [
  "case.view",
  "plan.view",
  "plan.comment",
  "budget.setPocketMoney",
  "budget.confirmDuties",
  "budget.viewPocketMoney",
  "review.view",
] as const;

const SAME_ORGANISATION: Scenario[] = [
  {
    name: "young person, own record",
    actor: actor("youth", ID.youth),
    today: INSIDE_WINDOW,
    relation: "self",
    allowed: [...YOUTH_OWN, "organisation.view"],
  },
  {
    name: "young person, someone else's record",
    actor: actor("youth", ID.otherYouth),
    today: INSIDE_WINDOW,
    relation: "none",
    allowed: ["organisation.view"],
  },
  {
    name: "assigned specialist",
    actor: actor("specialist", ID.specialist),
    today: INSIDE_WINDOW,
    relation: "assignedSpecialist",
    allowed: [...ASSIGNED_SPECIALIST, "organisation.view", "organisation.createRecord"],
  },
  {
    name: "other specialist of the same organisation",
    actor: actor("specialist", ID.otherSpecialist),
    today: INSIDE_WINDOW,
    relation: "otherSpecialist",
    allowed: ["organisation.view", "organisation.createRecord"],
  },
  {
    name: "lead of the same organisation",
    actor: actor("lead", ID.lead),
    today: INSIDE_WINDOW,
    relation: "lead",
    allowed: [...LEAD, ...LEAD_ORGANISATION],
  },
  {
    name: "lead of the same organisation, outside the mentoring window",
    actor: actor("lead", ID.lead),
    today: DAY_AFTER_WINDOW,
    relation: "lead",
    allowed: [...LEAD, ...LEAD_ORGANISATION],
  },
  {
    name: "active mentor inside the window",
    actor: actor("mentor", ID.mentor),
    today: INSIDE_WINDOW,
    relation: "mentorInWindow",
    allowed: [...MENTOR_IN_WINDOW, "organisation.view"],
  },
  {
    name: "active mentor one day before the window opens",
    actor: actor("mentor", ID.mentor),
    today: DAY_BEFORE_WINDOW,
    relation: "mentorOutsideWindow",
    allowed: ["organisation.view"],
  },
  {
    name: "active mentor on the window's first day",
    actor: actor("mentor", ID.mentor),
    today: WINDOW_START,
    relation: "mentorInWindow",
    allowed: [...MENTOR_IN_WINDOW, "organisation.view"],
  },
  {
    name: "active mentor on the care end date",
    actor: actor("mentor", ID.mentor),
    today: CARE_END,
    relation: "mentorInWindow",
    allowed: [...MENTOR_IN_WINDOW, "organisation.view"],
  },
  {
    name: "active mentor on the window's last day",
    actor: actor("mentor", ID.mentor),
    today: WINDOW_END,
    relation: "mentorInWindow",
    allowed: [...MENTOR_IN_WINDOW, "organisation.view"],
  },
  {
    name: "active mentor one day after the window closes",
    actor: actor("mentor", ID.mentor),
    today: DAY_AFTER_WINDOW,
    relation: "mentorOutsideWindow",
    allowed: ["organisation.view"],
  },
  {
    name: "mentor with a paused mentorship, inside the window",
    actor: actor("mentor", ID.pausedMentor),
    today: INSIDE_WINDOW,
    relation: "mentorInactive",
    allowed: ["organisation.view"],
  },
  {
    name: "mentor with a closed mentorship, inside the window",
    actor: actor("mentor", ID.closedMentor),
    today: INSIDE_WINDOW,
    relation: "mentorInactive",
    allowed: ["organisation.view"],
  },
  {
    name: "mentor without a mentorship of this young person",
    actor: actor("mentor", ID.unlinkedMentor),
    today: INSIDE_WINDOW,
    relation: "none",
    allowed: ["organisation.view"],
  },
  {
    name: "linked carer",
    actor: actor("carer", ID.carer),
    today: INSIDE_WINDOW,
    relation: "carer",
    allowed: [...CARER_LINKED, "organisation.view"],
  },
  {
    name: "carer whose link ended",
    actor: actor("carer", ID.formerCarer),
    today: INSIDE_WINDOW,
    relation: "formerCarer",
    allowed: ["organisation.view"],
  },
  {
    name: "carer without a link to this young person",
    actor: actor("carer", ID.unlinkedCarer),
    today: INSIDE_WINDOW,
    relation: "none",
    allowed: ["organisation.view"],
  },
  {
    // Admins run the organisation; they never see case content.
    name: "admin of the same organisation",
    actor: actor("admin", ID.admin),
    today: INSIDE_WINDOW,
    relation: "admin",
    allowed: [...ADMIN_ORGANISATION],
  },
];

/** The same people (same ids, so an id clash cannot help them) from another organisation: nothing. */
const OTHER_ORGANISATION: Scenario[] = [
  ["youth", ID.youth],
  ["specialist", ID.specialist],
  ["lead", ID.lead],
  ["mentor", ID.mentor],
  ["carer", ID.carer],
  ["admin", ID.admin],
].map(([role, id]) => ({
  name: `${role} from another organisation`,
  actor: actor(role as Role, id as string, OTHER_ORG),
  today: INSIDE_WINDOW,
  relation: "otherOrganisation",
  allowed: [],
}));

/** Disabled accounts: nothing at all, whatever their relation would otherwise be. */
const DISABLED: Scenario[] = [
  ["youth", ID.youth, "self"],
  ["specialist", ID.specialist, "assignedSpecialist"],
  ["lead", ID.lead, "lead"],
  ["mentor", ID.mentor, "mentorInWindow"],
  ["carer", ID.carer, "carer"],
  ["admin", ID.admin, "admin"],
].map(([role, id, relation]) => ({
  name: `disabled ${role} (otherwise ${relation})`,
  actor: actor(role as Role, id as string, ORG, true),
  today: INSIDE_WINDOW,
  relation: relation as CaseRelation,
  allowed: [],
}));

const NO_ACTOR: Scenario[] = [
  { name: "no actor (null)", actor: null, today: INSIDE_WINDOW, allowed: [] },
  { name: "no actor (undefined)", actor: undefined, today: INSIDE_WINDOW, allowed: [] },
];

const SCENARIOS: Scenario[] = [...SAME_ORGANISATION, ...OTHER_ORGANISATION, ...DISABLED, ...NO_ACTOR];

function subjectFor(action: Action, organisationId = ORG): CaseSubject | OrganisationSubject {
  return (ALL_ORGANISATION_ACTIONS as readonly string[]).includes(action) ? { ...organisation, organisationId } : caseSubject;
}

// ---------------------------------------------------------------------------------------------------

describe("the policy's vocabulary", () => {
  it("has exactly the actions this matrix covers", () => {
    expect([...CASE_ACTIONS]).toEqual([...ALL_CASE_ACTIONS]);
    expect([...ORGANISATION_ACTIONS]).toEqual([...ALL_ORGANISATION_ACTIONS]);
    expect([...ROLES]).toEqual([...ALL_ROLES]);
  });

  it("every relation the policy knows appears in the matrix", () => {
    const covered = new Set(SCENARIOS.map((s) => s.relation).filter(Boolean));
    expect([...CASE_RELATIONS].filter((r) => !covered.has(r))).toEqual([]);
  });

  it("every role appears inside and outside the organisation and disabled", () => {
    for (const group of [SAME_ORGANISATION, OTHER_ORGANISATION, DISABLED]) {
      expect(new Set(group.map((s) => s.actor?.role))).toEqual(new Set(ALL_ROLES));
    }
  });
});

describe.each(SCENARIOS)("$name", (scenario) => {
  it.each(ALL_ACTIONS.map((action) => [action, scenario.allowed.includes(action)] as const))("%s → %s", (action, expected) => {
    expect(can(scenario.actor, action, subjectFor(action), scenario.today)).toBe(expected);
  });

  if (scenario.relation && scenario.actor) {
    const { actor: who, relation, today } = scenario;
    it(`caseRelation is ${relation}`, () => {
      expect(caseRelation(who, caseSubject, today)).toBe(relation);
    });
  }
});

describe("organisation actions", () => {
  it.each(ALL_ROLES)("%s: only the listed actions in the own organisation, none in another", (role) => {
    const who = actor(role, `u-${role}`);
    for (const action of ALL_ORGANISATION_ACTIONS) {
      expect(can(who, action, organisation, INSIDE_WINDOW), `${role} ${action} own org`).toBe(ORG_ALLOWED[role].includes(action));
      expect(can(who, action, { kind: "organisation", organisationId: OTHER_ORG }, INSIDE_WINDOW)).toBe(false);
    }
  });

  it("organisation.viewAllCases is the lead's alone; accounts and statistics are the lead's and the admin's", () => {
    const allowedTo = (action: Action) => ALL_ROLES.filter((r) => can(actor(r, `u-${r}`), action, organisation, INSIDE_WINDOW));
    expect(allowedTo("organisation.view")).toEqual([...ALL_ROLES]);
    expect(allowedTo("organisation.viewAllCases")).toEqual(["lead"]);
    expect(allowedTo("organisation.manageUsers")).toEqual(["lead", "admin"]);
    expect(allowedTo("organisation.viewStatistics")).toEqual(["lead", "admin"]);
    expect(allowedTo("organisation.createRecord")).toEqual(["specialist", "lead"]);
    expect(allowedTo("organisation.manageSkills")).toEqual(["lead", "admin"]);
  });
});

describe("the role decides, not the id", () => {
  // An account whose id happens to sit in one of the record's slots gets only what its own role allows
  // in that slot. Rows: the actor's role; columns: which slot its id is in; cells: the relation.
  const SLOTS = { youth: ID.youth, specialist: ID.specialist, mentor: ID.mentor, carer: ID.carer } as const;
  const EXPECTED: Record<Role, Record<keyof typeof SLOTS, CaseRelation>> = {
    youth: { youth: "self", specialist: "none", mentor: "none", carer: "none" },
    specialist: {
      youth: "otherSpecialist",
      specialist: "assignedSpecialist",
      mentor: "otherSpecialist",
      carer: "otherSpecialist",
    },
    mentor: { youth: "none", specialist: "none", mentor: "mentorInWindow", carer: "none" },
    carer: { youth: "none", specialist: "none", mentor: "none", carer: "carer" },
    lead: { youth: "lead", specialist: "lead", mentor: "lead", carer: "lead" },
    admin: { youth: "admin", specialist: "admin", mentor: "admin", carer: "admin" },
  };

  for (const role of ALL_ROLES) {
    for (const [slot, id] of Object.entries(SLOTS) as Array<[keyof typeof SLOTS, string]>) {
      it(`a ${role} whose id is the record's ${slot} is '${EXPECTED[role][slot]}'`, () => {
        expect(caseRelation(actor(role, id), caseSubject, INSIDE_WINDOW)).toBe(EXPECTED[role][slot]);
      });
    }
  }

  it("a youth account in the specialist's slot cannot edit the record", () => {
    expect(can(actor("youth", ID.specialist), "case.editRecord", caseSubject, INSIDE_WINDOW)).toBe(false);
    expect(can(actor("youth", ID.specialist), "case.view", caseSubject, INSIDE_WINDOW)).toBe(false);
  });
});

describe("records with missing or several relations", () => {
  it("a record without a specialist or a youth account gives those roles nothing", () => {
    const bare: CaseSubject = { ...caseSubject, youthUserId: null, specialistId: null };
    expect(caseRelation(actor("specialist", ID.specialist), bare, INSIDE_WINDOW)).toBe("otherSpecialist");
    expect(caseRelation(actor("youth", ID.youth), bare, INSIDE_WINDOW)).toBe("none");
    for (const action of ALL_CASE_ACTIONS) {
      expect(can(actor("specialist", ID.specialist), action, bare, INSIDE_WINDOW)).toBe(false);
      expect(can(actor("youth", ID.youth), action, bare, INSIDE_WINDOW)).toBe(false);
    }
  });

  it("a mentor with a closed and a newer active mentorship of the same young person is active", () => {
    const subject: CaseSubject = {
      ...caseSubject,
      mentorships: [
        { mentorId: ID.mentor, status: "closed" },
        { mentorId: ID.mentor, status: "active" },
      ],
    };
    expect(caseRelation(actor("mentor", ID.mentor), subject, INSIDE_WINDOW)).toBe("mentorInWindow");
    expect(can(actor("mentor", ID.mentor), "plan.view", subject, INSIDE_WINDOW)).toBe(true);
  });

  it("a carer linked twice, once ended, is still a linked carer", () => {
    const subject: CaseSubject = {
      ...caseSubject,
      carerLinks: [
        { carerId: ID.carer, ended: true },
        { carerId: ID.carer, ended: false },
      ],
    };
    expect(caseRelation(actor("carer", ID.carer), subject, INSIDE_WINDOW)).toBe("carer");
  });

  it("moving the care end date moves the mentor's access", () => {
    const mentor = actor("mentor", ID.mentor);
    // With care ending on 1 September 2026, 31 August 2025 is outside; bring care end forward a day…
    expect(can(mentor, "plan.view", caseSubject, DAY_BEFORE_WINDOW)).toBe(false);
    expect(can(mentor, "plan.view", { ...caseSubject, careEndDate: "2026-08-31" }, DAY_BEFORE_WINDOW)).toBe(true);
    // …or push it back, and the last day of access moves too.
    expect(can(mentor, "plan.view", caseSubject, DAY_AFTER_WINDOW)).toBe(false);
    expect(can(mentor, "plan.view", { ...caseSubject, careEndDate: "2026-09-02" }, DAY_AFTER_WINDOW)).toBe(true);
  });

  it("a disabled flag set to false does not deny", () => {
    expect(can(actor("youth", ID.youth, ORG, false), "plan.view", caseSubject, INSIDE_WINDOW)).toBe(true);
  });
});

describe("deny by default", () => {
  const specialist = actor("specialist", ID.specialist);
  const lead = actor("lead", ID.lead);
  const admin = actor("admin", ID.admin);

  it("a case action against an organisation subject is refused", () => {
    for (const who of [specialist, lead, admin, actor("youth", ID.youth)]) {
      for (const action of ALL_CASE_ACTIONS) {
        expect(can(who, action, organisation, INSIDE_WINDOW), `${who.role} ${action}`).toBe(false);
      }
    }
  });

  it("an organisation action against a case subject is refused", () => {
    expect(can(lead, "organisation.viewAllCases", caseSubject, INSIDE_WINDOW)).toBe(false);
    expect(can(admin, "organisation.manageUsers", caseSubject, INSIDE_WINDOW)).toBe(false);
    expect(can(specialist, "organisation.view", caseSubject, INSIDE_WINDOW)).toBe(false);
  });

  it.each(["case.delete", "plan.delete", "", "CASE.VIEW", "case.view ", "*", "__proto__", "constructor", "toString", "hasOwnProperty"])(
    "an unknown action %j is refused on both kinds of subject",
    (action) => {
      for (const who of [specialist, lead, admin]) {
        expect(can(who, action as Action, caseSubject, INSIDE_WINDOW)).toBe(false);
        expect(can(who, action as Action, organisation, INSIDE_WINDOW)).toBe(false);
      }
    },
  );

  it("an unknown subject kind is refused", () => {
    const odd = { kind: "team", organisationId: ORG } as unknown as OrganisationSubject;
    expect(can(lead, "organisation.view", odd, INSIDE_WINDOW)).toBe(false);
    expect(can(lead, "case.view", odd, INSIDE_WINDOW)).toBe(false);
  });

  it.each(["superuser", "__proto__", "constructor", "", "ADMIN"])("an unknown role %j gets nothing", (role) => {
    const who = { id: ID.admin, role: role as Role, organisationId: ORG };
    for (const action of ALL_ACTIONS) {
      expect(can(who, action, subjectFor(action), INSIDE_WINDOW), action).toBe(false);
    }
  });

  it("an exception while deciding denies instead of throwing", () => {
    const throwingMentorships = {
      ...caseSubject,
      get mentorships(): CaseSubject["mentorships"] {
        throw new Error("relation not loaded");
      },
    } as CaseSubject;
    const throwingCarerLinks = {
      ...caseSubject,
      get carerLinks(): CaseSubject["carerLinks"] {
        throw new Error("relation not loaded");
      },
    } as CaseSubject;
    const mentor = actor("mentor", ID.mentor);
    const carer = actor("carer", ID.carer);
    expect(() => caseRelation(mentor, throwingMentorships, INSIDE_WINDOW)).toThrow("relation not loaded");
    for (const action of ALL_CASE_ACTIONS) {
      expect(can(mentor, action, throwingMentorships, INSIDE_WINDOW)).toBe(false);
      expect(can(carer, action, throwingCarerLinks, INSIDE_WINDOW)).toBe(false);
    }
  });

  it("a record with a broken care end date denies the mentor", () => {
    const broken = { ...caseSubject, careEndDate: "2026-02-30" };
    expect(() => caseRelation(actor("mentor", ID.mentor), broken, INSIDE_WINDOW)).toThrow(RangeError);
    expect(can(actor("mentor", ID.mentor), "plan.view", broken, INSIDE_WINDOW)).toBe(false);
  });

  it("an actor whose fields throw is denied", () => {
    const hostile = {
      id: ID.lead,
      organisationId: ORG,
      get role(): Role {
        throw new Error("boom");
      },
    } as Actor;
    expect(can(hostile, "case.view", caseSubject, INSIDE_WINDOW)).toBe(false);
    expect(can(hostile, "organisation.view", organisation, INSIDE_WINDOW)).toBe(false);
  });

  it("a null subject is refused, not thrown", () => {
    expect(can(lead, "case.view", null as unknown as CaseSubject, INSIDE_WINDOW)).toBe(false);
  });
});

describe("a mentor's access ends at the young person's 25th birthday, even inside care end + 24 months", () => {
  // Care ends 2026-09-01 (window to 2028-09-01); the young person turns 25 on 2028-06-15.
  const turning25 = { ...caseSubject, dateOfBirth: "2003-06-15" };
  const mentor = actor("mentor", ID.mentor);
  it("the day before the birthday: in the window", () => {
    expect(caseRelation(mentor, turning25, "2028-06-14")).toBe("mentorInWindow");
    expect(can(mentor, "plan.view", turning25, "2028-06-14")).toBe(true);
  });
  it("on the birthday: outside", () => {
    expect(caseRelation(mentor, turning25, "2028-06-15")).toBe("mentorOutsideWindow");
    expect(can(mentor, "plan.view", turning25, "2028-06-15")).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------
// Sections: what the young person shares with the mentor and the carer (app/domain/sharing.ts).

describe("sections the young person shares", () => {
  const mentor = actor("mentor", ID.mentor);
  const carer = actor("carer", ID.carer);
  const withSwitches = (switches: SharingSwitch[]): CaseSubject => ({ ...caseSubject, shared: sharedSections(switches) });

  it("defaults: the plan is shared with both; well-being and budget with nobody; the contact log is the mentor's own", () => {
    expect(visibleSections(mentor, caseSubject, INSIDE_WINDOW)).toEqual([...DOMAINS, "skills", "documents", "readiness", "contacts"]);
    expect(visibleSections(carer, caseSubject, INSIDE_WINDOW)).toEqual([...DOMAINS, "skills", "documents", "readiness"]);
    for (const who of [actor("youth", ID.youth), actor("specialist", ID.specialist), actor("lead", ID.lead)]) {
      expect(visibleSections(who, caseSubject, INSIDE_WINDOW)).toEqual([...SECTIONS]);
    }
    for (const who of [actor("admin", ID.admin), actor("mentor", ID.pausedMentor), actor("carer", ID.formerCarer), actor("specialist", ID.otherSpecialist)]) {
      expect(visibleSections(who, caseSubject, INSIDE_WINDOW)).toEqual([]);
    }
    expect(visibleSections(mentor, caseSubject, DAY_AFTER_WINDOW)).toEqual([]);
  });

  it("a switch for the mentor changes the mentor's sections only, and never the specialist's", () => {
    const subject = withSwitches([
      { audience: "mentor", section: "health", shared: false },
      { audience: "mentor", section: "wellbeing", shared: true },
    ]);
    expect(visibleSections(mentor, subject, INSIDE_WINDOW)).not.toContain("health");
    expect(visibleSections(mentor, subject, INSIDE_WINDOW)).toContain("wellbeing");
    expect(visibleSections(carer, subject, INSIDE_WINDOW)).toContain("health");
    expect(visibleSections(actor("specialist", ID.specialist), subject, INSIDE_WINDOW)).toContain("health");
  });

  it("the mentor's contact log cannot be switched off; the carer's mentoring view follows the contact-log switch", () => {
    const off = withSwitches([{ audience: "mentor", section: "contacts", shared: false }]);
    expect(visibleSections(mentor, off, INSIDE_WINDOW)).toContain("contacts");
    expect(can(mentor, "mentorship.logContact", off, INSIDE_WINDOW)).toBe(true);
    expect(can(carer, "mentorship.view", caseSubject, INSIDE_WINDOW)).toBe(false);
    const shared = withSwitches([{ audience: "carer", section: "contacts", shared: true }]);
    expect(can(carer, "mentorship.view", shared, INSIDE_WINDOW)).toBe(true);
    expect(can(carer, "mentorship.viewPrivateNotes", shared, INSIDE_WINDOW)).toBe(false);
    expect(can(carer, "mentorship.logContact", shared, INSIDE_WINDOW)).toBe(false);
  });

  it("the budget is seen by the mentor and the carer only when shared; the carer's duties stay theirs", () => {
    for (const who of [mentor, carer]) expect(can(who, "budget.view", caseSubject, INSIDE_WINDOW)).toBe(false);
    expect(can(carer, "budget.confirmDuties", caseSubject, INSIDE_WINDOW)).toBe(true);
    const shared = withSwitches([
      { audience: "mentor", section: "budget", shared: true },
      { audience: "carer", section: "budget", shared: true },
    ]);
    for (const who of [mentor, carer]) expect(can(who, "budget.view", shared, INSIDE_WINDOW)).toBe(true);
    for (const who of [mentor, carer]) expect(can(who, "budget.edit", shared, INSIDE_WINDOW)).toBe(false);
  });

  it("a viewer carries the relation, the allowed actions and the sections", () => {
    const subject = withSwitches([{ audience: "mentor", section: "health", shared: false }]);
    const viewer = viewerOf(mentor, subject, INSIDE_WINDOW);
    expect(viewer.relation).toBe("mentorInWindow");
    expect([...viewer.actions].sort()).toEqual([...MENTOR_IN_WINDOW].sort());
    expect(viewer.sections.has("health")).toBe(false);
    expect(viewer.sections.has("housing")).toBe(true);
    const stranger = viewerOf(actor("youth", ID.otherYouth), subject, INSIDE_WINDOW);
    expect(stranger.actions.size).toBe(0);
    expect(stranger.sections.size).toBe(0);
  });

  it("switches that do not exist are ignored, and only switchable ones are accepted", () => {
    expect(isSwitchable("mentor", "health")).toBe(true);
    expect(isSwitchable("mentor", "contacts")).toBe(false);
    expect(isSwitchable("carer", "contacts")).toBe(true);
    expect(isSwitchable("specialist", "health")).toBe(false);
    expect(isSwitchable("mentor", "diary")).toBe(false);
    const odd = sharedSections([{ audience: "mentor", section: "diary" as never, shared: true }]);
    expect(odd.mentor).toEqual(sharedSections([]).mentor);
  });
});
