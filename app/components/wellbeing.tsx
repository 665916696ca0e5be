/** The monthly "how are you doing?" (issue 11 item 8): the card with five faces, and the trend chart. */
import { useTranslation } from "react-i18next";
import { linePoints } from "~/domain/charts";
import type { Locale } from "~/domain/vocabulary";
export { WellbeingCard } from "./wellbeing-card";

const W = 300;
const H = 100;

/** The months' answers as a line (gaps where a month was skipped), with the numbers in its label and a list. */
export function WellbeingChart({ trend }: { trend: ReadonlyArray<{ month: string; score: number | null }> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(`${month}-15T00:00:00Z`));
  // x for every month; y only where answered.
  const xs = linePoints(
    trend.map(() => 0),
    W,
    H,
    0,
    1,
  ).map((p) => p.x);
  const ys = linePoints(
    trend.map((m) => m.score ?? 3),
    W,
    H,
    1,
    5,
  ).map((p) => p.y);
  const segments: string[][] = [];
  let current: string[] = [];
  trend.forEach((m, i) => {
    if (m.score === null) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push(`${xs[i]},${ys[i]}`);
  });
  if (current.length) segments.push(current);
  const answered = trend.filter((m) => m.score !== null);
  const label = answered.length
    ? `${t("wellbeing.chartTitle")}: ${answered.map((m) => `${monthName(m.month)} ${t(`wellbeing.faces.${m.score}`)}`).join("; ")}`
    : t("wellbeing.noAnswers");
  return (
    <figure className="chart">
      <svg viewBox={`-8 -8 ${W + 16} ${H + 28}`} role="img" aria-label={label} className="wellbeing-chart">
        {[1, 3, 5].map((level) => {
          const y = linePoints([level], W, H, 1, 5)[0]!.y;
          return <line key={level} x1={0} y1={y} x2={W} y2={y} className="trend__base" />;
        })}
        {segments.map((points, i) => (
          <polyline key={i} points={points.join(" ")} className="trend__youth" />
        ))}
        {trend.map((m, i) => (m.score === null ? null : <circle key={m.month} cx={xs[i]} cy={ys[i]} r={4} className="trend__youth-dot" />))}
        {/* First, middle and last month only: every other month's name overlapped on a phone (ru "февр. 26"). */}
        {trend.map((m, i) => {
          const last = trend.length - 1;
          const middle = Math.floor(last / 2);
          if (i !== 0 && i !== last && i !== middle) return null;
          const anchor = i === 0 ? "start" : i === last ? "end" : "middle";
          return (
            <text key={`l${m.month}`} x={xs[i]} y={H + 18} textAnchor={anchor} className="wellbeing-chart__label">
              {monthName(m.month)}
            </text>
          );
        })}
      </svg>
      <figcaption className="muted">{t("wellbeing.chartCaption")}</figcaption>
    </figure>
  );
}
