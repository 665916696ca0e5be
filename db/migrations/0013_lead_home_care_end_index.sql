-- The lead's home pages the organisation's records by care end (the actual date, else the planned one)
-- in SQL (issue 15, app/models/lead-home.server.ts). An expression index: drizzle-kit cannot express it
-- in db/schema.ts (it splits the expression at its comma), so it lives in this custom migration.
CREATE INDEX IF NOT EXISTS `young_people_care_end_idx` ON `young_people` (`organisation_id`, coalesce(`actual_care_end_date`, `planned_care_end_date`), `id`);
