/**
 * The organisation's accounts and invitations as the admin and lead manage them (issue 13). No case
 * content here. Each change that takes access away ends the account's sessions, so it holds from the
 * account's next request.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, isNull, like, or, sql } from "drizzle-orm";
import { invitations, passwordResets, users, youngPeople } from "../../db/schema";
import {
  assignableRoles,
  invitableRoles,
  invitationState,
  INVITATION_LIFETIME_MS,
  mayManageAccount,
  linkState,
  RESET_LIFETIME_MS,
  type AccountRef,
  type InvitationState,
} from "~/domain/accounts";
import type { FieldProblem } from "~/domain/form-errors";
import { ROLES, type Locale, type Role } from "~/domain/vocabulary";
import { endAllSessions, normaliseEmail, startSession } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { hashToken, newSecretToken, TOKEN_PATTERN } from "~/utils/tokens.server";

export const ACCOUNT_STATES = ["active", "disabled"] as const;

export interface PeopleQuery {
  q?: string | null;
  role?: Role | null;
  state?: (typeof ACCOUNT_STATES)[number] | null;
}

export interface PersonRow {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  disabled: boolean;
  lastLoginAt: number | null;
  /** What the viewer may do with this account. */
  manageable: boolean;
  roles: readonly Role[];
  mayReset: boolean;
}

/** LIKE with the user's text taken literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The organisation's accounts, searched by name or e-mail and filtered by role and state (one query). */
export function listPeople(actor: AccountRef, query: PeopleQuery): PersonRow[] {
  const conditions = [eq(users.organisationId, actor.organisationId)];
  const q = query.q?.trim().toLowerCase();
  if (q) {
    const pattern = likePattern(q);
    conditions.push(or(sql`lower(${users.displayName}) like ${pattern} escape '\\'`, like(users.email, pattern))!);
  }
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.state === "active") conditions.push(isNull(users.disabledAt));
  if (query.state === "disabled") conditions.push(sql`${users.disabledAt} is not null`);
  return getDb()
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
      lastLoginAt: users.lastLoginAt,
      organisationId: users.organisationId,
    })
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.displayName))
    .limit(500)
    .all()
    .map(({ disabledAt, organisationId, ...row }) => {
      const target = { id: row.id, role: row.role, organisationId };
      const manageable = mayManageAccount(actor, target);
      return {
        ...row,
        disabled: disabledAt !== null,
        manageable,
        roles: assignableRoles(actor, target),
        // A young person's reset is issued by their specialist, from the record.
        mayReset: manageable && row.role !== "youth",
      };
    });
}

function accountOf(organisationId: string, userId: string) {
  return (
    getDb()
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.organisationId, organisationId)))
      .get() ?? null
  );
}

export type AccountChange = { ok: true } | { ok: false; error: string };

/** Disable or re-enable an account; disabling ends its sessions at once. */
export async function setAccountDisabled(actor: AccountRef, userId: string, disabled: boolean): Promise<AccountChange> {
  const target = accountOf(actor.organisationId, userId);
  if (!target || !mayManageAccount(actor, target)) return { ok: false, error: "org.errors.notAllowed" };
  getDb()
    .update(users)
    .set({ disabledAt: disabled ? now().getTime() : null })
    .where(eq(users.id, userId))
    .run();
  if (disabled) await endAllSessions(userId);
  return { ok: true };
}

/** Change a role the actor may give; the account's sessions end, so the new role holds from the next request. */
export async function changeRole(actor: AccountRef, userId: string, role: Role): Promise<AccountChange> {
  const target = accountOf(actor.organisationId, userId);
  if (!target || !mayManageAccount(actor, target)) return { ok: false, error: "org.errors.notAllowed" };
  if (!(ROLES as readonly string[]).includes(role) || !assignableRoles(actor, target).includes(role)) {
    return { ok: false, error: "org.errors.roleNotAllowed" };
  }
  if (target.role === role) return { ok: true };
  getDb().update(users).set({ role }).where(eq(users.id, userId)).run();
  await endAllSessions(userId);
  return { ok: true };
}

// ——— Invitations ———

export interface InvitationRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  createdAt: number;
  expiresAt: number;
  state: InvitationState;
  invitedByName: string | null;
}

/** The organisation's invitations that were not accepted, newest first (one query). */
export function openInvitations(organisationId: string, nowMs: number): InvitationRow[] {
  return getDb()
    .select({
      id: invitations.id,
      email: invitations.email,
      displayName: invitations.displayName,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      invitedByName: users.displayName,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt))
    .limit(200)
    .all()
    .map(({ acceptedAt, revokedAt, ...row }) => ({ ...row, state: invitationState({ expiresAt: row.expiresAt, acceptedAt, revokedAt }, nowMs) }));
}

export type Invited = { ok: true; token: string; invitationId: string } | { ok: false; problems: FieldProblem[] };

/**
 * A new invitation; an older open one for the same e-mail in the organisation is revoked. An e-mail that
 * already has an account (in any organisation: e-mails are unique) is refused.
 */
export function createInvitation(actor: AccountRef, input: { email: string; displayName: string; role: Role; youngPersonId?: string | null }): Invited {
  const db = getDb();
  const email = normaliseEmail(input.email);
  if (input.youngPersonId ? input.role !== "youth" : !invitableRoles(actor.role).includes(input.role)) {
    return { ok: false, problems: [{ field: "role", error: "org.errors.roleNotAllowed" }] };
  }
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    return { ok: false, problems: [{ field: "email", error: "org.errors.emailHasAccount" }] };
  }
  if (input.youngPersonId) {
    const record = db
      .select({ userId: youngPeople.userId })
      .from(youngPeople)
      .where(and(eq(youngPeople.id, input.youngPersonId), eq(youngPeople.organisationId, actor.organisationId)))
      .get();
    if (!record) return { ok: false, problems: [{ field: "email", error: "org.errors.notAllowed" }] };
    if (record.userId) return { ok: false, problems: [{ field: "email", error: "org.errors.recordHasAccount" }] };
  }
  const token = newSecretToken();
  const id = randomUUID();
  const nowMs = now().getTime();
  db.transaction((tx) => {
    tx.update(invitations)
      .set({ revokedAt: nowMs })
      .where(
        and(
          eq(invitations.organisationId, actor.organisationId),
          input.youngPersonId ? eq(invitations.youngPersonId, input.youngPersonId) : eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .run();
    tx.insert(invitations)
      .values({
        id,
        organisationId: actor.organisationId,
        email,
        displayName: input.displayName.trim(),
        role: input.role,
        youngPersonId: input.youngPersonId ?? null,
        tokenHash: hashToken(token),
        invitedBy: actor.id,
        createdAt: nowMs,
        expiresAt: nowMs + INVITATION_LIFETIME_MS,
      })
      .run();
  });
  return { ok: true, token, invitationId: id };
}

export function revokeInvitation(organisationId: string, invitationId: string): boolean {
  const result = getDb()
    .update(invitations)
    .set({ revokedAt: now().getTime() })
    .where(and(eq(invitations.id, invitationId), eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt)))
    .run();
  return result.changes > 0;
}

export interface InvitationView {
  email: string;
  displayName: string;
  role: Role;
  state: InvitationState;
}

function invitationRow(token: string | undefined) {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  return (
    getDb()
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(token)))
      .get() ?? null
  );
}

/** What the link shows; null for a token that never existed. */
export function invitationByToken(token: string | undefined): InvitationView | null {
  const row = invitationRow(token);
  if (!row) return null;
  return { email: row.email, displayName: row.displayName, role: row.role, state: invitationState(row, now().getTime()) };
}

export type Accepted = { ok: true; setCookie: string } | { ok: false; state: InvitationState | "unknown" | "emailTaken" };

/**
 * Opens the account: the user, the link to the young person's record, the invitation used — in one
 * transaction that checks the invitation again (two taps on "save" open one account).
 */
export async function acceptInvitation(token: string, password: string, locale: Locale): Promise<Accepted> {
  const row = invitationRow(token);
  if (!row) return { ok: false, state: "unknown" };
  const before = invitationState(row, now().getTime());
  if (before !== "valid") return { ok: false, state: before };
  const passwordHash = await hashPassword(password);
  const userId = randomUUID();
  const nowMs = now().getTime();
  const outcome = getDb().transaction((tx): Accepted | null => {
    const fresh = tx.select().from(invitations).where(eq(invitations.id, row.id)).get();
    const state = fresh ? invitationState(fresh, nowMs) : "unknown";
    if (state !== "valid") return { ok: false, state };
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, row.email)).get()) return { ok: false, state: "emailTaken" };
    if (row.youngPersonId) {
      const record = tx.select({ userId: youngPeople.userId }).from(youngPeople).where(eq(youngPeople.id, row.youngPersonId)).get();
      if (!record || record.userId) return { ok: false, state: "used" };
    }
    tx.insert(users)
      .values({
        id: userId,
        organisationId: row.organisationId,
        email: row.email,
        passwordHash,
        displayName: row.displayName,
        role: row.role,
        locale,
        passwordChangedAt: nowMs,
      })
      .run();
    if (row.youngPersonId) tx.update(youngPeople).set({ userId }).where(eq(youngPeople.id, row.youngPersonId)).run();
    tx.update(invitations).set({ acceptedAt: nowMs, acceptedUserId: userId }).where(eq(invitations.id, row.id)).run();
    return null;
  });
  if (outcome) return outcome;
  return { ok: true, setCookie: await startSession(userId, row.role) };
}

// ——— Password resets ———

/** A new one-time reset link for an account (older ones stop working). */
export function issuePasswordReset(userId: string, issuedBy: string | null): string {
  const token = newSecretToken();
  const nowMs = now().getTime();
  getDb().transaction((tx) => {
    tx.update(passwordResets)
      .set({ revokedAt: nowMs })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)))
      .run();
    tx.insert(passwordResets)
      .values({ id: randomUUID(), userId, tokenHash: hashToken(token), issuedBy, createdAt: nowMs, expiresAt: nowMs + RESET_LIFETIME_MS })
      .run();
  });
  return token;
}

/** A staff account (or carer) of the actor's organisation the actor may issue a reset for, or null. */
export function staffResetTarget(actor: AccountRef, userId: string) {
  const target = accountOf(actor.organisationId, userId);
  if (!target || target.role === "youth" || !mayManageAccount(actor, target)) return null;
  return target;
}

function resetRow(token: string | undefined) {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  return (
    getDb()
      .select({ reset: passwordResets, user: users })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(eq(passwordResets.tokenHash, hashToken(token)))
      .get() ?? null
  );
}

/** The reset link's state and whose account it is; null for a token that never existed. */
export function resetByToken(token: string | undefined): { state: InvitationState; email: string; displayName: string } | null {
  const row = resetRow(token);
  if (!row) return null;
  const state = row.user.disabledAt !== null ? "revoked" : linkState(row.reset, now().getTime());
  return { state, email: row.user.email, displayName: row.user.displayName };
}

/** Sets the new password, uses the link, ends every old session and starts one here. */
export async function completePasswordReset(
  token: string,
  password: string,
): Promise<{ ok: true; setCookie: string } | { ok: false; state: InvitationState | "unknown" }> {
  const row = resetRow(token);
  if (!row) return { ok: false, state: "unknown" };
  if (row.user.disabledAt !== null) return { ok: false, state: "revoked" };
  const before = linkState(row.reset, now().getTime());
  if (before !== "valid") return { ok: false, state: before };
  const passwordHash = await hashPassword(password);
  const nowMs = now().getTime();
  const used = getDb().transaction((tx) => {
    const result = tx
      .update(passwordResets)
      .set({ usedAt: nowMs })
      .where(and(eq(passwordResets.id, row.reset.id), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)))
      .run();
    if (result.changes === 0) return false;
    tx.update(users).set({ passwordHash, passwordChangedAt: nowMs }).where(eq(users.id, row.user.id)).run();
    return true;
  });
  if (!used) return { ok: false, state: "used" };
  await endAllSessions(row.user.id);
  return { ok: true, setCookie: await startSession(row.user.id, row.user.role) };
}

/**
 * A link just handed over, for the page that shows it once (app/utils/handed-links.server.ts): who it is
 * for, who issued it and for which record or account; null unless the link still works.
 */
export function liveHandedLink(
  kind: "invitation" | "reset",
  token: string,
): { forName: string; email: string; issuedBy: string | null; organisationId: string; youngPersonId: string | null; userId: string | null; role: Role } | null {
  const nowMs = now().getTime();
  if (kind === "invitation") {
    const row = invitationRow(token);
    if (!row || invitationState(row, nowMs) !== "valid") return null;
    const { displayName: forName, email, invitedBy: issuedBy, organisationId, youngPersonId, role } = row;
    return { forName, email, issuedBy, organisationId, youngPersonId, userId: null, role };
  }
  const row = resetRow(token);
  if (!row || row.user.disabledAt !== null || linkState(row.reset, nowMs) !== "valid") return null;
  const { displayName: forName, email, organisationId, id: userId, role } = row.user;
  return { forName, email, issuedBy: row.reset.issuedBy, organisationId, youngPersonId: null, userId, role };
}

/** The account for a "forgot my password" e-mail, if there is an active one. */
export function activeAccountByEmail(email: string) {
  const row = getDb()
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
  return row && row.disabledAt === null ? row : null;
}
