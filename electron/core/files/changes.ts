import type { WorkerFile } from '../../../shared/contract/files';
import { formatYuan } from '../../../shared/money';
import {
  ALLOWANCE_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  FILE_DOCUMENT_LABELS,
  HARDSHIP_CAUSE_LABELS,
  MODEL_WORKER_LABELS,
} from '../../../shared/workerFile';
import { MARITAL_STATUS_LABELS, RELATION_LABELS, RISK_FLAG_LABELS } from '../../../shared/household';

type Field = keyof WorkerFile;
const yesNo = (v: unknown) => (v ? '是' : '否');

// What the history shows for each field a clerk can change, and how its value reads.
const FIELDS: [Field, string, (v: never) => string][] = [
  ['name', '姓名', String],
  ['idNumber', '身份证号', String],
  ['phone', '电话', String],
  ['address', '住址', String],
  ['workUnit', '工作单位', String],
  ['baseUnion', '基层工会', String],
  ['employmentStatus', '就业状况', (v: keyof typeof EMPLOYMENT_STATUS_LABELS) => EMPLOYMENT_STATUS_LABELS[v]],
  ['modelWorkerLevel', '劳模', (v: keyof typeof MODEL_WORKER_LABELS) => MODEL_WORKER_LABELS[v]],
  ['allowanceStatus', '低保', (v: keyof typeof ALLOWANCE_LABELS) => ALLOWANCE_LABELS[v]],
  ['medicalInsured', '医保', yesNo],
  ['disabilityGrade', '残疾等级', (v: number | null) => (v ? `${v} 级` : '无')],
  ['maritalStatus', '婚姻', (v: keyof typeof MARITAL_STATUS_LABELS) => MARITAL_STATUS_LABELS[v]],
  ['singleParent', '单亲', yesNo],
  ['ownMonthlyIncomeFen', '本人月收入', (v: number) => formatYuan(v)],
  ['householdSize', '家庭人口', (v: number) => `${v} 人`],
  ['perCapitaIncomeFen', '人均月收入', (v: number) => formatYuan(v)],
  ['hardshipCauses', '致困原因', (v: (keyof typeof HARDSHIP_CAUSE_LABELS)[]) => v.map((c) => HARDSHIP_CAUSE_LABELS[c]).join('、')],
  ['hardshipDescription', '困难情况', String],
  ['riskFlag', '预警', (v: keyof typeof RISK_FLAG_LABELS) => RISK_FLAG_LABELS[v]],
  ['riskNote', '预警说明', String],
  ['bankName', '开户行', String],
  ['bankCard', '银行卡号', String],
  ['documents', '在档材料', (v: (keyof typeof FILE_DOCUMENT_LABELS)[]) => v.map((d) => FILE_DOCUMENT_LABELS[d]).join('、') || '无'],
  ['members', '家庭成员', (v: WorkerFile['members']) => v.map((m) => `${m.name}(${RELATION_LABELS[m.relation]})`).join('、') || '无'],
];

/** '电话 138… → 139…；家庭人口 2 人 → 3 人' for the file's history. */
export function describeFileChanges(before: WorkerFile, after: WorkerFile): string {
  const out: string[] = [];
  for (const [field, label, show] of FIELDS) {
    const a = show(before[field] as never);
    const b = show(after[field] as never);
    if (a !== b) out.push(`${label}：${a || '（空）'} → ${b || '（空）'}`);
  }
  return out.length ? out.join('；') : '无变化';
}
