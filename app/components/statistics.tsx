/** Statistics tables and bar charts (SVG, readable without JavaScript); hidden cells say so. */
import { useTranslation } from "react-i18next";
import type { StatisticsTable } from "~/domain/statistics";
import type { Locale } from "~/domain/vocabulary";
import { formatNumber } from "~/utils/format";
import { statisticsCellLabel } from "~/utils/statistics-labels";

function useCellLabel() {
  const { t } = useTranslation();
  return (dimension: string, key: string) => statisticsCellLabel(t, dimension, key);
}

/** Chart labels stay in their column; the table below has the full text. */
function shortLabel(text: string): string {
  return text.length > 19 ? `${text.slice(0, 18)}…` : text;
}

function BarChart({ table }: { table: StatisticsTable }) {
  const { t } = useTranslation();
  const label = useCellLabel();
  const rowHeight = 26;
  const labelWidth = 150;
  const width = 360;
  const max = Math.max(1, ...table.cells.map((c) => c.count ?? 0));
  const height = table.cells.length * rowHeight + 4;
  return (
    <svg
      className="stat-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t("org.statistics.chartLabel", { title: t(`org.statistics.dimensions.${table.dimension}`) })}
    >
      {table.cells.map((cell, i) => {
        const y = i * rowHeight + 2;
        const barWidth = cell.count === null ? 0 : ((width - labelWidth - 40) * cell.count) / max;
        return (
          <g key={cell.key}>
            <text x={0} y={y + 17} className="stat-chart__label">
              {shortLabel(label(table.dimension, cell.key))}
            </text>
            {cell.suppressed ? (
              <rect x={labelWidth} y={y + 3} width={24} height={rowHeight - 8} className="stat-chart__hidden" />
            ) : (
              <rect x={labelWidth} y={y + 3} width={Math.max(barWidth, cell.count ? 1 : 0)} height={rowHeight - 8} className="stat-chart__bar" />
            )}
            <text x={labelWidth + (cell.suppressed ? 30 : barWidth + 6)} y={y + 17} className="stat-chart__label">
              {cell.suppressed ? t("org.statistics.hidden") : String(cell.count)}
            </text>
          </g>
        );
      })}
    </svg>
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
