CREATE TABLE `statistics_goals_done` (
	`organisation_id` text NOT NULL,
	`care_form` text NOT NULL,
	`municipality` text NOT NULL,
	`domain` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `care_form`, `municipality`, `domain`)
);
