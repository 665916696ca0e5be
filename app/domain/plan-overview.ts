/**
 * What the plan overview shows per domain: readiness, goals done/total, the next step due and what is
 * overdue. Pure: rows in, summaries out, so the page needs a fixed number of queries.
 */
import type { LatestRatings } from "./readiness";
import { DOMAINS, type Domain, type GoalStatus, type Owner } from "./vocabulary";

export interface GoalRow {
  id: string;
  domain: Domain;
  title: string;
  status: GoalStatus;
  dueDate: string | null;
  position: number;
  owner: Owner;
}

export interface StepRow {
  id: string;
  goalId: string;
  title: string;
  dueDate: string | null;
  doneAt: number | null;
  owner: Owner;
  position: number;
}

export interface NextStep {
  stepId: string;
  goalId: string;
  title: string;
  goalTitle: string;
  /** The goal's domain: what the viewer must see to be shown the step. */
  domain: Domain;
  dueDate: string | null;
  owner: Owner;
  overdue: boolean;
}

export interface DomainSummary {
  domain: Domain;
  goalsDone: number;
  /** Goals that count: dropped ones stay visible but are not "to do". */
  goalsTotal: number;
  overdueGoals: number;
  overdueSteps: number;
  nextStep: NextStep | null;
  youthRating: number | null;
  adultRating: number | null;
}

/**
 * How many goals one domain page shows, in the plan's order; a pager turns to the next ones. A domain of
 * 20 goals is three pages, so no page grows with the size of a plan (DESIGN's budgets; decision 041). Shared by the page and its SQL.
 */
export const DOMAIN_PAGE_GOALS = 8;

/** How many next steps the overview and the young person's home show. */
export const NEXT_STEPS = 3;

const isOpen = (status: GoalStatus) => status === "planned" || status === "in_progress";

/** Open steps of open goals, soonest due first (undated last), then by goal and step order. */
export function openSteps(goals: readonly GoalRow[], steps: readonly StepRow[], today: string): NextStep[] {
  const goalById = new Map(goals.map((g) => [g.id, g]));
  return steps
    .filter((s) => s.doneAt === null && isOpen(goalById.get(s.goalId)?.status ?? "dropped"))
    .map((s) => {
      const goal = goalById.get(s.goalId)!;
      return {
        step: s,
        goal,
        next: {
          stepId: s.id,
          goalId: goal.id,
          title: s.title,
          goalTitle: goal.title,
          domain: goal.domain,
          dueDate: s.dueDate,
          owner: s.owner,
          overdue: s.dueDate !== null && s.dueDate < today,
        },
      };
    })
    .sort((a, b) => compareDue(a.step.dueDate, b.step.dueDate) || a.goal.position - b.goal.position || a.step.position - b.step.position)
    .map((x) => x.next);
}

function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function summariseDomains(goals: readonly GoalRow[], steps: readonly StepRow[], latest: LatestRatings, today: string): DomainSummary[] {
  const next = openSteps(goals, steps, today);
  const goalDomain = new Map(goals.map((g) => [g.id, g.domain]));
  return DOMAINS.map((domain) => {
    const inDomain = goals.filter((g) => g.domain === domain && g.status !== "dropped");
    const domainSteps = next.filter((s) => goalDomain.get(s.goalId) === domain);
    return {
      domain,
      goalsDone: inDomain.filter((g) => g.status === "done").length,
      goalsTotal: inDomain.length,
      overdueGoals: inDomain.filter((g) => isOpen(g.status) && g.dueDate !== null && g.dueDate < today).length,
      overdueSteps: domainSteps.filter((s) => s.overdue).length,
      nextStep: domainSteps[0] ?? null,
      youthRating: latest[domain].youth?.value ?? null,
      adultRating: latest[domain].adult?.value ?? null,
    };
  });
}
