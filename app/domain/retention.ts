/**
 * When a record may be erased or anonymised (docs/decisions/011-audit-export-erasure.md): only a closed
 * plan, and only once the organisation's retention period after the closing day has passed; always
 * with a reason, which is kept.
 */
import { addDays, addMonths, type IsoDate } from "./dates";
import { careEndDate, mentoringWindow, phaseOn, type CareTimeline } from "./phase";

export const RETENTION_MONTHS = { min: 1, max: 600, default: 36 } as const;
export const ERASURE_MODES = ["erase", "anonymise"] as const;
export type ErasureMode = (typeof ERASURE_MODES)[number];
export const REASON_LENGTH = { min: 10, max: 500 } as const;

/** The first day the plan is closed: the day after the mentoring window's last day. */
export function planClosedOn(timeline: CareTimeline): IsoDate {
  return addDays(mentoringWindow(careEndDate(timeline), timeline.dateOfBirth).end, 1);
}

/** The first day the record may be erased. */
export function retentionEndsOn(timeline: CareTimeline, retentionMonths: number): IsoDate {
  return addMonths(planClosedOn(timeline), retentionMonths);
}

export type ErasureRefusal = { field: "youngPersonId"; error: "open" } | { field: "youngPersonId"; error: "retention"; endsOn: IsoDate };

/** Why this record may not be erased today, or null when it may. */
export function erasureRefusal(timeline: CareTimeline, retentionMonths: number, today: IsoDate): ErasureRefusal | null {
  if (phaseOn(timeline, today) !== "closed") return { field: "youngPersonId", error: "open" };
  const endsOn = retentionEndsOn(timeline, retentionMonths);
  if (today < endsOn) return { field: "youngPersonId", error: "retention", endsOn };
  return null;
}

export interface ErasureInput {
  mode: ErasureMode;
  reason: string;
}

/** Reads the posted form: a mode and a reason of 10–500 characters (trimmed); field problems otherwise. */
export function parseErasure(form: { mode?: unknown; reason?: unknown }): { value: ErasureInput } | { problems: Array<"mode" | "reason"> } {
  const problems: Array<"mode" | "reason"> = [];
  const mode = typeof form.mode === "string" && (ERASURE_MODES as readonly string[]).includes(form.mode) ? (form.mode as ErasureMode) : null;
  if (!mode) problems.push("mode");
  const reason = typeof form.reason === "string" ? form.reason.trim() : "";
  if (reason.length < REASON_LENGTH.min || reason.length > REASON_LENGTH.max) problems.push("reason");
  return problems.length || !mode ? { problems } : { value: { mode, reason } };
}

/** A retention period typed by a lead: a whole number of months in range, or null. */
export function parseRetentionMonths(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,3}$/.test(value.trim())) return null;
  const months = Number(value.trim());
  return months >= RETENTION_MONTHS.min && months <= RETENTION_MONTHS.max ? months : null;
}
