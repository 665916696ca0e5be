/**
 * The one authorisation policy of Tilts (docs/decisions/003-authorisation-policy.md).
 * Pure: the caller loads the relations, `can()` decides. Deny by default: anything not listed in
 * CASE_PERMISSIONS or ORGANISATION_PERMISSIONS is refused, and an exception while deciding means "no".
 */
import { isWithinWindow, mentoringWindow } from "./phase";
import type { IsoDate } from "./dates";
import { SECTIONS, sharedSections, type Section, type SharedSections } from "./sharing";
import type { MentorshipStatus, Role } from "./vocabulary";

export interface Actor {
  id: string;
  role: Role;
  organisationId: string;
  disabled?: boolean;
}

/** Everything the policy needs to know about one young person's record. */
export interface CaseSubject {
  kind: "case";
  organisationId: string;
  /** The young person's own account, if any. */
  youthUserId: string | null;
  specialistId: string | null;
  careEndDate: IsoDate;
  /** Closes the mentoring window at the 25th birthday when known. */
  dateOfBirth?: IsoDate | null;
  mentorships: ReadonlyArray<{ mentorId: string; status: MentorshipStatus }>;
  carerLinks: ReadonlyArray<{ carerId: string; ended: boolean }>;
  /** What the young person shares with their mentor and carer (the defaults when absent). */
  shared?: SharedSections;
}

export interface OrganisationSubject {
  kind: "organisation";
  organisationId: string;
}

export type Subject = CaseSubject | OrganisationSubject;

export const CASE_ACTIONS = [
  "case.view",
  "case.editRecord",
  "plan.view",
  "plan.edit",
  "plan.rate",
  "plan.comment",
  /** Tick and edit the steps owned by the actor's role (a mentor's own steps). */
  "plan.editOwnSteps",
  /** Propose a step (own or the young person's) from the contact form, on a goal of a domain they see (decision 026). */
  "plan.suggestStep",
  /** See the mentorship: mentor, window, contact log (without private notes), handover notes. */
  "mentorship.view",
  /** Link, pause, resume and close mentorships. */
  "mentorship.manage",
  "mentorship.logContact",
  /** Contact notes the mentor marked as only for the specialist. */
  "mentorship.viewPrivateNotes",
  /** The young person's own "what I want my next mentor to know". */
  "mentorship.writeYouthNote",
  /** "Who sees my plan": the people linked to the record and what each sees. */
  "sharing.view",
  /** The young person's own sharing switches. */
  "sharing.manage",
  /** "Who looked at my plan": the record's access log. */
  "audit.viewOwn",
  /** "Download everything about me". */
  "record.export",
  /** Erase or anonymise a closed record after the retention period (the period is checked by the model). */
  "record.erase",
  /**
   * The budget is its own section of the plan (docs/decisions/012-budget.md): see it; keep it (pots,
   * envelopes, transactions, savings goals, first-month scenarios); set the pocket money and duties;
   * confirm the period's duties and pay the pocket money.
   */
  "budget.view",
  "budget.edit",
  "budget.setPocketMoney",
  "budget.confirmDuties",
  /** The pocket money and its duties: the carer's part of the budget, which they see even when the rest is not shared. */
  "budget.viewPocketMoney",
  /** Invite the young person of the record to open their account (issue 13). */
  "case.inviteYoungPerson",
  /** Issue a one-time password reset link for the young person, in person. */
  "case.issuePasswordReset",
  /** Assign or change the specialist, assign a carer. */
  "case.assignPeople",
  /** "I need help" (docs/decisions/018-help-wellbeing-worklist.md): send one; see them (a mentor only the ones sent to them); acknowledge and resolve. */
  "help.create",
  "help.view",
  "help.acknowledge",
  "help.resolve",
  /** The monthly "how are you doing?": answer or skip it; see the trend (section "wellbeing"). */
  "wellbeing.check",
  "wellbeing.view",
  /**
   * Review meetings (docs/decisions/017-review-meetings.md): see a review and its pack (a mentor or carer
   * only the reviews they are invited to, filtered by what is shared); schedule, choose the focus and
   * record it; the young person's own "ask for a review", statement and "did you feel heard?".
   */
  "review.view",
  "review.manage",
  "review.request",
  "review.writeStatement",
  "review.answerHeard",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const ORGANISATION_ACTIONS = [
  "organisation.view",
  "organisation.viewAllCases",
  "organisation.manageUsers",
  /** Add the organisation's own items to the life-skills checklist. */
  "organisation.manageSkills",
  /** Organisation settings, e.g. the mentors' target contact rhythm. */
  "organisation.manageSettings",
  /** The support catalogue the first-month-alone simulator uses (allowances, benefits). */
  "organisation.manageSupport",
  /** Create a young person's record. */
  "organisation.createRecord",
  /** Invite staff and carers (which roles: app/domain/accounts.ts). */
  "organisation.inviteStaff",
  /** A one-time password reset link for a staff member or carer, issued in person. */
  "organisation.issueStaffReset",
  /** Anonymous statistics (cells under 5 suppressed). */
  "organisation.viewStatistics",
] as const;
export type OrganisationAction = (typeof ORGANISATION_ACTIONS)[number];

export type Action = CaseAction | OrganisationAction;

/** How an actor stands to a young person's record. */
export const CASE_RELATIONS = [
  "self",
  "assignedSpecialist",
  "otherSpecialist",
  "lead",
  "mentorInWindow",
  "mentorOutsideWindow",
  "mentorInactive",
  "carer",
  "formerCarer",
  "admin",
  "otherOrganisation",
  "none",
] as const;
export type CaseRelation = (typeof CASE_RELATIONS)[number];

const CASE_PERMISSIONS: Record<CaseRelation, readonly CaseAction[]> = {
  self: [
    "case.view",
    "plan.view",
    "plan.edit",
    "plan.rate",
    "plan.comment",
    "mentorship.view",
    "mentorship.writeYouthNote",
    "sharing.view",
    "sharing.manage",
    "audit.viewOwn",
    "record.export",
    "budget.view",
    "budget.edit",
    "budget.viewPocketMoney",
    "help.create",
    "help.view",
    "wellbeing.check",
    "wellbeing.view",
    "review.view",
    "review.request",
    "review.writeStatement",
    "review.answerHeard",
  ],
  assignedSpecialist: [
    "case.view",
    "case.editRecord",
    "plan.view",
    "plan.edit",
    "plan.rate",
    "plan.comment",
    "mentorship.view",
    "mentorship.manage",
    "mentorship.viewPrivateNotes",
    "sharing.view",
    "budget.view",
    "budget.edit",
    "budget.setPocketMoney",
    "budget.confirmDuties",
    "budget.viewPocketMoney",
    "case.inviteYoungPerson",
    "case.issuePasswordReset",
    "help.view",
    "help.acknowledge",
    "help.resolve",
    "wellbeing.view",
    "review.view",
    "review.manage",
  ],
  lead: [
    "case.view",
    "case.editRecord",
    "plan.view",
    "mentorship.view",
    "mentorship.manage",
    "mentorship.viewPrivateNotes",
    "sharing.view",
    "record.erase",
    "budget.view",
    "budget.viewPocketMoney",
    "case.inviteYoungPerson",
    "case.issuePasswordReset",
    "case.assignPeople",
    // The lead answers when the specialist has left (the request reached them).
    "help.view",
    "help.acknowledge",
    "help.resolve",
    "wellbeing.view",
    "review.view",
  ],
  mentorInWindow: [
    "case.view",
    "plan.view",
    "plan.rate",
    "plan.comment",
    "plan.editOwnSteps",
    "plan.suggestStep",
    "mentorship.view",
    "mentorship.logContact",
    "mentorship.viewPrivateNotes",
    "budget.view",
    "help.view",
    "wellbeing.view",
    "review.view",
  ],
  // mentorship.view only when the young person shares the contact log with the carer (SECTION_OF_ACTION).
  carer: [
    "case.view",
    "plan.view",
    "plan.comment",
    "mentorship.view",
    "budget.view",
    "budget.setPocketMoney",
    "budget.confirmDuties",
    "budget.viewPocketMoney",
    "wellbeing.view",
    "review.view",
  ],
  otherSpecialist: [],
  mentorOutsideWindow: [],
  mentorInactive: [],
  formerCarer: [],
  // Admins run the organisation; they never see case content (SPEC.md).
  admin: [],
  otherOrganisation: [],
  none: [],
};

const ORGANISATION_PERMISSIONS: Record<Role, readonly OrganisationAction[]> = {
  youth: ["organisation.view"],
  mentor: ["organisation.view"],
  specialist: ["organisation.view", "organisation.createRecord"],
  carer: ["organisation.view"],
  // The lead manages the organisation's people below the lead (app/domain/accounts.ts says whom).
  lead: [
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
  ],
  admin: [
    "organisation.view",
    "organisation.manageUsers",
    "organisation.manageSkills",
    "organisation.manageSettings",
    "organisation.manageSupport",
    "organisation.inviteStaff",
    "organisation.issueStaffReset",
    "organisation.viewStatistics",
  ],
};

export function caseRelation(actor: Actor, subject: CaseSubject, today: IsoDate): CaseRelation {
  if (actor.organisationId !== subject.organisationId) return "otherOrganisation";
  switch (actor.role) {
    case "youth":
      return subject.youthUserId === actor.id ? "self" : "none";
    case "specialist":
      return subject.specialistId === actor.id ? "assignedSpecialist" : "otherSpecialist";
    case "lead":
      return "lead";
    case "admin":
      return "admin";
    case "mentor": {
      const own = subject.mentorships.filter((m) => m.mentorId === actor.id);
      if (own.length === 0) return "none";
      if (!own.some((m) => m.status === "active")) return "mentorInactive";
      return isWithinWindow(mentoringWindow(subject.careEndDate, subject.dateOfBirth), today) ? "mentorInWindow" : "mentorOutsideWindow";
    }
    case "carer": {
      const own = subject.carerLinks.filter((l) => l.carerId === actor.id);
      if (own.length === 0) return "none";
      return own.some((l) => !l.ended) ? "carer" : "formerCarer";
    }
    default:
      return "none";
  }
}

/** Actions that need a section of the record besides the relation: the mentoring page is the contact log. */
const SECTION_OF_ACTION: Partial<Record<CaseAction, Section>> = {
  "mentorship.view": "contacts",
  "mentorship.logContact": "contacts",
  // The budget is the young person's to share. Setting pocket money and confirming duties is the carer's
  // part in it, so it stays with the carer even when the budget itself is not shared.
  "budget.view": "budget",
  "budget.edit": "budget",
  // Well-being is not shared with the mentor or carer unless the young person switches it on.
  "wellbeing.view": "wellbeing",
};

/** The sections of the record this actor sees: everything, their audience's share, or nothing. */
export function visibleSections(actor: Actor | null | undefined, subject: CaseSubject, today: IsoDate): Section[] {
  if (!actor || actor.disabled) return [];
  try {
    if (!can(actor, "case.view", subject, today)) return [];
    const relation = caseRelation(actor, subject, today);
    const shared = subject.shared ?? sharedSections([]);
    if (relation === "mentorInWindow") return [...shared.mentor];
    if (relation === "carer") return [...shared.carer];
    return [...SECTIONS];
  } catch {
    return [];
  }
}

/**
 * One viewer of one record, as the policy sees them today: the relation, every action allowed and the
 * sections visible. Models take this instead of booleans, and filter what they read by its sections.
 */
export interface Viewer {
  actor: Actor;
  relation: CaseRelation;
  actions: ReadonlySet<CaseAction>;
  sections: ReadonlySet<Section>;
}

export function viewerOf(actor: Actor, subject: CaseSubject, today: IsoDate): Viewer {
  let relation: CaseRelation = "none";
  try {
    relation = caseRelation(actor, subject, today);
  } catch {
    relation = "none";
  }
  return {
    actor,
    relation,
    actions: new Set(CASE_ACTIONS.filter((a) => can(actor, a, subject, today))),
    sections: new Set(visibleSections(actor, subject, today)),
  };
}

function decide(actor: Actor, action: Action, subject: Subject, today: IsoDate): boolean {
  if (actor.disabled) return false;
  if (subject.kind === "case") {
    if (!(CASE_ACTIONS as readonly string[]).includes(action)) return false;
    const relation = caseRelation(actor, subject, today);
    if (!CASE_PERMISSIONS[relation].includes(action as CaseAction)) return false;
    const section = SECTION_OF_ACTION[action as CaseAction];
    if (!section || (relation !== "mentorInWindow" && relation !== "carer")) return true;
    const shared = subject.shared ?? sharedSections([]);
    return (relation === "carer" ? shared.carer : shared.mentor).includes(section);
  }
  // Only a subject that says it is an organisation gets organisation permissions (deny by default).
  if (subject.kind !== "organisation") return false;
  if (!(ORGANISATION_ACTIONS as readonly string[]).includes(action)) return false;
  if (actor.organisationId !== subject.organisationId) return false;
  return (ORGANISATION_PERMISSIONS[actor.role] ?? []).includes(action as OrganisationAction);
}

/** May `actor` do `action` on `subject` today? Deny by default; an error while deciding denies. */
export function can(actor: Actor | null | undefined, action: Action, subject: Subject, today: IsoDate): boolean {
  if (!actor) return false;
  try {
    return decide(actor, action, subject, today);
  } catch {
    return false;
  }
}
