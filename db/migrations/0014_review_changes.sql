ALTER TABLE `review_goals` ADD `change` text DEFAULT 'agreed' NOT NULL;--> statement-breakpoint
ALTER TABLE `review_statements` ADD `not_wanted_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `reviews` ADD `updated_at` integer;