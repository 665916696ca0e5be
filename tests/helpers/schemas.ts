/**
 * Reading a form schema's answer in unit tests: the message a field gets, or the parsed value. The
 * schemas' messages are translation keys, so a test names the exact key a person would be shown.
 */
import { expect } from "vitest";
import type { ZodTypeAny } from "zod";

/** The message for `field` when `data` is parsed, or null when the field passes. */
export function messageOf(schema: ZodTypeAny, data: unknown, field: string): string | null {
  const result = schema.safeParse(data);
  if (result.success) return null;
  return result.error.issues.find((issue) => String(issue.path[0] ?? "") === field)?.message ?? null;
}

/** The parsed value; a refusal fails the test with zod's issues. */
export function parsed(schema: ZodTypeAny, data: unknown): unknown {
  const result = schema.safeParse(data);
  if (!result.success) expect.fail(JSON.stringify(result.error.issues));
  return result.data;
}
