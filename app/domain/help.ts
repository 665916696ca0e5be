/**
 * "I need help" (issue 11 item 7, docs/decisions/018-help-wellbeing-worklist.md): a young person's short
 * message to their specialist. Pure: who it reaches, what state it is in, what may happen to it next.
 */
export const HELP_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type HelpStatus = (typeof HELP_STATUSES)[number];

/** Short: a message, not a letter (the specialist calls back). */
export const HELP_MESSAGE_MAX = 1000;
export const HELP_NOTE_MAX = 2000;

export interface Person {
  id: string;
  role: string;
  disabled: boolean;
}

/**
 * Who a help request reaches: the record's specialist while they still work here, otherwise (no
 * specialist, or the specialist has left: account disabled) the organisation's first active lead.
 */
export function helpRecipient(specialist: Person | null, leads: readonly Person[]): Person | null {
  if (specialist && !specialist.disabled && specialist.role === "specialist") return specialist;
  return leads.find((l) => !l.disabled && l.role === "lead") ?? null;
}

/** What can happen next to a request in this state. */
export function helpTransition(status: HelpStatus, to: "acknowledged" | "resolved"): boolean {
  if (to === "acknowledged") return status === "open";
  return status === "open" || status === "acknowledged";
}

/** The button's words: after the plan has closed it reads "I need help again". */
export function helpButtonKind(phase: string): "first" | "again" {
  return phase === "closed" ? "again" : "first";
}
