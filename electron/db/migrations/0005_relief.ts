export default /* sql */ `
CREATE TABLE relief_applications (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  file_id INTEGER NOT NULL REFERENCES worker_files(id),
  category TEXT NOT NULL,
  facts_json TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  reasons TEXT NOT NULL,
  override_reason TEXT NOT NULL DEFAULT '',
  petition_id INTEGER REFERENCES petitions(id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'pending_director', 'pending_chair', 'awaiting_notice', 'in_notice', 'payable', 'rejected', 'withdrawn')),
  proposed_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  submitted_at TEXT,
  needs_chair INTEGER NOT NULL DEFAULT 0,
  advice_json TEXT,          -- the advice at the last submission or decision
  approved_date TEXT,        -- centre-local date of the final approval: counts for "once a year"
  notice_id INTEGER
);
CREATE INDEX relief_applications_file ON relief_applications (file_id, approved_date);
CREATE INDEX relief_applications_status ON relief_applications (status);
CREATE INDEX relief_applications_petition ON relief_applications (petition_id);

CREATE TABLE relief_documents (
  application_id INTEGER NOT NULL REFERENCES relief_applications(id),
  doc TEXT NOT NULL,
  received_by INTEGER NOT NULL REFERENCES users(id),
  received_at TEXT NOT NULL,
  PRIMARY KEY (application_id, doc)
) WITHOUT ROWID;

-- Every step with who, when, the amount then and the policy values it was taken under.
CREATE TABLE relief_decisions (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES relief_applications(id),
  stage TEXT NOT NULL,
  decision TEXT NOT NULL,
  by_user INTEGER NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  amount_fen INTEGER NOT NULL,
  policy_json TEXT NOT NULL,
  policy_date TEXT NOT NULL
);
CREATE INDEX relief_decisions_application ON relief_decisions (application_id, id);

CREATE TABLE relief_notices (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  concluded_at TEXT,
  concluded_by INTEGER REFERENCES users(id)
);

CREATE TABLE relief_notice_lines (
  id INTEGER PRIMARY KEY,
  notice_id INTEGER NOT NULL REFERENCES relief_notices(id),
  application_id INTEGER NOT NULL UNIQUE REFERENCES relief_applications(id),
  objection TEXT,
  objection_by INTEGER REFERENCES users(id),
  objection_at TEXT,
  resolution TEXT CHECK (resolution IN ('upheld', 'dismissed')),
  resolution_comment TEXT,
  resolved_by INTEGER REFERENCES users(id),
  resolved_at TEXT
);
CREATE INDEX relief_notice_lines_notice ON relief_notice_lines (notice_id);
`;
