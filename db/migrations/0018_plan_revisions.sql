-- A plan's revision (docs/decisions/042-plan-reads-kept-by-revision.md): every write to the plan's goals,
-- steps, goal comments, readiness ratings and domains moves plans.revision in the same transaction, from
-- any code path or script. The plan pages keep what they computed from those tables under the plan's
-- revision (app/models/plan-reads.server.ts) and compute it anew once the revision has moved.
-- tests/integration/plan-revisions.test.ts writes each kind of row and checks the revision moved.
ALTER TABLE `plans` ADD `revision` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- A goal's own history by its entries' ids (the goal page; the history page of one goal).
CREATE INDEX `plan_events_entity_idx` ON `plan_events` (`entity_id`,`created_at`);
--> statement-breakpoint
CREATE TRIGGER `plan_revision_goals_inserted` AFTER INSERT ON `goals`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id = NEW.plan_id;
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_goals_updated` AFTER UPDATE ON `goals`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id IN (OLD.plan_id, NEW.plan_id);
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_goals_deleted` AFTER DELETE ON `goals`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id = OLD.plan_id;
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_readiness_ratings_inserted` AFTER INSERT ON `readiness_ratings`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id = NEW.plan_id;
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_readiness_ratings_updated` AFTER UPDATE ON `readiness_ratings`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id IN (OLD.plan_id, NEW.plan_id);
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_readiness_ratings_deleted` AFTER DELETE ON `readiness_ratings`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id = OLD.plan_id;
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_plan_domains_inserted` AFTER INSERT ON `plan_domains`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id = NEW.plan_id;
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_plan_domains_updated` AFTER UPDATE ON `plan_domains`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id IN (OLD.plan_id, NEW.plan_id);
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_plan_domains_deleted` AFTER DELETE ON `plan_domains`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id = OLD.plan_id;
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_steps_inserted` AFTER INSERT ON `steps`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id = (SELECT plan_id FROM goals WHERE id = NEW.goal_id);
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_steps_updated` AFTER UPDATE ON `steps`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id IN (SELECT plan_id FROM goals WHERE id IN (OLD.goal_id, NEW.goal_id));
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_steps_deleted` AFTER DELETE ON `steps`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id = (SELECT plan_id FROM goals WHERE id = OLD.goal_id);
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_goal_comments_inserted` AFTER INSERT ON `goal_comments`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id = (SELECT plan_id FROM goals WHERE id = NEW.goal_id);
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_goal_comments_updated` AFTER UPDATE ON `goal_comments`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id IN (SELECT plan_id FROM goals WHERE id IN (OLD.goal_id, NEW.goal_id));
END;
--> statement-breakpoint
CREATE TRIGGER `plan_revision_goal_comments_deleted` AFTER DELETE ON `goal_comments`
BEGIN
  UPDATE plans SET revision = revision + 1 WHERE id = (SELECT plan_id FROM goals WHERE id = OLD.goal_id);
END;
