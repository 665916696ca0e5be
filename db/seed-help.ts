/**
 * Demo data for "I need help" and the monthly well-being check (issue 11): Marta has an open help
 * request (sent to her specialist and her mentor), her well-being has fallen these months (the
 * worklist shows both); Jānis has answered for five months and is asked again this month.
 * Dates are relative to today.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { addMonths, type IsoDate } from "../app/domain/dates";
import { monthOf } from "../app/domain/wellbeing";
import type { Tx } from "../app/models/plans.server";
import { helpRequests, users, wellbeingChecks, youngPeople } from "./schema";

const HOUR = 3_600_000;

export function seedHelp(tx: Tx, today: IsoDate, nowMs: number): void {
  const userId = (email: string) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
  const recordOf = (email: string) =>
    tx
      .select()
      .from(youngPeople)
      .where(eq(youngPeople.userId, userId(email)))
      .get()!;
  const marta = recordOf("youth.aftercare@demo.test");
  const janis = recordOf("youth.transition@demo.test");

  tx.insert(helpRequests)
    .values({
      id: randomUUID(),
      youngPersonId: marta.id,
      fromUserId: marta.userId,
      recipientId: marta.specialistId,
      mentorId: userId("mentor@demo.test"),
      message: "Man atnāca rēķins par elektrību, ko nesaprotu, un īre jāmaksā piektdien. Vai vari palīdzēt?",
      createdAt: nowMs - 20 * HOUR,
    })
    .run();

  const checks = (youngPersonId: string, scores: ReadonlyArray<[monthsAgo: number, score: number | null, words?: string]>) => {
    for (const [monthsAgo, score, words] of scores) {
      const day = addMonths(today, -monthsAgo);
      tx.insert(wellbeingChecks)
        .values({ id: randomUUID(), youngPersonId, month: monthOf(day), score, words: words ?? null, answeredOn: day })
        .run();
    }
  };
  // Jānis: mostly good, one skipped month; this month's question is still open.
  checks(janis.id, [
    [5, 3],
    [4, 4, "Praktika autoservisā iet labi."],
    [3, null],
    [2, 4],
    [1, 5, "Nokārtoju teoriju!"],
  ]);
  // Marta: falling since she moved out; answered this month.
  checks(marta.id, [
    [4, 4],
    [3, 4],
    [2, 3, "Darbā daudz maiņu."],
    [1, 3],
    [0, 2, "Esmu nogurusi, nauda nepietiek."],
  ]);
}
