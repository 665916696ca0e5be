/**
 * Form schemas for running an organisation (issue 13): invitations, accounts, records, the password
 * set on an invitation or reset, and the statistics filter. Messages are translation keys.
 */
import { z } from "zod";
import { EMAIL_MAX_LENGTH, newPasswordFields, passwordsMatch } from "./account-forms";
import { requiredDate } from "./form-fields";
import { TITLE_MAX } from "./limits";
import { CARE_FORMS, EDUCATION_STATUSES, EMPLOYMENT_STATUSES, ROLES, SPECIAL_NEEDS_ANSWERS } from "./vocabulary";

const required = { required_error: "errors.required", invalid_type_error: "errors.required" };
const id = z
  .string({ errorMap: () => ({ message: "errors.invalid" }) })
  .min(1)
  .max(64);
const email = z.string(required).trim().min(1, "errors.required").max(EMAIL_MAX_LENGTH, "errors.emailTooLong").email("errors.emailInvalid");
const name = z.string(required).trim().min(1, "errors.required").max(TITLE_MAX, "errors.textTooLong");
const date = requiredDate;
/** An optional choice: an empty value means "not recorded". */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { errorMap: () => ({ message: "errors.invalid" }) }).optional());

export const inviteStaffSchema = z.object({
  intent: z.literal("invite"),
  email,
  displayName: name,
  role: z.enum(ROLES, { errorMap: () => ({ message: "org.errors.roleUnknown" }) }),
});

export const inviteYoungPersonSchema = z.object({ intent: z.literal("invite"), email });

export const accountActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("disable"), userId: id }),
  z.object({ intent: z.literal("enable"), userId: id }),
  z.object({ intent: z.literal("reset"), userId: id }),
  z.object({ intent: z.literal("revoke"), invitationId: id }),
  z.object({
    intent: z.literal("role"),
    userId: id,
    role: z.enum(ROLES, { errorMap: () => ({ message: "org.errors.roleUnknown" }) }),
  }),
]);

export const recordSchema = z.object({
  displayName: name,
  dateOfBirth: date,
  careForm: z.enum(CARE_FORMS, { errorMap: () => ({ message: "errors.required" }) }),
  municipality: name,
  plannedCareEndDate: date,
  educationStatus: optionalChoice(EDUCATION_STATUSES),
  employmentStatus: optionalChoice(EMPLOYMENT_STATUSES),
  specialNeeds: optionalChoice(SPECIAL_NEEDS_ANSWERS),
});

export const assignSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("specialist"), specialistId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()) }),
  z.object({ intent: z.literal("carer"), carerId: id }),
  z.object({ intent: z.literal("endCarer"), carerId: id }),
]);

/** Setting a password on an invitation or a reset link: the same rules as changing it. */
export function setPasswordSchema(forEmail: string) {
  return z.object(newPasswordFields(forEmail)).superRefine(passwordsMatch);
}

export const forgotPasswordSchema = z.object({ email });

export const statisticsFilterSchema = z.object({
  careForm: optionalChoice(CARE_FORMS),
  municipality: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(TITLE_MAX).optional()),
});

/** Care can end at the earliest on the day of birth… in practice from 15; the record says it plainly. */
export function recordProblems(input: { dateOfBirth: string; plannedCareEndDate: string }, today: string) {
  const problems: Array<{ field: string; error: string }> = [];
  if (input.dateOfBirth > today) problems.push({ field: "dateOfBirth", error: "org.errors.bornInFuture" });
  if (input.plannedCareEndDate <= input.dateOfBirth) problems.push({ field: "plannedCareEndDate", error: "org.errors.careEndBeforeBirth" });
  return problems;
}
