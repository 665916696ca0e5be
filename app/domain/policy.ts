/**
 * The one authorisation policy of Tilts (docs/decisions/003-authorisation-policy.md).
 * Pure: the caller loads the relations, `can()` decides. Deny by default: anything not listed in
 * CASE_PERMISSIONS or ORGANISATION_PERMISSIONS is refused, and an exception while deciding means "no".
 */
import { isWithinWindow, mentoringWindow } from "./phase";
import type { IsoDate } from "./dates";
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
  /** See the mentorship: mentor, window, contact log (without private notes), handover notes. */
  "mentorship.view",
  /** Link, pause, resume and close mentorships. */
  "mentorship.manage",
  "mentorship.logContact",
  /** Contact notes the mentor marked as only for the specialist. */
  "mentorship.viewPrivateNotes",
  /** The young person's own "what I want my next mentor to know". */
  "mentorship.writeYouthNote",
  /** Invite the young person of the record to open their account (issue 13). */
  "case.inviteYoungPerson",
  /** Issue a one-time password reset link for the young person, in person. */
  "case.issuePasswordReset",
  /** Assign or change the specialist, assign a carer. */
  "case.assignPeople",
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
  self: ["case.view", "plan.view", "plan.edit", "plan.rate", "plan.comment", "mentorship.view", "mentorship.writeYouthNote"],
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
    "case.inviteYoungPerson",
    "case.issuePasswordReset",
  ],
  lead: [
    "case.view",
    "case.editRecord",
    "plan.view",
    "mentorship.view",
    "mentorship.manage",
    "mentorship.viewPrivateNotes",
    "case.inviteYoungPerson",
    "case.issuePasswordReset",
    "case.assignPeople",
  ],
  mentorInWindow: [
    "case.view",
    "plan.view",
    "plan.rate",
    "plan.comment",
    "plan.editOwnSteps",
    "mentorship.view",
    "mentorship.logContact",
    "mentorship.viewPrivateNotes",
  ],
  carer: ["case.view", "plan.view", "plan.comment"],
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

function decide(actor: Actor, action: Action, subject: Subject, today: IsoDate): boolean {
  if (actor.disabled) return false;
  if (subject.kind === "case") {
    if (!(CASE_ACTIONS as readonly string[]).includes(action)) return false;
    return CASE_PERMISSIONS[caseRelation(actor, subject, today)].includes(action as CaseAction);
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
