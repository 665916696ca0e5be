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
export const DOMAINS = [
  "housing",
  "education",
  "health",
  "finances",
  "employment",
  "legal",
  "psychosocial",
] as const;
export type Domain = (typeof DOMAINS)[number];

export const MENTORSHIP_STATUSES = ["active", "paused", "closed"] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];
