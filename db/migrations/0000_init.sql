CREATE TABLE `carer_links` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`carer_id` text NOT NULL,
	`started_on` text NOT NULL,
	`ended_on` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`carer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `carer_links_young_person_idx` ON `carer_links` (`young_person_id`);--> statement-breakpoint
CREATE INDEX `carer_links_carer_idx` ON `carer_links` (`carer_id`);--> statement-breakpoint
CREATE TABLE `mentorships` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`mentor_id` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`started_on` text NOT NULL,
	`closed_on` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentorships_young_person_idx` ON `mentorships` (`young_person_id`,`status`);--> statement-breakpoint
CREATE INDEX `mentorships_mentor_idx` ON `mentorships` (`mentor_id`,`status`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`mentor_contact_rhythm_days` integer DEFAULT 30 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `plan_domains` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`domain` text NOT NULL,
	`plan_b` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_domains_plan_domain_unique` ON `plan_domains` (`plan_id`,`domain`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_young_person_unique` ON `plans` (`young_person_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`locale` text DEFAULT 'lv' NOT NULL,
	`disabled_at` integer,
	`password_changed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_organisation_idx` ON `users` (`organisation_id`,`role`);--> statement-breakpoint
CREATE TABLE `young_people` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`user_id` text,
	`display_name` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`care_form` text NOT NULL,
	`municipality` text NOT NULL,
	`planned_care_end_date` text NOT NULL,
	`actual_care_end_date` text,
	`specialist_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`specialist_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `young_people_user_unique` ON `young_people` (`user_id`);--> statement-breakpoint
CREATE INDEX `young_people_organisation_idx` ON `young_people` (`organisation_id`,`planned_care_end_date`);--> statement-breakpoint
CREATE INDEX `young_people_specialist_idx` ON `young_people` (`specialist_id`,`planned_care_end_date`);