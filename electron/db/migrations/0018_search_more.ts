// Lists that stay fast at a million files (issue 14). Job seekers are worker files, so their middle-of-name
// search uses the file indexes of 0016; what they lack is an order the list can read straight from an index.
export default /* sql */ `
-- The job-seeker list: active files by priority then name. The expression is the one in referrals/store.ts
-- (PRIORITY_SQL), word for word, so the planner reads the order from this index instead of sorting them all.
CREATE INDEX worker_files_seekers ON worker_files (
  (CASE WHEN employment_status = 'laid_off' AND model_worker_level <> 'none' THEN 0
  WHEN employment_status = 'laid_off' THEN 1 ELSE 2 END), name_pinyin, name) WHERE status = 'active';

-- The file list filtered by unit, newest first (the default order), without sorting a big unit's files.
CREATE INDEX worker_files_unit_updated ON worker_files (work_unit, updated_at);

-- The file list's count with a status and an income tier: both from the index, no file row read.
CREATE INDEX worker_files_status_income ON worker_files (status, per_capita_income_fen);

-- Files by status, kept by triggers, so the dashboard's "active files" is one row read, not a million counted.
CREATE TABLE worker_file_counts (
  status TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO worker_file_counts (status, n) VALUES ('active', 0), ('exited', 0);
UPDATE worker_file_counts SET n = (SELECT count(*) FROM worker_files f WHERE f.status = worker_file_counts.status);
CREATE TRIGGER worker_file_counts_insert AFTER INSERT ON worker_files BEGIN
  UPDATE worker_file_counts SET n = n + 1 WHERE status = new.status;
END;
CREATE TRIGGER worker_file_counts_delete AFTER DELETE ON worker_files BEGIN
  UPDATE worker_file_counts SET n = n - 1 WHERE status = old.status;
END;
CREATE TRIGGER worker_file_counts_update AFTER UPDATE OF status ON worker_files WHEN old.status <> new.status BEGIN
  UPDATE worker_file_counts SET n = n - 1 WHERE status = old.status;
  UPDATE worker_file_counts SET n = n + 1 WHERE status = new.status;
END;
`;
