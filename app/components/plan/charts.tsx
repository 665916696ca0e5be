/** Readiness charts as server-drawn SVG: readable without JavaScript, labelled for screen readers. */
import { useTranslation } from "react-i18next";
import { dayRange, polygonPoints, radarPoint, timePoints, type DatedValue, type Point } from "~/domain/charts";
import { READINESS_MAX, READINESS_MIN } from "~/domain/readiness";
import { DOMAINS, type Domain, type Locale } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";

interface RadarValues {
  domain: Domain;
  youth: number | null;
  adult: number | null;
}

// Wider than tall: the labels sit beside the left and right axes, outside the rings, so a long one
// ("Самочувствие") has room and never covers the shapes; 16-unit labels stay ≥ 13 px in a ~296 px card.
const WIDTH = 360;
const HEIGHT = 240;
const CENTRE = { x: WIDTH / 2, y: 125 };
const RADIUS = 80;
const LABEL_RADIUS = RADIUS + 10;

export function RadarChart({ values }: { values: RadarValues[] }) {
  const { t } = useTranslation();
  const count = DOMAINS.length;
  const ring = (level: number) => polygonPoints(DOMAINS.map((_, i) => radarPoint(i, count, level, READINESS_MAX, CENTRE, RADIUS)));
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
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${t("plan.readiness.chartTitle")}: ${description}`} className="radar">
        {[2, 4, 6, 8, 10].map((level) => (
          <polygon key={level} points={ring(level)} className="radar__ring" />
        ))}
        {DOMAINS.map((domain, i) => {
          const end = radarPoint(i, count, READINESS_MAX, READINESS_MAX, CENTRE, RADIUS);
          const label = radarPoint(i, count, READINESS_MAX, READINESS_MAX, CENTRE, LABEL_RADIUS);
          // Outwards from the chart: left of a left axis, right of a right one, centred above and below.
          const anchor = label.x < CENTRE.x - 4 ? "end" : label.x > CENTRE.x + 4 ? "start" : "middle";
          return (
            <g key={domain}>
              <line x1={CENTRE.x} y1={CENTRE.y} x2={end.x} y2={end.y} className="radar__axis" />
              <text x={label.x} y={label.y} className="radar__label" textAnchor={anchor} dominantBaseline="middle">
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

// The trend is drawn at about its size on a 360 px phone (a 300-unit box in a ~296 px card), so its
// 14-unit labels stay at least 13 px (issue 14).
const TREND_W = 300;
const TREND_H = 112;
const TREND_BOX = { left: 28, right: TREND_W - 28, top: 20, bottom: 78 };

type TrendPoint = DatedValue;

/** The value's label beside its dot: the first value to the left, the last to the right; the adult's below. */
function ValueLabel({ point, value, end, below }: { point: Point; value: number; end: "first" | "last"; below: boolean }) {
  return (
    <text
      x={end === "first" ? point.x - 8 : point.x + 8}
      y={below ? point.y + 16 : point.y - 8}
      textAnchor={end === "first" ? "end" : "start"}
      className="trend__value"
    >
      {value}
    </text>
  );
}

/** `legend={false}` where the page already marks the two lines beside their values (the readiness page). */
export function TrendChart({ domain, youth, adult, legend = true }: { domain: Domain; youth: TrendPoint[]; adult: TrendPoint[]; legend?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const days = dayRange(youth, adult);
  if (!days) return null;
  const range = { ...days, min: READINESS_MIN, max: READINESS_MAX };
  const youthPoints = timePoints(youth, TREND_BOX, range);
  const adultPoints = timePoints(adult, TREND_BOX, range);
  const label = t("plan.readiness.trendLabel", {
    domain: t(`domains.${domain}.name`),
    youth: youth.map((p) => p.value).join(", ") || "–",
    adult: adult.map((p) => p.value).join(", ") || "–",
  });
  const ends = (points: Point[], values: TrendPoint[], below: boolean) =>
    points.length === 0 ? null : (
      <>
        <ValueLabel point={points[0]!} value={values[0]!.value} end="first" below={below} />
        {points.length > 1 ? <ValueLabel point={points[points.length - 1]!} value={values[values.length - 1]!.value} end="last" below={below} /> : null}
      </>
    );
  return (
    <figure className="chart trend-chart">
      <svg viewBox={`0 0 ${TREND_W} ${TREND_H}`} role="img" aria-label={label} className="trend">
        <line x1={TREND_BOX.left} y1={TREND_BOX.bottom} x2={TREND_BOX.right} y2={TREND_BOX.bottom} className="trend__base" />
        {adultPoints.length > 1 ? <polyline points={polygonPoints(adultPoints)} className="trend__adult" /> : null}
        {youthPoints.length > 1 ? <polyline points={polygonPoints(youthPoints)} className="trend__youth" /> : null}
        {adultPoints.map((p, i) => (
          <circle key={`a${i}`} cx={p.x} cy={p.y} r={3} className="trend__adult-dot" />
        ))}
        {youthPoints.map((p, i) => (
          <circle key={`y${i}`} cx={p.x} cy={p.y} r={3.5} className="trend__youth-dot" />
        ))}
        {ends(youthPoints, youth, false)}
        {ends(adultPoints, adult, true)}
        <text x={TREND_BOX.left} y={TREND_H - 6} textAnchor="start" className="trend__date">
          {formatDate(days.from, locale, "short")}
        </text>
        {days.to !== days.from ? (
          <text x={TREND_BOX.right} y={TREND_H - 6} textAnchor="end" className="trend__date">
            {formatDate(days.to, locale, "short")}
          </text>
        ) : null}
      </svg>
      {legend ? (
        <figcaption className="chart__legend">
          {youth.length ? <span className="legend legend--youth">{t("plan.readiness.youthView")}</span> : null}
          {adult.length ? <span className="legend legend--adult">{t("plan.readiness.adultView")}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
