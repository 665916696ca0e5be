/**
 * Budget building blocks: amounts in the reader's language, envelope names, and the three charts drawn
 * as SVG on the server (envelopes against the pace line, month over month, savings progress) — readable
 * without JavaScript, with text a phone can read and a summary for screen readers.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EnvelopeCategory } from "~/domain/budget";
import type { Locale } from "~/domain/vocabulary";
import { INTL_LOCALE } from "~/utils/i18n";
import { useMoney } from "./budget-lines";
export { useMoney, GoalSavings, DutiesToConfirmList } from "./budget-lines";

export function useEnvelopeName() {
  const { t } = useTranslation();
  return (e: { category: EnvelopeCategory; title: string | null }) =>
    e.category === "own" ? (e.title ?? t("budget.categories.own")) : t(`budget.categories.${e.category}`);
}

/**
 * The budget's own navigation: overview, pocket money, setting up, first month alone — only the pages this
 * person may open (a carer who sees only the pocket money gets no links that answer "not found").
 */
export function BudgetNav({ youngPersonId, current, can }: { youngPersonId: string; current: string; can: { view: boolean; edit: boolean } }) {
  const { t } = useTranslation();
  const base = `/plan/${youngPersonId}/budget`;
  const links = [
    ...(can.view ? [{ to: base, key: "overview" }] : []),
    { to: `${base}/pocket-money`, key: "pocketMoney" },
    ...(can.edit ? [{ to: `${base}/setup`, key: "setup" }] : []),
    ...(can.view ? [{ to: `${base}/first-month`, key: "firstMonth" }] : []),
  ];
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/plan/${youngPersonId}`}>{t("plan.backToPlan")}</Link>
      </p>
      {links.length > 1 ? (
        <nav className="plan-links budget-nav" aria-label={t("budget.nav.label")}>
          {links.map((l) => (
            <Link key={l.key} to={l.to} aria-current={current === l.key ? "page" : undefined}>
              {t(`budget.nav.${l.key}`)}
            </Link>
          ))}
        </nav>
      ) : null}
    </>
  );
}

const W = 320;

export interface EnvelopeBar {
  id: string;
  name: string;
  spent: number;
  available: number;
  spentPercent: number;
  pacePercent: number;
  status: "under" | "onPace" | "ahead" | "over";
}

/** One bar per envelope, filled to what is spent; the dashed line is where spending "should" be today. */
export function EnvelopeChart({ envelopes, day, days }: { envelopes: EnvelopeBar[]; day: number; days: number }) {
  const { t } = useTranslation();
  const money = useMoney();
  if (envelopes.length === 0) return null;
  const row = 48;
  const barX = 0;
  const barW = W - 4;
  const height = envelopes.length * row + 8;
  const summary = envelopes
    .map((e) => t("budget.chart.envelopeLine", { name: e.name, spent: money(e.spent), available: money(e.available), percent: e.spentPercent }))
    .join("; ");
  return (
    <figure className="chart budget-chart">
      <svg
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label={`${t("budget.chart.envelopesTitle", { day, days })}: ${summary}`}
        className="budget-chart__svg"
      >
        {envelopes.map((e, i) => {
          const y = i * row;
          const fill = (Math.min(100, e.spentPercent) / 100) * barW;
          const pace = (e.pacePercent / 100) * barW;
          return (
            <g key={e.id}>
              <text x={barX} y={y + 16} className="budget-chart__label">
                {e.name}
              </text>
              <text x={W - 2} y={y + 16} className="budget-chart__value" textAnchor="end">
                {`${money(e.spent)} / ${money(e.available)}`}
              </text>
              <rect x={barX} y={y + 24} width={barW} height={16} rx={4} className="budget-chart__track" />
              <rect x={barX} y={y + 24} width={Math.max(0, fill)} height={16} rx={4} className={`budget-chart__fill budget-chart__fill--${e.status}`} />
              <line x1={pace} x2={pace} y1={y + 21} y2={y + 43} className="budget-chart__pace" />
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__legend">
        <span className="legend legend--spent">{t("budget.chart.spent")}</span>
        <span className="legend legend--pace">{t("budget.chart.pace", { day, days })}</span>
      </figcaption>
    </figure>
  );
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
function monthFormat(locale: Locale): Intl.DateTimeFormat {
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? "lv-LV", { month: "short", timeZone: "UTC" });
    monthFormats.set(locale, format);
  }
  return format;
}

/** Spending and income per month, side by side, the last six months. */
export function MonthChart({ months }: { months: Array<{ month: string; spent: number; income: number }> }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const format = monthFormat(i18n.language as Locale);
  const label = (m: string) => format.format(new Date(`${m}-15T12:00:00Z`));
  const max = Math.max(1, ...months.flatMap((m) => [m.spent, m.income]));
  const chartH = 120;
  const slot = W / months.length;
  const barW = Math.min(18, slot / 3);
  const summary = months.map((m) => t("budget.chart.monthLine", { month: label(m.month), spent: money(m.spent), income: money(m.income) })).join("; ");
  return (
    <figure className="chart budget-chart">
      <svg viewBox={`0 0 ${W} ${chartH + 36}`} role="img" aria-label={`${t("budget.chart.monthsTitle")}: ${summary}`} className="budget-chart__svg">
        <line x1={0} x2={W} y1={chartH} y2={chartH} className="budget-chart__base" />
        {months.map((m, i) => {
          const x = i * slot + slot / 2;
          const hs = (m.spent / max) * (chartH - 16);
          const hi = (m.income / max) * (chartH - 16);
          return (
            <g key={m.month}>
              <rect x={x - barW - 1} y={chartH - hi} width={barW} height={hi} className="budget-chart__income" />
              <rect x={x + 1} y={chartH - hs} width={barW} height={hs} className="budget-chart__spent" />
              <text x={x} y={chartH + 16} textAnchor="middle" className="budget-chart__label">
                {label(m.month)}
              </text>
              <text x={x} y={chartH + 31} textAnchor="middle" className="budget-chart__small">
                {money(m.spent).replace(/[,.]00(?=\D|$)/, "")}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__legend">
        <span className="legend legend--income">{t("budget.chart.income")}</span>
        <span className="legend legend--spent">{t("budget.chart.spentMonth")}</span>
      </figcaption>
    </figure>
  );
}

/** A progress bar per savings goal: saved against the target. */
export function SavingsChart({ goals }: { goals: Array<{ id: string; name: string; saved: number; target: number; percent: number }> }) {
  const { t } = useTranslation();
  const money = useMoney();
  if (goals.length === 0) return null;
  const row = 48;
  const summary = goals
    .map((g) => t("budget.chart.savingsLine", { name: g.name, saved: money(g.saved), target: money(g.target), percent: g.percent }))
    .join("; ");
  return (
    <figure className="chart budget-chart">
      <svg viewBox={`0 0 ${W} ${goals.length * row + 4}`} role="img" aria-label={`${t("budget.chart.savingsTitle")}: ${summary}`} className="budget-chart__svg">
        {goals.map((g, i) => {
          const y = i * row;
          return (
            <g key={g.id}>
              <text x={0} y={y + 16} className="budget-chart__label">
                {g.name}
              </text>
              <text x={W - 2} y={y + 16} textAnchor="end" className="budget-chart__value">
                {`${g.percent}% · ${money(g.saved)} / ${money(g.target)}`}
              </text>
              <rect x={0} y={y + 24} width={W - 4} height={16} rx={4} className="budget-chart__track" />
              <rect x={0} y={y + 24} width={((W - 4) * g.percent) / 100} height={16} rx={4} className="budget-chart__saved" />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
