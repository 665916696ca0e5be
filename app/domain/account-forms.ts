/**
 * Form schemas for logging in and changing a password. One schema validates on the server (always)
 * and in the browser (when JavaScript is on). Messages are translation keys (errors.*).
 */
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, passwordProblem } from "./password";

export const EMAIL_MAX_LENGTH = 254;

const required = { required_error: "errors.required", invalid_type_error: "errors.required" };

export const loginSchema = z.object({
  email: z.string(required).trim().max(EMAIL_MAX_LENGTH, "errors.emailTooLong").email("errors.emailInvalid"),
  // Long enough for any password we accept; longer input is refused before hashing.
  password: z.string(required).max(PASSWORD_MAX_LENGTH * 4, "errors.passwordTooLong"),
  redirectTo: z.string().max(2000).optional(),
});

const PROBLEM_MESSAGES = {
  tooShort: "errors.passwordTooShort",
  tooLong: "errors.passwordTooLong",
  common: "errors.passwordCommon",
  likeEmail: "errors.passwordLikeEmail",
} as const;

/** A new password under the password rules, and its repetition (also for invitations and reset links). */
export function newPasswordFields(email: string) {
  return {
    newPassword: z.string(required).superRefine((value, ctx) => {
      const problem = passwordProblem(value, { email });
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: PROBLEM_MESSAGES[problem] });
    }),
    confirmPassword: z.string(required),
  };
}

export function passwordsMatch(value: { newPassword: string; confirmPassword: string }, ctx: z.RefinementCtx): void {
  if (value.newPassword !== value.confirmPassword) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "errors.passwordMismatch" });
  }
}

export function changePasswordSchema(email: string) {
  return z
    .object({
      currentPassword: z.string(required).max(PASSWORD_MAX_LENGTH * 4, "errors.passwordTooLong"),
      ...newPasswordFields(email),
    })
    .superRefine(passwordsMatch);
}
