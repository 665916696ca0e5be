/**
 * Every form's schema, reached by routes only through this server module, so zod never ships to the
 * browser (docs/decisions/005-javascript-budget.md). Validation runs on the server for every submission,
 * with JavaScript on or off; conform renders the errors next to the fields.
 */
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { changePasswordSchema, loginSchema } from "~/domain/account-forms";
import { calendarTitlesSchema, markReadSchema } from "~/domain/calendar-forms";
import {
  commentSchema,
  documentSchema,
  goalSchema,
  organisationSkillSchema,
  planBSchema,
  ratingSchema,
  skillStateSchema,
  stepSchema,
} from "~/domain/plan-forms";
import {
  careEndSchema,
  closeMentorshipSchema,
  contactRhythmSchema,
  contactSchema,
  linkMentorSchema,
  mentorshipStatusSchema,
  youthNoteSchema,
} from "~/domain/mentoring-forms";
import {
  accountActionSchema,
  assignSchema,
  forgotPasswordSchema,
  inviteStaffSchema,
  inviteYoungPersonSchema,
  recordSchema,
  setPasswordSchema,
  statisticsFilterSchema,
} from "~/domain/organisation-forms";
import { GOAL_STATUSES } from "~/domain/vocabulary";
import * as budgetForms from "~/domain/budget-forms";
import { nextStepSchema } from "~/domain/next-step-form";
import * as helpForms from "~/domain/help-forms";
import * as reviewForms from "~/domain/review-forms";

const id = z.string().min(1).max(64);

export const forms = {
  login: loginSchema,
  changePassword: changePasswordSchema,
  goal: goalSchema,
  editGoal: goalSchema.omit({ domain: true, clientToken: true }),
  goalStatus: z.object({ status: z.enum(GOAL_STATUSES) }),
  moveGoal: z.object({ goalId: id, direction: z.enum(["up", "down"]) }),
  step: stepSchema,
  editStep: stepSchema.omit({ clientToken: true }),
  tickStep: z.object({ stepId: id, done: z.enum(["0", "1"]), returnTo: z.string().max(2000).optional() }),
  comment: commentSchema,
  rating: ratingSchema,
  planB: planBSchema,
  document: documentSchema
    .extend({ id: id.optional(), formId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/) })
    // An "other document" without a name says nothing: refused next to the field.
    .superRefine((value, ctx) => {
      if (value.kind === "other" && !value.label) ctx.addIssue({ code: "custom", path: ["label"], message: "documents.labelRequired" });
    }),
  skillState: skillStateSchema,
  organisationSkill: organisationSkillSchema,
  linkMentor: linkMentorSchema,
  mentorshipStatus: mentorshipStatusSchema,
  closeMentorship: closeMentorshipSchema,
  contact: contactSchema,
  contactNextStep: nextStepSchema,
  scheduleReview: reviewForms.scheduleReviewSchema,
  reviewStatement: reviewForms.statementSchema,
  reviewFocus: reviewForms.focusSchema,
  feltHeard: reviewForms.feltHeardSchema,
  recordReview: reviewForms.recordReviewSchema,
  rescheduleReview: reviewForms.rescheduleReviewSchema,
  reviewCadence: reviewForms.cadenceSchema,
  youthNote: youthNoteSchema,
  careEnd: careEndSchema,
  contactRhythm: contactRhythmSchema,
  calendarTitles: calendarTitlesSchema,
  markRead: markReadSchema,
  help: {
    request: helpForms.helpRequestSchema,
    acknowledge: helpForms.acknowledgeHelpSchema,
    resolve: helpForms.resolveHelpSchema,
    wellbeing: helpForms.wellbeingSchema,
    skipWellbeing: helpForms.skipWellbeingSchema,
  },
  budget: {
    quickAdd: budgetForms.quickAddSchema,
    editTransaction: budgetForms.editTransactionSchema,
    pocketMoney: budgetForms.pocketMoneySchema,
    duty: budgetForms.dutySchema,
    checkDuty: budgetForms.checkDutySchema,
    undoCheck: budgetForms.undoCheckSchema,
    pay: budgetForms.paySchema,
    id: budgetForms.idSchema,
    rollover: budgetForms.rolloverSchema,
    envelope: budgetForms.envelopeSchema,
    editEnvelope: budgetForms.editEnvelopeSchema,
    savingsGoal: budgetForms.savingsGoalSchema,
    supportEntry: budgetForms.supportEntrySchema,
  },
  inviteStaff: inviteStaffSchema,
  inviteYoungPerson: inviteYoungPersonSchema,
  accountAction: accountActionSchema,
  record: recordSchema,
  assign: assignSchema,
  setPassword: setPasswordSchema,
  forgotPassword: forgotPasswordSchema,
  statisticsFilter: statisticsFilterSchema,
};

/** conform's submission for a form: `.status`, `.value` on success, `.reply()` for the page. */
export function parseForm<Schema extends z.ZodTypeAny>(formData: FormData, schema: Schema) {
  return parseWithZod(formData, { schema });
}

/** For small technical forms (hidden fields only): the parsed value, or null. */
export function parseFields<Schema extends z.ZodTypeAny>(formData: FormData, schema: Schema): z.output<Schema> | null {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  return parsed.success ? parsed.data : null;
}

// Form readers the actions use, re-exported here so a route reaches them through a .server module and its
// browser code never carries zod (their modules build schemas at the top level, which the bundler keeps).
export { readScenarioForm, transactionDateProblem } from "~/domain/budget-forms";
export { readNextStep } from "~/domain/next-step-form";
