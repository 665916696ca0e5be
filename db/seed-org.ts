/**
 * Demo data for running an organisation (issue 13): a pending invitation from the demo admin, and 40
 * records without logins and without a specialist, so the statistics show real cells next to hidden
 * ones without touching the demo specialist's caseload. Dates are relative to today; the spread is fixed
 * (no randomness), so the demo always shows the same numbers.
 */
import { randomUUID } from "node:crypto";
import { INVITATION_LIFETIME_MS } from "../app/domain/accounts";
import { addMonths, type IsoDate } from "../app/domain/dates";
import type { CareForm, EducationStatus, EmploymentStatus, SpecialNeedsAnswer } from "../app/domain/vocabulary";
import { hashToken, newSecretToken } from "../app/utils/tokens.server";
import type { TiltsDatabase } from "./connection";
import { invitations, youngPeople } from "./schema";

type Tx = Parameters<Parameters<TiltsDatabase["transaction"]>[0]>[0];

/** Municipality and how many records: the last three are under 5 each (shown together as "other"). */
const MUNICIPALITIES: ReadonlyArray<readonly [string, number]> = [
  ["Rīga", 15],
  ["Valmieras novads", 9],
  ["Jelgava", 7],
  ["Cēsu novads", 6],
  ["Ludzas novads", 1],
  ["Alūksnes novads", 1],
  ["Talsu novads", 1],
];
const CARE_FORMS: readonly CareForm[] = ["foster_family", "foster_family", "residential", "sos_family", "guardianship", "foster_family", "residential"];
const EDUCATION: ReadonlyArray<EducationStatus | null> = [
  "secondary_school",
  "vocational",
  "secondary_school",
  "basic_school",
  null,
  "vocational",
  "higher",
  "secondary_school",
];
const EMPLOYMENT: ReadonlyArray<EmploymentStatus | null> = ["not_looking", "part_time", "looking_for_work", "not_looking", "full_time", null, "not_looking"];
/** Ages in months, 15 to 23 years. */
const AGES = [15 * 12 + 4, 16 * 12 + 2, 16 * 12 + 8, 17 * 12 + 1, 17 * 12 + 6, 18 * 12 + 3, 19 * 12 + 5, 20 * 12 + 9, 22 * 12 + 1, 16 * 12 + 11];

export const DEMO_INVITATION = { email: "new.specialist@demo.test", displayName: "Līga Ozoliņa", role: "specialist" as const };

export function seedOrganisationDemo(tx: Tx, organisationId: string, adminId: string, today: IsoDate, nowMs: number): void {
  tx.insert(invitations)
    .values({
      id: randomUUID(),
      organisationId,
      ...DEMO_INVITATION,
      // Nobody knows this token: the demo shows a waiting invitation, a new one can be made from the page.
      tokenHash: hashToken(newSecretToken()),
      invitedBy: adminId,
      createdAt: nowMs - 2 * 86_400_000,
      expiresAt: nowMs - 2 * 86_400_000 + INVITATION_LIFETIME_MS,
    })
    .run();

  const municipalities = MUNICIPALITIES.flatMap(([name, count]) => Array.from({ length: count }, () => name));
  const records = municipalities.map((municipality, i) => {
    const ageMonths = AGES[i % AGES.length]!;
    const dateOfBirth = addMonths(today, -ageMonths);
    // Care ends at 18 (or, for the older ones, ended then): preparation, transition and aftercare all occur.
    const careEnd = addMonths(dateOfBirth, 18 * 12 + (i % 3) * 6);
    return {
      id: randomUUID(),
      organisationId,
      displayName: `Demo ${String(i + 1).padStart(2, "0")}`,
      dateOfBirth,
      careForm: CARE_FORMS[i % CARE_FORMS.length]!,
      municipality,
      plannedCareEndDate: careEnd,
      actualCareEndDate: careEnd < today ? careEnd : null,
      educationStatus: EDUCATION[i % EDUCATION.length]!,
      employmentStatus: ageMonths >= 16 * 12 ? EMPLOYMENT[i % EMPLOYMENT.length]! : null,
      specialNeeds: (i % 9 === 0 ? "yes" : i % 4 === 3 ? null : "no") as SpecialNeedsAnswer | null,
      specialistId: null,
    };
  });
  tx.insert(youngPeople).values(records).run();
}
