/**
 * Form schemas of "I need help" and the monthly well-being check (issue 11). Reached by routes only
 * through app/utils/forms.server.ts, so zod never ships to the browser. Messages are translation keys.
 */
import { z } from "zod";
import { HELP_MESSAGE_MAX, HELP_NOTE_MAX } from "./help";
import { WELLBEING_WORDS_MAX } from "./wellbeing";

const clientToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "errors.invalid")
  .optional();

/**
 * Control characters are removed from every posted field before this runs (app/domain/text.ts), so a
 * message of only whitespace or control characters arrives empty and is refused as "required".
 */
export const helpRequestSchema = z.object({
  message: z
    .string({ required_error: "help.errors.messageRequired", invalid_type_error: "help.errors.messageRequired" })
    .trim()
    .min(1, "help.errors.messageRequired")
    .max(HELP_MESSAGE_MAX, "help.errors.messageTooLong"),
  toMentor: z.literal("on", { errorMap: () => ({ message: "errors.invalid" }) }).optional(),
  clientToken,
});

export const acknowledgeHelpSchema = z.object({ requestId: z.string().min(1).max(64) });

export const resolveHelpSchema = z.object({
  requestId: z.string().min(1).max(64),
  note: z
    .string({ required_error: "help.errors.noteRequired", invalid_type_error: "help.errors.noteRequired" })
    .trim()
    .min(1, "help.errors.noteRequired")
    .max(HELP_NOTE_MAX, "help.errors.noteTooLong"),
});

export const wellbeingSchema = z.object({
  score: z.enum(["1", "2", "3", "4", "5"], { errorMap: () => ({ message: "wellbeing.errors.chooseFace" }) }).transform(Number),
  words: z.string().trim().max(WELLBEING_WORDS_MAX, "errors.textTooLong").optional(),
  returnTo: z.string().max(200).optional(),
});

export const skipWellbeingSchema = z.object({ returnTo: z.string().max(200).optional() });
