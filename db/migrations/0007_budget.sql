CREATE TABLE `budget_allocations` (
	`transaction_id` text NOT NULL,
	`pot_id` text NOT NULL,
	`cents` integer NOT NULL,
	PRIMARY KEY(`transaction_id`, `pot_id`),
	FOREIGN KEY (`transaction_id`) REFERENCES `budget_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pot_id`) REFERENCES `budget_pots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_allocations_pot_idx` ON `budget_allocations` (`pot_id`);--> statement-breakpoint
CREATE TABLE `budget_duties` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`title` text NOT NULL,
	`value_kind` text NOT NULL,
	`value` integer NOT NULL,
	`archived_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_duties_young_person_idx` ON `budget_duties` (`young_person_id`);--> statement-breakpoint
CREATE TABLE `budget_duty_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`duty_id` text NOT NULL,
	`young_person_id` text NOT NULL,
	`period_start` text NOT NULL,
	`done` integer NOT NULL,
	`checked_by` text NOT NULL,
	`checked_at` integer NOT NULL,
	FOREIGN KEY (`duty_id`) REFERENCES `budget_duties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_duty_checks_once_unique` ON `budget_duty_checks` (`duty_id`,`period_start`);--> statement-breakpoint
CREATE INDEX `budget_duty_checks_young_person_idx` ON `budget_duty_checks` (`young_person_id`,`period_start`);--> statement-breakpoint
CREATE TABLE `budget_envelopes` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`category` text NOT NULL,
	`title` text,
	`planned_cents` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_envelopes_young_person_idx` ON `budget_envelopes` (`young_person_id`,`position`);--> statement-breakpoint
CREATE TABLE `budget_pots` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text,
	`percent` integer DEFAULT 0 NOT NULL,
	`target_cents` integer,
	`target_date` text,
	`plan_goal_id` text,
	`position` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_pots_young_person_idx` ON `budget_pots` (`young_person_id`,`position`);--> statement-breakpoint
CREATE INDEX `budget_pots_plan_goal_idx` ON `budget_pots` (`plan_goal_id`);--> statement-breakpoint
CREATE TABLE `budget_rollovers` (
	`envelope_id` text NOT NULL,
	`young_person_id` text NOT NULL,
	`month` text NOT NULL,
	`cents` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer NOT NULL,
	PRIMARY KEY(`envelope_id`, `month`),
	FOREIGN KEY (`envelope_id`) REFERENCES `budget_envelopes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_rollovers_young_person_idx` ON `budget_rollovers` (`young_person_id`,`month`);--> statement-breakpoint
CREATE TABLE `budget_scenarios` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`title` text NOT NULL,
	`data` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_scenarios_young_person_idx` ON `budget_scenarios` (`young_person_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `budget_settings` (
	`young_person_id` text PRIMARY KEY NOT NULL,
	`amount_cents` integer NOT NULL,
	`rhythm` text NOT NULL,
	`pay_day` integer NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `budget_transactions` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`envelope_id` text,
	`income_category` text,
	`note` text,
	`on` text NOT NULL,
	`period_start` text,
	`deleted_at` integer,
	`deleted_by` text,
	`client_token` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`envelope_id`) REFERENCES `budget_envelopes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_transactions_young_person_idx` ON `budget_transactions` (`young_person_id`,`on`);--> statement-breakpoint
CREATE INDEX `budget_transactions_envelope_idx` ON `budget_transactions` (`envelope_id`,`on`);--> statement-breakpoint
CREATE UNIQUE INDEX `budget_transactions_client_token_unique` ON `budget_transactions` (`young_person_id`,`client_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `budget_transactions_one_pay_unique` ON `budget_transactions` (`young_person_id`,`period_start`) WHERE period_start IS NOT NULL AND deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `support_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`frequency` text NOT NULL,
	`note` text,
	`position` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `support_entries_organisation_idx` ON `support_entries` (`organisation_id`,`position`);