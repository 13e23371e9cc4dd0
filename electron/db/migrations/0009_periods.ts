export default /* sql */ `
-- One ordered period model for money and materials: closed months are always a prefix of the
-- calendar, so the newest closed month is the lock date. A close stores each account's and fund's
-- running totals and each lot's stock, so later figures start from there instead of all history.
ALTER TABLE month_events ADD COLUMN has_snapshot INTEGER NOT NULL DEFAULT 0;
-- An account's lines by month (cash book, month status); a fund's by date (payments checked from their date on).
CREATE INDEX journal_lines_account_month ON journal_lines (account_id, month, date);
CREATE INDEX journal_lines_fund_date ON journal_lines (fund_id, date);

-- Per month, account and fund: the sums of the lines, kept by trigger on every insert (journal lines
-- are never updated or deleted). Balances read the last snapshot plus these few rows, not the lines.
CREATE TABLE month_totals (
  month TEXT NOT NULL,
  account_id INTEGER NOT NULL,
  fund_id INTEGER NOT NULL,
  debit_fen INTEGER NOT NULL,
  credit_fen INTEGER NOT NULL,
  PRIMARY KEY (month, account_id, fund_id)
) WITHOUT ROWID;
INSERT INTO month_totals (month, account_id, fund_id, debit_fen, credit_fen)
  SELECT month, account_id, fund_id, sum(debit_fen), sum(credit_fen) FROM journal_lines GROUP BY month, account_id, fund_id;
CREATE TRIGGER journal_lines_month_totals AFTER INSERT ON journal_lines BEGIN
  INSERT INTO month_totals (month, account_id, fund_id, debit_fen, credit_fen)
    VALUES (NEW.month, NEW.account_id, NEW.fund_id, NEW.debit_fen, NEW.credit_fen)
    ON CONFLICT (month, account_id, fund_id) DO UPDATE SET debit_fen = debit_fen + excluded.debit_fen, credit_fen = credit_fen + excluded.credit_fen;
END;
CREATE TRIGGER month_totals_no_delete BEFORE DELETE ON month_totals BEGIN SELECT RAISE(ABORT, 'month totals follow the journal'); END;

CREATE TABLE closing_balances (
  close_event_id INTEGER NOT NULL REFERENCES month_events(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  fund_id INTEGER NOT NULL REFERENCES funds(id),
  debit_fen INTEGER NOT NULL,   -- all debits up to the end of the month
  credit_fen INTEGER NOT NULL,
  PRIMARY KEY (close_event_id, account_id, fund_id)
) WITHOUT ROWID;

CREATE TABLE closing_stock (
  id INTEGER PRIMARY KEY,
  close_event_id INTEGER NOT NULL REFERENCES month_events(id),
  item_id INTEGER NOT NULL REFERENCES items(id),
  location_id INTEGER NOT NULL REFERENCES locations(id),
  expiry_date TEXT,
  quantity INTEGER NOT NULL,
  value_fen INTEGER NOT NULL
);
CREATE INDEX closing_stock_event ON closing_stock (close_event_id, item_id, location_id);

CREATE TRIGGER closing_balances_no_update BEFORE UPDATE ON closing_balances BEGIN SELECT RAISE(ABORT, 'closing balances are immutable'); END;
CREATE TRIGGER closing_balances_no_delete BEFORE DELETE ON closing_balances BEGIN SELECT RAISE(ABORT, 'closing balances are immutable'); END;
CREATE TRIGGER closing_stock_no_update BEFORE UPDATE ON closing_stock BEGIN SELECT RAISE(ABORT, 'closing stock is immutable'); END;
CREATE TRIGGER closing_stock_no_delete BEFORE DELETE ON closing_stock BEGIN SELECT RAISE(ABORT, 'closing stock is immutable'); END;
`;
