export default /* sql */ `
-- Dynamic monitoring (001, 003): revisits, warning history, yearly review, exit proposals, pairing.
-- The date the revisit clock runs from (creation, last visit or reactivation) and the next date the
-- last visitor chose; the due date is the earlier of that choice and anchor + the state's interval.
ALTER TABLE worker_files ADD COLUMN monitor_anchor_date TEXT;
ALTER TABLE worker_files ADD COLUMN monitor_next_date TEXT;
-- 帮扶责任人: a user of the system or a name typed in (a leader paired with the family, 003).
ALTER TABLE worker_files ADD COLUMN responsible_user_id INTEGER REFERENCES users(id);
ALTER TABLE worker_files ADD COLUMN responsible_name TEXT NOT NULL DEFAULT '';
UPDATE worker_files SET monitor_anchor_date = substr(datetime(created_at, '+8 hours'), 1, 10);

-- Each revisit or holiday visit is a ledger row (台账): written once, never changed.
CREATE TABLE file_revisits (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES worker_files(id),
  kind TEXT NOT NULL CHECK (kind IN ('revisit', 'holiday')),
  occasion TEXT NOT NULL DEFAULT '',
  visit_date TEXT NOT NULL,
  visitor TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('home', 'phone', 'unit')),
  findings TEXT NOT NULL,
  problems TEXT NOT NULL DEFAULT '',
  help_arranged TEXT NOT NULL DEFAULT '',
  per_capita_before_fen INTEGER NOT NULL,
  per_capita_after_fen INTEGER NOT NULL,
  household_changed INTEGER NOT NULL CHECK (household_changed IN (0, 1)),
  next_date TEXT NOT NULL CHECK (next_date > visit_date),
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX file_revisits_file ON file_revisits (file_id, visit_date);
CREATE INDEX file_revisits_date ON file_revisits (visit_date);
CREATE TRIGGER file_revisits_no_update BEFORE UPDATE ON file_revisits BEGIN SELECT RAISE(ABORT, 'revisits are immutable'); END;
CREATE TRIGGER file_revisits_no_delete BEFORE DELETE ON file_revisits BEGIN SELECT RAISE(ABORT, 'revisits are immutable'); END;

-- The risk timeline: every change of warning, income, status or review, with its reason.
CREATE TABLE file_risk_events (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES worker_files(id),
  event_date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('warning', 'revisit', 'review', 'exit', 'reactivate')),
  warning_before TEXT,
  warning_after TEXT,
  per_capita_fen INTEGER NOT NULL,
  reason TEXT NOT NULL,
  by_user INTEGER NOT NULL REFERENCES users(id),
  at TEXT NOT NULL
);
CREATE INDEX file_risk_events_file ON file_risk_events (file_id, id);
CREATE INDEX file_risk_events_date ON file_risk_events (event_date);
CREATE TRIGGER file_risk_events_no_update BEFORE UPDATE ON file_risk_events BEGIN SELECT RAISE(ABORT, 'risk events are immutable'); END;
CREATE TRIGGER file_risk_events_no_delete BEFORE DELETE ON file_risk_events BEGIN SELECT RAISE(ABORT, 'risk events are immutable'); END;

-- 年审: one row per file and year once it is worked through.
CREATE TABLE file_yearly_reviews (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES worker_files(id),
  year INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('confirmed', 'changed')),
  note TEXT NOT NULL DEFAULT '',
  reviewed_by INTEGER NOT NULL REFERENCES users(id),
  reviewed_at TEXT NOT NULL,
  UNIQUE (file_id, year)
);

-- 解困脱困: proposed by one person, decided by a director who is someone else.
CREATE TABLE file_exit_proposals (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES worker_files(id),
  reason TEXT NOT NULL,
  proposed_by INTEGER NOT NULL REFERENCES users(id),
  proposed_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by INTEGER REFERENCES users(id),
  decided_at TEXT,
  comment TEXT NOT NULL DEFAULT '',
  CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE UNIQUE INDEX file_exit_proposals_one_pending ON file_exit_proposals (file_id) WHERE status = 'pending';
CREATE TRIGGER file_exit_proposals_no_delete BEFORE DELETE ON file_exit_proposals BEGIN SELECT RAISE(ABORT, 'exit proposals are kept'); END;
`;
