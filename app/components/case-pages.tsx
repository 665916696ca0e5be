/**
 * The lead's home at national scale: the phase counts as filter links and a pager under each list.
 * Plain links with GET parameters (app/domain/case-list.ts), so they work without JavaScript.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageCount, pageHref, pageRange, type CaseListQuery } from "~/domain/case-list";
import { PHASES, type Phase } from "~/domain/phase";
import type { Locale } from "~/domain/vocabulary";
import { formatNumber } from "~/utils/format";

/** The records by phase; each count links to the list of that phase (again: all of them). */
export function PhaseFilter({ byPhase, query }: { byPhase: Record<Phase, number>; query: CaseListQuery }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <ul className="stat-grid">
      {PHASES.map((phase) => {
        const current = query.phase === phase;
        return (
          <li key={phase} className="card stat">
            <Link
              to={pageHref(query, { phase: current ? null : phase, page: 1 }, "#cases-heading")}
              aria-current={current ? "true" : undefined}
              className="stat__link"
            >
              <span className="stat__value">{formatNumber(byPhase[phase], locale)}</span> <span className="stat__label">{t(`phase.${phase}.name`)}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** "51–100 of 10,000", with links to the previous and the next page of one list. */
export function Pager({
  query,
  total,
  size,
  pageOf,
  hash,
}: {
  query: CaseListQuery;
  total: number;
  size: number;
  /** Which list this pager turns: the records or "needs a mentor". */
  pageOf: "page" | "needsMentorPage";
  hash: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const page = query[pageOf];
  const pages = pageCount(total, size);
  if (pages <= 1) return null;
  const { from, to } = pageRange(page, total, size);
  return (
    <nav className="pager" aria-label={t("org.home.pages")}>
      {page > 1 ? (
        <Link to={pageHref(query, { [pageOf]: page - 1 }, hash)} rel="prev">
          {t("org.home.previous")}
        </Link>
      ) : null}{" "}
      <span className="muted">
        {t("org.home.range", { from: formatNumber(from, locale), to: formatNumber(to, locale), total: formatNumber(total, locale) })}
      </span>{" "}
      {page < pages ? (
        <Link to={pageHref(query, { [pageOf]: page + 1 }, hash)} rel="next">
          {t("org.home.next")}
        </Link>
      ) : null}
    </nav>
  );
}
