/** The history page in short (issue 14): a first page with "show more", GET filters, days and groups. */
import { beforeEach, describe, expect, test } from "vitest";
import { freshDatabase } from "../helpers/db";
import { historyOf, jsonOf, pages, YOUTH, youngPersonIdOf, type HistoryData } from "./plan-support";
import { HISTORY_PAGE } from "~/domain/history-view";

beforeEach(async () => {
  await freshDatabase();
});

async function page(id: string, search: string) {
  const data = await jsonOf<HistoryData>(await pages.history(YOUTH, id, search));
  return { ...data, events: data.days.flatMap((d) => d.groups.flatMap((g) => g.events)) };
}

describe("the history page", () => {
  test("shows one page first, then more, newest first, with the filters kept", async () => {
    const id = youngPersonIdOf(YOUTH);
    const all = await historyOf(YOUTH, id);
    expect(all.events.length, "the demo has more than a page of history").toBeGreaterThan(HISTORY_PAGE);
    const first = await page(id, "");
    expect(first.events.map((e) => e.id)).toEqual(all.events.slice(0, HISTORY_PAGE).map((e) => e.id));
    expect(first.moreSearch).toBe(`?limit=${2 * HISTORY_PAGE}`);
    const second = await page(id, first.moreSearch!);
    expect(second.events.slice(0, HISTORY_PAGE).map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(second.events.length).toBeGreaterThan(HISTORY_PAGE);
  });

  test("filters by what and by part of the plan", async () => {
    const id = youngPersonIdOf(YOUTH);
    const skills = await page(id, "?what=skills&limit=400");
    expect(skills.events.length).toBeGreaterThan(0);
    expect(skills.events.every((e) => e.entity === "skill")).toBe(true);
    const housing = await page(id, "?domain=housing&limit=400");
    expect(housing.events.length).toBeGreaterThan(0);
    expect(housing.events.every((e) => e.domain === "housing")).toBe(true);
    const goals = await page(id, "?what=goals&domain=housing&limit=400");
    expect(goals.events.every((e) => (e.entity === "goal" || e.entity === "step") && e.domain === "housing")).toBe(true);
    expect((await page(id, "?what=nonsense&domain=%00")).query).toMatchObject({ what: null, domain: null });
  });

  test("runs of one person doing one thing are grouped within a day", async () => {
    const id = youngPersonIdOf(YOUTH);
    const all = await historyOf(YOUTH, id);
    const groups = all.days.flatMap((d) => d.groups);
    expect(groups.length).toBeLessThan(all.events.length);
    for (const g of groups) for (const e of g.events) expect(`${e.entity}.${e.action}`).toBe(g.kind);
  });
});

describe("one goal's history", () => {
  test("the goal page folds in the latest entries and links to the rest; the history page shows only that goal's", async () => {
    const { GOAL_HISTORY_SHOWN } = await import("~/domain/history-view");
    const { goalOf, goalRows, post, token, MENTOR, SPECIALIST } = await import("./plan-support");
    const id = youngPersonIdOf(YOUTH);
    const goal = goalRows(id).find((g) => g.domain === "housing")!;
    const other = goalRows(id).find((g) => g.id !== goal.id && g.domain === "housing") ?? goalRows(id).find((g) => g.id !== goal.id)!;
    // Comments through the real form: more entries than the goal page folds in, and one on another goal.
    for (let i = 0; i < GOAL_HISTORY_SHOWN + 2; i++)
      expect((await post.goal(YOUTH, id, goal.id, { intent: "comment", body: `Piezīme ${i}`, clientToken: token() })).status).toBe(302);
    expect((await post.goal(YOUTH, id, other.id, { intent: "comment", body: "Citam mērķim", clientToken: token() })).status).toBe(302);

    const goalPage = await goalOf(YOUTH, id, goal.id);
    expect(goalPage.history).toHaveLength(GOAL_HISTORY_SHOWN);
    expect(goalPage.historyMore).toBe(true);
    expect(goalPage.history[0]!.commentBody).toBe(`Piezīme ${GOAL_HISTORY_SHOWN + 1}`);

    const all = await page(id, `?goal=${goal.id}&limit=400`);
    expect(all.goal).toEqual({ id: goal.id, title: goal.title });
    expect(all.title).toContain(goal.title);
    expect(all.events.length).toBeGreaterThan(GOAL_HISTORY_SHOWN + 1);
    expect(all.events.map((e) => e.id).slice(0, GOAL_HISTORY_SHOWN)).toEqual(goalPage.history.map((e) => e.id));
    expect(all.events.some((e) => e.commentBody === "Citam mērķim")).toBe(false);
    expect(all.events.every((e) => e.title === goal.title || e.goalTitle === goal.title)).toBe(true);
    // "Show more" keeps the goal.
    const first = await page(id, `?goal=${goal.id}`);
    if (first.moreSearch) expect(first.moreSearch).toContain(`goal=${goal.id}`);

    // A goal with little history: no link. A goal of another plan, or nonsense: not found / ignored.
    const quiet = goalRows(id).find((g) => g.id !== goal.id && g.id !== other.id)!;
    const quietPage = await goalOf(SPECIALIST, id, quiet.id);
    expect(quietPage.historyMore).toBe(quietPage.history.length > GOAL_HISTORY_SHOWN);
    const marta = youngPersonIdOf("youth.aftercare@demo.test");
    const martasGoal = goalRows(marta)[0]!;
    expect((await pages.history(YOUTH, id, `?goal=${martasGoal.id}`)).status).toBe(404);
    expect((await page(id, "?goal=%3Cscript%3E")).goal).toBeNull();
    // The mentor, once Housing is hidden from them, does not get that goal's history.
    const { getDb } = await import("~/utils/db.server");
    const { sharingSwitches } = await import("../../db/schema");
    getDb()
      .insert(sharingSwitches)
      .values({ youngPersonId: id, audience: "mentor", section: "housing", shared: false, changedAt: Date.now() })
      .onConflictDoUpdate({ target: [sharingSwitches.youngPersonId, sharingSwitches.audience, sharingSwitches.section], set: { shared: false } })
      .run();
    expect((await pages.history(MENTOR, id, `?goal=${goal.id}`)).status).toBeGreaterThanOrEqual(403);
  });
});
