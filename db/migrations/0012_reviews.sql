CREATE TABLE `review_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`domain` text NOT NULL,
	`decision` text NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_decisions_review_domain_unique` ON `review_decisions` (`review_id`,`domain`);--> statement-breakpoint
CREATE TABLE `review_feedback` (
	`review_id` text PRIMARY KEY NOT NULL,
	`answer` text NOT NULL,
	`comment` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `review_goals` (
	`review_id` text NOT NULL,
	`goal_id` text NOT NULL,
	PRIMARY KEY(`review_id`, `goal_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_goals_goal_idx` ON `review_goals` (`goal_id`);--> statement-breakpoint
CREATE TABLE `review_participants` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`kind` text NOT NULL,
	`user_id` text,
	`name` text,
	`attended` integer,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_participants_review_idx` ON `review_participants` (`review_id`);--> statement-breakpoint
CREATE INDEX `review_participants_user_idx` ON `review_participants` (`user_id`);--> statement-breakpoint
CREATE TABLE `review_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`requested_on` text NOT NULL,
	`review_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_requests_one_open_unique` ON `review_requests` (`young_person_id`) WHERE review_id IS NULL;--> statement-breakpoint
CREATE TABLE `review_statements` (
	`review_id` text PRIMARY KEY NOT NULL,
	`went_well` text,
	`worries` text,
	`talk_about` text,
	`not_wanted` text,
	`domains` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`starts_at` integer NOT NULL,
	`held_on` text NOT NULL,
	`place` text,
	`video_link` text,
	`focus_domains` text,
	`next_review_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`recorded_at` integer,
	`recorded_by` text,
	`created_by` text,
	`client_token` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reviews_young_person_idx` ON `reviews` (`young_person_id`,`status`,`held_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_client_token_unique` ON `reviews` (`young_person_id`,`client_token`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `review_months_preparation` integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `review_months_transition` integer DEFAULT 3 NOT NULL;