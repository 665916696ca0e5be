/** Organisations and their users (what an admin manages; no case content here). */
import { asc, eq } from "drizzle-orm";
import { organisations, users } from "../../db/schema";
import type { Locale, Role } from "~/domain/vocabulary";
import { getDb } from "~/utils/db.server";

export function getOrganisation(organisationId: string) {
  return getDb().select().from(organisations).where(eq(organisations.id, organisationId)).get() ?? null;
}

export interface OrganisationMember {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  disabled: boolean;
}

export function organisationMembers(organisationId: string): OrganisationMember[] {
  return getDb()
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.organisationId, organisationId))
    .orderBy(asc(users.role), asc(users.displayName))
    .all()
    .map(({ disabledAt, ...member }) => ({ ...member, disabled: disabledAt !== null }));
}

export function setUserLocale(userId: string, locale: Locale): void {
  getDb().update(users).set({ locale }).where(eq(users.id, userId)).run();
}
