export default /* sql */ `
-- Job referral (职业介绍): units report job types and headcount; the centre refers workers from the files.
CREATE TABLE vacancies (
  id INTEGER PRIMARY KEY,
  unit TEXT NOT NULL,
  job_type TEXT NOT NULL,
  headcount INTEGER NOT NULL CHECK (headcount >= 1),
  requirements TEXT NOT NULL DEFAULT '',
  valid_until TEXT NOT NULL,        -- centre-local date, inclusive
  contact TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_at TEXT,
  closed_by INTEGER REFERENCES users(id),
  close_note TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX vacancies_status_valid ON vacancies (status, valid_until);

CREATE TABLE job_referrals (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES worker_files(id),
  vacancy_id INTEGER NOT NULL REFERENCES vacancies(id),
  note TEXT NOT NULL DEFAULT '',
  petition_id INTEGER REFERENCES petitions(id),
  outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'hired', 'not_hired')),
  outcome_note TEXT NOT NULL DEFAULT '',
  outcome_at TEXT,
  outcome_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX job_referrals_file ON job_referrals (file_id, id);
CREATE INDEX job_referrals_vacancy ON job_referrals (vacancy_id, outcome);
CREATE INDEX job_referrals_petition ON job_referrals (petition_id) WHERE petition_id IS NOT NULL;

-- Backstop for the core's headcount rule: a vacancy never has more hired referrals than its headcount.
CREATE TRIGGER job_referrals_headcount_insert BEFORE INSERT ON job_referrals
WHEN NEW.outcome = 'hired'
  AND (SELECT count(*) FROM job_referrals WHERE vacancy_id = NEW.vacancy_id AND outcome = 'hired')
      >= (SELECT headcount FROM vacancies WHERE id = NEW.vacancy_id)
BEGIN
  SELECT RAISE(ABORT, 'vacancy headcount exceeded');
END;
CREATE TRIGGER job_referrals_headcount_update BEFORE UPDATE OF outcome ON job_referrals
WHEN NEW.outcome = 'hired' AND OLD.outcome <> 'hired'
  AND (SELECT count(*) FROM job_referrals WHERE vacancy_id = NEW.vacancy_id AND outcome = 'hired')
      >= (SELECT headcount FROM vacancies WHERE id = NEW.vacancy_id)
BEGIN
  SELECT RAISE(ABORT, 'vacancy headcount exceeded');
END;

-- Legal aid (法律援助): intake, referral to a lawyer or legal-aid office, outcome.
CREATE TABLE legal_aid_cases (
  id INTEGER PRIMARY KEY,
  file_id INTEGER REFERENCES worker_files(id),
  applicant_name TEXT NOT NULL,
  applicant_phone TEXT NOT NULL DEFAULT '',
  applicant_type TEXT NOT NULL CHECK (applicant_type IN ('worker', 'model_worker', 'union_officer')),
  infringement_type TEXT NOT NULL,
  respondent TEXT NOT NULL DEFAULT '',
  facts TEXT NOT NULL,
  petition_id INTEGER REFERENCES petitions(id),
  status TEXT NOT NULL DEFAULT 'intake' CHECK (status IN ('intake', 'referred', 'closed')),
  target_kind TEXT CHECK (target_kind IN ('lawyer', 'legal_aid_office')),
  target_name TEXT,
  target_contact TEXT,
  refer_note TEXT,
  referred_at TEXT,
  referred_by INTEGER REFERENCES users(id),
  outcome TEXT CHECK (outcome IN ('resolved', 'mediated', 'litigation', 'withdrawn', 'other')),
  outcome_note TEXT,
  closed_at TEXT,
  closed_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  CHECK ((status = 'closed') = (outcome IS NOT NULL))
);
CREATE INDEX legal_aid_cases_status ON legal_aid_cases (status, id);
CREATE INDEX legal_aid_cases_file ON legal_aid_cases (file_id) WHERE file_id IS NOT NULL;
CREATE INDEX legal_aid_cases_petition ON legal_aid_cases (petition_id) WHERE petition_id IS NOT NULL;
`;
