// The statement on screen reads a fund's money lines of a month a page at a time, in statement order
// (date, entry, line), and sums the lines before a page for its running balance (issue 14). With the
// account and the amounts in the index those reads touch the index only, in order, no sort.
// How many lines each month, account and fund has is kept by trigger (like month_totals), so the
// page count does not count the month's lines.
export default /* sql */ `
CREATE INDEX journal_lines_statement ON journal_lines (month, fund_id, date, entry_id, id, account_id, debit_fen, credit_fen);

CREATE TABLE month_line_counts (
  month TEXT NOT NULL,
  fund_id INTEGER NOT NULL,
  account_id INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  PRIMARY KEY (month, fund_id, account_id)
) WITHOUT ROWID;
INSERT INTO month_line_counts (month, fund_id, account_id, lines)
  SELECT month, fund_id, account_id, count(*) FROM journal_lines GROUP BY month, fund_id, account_id;
CREATE TRIGGER journal_lines_month_line_counts AFTER INSERT ON journal_lines BEGIN
  INSERT INTO month_line_counts (month, fund_id, account_id, lines) VALUES (NEW.month, NEW.fund_id, NEW.account_id, 1)
    ON CONFLICT (month, fund_id, account_id) DO UPDATE SET lines = lines + 1;
END;
CREATE TRIGGER month_line_counts_no_delete BEFORE DELETE ON month_line_counts BEGIN SELECT RAISE(ABORT, 'line counts follow the journal'); END;
`;
