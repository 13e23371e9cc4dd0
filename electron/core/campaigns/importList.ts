// Lists from base-level unions: a workbook of name + ID number + unit + group, matched to the files.
// All or nothing: every row is checked, and one bad row means no row is written; the report names
// every bad row in Chinese.
import type { ImportResult, ImportRowError } from '../../../shared/contract/campaigns';
import { CAMPAIGN_GROUP_LABELS, CAMPAIGN_GROUPS, IMPORT_COLUMNS, type CampaignGroup } from '../../../shared/campaign';
import { validateIdNumber } from '../../../shared/idcard';
import { localDate } from '../../../shared/dates';
import type { ExclusionKind } from '../../../shared/workerFile';
import type { HandlerContext } from '../context';
import { exclusionsFor, lastYearIds, onListIds } from './build';
import type { CampaignRow, GroupRow } from './rows';
import { readFirstSheet } from './xlsxSheet';

export const MAX_IMPORT_ROWS = 5000;

const GROUP_BY_LABEL = new Map<string, CampaignGroup>(CAMPAIGN_GROUPS.map((g) => [CAMPAIGN_GROUP_LABELS[g], g]));

export interface ImportPlan {
  lines: { fileId: number; group: CampaignGroup; amountFen: number; reason: string }[];
  errors: ImportRowError[];
  proposedFiles: ImportResult['proposedFiles'];
}

interface FileHit {
  id: number;
  name: string;
  work_unit: string;
  status: string;
  risk_flag: string;
}

/** Rows checked so far and in all (the page's progress bar); called every 100 rows. */
export type ImportProgress = (done: number, total: number) => void;

/** Checks every row; writes nothing. Runs on the jobs worker's snapshot, or on the door when that went stale. */
export function planImport(ctx: Pick<HandlerContext, 'db' | 'now'>, c: CampaignRow, groups: GroupRow[], bytes: Buffer, fileName: string, onProgress: ImportProgress = () => {}): ImportPlan {
  const errors: ImportRowError[] = [];
  const proposedFiles: ImportPlan['proposedFiles'] = [];
  const lines: ImportPlan['lines'] = [];
  const sheet = readFirstSheet(bytes);
  if (!sheet) return { lines, proposedFiles, errors: [{ row: 0, name: '', message: `“${fileName}”不是 Excel 工作簿（.xlsx），请用下载的模板填写后导入。` }] };
  const head = sheet.find((r) => r.cells.some((x) => x.text.trim() !== ''));
  const headers = head?.cells.slice(0, IMPORT_COLUMNS.length).map((x) => x.text.trim()) ?? [];
  if (!head || IMPORT_COLUMNS.some((h, i) => headers[i] !== h)) {
    return { lines, proposedFiles, errors: [{ row: head?.row ?? 1, name: '', message: `表头应为“${IMPORT_COLUMNS.join('、')}”，请使用下载的模板。` }] };
  }
  const body = sheet.filter((r) => r.row > head.row && r.cells.some((x) => x.text.trim() !== ''));
  if (body.length === 0) return { lines, proposedFiles, errors: [{ row: head.row + 1, name: '', message: '表格里没有人员，请从第 2 行起填写。' }] };
  if (body.length > MAX_IMPORT_ROWS) return { lines, proposedFiles, errors: [{ row: 0, name: '', message: `一次最多导入 ${MAX_IMPORT_ROWS} 人，本表有 ${body.length} 人，请分表导入。` }] };

  const db = ctx.db;
  const standard = new Map(groups.map((g) => [g.grp, g.standard_fen]));
  const byId = db.prepare('SELECT id, name, work_unit, status, risk_flag FROM worker_files WHERE id_number = ?');
  const members = db.prepare("SELECT id_number FROM household_members WHERE file_id = ? AND id_number <> ''");
  const flagsOf = db.prepare('SELECT DISTINCT kind FROM file_exclusions WHERE file_id = ? AND cleared_at IS NULL');
  const listed = db.prepare('SELECT 1 FROM campaign_lines WHERE campaign_id = ? AND file_id = ?');
  const x = { lastYear: lastYearIds(db, c), taken: onListIds(db, c.id) };
  const seen = new Map<string, number>();
  const today = localDate(ctx.now);

  for (const [i, r] of body.entries()) {
    if (i % 100 === 0) onProgress(i, body.length);
    const [nameCell, idCell, unitCell, groupCell] = [0, 1, 2, 3].map((i) => r.cells[i] ?? { text: '', numeric: false });
    const name = nameCell!.text.trim();
    const problems: string[] = [];
    if (!name) problems.push('姓名为空');
    let idNumber = '';
    if (idCell!.numeric) problems.push('身份证号被存成了数字（末几位已丢失），请把该列设为文本后重新填写');
    else {
      const v = validateIdNumber(idCell!.text, today);
      if (!v.ok) problems.push(v.message);
      else idNumber = v.id;
    }
    const groupText = groupCell!.text.trim();
    const group = GROUP_BY_LABEL.get(groupText);
    if (!groupText) problems.push('帮扶类别为空');
    else if (!group) problems.push(`帮扶类别“${groupText}”不正确，应为：${CAMPAIGN_GROUPS.map((g) => CAMPAIGN_GROUP_LABELS[g]).join('、')}`);
    else if (!standard.has(group)) problems.push(`本次活动不慰问“${groupText}”，本活动的帮扶对象为：${groups.map((g) => CAMPAIGN_GROUP_LABELS[g.grp]).join('、')}`);
    if (idNumber) {
      const dup = seen.get(idNumber);
      if (dup !== undefined) problems.push(`与第 ${dup} 行身份证号重复`);
      else seen.set(idNumber, r.row);
      const f = byId.get(idNumber) as FileHit | undefined;
      if (!f) {
        problems.push('该身份证号没有困难职工档案，请先建档（先建档、后帮扶）');
        proposedFiles.push({ row: r.row, name, idNumber, workUnit: unitCell!.text.trim() });
      } else {
        if (name && f.name !== name) problems.push(`姓名与档案不符（档案为“${f.name}”）`);
        if (listed.get(c.id, f.id)) problems.push('已在本活动名单上');
        else if (dup === undefined) {
          const ids = [idNumber, ...(members.all(f.id) as { id_number: string }[]).map((m) => m.id_number)];
          const flags = (flagsOf.all(f.id) as { kind: ExclusionKind }[]).map((k) => k.kind);
          const excluded = exclusionsFor(f, flags, ids, x);
          for (const e of excluded) problems.push(e.text);
          if (excluded.length === 0 && group && standard.has(group)) {
            for (const i of ids) x.taken.add(i);
            const unit = unitCell!.text.trim();
            lines.push({ fileId: f.id, group, amountFen: standard.get(group)!, reason: `基层工会上报（${fileName} 第 ${r.row} 行${unit ? `，${unit}` : ''}）` });
          }
        }
      }
    }
    if (problems.length) errors.push({ row: r.row, name, message: problems.join('；') });
  }
  return { lines, errors, proposedFiles };
}
