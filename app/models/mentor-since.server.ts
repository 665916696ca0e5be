/**
 * "Since we last talked" on each mentee card (issue 14): what moved in the plan since the mentor's last
 * contact, in the domains the young person shares with them. One query for the whole dashboard.
 */
import { rigaDayStartMs } from "./progress.server";
import { prepared } from "~/utils/statements.server";

export interface SinceLastContact {
  stepsDone: number;
  goalsAdded: number;
  goalsDone: number;
}

// @since: [{ "id": young person, "since": Unix ms }]; @visible: the "<young person>:<domain>" pairs shown.
const sinceQuery = prepared(`
  WITH wanted AS (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.since') AS since FROM json_each(@since))
  SELECT w.id AS youngPersonId,
         (SELECT count(*) FROM steps s JOIN goals g ON g.id = s.goal_id
           WHERE g.plan_id = p.id AND s.done_at >= w.since
             AND (p.young_person_id || ':' || g.domain) IN (SELECT value FROM json_each(@visible))) AS stepsDone,
         (SELECT count(*) FROM goals g
           WHERE g.plan_id = p.id AND g.created_at >= w.since AND g.status != 'dropped'
             AND (p.young_person_id || ':' || g.domain) IN (SELECT value FROM json_each(@visible))) AS goalsAdded,
         (SELECT count(*) FROM goals g
           WHERE g.plan_id = p.id AND g.status = 'done' AND g.updated_at >= w.since
             AND (p.young_person_id || ':' || g.domain) IN (SELECT value FROM json_each(@visible))) AS goalsDone
  FROM wanted w JOIN plans p ON p.young_person_id = w.id`);

/** For each mentee with a last contact (its day, from the start of that day in Riga): what moved since. */
export function sinceLastContact(
  mentees: ReadonlyArray<{ youngPersonId: string; lastContactOn: string | null }>,
  visibleList: string,
): Map<string, SinceLastContact> {
  const wanted = mentees.flatMap((m) => (m.lastContactOn ? [{ id: m.youngPersonId, since: rigaDayStartMs(m.lastContactOn) }] : []));
  if (wanted.length === 0) return new Map();
  const rows = sinceQuery().all({ since: JSON.stringify(wanted), visible: visibleList }) as Array<SinceLastContact & { youngPersonId: string }>;
  return new Map(rows.map(({ youngPersonId, ...counts }) => [youngPersonId, counts]));
}
