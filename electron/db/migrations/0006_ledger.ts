export default /* sql */ `
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cash', 'bank', 'income', 'expense')),
  relief_category TEXT,
  active INTEGER NOT NULL DEFAULT 1
);
INSERT INTO accounts (code, name, kind, relief_category) VALUES
  ('1001', '库存现金', 'cash', NULL),
  ('1002', '银行存款', 'bank', NULL),
  ('4101', '捐赠收入', 'income', NULL),
  ('4201', '拨款收入', 'income', NULL),
  ('5101', '生活困难救助支出', 'expense', 'living'),
  ('5102', '意外灾害救助支出', 'expense', 'disaster'),
  ('5103', '大病医疗救助支出', 'expense', 'illness'),
  ('5104', '助学救助支出', 'expense', 'schooling'),
  ('5105', '节日慰问支出', 'expense', 'festival'),
  ('5106', '其他救助支出', 'expense', 'other');

-- Funds are a dimension on every journal line: each entry balances in total and per fund.
CREATE TABLE funds (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  purpose TEXT,            -- earmarked: pays only this relief category (专款专用)
  active INTEGER NOT NULL DEFAULT 1
);
INSERT INTO funds (name, source, purpose) VALUES
  ('工会经费', 'union', NULL),
  ('行政拨款', 'administration', NULL),
  ('单位捐赠', 'unit_donation', NULL),
  ('个人捐赠', 'individual_donation', NULL);

CREATE TABLE journal_entries (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  month TEXT NOT NULL,
  memo TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('donation', 'relief_payment', 'purchase', 'reversal', 'opening')),
  reverses_entry_id INTEGER UNIQUE REFERENCES journal_entries(id),
  reason TEXT,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX journal_entries_month ON journal_entries (month, date, id);

CREATE TABLE journal_lines (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  fund_id INTEGER NOT NULL REFERENCES funds(id),
  month TEXT NOT NULL,
  date TEXT NOT NULL,
  debit_fen INTEGER NOT NULL CHECK (debit_fen >= 0),
  credit_fen INTEGER NOT NULL CHECK (credit_fen >= 0),
  CHECK ((debit_fen = 0) <> (credit_fen = 0))
);
CREATE INDEX journal_lines_entry ON journal_lines (entry_id);
CREATE INDEX journal_lines_account ON journal_lines (account_id, date, entry_id);
CREATE INDEX journal_lines_fund ON journal_lines (fund_id, month);
CREATE INDEX journal_lines_month ON journal_lines (month, fund_id);

-- The books are never changed: corrections are reversing entries.
CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries BEGIN SELECT RAISE(ABORT, 'journal entries are immutable'); END;
CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries BEGIN SELECT RAISE(ABORT, 'journal entries are immutable'); END;
CREATE TRIGGER journal_lines_no_update BEFORE UPDATE ON journal_lines BEGIN SELECT RAISE(ABORT, 'journal lines are immutable'); END;
CREATE TRIGGER journal_lines_no_delete BEFORE DELETE ON journal_lines BEGIN SELECT RAISE(ABORT, 'journal lines are immutable'); END;

CREATE TABLE donors (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('unit', 'person')),
  name TEXT NOT NULL,
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT ''
);

CREATE TABLE donations (
  id INTEGER PRIMARY KEY,
  donor_id INTEGER NOT NULL REFERENCES donors(id),
  date TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  method TEXT NOT NULL,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  fund_id INTEGER NOT NULL REFERENCES funds(id),
  designated_use TEXT NOT NULL DEFAULT '',
  entry_id INTEGER NOT NULL REFERENCES journal_entries(id)
);

CREATE TABLE receipts (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL UNIQUE,
  source_type TEXT NOT NULL,
  source_id INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'void')),
  void_reason TEXT,
  voided_by INTEGER REFERENCES users(id),
  voided_at TEXT,
  issued_by INTEGER NOT NULL REFERENCES users(id),
  issued_at TEXT NOT NULL,
  print_count INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kind, year, seq)
);
CREATE INDEX receipts_source ON receipts (source_type, source_id);
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts are kept, never deleted'); END;

CREATE TABLE relief_payments (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES relief_applications(id),
  fund_id INTEGER NOT NULL REFERENCES funds(id),
  method TEXT NOT NULL,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  amount_fen INTEGER NOT NULL,
  entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
  paid_by INTEGER NOT NULL REFERENCES users(id),
  paid_at TEXT NOT NULL,
  reversal_entry_id INTEGER REFERENCES journal_entries(id)
);
-- An application is paid at most once; a reversed payment may be paid again.
CREATE UNIQUE INDEX relief_payments_once ON relief_payments (application_id) WHERE reversal_entry_id IS NULL;

CREATE TABLE month_events (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
  by_user INTEGER NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  counts_json TEXT
);
CREATE INDEX month_events_month ON month_events (month, id);
`;
