/**
 * Form schemas of the review meetings (docs/decisions/017-review-meetings.md). Messages are translation
 * keys; the rules that need the plan's people or the clock are in app/models/reviews.server.ts.
 */
import { z } from "zod";
import { isIsoDate } from "./dates";
import { optionalDate } from "./form-fields";
import { EARLIEST_DATE, LATEST_DATE, TITLE_MAX } from "./limits";
import { CHANGE_GOAL_ROWS, FELT_HEARD_ANSWERS, FELT_HEARD_COMMENT_MAX, NEW_GOAL_ROWS, REVIEW_MONTHS_MAX, REVIEW_MONTHS_MIN, STATEMENT_MAX } from "./reviews";
export { CHANGE_GOAL_ROWS, NEW_GOAL_ROWS };
import { DOMAINS, GOAL_STATUSES, OWNERS } from "./vocabulary";

const required = { required_error: "errors.required", invalid_type_error: "errors.required" };
const date = z
  .string(required)
  .trim()
  .min(1, "errors.required")
  .refine((v) => isIsoDate(v), "errors.dateInvalid")
  .refine((v) => v >= EARLIEST_DATE && v <= LATEST_DATE, "errors.dateOutOfRange");
const time = z
  .string(required)
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "reviews.errors.time");
const statementText = z.string().trim().max(STATEMENT_MAX, "reviews.errors.statementTooLong").optional();
const domainList = z
  .array(z.enum(DOMAINS, { errorMap: () => ({ message: "errors.invalid" }) }))
  .max(DOMAINS.length, "errors.invalid")
  .default([]);
const clientToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "errors.invalid")
  .optional();

export const scheduleReviewSchema = z.object({
  date,
  time,
  place: z.string().trim().max(TITLE_MAX, "errors.titleTooLong").optional(),
  videoLink: z
    .string()
    .trim()
    .max(500, "reviews.errors.link")
    .refine((v) => /^https:\/\/[^\s<>"]+$/i.test(v), "reviews.errors.link")
    .optional(),
  participants: z.array(z.string().min(1).max(64)).max(20, "errors.invalid").default([]),
  /** Others by name, one per line ("grandmother"). */
  others: z.string().trim().max(1000, "reviews.errors.othersTooLong").optional(),
  clientToken,
});

export const statementSchema = z.object({
  wentWell: statementText,
  worries: statementText,
  talkAbout: statementText,
  notWanted: z.string().trim().max(500, "reviews.errors.notWantedTooLong").optional(),
  /** People on the plan the young person does not want there (their user ids). */
  notWantedIds: z.array(z.string().min(1).max(64)).max(20, "errors.invalid").default([]),
  domains: domainList,
});

/** Moving a scheduled review: a new date, time, place or link (the people stay invited). */
export const rescheduleReviewSchema = z.object({
  date,
  time,
  place: scheduleReviewSchema.shape.place,
  videoLink: scheduleReviewSchema.shape.videoLink,
});

export const focusSchema = z.object({
  focus: domainList.pipe(z.array(z.string()).min(1, "reviews.errors.focusCount").max(3, "reviews.errors.focusCount")),
});

export const feltHeardSchema = z.object({
  answer: z.enum(FELT_HEARD_ANSWERS, { errorMap: () => ({ message: "reviews.errors.chooseAnswer" }) }),
  comment: z.string().trim().max(FELT_HEARD_COMMENT_MAX, "reviews.errors.commentTooLong").optional(),
});

const decisionText = z.string().trim().max(STATEMENT_MAX, "errors.textTooLong").optional();
const goalTitle = z.string().trim().max(TITLE_MAX, "errors.titleTooLong").optional();

/** The recording form: one decision per focus domain, who attended, new goals (rows left empty are skipped). */
export const recordReviewSchema = z.object({
  version: z
    .string()
    .regex(/^\d{1,9}$/, "errors.invalid")
    .transform(Number),
  attended: z.array(z.string().min(1).max(64)).max(30, "errors.invalid").default([]),
  nextReviewOn: optionalDate,
  ...(Object.fromEntries(DOMAINS.map((d) => [`decision_${d}`, decisionText])) as Record<`decision_${(typeof DOMAINS)[number]}`, typeof decisionText>),
  ...Object.fromEntries(
    [0, 1, 2].flatMap((i) => [
      [`goal${i}_title`, goalTitle],
      [`goal${i}_domain`, z.enum(DOMAINS, { errorMap: () => ({ message: "errors.invalid" }) }).optional()],
      [`goal${i}_owner`, z.enum(OWNERS, { errorMap: () => ({ message: "errors.invalid" }) }).optional()],
      [`goal${i}_dueDate`, optionalDate],
    ]),
  ),
  // Existing goals changed in the meeting: a field left empty stays as it is.
  ...Object.fromEntries(
    [0, 1, 2].flatMap((i) => [
      [`change${i}_goal`, z.string().trim().max(64, "errors.invalid").optional()],
      [`change${i}_status`, z.enum(GOAL_STATUSES, { errorMap: () => ({ message: "errors.invalid" }) }).optional()],
      [`change${i}_title`, goalTitle],
      [`change${i}_owner`, z.enum(OWNERS, { errorMap: () => ({ message: "errors.invalid" }) }).optional()],
      [`change${i}_dueDate`, optionalDate],
    ]),
  ),
});

export const cadenceSchema = z.object({
  preparationMonths: z
    .string(required)
    .trim()
    .regex(/^\d{1,2}$/, "reviews.errors.months")
    .transform(Number)
    .pipe(z.number().min(REVIEW_MONTHS_MIN, "reviews.errors.months").max(REVIEW_MONTHS_MAX, "reviews.errors.months")),
  transitionMonths: z
    .string(required)
    .trim()
    .regex(/^\d{1,2}$/, "reviews.errors.months")
    .transform(Number)
    .pipe(z.number().min(REVIEW_MONTHS_MIN, "reviews.errors.months").max(REVIEW_MONTHS_MAX, "reviews.errors.months")),
});
