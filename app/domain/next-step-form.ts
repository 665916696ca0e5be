/**
 * The optional "next step" of the mentor's contact form (issue 14, decision 026): a step the mentor
 * proposes, owned by the young person or the mentor, on one of the young person's open goals or on a new
 * goal in a domain. Empty title = no next step; the other fields then must be empty too. Pure.
 */
import { z } from "zod";
import type { FieldProblem } from "./form-errors";
import { optionalDate } from "./form-fields";
import { TITLE_MAX } from "./limits";
import { DOMAINS, type Domain } from "./vocabulary";

export const NEXT_STEP_OWNERS = ["youth", "mentor"] as const;
export type NextStepOwner = (typeof NEXT_STEP_OWNERS)[number];

/** Where the step goes: `goal:<id>` or `new:<domain>`. */
const where = z
  .string()
  .trim()
  .max(80, "errors.invalid")
  .refine((v) => v === "" || /^goal:[A-Za-z0-9_-]{1,64}$/.test(v) || DOMAINS.some((d) => v === `new:${d}`), "errors.invalid");

export const nextStepSchema = z.object({
  nextStepTitle: z.string().trim().max(TITLE_MAX, "errors.titleTooLong").default(""),
  nextStepDueOn: z.preprocess((v) => (v === "" ? undefined : v), optionalDate),
  nextStepOwner: z.enum(NEXT_STEP_OWNERS, { errorMap: () => ({ message: "errors.invalid" }) }).default("youth"),
  nextStepGoal: where.default(""),
});
export type NextStepFields = z.output<typeof nextStepSchema>;

export interface NextStep {
  title: string;
  dueOn: string | null;
  owner: NextStepOwner;
  target: { kind: "goal"; goalId: string } | { kind: "new"; domain: Domain };
}

/** The goals and domains the mentor may put a step on (open goals of domains the mentor sees). */
export interface NextStepChoices {
  goals: ReadonlyArray<{ id: string; title: string; domain: Domain }>;
  domains: readonly Domain[];
}

/** The next step the fields ask for (null: none), or the problems next to its fields. */
export function readNextStep(fields: NextStepFields, choices: NextStepChoices | null, today: string): { step: NextStep | null; problems: FieldProblem[] } {
  const title = fields.nextStepTitle;
  if (!title) {
    const problems: FieldProblem[] =
      fields.nextStepDueOn || fields.nextStepGoal ? [{ field: "nextStepTitle", error: "weekly.nextStep.errors.titleNeeded" }] : [];
    return { step: null, problems };
  }
  const problems: FieldProblem[] = [];
  if (!choices) return { step: null, problems: [{ field: "nextStepTitle", error: "weekly.nextStep.errors.notAllowed" }] };
  if (fields.nextStepDueOn && fields.nextStepDueOn < today) problems.push({ field: "nextStepDueOn", error: "weekly.nextStep.errors.duePast" });
  let target: NextStep["target"] | null = null;
  const chosen = fields.nextStepGoal;
  if (chosen.startsWith("goal:")) {
    const goalId = chosen.slice("goal:".length);
    if (choices.goals.some((g) => g.id === goalId)) target = { kind: "goal", goalId };
  } else if (chosen.startsWith("new:")) {
    const domain = chosen.slice("new:".length) as Domain;
    if (choices.domains.includes(domain)) target = { kind: "new", domain };
  }
  if (!target) problems.push({ field: "nextStepGoal", error: "weekly.nextStep.errors.chooseGoal" });
  if (problems.length || !target) return { step: null, problems };
  return { step: { title, dueOn: fields.nextStepDueOn ?? null, owner: fields.nextStepOwner, target }, problems: [] };
}
