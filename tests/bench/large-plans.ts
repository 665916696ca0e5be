/**
 * For the benchmarks: make a demo plan large — 7 domains × 20 goals × 10 steps (every fifth goal done,
 * four steps of ten done, every third step the mentor's, due dates around today) plus history entries.
 */
import { randomUUID } from "node:crypto";
import { goalComments, goals, planEvents, steps } from "../../db/schema";
import type { TiltsDatabase } from "../../db/connection";
import { addDays } from "~/domain/dates";
import { DOMAINS } from "~/domain/vocabulary";

export function makePlanLarge(db: TiltsDatabase, planId: string, authorId: string, today: string, options: { events?: number; comments?: number } = {}) {
  let firstGoalId = "";
  db.transaction((tx) => {
    for (const domain of DOMAINS) {
      for (let g = 0; g < 20; g++) {
        const goalId = randomUUID();
        if (!firstGoalId) firstGoalId = goalId;
        tx.insert(goals)
          .values({
            id: goalId,
            planId,
            domain,
            title: `Mērķis ${domain} ${g + 1}: sarunāt, uzzināt un izdarīt`,
            why: "Tāpēc, ka tas man ir svarīgi.",
            owner: "youth",
            dueDate: addDays(today, g * 7 - 30),
            status: g % 5 === 0 ? "done" : "in_progress",
            position: 100 + g,
            createdBy: authorId,
          })
          .run();
        for (let s = 0; s < 10; s++) {
          tx.insert(steps)
            .values({
              id: randomUUID(),
              goalId,
              title: `Solis ${s + 1}: piezvanīt, aiziet, aizpildīt iesniegumu`,
              owner: s % 3 === 0 ? "mentor" : "youth",
              dueDate: addDays(today, s * 3 - 10),
              doneAt: s < 4 ? Date.now() : null,
              position: s,
              createdBy: authorId,
            })
            .run();
        }
      }
    }
    for (let c = 0; c < (options.comments ?? 0); c++) {
      tx.insert(goalComments)
        .values({
          id: randomUUID(),
          goalId: firstGoalId,
          authorId,
          body: `Komentārs ${c + 1}: šodien izdarīju vēl vienu soli, žēl, ka ne vairāk.`,
          createdAt: Date.now() - c * 60_000,
        })
        .run();
    }
    for (let e = 0; e < (options.events ?? 0); e++) {
      tx.insert(planEvents)
        .values({
          id: randomUUID(),
          planId,
          actorId: authorId,
          entity: "step",
          entityId: null,
          domain: "housing",
          action: "completed",
          after: { title: `Solis ${e}` },
          createdAt: Date.now() - e * 60_000,
        })
        .run();
    }
  });
  return { firstGoalId };
}
