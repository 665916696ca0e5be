ALTER TABLE `erasures` ADD `municipality` text;--> statement-breakpoint
ALTER TABLE `erasures` ADD `birth_year` integer;--> statement-breakpoint
ALTER TABLE `erasures` ADD `education_status` text;--> statement-breakpoint
ALTER TABLE `erasures` ADD `employment_status` text;--> statement-breakpoint
ALTER TABLE `erasures` ADD `special_needs` text;--> statement-breakpoint
CREATE INDEX `erasures_organisation_idx` ON `erasures` (`organisation_id`,`care_form`,`municipality`);