/**
 * The Tilts database schema (SQLite through drizzle).
 * Conventions: ids are random text; dates without time are `YYYY-MM-DD` text; timestamps are
 * integer Unix milliseconds in UTC unless the column name says otherwise (lucia's `expires_at` is Unix
 * seconds); money is integer cents. Imported only from `*.server.ts` modules and scripts in `db/`.
 */
import { relations, sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import {
  CARE_FORMS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  DOMAINS,
  EDUCATION_STATUSES,
  EMPLOYMENT_STATUSES,
  GOAL_STATUSES,
  CONTACT_CHANNELS,
  LOCALES,
  MENTORSHIP_CLOSE_REASONS,
  MENTORSHIP_STATUSES,
  OWNERS,
  RATER_KINDS,
  ROLES,
  SKILL_STATES,
  SPECIAL_NEEDS_ANSWERS,
} from "../app/domain/vocabulary";
import { FEED_KINDS } from "../app/domain/calendar";
import { AUDIENCES, SECTIONS } from "../app/domain/sharing";
import { FELT_HEARD_ANSWERS, PARTICIPANT_KINDS, REVIEW_STATUSES } from "../app/domain/reviews";
import { DUTY_VALUE_KINDS, ENVELOPE_CATEGORIES, INCOME_CATEGORIES, POT_KINDS, RHYTHMS, SUPPORT_FREQUENCIES, SUPPORT_KINDS } from "../app/domain/budget";

export { CARE_FORMS, DOMAINS, LOCALES, MENTORSHIP_STATUSES, ROLES };

const createdAt = () =>
  integer("created_at", { mode: "number" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const organisations = sqliteTable("organisations", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** Target mentor contact rhythm in days (SPEC: at least monthly). */
  mentorContactRhythmDays: integer("mentor_contact_rhythm_days").notNull().default(30),
  /** How many months after a plan closes its record may be erased or anonymised (docs/decisions/011). */
  retentionMonths: integer("retention_months").notNull().default(36),
  /** Review cadence in months (issue 11): in preparation, and in transition and aftercare. */
  reviewMonthsPreparation: integer("review_months_preparation").notNull().default(6),
  reviewMonthsTransition: integer("review_months_transition").notNull().default(3),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Always stored trimmed and lower-cased. */
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    locale: text("locale", { enum: LOCALES }).notNull().default("lv"),
    disabledAt: integer("disabled_at", { mode: "number" }),
    passwordChangedAt: integer("password_changed_at", { mode: "number" }),
    /** Unix ms of the last successful login (shown to the administrator). */
    lastLoginAt: integer("last_login_at", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_organisation_idx").on(t.organisationId, t.role)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** lucia: idle expiry in Unix seconds. */
    expiresAt: integer("expires_at").notNull(),
    /** Unix ms; the absolute lifetime is counted from here. */
    createdAt: integer("created_at", { mode: "number" }).notNull(),
    /** Unix ms; the idle timeout is counted from here. */
    lastSeenAt: integer("last_seen_at", { mode: "number" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const youngPeople = sqliteTable(
  "young_people",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** The young person's own account, once they have accepted the invitation. */
    userId: text("user_id").references(() => users.id),
    displayName: text("display_name").notNull(),
    dateOfBirth: text("date_of_birth").notNull(),
    careForm: text("care_form", { enum: CARE_FORMS }).notNull(),
    municipality: text("municipality").notNull(),
    plannedCareEndDate: text("planned_care_end_date").notNull(),
    actualCareEndDate: text("actual_care_end_date"),
    specialistId: text("specialist_id").references(() => users.id),
    /** For the statistics; null: not recorded. */
    educationStatus: text("education_status", { enum: EDUCATION_STATUSES }),
    employmentStatus: text("employment_status", { enum: EMPLOYMENT_STATUSES }),
    specialNeeds: text("special_needs", { enum: SPECIAL_NEEDS_ANSWERS }),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("young_people_user_unique").on(t.userId),
    index("young_people_organisation_idx").on(t.organisationId, t.plannedCareEndDate),
    index("young_people_specialist_idx").on(t.specialistId, t.plannedCareEndDate),
    // young_people_care_end_idx (organisation, care end, id) is an expression index: see db/migrations/*_lead_home_care_end_index.sql.
    // Covers the statistics (app/models/statistics.server.ts): their sums and the join to the goals read
    // this index alone, not the table.
    index("young_people_statistics_idx").on(
      t.organisationId,
      t.careForm,
      t.municipality,
      t.dateOfBirth,
      t.plannedCareEndDate,
      t.actualCareEndDate,
      t.educationStatus,
      t.employmentStatus,
      t.specialNeeds,
      t.id,
    ),
  ],
);

export const mentorships = sqliteTable(
  "mentorships",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: MENTORSHIP_STATUSES }).notNull().default("active"),
    startedOn: text("started_on").notNull(),
    /** The day the current pause began (null unless status is "paused"). */
    pausedOn: text("paused_on"),
    /** The day the last pause ended: the contact rhythm counts from here, not from before the pause. */
    resumedOn: text("resumed_on"),
    closedOn: text("closed_on"),
    closeReason: text("close_reason", { enum: MENTORSHIP_CLOSE_REASONS }),
    /** The closing adult's handover note for the next mentor. */
    handoverNote: text("handover_note"),
    /** The young person's own words: "what I want my next mentor to know". */
    youthNote: text("youth_note"),
    youthNoteAt: integer("youth_note_at", { mode: "number" }),
    linkedBy: text("linked_by").references(() => users.id),
    closedBy: text("closed_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("mentorships_young_person_idx").on(t.youngPersonId, t.status),
    index("mentorships_mentor_idx").on(t.mentorId, t.status),
    // At most one open (active or paused) mentorship per young person, even when two posts race.
    uniqueIndex("mentorships_one_open_unique")
      .on(t.youngPersonId)
      .where(sql`status <> 'closed'`),
  ],
);

/** The mentor's contact log: one row per contact (or attempt), never deleted. */
export const mentorContacts = sqliteTable(
  "mentor_contacts",
  {
    id: text("id").primaryKey(),
    mentorshipId: text("mentorship_id")
      .notNull()
      .references(() => mentorships.id),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    contactOn: text("contact_on").notNull(),
    /** false: tried, but did not reach the young person. */
    made: integer("made", { mode: "boolean" }).notNull(),
    channel: text("channel", { enum: CONTACT_CHANNELS }).notNull(),
    durationMinutes: integer("duration_minutes"),
    /** The domains talked about, as a JSON array. */
    topics: text("topics", { mode: "json" }).$type<string[]>().notNull(),
    note: text("note"),
    /** The note is for the specialist (and the mentor who wrote it); the young person sees that one exists. */
    notePrivate: integer("note_private", { mode: "boolean" }).notNull().default(false),
    nextMeetingOn: text("next_meeting_on"),
    /** "HH:MM" in Europe/Riga, or null for a day without a set time. */
    nextMeetingTime: text("next_meeting_time"),
    clientToken: text("client_token"),
    createdAt: createdAt(),
  },
  (t) => [
    index("mentor_contacts_mentorship_idx").on(t.mentorshipId, t.contactOn),
    index("mentor_contacts_young_person_idx").on(t.youngPersonId, t.contactOn),
    uniqueIndex("mentor_contacts_client_token_unique").on(t.mentorshipId, t.clientToken),
  ],
);

export const carerLinks = sqliteTable(
  "carer_links",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    carerId: text("carer_id")
      .notNull()
      .references(() => users.id),
    startedOn: text("started_on").notNull(),
    endedOn: text("ended_on"),
    createdAt: createdAt(),
  },
  (t) => [index("carer_links_young_person_idx").on(t.youngPersonId), index("carer_links_carer_idx").on(t.carerId)],
);

/** One plan per young person; the plan issue fills goals, steps, ratings and the rest. */
export const plans = sqliteTable(
  "plans",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "number" }),
    /**
     * Moved by triggers on every write to the plan's goals, steps, comments, ratings and domains
     * (db/migrations/0018_plan_revisions.sql): what the plan pages' kept reads are keyed on
     * (docs/decisions/042-plan-reads-kept-by-revision.md).
     */
    revision: integer("revision").notNull().default(0),
  },
  (t) => [
    uniqueIndex("plans_young_person_unique").on(t.youngPersonId),
    // From a young person to their plan's id without reading the table (the statistics' goals per domain).
    index("plans_young_person_id_idx").on(t.youngPersonId, t.id),
  ],
);

export const planDomains = sqliteTable(
  "plan_domains",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    domain: text("domain", { enum: DOMAINS }).notNull(),
    /** "If this does not work out" — the young person's contingency for the domain. */
    planB: text("plan_b"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("plan_domains_plan_domain_unique").on(t.planId, t.domain)],
);

export const goals = sqliteTable(
  "goals",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    domain: text("domain", { enum: DOMAINS }).notNull(),
    title: text("title").notNull(),
    /** "Why it matters to me", in the young person's own words. */
    why: text("why"),
    owner: text("owner", { enum: OWNERS }).notNull().default("youth"),
    dueDate: text("due_date"),
    status: text("status", { enum: GOAL_STATUSES }).notNull().default("planned"),
    position: integer("position").notNull().default(0),
    /** The form's one-time token, so a double tap creates one goal, not two. */
    clientToken: text("client_token"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "number" }),
  },
  (t) => [
    index("goals_plan_domain_idx").on(t.planId, t.domain, t.position),
    // Statistics: done goals per domain are counted from the index alone.
    index("goals_plan_status_idx").on(t.planId, t.status, t.domain),
    uniqueIndex("goals_client_token_unique").on(t.planId, t.clientToken),
  ],
);

export const steps = sqliteTable(
  "steps",
  {
    id: text("id").primaryKey(),
    goalId: text("goal_id")
      .notNull()
      .references(() => goals.id),
    title: text("title").notNull(),
    owner: text("owner", { enum: OWNERS }).notNull().default("youth"),
    dueDate: text("due_date"),
    doneAt: integer("done_at", { mode: "number" }),
    doneBy: text("done_by").references(() => users.id),
    position: integer("position").notNull().default(0),
    clientToken: text("client_token"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    /** The last edit or tick: a calendar event's version (SEQUENCE, DTSTAMP). */
    updatedAt: integer("updated_at", { mode: "number" }),
  },
  (t) => [
    index("steps_goal_idx").on(t.goalId, t.position),
    uniqueIndex("steps_client_token_unique").on(t.goalId, t.clientToken),
    // Decision 035: a goal's open steps in its order, covering (the domain page's first ones, the overview's
    // and homes' next steps, the mentor's counts)…
    index("steps_open_idx")
      .on(t.goalId, t.position, t.createdAt, t.id, t.dueDate, t.owner, t.doneAt)
      .where(sql`done_at IS NULL`),
    // …and the ticks by time (progress this week and month, a goal's open and done counts), covering.
    index("steps_goal_done_idx").on(t.goalId, t.doneAt, t.dueDate),
  ],
);

export const goalComments = sqliteTable(
  "goal_comments",
  {
    id: text("id").primaryKey(),
    goalId: text("goal_id")
      .notNull()
      .references(() => goals.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    clientToken: text("client_token"),
    createdAt: createdAt(),
  },
  (t) => [index("goal_comments_goal_idx").on(t.goalId, t.createdAt), uniqueIndex("goal_comments_client_token_unique").on(t.goalId, t.clientToken)],
);

/** Readiness per domain, 1–10; every rating is kept, the latest per rater kind is "current". */
export const readinessRatings = sqliteTable(
  "readiness_ratings",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    domain: text("domain", { enum: DOMAINS }).notNull(),
    raterId: text("rater_id")
      .notNull()
      .references(() => users.id),
    raterKind: text("rater_kind", { enum: RATER_KINDS }).notNull(),
    value: integer("value").notNull(),
    ratedOn: text("rated_on").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("readiness_ratings_plan_idx").on(t.planId, t.domain, t.createdAt)],
);

/** An organisation's own life-skill items, beside the catalogue shipped with the app. */
export const organisationSkills = sqliteTable(
  "organisation_skills",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    domain: text("domain", { enum: DOMAINS }).notNull(),
    title: text("title").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("organisation_skills_org_idx").on(t.organisationId, t.domain)],
);

/** A young person's state for one life skill: a catalogue key, or "org:<id>" for an organisation's item. */
export const skillStates = sqliteTable(
  "skill_states",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    skillKey: text("skill_key").notNull(),
    state: text("state", { enum: SKILL_STATES }).notNull(),
    confirmedBy: text("confirmed_by").references(() => users.id),
    confirmedAt: integer("confirmed_at", { mode: "number" }),
  },
  (t) => [uniqueIndex("skill_states_plan_skill_unique").on(t.planId, t.skillKey)],
);

/** The legal domain's documents checklist; expiry dates become upcoming deadlines. */
export const planDocuments = sqliteTable(
  "plan_documents",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    label: text("label"),
    status: text("status", { enum: DOCUMENT_STATUSES }).notNull().default("missing"),
    expiresOn: text("expires_on"),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: integer("updated_at", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [index("plan_documents_plan_idx").on(t.planId, t.kind)],
);

/** Every change to a plan: who, what, before and after, when. Append-only. */
export const planEvents = sqliteTable(
  "plan_events",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    actorId: text("actor_id").references(() => users.id),
    /** goal | step | comment | rating | skill | document | planB */
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    domain: text("domain", { enum: DOMAINS }),
    /** created | updated | completed | reopened | dropped | restored | moved | commented | rated */
    action: text("action").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("plan_events_plan_idx").on(t.planId, t.createdAt),
    // A goal's own history (the goal page, the history page of one goal): its entries by id, newest first.
    index("plan_events_entity_idx").on(t.entityId, t.createdAt),
  ],
);

/**
 * A user's secret calendar subscription (docs/decisions/008-calendar-feeds.md). Only the SHA-256 of the
 * token is stored; a reset revokes the row and adds a new one, so at most one live row per user and kind.
 */
export const calendarFeeds = sqliteTable(
  "calendar_feeds",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: FEED_KINDS }).notNull(),
    /** Hex SHA-256 of the token in the subscription link. */
    tokenHash: text("token_hash").notNull(),
    /** false: generic event titles ("Tilts: housing deadline"); true: the plan's own words. */
    fullTitles: integer("full_titles", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    revokedAt: integer("revoked_at", { mode: "number" }),
    /** Written at most once a minute, so a polling calendar app costs no write per request. */
    lastFetchedAt: integer("last_fetched_at", { mode: "number" }),
    /** Hash of the last feed served and when it changed: the feed's ETag and Last-Modified. */
    contentHash: text("content_hash"),
    contentChangedAt: integer("content_changed_at", { mode: "number" }),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token_hash_unique").on(t.tokenHash),
    uniqueIndex("calendar_feeds_one_live_unique")
      .on(t.userId, t.kind)
      .where(sql`revoked_at IS NULL`),
  ],
);

/**
 * An invitation to open an account (docs/decisions/013-running-an-organisation.md): single-use, 7 days,
 * only the SHA-256 of the link's token is kept. A young person's invitation names their record.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Trimmed and lower-cased, like users.email. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    youngPersonId: text("young_person_id").references(() => youngPeople.id),
    tokenHash: text("token_hash").notNull(),
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "number" }).notNull(),
    acceptedAt: integer("accepted_at", { mode: "number" }),
    acceptedUserId: text("accepted_user_id").references(() => users.id),
    revokedAt: integer("revoked_at", { mode: "number" }),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_unique").on(t.tokenHash),
    index("invitations_organisation_idx").on(t.organisationId, t.createdAt),
    index("invitations_email_idx").on(t.email),
  ],
);

/** A one-time password reset link: 1 hour, once; only the token's SHA-256 is kept. */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    /** Who issued it in person; null when the user asked for it by e-mail. */
    issuedBy: text("issued_by").references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "number" }).notNull(),
    usedAt: integer("used_at", { mode: "number" }),
    revokedAt: integer("revoked_at", { mode: "number" }),
  },
  (t) => [uniqueIndex("password_resets_token_hash_unique").on(t.tokenHash), index("password_resets_user_idx").on(t.userId)],
);

/** In-app notifications a user has marked as read; the notifications themselves are computed, never stored. */
export const notificationReads = sqliteTable(
  "notification_reads",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** e.g. "step:<id>:tomorrow:2026-03-10" (app/domain/notifications.ts). */
    key: text("key").notNull(),
    readAt: integer("read_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/**
 * The young person's sharing switches, one row per switch they changed (docs/decisions/010); a section
 * without a row has its default (app/domain/sharing.ts).
 */
export const sharingSwitches = sqliteTable(
  "sharing_switches",
  {
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    audience: text("audience", { enum: AUDIENCES }).notNull(),
    section: text("section", { enum: SECTIONS }).notNull(),
    shared: integer("shared", { mode: "boolean" }).notNull(),
    changedAt: integer("changed_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.youngPersonId, t.audience, t.section] })],
);

/** Every change of a switch, kept as the young person's receipt ("you stopped sharing Health with …"). */
export const sharingReceipts = sqliteTable(
  "sharing_receipts",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    audience: text("audience", { enum: AUDIENCES }).notNull(),
    section: text("section", { enum: SECTIONS }).notNull(),
    shared: integer("shared", { mode: "boolean" }).notNull(),
    /** The mentor or carers the audience meant at that moment (ids; names are read when shown). */
    peopleIds: text("people_ids", { mode: "json" }).$type<string[]>().notNull(),
    changedBy: text("changed_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("sharing_receipts_young_person_idx").on(t.youngPersonId, t.createdAt)],
);

/**
 * The audit log (docs/decisions/011-audit-export-erasure.md): every read of a record and every change,
 * append-only (triggers refuse UPDATE and DELETE) and hash-chained. Rows hold ids and codes only, never
 * names or words, so erasing a record leaves the chain intact.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "number" }).notNull(),
    actorId: text("actor_id"),
    actorRole: text("actor_role"),
    youngPersonId: text("young_person_id"),
    /** read | change | export | erase | sharing */
    kind: text("kind").notNull(),
    /** The part of the record: a page ("overview", "history"), a section ("health") or an entity. */
    part: text("part").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_log_young_person_idx").on(t.youngPersonId, t.at)],
);

/** Erased or anonymised records: what was done, by whom, why. Holds no identifier of the person. */
export const erasures = sqliteTable(
  "erasures",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** erase | anonymise */
    mode: text("mode", { enum: ["erase", "anonymise"] }).notNull(),
    reason: text("reason").notNull(),
    erasedBy: text("erased_by").references(() => users.id),
    /** For anonymous statistics: the care form, the year care ended and the phase the record reached. */
    careForm: text("care_form").notNull(),
    careEndYear: integer("care_end_year").notNull(),
    /**
     * The rest of what the statistics page counts, at the granularity it shows (decision 011): the
     * municipality, the year of birth (not the date) and the statuses. Null on rows kept before these
     * columns existed: counted as "not recorded" (and the municipality under the small ones).
     */
    municipality: text("municipality"),
    birthYear: integer("birth_year"),
    educationStatus: text("education_status", { enum: EDUCATION_STATUSES }),
    employmentStatus: text("employment_status", { enum: EMPLOYMENT_STATUSES }),
    specialNeeds: text("special_needs", { enum: SPECIAL_NEEDS_ANSWERS }),
    /** Anonymised records keep counts (goals per domain and status, contacts): numbers, never words. */
    stats: text("stats", { mode: "json" }).$type<Record<string, number>>(),
    createdAt: createdAt(),
  },
  (t) => [index("erasures_organisation_idx").on(t.organisationId, t.careForm, t.municipality)],
);

/**
 * The statistics' done goals, kept counted (docs/decisions/032-fast-fuzz-and-kept-counts.md): how many
 * goals of the live records are done, per organisation, care form, municipality and domain. Triggers
 * keep it (db/migrations/*_statistics_kept_counts.sql); the page reads these few rows instead of
 * every done goal. Numbers only, no row of a person.
 */
export const statisticsGoalsDone = sqliteTable(
  "statistics_goals_done",
  {
    organisationId: text("organisation_id").notNull(),
    careForm: text("care_form").notNull(),
    municipality: text("municipality").notNull(),
    domain: text("domain", { enum: DOMAINS }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.careForm, t.municipality, t.domain] })],
);

export const organisationsRelations = relations(organisations, ({ many }) => ({
  users: many(users),
  youngPeople: many(youngPeople),
}));

export const youngPeopleRelations = relations(youngPeople, ({ one, many }) => ({
  organisation: one(organisations, { fields: [youngPeople.organisationId], references: [organisations.id] }),
  user: one(users, { fields: [youngPeople.userId], references: [users.id] }),
  specialist: one(users, { fields: [youngPeople.specialistId], references: [users.id] }),
  mentorships: many(mentorships),
  carerLinks: many(carerLinks),
}));

export const mentorshipsRelations = relations(mentorships, ({ one, many }) => ({
  youngPerson: one(youngPeople, { fields: [mentorships.youngPersonId], references: [youngPeople.id] }),
  mentor: one(users, { fields: [mentorships.mentorId], references: [users.id] }),
  contacts: many(mentorContacts),
}));

export const mentorContactsRelations = relations(mentorContacts, ({ one }) => ({
  mentorship: one(mentorships, { fields: [mentorContacts.mentorshipId], references: [mentorships.id] }),
}));

export const carerLinksRelations = relations(carerLinks, ({ one }) => ({
  youngPerson: one(youngPeople, { fields: [carerLinks.youngPersonId], references: [youngPeople.id] }),
  carer: one(users, { fields: [carerLinks.carerId], references: [users.id] }),
}));

// ------------------------------------------------------------------------------------------- budget
// The budget driven by pocket money (docs/decisions/012-budget.md). Money is integer cents in EUR.

/** Pocket money for one young person: amount, rhythm and pay day, set by the specialist or the carer. */
export const budgetSettings = sqliteTable("budget_settings", {
  youngPersonId: text("young_person_id")
    .primaryKey()
    .references(() => youngPeople.id),
  amountCents: integer("amount_cents").notNull(),
  rhythm: text("rhythm", { enum: RHYTHMS }).notNull(),
  /** Weekly: ISO weekday 1–7; monthly: day of the month 1–28. */
  payDay: integer("pay_day").notNull(),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: integer("updated_at", { mode: "number" }).notNull(),
});

/** A duty (chore) agreed with the young person, worth an amount (cents) or a share (whole percent). */
export const budgetDuties = sqliteTable(
  "budget_duties",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    title: text("title").notNull(),
    valueKind: text("value_kind", { enum: DUTY_VALUE_KINDS }).notNull(),
    value: integer("value").notNull(),
    archivedAt: integer("archived_at", { mode: "number" }),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("budget_duties_young_person_idx").on(t.youngPersonId)],
);

/** The carer's (or specialist's) answer for one duty in one period: done or not. One answer per period. */
export const budgetDutyChecks = sqliteTable(
  "budget_duty_checks",
  {
    id: text("id").primaryKey(),
    dutyId: text("duty_id")
      .notNull()
      .references(() => budgetDuties.id),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    periodStart: text("period_start").notNull(),
    done: integer("done", { mode: "boolean" }).notNull(),
    checkedBy: text("checked_by")
      .notNull()
      .references(() => users.id),
    checkedAt: integer("checked_at", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("budget_duty_checks_once_unique").on(t.dutyId, t.periodStart),
    index("budget_duty_checks_young_person_idx").on(t.youngPersonId, t.periodStart),
  ],
);

/** Spend and save pots and savings goals; `percent` of each income goes in (the split applies from the next income). */
export const budgetPots = sqliteTable(
  "budget_pots",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    kind: text("kind", { enum: POT_KINDS }).notNull(),
    title: text("title"),
    percent: integer("percent").notNull().default(0),
    targetCents: integer("target_cents"),
    targetDate: text("target_date"),
    /** A savings goal may serve a plan goal (a rent deposit for the housing goal). */
    planGoalId: text("plan_goal_id").references(() => goals.id),
    position: integer("position").notNull().default(0),
    archivedAt: integer("archived_at", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [index("budget_pots_young_person_idx").on(t.youngPersonId, t.position), index("budget_pots_plan_goal_idx").on(t.planGoalId)],
);

/** A monthly envelope: a known category or the young person's own (with a title), and its planned amount. */
export const budgetEnvelopes = sqliteTable(
  "budget_envelopes",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    category: text("category", { enum: ENVELOPE_CATEGORIES }).notNull(),
    title: text("title"),
    plannedCents: integer("planned_cents").notNull(),
    position: integer("position").notNull().default(0),
    archivedAt: integer("archived_at", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [index("budget_envelopes_young_person_idx").on(t.youngPersonId, t.position)],
);

/** The young person's choice at a month's end: carry `cents` of the envelope into the next month (0: not). */
export const budgetRollovers = sqliteTable(
  "budget_rollovers",
  {
    envelopeId: text("envelope_id")
      .notNull()
      .references(() => budgetEnvelopes.id),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    /** The month that ended, "YYYY-MM". */
    month: text("month").notNull(),
    cents: integer("cents").notNull(),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: integer("decided_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.envelopeId, t.month] }), index("budget_rollovers_young_person_idx").on(t.youngPersonId, t.month)],
);

/** An expense or income typed by hand (no bank link). Deleted rows are kept, marked deleted (undo). */
export const budgetTransactions = sqliteTable(
  "budget_transactions",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    kind: text("kind", { enum: ["expense", "income"] }).notNull(),
    /** Always positive; `kind` says which way the money went. */
    amountCents: integer("amount_cents").notNull(),
    /** An expense's envelope. */
    envelopeId: text("envelope_id").references(() => budgetEnvelopes.id),
    incomeCategory: text("income_category", { enum: INCOME_CATEGORIES }),
    note: text("note"),
    on: text("on").notNull(),
    /** Pocket money: the period it pays (one payment per period). */
    periodStart: text("period_start"),
    deletedAt: integer("deleted_at", { mode: "number" }),
    deletedBy: text("deleted_by").references(() => users.id),
    clientToken: text("client_token"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "number" }),
  },
  (t) => [
    index("budget_transactions_young_person_idx").on(t.youngPersonId, t.on),
    index("budget_transactions_envelope_idx").on(t.envelopeId, t.on),
    uniqueIndex("budget_transactions_client_token_unique").on(t.youngPersonId, t.clientToken),
    uniqueIndex("budget_transactions_one_pay_unique")
      .on(t.youngPersonId, t.periodStart)
      .where(sql`period_start IS NOT NULL AND deleted_at IS NULL`),
  ],
);

/** How an income was split into pots when it arrived. */
export const budgetAllocations = sqliteTable(
  "budget_allocations",
  {
    transactionId: text("transaction_id")
      .notNull()
      .references(() => budgetTransactions.id),
    potId: text("pot_id")
      .notNull()
      .references(() => budgetPots.id),
    cents: integer("cents").notNull(),
  },
  (t) => [primaryKey({ columns: [t.transactionId, t.potId] }), index("budget_allocations_pot_idx").on(t.potId)],
);

/** The organisation's support catalogue for the first month alone, edited by the lead or admin. */
export const supportEntries = sqliteTable(
  "support_entries",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind", { enum: SUPPORT_KINDS }).notNull(),
    title: text("title").notNull(),
    amountCents: integer("amount_cents").notNull(),
    frequency: text("frequency", { enum: SUPPORT_FREQUENCIES }).notNull(),
    /** Where the figure comes from and that it must be checked locally. */
    note: text("note"),
    position: integer("position").notNull().default(0),
    archivedAt: integer("archived_at", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [index("support_entries_organisation_idx").on(t.organisationId, t.position)],
);

/** A saved first-month-alone scenario (the figures as JSON: app/domain/budget.ts Scenario). */
export const budgetScenarios = sqliteTable(
  "budget_scenarios",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    title: text("title").notNull(),
    data: text("data", { mode: "json" }).notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("budget_scenarios_young_person_idx").on(t.youngPersonId, t.createdAt)],
);

/**
 * "I need help" (issue 11, docs/decisions/018-help-wellbeing-worklist.md): a young person's short
 * message to their specialist (or the lead when there is none any more), and to their mentor if ticked.
 * Open until acknowledged, then resolved with a note.
 */
export const helpRequests = sqliteTable(
  "help_requests",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    /** Who wrote it (the young person's account). */
    fromUserId: text("from_user_id").references(() => users.id),
    /** Who it reached: the specialist, or the lead when the specialist had left. */
    recipientId: text("recipient_id").references(() => users.id),
    /** The mentor it was also sent to, when the young person ticked it. */
    mentorId: text("mentor_id").references(() => users.id),
    message: text("message").notNull(),
    /** Sent after the plan had closed ("I need help again"). */
    afterClose: integer("after_close", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: ["open", "acknowledged", "resolved"] })
      .notNull()
      .default("open"),
    acknowledgedBy: text("acknowledged_by").references(() => users.id),
    acknowledgedAt: integer("acknowledged_at", { mode: "number" }),
    resolvedBy: text("resolved_by").references(() => users.id),
    resolvedAt: integer("resolved_at", { mode: "number" }),
    resolutionNote: text("resolution_note"),
    clientToken: text("client_token"),
    createdAt: createdAt(),
  },
  (t) => [
    index("help_requests_young_person_idx").on(t.youngPersonId, t.status, t.createdAt),
    index("help_requests_recipient_idx").on(t.recipientId, t.status),
    uniqueIndex("help_requests_client_token_unique").on(t.youngPersonId, t.clientToken),
  ],
);

/** The monthly "how are you doing?": a score 1–5 (5 best) and optional words, or a skip (score null). */
export const wellbeingChecks = sqliteTable(
  "wellbeing_checks",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    /** YYYY-MM (Europe/Riga): one answer or skip per month. */
    month: text("month").notNull(),
    score: integer("score"),
    words: text("words"),
    answeredOn: text("answered_on").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("wellbeing_checks_month_unique").on(t.youngPersonId, t.month)],
);

// ------------------------------------------------------------------------------------------ reviews
// Review meetings (docs/decisions/017-review-meetings.md).

/** One review meeting of a young person's plan: scheduled, then recorded (or cancelled). */
export const reviews = sqliteTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    status: text("status", { enum: REVIEW_STATUSES }).notNull().default("scheduled"),
    /** The meeting's start, Unix milliseconds UTC (entered and shown in Europe/Riga). */
    startsAt: integer("starts_at", { mode: "number" }).notNull(),
    /** The meeting's day in Europe/Riga, for cadence and calendars. */
    heldOn: text("held_on").notNull(),
    place: text("place"),
    videoLink: text("video_link"),
    /** The specialist's choice of focus domains (JSON array), null: the pack's suggestion. */
    focusDomains: text("focus_domains", { mode: "json" }).$type<string[]>(),
    /** Agreed at the recording: when the next review is due. */
    nextReviewOn: text("next_review_on"),
    /** Optimistic version: recording twice at once records once. */
    version: integer("version").notNull().default(1),
    recordedAt: integer("recorded_at", { mode: "number" }),
    recordedBy: text("recorded_by").references(() => users.id),
    createdBy: text("created_by").references(() => users.id),
    clientToken: text("client_token"),
    createdAt: createdAt(),
    /** Last moved or cancelled (Unix ms): the calendar event's DTSTAMP and SEQUENCE (decision 025). */
    updatedAt: integer("updated_at", { mode: "number" }),
  },
  (t) => [
    index("reviews_young_person_idx").on(t.youngPersonId, t.status, t.heldOn),
    uniqueIndex("reviews_client_token_unique").on(t.youngPersonId, t.clientToken),
  ],
);

/** Who is invited: a person on the plan (user id) or someone by name; attended is filled at the recording. */
export const reviewParticipants = sqliteTable(
  "review_participants",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id),
    kind: text("kind", { enum: PARTICIPANT_KINDS }).notNull(),
    userId: text("user_id").references(() => users.id),
    /** For someone invited by name ("grandmother"). */
    name: text("name"),
    attended: integer("attended", { mode: "boolean" }),
  },
  (t) => [index("review_participants_review_idx").on(t.reviewId), index("review_participants_user_idx").on(t.userId)],
);

/** The young person's statement before the meeting, in their own words. */
export const reviewStatements = sqliteTable("review_statements", {
  reviewId: text("review_id")
    .primaryKey()
    .references(() => reviews.id),
  wentWell: text("went_well"),
  worries: text("worries"),
  talkAbout: text("talk_about"),
  /** People the young person does not want at the meeting, in their own words. */
  notWanted: text("not_wanted"),
  /** People on the plan the young person does not want there (user ids; decision 025). */
  notWantedIds: text("not_wanted_ids", { mode: "json" })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  domains: text("domains", { mode: "json" }).$type<string[]>().notNull(),
  updatedAt: integer("updated_at", { mode: "number" }).notNull(),
});

/** A decision per focus domain, written at the recording. */
export const reviewDecisions = sqliteTable(
  "review_decisions",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id),
    domain: text("domain", { enum: DOMAINS }).notNull(),
    decision: text("decision").notNull(),
  },
  (t) => [uniqueIndex("review_decisions_review_domain_unique").on(t.reviewId, t.domain)],
);

/** Goals agreed in a review ("agreed in the review of 4 March"). */
export const reviewGoals = sqliteTable(
  "review_goals",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id),
    goalId: text("goal_id")
      .notNull()
      .references(() => goals.id),
    /** "agreed": made in the review; "changed": an existing goal changed in it (decision 025). */
    change: text("change", { enum: ["agreed", "changed"] })
      .notNull()
      .default("agreed"),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.goalId] }), index("review_goals_goal_idx").on(t.goalId)],
);

/** "Did you feel heard?": only the young person answers, once per review (the primary key). */
export const reviewFeedback = sqliteTable("review_feedback", {
  reviewId: text("review_id")
    .primaryKey()
    .references(() => reviews.id),
  answer: text("answer", { enum: FELT_HEARD_ANSWERS }).notNull(),
  comment: text("comment"),
  createdAt: createdAt(),
});

/** "Ask for a review": open until a review is scheduled. */
export const reviewRequests = sqliteTable(
  "review_requests",
  {
    id: text("id").primaryKey(),
    youngPersonId: text("young_person_id")
      .notNull()
      .references(() => youngPeople.id),
    requestedOn: text("requested_on").notNull(),
    /** Set when a review is scheduled after the request. */
    reviewId: text("review_id").references(() => reviews.id),
    createdAt: createdAt(),
  },
  (t) => [
    // At most one open request per young person: a second tap is the same request.
    uniqueIndex("review_requests_one_open_unique")
      .on(t.youngPersonId)
      .where(sql`review_id IS NULL`),
  ],
);
