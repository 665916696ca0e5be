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
