/**
 * Form schemas for mentoring: linking, pausing and closing a mentorship, the contact log, the young
 * person's note for the next mentor, the care end date and the organisation's contact rhythm.
 * Messages are translation keys; the rules that need today or the window are in ./mentoring.ts.
 */
import { z } from "zod";
import { requiredDate } from "./form-fields";
import { TEXT_MAX } from "./limits";
import { CONTACT_DURATION_MAX_MINUTES, CONTACT_RHYTHM_MAX_DAYS, CONTACT_RHYTHM_MIN_DAYS } from "./mentoring";
import { CONTACT_CHANNELS, DOMAINS, MENTORSHIP_CLOSE_REASONS } from "./vocabulary";

const invalid = { errorMap: () => ({ message: "errors.invalid" }) };
const id = z.string(invalid).min(1, "errors.invalid").max(64, "errors.invalid");
const date = requiredDate;
const note = z.string().trim().max(TEXT_MAX, "errors.textTooLong");
const requiredNote = z
  .string({ required_error: "errors.required", invalid_type_error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .max(TEXT_MAX, "errors.textTooLong");
/** Whole numbers written plainly: "45", not "-5", "4.5" or "1e3". */
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string({ required_error: message, invalid_type_error: message })
    .trim()
    .regex(/^\d{1,5}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
const clientToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "errors.invalid")
  .optional();

export const linkMentorSchema = z.object({
  mentorId: z.string({ required_error: "mentoring.errors.chooseMentor" }).min(1, "mentoring.errors.chooseMentor").max(64, "mentoring.errors.mentorUnknown"),
});

export const mentorshipStatusSchema = z.object({
  mentorshipId: id,
  to: z.enum(["paused", "active"], invalid),
});

export const closeMentorshipSchema = z.object({
  mentorshipId: id,
  reason: z.enum(MENTORSHIP_CLOSE_REASONS, { errorMap: () => ({ message: "mentoring.errors.chooseReason" }) }),
  handoverNote: requiredNote,
});

export const contactSchema = z
  .object({
    contactOn: date,
    made: z.enum(["yes", "no"], { errorMap: () => ({ message: "mentoring.errors.chooseMade" }) }),
    channel: z.enum(CONTACT_CHANNELS, { errorMap: () => ({ message: "mentoring.errors.chooseChannel" }) }),
    durationMinutes: wholeNumber(1, CONTACT_DURATION_MAX_MINUTES, "mentoring.errors.durationRange").optional(),
    topics: z.array(z.enum(DOMAINS, invalid)).max(DOMAINS.length, "errors.invalid").default([]),
    note: note.optional(),
    notePrivate: z.literal("on", invalid).optional(),
    nextMeetingOn: date.optional(),
    nextMeetingTime: z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "mentoring.errors.timeInvalid")
      .optional(),
    clientToken,
  })
  .refine((v) => !v.nextMeetingTime || v.nextMeetingOn, { path: ["nextMeetingOn"], message: "mentoring.errors.meetingDateForTime" });

export const youthNoteSchema = z.object({
  mentorshipId: id,
  youthNote: requiredNote,
});

export const careEndSchema = z.object({
  plannedCareEndDate: date,
  actualCareEndDate: date.optional(),
});

export const contactRhythmSchema = z.object({
  rhythmDays: wholeNumber(CONTACT_RHYTHM_MIN_DAYS, CONTACT_RHYTHM_MAX_DAYS, "mentoring.errors.rhythmRange"),
});
