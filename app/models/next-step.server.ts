/**
 * The step a mentor proposes from the contact form (decision 026), written in the contact's own
 * transaction: on an open goal the mentor sees, or on a new goal in a domain the mentor sees, with a
 * `step.suggested` event the young person's history shows as "Pēteris suggested …".
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, max } from "drizzle-orm";
import { goals, plans, steps } from "../../db/schema";
import type { NextStep, NextStepChoices } from "~/domain/next-step-form";
import { DOMAINS, type Domain } from "~/domain/vocabulary";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { recordEvent, type Tx } from "./plans.server";

/** The open goals (planned, in progress) of the domains the viewer sees, in one query. */
export function nextStepChoices(youngPersonId: string, sees: (domain: Domain) => boolean): NextStepChoices {
  const domains = DOMAINS.filter(sees);
  const rows = domains.length
    ? getDb()
        .select({ id: goals.id, title: goals.title, domain: goals.domain })
        .from(goals)
        .innerJoin(plans, eq(plans.id, goals.planId))
        .where(and(eq(plans.youngPersonId, youngPersonId), inArray(goals.status, ["planned", "in_progress"]), inArray(goals.domain, domains)))
        .orderBy(goals.domain, goals.position)
        .all()
    : [];
  return { goals: rows, domains };
}

export function writeNextStep(tx: Tx, { planId, mentorId, contactId, step }: { planId: string; mentorId: string; contactId: string; step: NextStep }): string {
  const at = now().getTime();
  let goalId: string;
  if (step.target.kind === "new") {
    const domain = step.target.domain;
    goalId = randomUUID();
    const last = tx
      .select({ position: max(goals.position) })
      .from(goals)
      .where(and(eq(goals.planId, planId), eq(goals.domain, domain)))
      .get();
    // The new goal is the young person's, named like its first step; they can rename it.
    tx.insert(goals)
      .values({
        id: goalId,
        planId,
        domain,
        title: step.title,
        why: null,
        owner: "youth",
        dueDate: null,
        status: "planned",
        position: (last?.position ?? -1) + 1,
        clientToken: null,
        createdBy: mentorId,
        createdAt: at,
      })
      .run();
    recordEvent(tx, { planId, actorId: mentorId, kind: "goal.created", entityId: goalId, domain, after: { owner: "youth", dueDate: null } });
  } else {
    goalId = step.target.goalId;
  }
  const goal = tx.select({ domain: goals.domain }).from(goals).where(eq(goals.id, goalId)).get()!;
  const lastStep = tx
    .select({ position: max(steps.position) })
    .from(steps)
    .where(eq(steps.goalId, goalId))
    .get();
  const id = randomUUID();
  tx.insert(steps)
    .values({
      id,
      goalId,
      title: step.title,
      owner: step.owner,
      dueDate: step.dueOn,
      position: (lastStep?.position ?? -1) + 1,
      clientToken: null,
      createdBy: mentorId,
      createdAt: at,
    })
    .run();
  recordEvent(tx, {
    planId,
    actorId: mentorId,
    kind: "step.suggested",
    entityId: id,
    domain: goal.domain,
    after: { goalId, owner: step.owner, dueDate: step.dueOn, contactId, newGoal: step.target.kind === "new" },
  });
  return id;
}
