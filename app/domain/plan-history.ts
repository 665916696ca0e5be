/**
 * The plan history's vocabulary (docs/decisions/010-sharing-and-history.md): every kind of event, and
 * what each one keeps. Events keep ids, the names of changed fields and values that are not anyone's
 * own words (a status, an owner, a date, a rating, a document kind). The young person's words — titles,
 * "why", comments, plan B, labels, notes — stay in their own rows: the timeline reads the current
 * title through the event's id, so hiding a section, exporting or erasing never has to rewrite history.
 */
import type { DocumentKind, DocumentStatus, GoalStatus, MentorshipCloseReason, Owner, RaterKind, SkillState } from "./vocabulary";

export interface GoalFacts {
  owner: Owner;
  dueDate: string | null;
}
export type GoalField = "title" | "why" | "owner" | "dueDate";
export type StepField = "title" | "owner" | "dueDate";
export type DocumentField = "label" | "status" | "expiresOn";
/** The record's facts an event may show before → after (not the name: the record holds it). */
export interface RecordFacts {
  dateOfBirth: string;
  careForm: string;
  municipality: string;
  plannedCareEndDate: string;
  educationStatus: string | null;
  employmentStatus: string | null;
  specialNeeds: string | null;
}
export type RecordField = "displayName" | keyof RecordFacts;

/** Each event kind ("entity.action") with the payload written in its `after` (and `before`) columns. */
export interface PlanEventPayloads {
  "goal.created": { after: GoalFacts };
  "goal.updated": { before: Partial<GoalFacts>; after: Partial<GoalFacts> & { fields: GoalField[] } };
  "goal.started": { before: { status: GoalStatus }; after: { status: GoalStatus } };
  "goal.completed": { before: { status: GoalStatus }; after: { status: GoalStatus } };
  "goal.dropped": { before: { status: GoalStatus }; after: { status: GoalStatus } };
  "goal.reopened": { before: { status: GoalStatus }; after: { status: GoalStatus } };
  "goal.moved": { before: { position: number }; after: { position: number } };
  "step.created": { after: { goalId: string; owner: Owner; dueDate: string | null } };
  "step.updated": { before: Partial<GoalFacts>; after: Partial<GoalFacts> & { goalId: string; fields: StepField[] } };
  "step.completed": { after: { goalId: string } };
  "step.reopened": { after: { goalId: string } };
  /** A mentor proposed a step from the contact form (issue 14); `newGoal` when it opened a goal for it. */
  "step.suggested": { after: { goalId: string; owner: Owner; dueDate: string | null; contactId: string; newGoal: boolean } };
  /** entityId is the goal; the comment itself is in goal_comments. */
  "comment.commented": { after: { commentId: string } };
  "rating.rated": { after: { value: number; raterKind: RaterKind } };
  "planB.updated": { after: { fields: ["planB"]; empty: boolean } };
  "skill.updated": { before: { skill: string; state: SkillState }; after: { skill: string; state: SkillState } };
  "document.created": { after: { kind: DocumentKind; status: DocumentStatus; expiresOn: string | null } };
  "document.updated": {
    before: { kind: DocumentKind; status?: DocumentStatus; expiresOn?: string | null };
    after: { kind: DocumentKind; status?: DocumentStatus; expiresOn?: string | null; fields: DocumentField[] };
  };
  "mentorship.linked": { after: { mentorId: string } };
  "mentorship.paused": { after?: never };
  "mentorship.resumed": { after?: never };
  "mentorship.closed": { after: { reason: MentorshipCloseReason } };
  "mentorship.youthNote": { after?: never };
  "contact.logged": { after: { contactOn: string } };
  "record.careEndChanged": {
    before: { plannedCareEndDate: string; actualCareEndDate: string | null };
    after: { plannedCareEndDate: string; actualCareEndDate: string | null };
  };
  /** Issue 13: a record made or changed in the app, its people assigned (personId: the specialist or carer). */
  "record.created": { after: Pick<RecordFacts, "careForm" | "plannedCareEndDate"> };
  "record.updated": { before: Partial<RecordFacts>; after: Partial<RecordFacts> & { fields: RecordField[] } };
  "record.specialistAssigned": { before: { personId: string | null }; after: { personId: string | null } };
  "record.carerLinked": { after: { personId: string } };
  "record.carerEnded": { after: { personId: string } };
  /** Review meetings (issue 11): entityId is the review; its words stay in the review's rows. */
  "review.scheduled": { after: { heldOn: string; participants: number } };
  "review.rescheduled": { before: { heldOn: string }; after: { heldOn: string } };
  "review.recorded": { after: { heldOn: string; decisions: number; goals: number; changedGoals?: number; nextReviewOn: string | null } };
  "review.cancelled": { after: { heldOn: string } };
  "review.requested": { after: { requestedOn: string } };
  /** "I need help" (issue 11): entityId is the request; its words and the note stay in help_requests. */
  "helpRequest.asked": { after: { toMentor: boolean } };
  "helpRequest.acknowledged": { after?: never };
  "helpRequest.resolved": { after?: never };
}

export type PlanEventKind = keyof PlanEventPayloads;

export const PLAN_EVENT_KINDS = [
  "goal.created",
  "goal.updated",
  "goal.started",
  "goal.completed",
  "goal.dropped",
  "goal.reopened",
  "goal.moved",
  "step.created",
  "step.updated",
  "step.completed",
  "step.reopened",
  "step.suggested",
  "comment.commented",
  "rating.rated",
  "planB.updated",
  "skill.updated",
  "document.created",
  "document.updated",
  "mentorship.linked",
  "mentorship.paused",
  "mentorship.resumed",
  "mentorship.closed",
  "mentorship.youthNote",
  "contact.logged",
  "record.careEndChanged",
  "record.created",
  "record.updated",
  "record.specialistAssigned",
  "record.carerLinked",
  "record.carerEnded",
  "review.scheduled",
  "review.rescheduled",
  "review.recorded",
  "review.cancelled",
  "review.requested",
  "helpRequest.asked",
  "helpRequest.acknowledged",
  "helpRequest.resolved",
] as const satisfies readonly PlanEventKind[];

export function isPlanEventKind(value: string): value is PlanEventKind {
  return (PLAN_EVENT_KINDS as readonly string[]).includes(value);
}

/** The event a goal's status change writes: each status has its own kind, and the event names its goal by id. */
export const GOAL_STATUS_EVENTS: Record<GoalStatus, PlanEventKind & `goal.${string}`> = {
  planned: "goal.reopened",
  in_progress: "goal.started",
  done: "goal.completed",
  dropped: "goal.dropped",
};

/** Fields the young person writes in their own words: never copied into an event. */
export const WORD_FIELDS = ["title", "why", "body", "planB", "label", "note", "goal", "mentor", "handoverNote", "youthNote"] as const;

/** Splits a kind into the two columns it is stored in. */
export function splitKind(kind: PlanEventKind): { entity: string; action: string } {
  const dot = kind.indexOf(".");
  return { entity: kind.slice(0, dot), action: kind.slice(dot + 1) };
}

/** Which fields changed, from a payload: `fields` when the event names them, else the keys it carries. */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = after && typeof after === "object" ? (after as Record<string, unknown>) : {};
  const b = before && typeof before === "object" ? (before as Record<string, unknown>) : {};
  if (Array.isArray(a.fields)) return a.fields.filter((f): f is string => typeof f === "string");
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "kind" && k !== "skill" && k !== "goalId");
}

/** The names of fields whose values an event shows before → after (values that are not anyone's words). */
export const SHOWN_VALUE_FIELDS = [
  "owner",
  "dueDate",
  "status",
  "state",
  "expiresOn",
  "plannedCareEndDate",
  "actualCareEndDate",
  "dateOfBirth",
  "careForm",
  "municipality",
  "educationStatus",
  "employmentStatus",
  "specialNeeds",
  "heldOn",
  "nextReviewOn",
] as const;
