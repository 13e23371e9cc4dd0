export default /* sql */ `
-- One ordered period model for money and materials: closed months are always a prefix of the
-- calendar, so the newest closed month is the lock date. A close stores each account's and fund's
-- running totals and each lot's stock, so later figures start from there instead of all history.
ALTER TABLE month_events ADD COLUMN has_snapshot INTEGER NOT NULL DEFAULT 0;

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
