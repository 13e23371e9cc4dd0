import type { WorkerFile, WorkerFileInput } from '../../../shared/contract/files';
import type { workerFileInput } from '../../../shared/contract/files';
import { householdSize, perCapitaIncomeFen } from '../../../shared/household';
import { normalizeIdNumber, validateIdNumber } from '../../../shared/idcard';
import { fail } from '../../../shared/errors';
import type { FileDocument } from '../../../shared/workerFile';
import type { z } from 'zod';
import type { Db } from '../../db/open';
import { toAuditRow } from '../audit/handlers';
import { pinyinKeys } from './pinyin';
import { toExclusion, toMember, toSummary, type ExclusionRow, type MemberRow, type WorkerFileRow } from './rows';

export type ParsedFile = z.output<typeof workerFileInput>;
export type { WorkerFileInput };

const reverse = (s: string) => [...s].reverse().join('');

/** Everything stored on a file that is derived from what the clerk typed. */
export function deriveFile(input: ParsedFile) {
  const id = validateIdNumber(input.idNumber);
  if (!id.ok) return fail('VALIDATION', id.message);
  const household = householdSize({ maritalStatus: input.maritalStatus, singleParent: input.singleParent, members: input.members });
  const householdIncomeFen = input.ownMonthlyIncomeFen + input.members.reduce((s, m) => s + m.monthlyIncomeFen, 0);
  const keys = pinyinKeys(input.name);
  return {
    idNumber: id.id,
    sex: id.sex,
    birthDate: id.birthDate,
    pinyin: keys.full,
    initials: keys.initials,
    householdSize: household.size,
    householdRule: household.rule,
    householdIncomeFen,
    perCapitaIncomeFen: perCapitaIncomeFen(householdIncomeFen, household.size),
  };
}

export function findFileByIdNumber(db: Db, idNumber: string): { id: number; name: string } | undefined {
  return db.prepare('SELECT id, name FROM worker_files WHERE id_number = ?').get(normalizeIdNumber(idNumber)) as
    | { id: number; name: string }
    | undefined;
}

/** Writes the file's own row, members and causes; insert when fileId is null. Returns the file id. */
export function writeFile(db: Db, fileId: number | null, input: ParsedFile, userId: number, nowIso: string): number {
  const d = deriveFile(input);
  const values = {
    name: input.name,
    name_pinyin: d.pinyin,
    name_initials: d.initials,
    id_number: d.idNumber,
    id_number_reversed: reverse(d.idNumber),
    sex: d.sex,
    birth_date: d.birthDate,
    phone: input.phone,
    phone_reversed: reverse(input.phone),
    address: input.address,
    work_unit: input.workUnit,
    base_union: input.baseUnion,
    employment_status: input.employmentStatus,
    model_worker_level: input.modelWorkerLevel,
    allowance_status: input.allowanceStatus,
    medical_insured: input.medicalInsured ? 1 : 0,
    disability_grade: input.disabilityGrade,
    marital_status: input.maritalStatus,
    single_parent: input.singleParent ? 1 : 0,
    own_income_fen: input.ownMonthlyIncomeFen,
    household_income_fen: d.householdIncomeFen,
    household_size: d.householdSize,
    household_rule: d.householdRule,
    per_capita_income_fen: d.perCapitaIncomeFen,
    hardship_causes: JSON.stringify([...new Set(input.hardshipCauses)]),
    hardship_description: input.hardshipDescription,
    risk_flag: input.riskFlag,
    risk_note: input.riskFlag === 'none' ? '' : input.riskNote,
    bank_name: input.bankName,
    bank_card: input.bankCard,
    documents: JSON.stringify([...new Set(input.documents)]),
    updated_at: nowIso,
    updated_by: userId,
  };
  const cols = Object.keys(values);
  let id: number;
  if (fileId === null) {
    const all = { ...values, created_at: nowIso, created_by: userId };
    const names = Object.keys(all);
    id = Number(
      db.prepare(`INSERT INTO worker_files (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(all)
        .lastInsertRowid,
    );
  } else {
    id = fileId;
    db.prepare(`UPDATE worker_files SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...values, id });
    db.prepare('DELETE FROM household_members WHERE file_id = ?').run(id);
    db.prepare('DELETE FROM worker_file_causes WHERE file_id = ?').run(id);
  }
  const insertMember = db.prepare(
    `INSERT INTO household_members (file_id, position, name, relation, id_number, monthly_income_fen, unmarried, student, disabled, seriously_ill)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  input.members.forEach((m, i) =>
    insertMember.run(
      id,
      i,
      m.name,
      m.relation,
      m.idNumber ? normalizeIdNumber(m.idNumber) : '',
      m.monthlyIncomeFen,
      m.unmarried === undefined ? null : m.unmarried ? 1 : 0,
      m.student ? 1 : 0,
      m.disabled ? 1 : 0,
      m.seriouslyIll ? 1 : 0,
    ),
  );
  const insertCause = db.prepare('INSERT INTO worker_file_causes (file_id, cause) VALUES (?, ?)');
  for (const c of new Set(input.hardshipCauses)) insertCause.run(id, c);
  return id;
}

export function getFileRow(db: Db, id: number): WorkerFileRow {
  return (db.prepare('SELECT * FROM worker_files WHERE id = ?').get(id) as WorkerFileRow | undefined) ?? fail('NOT_FOUND', `找不到编号为 ${id} 的档案`);
}

/** The whole file as the file page shows it, with the tier against the line in force. */
export function loadFile(db: Db, id: number, minLivingLineFen: number): WorkerFile {
  const r = getFileRow(db, id);
  const members = db.prepare('SELECT * FROM household_members WHERE file_id = ? ORDER BY position').all(id) as MemberRow[];
  const exclusions = db
    .prepare(
      `SELECT e.*, s.display_name AS set_by_name, c.display_name AS cleared_by_name
       FROM file_exclusions e JOIN users s ON s.id = e.set_by LEFT JOIN users c ON c.id = e.cleared_by
       WHERE e.file_id = ? ORDER BY e.id`,
    )
    .all(id) as ExclusionRow[];
  const history = db
    .prepare(
      `SELECT id, at, username, channel, outcome, code, summary, entity_type, entity_id FROM audit_log
       WHERE entity_type = 'worker_file' AND entity_id = ? ORDER BY id`,
    )
    .all(id) as Parameters<typeof toAuditRow>[0][];
  const createdBy = db.prepare('SELECT display_name FROM users WHERE id = ?').get(r.created_by) as { display_name: string };
  const excluded = exclusions.some((e) => e.cleared_at === null) ? 1 : 0;
  return {
    ...toSummary({ ...r, excluded }, minLivingLineFen),
    address: r.address,
    baseUnion: r.base_union,
    modelWorkerLevel: r.model_worker_level,
    medicalInsured: r.medical_insured === 1,
    disabilityGrade: r.disability_grade,
    maritalStatus: r.marital_status,
    singleParent: r.single_parent === 1,
    ownMonthlyIncomeFen: r.own_income_fen,
    householdIncomeFen: r.household_income_fen,
    householdRule: r.household_rule,
    minLivingLineFen,
    members: members.map(toMember),
    hardshipDescription: r.hardship_description,
    riskFlag: r.risk_flag,
    riskNote: r.risk_note,
    bankName: r.bank_name,
    bankCard: r.bank_card,
    documents: JSON.parse(r.documents) as FileDocument[],
    exclusions: exclusions.map(toExclusion),
    exitReason: r.exit_reason,
    exitedAt: r.exited_at,
    createdAt: r.created_at,
    createdBy: createdBy.display_name,
    history: history.map(toAuditRow),
  };
}
