// The file list with a 建档 range at a million files (issue 14). Each sort's index also carries the columns the
// list filters on (建档, status, income), so a walk in the sort's order tests the range, status and tier from
// the index entry and reads a file row only for the page it returns; the id after the sort column keeps ties
// in the list's order (sort, id). These replace the narrow indexes of the same names: no more indexes to write.
export default /* sql */ `
DROP INDEX worker_files_updated;
CREATE INDEX worker_files_updated ON worker_files (updated_at, id, created_at, status, per_capita_income_fen);
DROP INDEX worker_files_created;
CREATE INDEX worker_files_created ON worker_files (created_at, id, status, per_capita_income_fen, updated_at);
DROP INDEX worker_files_pinyin;
CREATE INDEX worker_files_pinyin ON worker_files (name_pinyin, id, created_at, status, per_capita_income_fen);
DROP INDEX worker_files_unit;
CREATE INDEX worker_files_unit ON worker_files (work_unit, id, created_at, status, per_capita_income_fen);
DROP INDEX worker_files_income;
CREATE INDEX worker_files_income ON worker_files (per_capita_income_fen, id, created_at, status);
-- By status, newest changed first: exited files stop changing when they exit, so with a status the update-time
-- walk passes only that status's files, not every file changed since an old range's files last were.
DROP INDEX worker_files_status_updated;
CREATE INDEX worker_files_status_updated ON worker_files (status, updated_at, id, created_at, per_capita_income_fen);

-- Files changed "before" their 建档 (only a clock set back can do that), normally none: the update-time walk of
-- a 建档 range starts at the range's first day or at the earliest of these, so it never skips one.
CREATE INDEX worker_files_updated_before_created ON worker_files (updated_at) WHERE updated_at < created_at;
`;
