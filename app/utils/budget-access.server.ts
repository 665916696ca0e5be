/**
 * The budget section's one guard and its form replies. Every budget loader and action asks
 * `requireBudget` with a budget action, so the lead can switch the section to the sharing model in one
 * place (docs/decisions/012-budget.md).
 */
import { json } from "@remix-run/node";
import type { CaseAction } from "~/domain/policy";
import { requireUser } from "./auth.server";
import { invariantResponse, readFormData } from "./http.server";
import { requirePlan } from "./plan-access.server";

export type BudgetAction = Extract<CaseAction, "budget.view" | "budget.edit" | "budget.setPocketMoney" | "budget.confirmDuties" | "budget.viewPocketMoney">;

export async function requireBudget(request: Request, youngPersonId: string | undefined, action: BudgetAction) {
  const access = await requirePlan(request, youngPersonId, action);
  return {
    ...access,
    budget: {
      view: access.allowed("budget.view"),
      edit: access.allowed("budget.edit"),
      setPocketMoney: access.allowed("budget.setPocketMoney"),
      confirmDuties: access.allowed("budget.confirmDuties"),
    },
  };
}

export type BudgetAccess = Awaited<ReturnType<typeof requireBudget>>;

/** A form's reply with errors next to its fields and what was typed kept (the shape conform's reply has). */
/**
 * The prefix of a budget form's field ids (`<prefix>-<field>`), for the error summary's links
 * (app/domain/form-errors.ts); the form's tag where they are the same.
 */
const FIELD_ID_PREFIX: Record<string, string> = { add: "budget-add", settings: "pocket" };
const formIdOf = (form: string) => FIELD_ID_PREFIX[form] ?? form;

export function formFailure(form: string, payload: Record<string, unknown>, errors: Record<string, string[]>, status = 400) {
  const typed = Object.fromEntries(Object.entries(payload).filter(([, v]) => typeof v === "string" && v.length <= 2000));
  return json({ form, formId: formIdOf(form), result: { status: "error" as const, error: errors, initialValue: typed } }, { status });
}

/** conform's reply for a failed submission, tagged with the form it came from. */
export function submissionFailure(form: string, submission: { reply: () => unknown }) {
  return json(
    {
      form,
      formId: formIdOf(form),
      result: submission.reply() as { status?: string; error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> | null },
    },
    { status: 400 },
  );
}

/**
 * For a page with several forms: the posted `intent` names the form, `intents` names the budget action
 * each form needs (one table per route). The user is known before the body is read; an unknown intent
 * is a 400. Gives back the form's data too.
 */
export async function requireBudgetForIntent<Intent extends string>(
  request: Request,
  youngPersonId: string | undefined,
  intents: Record<Intent, BudgetAction>,
) {
  await requireUser(request);
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const needed = Object.prototype.hasOwnProperty.call(intents, intent) ? intents[intent as Intent] : undefined;
  invariantResponse(needed, "Bad request", { status: 400 });
  return { access: await requireBudget(request, youngPersonId, needed), intent: intent as Intent, formData };
}
