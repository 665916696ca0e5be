/**
 * Forms without a form library's client code (docs/decisions/005-javascript-budget.md, 024): the
 * organisation's settings and skills pages and the domain page's move buttons, with JavaScript on and
 * off. Bad input gets its message next to the field, keeps what was typed and (JavaScript on) the focus
 * goes to the first field in error; nothing is saved.
 */
import Database from "better-sqlite3";
import { E2E_DATABASE, account, expect, expectNoAxeViolations, test } from "./helpers";
import { signIn } from "./sessions";

const lead = account("lead@demo.test");
const janis = account("youth.transition@demo.test");
const anna = account("youth.preparation@demo.test");

/** Gives Anna's psychosocial domain `extra` more goals (after her own); returns her record, the domain's goals in order and a way to take them away again. */
function manyGoals(extra: number) {
  const db = new Database(E2E_DATABASE);
  try {
    const { id, planId, userId } = db
      .prepare(
        "select y.id, p.id as planId, y.user_id as userId from young_people y join plans p on p.young_person_id = y.id where y.display_name = 'Anna Kalniņa'",
      )
      .get() as { id: string; planId: string; userId: string };
    const insert = db.prepare(
      "insert into goals (id, plan_id, domain, title, owner, status, position, created_by, created_at) values (?, ?, 'psychosocial', ?, 'youth', 'planned', ?, ?, ?)",
    );
    const added: string[] = [];
    for (let i = 0; i < extra; i++) {
      const goalId = `e2e-many-goals-${i}`;
      insert.run(goalId, planId, `Daudzu mērķu tests ${i + 1}`, 1000 + i, userId, Date.now());
      added.push(goalId);
    }
    return {
      id,
      order: () => goalsToMoveOrder(id, "psychosocial"),
      remove: () => {
        const rw = new Database(E2E_DATABASE);
        try {
          const marks = added.map(() => "?").join(",");
          rw.prepare(`delete from plan_events where entity_id in (${marks})`).run(...added);
          rw.prepare(`delete from goals where id in (${marks})`).run(...added);
        } finally {
          rw.close();
        }
      },
    };
  } finally {
    db.close();
  }
}

/** Gives one of Anna's goals `count` comments (with their history entries, oldest first); returns the goal and a way to take them away. */
function manyComments(count: number) {
  const db = new Database(E2E_DATABASE);
  try {
    const { id, planId, userId, goalId, title, domain } = db
      .prepare(
        `select y.id, p.id as planId, y.user_id as userId, g.id as goalId, g.title, g.domain from young_people y join plans p on p.young_person_id = y.id
         join goals g on g.plan_id = p.id where y.display_name = 'Anna Kalniņa' order by g.position limit 1`,
      )
      .get() as { id: string; planId: string; userId: string; goalId: string; title: string; domain: string };
    const comment = db.prepare("insert into goal_comments (id, goal_id, author_id, body, created_at) values (?, ?, ?, ?, ?)");
    const event = db.prepare(
      "insert into plan_events (id, plan_id, actor_id, entity, entity_id, domain, action, after, created_at) values (?, ?, ?, 'comment', ?, ?, 'commented', ?, ?)",
    );
    const added: string[] = [];
    const at = Date.now() - count * 60_000;
    for (let i = 0; i < count; i++) {
      const commentId = `e2e-goal-history-${i}`;
      comment.run(commentId, goalId, userId, `Vēstures tests ${i + 1}`, at + i * 60_000);
      event.run(`e2e-goal-history-event-${i}`, planId, userId, goalId, domain, JSON.stringify({ commentId }), at + i * 60_000);
      added.push(commentId);
    }
    return {
      id,
      goalId,
      title,
      remove: () => {
        const rw = new Database(E2E_DATABASE);
        try {
          rw.prepare("delete from plan_events where id like 'e2e-goal-history-event-%'").run();
          rw.prepare("delete from goal_comments where id like 'e2e-goal-history-%'").run();
        } finally {
          rw.close();
        }
      },
    };
  } finally {
    db.close();
  }
}

/** Jānis's record and the goals of a domain of his with at least two of them, in their order. */
function goalsToMove() {
  const db = new Database(E2E_DATABASE, { readonly: true });
  try {
    const id = (db.prepare("select id from young_people where display_name = 'Jānis Ozols'").get() as { id: string }).id;
    const rows = db
      .prepare("select g.id, g.domain from goals g join plans p on p.id = g.plan_id where p.young_person_id = ? order by g.domain, g.position, g.created_at")
      .all(id) as { id: string; domain: string }[];
    const domain = rows.find((r, i) => rows.findIndex((o) => o.domain === r.domain) !== i)!.domain;
    return { id, domain, order: () => goalsToMoveOrder(id, domain) };
  } finally {
    db.close();
  }
}

function goalsToMoveOrder(id: string, domain: string): string[] {
  const db = new Database(E2E_DATABASE, { readonly: true });
  try {
    return (
      db
        .prepare("select g.id from goals g join plans p on p.id = g.plan_id where p.young_person_id = ? and g.domain = ? order by g.position, g.created_at")
        .all(id, domain) as { id: string }[]
    ).map((r) => r.id);
  } finally {
    db.close();
  }
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("organisation settings and skills: a refused value is kept, with its message next to the field", async ({ page }) => {
      await signIn(page, lead, "en");
      await page.goto("/organisation/settings");
      const rhythm = page.locator("#organisation-settings-rhythmDays");
      await rhythm.fill("500");
      await page.locator("#organisation-settings").getByRole("button").click();
      await expect(page.locator("#organisation-settings-rhythmDays-error")).toHaveText(/7.*92/);
      await expect(rhythm).toHaveValue("500");
      await expect(rhythm).toHaveAttribute("aria-invalid", "true");
      await expect(rhythm).toHaveAttribute("aria-describedby", /organisation-settings-rhythmDays-error/);
      if (javaScriptEnabled) await expect(rhythm).toBeFocused();

      await page.goto("/organisation/skills");
      const before = await page.locator(".skill-admin-list li").count();
      await page.locator("#organisation-skill-domain").selectOption("health");
      await page.locator("#organisation-skill").getByRole("button").click();
      const title = page.locator("#organisation-skill-title");
      await expect(page.locator("#organisation-skill-title-error")).toBeVisible();
      await expect(title).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("#organisation-skill-domain")).toHaveValue("health");
      if (javaScriptEnabled) await expect(title).toBeFocused();
      await expect(page.locator(".skill-admin-list li")).toHaveCount(before);
    });

    test("a goal moves down and back up with the domain page's shared move form, landing on the goal", async ({ page }) => {
      const { id, domain, order } = goalsToMove();
      const [first, second] = order();
      await signIn(page, janis, "lv");
      await page.goto(`/plan/${id}/${domain}`);
      // One move form for the page, not one per button.
      expect(await page.locator("form#moves").count()).toBe(1);
      await page.locator(`button[name='move'][value='${first}:down']`).click();
      await expect(page).toHaveURL(new RegExp(`#goal-${first}$`));
      await expect.poll(() => order().slice(0, 2)).toEqual([second, first]);
      await page.locator(`button[name='move'][value='${first}:up']`).click();
      await expect(page).toHaveURL(new RegExp(`#goal-${first}$`));
      await expect.poll(() => order().slice(0, 2)).toEqual([first, second]);
    });

    test("a goal page folds in the goal's latest history and links to the rest, on the history page of that goal", async ({ page }) => {
      const { id, goalId, title, remove } = manyComments(14);
      try {
        await page.setViewportSize({ width: 360, height: 740 });
        await signIn(page, anna, "lv");
        await page.goto(`/plan/${id}/goals/${goalId}`);
        const fold = page.locator("#goal-history");
        await fold.locator("summary").click();
        await expect(fold).toContainText("Vēstures tests 14");
        await expect(fold).not.toContainText("Vēstures tests 4");
        await fold.getByRole("link", { name: "Visa šī mērķa vēsture" }).click();
        await expect(page).toHaveURL(new RegExp(`/plan/${id}/history\\?goal=${goalId}$`));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Mērķa “${title}” vēsture`);
        await expect(page.locator("main")).toContainText("Vēstures tests 4");
        await expect(page.locator("main")).toContainText("Vēstures tests 14");
        await expect(page.getByRole("link", { name: "Atpakaļ uz mērķi" })).toHaveAttribute("href", `/plan/${id}/goals/${goalId}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(360);
        if (javaScriptEnabled) await expectNoAxeViolations(page, "a goal's history");
      } finally {
        remove();
      }
    });
    test("a domain of many goals shows eight at a time; a goal moved past its page follows it to the next page", async ({ page }) => {
      const { id, order, remove } = manyGoals(10);
      try {
        const all = order();
        expect(all.length).toBeGreaterThanOrEqual(10);
        await signIn(page, anna, "lv");
        await page.goto(`/plan/${id}/psychosocial`);
        const listed = page.locator(".goal-list > li");
        await expect(listed).toHaveCount(8);
        const pager = page.getByRole("navigation", { name: "Mērķu lapas" });
        await expect(pager).toContainText(`Mērķi 1–8 no ${all.length}`);
        // The last goal of the page can still go down: it swaps with the first goal of the next page.
        const eighth = all[7]!;
        await page.locator(`button[name='move'][value='${eighth}:down']`).click();
        await expect(page).toHaveURL(new RegExp(`/psychosocial\\?page=2#goal-${eighth}$`));
        await expect(listed.first()).toHaveAttribute("id", `goal-${eighth}`);
        await expect.poll(() => order().indexOf(eighth)).toBe(8);
        await page.locator(`button[name='move'][value='${eighth}:up']`).click();
        await expect(page).toHaveURL(new RegExp(`/psychosocial#goal-${eighth}$`));
        await expect(listed.nth(7)).toHaveAttribute("id", `goal-${eighth}`);
        await expect.poll(() => order()).toEqual(all);
        // The pager turns to the rest; a page past the end shows the last one.
        await pager.getByRole("link", { name: "Nākamie mērķi →" }).click();
        await expect(page).toHaveURL(/\?page=2#goals-heading$/);
        await expect(listed).toHaveCount(all.length - 8);
        await expect(pager).toContainText(`Mērķi 9–${all.length} no ${all.length}`);
        await page.goto(`/plan/${id}/psychosocial?page=99`);
        await expect(listed).toHaveCount(all.length - 8);
        // The goal page's way back goes to the page that lists the goal.
        await listed.last().getByRole("link").first().click();
        await expect(page.locator(".breadcrumb a").nth(1)).toHaveAttribute("href", `/plan/${id}/psychosocial?page=2`);
      } finally {
        remove();
      }
    });
  });
}
