/** "Who looked at my plan": the young person's own access log, grouped by day, in plain words. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { partName } from "~/components/keys";
import { useRoleLabel } from "~/components/plan/role-label";
import { ACCESS_LOG_DAYS, groupVisitsByDay } from "~/domain/access-log";
import { addDays } from "~/domain/dates";
import type { Locale } from "~/domain/vocabulary";
import { recordReads } from "~/models/audit.server";
import { formatDate } from "~/utils/format";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["domains", "keys", "pages.print", "plan", "roles"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "audit.viewOwn", { part: "access" });
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const since = Date.parse(`${addDays(access.today, -ACCESS_LOG_DAYS)}T00:00:00Z`);
  return json({
    printed: printedFor(access.plan.youngPersonId, access.today),
    title: `${t("keys.access.title")} · ${t("app.name")}`,
    youngPersonId: access.plan.youngPersonId,
    today: access.today,
    days: groupVisitsByDay(recordReads(access.plan.youngPersonId, access.subject.youthUserId, since)),
  });
}

function timeOf(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { timeZone: "Europe/Riga", hour: "2-digit", minute: "2-digit" }).format(ms);
}

export default function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const roleLabel = useRoleLabel();
  const locale = i18n.language as Locale;
  const { youngPersonId, days, today } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/plan/${youngPersonId}`}>{t("plan.backToPlan")}</Link>
      </p>
      <LoaderPrintHeader />
      <h1>{t("keys.access.title")}</h1>
      <p className="muted">{t("keys.access.intro")}</p>
      {days.length === 0 ? (
        <p className="empty">{t("keys.access.none", { days: ACCESS_LOG_DAYS })}</p>
      ) : (
        <>
          <p className="muted">{t("keys.access.period", { days: ACCESS_LOG_DAYS })}</p>
          {days.map((day) => (
            <section key={day.day} className="card access-day" aria-labelledby={`day-${day.day}`}>
              <h2 id={`day-${day.day}`}>{day.day === today ? t("keys.access.today") : formatDate(day.day, locale)}</h2>
              <ul className="receipts">
                {day.visits.map((v) => {
                  const from = timeOf(v.from, locale);
                  const to = timeOf(v.to, locale);
                  return (
                    <li key={`${v.actorName}-${v.to}`}>
                      {t("keys.access.entry", {
                        name: v.actorName ?? t("keys.access.unknownPerson"),
                        role: v.actorRole ? roleLabel(v.actorRole) : "–",
                        part: v.parts.map((part) => partName(t, part)).join(", "),
                      })}{" "}
                      <span className="muted">
                        {from === to ? t("keys.access.times", { times: from }) : t("keys.access.between", { first: from, last: to })}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </>
      )}
    </>
  );
}
