/** Readiness charts as server-drawn SVG: readable without JavaScript, labelled for screen readers. */
import { useTranslation } from "react-i18next";
import { linePoints, polygonPoints, radarPoint } from "~/domain/charts";
import { READINESS_MAX, READINESS_MIN } from "~/domain/readiness";
import { DOMAINS, type Domain } from "~/domain/vocabulary";

interface RadarValues {
  domain: Domain;
  youth: number | null;
  adult: number | null;
}

const SIZE = 320;
const CENTRE = { x: SIZE / 2, y: SIZE / 2 };
const RADIUS = 105;

export function RadarChart({ values }: { values: RadarValues[] }) {
  const { t } = useTranslation();
  const count = DOMAINS.length;
  const ring = (level: number) =>
    polygonPoints(DOMAINS.map((_, i) => radarPoint(i, count, level, READINESS_MAX, CENTRE, RADIUS)));
  const shape = (kind: "youth" | "adult") => {
    const points = values.map((v, i) => radarPoint(i, count, v[kind] ?? 0, READINESS_MAX, CENTRE, RADIUS));
    return values.some((v) => v[kind] !== null) ? polygonPoints(points) : null;
  };
  const youthShape = shape("youth");
  const adultShape = shape("adult");
  const description = values
    .map((v) =>
      t("plan.readiness.chartLine", {
        domain: t(`domains.${v.domain}.name`),
        youth: v.youth ?? "–",
        adult: v.adult ?? "–",
      }),
    )
    .join("; ");
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={`${t("plan.readiness.chartTitle")}: ${description}`} className="radar">
        {[2, 4, 6, 8, 10].map((level) => (
          <polygon key={level} points={ring(level)} className="radar__ring" />
        ))}
        {DOMAINS.map((domain, i) => {
          const end = radarPoint(i, count, READINESS_MAX, READINESS_MAX, CENTRE, RADIUS);
          const label = radarPoint(i, count, READINESS_MAX + 2.6, READINESS_MAX, CENTRE, RADIUS);
          return (
            <g key={domain}>
              <line x1={CENTRE.x} y1={CENTRE.y} x2={end.x} y2={end.y} className="radar__axis" />
              <text x={label.x} y={label.y} className="radar__label" textAnchor="middle" dominantBaseline="middle">
                {t(`plan.domainShort.${domain}`)}
              </text>
            </g>
          );
        })}
        {adultShape ? <polygon points={adultShape} className="radar__adult" /> : null}
        {youthShape ? <polygon points={youthShape} className="radar__youth" /> : null}
      </svg>
      <figcaption className="chart__legend">
        <span className="legend legend--youth">{t("plan.readiness.youthView")}</span>
        <span className="legend legend--adult">{t("plan.readiness.adultView")}</span>
      </figcaption>
    </figure>
  );
}

const TREND_W = 280;
const TREND_H = 60;

export function TrendChart({ domain, youth, adult }: { domain: Domain; youth: number[]; adult: number[] }) {
  const { t } = useTranslation();
  const line = (values: number[]) => polygonPoints(linePoints(values, TREND_W, TREND_H, READINESS_MIN, READINESS_MAX));
  const label = t("plan.readiness.trendLabel", {
    domain: t(`domains.${domain}.name`),
    youth: youth.join(", ") || "–",
    adult: adult.join(", ") || "–",
  });
  return (
    <svg viewBox={`-6 -6 ${TREND_W + 12} ${TREND_H + 12}`} role="img" aria-label={label} className="trend">
      <line x1={0} y1={TREND_H} x2={TREND_W} y2={TREND_H} className="trend__base" />
      {adult.length > 0 ? <polyline points={line(adult)} className="trend__adult" /> : null}
      {youth.length > 0 ? <polyline points={line(youth)} className="trend__youth" /> : null}
      {linePoints(youth, TREND_W, TREND_H, READINESS_MIN, READINESS_MAX).map((p, i) => (
        <circle key={`y${i}`} cx={p.x} cy={p.y} r={3} className="trend__youth-dot" />
      ))}
    </svg>
  );
}
