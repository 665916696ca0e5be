/**
 * Calendar subscriptions (docs/decisions/008-calendar-feeds.md): a secret token per user and feed, kept
 * only as its SHA-256; the feed's text for the token's owner; single events to download. A feed request
 * costs one indexed lookup of the token, two queries for the items, and a write at most once a minute.
 */
import { gzipSync } from "node:zlib";
import { createHash, randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { calendarFeeds, users, youngPeople } from "../../db/schema";
import {
  calendarEvent,
  feedEvents,
  feedKindFor,
  feedName,
  feedStart,
  inFeed,
  itemDownloadPath,
  type CalendarEventSpec,
  type CalendarItem,
  type EventContext,
  type FeedKind,
  type MeetingItem,
} from "~/domain/calendar";
import type { IsoDate } from "~/domain/dates";
import type { Actor } from "~/domain/policy";
import type { Locale } from "~/domain/vocabulary";
import { getDb } from "~/utils/db.server";
import { hashToken, newSecretToken, TOKEN_PATTERN } from "~/utils/tokens.server";
import { getFixedT } from "~/utils/i18n.server";
import { writeCalendar, type WrittenEvent } from "~/utils/ics.server";
import { messageTranslator, translate } from "~/utils/messages";
import type { Viewer } from "~/domain/policy";
import { linkedRecords, recordItems, type LinkedRecord } from "./calendar-items.server";

/** A calendar app polling every few minutes writes "last fetched" at most this often. */
const FETCH_WRITE_INTERVAL_MS = 60_000;

export { hashToken };

export interface FeedStatus {
  kind: FeedKind;
  createdAt: number;
  lastFetchedAt: number | null;
  fullTitles: boolean;
}

function liveRow(userId: string, kind: FeedKind) {
  return (
    getDb()
      .select()
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, userId), eq(calendarFeeds.kind, kind), isNull(calendarFeeds.revokedAt)))
      .get() ?? null
  );
}

/** The user's live subscription of this kind (without its token, which is not kept), or null. */
export function liveFeed(userId: string, kind: FeedKind): FeedStatus | null {
  const row = liveRow(userId, kind);
  return row ? { kind, createdAt: row.createdAt, lastFetchedAt: row.lastFetchedAt, fullTitles: row.fullTitles } : null;
}

/**
 * A new secret link: the live one (if any) is revoked in the same transaction, so the old link answers
 * 404 from now on. The titles choice carries over. Gives back the token (the only time it exists in full) and
 * whether an old link was revoked.
 */
export function newFeedToken(userId: string, kind: FeedKind, nowMs: number): { token: string; replaced: boolean } {
  const token = newSecretToken();
  let replaced = false;
  getDb().transaction((tx) => {
    const live = tx
      .select({ id: calendarFeeds.id, fullTitles: calendarFeeds.fullTitles })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, userId), eq(calendarFeeds.kind, kind), isNull(calendarFeeds.revokedAt)))
      .get();
    if (live) tx.update(calendarFeeds).set({ revokedAt: nowMs }).where(eq(calendarFeeds.id, live.id)).run();
    replaced = Boolean(live);
    tx.insert(calendarFeeds)
      .values({ id: randomUUID(), userId, kind, tokenHash: hashToken(token), fullTitles: live?.fullTitles ?? false, createdAt: nowMs })
      .run();
  });
  return { token, replaced };
}

/** Generic or full titles for the live subscription; false when there is none. */
export function setFullTitles(userId: string, kind: FeedKind, fullTitles: boolean): boolean {
  const result = getDb()
    .update(calendarFeeds)
    .set({ fullTitles })
    .where(and(eq(calendarFeeds.userId, userId), eq(calendarFeeds.kind, kind), isNull(calendarFeeds.revokedAt)))
    .run();
  return result.changes > 0;
}

/** The titles a user chose for their calendar (generic unless they asked for full ones). */
export function wantsFullTitles(userId: string, kind: FeedKind | null): boolean {
  return kind ? (liveRow(userId, kind)?.fullTitles ?? false) : false;
}

export interface FeedOwner {
  id: string;
  kind: FeedKind;
  fullTitles: boolean;
  contentHash: string | null;
  contentChangedAt: number | null;
  lastFetchedAt: number | null;
  owner: Actor & { locale: Locale };
}

/** The live feed of a token, or null for a malformed, unknown or revoked token, or a disabled owner. */
export function feedByToken(token: string | undefined): FeedOwner | null {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const row = getDb()
    .select({ feed: calendarFeeds, user: users })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hashToken(token)))
    .get();
  if (!row || row.feed.revokedAt !== null || row.user.disabledAt !== null) return null;
  // A feed made for another role (the account's role changed since) shows nothing.
  if (feedKindFor(row.user.role) !== row.feed.kind) return null;
  const { feed, user } = row;
  return {
    id: feed.id,
    kind: feed.kind,
    fullTitles: feed.fullTitles,
    contentHash: feed.contentHash,
    contentChangedAt: feed.contentChangedAt,
    lastFetchedAt: feed.lastFetchedAt,
    owner: { id: user.id, role: user.role, organisationId: user.organisationId, locale: user.locale },
  };
}

function contextFor(actor: Actor, fullTitles: boolean, records: readonly LinkedRecord[]): EventContext {
  return {
    perspective: actor.role === "youth" ? "own" : "about",
    ownerRole: actor.role,
    fullTitles,
    names: new Map(records.map((r) => [r.id, r.displayName])),
  };
}

function written(specs: readonly CalendarEventSpec[], locale: Locale): WrittenEvent[] {
  const text = messageTranslator(getFixedT(locale));
  return specs.map((spec) => ({
    ...spec,
    summary: text(spec.summary),
    description: spec.description.map(text).join("\n"),
  }));
}

export interface FeedText {
  body: string;
  /** Strong ETag of the body. */
  etag: string;
  hash: string;
  events: number;
  /** The body gzipped, made on the first fetch that takes gzip and kept with the text (feedGzip). */
  gzip?: Buffer;
}

/**
 * The feed's gzip bytes and their ETag (a coding of its own: `"…-gz"`), made once per version of the
 * text: a calendar app fetching an unchanged feed gets the kept bytes instead of 600 KB compressed
 * again on every fetch.
 */
export function feedGzip(text: FeedText): { body: Buffer; etag: string } {
  text.gzip ??= gzipSync(text.body, { level: 9 });
  return { body: text.gzip, etag: `${text.etag.slice(0, -1)}-gz"` };
}

/**
 * The last text of recently fetched feeds, reused while everything it is made from is the same: calendar
 * apps fetch an unchanged feed again and again. Bounded by size (oldest out first); a restart empties it.
 */
/**
 * 8 M characters (the texts and what they were made from, kept to compare): about 16 MB, since a feed's
 * text has non-Latin-1 letters (two bytes each).
 */
const FEED_CACHE_CHARS = 8 * 1024 * 1024;
const feedCache = new Map<string, { inputs: string; text: FeedText }>();
let feedCacheChars = 0;

function cachedText(feedId: string, inputs: string): FeedText | null {
  const entry = feedCache.get(feedId);
  if (!entry || entry.inputs !== inputs) return null;
  // Most recently used last.
  feedCache.delete(feedId);
  feedCache.set(feedId, entry);
  return entry.text;
}

function rememberText(feedId: string, inputs: string, text: FeedText): void {
  const old = feedCache.get(feedId);
  const size = (entry: { inputs: string; text: FeedText }) => entry.text.body.length + entry.inputs.length;
  if (old) {
    feedCacheChars -= size(old);
    feedCache.delete(feedId);
  }
  const entry = { inputs, text };
  if (size(entry) > FEED_CACHE_CHARS / 4) return;
  feedCache.set(feedId, entry);
  feedCacheChars += size(entry);
  for (const [id, kept] of feedCache) {
    if (feedCacheChars <= FEED_CACHE_CHARS) break;
    feedCache.delete(id);
    feedCacheChars -= size(kept);
  }
}

/**
 * The feed's iCalendar text for its owner today: only plans the owner may see today. The two item
 * queries always run; the text is written again only when what they found (or the feed's settings,
 * language or address) changed since the last fetch.
 */
export function feedText(feed: Pick<FeedOwner, "id" | "kind" | "fullTitles" | "owner">, origin: string, today: IsoDate): FeedText {
  const records = linkedRecords(feed.owner, today);
  const items = recordItems(records, { from: feedStart(today) }, today);
  // Compared as it is (no hash: a SHA-256 over it cost as much as comparing two equal strings many times).
  const inputs = JSON.stringify([feed.kind, feed.fullTitles, feed.owner.id, feed.owner.locale, origin, records, items]);
  const cached = cachedText(feed.id, inputs);
  if (cached) return cached;
  const specs = feedEvents(feed.kind, feed.owner.id, items, contextFor(feed.owner, feed.fullTitles, records));
  const body = writeCalendar(written(specs, feed.owner.locale), {
    name: translate(getFixedT(feed.owner.locale), feedName(feed.kind)),
    origin,
    purpose: "feed",
    language: feed.owner.locale,
  });
  const hash = createHash("sha256").update(body).digest("base64url");
  const text = { body, hash, etag: `"${hash.slice(0, 32)}"`, events: specs.length };
  rememberText(feed.id, inputs, text);
  return text;
}

/**
 * Notes a fetch: "last fetched" at most once a minute, and when the feed's text changed since the last
 * fetch, the new hash and the time (the feed's Last-Modified). Gives back that time.
 */
export function recordFetch(feed: FeedOwner, hash: string, nowMs: number): number {
  const changed = feed.contentHash !== hash || feed.contentChangedAt === null;
  const stale = feed.lastFetchedAt === null || nowMs - feed.lastFetchedAt >= FETCH_WRITE_INTERVAL_MS;
  if (changed || stale) {
    getDb()
      .update(calendarFeeds)
      .set(changed ? { lastFetchedAt: nowMs, contentHash: hash, contentChangedAt: nowMs } : { lastFetchedAt: nowMs })
      .where(eq(calendarFeeds.id, feed.id))
      .run();
  }
  return changed ? nowMs : feed.contentChangedAt!;
}

/** The two forms of a subscription link: webcal:// (one tap on iPhone and Outlook) and https:// (Google). */
export function subscriptionLinks(origin: string, token: string): { webcal: string; https: string } {
  const url = new URL(`/feeds/${token}/tilts.ics`, origin);
  return { https: url.href, webcal: `webcal://${url.host}${url.pathname}` };
}

export interface UpcomingMeeting {
  youngPersonId: string;
  youngPersonName: string;
  mentorName: string;
  on: IsoDate;
  time: string | null;
  download: string;
}

/** The meetings in the user's feed from today on, soonest first, with where to download each. */
export function upcomingMeetings(actor: Actor, kind: FeedKind, today: IsoDate): UpcomingMeeting[] {
  const records = linkedRecords(actor, today);
  const names = new Map(records.map((r) => [r.id, r.displayName]));
  return recordItems(records, { from: today }, today)
    .filter((item): item is MeetingItem => item.type === "meeting" && inFeed(kind, actor.id, item))
    .sort((a, b) => (a.on + (a.time ?? "") < b.on + (b.time ?? "") ? -1 : 1))
    .map((m) => ({
      youngPersonId: m.youngPersonId,
      youngPersonName: names.get(m.youngPersonId) ?? "",
      mentorName: m.mentorName,
      on: m.on,
      time: m.time,
      download: itemDownloadPath(m)!,
    }));
}

export type ItemRef = { type: "goal" | "step" | "review"; id: string } | { type: "meeting"; mentorshipId: string };

function matches(item: CalendarItem, ref: ItemRef): boolean {
  if (ref.type === "meeting") return item.type === "meeting" && item.mentorshipId === ref.mentorshipId;
  return item.type === ref.type && "id" in item && item.id === ref.id;
}

/**
 * One goal, step or upcoming meeting of a young person's plan as an .ics file, for a user the policy
 * already let see the plan; null when the item is not open and dated (nothing to put in a calendar).
 * Same id and sequence as in the feeds, so importing it twice, or subscribing too, does not duplicate it.
 */
export function itemCalendar(
  actor: Actor & { locale: Locale },
  viewer: Viewer,
  youngPersonId: string,
  ref: ItemRef,
  origin: string,
  today: IsoDate,
): string | null {
  const row = getDb()
    .select({
      id: youngPeople.id,
      displayName: youngPeople.displayName,
      planned: youngPeople.plannedCareEndDate,
      actual: youngPeople.actualCareEndDate,
      dateOfBirth: youngPeople.dateOfBirth,
      createdAt: youngPeople.createdAt,
    })
    .from(youngPeople)
    .where(eq(youngPeople.id, youngPersonId))
    .get();
  if (!row) return null;
  const record: LinkedRecord = {
    id: row.id,
    displayName: row.displayName,
    careEnd: row.actual ?? row.planned,
    dateOfBirth: row.dateOfBirth,
    createdAt: row.createdAt,
    sections: viewer.sections,
    confirmsDuties: viewer.actions.has("budget.confirmDuties"),
  };
  const item = recordItems([record], {}, today).find((i) => matches(i, ref));
  if (!item) return null;
  const fullTitles = wantsFullTitles(actor.id, feedKindFor(actor.role));
  const spec = calendarEvent(item, contextFor(actor, fullTitles, [record]));
  return writeCalendar(written([spec], actor.locale), { origin, purpose: "file", language: actor.locale });
}
