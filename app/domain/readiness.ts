/**
 * Readiness per domain on a 1–10 scale in five named stages (SPEC.md, "The plan"), rated separately by the
 * young person and by an adult (mentor or specialist). Pure: history in, summaries out.
 */
import { DOMAINS, type Domain, type RaterKind } from "./vocabulary";

export const READINESS_MIN = 1;
export const READINESS_MAX = 10;

/** Two points per stage: 1–2, 3–4, 5–6, 7–8, 9–10. */
export const READINESS_STAGES = ["notStarted", "gettingHelp", "believing", "learning", "onMyOwn"] as const;
export type ReadinessStage = (typeof READINESS_STAGES)[number];

export function readinessStage(value: number): ReadinessStage {
  const clamped = Math.min(READINESS_MAX, Math.max(READINESS_MIN, Math.round(value)));
  return READINESS_STAGES[Math.floor((clamped - 1) / 2)]!;
}

export interface Rating {
  domain: Domain;
  raterKind: RaterKind;
  value: number;
  ratedOn: string;
  /** Tie-breaker for two ratings on one day: later wins. */
  createdAt: number;
}

export type LatestRatings = Record<Domain, { youth: Rating | null; adult: Rating | null }>;

function isLater(a: Rating, b: Rating): boolean {
  return a.ratedOn > b.ratedOn || (a.ratedOn === b.ratedOn && a.createdAt > b.createdAt);
}

export function latestRatings(ratings: readonly Rating[]): LatestRatings {
  const latest = Object.fromEntries(DOMAINS.map((d) => [d, { youth: null, adult: null }])) as LatestRatings;
  for (const rating of ratings) {
    const slot = latest[rating.domain];
    const current = slot[rating.raterKind];
    if (!current || isLater(rating, current)) slot[rating.raterKind] = rating;
  }
  return latest;
}

/** A domain's ratings by one kind of rater, oldest first: the trend line. */
export function ratingTrend(ratings: readonly Rating[], domain: Domain, raterKind: RaterKind): Rating[] {
  return ratings.filter((r) => r.domain === domain && r.raterKind === raterKind).sort((a, b) => (isLater(a, b) ? 1 : isLater(b, a) ? -1 : 0));
}

export interface RatingGap {
  domain: Domain;
  youth: number;
  adult: number;
  /** youth − adult: positive when the young person feels readier than the adult thinks. */
  difference: number;
}

/** The largest differences between the young person's and the adult's latest view: suggested review topics. */
export function suggestedTopics(latest: LatestRatings, options: { limit?: number; minimum?: number } = {}): RatingGap[] {
  const { limit = 3, minimum = 2 } = options;
  return DOMAINS.flatMap((domain) => {
    const { youth, adult } = latest[domain];
    if (!youth || !adult) return [];
    return [{ domain, youth: youth.value, adult: adult.value, difference: youth.value - adult.value }];
  })
    .filter((gap) => Math.abs(gap.difference) >= minimum)
    .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || DOMAINS.indexOf(a.domain) - DOMAINS.indexOf(b.domain))
    .slice(0, limit);
}
