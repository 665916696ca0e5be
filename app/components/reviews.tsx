/** Review meetings on screen (docs/decisions/017-review-meetings.md): the due line, the people, the statement, the pack. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatMoney } from "~/domain/money";
import type { Cents } from "~/domain/money";
import type { Locale } from "~/domain/vocabulary";
import { useOwnerLabel, useSeesOwnPlan } from "./plan/owner-label";
import { useReviewDate } from "./review-cards";
export { ReviewBanner, useReviewDate, ReviewDueLine, ReviewOverdueFlag, YouthReviewCard, AskForReview, FeltHeardRate, type DueView } from "./review-cards";

export interface ParticipantItem {
  id: string;
  kind: string;
  name: string;
  attended: boolean | null;
}

export function ParticipantList({
  participants,
  showAttendance,
  notWantedIds = [],
}: {
  participants: ReadonlyArray<ParticipantItem & { userId?: string | null }>;
  showAttendance?: boolean;
  /** Only for the young person and whoever plans the meeting: the people they do not want there. */
  notWantedIds?: readonly string[];
}) {
  const { t } = useTranslation();
  // In the young person's own view they are "tu / you / вы" in the list, not their role.
  const own = useSeesOwnPlan();
  if (participants.length === 0) return <p className="muted">{t("reviews.participants.none")}</p>;
  const notWanted = new Set(notWantedIds);
  return (
    <ul className="review-people">
      {participants.map((p) => (
        <li key={p.id}>
          {p.name} <span className="muted">({t(`reviews.kinds.${p.kind}`, own && p.kind === "youth" ? { context: "own" } : {})})</span>
          {showAttendance && p.attended !== null ? (
            <span className="muted"> · {t(p.attended ? "reviews.participants.attended" : "reviews.participants.absent")}</span>
          ) : null}
          {p.userId && notWanted.has(p.userId) ? <NotWantedWarning /> : null}
        </li>
      ))}
    </ul>
  );
}

/** Next to a participant the young person does not want at the meeting (never shown to the other participants). */
export function NotWantedWarning() {
  const { t } = useTranslation();
  return <strong className="review-not-wanted"> {t("reviews.notWanted.warning")}</strong>;
}

export interface StatementItem {
  wentWell: string;
  worries: string;
  talkAbout: string;
  notWanted: string;
  notWantedIds?: string[];
  domains: string[];
}

export function StatementText({ statement, names = {} }: { statement: StatementItem | null; names?: Readonly<Record<string, string>> }) {
  const { t } = useTranslation();
  if (!statement) return <p className="muted">{t("reviews.statement.none")}</p>;
  const parts = (["wentWell", "worries", "talkAbout"] as const).filter((k) => statement[k]);
  // A statement saved with nothing in it reads as none (and a <dl> holds only its groups).
  if (parts.length === 0 && statement.domains.length === 0 && !statement.notWanted && !statement.notWantedIds?.length)
    return <p className="muted">{t("reviews.statement.none")}</p>;
  return (
    <dl className="review-statement">
      {parts.map((k) => (
        <div key={k}>
          <dt>{t(`reviews.statement.${k}`)}</dt>
          <dd>{statement[k]}</dd>
        </div>
      ))}
      {statement.domains.length ? (
        <div>
          <dt>{t("reviews.statement.domains")}</dt>
          <dd>{statement.domains.map((d) => t(`domains.${d}.name`)).join(", ")}</dd>
        </div>
      ) : null}
      {statement.notWanted || statement.notWantedIds?.length ? (
        <div>
          <dt>{t("reviews.statement.notWanted")}</dt>
          <dd>
            {[...(statement.notWantedIds ?? []).map((id) => names[id] ?? t("reviews.notWanted.someoneLeft")), statement.notWanted].filter(Boolean).join("; ")}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

interface PackGoalItem {
  id: string;
  domain: string;
  title: string;
  owner: string;
}

export interface PackItem {
  since: string;
  draft: {
    done: PackGoalItem[];
    created: PackGoalItem[];
    dropped: PackGoalItem[];
    stalled: Array<PackGoalItem & { days: number; adultOwned: boolean }>;
    overdueSteps: Array<{ id: string; goalId: string; domain: string; title: string; owner: string; dueDate: string }>;
  };
  suggested: Array<{ domain: string; reasons: string[] }>;
  readiness: {
    changes: Array<{ domain: string; raterKind: string; before: number | null; now: number }>;
    gaps: Array<{ domain: string; youth: number; adult: number }>;
  } | null;
  contacts: { made: number; tried: number; lastOn: string | null; rhythmDays: number } | null;
  wellbeing: { kind: "noData" } | { kind: "trend"; points: Array<{ on: string; value: number }> } | null;
  documents: Array<{ id: string | null; kind: string; label: string | null; expiresOn: string | null }> | null;
  budget: { savedCents: number; spentCents: number; incomeCents: number } | null;
}

function GoalList({ youngPersonId, goals, empty }: { youngPersonId: string; goals: readonly PackGoalItem[]; empty: string }) {
  const { t } = useTranslation();
  if (goals.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul>
      {goals.map((g) => (
        <li key={g.id}>
          <Link to={`/plan/${youngPersonId}/goals/${g.id}`}>{g.title}</Link> <span className="muted">· {t(`domains.${g.domain}.name`)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The review pack: a page to read before the meeting, each part only where the viewer sees its section. */
export function ReviewPackView({ youngPersonId, pack }: { youngPersonId: string; pack: PackItem }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const date = useReviewDate();
  const ownerLabel = useOwnerLabel();
  const d = pack.draft;
  return (
    <div className="review-pack">
      <p className="muted">{t("reviews.pack.since", { date: date(pack.since) })}</p>

      <section className="card" aria-labelledby="pack-focus">
        <h3 id="pack-focus">{t("reviews.pack.suggested")}</h3>
        {pack.suggested.length === 0 ? (
          <p className="muted">{t("reviews.pack.noSuggestion")}</p>
        ) : (
          <ul>
            {pack.suggested.map((s) => (
              <li key={s.domain}>
                <strong>{t(`domains.${s.domain}.name`)}</strong>: {s.reasons.map((r) => t(`reviews.reasons.${r}`)).join("; ")}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="pack-stalled">
        <h3 id="pack-stalled">{t("reviews.pack.stalled")}</h3>
        {d.stalled.length === 0 ? (
          <p className="muted">{t("reviews.pack.noneStalled")}</p>
        ) : (
          <ul>
            {d.stalled.map((g) => (
              <li key={g.id} className={g.adultOwned ? "review-pack__adult" : undefined}>
                <Link to={`/plan/${youngPersonId}/goals/${g.id}`}>{g.title}</Link>{" "}
                <span className="muted">
                  · {ownerLabel(g.owner)} · {t("reviews.pack.noProgress", { count: g.days })}
                </span>
                {g.adultOwned ? <strong className="review-pack__flag"> {t("reviews.pack.adultOwned")}</strong> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="pack-steps">
        <h3 id="pack-steps">{t("reviews.pack.overdueSteps")}</h3>
        {d.overdueSteps.length === 0 ? (
          <p className="muted">{t("reviews.pack.noneOverdue")}</p>
        ) : (
          <ul>
            {d.overdueSteps.slice(0, 20).map((s) => (
              <li key={s.id}>
                {s.title}{" "}
                <span className="muted">
                  · {ownerLabel(s.owner)} · {t("reviews.pack.dueOn", { date: date(s.dueDate) })}
                </span>
              </li>
            ))}
            {d.overdueSteps.length > 20 ? <li className="muted">{t("reviews.pack.more", { count: d.overdueSteps.length - 20 })}</li> : null}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="pack-goals">
        <h3 id="pack-goals">{t("reviews.pack.goals")}</h3>
        <h4>{t("reviews.pack.done")}</h4>
        <GoalList youngPersonId={youngPersonId} goals={d.done} empty={t("reviews.pack.noneYet")} />
        <h4>{t("reviews.pack.created")}</h4>
        <GoalList youngPersonId={youngPersonId} goals={d.created} empty={t("reviews.pack.noneYet")} />
        <h4>{t("reviews.pack.dropped")}</h4>
        <GoalList youngPersonId={youngPersonId} goals={d.dropped} empty={t("reviews.pack.noneYet")} />
      </section>

      {pack.readiness ? (
        <section className="card" aria-labelledby="pack-readiness">
          <h3 id="pack-readiness">{t("reviews.pack.readiness")}</h3>
          {pack.readiness.changes.length === 0 ? (
            <p className="muted">{t("reviews.pack.noChanges")}</p>
          ) : (
            <ul>
              {pack.readiness.changes.map((c) => (
                <li key={`${c.domain}-${c.raterKind}`}>
                  {t(`domains.${c.domain}.name`)} ({t(`reviews.raters.${c.raterKind}`)}): {c.before ?? "–"} → {c.now}
                </li>
              ))}
            </ul>
          )}
          {pack.readiness.gaps.length ? (
            <>
              <h4>{t("reviews.pack.gaps")}</h4>
              <ul>
                {pack.readiness.gaps.map((g) => (
                  <li key={g.domain}>{t("reviews.pack.gap", { domain: t(`domains.${g.domain}.name`), youth: g.youth, adult: g.adult })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {pack.contacts ? (
        <section className="card" aria-labelledby="pack-contacts">
          <h3 id="pack-contacts">{t("reviews.pack.contacts")}</h3>
          <p>{t("reviews.pack.contactsMade", { count: pack.contacts.made })}</p>
          <p className="muted">
            {pack.contacts.lastOn ? t("reviews.pack.lastContact", { date: date(pack.contacts.lastOn) }) : t("reviews.pack.noContact")} ·{" "}
            {t("reviews.pack.rhythm", { count: pack.contacts.rhythmDays })}
          </p>
        </section>
      ) : null}

      {pack.wellbeing ? (
        <section className="card" aria-labelledby="pack-wellbeing">
          <h3 id="pack-wellbeing">{t("reviews.pack.wellbeing")}</h3>
          {pack.wellbeing.kind === "noData" ? (
            <p className="muted">{t("reviews.pack.noWellbeing")}</p>
          ) : (
            <p>{pack.wellbeing.points.map((p) => `${date(p.on)}: ${p.value}`).join(" · ")}</p>
          )}
        </section>
      ) : null}

      {pack.documents ? (
        <section className="card" aria-labelledby="pack-documents">
          <h3 id="pack-documents">{t("reviews.pack.documents")}</h3>
          {pack.documents.length === 0 ? (
            <p className="muted">{t("reviews.pack.noDocuments")}</p>
          ) : (
            <ul>
              {pack.documents.map((doc) => (
                <li key={doc.id ?? doc.kind}>
                  {doc.label || t(`documents.kinds.${doc.kind}`)}{" "}
                  {doc.expiresOn ? <span className="muted">· {t("reviews.pack.expires", { date: date(doc.expiresOn) })}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {pack.budget ? (
        <section className="card" aria-labelledby="pack-budget">
          <h3 id="pack-budget">{t("reviews.pack.budget")}</h3>
          <p>
            {t("reviews.pack.budgetLine", {
              spent: formatMoney(pack.budget.spentCents as Cents, locale),
              income: formatMoney(pack.budget.incomeCents as Cents, locale),
              saved: formatMoney(pack.budget.savedCents as Cents, locale),
            })}
          </p>
        </section>
      ) : null}
    </div>
  );
}
