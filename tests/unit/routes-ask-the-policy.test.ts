/**
 * Every route asks the one policy: each loader and action of a record's route starts with `requirePlan`
 * (the guard that loads the policy's view and the viewer), organisation pages with
 * `requireOrganisationAccess`, and no route gates a form by hand (`invariantResponse(access.permissions…`
 * or `access.allowed(…)` in an if) — intents go through `requireIntent`. A static check of the sources,
 * so a new route cannot slip past it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = join(process.cwd(), "app/routes");
const files = readdirSync(ROUTES).map((name) => ({ name, text: readFileSync(join(ROUTES, name), "utf8") }));

/** The body of each exported loader and action (up to the next top-level declaration). */
function handlers(text: string): Array<{ kind: string; body: string }> {
  const found: Array<{ kind: string; body: string }> = [];
  const pattern = /^export (?:async )?function (loader|action)\b[\s\S]*?(?=^(?:export |function |const |type |interface )|(?![\s\S]))/gm;
  for (const match of text.matchAll(pattern)) found.push({ kind: match[1]!, body: match[0] });
  return found;
}

/** requirePlan, or a section's guard that is requirePlan with that section's action (checked below). */
const PLAN_GUARDS = /requirePlan\(|requireBudget\(|requireBudgetForIntent\(/;

describe("routes ask the one policy", () => {
  const recordRoutes = files.filter((f) => f.name.startsWith("plan.$youngPersonId."));
  it("finds the record routes", () => {
    expect(recordRoutes.length).toBeGreaterThan(12);
  });

  for (const file of recordRoutes) {
    it(`${file.name}: every loader and action starts with requirePlan`, () => {
      const found = handlers(file.text);
      expect(found.length, "a route with a loader or an action").toBeGreaterThan(0);
      for (const handler of found) {
        // A loader that only redirects (the step route's GET) reads nothing.
        if (!/await|getDb|\w+\.server/.test(handler.body) && /return redirect\(/.test(handler.body)) continue;
        expect(handler.body, `${file.name} ${handler.kind}`).toMatch(PLAN_GUARDS);
      }
    });
  }

  it("the budget's guards are requirePlan with a budget action", () => {
    const guards = readFileSync(join(process.cwd(), "app/utils/budget-access.server.ts"), "utf8");
    expect(guards).toMatch(/export async function requireBudget\([^)]*\) \{\n\s+const access = await requirePlan\(request, youngPersonId, action\);/);
    expect(guards).toMatch(/requireBudgetForIntent[\s\S]*access: await requireBudget\(/);
  });

  for (const file of files.filter((f) => f.name.startsWith("organisation."))) {
    it(`${file.name}: every loader and action asks requireOrganisationAccess`, () => {
      for (const handler of handlers(file.text)) expect(handler.body, `${file.name} ${handler.kind}`).toMatch(/requireOrganisationAccess\(/);
    });
  }

  it("no route gates an intent by hand", () => {
    const byHand = files.flatMap((f) =>
      [...f.text.matchAll(/invariantResponse\(access\.(?:permissions\.\w+|allowed\([^)]*\))\s*,/g)].map((m) => `${f.name}: ${m[0]}`),
    );
    expect(byHand).toEqual([]);
  });

  it("the single-item calendar file asks the item's own action (a meeting: the mentorship's; a review: the review's)", () => {
    const ics = files.find((f) => f.name.includes("event[.]ics"))!;
    expect(ics.text).toMatch(/ref\.type === "meeting" \? "mentorship\.view" : ref\.type === "review" \? "review\.view" : "plan\.view"/);
  });
});
