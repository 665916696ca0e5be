CREATE TABLE `help_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`from_user_id` text,
	`recipient_id` text,
	`mentor_id` text,
	`message` text NOT NULL,
	`after_close` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`acknowledged_by` text,
	`acknowledged_at` integer,
	`resolved_by` text,
	`resolved_at` integer,
	`resolution_note` text,
	`client_token` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `help_requests_young_person_idx` ON `help_requests` (`young_person_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `help_requests_recipient_idx` ON `help_requests` (`recipient_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `help_requests_client_token_unique` ON `help_requests` (`young_person_id`,`client_token`);--> statement-breakpoint
CREATE TABLE `wellbeing_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`month` text NOT NULL,
	`score` integer,
	`words` text,
	`answered_on` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wellbeing_checks_month_unique` ON `wellbeing_checks` (`young_person_id`,`month`);