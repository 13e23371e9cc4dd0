// Search from the middle of a name or unit, and the indexes that keep lists fast at millions of rows.
// Each searched table gets two FTS5 indexes kept in sync by triggers:
//  - `<table>_tri` (trigram tokenizer, external content): any fragment of 3+ characters;
//  - `<table>_bi` (contentless, unicode61 over space-separated 2-grams): fragments of exactly 2 characters,
//    which trigram cannot index. The 2-grams are spelled out in SQL (substr per position up to the field's
//    maximum length), so no application function is needed and any connection can write the tables.

/** `substr(x,1,2) || ' ' || substr(x,2,2) || …`: every 2-gram of x (and its last character) as separate tokens. */
function bigrams(column: string, maxLength: number): string {
  return Array.from({ length: maxLength }, (_, i) => `substr(${column}, ${i + 1}, 2)`).join(` || ' ' || `);
}

interface Searched {
  table: string;
  /** Columns in the trigram index (any length). */
  tri: string[];
  /** Short columns in the 2-gram index, with their maximum length in characters. */
  bi: [string, number][];
}

function searchIndexes({ table, tri, bi }: Searched): string {
  const triCols = tri.join(', ');
  const biCols = bi.map(([c]) => c).join(', ');
  const triValues = (row: string) => tri.map((c) => `${row}.${c}`).join(', ');
  const biValues = (row: string) => bi.map(([c, n]) => bigrams(`${row}.${c}`, n)).join(', ');
  const insert = `INSERT INTO ${table}_tri (rowid, ${triCols}) VALUES (new.id, ${triValues('new')});
  INSERT INTO ${table}_bi (rowid, ${biCols}) VALUES (new.id, ${biValues('new')});`;
  const remove = `INSERT INTO ${table}_tri (${table}_tri, rowid, ${triCols}) VALUES ('delete', old.id, ${triValues('old')});
  DELETE FROM ${table}_bi WHERE rowid = old.id;`;
  const watched = [...new Set([...tri, ...bi.map(([c]) => c)])].join(', ');
  return `
CREATE VIRTUAL TABLE ${table}_tri USING fts5(${triCols}, content='${table}', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE ${table}_bi USING fts5(${biCols}, content='', contentless_delete=1, tokenize='unicode61', detail='column');
INSERT INTO ${table}_tri (${table}_tri) VALUES ('rebuild');
INSERT INTO ${table}_bi (rowid, ${biCols}) SELECT id, ${bi.map(([c, n]) => bigrams(c, n)).join(', ')} FROM ${table};
CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN
  ${insert}
END;
CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN
  ${remove}
END;
CREATE TRIGGER ${table}_search_update AFTER UPDATE OF ${watched} ON ${table} BEGIN
  ${remove}
  ${insert}
END;
`;
}

export default /* sql */ `
${searchIndexes({ table: 'worker_files', tri: ['name', 'work_unit'], bi: [['name', 30], ['work_unit', 60]] })}
${searchIndexes({ table: 'petitions', tri: ['number', 'visitor_name', 'request'], bi: [['visitor_name', 30]] })}
${searchIndexes({ table: 'donors', tri: ['name'], bi: [['name', 60]] })}

-- Dashboard counts of files created this month.
CREATE INDEX worker_files_created ON worker_files (created_at);
-- The tier filter is an income range against the line in force, and income is a sort.
CREATE INDEX worker_files_income ON worker_files (per_capita_income_fen);
CREATE INDEX relief_payments_entry ON relief_payments (entry_id);
-- Audit list filters, each read newest first straight from its index.
CREATE INDEX audit_log_username ON audit_log (username, at);
CREATE INDEX audit_log_channel ON audit_log (channel, at);
CREATE INDEX audit_log_outcome ON audit_log (outcome, at);
-- Petitions by status and by date, newest first.
CREATE INDEX petitions_status_id ON petitions (status, id);
CREATE INDEX petitions_category_id ON petitions (category, id);
-- One-character searches read names as a prefix range.
CREATE INDEX petitions_visitor ON petitions (visitor_name);
CREATE INDEX donors_name ON donors (name);
`;
