export default /* sql */ `
-- Gapless numbers per kind and year: the counter moves in the same transaction as the record it numbers.
CREATE TABLE number_sequences (
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (kind, year)
) WITHOUT ROWID;

CREATE TABLE petitions (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL,
  received_at TEXT NOT NULL,
  received_date TEXT NOT NULL,      -- centre-local date, for deadlines and monthly statistics
  file_id INTEGER REFERENCES worker_files(id),
  visitor_name TEXT NOT NULL,
  visitor_id_number TEXT NOT NULL DEFAULT '',
  visitor_phone TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL,
  request TEXT NOT NULL,
  urgency TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('registered', 'accepted', 'in_progress', 'answered', 'closed')),
  handler_id INTEGER NOT NULL REFERENCES users(id),
  registered_by INTEGER NOT NULL REFERENCES users(id),
  accept_due TEXT NOT NULL,
  answer_due TEXT NOT NULL,
  close_due TEXT NOT NULL,
  accepted_at TEXT,
  accepted_date TEXT,
  answered_at TEXT,
  answered_date TEXT,
  answer TEXT,
  closed_at TEXT,
  closed_date TEXT,
  closing_note TEXT
);
CREATE INDEX petitions_received ON petitions (received_date);
CREATE INDEX petitions_status ON petitions (status, close_due);
CREATE INDEX petitions_handler ON petitions (handler_id, status);
CREATE INDEX petitions_file ON petitions (file_id);

CREATE TABLE petition_events (
  id INTEGER PRIMARY KEY,
  petition_id INTEGER NOT NULL REFERENCES petitions(id),
  action TEXT NOT NULL,
  at TEXT NOT NULL,
  by_user INTEGER NOT NULL REFERENCES users(id),
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX petition_events_petition ON petition_events (petition_id, id);
`;
