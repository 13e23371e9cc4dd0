export default /* sql */ `
-- Campaigns (送温暖 / 春节慰问 / 金秋助学): a list built from the files, checked by the director,
-- approved as a whole by the chair, paid in batches (one voucher each). The definition and the list
-- change only while the list is being built; decisions, batches and payments are evidence and never
-- change, except that a payment may be marked returned (not collected), once.
CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('warmth', 'spring_festival', 'schooling', 'other')),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  fund_id INTEGER NOT NULL REFERENCES funds(id),
  budget_fen INTEGER NOT NULL CHECK (budget_fen > 0),
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'pending_director', 'pending_chair', 'approved')),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  approved_date TEXT
);
CREATE INDEX campaigns_kind_start ON campaigns (kind, start_date);

CREATE TABLE campaign_groups (
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  grp TEXT NOT NULL,
  position INTEGER NOT NULL,
  standard_fen INTEGER NOT NULL CHECK (standard_fen > 0),
  budget_fen INTEGER CHECK (budget_fen IS NULL OR budget_fen >= 0),
  PRIMARY KEY (campaign_id, grp)
) WITHOUT ROWID;

CREATE TABLE campaign_lines (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  file_id INTEGER NOT NULL REFERENCES worker_files(id),
  grp TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  source TEXT NOT NULL CHECK (source IN ('criteria', 'manual', 'import')),
  reasons TEXT NOT NULL,             -- JSON array: why the file qualifies, or the clerk's reason
  exceptions TEXT NOT NULL DEFAULT '[]', -- JSON array: exclusions a manual add went past
  added_by INTEGER NOT NULL REFERENCES users(id),
  added_at TEXT NOT NULL,
  UNIQUE (campaign_id, file_id)
);
CREATE INDEX campaign_lines_file ON campaign_lines (file_id);

-- Who took a line off the list and why: the list's trail survives the delete.
CREATE TABLE campaign_removals (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  file_id INTEGER NOT NULL REFERENCES worker_files(id),
  reason TEXT NOT NULL,
  by_user INTEGER NOT NULL REFERENCES users(id),
  at TEXT NOT NULL
);

CREATE TABLE campaign_decisions (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  stage TEXT NOT NULL CHECK (stage IN ('build', 'director', 'chair')),
  decision TEXT NOT NULL CHECK (decision IN ('edit', 'submit', 'approve', 'return')),
  by_user INTEGER NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  total_fen INTEGER NOT NULL,
  line_count INTEGER NOT NULL
);
CREATE INDEX campaign_decisions_campaign ON campaign_decisions (campaign_id, id);

CREATE TABLE campaign_batches (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  method TEXT NOT NULL CHECK (method IN ('cash', 'bank')),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  work_unit TEXT NOT NULL DEFAULT '',
  entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entries(id),
  date TEXT NOT NULL,
  total_fen INTEGER NOT NULL CHECK (total_fen > 0),
  line_count INTEGER NOT NULL CHECK (line_count > 0),
  paid_by INTEGER NOT NULL REFERENCES users(id),
  paid_at TEXT NOT NULL
);
CREATE INDEX campaign_batches_campaign ON campaign_batches (campaign_id);

CREATE TABLE campaign_payments (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES campaign_batches(id),
  line_id INTEGER NOT NULL UNIQUE REFERENCES campaign_lines(id),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  returned_entry_id INTEGER REFERENCES journal_entries(id),
  returned_reason TEXT,
  returned_by INTEGER REFERENCES users(id),
  returned_at TEXT
);
CREATE INDEX campaign_payments_batch ON campaign_payments (batch_id);

-- The definition changes only while the list is built; after that only the status moves on.
CREATE TRIGGER campaigns_no_delete BEFORE DELETE ON campaigns BEGIN SELECT RAISE(ABORT, 'campaigns are kept, never deleted'); END;
CREATE TRIGGER campaigns_update BEFORE UPDATE ON campaigns
WHEN NOT (
  NEW.id IS OLD.id AND NEW.number IS OLD.number AND NEW.created_by IS OLD.created_by AND NEW.created_at IS OLD.created_at
  AND (
    OLD.status IS 'draft'
    OR (NEW.name IS OLD.name AND NEW.kind IS OLD.kind AND NEW.start_date IS OLD.start_date AND NEW.end_date IS OLD.end_date
      AND NEW.fund_id IS OLD.fund_id AND NEW.budget_fen IS OLD.budget_fen AND NEW.note IS OLD.note
      AND OLD.status IS NOT 'approved')
  )
)
BEGIN SELECT RAISE(ABORT, 'campaigns change only while the list is built; an approved campaign is final'); END;

CREATE TRIGGER campaign_groups_insert BEFORE INSERT ON campaign_groups
WHEN (SELECT status FROM campaigns WHERE id = NEW.campaign_id) IS NOT 'draft'
BEGIN SELECT RAISE(ABORT, 'campaign groups change only while the list is built'); END;
CREATE TRIGGER campaign_groups_update BEFORE UPDATE ON campaign_groups
WHEN (SELECT status FROM campaigns WHERE id = OLD.campaign_id) IS NOT 'draft'
BEGIN SELECT RAISE(ABORT, 'campaign groups change only while the list is built'); END;
CREATE TRIGGER campaign_groups_delete BEFORE DELETE ON campaign_groups
WHEN (SELECT status FROM campaigns WHERE id = OLD.campaign_id) IS NOT 'draft'
BEGIN SELECT RAISE(ABORT, 'campaign groups change only while the list is built'); END;

CREATE TRIGGER campaign_lines_insert BEFORE INSERT ON campaign_lines
WHEN (SELECT status FROM campaigns WHERE id = NEW.campaign_id) IS NOT 'draft'
BEGIN SELECT RAISE(ABORT, 'campaign lists change only while they are built'); END;
CREATE TRIGGER campaign_lines_update BEFORE UPDATE ON campaign_lines
WHEN NOT (
  (SELECT status FROM campaigns WHERE id = OLD.campaign_id) IS 'draft'
  AND NEW.id IS OLD.id AND NEW.campaign_id IS OLD.campaign_id AND NEW.file_id IS OLD.file_id
)
BEGIN SELECT RAISE(ABORT, 'campaign lists change only while they are built'); END;
CREATE TRIGGER campaign_lines_delete BEFORE DELETE ON campaign_lines
WHEN (SELECT status FROM campaigns WHERE id = OLD.campaign_id) IS NOT 'draft'
BEGIN SELECT RAISE(ABORT, 'campaign lists change only while they are built'); END;

CREATE TRIGGER campaign_removals_no_update BEFORE UPDATE ON campaign_removals BEGIN SELECT RAISE(ABORT, 'campaign removals are immutable'); END;
CREATE TRIGGER campaign_removals_no_delete BEFORE DELETE ON campaign_removals BEGIN SELECT RAISE(ABORT, 'campaign removals are immutable'); END;
CREATE TRIGGER campaign_decisions_no_update BEFORE UPDATE ON campaign_decisions BEGIN SELECT RAISE(ABORT, 'campaign decisions are immutable'); END;
CREATE TRIGGER campaign_decisions_no_delete BEFORE DELETE ON campaign_decisions BEGIN SELECT RAISE(ABORT, 'campaign decisions are immutable'); END;
CREATE TRIGGER campaign_batches_no_update BEFORE UPDATE ON campaign_batches BEGIN SELECT RAISE(ABORT, 'campaign batches are immutable'); END;
CREATE TRIGGER campaign_batches_no_delete BEFORE DELETE ON campaign_batches BEGIN SELECT RAISE(ABORT, 'campaign batches are immutable'); END;
CREATE TRIGGER campaign_payments_no_delete BEFORE DELETE ON campaign_payments BEGIN SELECT RAISE(ABORT, 'campaign payments are immutable'); END;
-- A payment may only be marked returned (not collected), once, with its reversing entry, reason, who and when.
CREATE TRIGGER campaign_payments_update BEFORE UPDATE ON campaign_payments
WHEN NOT (
  OLD.returned_entry_id IS NULL AND NEW.returned_entry_id IS NOT NULL
  AND NEW.returned_reason IS NOT NULL AND length(trim(NEW.returned_reason)) > 0
  AND NEW.returned_by IS NOT NULL AND NEW.returned_at IS NOT NULL
  AND NEW.id IS OLD.id AND NEW.batch_id IS OLD.batch_id AND NEW.line_id IS OLD.line_id AND NEW.amount_fen IS OLD.amount_fen
)
BEGIN SELECT RAISE(ABORT, 'campaign payments are immutable: only the return may be recorded, once'); END;
`;
