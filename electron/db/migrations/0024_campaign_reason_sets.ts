// Campaigns (issue 12, perf): a built list's reasons stored once per distinct set instead of once per
// line. A 200k-file build writes ~180k lines whose reasons are a few dozen JSON arrays; as text on every
// line they were the widest part of the row, written by the build and read back by every count over it.
//
// A line the build writes points at its set (reason_set_id) and leaves `reasons` empty; a line added by
// hand or by import keeps its own text, and so do the lines written before this migration (approved
// lists are never rewritten). Lines are read through rows.ts LINE_SELECT, which takes whichever is set.
export default /* sql */ `
CREATE TABLE campaign_reason_sets (
  id INTEGER PRIMARY KEY,
  reasons TEXT NOT NULL UNIQUE -- JSON array: why a file qualifies, as campaign_lines.reasons
);
CREATE TRIGGER campaign_reason_sets_no_update BEFORE UPDATE ON campaign_reason_sets BEGIN SELECT RAISE(ABORT, 'campaign reason sets are immutable'); END;
CREATE TRIGGER campaign_reason_sets_no_delete BEFORE DELETE ON campaign_reason_sets BEGIN SELECT RAISE(ABORT, 'campaign reason sets are immutable'); END;

ALTER TABLE campaign_lines ADD COLUMN reason_set_id INTEGER REFERENCES campaign_reason_sets(id);
`;
