import { demoDatabase } from "./demo.ts";
import { makePlanLarge } from "./large-plans.ts";
const { db, today, youth, plan } = await demoDatabase("sqltime");
makePlanLarge(db, plan.id, youth.id, today, { events: 200, comments: 10 });
const c = db.$client;
const src = await import("node:fs").then((fs) => fs.readFileSync("/work/wt-perfcpu/app/models/plans.server.ts", "utf8"));
const get = (name: string) => {
  const m = new RegExp(`const ${name} = prepared\\(\`([\\s\\S]*?)\`\\);`).exec(src)!;
  return m[1]!
    .replace(
      /\$\{OPEN_STEP_COLUMNS\}/g,
      "s.id AS stepId, s.goal_id AS goalId, s.title AS title, g.title AS goalTitle, g.domain AS domain, s.due_date AS dueDate, s.owner AS owner",
    )
    .replace(
      /\$\{OPEN_STEPS_OF_PLAN\}/g,
      `FROM steps s JOIN goals g ON g.id = s.goal_id
  WHERE g.plan_id = @planId AND g.domain IN (SELECT value FROM json_each(@domains))
    AND g.status IN ('planned', 'in_progress') AND s.done_at IS NULL`,
    )
    .replace(/\$\{NEXT_STEPS\}/g, "3");
};
const domains = JSON.stringify(["housing", "education", "work", "money", "health", "relationships", "everyday"]);
for (const name of ["overviewGoalCounts", "overviewNextSteps", "overviewFirstStepPerDomain", "overviewPlanBs", "planRatingRows"]) {
  const sqlText = get(name);
  const st = c.prepare(sqlText);
  const run = () => (name === "overviewPlanBs" || name === "planRatingRows" ? st.all(plan.id) : st.all({ planId: plan.id, today, domains }));
  for (let i = 0; i < 50; i++) run();
  const t0 = performance.now();
  for (let i = 0; i < 500; i++) run();
  console.log(name, ((performance.now() - t0) / 500).toFixed(3), "ms");
  if (process.env.PLAN)
    console.log(
      c.prepare("EXPLAIN QUERY PLAN " + sqlText).all(name === "overviewPlanBs" || name === "planRatingRows" ? plan.id : { planId: plan.id, today, domains }),
    );
}
const alt = c.prepare(`
  WITH d(domain) AS (SELECT value FROM json_each(@domains))
  SELECT d.domain AS domain,
    (SELECT s.id FROM steps s JOIN goals g ON g.id = s.goal_id
      WHERE g.plan_id = @planId AND g.domain = d.domain AND g.status IN ('planned', 'in_progress') AND s.done_at IS NULL
      ORDER BY s.due_date IS NULL, s.due_date, g.position, s.position, s.created_at, s.id LIMIT 1) AS stepId,
    (SELECT count(*) FROM steps s JOIN goals g ON g.id = s.goal_id
      WHERE g.plan_id = @planId AND g.domain = d.domain AND g.status IN ('planned', 'in_progress') AND s.done_at IS NULL AND s.due_date IS NOT NULL AND s.due_date < @today) AS overdueSteps
  FROM d`);
const runAlt = () => alt.all({ planId: plan.id, today, domains });
for (let i = 0; i < 50; i++) runAlt();
let t0 = performance.now();
for (let i = 0; i < 500; i++) runAlt();
console.log("alt per-domain subqueries", ((performance.now() - t0) / 500).toFixed(3), "ms");
