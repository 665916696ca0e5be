/** The product's fixed vocabularies, shared by the schema, the policy and the screens. */

export const ROLES = ["youth", "mentor", "specialist", "carer", "lead", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles get shorter sessions than young people and carers (docs/decisions/002-session-lifetimes.md). */
export const STAFF_ROLES: readonly Role[] = ["mentor", "specialist", "lead", "admin"];

export const LOCALES = ["lv", "en", "ru"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "lv";
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export const CARE_FORMS = ["foster_family", "guardianship", "sos_family", "residential"] as const;
export type CareForm = (typeof CARE_FORMS)[number];

/** The seven domains, in the order of the seeds' list of services a care leaver must get. */
export const DOMAINS = ["housing", "education", "health", "finances", "employment", "legal", "psychosocial"] as const;
export type Domain = (typeof DOMAINS)[number];

export const MENTORSHIP_STATUSES = ["active", "paused", "closed"] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];

/** Why a mentorship ended: asked when a specialist or lead closes it. */
export const MENTORSHIP_CLOSE_REASONS = ["window_ended", "youth_request", "mentor_left", "not_a_good_match", "other"] as const;
export type MentorshipCloseReason = (typeof MENTORSHIP_CLOSE_REASONS)[number];

/** How a mentor and a young person were in touch (SPEC.md, "Mentoring"). */
export const CONTACT_CHANNELS = ["in_person", "phone", "video", "message"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Who owns a goal or a step. */
export const OWNERS = ["youth", "mentor", "specialist", "carer"] as const;
export type Owner = (typeof OWNERS)[number];

export const GOAL_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const SKILL_STATES = ["not_yet", "learning", "can_do", "not_relevant"] as const;
export type SkillState = (typeof SKILL_STATES)[number];

export const DOCUMENT_KINDS = [
  "id_card",
  "passport",
  "residence_declaration",
  "bank_account",
  "health_insurance_card",
  "social_guarantees_application",
  "education_certificate",
  "other",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ["missing", "applied", "have", "not_needed"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Whose readiness rating: the young person's own view, or an adult's (mentor or specialist). */
export const RATER_KINDS = ["youth", "adult"] as const;
export type RaterKind = (typeof RATER_KINDS)[number];

/** What a young person's record may say for the statistics (issue 13); each is optional ("not recorded"). */
export const EDUCATION_STATUSES = ["basic_school", "secondary_school", "vocational", "higher", "not_in_education"] as const;
export type EducationStatus = (typeof EDUCATION_STATUSES)[number];

export const EMPLOYMENT_STATUSES = ["full_time", "part_time", "looking_for_work", "not_looking"] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const SPECIAL_NEEDS_ANSWERS = ["yes", "no"] as const;
export type SpecialNeedsAnswer = (typeof SPECIAL_NEEDS_ANSWERS)[number];
