/** The plan's history: who changed what, when, with before → after for edits. */
import { useTranslation } from "react-i18next";
import type { Locale } from "~/domain/vocabulary";
import { isIsoDate } from "~/domain/dates";
import { formatDate, formatDateTime } from "~/utils/format";

const KNOWN_EVENTS = new Set([
  "goal.created", "goal.updated", "goal.started", "goal.completed", "goal.dropped", "goal.reopened", "goal.moved",
  "step.created", "step.updated", "step.completed", "step.reopened", "comment.commented", "rating.rated", "planB.updated",
  "skill.updated", "document.created", "document.updated",
  "mentorship.linked", "mentorship.paused", "mentorship.resumed", "mentorship.closed", "mentorship.youthNote", "contact.logged",
  "record.careEndChanged",
]);
/** Record events of issue 13, translated in the org area (org.json). */
const RECORD_EVENTS = new Set(["record.created", "record.updated", "record.specialistAssigned", "record.carerLinked", "record.carerEnded"]);
const RECORD_FIELDS = new Set(["displayName", "dateOfBirth", "careForm", "municipality", "educationStatus", "employmentStatus", "specialNeeds", "specialist"]);
const SHOWN_FIELDS = [
  "title", "why", "owner", "dueDate", "status", "planB", "state", "expiresOn", "label", "plannedCareEndDate", "actualCareEndDate",
  "displayName", "dateOfBirth", "careForm", "municipality", "educationStatus", "employmentStatus", "specialNeeds", "specialist",
] as const;
/** Events that show what changed, before → after. */
const CHANGE_ACTIONS = new Set(["updated", "careEndChanged", "specialistAssigned"]);

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
  /** For skill events: the skill's title, translated on the server. */
  skillTitle?: string | null;
}

export function PlanTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  if (events.length === 0) return <p className="muted">{t("plan.history.none")}</p>;
  const show = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === "") return "–";
    if (field === "owner") return t(`plan.owner.${String(value)}`);
    if (field === "status") return t(`plan.status.${String(value)}`, { defaultValue: t(`documents.statuses.${String(value)}`) });
    if (field === "state") return t(`skills.state.${String(value)}`);
    if (field === "careForm" || field === "educationStatus" || field === "employmentStatus" || field === "specialNeeds") {
      return t(`org.values.${field}.${String(value)}`);
    }
    return isIsoDate(value) ? formatDate(value, locale) : String(value);
  };
  return (
    <ol className="timeline">
      {events.map((event) => {
        const before = record(event.before);
        const after = record(event.after);
        const key = `${event.entity}.${event.action}`;
        const changed =
          CHANGE_ACTIONS.has(event.action) ? SHOWN_FIELDS.filter((f) => (f in after || f in before) && after[f] !== before[f]) : [];
        return (
          <li key={event.id} className="timeline__item">
            <p className="timeline__when muted">{formatDateTime(event.createdAt, locale)}</p>
            <p>
              {t(RECORD_EVENTS.has(key) ? `org.history.${key}` : KNOWN_EVENTS.has(key) ? `plan.history.event.${key}` : "plan.history.event.generic", {
                actor: event.actorName ?? t("plan.history.someone"),
                title: String(after.title ?? before.title ?? after.goal ?? ""),
                skill: event.skillTitle ?? t("skills.ownItem"),
                document: typeof after.kind === "string" ? t(`documents.kinds.${after.kind}`) : "",
                value: String(after.value ?? ""),
                domain: event.domain ? t(`domains.${event.domain}.name`) : "",
                mentor: String(after.mentor ?? ""),
                carer: String(after.carer ?? ""),
                name: String(after.displayName ?? ""),
              })}
            </p>
            {changed.length > 0 ? (
              <dl className="timeline__changes">
                {changed.map((field) => (
                  <div key={field}>
                    <dt>{t(RECORD_FIELDS.has(field) ? `org.history.field.${field}` : `plan.history.field.${field}`)}</dt>
                    <dd>
                      <del>{show(field, before[field])}</del> → <ins>{show(field, after[field])}</ins>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {event.entity === "comment" && after.body ? <p className="timeline__quote">“{String(after.body)}”</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
