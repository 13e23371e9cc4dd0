export default /* sql */ `
-- Trust (010): the audit chain's anchor, one row, moved forward by appendAudit in the same
-- transaction as the row it appends. A chain that still links but is shorter than the anchor
-- (rows cut from the end) or ends on another hash (rows changed and re-hashed) is caught by
-- comparing the two; the anchor is also printed on the monthly statement, out of reach of the file.
CREATE TABLE audit_anchor (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  row_count INTEGER NOT NULL,
  last_id INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_anchor (id, row_count, last_id, last_hash)
SELECT 1, count(*), coalesce(max(id), 0),
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '${'0'.repeat(64)}')
FROM audit_log;
CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor
  BEGIN SELECT RAISE(ABORT, 'audit_anchor is kept'); END;
CREATE TRIGGER audit_anchor_forward_only BEFORE UPDATE ON audit_anchor
  WHEN NEW.row_count <> OLD.row_count + 1
  BEGIN SELECT RAISE(ABORT, 'audit_anchor moves forward one row at a time'); END;
`;
