/**
 * A form reply that never echoes an over-long field back (DESIGN.md: "never echo an over-long field
 * back"): a 100,000-character paste gets its "too long" message next to the field and the first part of
 * what was typed, cut at the limit plus a little, so the page stays small and nothing typed is silently
 * accepted.
 */
import { STATEMENT_MAX } from "~/domain/reviews";

const ECHO_MAX = STATEMENT_MAX + 200;

function cut(value: unknown): unknown {
  if (typeof value === "string") return value.length > ECHO_MAX ? value.slice(0, ECHO_MAX) : value;
  if (Array.isArray(value)) return value.slice(0, 50).map(cut);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .slice(0, 100)
        .map(([k, v]) => [k, cut(v)]),
    );
  return value;
}

export function shortReply<R extends { initialValue?: unknown }>(reply: R): R {
  return { ...reply, initialValue: cut(reply.initialValue) } as R;
}
