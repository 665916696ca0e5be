/** The plan's history: who changed what, when, with before → after for edits. */
import { useTranslation } from "react-i18next";
import type { Locale } from "~/domain/vocabulary";
import { isIsoDate } from "~/domain/dates";
import { changedFields, isPlanEventKind, SHOWN_VALUE_FIELDS } from "~/domain/plan-history";
import { formatDate, formatDateTime, formatTime } from "~/utils/format";
import { useOwnerLabel } from "./owner-label";

/** Events that show what changed: the names of changed fields, and before → after for values that are not words. */
const CHANGE_ACTIONS = new Set(["updated", "careEndChanged", "specialistAssigned"]);
/** Record events of issue 13, translated in the org area (org.json). */
const RECORD_EVENTS = new Set(["record.created", "record.updated", "record.specialistAssigned", "record.carerLinked", "record.carerEnded"]);
const RECORD_FIELDS = new Set(["displayName", "dateOfBirth", "careForm", "municipality", "educationStatus", "employmentStatus", "specialNeeds", "specialist"]);
const VALUE_FIELDS: readonly string[] = SHOWN_VALUE_FIELDS;
const fieldLabel = (field: string) => (RECORD_FIELDS.has(field) ? `org.history.field.${field}` : `plan.history.field.${field}`);

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

/** An event as the loader sends it (JSON: before/after may be missing). */
export interface TimelineEvent {
  id: string;
  entity: string;
  action: string;
  domain: string | null;
  before?: unknown;
  after?: unknown;
  createdAt: number;
  actorName: string | null;
  /** The goal's or step's title as it is now (the event keeps only ids). */
  title?: string | null;
  goalTitle?: string | null;
  mentorName?: string | null;
  commentBody?: string | null;
  /** For skill events: the skill's title, translated on the server. */
  skillTitle?: string | null;
  /** The viewer made this change ("You …"). */
  mine?: boolean;
}

/** Event kinds whose words live in the weekly area (weekly.json) rather than plan.history.event. */
const WEEKLY_EVENTS = new Set(["step.suggested"]);

/** The translation key of an event's sentence: "You …" for the viewer's own changes, else by name. */
export function eventKey(key: string, mine: boolean | undefined): string {
  if (RECORD_EVENTS.has(key)) return `org.history.${key}`;
  if (!isPlanEventKind(key)) return "plan.history.event.generic";
  if (mine) return `weekly.history.self.event.${key}`;
  return WEEKLY_EVENTS.has(key) ? `weekly.history.event.${key}` : `plan.history.event.${key}`;
}

export function PlanTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p className="muted">{t("plan.history.none")}</p>;
  return (
    <ol className="timeline">
      {events.map((event) => (
        <TimelineEntry key={event.id} event={event} />
      ))}
    </ol>
  );
}

/** One entry of the timeline: what happened, when, and what changed. */
export function TimelineEntry({ event, timeOnly = false }: { event: TimelineEvent; timeOnly?: boolean }) {
  const { t, i18n } = useTranslation();
  const ownerLabel = useOwnerLabel();
  const locale = i18n.language as Locale;
  const show = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === "") return "–";
    if (field === "owner") return ownerLabel(String(value));
    if (field === "status") return t(`plan.status.${String(value)}`, { defaultValue: t(`documents.statuses.${String(value)}`) });
    if (field === "state") return t(`skills.state.${String(value)}`);
    if (field === "careForm" || field === "educationStatus" || field === "employmentStatus" || field === "specialNeeds") {
      return t(`org.values.${field}.${String(value)}`);
    }
    return isIsoDate(value) ? formatDate(value, locale) : String(value);
  };
  const before = record(event.before);
  const after = record(event.after);
  const key = `${event.entity}.${event.action}`;
  const fields = CHANGE_ACTIONS.has(event.action) ? changedFields(event.before, event.after) : [];
  const changed = fields.filter((f) => VALUE_FIELDS.includes(f) && after[f] !== before[f]);
  const named = fields.filter((f) => !VALUE_FIELDS.includes(f));
  return (
    <li className="timeline__item">
      <p className="timeline__when muted">{timeOnly ? formatTime(event.createdAt, locale) : formatDateTime(event.createdAt, locale)}</p>
      <p>
        {t(eventKey(key, event.mine), {
          actor: event.actorName ?? t("plan.history.someone"),
          title: event.title ?? "",
          skill: event.skillTitle ?? t("skills.ownItem"),
          document: typeof after.kind === "string" ? t(`documents.kinds.${after.kind}`) : "",
          value: String(after.value ?? ""),
          domain: event.domain ? t(`domains.${event.domain}.name`) : "",
          mentor: event.mentorName ?? "",
          carer: event.mentorName ?? "",
        })}
      </p>
      {named.length > 0 ? <p className="muted">{t("plan.history.changedFields", { fields: named.map((f) => t(fieldLabel(f))).join(", ") })}</p> : null}
      {changed.length > 0 ? (
        <dl className="timeline__changes">
          {changed.map((field) => (
            <div key={field}>
              <dt>{t(fieldLabel(field))}</dt>
              <dd>
                <del>{show(field, before[field])}</del> → <ins>{show(field, after[field])}</ins>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {event.entity === "comment" && event.commentBody ? <p className="timeline__quote">“{event.commentBody}”</p> : null}
    </li>
  );
}
