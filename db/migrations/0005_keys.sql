CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor_role` text,
	`young_person_id` text,
	`kind` text NOT NULL,
	`part` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_young_person_idx` ON `audit_log` (`young_person_id`,`at`);--> statement-breakpoint
CREATE TABLE `erasures` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`mode` text NOT NULL,
	`reason` text NOT NULL,
	`erased_by` text,
	`care_form` text NOT NULL,
	`care_end_year` integer NOT NULL,
	`stats` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`erased_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sharing_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`audience` text NOT NULL,
	`section` text NOT NULL,
	`shared` integer NOT NULL,
	`people_ids` text NOT NULL,
	`changed_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sharing_receipts_young_person_idx` ON `sharing_receipts` (`young_person_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sharing_switches` (
	`young_person_id` text NOT NULL,
	`audience` text NOT NULL,
	`section` text NOT NULL,
	`shared` integer NOT NULL,
	`changed_at` integer NOT NULL,
	PRIMARY KEY(`young_person_id`, `audience`, `section`),
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `organisations` ADD `retention_months` integer DEFAULT 36 NOT NULL;