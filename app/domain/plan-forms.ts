/**
 * Form schemas for the plan. One schema validates on the server (always) and in the browser (when
 * JavaScript is on). Messages are translation keys (errors.*); limits keep a 1 MB paste out of the plan.
 */
import { z } from "zod";
import { optionalDate } from "./form-fields";
import { READINESS_MAX, READINESS_MIN } from "./readiness";
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, DOMAINS, OWNERS, SKILL_STATES } from "./vocabulary";

import { EARLIEST_DATE, LATEST_DATE, TEXT_MAX, TITLE_MAX } from "./limits";

export { EARLIEST_DATE, LATEST_DATE, TEXT_MAX, TITLE_MAX };

const required = { required_error: "errors.required", invalid_type_error: "errors.required" };

const title = z.string(required).trim().min(1, "errors.required").max(TITLE_MAX, "errors.titleTooLong");
const longText = z.string().trim().max(TEXT_MAX, "errors.textTooLong");
/** A one-time token rendered into each form, so a double tap does not create the same thing twice. */
const clientToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "errors.invalid")
  .optional();

export const goalSchema = z.object({
  domain: z.enum(DOMAINS, { errorMap: () => ({ message: "errors.invalid" }) }),
  title,
  why: longText.optional(),
  owner: z.enum(OWNERS, { errorMap: () => ({ message: "errors.invalid" }) }).default("youth"),
  dueDate: optionalDate,
  clientToken,
});

export const stepSchema = z.object({
  title,
  owner: z.enum(OWNERS, { errorMap: () => ({ message: "errors.invalid" }) }).default("youth"),
  dueDate: optionalDate,
  clientToken,
});

export const commentSchema = z.object({
  body: z.string(required).trim().min(1, "errors.required").max(TEXT_MAX, "errors.textTooLong"),
  clientToken,
});

export const ratingSchema = z.object({
  domain: z.enum(DOMAINS, { errorMap: () => ({ message: "errors.invalid" }) }),
  // Whole numbers written plainly ("7"), not "7.0" or "1e1".
  value: z
    .string({ required_error: "errors.ratingRange", invalid_type_error: "errors.ratingRange" })
    .regex(/^\d{1,2}$/, "errors.ratingRange")
    .transform(Number)
    .pipe(z.number().min(READINESS_MIN, "errors.ratingRange").max(READINESS_MAX, "errors.ratingRange")),
});

export const planBSchema = z.object({
  domain: z.enum(DOMAINS, { errorMap: () => ({ message: "errors.invalid" }) }),
  planB: longText.optional(),
});

export const skillStateSchema = z.object({
  skillKey: z.string().min(1).max(100),
  state: z.enum(SKILL_STATES, { errorMap: () => ({ message: "errors.invalid" }) }),
});

export const documentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS, { errorMap: () => ({ message: "errors.invalid" }) }),
  label: z.string().trim().max(TITLE_MAX, "errors.titleTooLong").optional(),
  status: z.enum(DOCUMENT_STATUSES, { errorMap: () => ({ message: "errors.invalid" }) }),
  expiresOn: optionalDate,
});

export const organisationSkillSchema = z.object({
  domain: z.enum(DOMAINS, { errorMap: () => ({ message: "errors.invalid" }) }),
  title,
});
