/**
 * Who may invite, manage and change the role of whom (issue 13). The policy (./policy.ts) says whether
 * an actor may manage accounts at all; these rules say which accounts and which roles.
 */
import type { Role } from "./vocabulary";

/** An invitation lives 7 days, a reset link 1 hour; both work once. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 3600 * 1000;
export const RESET_LIFETIME_MS = 3600 * 1000;

/** Staff roles an admin or lead may invite (a young person is invited from their record). */
export function invitableRoles(actorRole: Role): readonly Role[] {
  if (actorRole === "admin") return ["lead", "specialist", "mentor", "carer", "admin"];
  if (actorRole === "lead") return ["specialist", "mentor", "carer"];
  return [];
}

/** Accounts an admin or lead may disable, re-enable and reset. */
function manageableRoles(actorRole: Role): readonly Role[] {
  if (actorRole === "admin") return ["youth", "mentor", "specialist", "carer", "lead", "admin"];
  if (actorRole === "lead") return ["youth", "mentor", "specialist", "carer"];
  return [];
}

export interface AccountRef {
  id: string;
  role: Role;
  organisationId: string;
}

/** Never oneself (no admin locks themselves out), never across organisations. */
export function mayManageAccount(actor: AccountRef, target: AccountRef): boolean {
  return actor.id !== target.id && actor.organisationId === target.organisationId && manageableRoles(actor.role).includes(target.role);
}

/**
 * The roles a managed account may be given. A young person's account stays a young person's (it is tied
 * to their record), and nobody else becomes one.
 */
export function assignableRoles(actor: AccountRef, target: AccountRef): readonly Role[] {
  if (!mayManageAccount(actor, target) || target.role === "youth") return [];
  return invitableRoles(actor.role);
}

export type AccountState = "active" | "disabled";

/** What a one-time link (invitation or reset) says when it is opened. */
export type InvitationState = "valid" | "expired" | "used" | "revoked";

export function linkState(link: { expiresAt: number; usedAt: number | null; revokedAt: number | null }, nowMs: number): InvitationState {
  if (link.usedAt !== null) return "used";
  if (link.revokedAt !== null) return "revoked";
  if (nowMs >= link.expiresAt) return "expired";
  return "valid";
}

export function invitationState(invitation: { expiresAt: number; acceptedAt: number | null; revokedAt: number | null }, nowMs: number): InvitationState {
  return linkState({ ...invitation, usedAt: invitation.acceptedAt }, nowMs);
}
