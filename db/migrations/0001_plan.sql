CREATE TABLE `goal_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`goal_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`client_token` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `goal_comments_goal_idx` ON `goal_comments` (`goal_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `goal_comments_client_token_unique` ON `goal_comments` (`goal_id`,`client_token`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`domain` text NOT NULL,
	`title` text NOT NULL,
	`why` text,
	`owner` text DEFAULT 'youth' NOT NULL,
	`due_date` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`client_token` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `goals_plan_domain_idx` ON `goals` (`plan_id`,`domain`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `goals_client_token_unique` ON `goals` (`plan_id`,`client_token`);--> statement-breakpoint
CREATE TABLE `organisation_skills` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`domain` text NOT NULL,
	`title` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `organisation_skills_org_idx` ON `organisation_skills` (`organisation_id`,`domain`);--> statement-breakpoint
CREATE TABLE `plan_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`kind` text NOT NULL,
	`label` text,
	`status` text DEFAULT 'missing' NOT NULL,
	`expires_on` text,
	`updated_by` text,
	`updated_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_documents_plan_idx` ON `plan_documents` (`plan_id`,`kind`);--> statement-breakpoint
CREATE TABLE `plan_events` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`actor_id` text,
	`entity` text NOT NULL,
	`entity_id` text,
	`domain` text,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_events_plan_idx` ON `plan_events` (`plan_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `readiness_ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`domain` text NOT NULL,
	`rater_id` text NOT NULL,
	`rater_kind` text NOT NULL,
	`value` integer NOT NULL,
	`rated_on` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rater_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `readiness_ratings_plan_idx` ON `readiness_ratings` (`plan_id`,`domain`,`created_at`);--> statement-breakpoint
CREATE TABLE `skill_states` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`skill_key` text NOT NULL,
	`state` text NOT NULL,
	`confirmed_by` text,
	`confirmed_at` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skill_states_plan_skill_unique` ON `skill_states` (`plan_id`,`skill_key`);--> statement-breakpoint
CREATE TABLE `steps` (
	`id` text PRIMARY KEY NOT NULL,
	`goal_id` text NOT NULL,
	`title` text NOT NULL,
	`owner` text DEFAULT 'youth' NOT NULL,
	`due_date` text,
	`done_at` integer,
	`done_by` text,
	`position` integer DEFAULT 0 NOT NULL,
	`client_token` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `steps_goal_idx` ON `steps` (`goal_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `steps_client_token_unique` ON `steps` (`goal_id`,`client_token`);