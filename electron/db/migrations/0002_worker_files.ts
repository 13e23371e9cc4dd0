export default /* sql */ `
CREATE TABLE worker_files (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_pinyin TEXT NOT NULL,      -- 'zhangsan': pinyin search keys are stored on write, never computed per search
  name_initials TEXT NOT NULL,    -- 'zs'
  id_number TEXT NOT NULL UNIQUE,
  id_number_reversed TEXT NOT NULL, -- suffix search ('…123X') as a prefix range on an index
  sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  phone_reversed TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  work_unit TEXT NOT NULL,
  base_union TEXT NOT NULL DEFAULT '',
  employment_status TEXT NOT NULL,
  model_worker_level TEXT NOT NULL,
  allowance_status TEXT NOT NULL,
  medical_insured INTEGER NOT NULL CHECK (medical_insured IN (0, 1)),
  disability_grade INTEGER,
  marital_status TEXT NOT NULL,
  single_parent INTEGER NOT NULL CHECK (single_parent IN (0, 1)),
  own_income_fen INTEGER NOT NULL CHECK (own_income_fen >= 0),
  household_income_fen INTEGER NOT NULL CHECK (household_income_fen >= 0),
  household_size INTEGER NOT NULL CHECK (household_size >= 1),
  household_rule TEXT NOT NULL,
  per_capita_income_fen INTEGER NOT NULL,
  hardship_causes TEXT NOT NULL,  -- JSON array, mirrored in worker_file_causes for filtering
  hardship_description TEXT NOT NULL DEFAULT '',
  bank_name TEXT NOT NULL DEFAULT '',
  bank_card TEXT NOT NULL DEFAULT '',
  documents TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'exited')),
  exit_reason TEXT,
  exited_at TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX worker_files_name ON worker_files (name);
CREATE INDEX worker_files_pinyin ON worker_files (name_pinyin);
CREATE INDEX worker_files_initials ON worker_files (name_initials);
CREATE INDEX worker_files_id_reversed ON worker_files (id_number_reversed);
CREATE INDEX worker_files_phone ON worker_files (phone);
CREATE INDEX worker_files_phone_reversed ON worker_files (phone_reversed);
CREATE INDEX worker_files_unit ON worker_files (work_unit);
CREATE INDEX worker_files_status_updated ON worker_files (status, updated_at);
CREATE INDEX worker_files_updated ON worker_files (updated_at);

CREATE TABLE worker_file_causes (
  file_id INTEGER NOT NULL REFERENCES worker_files(id),
  cause TEXT NOT NULL,
  PRIMARY KEY (cause, file_id)
) WITHOUT ROWID;

CREATE TABLE household_members (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES worker_files(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  relation TEXT NOT NULL,
  id_number TEXT NOT NULL DEFAULT '',
  monthly_income_fen INTEGER NOT NULL CHECK (monthly_income_fen >= 0),
  unmarried INTEGER,
  student INTEGER NOT NULL,
  disabled INTEGER NOT NULL,
  seriously_ill INTEGER NOT NULL
);
CREATE INDEX household_members_file ON household_members (file_id, position);
CREATE INDEX household_members_id_number ON household_members (id_number) WHERE id_number <> '';

CREATE TABLE file_exclusions (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES worker_files(id),
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  set_by INTEGER NOT NULL REFERENCES users(id),
  set_at TEXT NOT NULL,
  cleared_by INTEGER REFERENCES users(id),
  cleared_at TEXT,
  clear_reason TEXT
);
CREATE INDEX file_exclusions_file ON file_exclusions (file_id);
`;
