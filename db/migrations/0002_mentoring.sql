CREATE TABLE `mentor_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`mentorship_id` text NOT NULL,
	`young_person_id` text NOT NULL,
	`author_id` text NOT NULL,
	`contact_on` text NOT NULL,
	`made` integer NOT NULL,
	`channel` text NOT NULL,
	`duration_minutes` integer,
	`topics` text NOT NULL,
	`note` text,
	`note_private` integer DEFAULT false NOT NULL,
	`next_meeting_on` text,
	`next_meeting_time` text,
	`client_token` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`mentorship_id`) REFERENCES `mentorships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentor_contacts_mentorship_idx` ON `mentor_contacts` (`mentorship_id`,`contact_on`);--> statement-breakpoint
CREATE INDEX `mentor_contacts_young_person_idx` ON `mentor_contacts` (`young_person_id`,`contact_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `mentor_contacts_client_token_unique` ON `mentor_contacts` (`mentorship_id`,`client_token`);--> statement-breakpoint
ALTER TABLE `mentorships` ADD `paused_on` text;--> statement-breakpoint
ALTER TABLE `mentorships` ADD `close_reason` text;--> statement-breakpoint
ALTER TABLE `mentorships` ADD `handover_note` text;--> statement-breakpoint
ALTER TABLE `mentorships` ADD `youth_note` text;--> statement-breakpoint
ALTER TABLE `mentorships` ADD `youth_note_at` integer;--> statement-breakpoint
ALTER TABLE `mentorships` ADD `linked_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `mentorships` ADD `closed_by` text REFERENCES users(id);--> statement-breakpoint
CREATE UNIQUE INDEX `mentorships_one_open_unique` ON `mentorships` (`young_person_id`) WHERE status <> 'closed';