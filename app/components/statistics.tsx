/** Statistics tables and bar charts (plain HTML, readable without JavaScript); hidden cells say so. */
import { useTranslation } from "react-i18next";
import type { StatisticsTable } from "~/domain/statistics";
import type { Locale } from "~/domain/vocabulary";
import { formatNumber } from "~/utils/format";
import { statisticsCellLabel } from "~/utils/statistics-labels";

function useCellLabel() {
  const { t } = useTranslation();
  return (dimension: string, key: string) => statisticsCellLabel(t, dimension, key);
}

/**
 * Bars a phone can read (issue 14): HTML rather than a scaled SVG, so the labels keep the page's text
 * size (at least 13 px), wrap between words instead of being cut, and the bar takes what is left. The
 * table below has the same numbers for screen readers; the chart is one image to them.
 */
function BarChart({ table }: { table: StatisticsTable }) {
  const { t } = useTranslation();
  const label = useCellLabel();
  const max = Math.max(1, ...table.cells.map((c) => c.count ?? 0));
  return (
    <div className="stat-chart" role="img" aria-label={t("org.statistics.chartLabel", { title: t(`org.statistics.dimensions.${table.dimension}`) })}>
      {table.cells.map((cell) => (
        <div key={cell.key} className="stat-chart__row">
          <span className="stat-chart__label">{label(table.dimension, cell.key)}</span>
          <span className="stat-chart__value">
            {cell.suppressed ? (
              <span className="stat-chart__hidden" />
            ) : (
              // The bar's length as an SVG attribute: the content security policy allows no inline styles.
              <svg className="stat-chart__track" aria-hidden="true" focusable="false">
                <rect width={`${(100 * (cell.count ?? 0)) / max}%`} height="100%" className="stat-chart__bar" />
              </svg>
            )}
            <span className="stat-chart__count">{cell.suppressed ? t("org.statistics.hidden") : String(cell.count)}</span>
          </span>
        </div>
      ))}
    </div>
  );
}

export function StatisticsTableView({ table }: { table: StatisticsTable }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const label = useCellLabel();
  const title = t(`org.statistics.dimensions.${table.dimension}`);
  const id = `stat-${table.dimension}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <BarChart table={table} />
      <div className="table-scroll">
        <table className="stat-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`org.statistics.columnFor.${table.dimension === "goalsDone" ? "goals" : "people"}`)}</th>
              <th scope="col" className="num">
                {t(table.unit === "goals" ? "org.statistics.goals" : "org.statistics.youngPeople")}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.cells.map((cell) => (
              <tr key={cell.key}>
                <th scope="row">{label(table.dimension, cell.key)}</th>
                <td className="num">{cell.suppressed ? t("org.statistics.hidden") : formatNumber(cell.count!, locale)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t("org.statistics.total")}</th>
              <td className="num">{table.total === null ? t("org.statistics.hidden") : formatNumber(table.total, locale)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
