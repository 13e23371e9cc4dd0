export default /* sql */ `
-- Backups (issue 11): one row per copy the program made, written into the live database after the
-- copy (a copy never holds its own row). Not business data: rows may be updated (pruned_at) and are
-- carried over into a restored database so the list still knows every file on disk.
CREATE TABLE backups (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,                      -- ISO instant the copy was taken
  kind TEXT NOT NULL CHECK (kind IN ('daily', 'exit', 'manual', 'pre-migration', 'pre-restore')),
  path TEXT NOT NULL UNIQUE,             -- the copy in backups/ beside the database
  size_bytes INTEGER NOT NULL,
  verified INTEGER NOT NULL CHECK (verified IN (0, 1)),
  message TEXT NOT NULL,                 -- the verification result, in Chinese
  extra_path TEXT,                       -- the copy in the admin's extra folder, when one was made
  copied_off_disk INTEGER NOT NULL CHECK (copied_off_disk IN (0, 1)),
  audit_rows INTEGER,                    -- the audit anchor the copy holds: what it contains
  audit_head TEXT,
  schema_version TEXT,                   -- the last migration the copy holds
  taken_by INTEGER REFERENCES users(id),
  pruned_at TEXT                         -- when the generation rule deleted the file
);
CREATE INDEX backups_at ON backups (at);
`;
