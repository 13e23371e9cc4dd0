export default /* sql */ `
-- Finance's own entries besides donations and relief payments: income by source, small expenses,
-- cash <-> bank transfers and the general voucher (记账凭证) that finance drafts and a director approves.

-- Income and expense accounts the sample statement needs. OR IGNORE: a centre that already added an
-- account under one of these codes keeps its own. (5301 is left free: finance may add it.)
INSERT OR IGNORE INTO accounts (code, name, kind, relief_category) VALUES
  ('4301', '上级补助收入', 'income', NULL),
  ('4401', '工会拨款收入', 'income', NULL),
  ('4501', '利息收入', 'income', NULL),
  ('5401', '银行手续费', 'expense', NULL),
  ('5901', '其他支出', 'expense', NULL);
-- 4201 was named for any grant; it is the administration's (行政拨款), now that union money has its own.
UPDATE accounts SET name = '行政拨款收入' WHERE code = '4201' AND name = '拨款收入';

-- journal_entries.kind has a CHECK that SQLite cannot widen in place, and rebuilding the table inside
-- the migration's transaction is refused by the foreign keys pointing at it (donations, payments,
-- material documents, lines). So these entries are stored as kind 'opening' (a general entry, not made
-- by the donation, relief or materials modules) with what they are in subkind; the read model shows
-- the subkind.
ALTER TABLE journal_entries ADD COLUMN subkind TEXT
  CHECK (subkind IS NULL OR (kind = 'opening' AND subkind IN ('income', 'expense', 'transfer', 'voucher')));

-- A general voucher waits here until a director other than its drafter approves it; only then is it
-- posted to the books. Rejected and withdrawn vouchers stay on record.
CREATE TABLE vouchers (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  memo TEXT NOT NULL,
  attachments INTEGER NOT NULL DEFAULT 0 CHECK (attachments >= 0),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'posted', 'rejected', 'withdrawn')),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_at TEXT,
  decision_comment TEXT NOT NULL DEFAULT '',
  entry_id INTEGER UNIQUE REFERENCES journal_entries(id),
  CHECK ((status = 'posted') = (entry_id IS NOT NULL)),
  CHECK ((status = 'pending') = (decided_by IS NULL))
);
CREATE INDEX vouchers_status ON vouchers (status, id);

CREATE TABLE voucher_lines (
  id INTEGER PRIMARY KEY,
  voucher_id INTEGER NOT NULL REFERENCES vouchers(id),
  summary TEXT NOT NULL,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  fund_id INTEGER NOT NULL REFERENCES funds(id),
  debit_fen INTEGER NOT NULL CHECK (debit_fen >= 0),
  credit_fen INTEGER NOT NULL CHECK (credit_fen >= 0),
  CHECK ((debit_fen = 0) <> (credit_fen = 0))
);
CREATE INDEX voucher_lines_voucher ON voucher_lines (voucher_id);

-- As in 0011, every WHEN is built from IS / IS NOT / EXISTS / coalesce so it is never NULL.
CREATE TRIGGER vouchers_no_delete BEFORE DELETE ON vouchers BEGIN SELECT RAISE(ABORT, 'vouchers are immutable'); END;
CREATE TRIGGER voucher_lines_no_update BEFORE UPDATE ON voucher_lines BEGIN SELECT RAISE(ABORT, 'voucher lines are immutable'); END;
CREATE TRIGGER voucher_lines_no_delete BEFORE DELETE ON voucher_lines BEGIN SELECT RAISE(ABORT, 'voucher lines are immutable'); END;
-- Lines are written with the draft, never added to a decided voucher.
CREATE TRIGGER voucher_lines_pending_only BEFORE INSERT ON voucher_lines
WHEN (SELECT status FROM vouchers WHERE id = NEW.voucher_id) IS NOT 'pending'
BEGIN SELECT RAISE(ABORT, 'voucher lines may only be written while the voucher is pending'); END;

-- A voucher is decided once: posted (with its voucher entry) or rejected with a reason by someone
-- other than its drafter (four-eyes), or withdrawn by its drafter.
CREATE TRIGGER vouchers_update BEFORE UPDATE ON vouchers
WHEN NOT (
  NEW.id IS OLD.id AND NEW.number IS OLD.number AND NEW.date IS OLD.date AND NEW.memo IS OLD.memo
  AND NEW.attachments IS OLD.attachments AND NEW.created_by IS OLD.created_by AND NEW.created_at IS OLD.created_at
  AND OLD.status IS 'pending' AND NEW.decided_by IS NOT NULL AND NEW.decided_at IS NOT NULL
  AND (
    (NEW.status IS 'posted' AND NEW.decided_by IS NOT OLD.created_by
      AND EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.entry_id AND e.subkind IS 'voucher'))
    OR (NEW.status IS 'rejected' AND NEW.entry_id IS NULL AND NEW.decided_by IS NOT OLD.created_by
      AND coalesce(length(trim(NEW.decision_comment)), 0) > 0)
    OR (NEW.status IS 'withdrawn' AND NEW.entry_id IS NULL AND NEW.decided_by IS OLD.created_by)
  )
)
BEGIN SELECT RAISE(ABORT, 'vouchers are immutable: only one decision may be recorded'); END;
`;
