/**
 * Guards that ask the one policy (app/domain/policy.ts) and throw when it says no: 404 for records
 * (so ids cannot be probed), 403 for organisation actions.
 */
import { can, type CaseAction, type OrganisationAction } from "~/domain/policy";
import { getCaseSubject } from "~/models/young-people.server";
import type { SessionUser } from "./auth.server";
import { today } from "./clock.server";

export function actorOf(user: SessionUser) {
  return { id: user.id, role: user.role, organisationId: user.organisationId };
}

export function requireCaseAccess(user: SessionUser, youngPersonId: string, action: CaseAction) {
  const subject = getCaseSubject(youngPersonId);
  if (!subject || !can(actorOf(user), action, subject, today())) {
    throw new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return subject;
}

export function requireOrganisationAccess(user: SessionUser, action: OrganisationAction): void {
  if (!can(actorOf(user), action, { kind: "organisation", organisationId: user.organisationId }, today())) {
    throw new Response("Forbidden", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
