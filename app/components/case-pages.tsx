/**
 * The lead's home at national scale: the phase counts as filter links and a pager under each list (./pager.tsx).
 * Plain links with GET parameters (app/domain/case-list.ts), so they work without JavaScript.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageHref, type CaseListQuery } from "~/domain/case-list";
import { PHASES, type Phase } from "~/domain/phase";
import type { Locale } from "~/domain/vocabulary";
import { formatNumber } from "~/utils/format";
import { Pager } from "./pager";

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

/** The pager under one of the lead's lists (the records or "needs a mentor"), keeping the other's page and the filter. */
export function CasePager({
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
  return (
    <Pager
      page={query[pageOf]}
      total={total}
      size={size}
      hrefOf={(page) => pageHref(query, { [pageOf]: page }, hash)}
      locale={i18n.language as Locale}
      words={{
        label: t("org.home.pages"),
        previous: t("org.home.previous"),
        next: t("org.home.next"),
        range: (from, to, all) => t("org.home.range", { from, to, total: all }),
      }}
    />
  );
}
