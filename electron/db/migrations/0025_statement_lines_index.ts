// The statement on screen reads a fund's money lines of a month a page at a time, in statement order
// (date, entry, line), and counts and sums the lines before a page for its running balance (issue 14).
// With the account and the amounts in the index those reads touch the index only, in order, no sort.
export default /* sql */ `
CREATE INDEX journal_lines_statement ON journal_lines (month, fund_id, date, entry_id, id, account_id, debit_fen, credit_fen);
`;
