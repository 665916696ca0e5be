/**
 * Guards that ask the one policy (app/domain/policy.ts) and throw when it says no: 404 for records
 * (so ids cannot be probed), 403 for organisation actions. The policy's view of a record always comes
 * from the one loader (caseSubjectsOf in app/models/young-people.server.ts).
 */
import { can, viewerOf, type CaseAction, type CaseSubject, type OrganisationAction, type Viewer } from "~/domain/policy";
import type { Section } from "~/domain/sharing";
import { getCaseSubject } from "~/models/young-people.server";
import type { SessionUser } from "./auth.server";
import { today } from "./clock.server";

export function actorOf(user: SessionUser) {
  return { id: user.id, role: user.role, organisationId: user.organisationId };
}

export function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function requireCaseAccess(user: SessionUser, youngPersonId: string, action: CaseAction): CaseSubject {
  const subject = getCaseSubject(youngPersonId);
  if (!subject || !can(actorOf(user), action, subject, today())) throw notFound();
  return subject;
}

/** The viewer this user is of the record, when the policy allows `action`; 404 otherwise. */
export function requireViewer(user: SessionUser, youngPersonId: string, action: CaseAction): { subject: CaseSubject; viewer: Viewer } {
  const subject = requireCaseAccess(user, youngPersonId, action);
  return { subject, viewer: viewerOf(actorOf(user), subject, today()) };
}

/** 404 unless the viewer sees every one of these sections (a hidden section is "not found"). */
export function requireSections(viewer: Viewer, ...sections: Section[]): void {
  if (!sections.every((s) => viewer.sections.has(s))) throw notFound();
}

export function requireOrganisationAccess(user: SessionUser, action: OrganisationAction): void {
  if (!can(actorOf(user), action, { kind: "organisation", organisationId: user.organisationId }, today())) {
    throw new Response("Forbidden", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
