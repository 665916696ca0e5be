/**
 * The monthly well-being check (issue 11 item 8): answers and skips, one per record and month, and the
 * trend the young person, their specialist and (when shared) their mentor and carer see. The routes ask
 * the policy (wellbeing.check / wellbeing.view, section "wellbeing").
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { wellbeingChecks } from "../../db/schema";
import { addMonths, type IsoDate } from "~/domain/dates";
import { isCheckDue, monthOf, trendOf, type CheckRow } from "~/domain/wellbeing";
import { getDb } from "~/utils/db.server";
import { prepared } from "~/utils/statements.server";

const checksBetween = prepared(`
  SELECT month, score, words FROM wellbeing_checks
  WHERE young_person_id = @youngPersonId AND month >= @from AND month <= @to
  ORDER BY month`);

/**
 * One value per month from..to (YYYY-MM-DD; null: not answered, or skipped). For the trend chart here
 * and for the review pack (issue 11 item 4).
 */
export function wellbeingTrend(youngPersonId: string, from: string, to: string): { month: string; score: number | null }[] {
  const rows = checksBetween().all({ youngPersonId, from: monthOf(from), to: monthOf(to) }) as CheckRow[];
  return trendOf(rows, from, to);
}

/** The chart's span: the last 12 months. */
export const TREND_MONTHS = 12;

export interface WellbeingPage {
  trend: { month: string; score: number | null }[];
  /** The newest answers with words (the young person's own words, for those who see the section). */
  recent: Array<{ month: string; score: number | null; words: string | null }>;
  due: boolean;
}

export function wellbeingPage(youngPersonId: string, today: IsoDate): WellbeingPage {
  const from = addMonths(today, -(TREND_MONTHS - 1));
  const rows = checksBetween().all({ youngPersonId, from: monthOf(from), to: monthOf(today) }) as Array<CheckRow & { words: string | null }>;
  return { trend: trendOf(rows, from, today), recent: rows.slice(-6).reverse(), due: isCheckDue(rows, today) };
}

/** Is this month's "how are you doing?" still to ask (one small statement, for the young person's home)? */
const monthRow = prepared(`SELECT 1 FROM wellbeing_checks WHERE young_person_id = ? AND month = ?`);
export function wellbeingDue(youngPersonId: string, today: IsoDate): boolean {
  return monthRow().get(youngPersonId, monthOf(today)) === undefined;
}

/**
 * Records this month's answer (score 1–5 and words) or skip (score null). A second answer in the same
 * month replaces the first (the young person changed their mind); a skip never replaces an answer.
 */
export function saveWellbeing(youngPersonId: string, today: IsoDate, answer: { score: number; words?: string } | "skip"): void {
  const db = getDb();
  const month = monthOf(today);
  db.transaction((tx) => {
    const existing = tx
      .select()
      .from(wellbeingChecks)
      .where(and(eq(wellbeingChecks.youngPersonId, youngPersonId), eq(wellbeingChecks.month, month)))
      .get();
    if (answer === "skip") {
      if (!existing) tx.insert(wellbeingChecks).values({ id: randomUUID(), youngPersonId, month, score: null, words: null, answeredOn: today }).run();
      return;
    }
    const values = { score: answer.score, words: answer.words?.length ? answer.words : null, answeredOn: today };
    if (existing) tx.update(wellbeingChecks).set(values).where(eq(wellbeingChecks.id, existing.id)).run();
    else
      tx.insert(wellbeingChecks)
        .values({ id: randomUUID(), youngPersonId, month, ...values })
        .run();
  });
}

/** The last few months of many records (one statement), for the worklist's "falling well-being". */
export function recentChecksOf(youngPersonIds: readonly string[], today: IsoDate): Array<{ youngPersonId: string } & CheckRow> {
  if (youngPersonIds.length === 0) return [];
  return recentChecksRows().all(JSON.stringify(youngPersonIds), monthOf(addMonths(today, -6))) as Array<{ youngPersonId: string } & CheckRow>;
}

// Prepared once (the specialist's worklist asks on every view).
const recentChecksRows = prepared(
  `SELECT young_person_id AS youngPersonId, month, score FROM wellbeing_checks WHERE young_person_id IN (SELECT value FROM json_each(?)) AND month >= ?`,
);
