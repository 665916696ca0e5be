/**
 * The Tilts database schema (SQLite through drizzle).
 * Conventions: ids are random text; dates without time are `YYYY-MM-DD` text; timestamps are
 * integer Unix milliseconds in UTC unless the column name says otherwise (lucia's `expires_at` is Unix
 * seconds); money is integer cents. Imported only from `*.server.ts` modules and scripts in `db/`.
 */
import { relations, sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import {
  CARE_FORMS,
  DOMAINS,
  LOCALES,
  MENTORSHIP_STATUSES,
  ROLES,
} from "../app/domain/vocabulary";

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
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("young_people_user_unique").on(t.userId),
    index("young_people_organisation_idx").on(t.organisationId, t.plannedCareEndDate),
    index("young_people_specialist_idx").on(t.specialistId, t.plannedCareEndDate),
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
    closedOn: text("closed_on"),
    createdAt: createdAt(),
  },
  (t) => [
    index("mentorships_young_person_idx").on(t.youngPersonId, t.status),
    index("mentorships_mentor_idx").on(t.mentorId, t.status),
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
  (t) => [
    index("carer_links_young_person_idx").on(t.youngPersonId),
    index("carer_links_carer_idx").on(t.carerId),
  ],
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
  },
  (t) => [uniqueIndex("plans_young_person_unique").on(t.youngPersonId)],
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

export const mentorshipsRelations = relations(mentorships, ({ one }) => ({
  youngPerson: one(youngPeople, { fields: [mentorships.youngPersonId], references: [youngPeople.id] }),
  mentor: one(users, { fields: [mentorships.mentorId], references: [users.id] }),
}));

export const carerLinksRelations = relations(carerLinks, ({ one }) => ({
  youngPerson: one(youngPeople, { fields: [carerLinks.youngPersonId], references: [youngPeople.id] }),
  carer: one(users, { fields: [carerLinks.carerId], references: [users.id] }),
}));

