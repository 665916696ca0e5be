/** The specialist's worklist (issue 11 item 9): sections by urgency, each row one click from the young person. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LEAVER_MONTHS, worklistCount, type WorklistRow, type WorklistSection } from "~/domain/worklist";
import type { Locale } from "~/domain/vocabulary";
import { formatDate, formatNumber } from "~/utils/format";

function useRowText() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const date = (row: WorklistRow) => (row.date ? formatDate(row.date, locale) : "");
  const days = (row: WorklistRow) => Math.abs(row.days ?? 0);
  return (row: WorklistRow): string => {
    switch (row.kind) {
      case "help":
        return t(`worklist.row.help_${row.detail.status === "open" ? "open" : "acknowledged"}`, { date: date(row) });
      case "reviewOverdue":
        return t("worklist.row.reviewOverdue", { count: days(row) });
      case "reviewRequested":
        return t("worklist.row.reviewRequested", { date: date(row) });
      case "reviewDue":
        return t("worklist.row.reviewDue", { date: date(row), count: days(row) });
      case "wellbeingFalling":
        return t("worklist.row.wellbeingFalling", { from: formatNumber(Number(row.detail.from), locale), to: formatNumber(Number(row.detail.to), locale) });
      case "adultSteps":
        return t(`worklist.row.steps_${row.detail.owner === "specialist" ? "own" : String(row.detail.owner)}`, {
          count: Number(row.detail.count),
          date: date(row),
        });
      case "mentor":
        return row.detail.need === "contactOverdue"
          ? t("worklist.row.contactOverdue", { count: Number(row.detail.days) })
          : row.detail.need === "inWindow"
            ? t("worklist.row.mentorNow")
            : t("worklist.row.mentorSoon", { date: date(row) });
      case "documents":
        return t((row.days ?? 0) < 0 ? "worklist.row.documentExpired" : "worklist.row.documentExpires", {
          document: row.detail.label || t(`documents.kinds.${row.detail.document}`),
          date: date(row),
        });
      case "leaving":
        return t("worklist.row.leaving", { date: date(row) });
    }
  };
}

export function Worklist({ sections, leaverMonths }: { sections: readonly WorklistSection[]; leaverMonths: number }) {
  const { t } = useTranslation();
  const text = useRowText();
  const total = worklistCount(sections.filter((s) => s.kind !== "leaving"));
  return (
    <section aria-labelledby="worklist-heading" className="worklist">
      <h2 id="worklist-heading">{t("worklist.title")}</h2>
      <p className="muted">{total === 0 ? t("worklist.nothing") : t("worklist.count", { count: total })}</p>
      {sections.map((section) =>
        section.total === 0 && section.kind !== "leaving" ? null : (
          <div key={section.kind} className={`worklist__section worklist__section--${section.kind}`}>
            <h3 id={`worklist-${section.kind}`}>
              {t(`worklist.kind.${section.kind}`, { months: leaverMonths })}
              {section.total > 0 ? (
                <>
                  {" "}
                  <span className="badge">{formatCount(section.total)}</span>
                </>
              ) : null}
            </h3>
            {section.kind === "leaving" ? (
              <nav aria-label={t("worklist.leavingFilter")} className="worklist__filter">
                {LEAVER_MONTHS.map((m) => (
                  <Link key={m} to={`/?leaving=${m}#worklist-leaving`} aria-current={m === leaverMonths ? "true" : undefined}>
                    {t("worklist.months", { count: m })}
                  </Link>
                ))}
              </nav>
            ) : null}
            {section.total === 0 ? <p className="muted">{t("worklist.noneLeaving")}</p> : null}
            <ul className="plain-list worklist__rows">
              {section.rows.map((row, i) => (
                <li
                  key={`${row.youngPersonId}-${i}`}
                  className={`worklist__row${row.kind === "help" && row.detail.status === "open" ? " worklist__row--urgent" : ""}`}
                >
                  {/* The whole row is the link: a big target, named by who and what. */}
                  <Link to={row.href} className="worklist__link">
                    <strong>{row.displayName}</strong> <span>{text(row)}</span>
                  </Link>
                </li>
              ))}
            </ul>
            {section.total > section.rows.length ? <p className="muted">{t("worklist.more", { count: section.total - section.rows.length })}</p> : null}
          </div>
        ),
      )}
    </section>
  );
}

function formatCount(n: number): string {
  return String(n);
}
