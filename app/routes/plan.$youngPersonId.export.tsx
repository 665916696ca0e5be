/**
 * "Download everything about me" as a readable page that prints well, with the JSON file one link away
 * (docs/decisions/011-audit-export-erasure.md).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useOwnerLabel } from "~/components/plan/owner-label";
import { useRoleLabel } from "~/components/plan/role-label";
import { PrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";
import { ReceiptList, sectionName } from "~/components/keys";
import { PlanTimeline } from "~/components/plan/timeline";
import type { Locale } from "~/domain/vocabulary";
import { myData } from "~/models/my-data.server";
import { withSkillTitles } from "~/models/skills.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";
import { accessEntryName } from "~/components/keys";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = {
  i18n: ["documents", "domains", "keys", "mentoring", "org.history", "org.values", "pages.print", "plan", "roles", "skills", "weekly.history"],
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "record.export", { part: "export" });
  const data = myData(access.plan.youngPersonId, access.viewer, access.today);
  invariantResponse(data, "Not found");
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const skillTitles = new Map(
    withSkillTitles(
      data.plan.skills.map((s) => ({ entity: "skill", after: { skill: s.key } })),
      t,
      access.user.organisationId,
    ).map((s, i) => [data.plan.skills[i]!.key, s.skillTitle]),
  );
  return json({
    title: `${t("keys.export.title")} · ${t("app.name")}`,
    youngPersonId: access.plan.youngPersonId,
    printed: printedFor(access.plan.youngPersonId, access.today),
    data: {
      ...data,
      plan: {
        ...data.plan,
        skills: data.plan.skills.map((s) => ({ ...s, title: s.customTitle ?? skillTitles.get(s.key) ?? s.key })),
        history: withSkillTitles(data.plan.history, t, access.user.organisationId),
      },
    },
  });
}

export default function MyDataPage() {
  const { t, i18n } = useTranslation();
  const ownerLabel = useOwnerLabel();
  const roleLabel = useRoleLabel();
  const locale = i18n.language as Locale;
  const { youngPersonId, data, printed } = useLoaderData<typeof loader>();
  const date = (value: string | null | undefined) => (value ? formatDate(value, locale) : "–");
  const none = <p className="muted">{t("keys.export.none")}</p>;
  return (
    <div className="my-data">
      <p className="breadcrumb">
        <Link to={`/plan/${youngPersonId}`}>{t("plan.backToPlan")}</Link>
      </p>
      <h1>{t("keys.export.title")}</h1>
      <PrintHeader printed={printed} />
      <p className="muted">{t("keys.export.intro")}</p>
      <p className="no-print">
        <a href={`/plan/${youngPersonId}/export.json`} download className="button button--primary">
          {t("keys.export.json")}
        </a>
      </p>

      <section aria-labelledby="my-record">
        <h2 id="my-record">{t("keys.export.record")}</h2>
        <dl className="facts card">
          <div>
            <dt>{t("keys.export.name")}</dt>
            <dd>{data.record.displayName}</dd>
          </div>
          <div>
            <dt>{t("keys.export.dateOfBirth")}</dt>
            <dd>{date(data.record.dateOfBirth)}</dd>
          </div>
          <div>
            <dt>{t("keys.export.municipality")}</dt>
            <dd>{data.record.municipality}</dd>
          </div>
          <div>
            <dt>{t("keys.export.careForm")}</dt>
            <dd>{t(`keys.careForms.${data.record.careForm}`)}</dd>
          </div>
          <div>
            <dt>{t("keys.export.careEnd")}</dt>
            <dd>{date(data.record.actualCareEndDate ?? data.record.plannedCareEndDate)}</dd>
          </div>
          {data.account ? (
            <>
              <div>
                <dt>{t("keys.export.email")}</dt>
                <dd>{data.account.email}</dd>
              </div>
              <div>
                <dt>{t("keys.export.language")}</dt>
                <dd>{t(`language.${data.account.locale}`)}</dd>
              </div>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="my-goals">
        <h2 id="my-goals">{t("keys.export.goals")}</h2>
        {data.plan.goals.length === 0 ? <p className="muted">{t("keys.export.noGoals")}</p> : null}
        {data.plan.goals.map((g) => (
          <article key={g.id} className="card">
            <h3>
              {sectionName(t, g.domain)}: {g.title} <span className="muted">({t(`plan.status.${g.status}`)})</span>
            </h3>
            {g.why ? (
              <p>
                {t("keys.export.why")}: {g.why}
              </p>
            ) : null}
            <p className="muted">
              {ownerLabel(g.owner)} · {date(g.dueDate)}
            </p>
            {g.steps.length ? (
              <ul>
                {g.steps.map((s) => (
                  <li key={s.id}>
                    {s.doneAt ? "✓ " : "○ "}
                    {s.title}{" "}
                    <span className="muted">
                      ({ownerLabel(s.owner)}, {date(s.dueDate)})
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {g.comments.length ? (
              <>
                <h4>{t("keys.export.comments")}</h4>
                <ul>
                  {g.comments.map((c) => (
                    <li key={c.id}>
                      {c.author} ({roleLabel(c.authorRole)}), {formatDateTime(c.createdAt, locale)}: “{c.body}”
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </article>
        ))}
        {data.plan.planB.length ? (
          <>
            <h3>{t("keys.export.planB")}</h3>
            <ul>
              {data.plan.planB.map((p) => (
                <li key={p.domain}>
                  {sectionName(t, p.domain)}: {p.planB}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="my-ratings">
        <h2 id="my-ratings">{t("keys.export.ratings")}</h2>
        {data.plan.readinessRatings.length === 0 ? (
          none
        ) : (
          <table>
            <tbody>
              {data.plan.readinessRatings.map((r, i) => (
                <tr key={i}>
                  <td className="nowrap">{formatDate(r.ratedOn, locale, "short")}</td>
                  <td>{sectionName(t, r.domain)}</td>
                  <td className="nowrap">{r.value}/10</td>
                  <td>{r.rater}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="my-skills">
        <h2 id="my-skills">{t("keys.export.skills")}</h2>
        {data.plan.skills.length === 0 ? (
          none
        ) : (
          <ul>
            {data.plan.skills.map((s) => (
              <li key={s.key}>
                {s.title}: {t(`skills.state.${s.state}`)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="my-documents">
        <h2 id="my-documents">{t("keys.export.documents")}</h2>
        {data.plan.documents.length === 0 ? (
          none
        ) : (
          <ul>
            {data.plan.documents.map((d) => (
              <li key={d.id}>
                {t(`documents.kinds.${d.kind}`)}
                {d.label ? `: ${d.label}` : ""} · {t(`documents.statuses.${d.status}`)}
                {d.expiresOn ? ` · ${date(d.expiresOn)}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="my-mentoring">
        <h2 id="my-mentoring">{t("keys.export.mentoring")}</h2>
        {!data.mentoring || (!data.mentoring.open && data.mentoring.earlier.length === 0) ? (
          none
        ) : (
          <>
            {data.mentoring.open ? (
              <p>
                {data.mentoring.open.mentor} · {date(data.mentoring.open.startedOn)}
              </p>
            ) : null}
            {data.mentoring.earlier.map((m, i) => (
              <div key={i}>
                <p>
                  {m.mentor} · {date(m.startedOn)} – {date(m.closedOn)}
                </p>
                {m.youthNote ? (
                  <p>
                    {t("keys.export.youthNotes")}: “{m.youthNote}”
                  </p>
                ) : null}
              </div>
            ))}
            <h3>{t("keys.export.contacts")}</h3>
            {data.mentoring.contacts.length === 0 ? (
              none
            ) : (
              <ul>
                {data.mentoring.contacts.map((c) => (
                  <li key={c.id}>
                    {date(c.contactOn)} · {t(`mentoring.channels.${c.channel}`)} · {c.author}
                    {c.note ? `: ${c.note}` : ""}
                    {c.notePrivate && !c.note ? ` (${t("keys.export.privateNote")})` : ""}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="my-calendar">
        <h2 id="my-calendar">{t("keys.export.calendar")}</h2>
        {data.calendar.feeds.length === 0 ? (
          none
        ) : (
          <ul>
            {data.calendar.feeds.map((f, i) => (
              <li key={i}>
                {formatDateTime(f.createdAt, locale)}
                {f.revokedAt ? ` – ${formatDateTime(f.revokedAt, locale)}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="my-receipts">
        <h2 id="my-receipts">{t("keys.export.receipts")}</h2>
        {data.sharing.receipts.length === 0 ? none : <ReceiptList receipts={data.sharing.receipts} />}
      </section>

      <section aria-labelledby="my-access">
        <h2 id="my-access">{t("keys.export.access")}</h2>
        <p className="muted">{t("keys.export.count", { n: data.accessLog.length })}</p>
        {data.accessLog.length === 0 ? (
          none
        ) : (
          <table>
            <tbody>
              {data.accessLog.slice(0, 500).map((a, i) => (
                <tr key={i}>
                  <td>{formatDateTime(a.at, locale)}</td>
                  <td>{a.who ?? t("keys.access.unknownPerson")}</td>
                  <td>{a.role ? roleLabel(a.role) : "–"}</td>
                  <td>{accessEntryName(t, a.kind, a.part)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="my-history">
        <h2 id="my-history">{t("keys.export.history")}</h2>
        <PlanTimeline events={data.plan.history} />
      </section>
    </div>
  );
}
