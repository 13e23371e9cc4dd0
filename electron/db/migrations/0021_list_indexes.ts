// Indexes for the relief, donation and payment lists' date ranges and sorts (issue 14): without them a
// date range or a sort by amount reads every row ever written, which grows for thirty years.
export default /* sql */ `
CREATE INDEX relief_applications_created ON relief_applications (created_at, id);
CREATE INDEX relief_applications_amount ON relief_applications (amount_fen, id);
CREATE INDEX donations_date ON donations (date, id);
CREATE INDEX donations_amount ON donations (amount_fen, id);
CREATE INDEX journal_entries_date ON journal_entries (date, id);
`;
