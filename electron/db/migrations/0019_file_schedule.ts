// Stored revisit due dates (issue 13): the due and overdue lists and their counts read an index instead of
// computing every file's schedule on each call. Triggers keep the stored date in step with every write to a
// file; the settings it depends on are copied into monitor_schedule_basis, and a change of those settings
// recomputes every file in one UPDATE (core/monitoring/schedule.ts, ensureScheduleBasis).
export default /* sql */ `
-- The minimum-living line and intervals the stored due dates were computed with; one row.
CREATE TABLE monitor_schedule_basis (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  line_fen INTEGER NOT NULL,
  uncleared_months INTEGER NOT NULL,
  cleared_months INTEGER NOT NULL,
  stable_months INTEGER NOT NULL,
  -- 1 while every file is recomputed at once: the per-day counts are then rebuilt in one pass, not per row.
  recomputing INTEGER NOT NULL DEFAULT 0
);
-- The settings in force today (defaults as shipped when never set); the first read re-checks them.
INSERT INTO monitor_schedule_basis (id, line_fen, uncleared_months, cleared_months, stable_months)
SELECT 1,
  COALESCE((SELECT CAST(value_json AS INTEGER) FROM setting_values WHERE key = 'minLivingLineFen' AND effective_from <= date('now', '+8 hours') ORDER BY effective_from DESC, id DESC LIMIT 1), 78000),
  COALESCE((SELECT CAST(value_json AS INTEGER) FROM setting_values WHERE key = 'monitorUnclearedMonths' AND effective_from <= date('now', '+8 hours') ORDER BY effective_from DESC, id DESC LIMIT 1), 1),
  COALESCE((SELECT CAST(value_json AS INTEGER) FROM setting_values WHERE key = 'monitorClearedMonths' AND effective_from <= date('now', '+8 hours') ORDER BY effective_from DESC, id DESC LIMIT 1), 6),
  COALESCE((SELECT CAST(value_json AS INTEGER) FROM setting_values WHERE key = 'monitorStableMonths' AND effective_from <= date('now', '+8 hours') ORDER BY effective_from DESC, id DESC LIMIT 1), 12);

-- The rule of shared/monitoring.ts (revisitDue) in SQL, the one place it is written here: the earlier of the
-- visitor's chosen date and anchor + the state's interval, the month added as addMonths does (31 Jan + 1
-- month = 28 Feb). 未消除风险 = a red or yellow flag, or per-capita income at or below 150% of the line
-- (at/below the line, or orange); exited files are stable. The anchor of a file never visited is its creation
-- date in Shanghai.
CREATE VIEW file_schedule_rule AS
SELECT file_id, responsible_user_id,
  min(COALESCE(next_date, '9999-12-31'),
      date(anchor, 'start of month', '+' || months || ' months', '+' || (CAST(substr(anchor, 9, 2) AS INTEGER) - 1) || ' days'),
      date(anchor, 'start of month', '+' || (months + 1) || ' months', '-1 day')) AS due_on
FROM (
  SELECT f.id AS file_id, f.responsible_user_id, f.monitor_next_date AS next_date,
    COALESCE(f.monitor_anchor_date, date(f.created_at, '+8 hours')) AS anchor,
    CASE WHEN f.status = 'exited' THEN b.stable_months
      WHEN f.risk_flag IN ('red', 'yellow') OR f.per_capita_income_fen * 100 <= b.line_fen * 150 THEN b.uncleared_months
      ELSE b.cleared_months END AS months
  FROM worker_files f CROSS JOIN monitor_schedule_basis b
);

-- One row per file: its next due date, and its 帮扶责任人 for the 'mine' lists.
CREATE TABLE file_schedule (
  file_id INTEGER PRIMARY KEY REFERENCES worker_files(id),
  due_on TEXT NOT NULL,
  responsible_user_id INTEGER
);
CREATE INDEX file_schedule_by_due ON file_schedule (due_on);
CREATE INDEX file_schedule_mine ON file_schedule (responsible_user_id, due_on) WHERE responsible_user_id IS NOT NULL;

-- Files due per day, for everyone (user_key 0) and per 帮扶责任人: the due and overdue counts sum a few
-- thousand days instead of counting a million files.
CREATE TABLE file_schedule_days (
  user_key INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (user_key, due_on)
) WITHOUT ROWID;

INSERT INTO file_schedule (file_id, due_on, responsible_user_id) SELECT file_id, due_on, responsible_user_id FROM file_schedule_rule;
INSERT INTO file_schedule_days (user_key, due_on, n) SELECT 0, due_on, count(*) FROM file_schedule GROUP BY due_on;
INSERT INTO file_schedule_days (user_key, due_on, n)
  SELECT responsible_user_id, due_on, count(*) FROM file_schedule WHERE responsible_user_id IS NOT NULL GROUP BY 1, 2;

CREATE TRIGGER file_schedule_days_insert AFTER INSERT ON file_schedule
WHEN (SELECT recomputing FROM monitor_schedule_basis) = 0 BEGIN
  INSERT INTO file_schedule_days (user_key, due_on, n) VALUES (0, new.due_on, 1) ON CONFLICT (user_key, due_on) DO UPDATE SET n = n + 1;
  INSERT INTO file_schedule_days (user_key, due_on, n) SELECT new.responsible_user_id, new.due_on, 1 WHERE new.responsible_user_id IS NOT NULL
    ON CONFLICT (user_key, due_on) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER file_schedule_days_delete AFTER DELETE ON file_schedule
WHEN (SELECT recomputing FROM monitor_schedule_basis) = 0 BEGIN
  UPDATE file_schedule_days SET n = n - 1 WHERE user_key = 0 AND due_on = old.due_on;
  UPDATE file_schedule_days SET n = n - 1 WHERE user_key = old.responsible_user_id AND due_on = old.due_on;
  DELETE FROM file_schedule_days WHERE user_key IN (0, old.responsible_user_id) AND due_on = old.due_on AND n = 0;
END;
CREATE TRIGGER file_schedule_days_update AFTER UPDATE OF due_on, responsible_user_id ON file_schedule
WHEN (old.due_on IS NOT new.due_on OR old.responsible_user_id IS NOT new.responsible_user_id)
  AND (SELECT recomputing FROM monitor_schedule_basis) = 0 BEGIN
  UPDATE file_schedule_days SET n = n - 1 WHERE user_key = 0 AND due_on = old.due_on;
  UPDATE file_schedule_days SET n = n - 1 WHERE user_key = old.responsible_user_id AND due_on = old.due_on;
  DELETE FROM file_schedule_days WHERE user_key IN (0, old.responsible_user_id) AND due_on = old.due_on AND n = 0;
  INSERT INTO file_schedule_days (user_key, due_on, n) VALUES (0, new.due_on, 1) ON CONFLICT (user_key, due_on) DO UPDATE SET n = n + 1;
  INSERT INTO file_schedule_days (user_key, due_on, n) SELECT new.responsible_user_id, new.due_on, 1 WHERE new.responsible_user_id IS NOT NULL
    ON CONFLICT (user_key, due_on) DO UPDATE SET n = n + 1;
END;

-- A revisit that finds members joining or leaving re-tiers the file: the sizes it found, before and after.
ALTER TABLE file_revisits ADD COLUMN household_size_before INTEGER;
ALTER TABLE file_revisits ADD COLUMN household_size_after INTEGER;

-- Every write to a file that can move its due date: creation, income (re-tiering), flag, status (exit and
-- reactivation), a revisit's anchor and chosen date, the 帮扶责任人.
CREATE TRIGGER file_schedule_file_insert AFTER INSERT ON worker_files BEGIN
  INSERT INTO file_schedule (file_id, due_on, responsible_user_id) SELECT file_id, due_on, responsible_user_id FROM file_schedule_rule WHERE file_id = new.id;
END;
CREATE TRIGGER file_schedule_file_update AFTER UPDATE OF status, risk_flag, per_capita_income_fen, monitor_anchor_date, monitor_next_date, created_at, responsible_user_id
ON worker_files BEGIN
  UPDATE file_schedule SET (due_on, responsible_user_id) = (SELECT due_on, responsible_user_id FROM file_schedule_rule WHERE file_id = new.id)
  WHERE file_id = new.id;
END;
CREATE TRIGGER file_schedule_file_delete AFTER DELETE ON worker_files BEGIN
  DELETE FROM file_schedule WHERE file_id = old.id;
END;

-- 年审 progress for the overview without counting every active file: reviews of each year whose file is
-- active now (the total is worker_file_counts' active row).
CREATE TABLE file_review_counts (
  year INTEGER PRIMARY KEY,
  n INTEGER NOT NULL
);
INSERT INTO file_review_counts (year, n)
  SELECT r.year, count(*) FROM file_yearly_reviews r JOIN worker_files f ON f.id = r.file_id WHERE f.status = 'active' GROUP BY r.year;
CREATE TRIGGER file_review_counts_insert AFTER INSERT ON file_yearly_reviews
WHEN (SELECT status FROM worker_files WHERE id = new.file_id) = 'active' BEGIN
  INSERT INTO file_review_counts (year, n) VALUES (new.year, 1) ON CONFLICT (year) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER file_review_counts_delete AFTER DELETE ON file_yearly_reviews
WHEN (SELECT status FROM worker_files WHERE id = old.file_id) = 'active' BEGIN
  UPDATE file_review_counts SET n = n - 1 WHERE year = old.year;
END;
CREATE TRIGGER file_review_counts_status AFTER UPDATE OF status ON worker_files
WHEN (old.status = 'active') <> (new.status = 'active') BEGIN
  UPDATE file_review_counts SET n = n + (CASE WHEN new.status = 'active' THEN 1 ELSE -1 END)
  WHERE year IN (SELECT year FROM file_yearly_reviews WHERE file_id = new.id);
END;
`;
