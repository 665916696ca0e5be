/**
 * The session check of every request (validateSession in app/utils/auth.server.ts, one prepared
 * statement) gives what lucia's validateSession gives, and leaves the sessions table as lucia leaves
 * it: for a fresh session, one past half of its idle expiry, an expired one, an unknown id and a
 * session whose user is gone.
 */
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { freshDatabase, sessionCookieFor, sessionIdOf, sessionRow } from "../helpers/db";
import { LONGEST_IDLE_MS } from "~/domain/session-policy";
import { lucia, validateSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

beforeEach(async () => {
  await freshDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-02T10:00:00.250Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

const expiresIn = Math.ceil(LONGEST_IDLE_MS / 1000);

function setExpiry(id: string, expiresAt: number) {
  getDb().$client.prepare("UPDATE sessions SET expires_at = ? WHERE id = ?").run(expiresAt, id);
}

async function both(id: string, expiresAt: number) {
  setExpiry(id, expiresAt);
  const ours = validateSession(id);
  const oursRow = sessionRow(id);
  if (oursRow === null)
    getDb()
      .$client.prepare("INSERT INTO sessions (id, user_id, expires_at, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")
      .run(id, ...rowValues(id));
  setExpiry(id, expiresAt);
  const theirs = await lucia().validateSession(id);
  const theirsRow = sessionRow(id);
  return { ours, oursRow, theirs, theirsRow };
}

const saved = new Map<string, [string, number, number, number]>();
function remember(id: string) {
  const row = sessionRow(id)!;
  saved.set(id, [row.userId, row.expiresAt, row.createdAt, row.lastSeenAt]);
}
function rowValues(id: string) {
  return saved.get(id)!;
}

const nowS = () => Math.floor(Date.now() / 1000);

test.each([
  ["fresh", () => nowS() + expiresIn - 10],
  ["past half of its idle expiry", () => nowS() + Math.floor(expiresIn / 2) - 5],
  ["exactly at half", () => nowS() + expiresIn / 2],
  ["expired", () => nowS() - 1],
  ["expiring this second", () => nowS()],
])("a %s session: the same answer and the same row as lucia's", async (_name, expiry) => {
  const id = sessionIdOf(sessionCookieFor("youth.transition@demo.test"));
  remember(id);
  const { ours, oursRow, theirs, theirsRow } = await both(id, expiry());
  expect(oursRow).toEqual(theirsRow);
  if (theirs.session === null) {
    expect(ours).toBeNull();
    return;
  }
  expect(ours).not.toBeNull();
  expect(ours!.session.expiresAt.getTime()).toBe(theirs.session.expiresAt.getTime());
  expect({ ...ours!.session, expiresAt: 0 }).toEqual({
    id: theirs.session.id,
    createdAt: theirs.session.createdAt,
    lastSeenAt: theirs.session.lastSeenAt,
    expiresAt: 0,
  });
  expect(ours!.user).toEqual(theirs.user);
});

test("an unknown session id is none, as with lucia", async () => {
  expect(validateSession("no-such-session")).toBeNull();
  expect((await lucia().validateSession("no-such-session")).session).toBeNull();
});

test("a session whose user is gone is deleted, as lucia deletes it", async () => {
  const id = sessionIdOf(sessionCookieFor("youth.transition@demo.test"));
  const client = getDb().$client;
  client.pragma("foreign_keys = OFF");
  client.prepare("UPDATE sessions SET user_id = 'gone' WHERE id = ?").run(id);
  remember(id);
  const { ours, oursRow, theirs, theirsRow } = await both(id, nowS() + expiresIn);
  client.pragma("foreign_keys = ON");
  expect(ours).toBeNull();
  expect(theirs.session).toBeNull();
  expect(oursRow).toBeNull();
  expect(theirsRow).toBeNull();
});
