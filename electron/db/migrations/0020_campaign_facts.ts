// Campaigns (issue 12, perf): per-file facts a campaign list is built from, kept current by triggers
// on every path that writes a file, its household or its exclusion flags, so that building a list is
// a few set-based statements over one narrow table instead of reading every file into JavaScript.
//
// - criteria_id: the facts the group rules read except the income (which is judged against the line in
//   force when the list is built): employment, model-worker level, single parent, disabled and the
//   hardship causes (their stored JSON text), as a JSON key in campaign_criteria. The rules themselves stay in JavaScript
//   (criteria.ts) and are run once per key and income tier, never per file.
// - exited, red (risk flag), flagged (an uncleared exclusion flag).
// - shared: one of the household's ID numbers (holder or member) is also on another file. Only such
//   files can meet the same-household rule, or last year's rule through someone else's file; the
//   build settles those few one by one and every other file by set.

/** The criteria key of a worker_files row (NEW or OLD): a JSON array the build parses back. */
const criteriaKey = (r: string) =>
  `json_array(${r}.employment_status, ${r}.model_worker_level, ${r}.single_parent, ${r}.disability_grade IS NOT NULL, ${r}.hardship_causes)`;

/** Whether file `f` shares an ID number with another file (holder or member on either side). */
const sharedOf = (f: string) => `(
  EXISTS (SELECT 1 FROM worker_files w JOIN household_members m ON m.id_number = w.id_number AND m.id_number <> '' WHERE w.id = ${f} AND m.file_id <> ${f})
  OR EXISTS (SELECT 1 FROM household_members m JOIN worker_files w ON w.id_number = m.id_number WHERE m.file_id = ${f} AND m.id_number <> '' AND w.id <> ${f})
  OR EXISTS (SELECT 1 FROM household_members m JOIN household_members o ON o.id_number = m.id_number AND o.id_number <> '' WHERE m.file_id = ${f} AND m.id_number <> '' AND o.file_id <> ${f}))`;

/** Files holding ID number `idn` (as holder or member). */
const holdersOf = (idn: string) => `SELECT id FROM worker_files WHERE id_number = ${idn} UNION SELECT file_id FROM household_members WHERE id_number = ${idn} AND id_number <> ''`;

const refreshShared = (files: string) => `UPDATE campaign_file_facts SET shared = ${sharedOf('campaign_file_facts.file_id')} WHERE file_id IN (${files});`;

const flaggedOf = (f: string) => `EXISTS (SELECT 1 FROM file_exclusions WHERE file_id = ${f} AND cleared_at IS NULL)`;

/** Fills the facts of every file from scratch: by the migration, and by bulk loaders that drop the triggers. */
export const CAMPAIGN_FACTS_REFILL = `
DELETE FROM campaign_file_facts;
INSERT OR IGNORE INTO campaign_criteria (key) SELECT DISTINCT ${criteriaKey('worker_files')} FROM worker_files;
INSERT INTO campaign_file_facts (file_id, criteria_id, per_capita_income_fen, exited, red, flagged, shared)
SELECT f.id, c.id, f.per_capita_income_fen, f.status = 'exited', f.risk_flag = 'red', ${flaggedOf('f.id')}, 0
FROM worker_files f JOIN campaign_criteria c ON c.key = ${criteriaKey('f')};
UPDATE campaign_file_facts SET shared = 1 WHERE file_id IN (
  SELECT w.id FROM worker_files w JOIN household_members m ON m.id_number = w.id_number AND m.id_number <> '' WHERE m.file_id <> w.id
  UNION SELECT m.file_id FROM household_members m JOIN worker_files w ON w.id_number = m.id_number WHERE m.id_number <> '' AND w.id <> m.file_id
  UNION SELECT m.file_id FROM household_members m JOIN household_members o ON o.id_number = m.id_number AND o.id_number <> '' WHERE m.id_number <> '' AND o.file_id <> m.file_id);
`;

export default /* sql */ `
CREATE TABLE campaign_criteria (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE
);

CREATE TABLE campaign_file_facts (
  file_id INTEGER PRIMARY KEY REFERENCES worker_files(id),
  criteria_id INTEGER NOT NULL REFERENCES campaign_criteria(id),
  per_capita_income_fen INTEGER NOT NULL,
  exited INTEGER NOT NULL,
  red INTEGER NOT NULL,
  flagged INTEGER NOT NULL,
  shared INTEGER NOT NULL
);
-- The few files whose household overlaps another file's, read one by one by the build.
CREATE INDEX campaign_file_facts_shared ON campaign_file_facts (file_id) WHERE shared = 1;

CREATE TRIGGER campaign_facts_file_insert AFTER INSERT ON worker_files BEGIN
  INSERT OR IGNORE INTO campaign_criteria (key) VALUES (${criteriaKey('NEW')});
  INSERT INTO campaign_file_facts (file_id, criteria_id, per_capita_income_fen, exited, red, flagged, shared)
  VALUES (NEW.id, (SELECT id FROM campaign_criteria WHERE key = ${criteriaKey('NEW')}), NEW.per_capita_income_fen, NEW.status = 'exited', NEW.risk_flag = 'red', ${flaggedOf('NEW.id')}, 0);
  ${refreshShared(`SELECT NEW.id UNION ${holdersOf('NEW.id_number')}`)}
END;

CREATE TRIGGER campaign_facts_file_update AFTER UPDATE OF employment_status, model_worker_level, single_parent, disability_grade, hardship_causes, per_capita_income_fen, status, risk_flag ON worker_files BEGIN
  INSERT OR IGNORE INTO campaign_criteria (key) VALUES (${criteriaKey('NEW')});
  UPDATE campaign_file_facts SET criteria_id = (SELECT id FROM campaign_criteria WHERE key = ${criteriaKey('NEW')}), per_capita_income_fen = NEW.per_capita_income_fen,
    exited = NEW.status = 'exited', red = NEW.risk_flag = 'red'
  WHERE file_id = NEW.id;
END;

CREATE TRIGGER campaign_facts_file_id_number AFTER UPDATE OF id, id_number ON worker_files BEGIN
  ${refreshShared(`SELECT OLD.id UNION SELECT NEW.id UNION ${holdersOf('OLD.id_number')} UNION ${holdersOf('NEW.id_number')}`)}
END;

CREATE TRIGGER campaign_facts_file_delete AFTER DELETE ON worker_files BEGIN
  DELETE FROM campaign_file_facts WHERE file_id = OLD.id;
  ${refreshShared(holdersOf('OLD.id_number'))}
END;

CREATE TRIGGER campaign_facts_member_insert AFTER INSERT ON household_members WHEN NEW.id_number <> '' BEGIN
  ${refreshShared(`SELECT NEW.file_id UNION ${holdersOf('NEW.id_number')}`)}
END;

CREATE TRIGGER campaign_facts_member_delete AFTER DELETE ON household_members WHEN OLD.id_number <> '' BEGIN
  ${refreshShared(`SELECT OLD.file_id UNION ${holdersOf('OLD.id_number')}`)}
END;

CREATE TRIGGER campaign_facts_member_update AFTER UPDATE OF file_id, id_number ON household_members BEGIN
  ${refreshShared(`SELECT OLD.file_id UNION SELECT NEW.file_id UNION ${holdersOf('OLD.id_number')} UNION ${holdersOf('NEW.id_number')}`)}
END;

CREATE TRIGGER campaign_facts_exclusion_insert AFTER INSERT ON file_exclusions BEGIN
  UPDATE campaign_file_facts SET flagged = ${flaggedOf('NEW.file_id')} WHERE file_id = NEW.file_id;
END;

CREATE TRIGGER campaign_facts_exclusion_update AFTER UPDATE ON file_exclusions BEGIN
  UPDATE campaign_file_facts SET flagged = ${flaggedOf('campaign_file_facts.file_id')} WHERE file_id IN (OLD.file_id, NEW.file_id);
END;

CREATE TRIGGER campaign_facts_exclusion_delete AFTER DELETE ON file_exclusions BEGIN
  UPDATE campaign_file_facts SET flagged = ${flaggedOf('OLD.file_id')} WHERE file_id = OLD.file_id;
END;
${CAMPAIGN_FACTS_REFILL}`;
