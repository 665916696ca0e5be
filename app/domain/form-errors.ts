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
