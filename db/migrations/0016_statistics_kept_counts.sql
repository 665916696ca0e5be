-- The statistics' done goals per organisation, care form, municipality and domain, kept by triggers
-- (docs/decisions/032-fast-fuzz-and-kept-counts.md): the page reads these few rows instead of every done
-- goal of the organisation (about 100,000 at national scale). Every write that can change a count moves
-- it in the same transaction: a goal created, deleted (erasure), changed in status, domain or plan; a
-- record moved to another care form, municipality or organisation; a plan given to another record.
-- tests/integration/statistics-counts.test.ts recounts after every kind of write.
-- Rows that fall to 0 stay (the page sums them).
--
-- The backfill: what is there now.
INSERT INTO `statistics_goals_done` (`organisation_id`, `care_form`, `municipality`, `domain`, `n`)
  SELECT y.organisation_id, y.care_form, y.municipality, g.domain, count(*)
    FROM goals g JOIN plans p ON p.id = g.plan_id JOIN young_people y ON y.id = p.young_person_id
   WHERE g.status = 'done'
   GROUP BY y.organisation_id, y.care_form, y.municipality, g.domain;
--> statement-breakpoint
CREATE TRIGGER `statistics_goal_inserted` AFTER INSERT ON `goals` WHEN NEW.status = 'done'
BEGIN
  INSERT INTO statistics_goals_done (organisation_id, care_form, municipality, domain, n)
    SELECT y.organisation_id, y.care_form, y.municipality, NEW.domain, 1
      FROM plans p JOIN young_people y ON y.id = p.young_person_id WHERE p.id = NEW.plan_id
    ON CONFLICT (organisation_id, care_form, municipality, domain) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `statistics_goal_deleted` AFTER DELETE ON `goals` WHEN OLD.status = 'done'
BEGIN
  UPDATE statistics_goals_done SET n = n - 1
   WHERE (organisation_id, care_form, municipality, domain) =
         (SELECT y.organisation_id, y.care_form, y.municipality, OLD.domain
            FROM plans p JOIN young_people y ON y.id = p.young_person_id WHERE p.id = OLD.plan_id);
END;
--> statement-breakpoint
CREATE TRIGGER `statistics_goal_updated` AFTER UPDATE OF status, domain, plan_id ON `goals`
  WHEN (OLD.status = 'done' OR NEW.status = 'done')
   AND (OLD.status IS NOT NEW.status OR OLD.domain IS NOT NEW.domain OR OLD.plan_id IS NOT NEW.plan_id)
BEGIN
  UPDATE statistics_goals_done SET n = n - 1
   WHERE OLD.status = 'done'
     AND (organisation_id, care_form, municipality, domain) =
         (SELECT y.organisation_id, y.care_form, y.municipality, OLD.domain
            FROM plans p JOIN young_people y ON y.id = p.young_person_id WHERE p.id = OLD.plan_id);
  INSERT INTO statistics_goals_done (organisation_id, care_form, municipality, domain, n)
    SELECT y.organisation_id, y.care_form, y.municipality, NEW.domain, 1
      FROM plans p JOIN young_people y ON y.id = p.young_person_id WHERE p.id = NEW.plan_id AND NEW.status = 'done'
    ON CONFLICT (organisation_id, care_form, municipality, domain) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `statistics_record_moved` AFTER UPDATE OF organisation_id, care_form, municipality ON `young_people`
  WHEN OLD.organisation_id IS NOT NEW.organisation_id OR OLD.care_form IS NOT NEW.care_form OR OLD.municipality IS NOT NEW.municipality
BEGIN
  UPDATE statistics_goals_done
     SET n = n - (SELECT count(*) FROM plans p JOIN goals g ON g.plan_id = p.id
                   WHERE p.young_person_id = OLD.id AND g.status = 'done' AND g.domain = statistics_goals_done.domain)
   WHERE organisation_id = OLD.organisation_id AND care_form = OLD.care_form AND municipality = OLD.municipality;
  INSERT INTO statistics_goals_done (organisation_id, care_form, municipality, domain, n)
    SELECT NEW.organisation_id, NEW.care_form, NEW.municipality, g.domain, count(*)
      FROM plans p JOIN goals g ON g.plan_id = p.id WHERE p.young_person_id = NEW.id AND g.status = 'done'
     GROUP BY g.domain
    ON CONFLICT (organisation_id, care_form, municipality, domain) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `statistics_plan_moved` AFTER UPDATE OF young_person_id ON `plans`
  WHEN OLD.young_person_id IS NOT NEW.young_person_id
BEGIN
  UPDATE statistics_goals_done
     SET n = n - (SELECT count(*) FROM goals g WHERE g.plan_id = OLD.id AND g.status = 'done' AND g.domain = statistics_goals_done.domain)
   WHERE (organisation_id, care_form, municipality) =
         (SELECT y.organisation_id, y.care_form, y.municipality FROM young_people y WHERE y.id = OLD.young_person_id);
  INSERT INTO statistics_goals_done (organisation_id, care_form, municipality, domain, n)
    SELECT y.organisation_id, y.care_form, y.municipality, g.domain, count(*)
      FROM young_people y JOIN goals g ON g.plan_id = NEW.id WHERE y.id = NEW.young_person_id AND g.status = 'done'
     GROUP BY g.domain
    ON CONFLICT (organisation_id, care_form, municipality, domain) DO UPDATE SET n = n + excluded.n;
END;
