/**
 * A field error is a translation key; a rule that needs to say more (the date a window opens, a
 * mentor's name) carries its values after a "|" as JSON, so the message is still translated in the
 * browser's language and the values survive the trip through conform's reply.
 */
export interface FieldProblem {
  field: string;
  /** A translation key. */
  error: string;
  values?: Record<string, string | number>;
}

function encodeFieldError(problem: Pick<FieldProblem, "error" | "values">): string {
  return problem.values && Object.keys(problem.values).length ? `${problem.error}|${JSON.stringify(problem.values)}` : problem.error;
}

export function decodeFieldError(error: string): { key: string; values: Record<string, unknown> } {
  const bar = error.indexOf("|");
  if (bar < 0) return { key: error, values: {} };
  try {
    const values: unknown = JSON.parse(error.slice(bar + 1));
    return { key: error.slice(0, bar), values: values && typeof values === "object" ? (values as Record<string, unknown>) : {} };
  } catch {
    return { key: error.slice(0, bar), values: {} };
  }
}

/** conform's `fieldErrors` for a list of problems (the first per field is shown). */
export function fieldErrorsOf(problems: readonly FieldProblem[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const p of problems) (errors[p.field] ??= []).push(encodeFieldError(p));
  return errors;
}

/** One problem of a form the server refused, for the summary at the top of the page. */
export interface FormProblem {
  /** The fragment of the field (or of the form, for a problem about the whole form). */
  href: string;
  /** A translation key (perhaps with its values, see decodeFieldError). */
  error: string;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/[^a-z0-9-]/g, "-");
const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === "object" && !Array.isArray(value);
const SAFE_ID = /^[A-Za-z0-9_-]{1,120}$/;

/**
 * The problems in what an action sent back, whatever its shape: conform's reply (`{ error: { field:
 * [keys] } }`), a route's `{ intent | formId, result: reply }`, or `{ formId, errors: { field: key } }`.
 * Each links to `#<form id>-<field>`, the id PlainField and the other field helpers give a control;
 * the form id is `formId`, or the intent in kebab case (createGoal → create-goal). Pure.
 */
export function formProblemsOf(actionData: unknown): FormProblem[] {
  if (!isRecord(actionData)) return [];
  const named =
    typeof actionData.formId === "string" ? actionData.formId : typeof actionData.intent === "string" ? kebab(actionData.intent.split(":")[0]!) : "";
  const formId = SAFE_ID.test(named) ? named : "";
  const reply = isRecord(actionData.result) ? actionData.result : actionData;
  const problems: FormProblem[] = [];
  const add = (field: string, error: unknown) => {
    if (typeof error !== "string" || !error) return;
    const target = field && formId ? `${formId}-${field}` : field || formId || "main";
    problems.push({ href: `#${SAFE_ID.test(target) ? target : "main"}`, error });
  };
  for (const errors of [reply.error, actionData.errors]) {
    if (isRecord(errors)) {
      for (const [field, value] of Object.entries(errors)) add(field, Array.isArray(value) ? value[0] : value);
    } else if (typeof errors === "string" && errors === actionData.error) add("", errors);
  }
  return problems;
}
