// Vocabularies of relief decisions (救助), DOMAIN §3.
import type { FileDocument } from './workerFile';

export const RELIEF_CATEGORIES = ['living', 'disaster', 'illness', 'schooling', 'festival', 'other'] as const;
export type ReliefCategory = (typeof RELIEF_CATEGORIES)[number];
export const RELIEF_CATEGORY_LABELS: Record<ReliefCategory, string> = {
  living: '生活困难救助',
  disaster: '意外灾害救助',
  illness: '大病医疗救助',
  schooling: '助学救助',
  festival: '节日慰问（送温暖）',
  other: '其他救助',
};

export const RELIEF_STATUSES = ['draft', 'pending_director', 'pending_chair', 'awaiting_notice', 'in_notice', 'payable', 'rejected', 'withdrawn'] as const;
export type ReliefStatus = (typeof RELIEF_STATUSES)[number];
export const RELIEF_STATUS_LABELS: Record<ReliefStatus, string> = {
  draft: '草稿',
  pending_director: '待主任审批',
  pending_chair: '待主席审批',
  awaiting_notice: '待公示',
  in_notice: '公示中',
  payable: '可发放',
  rejected: '未批准',
  withdrawn: '已撤回',
};

export type Approver = 'director' | 'chair';
export const APPROVER_LABELS: Record<Approver, string> = { director: '中心主任', chair: '工会主席' };

/** Documents each category needs (000 §二); the file-dependent ones are added by requiredDocuments(). */
export const CATEGORY_DOCUMENTS: Record<ReliefCategory, FileDocument[]> = {
  living: ['file_form', 'household_ids', 'household_register', 'income_proof'],
  disaster: ['file_form', 'household_ids', 'household_register', 'income_proof', 'disaster_proof'],
  illness: ['file_form', 'household_ids', 'household_register', 'income_proof', 'hospital_diagnosis', 'medical_bills'],
  schooling: ['file_form', 'household_ids', 'household_register', 'income_proof', 'student_card'],
  festival: ['file_form', 'household_ids'],
  other: ['file_form', 'household_ids', 'household_register', 'income_proof'],
};

export function requiredDocuments(category: ReliefCategory, file: { disabilityGrade: number | null; singleParent: boolean; maritalStatus: string }): FileDocument[] {
  const docs = [...CATEGORY_DOCUMENTS[category]];
  if (category !== 'festival') {
    if (file.disabilityGrade !== null) docs.push('disability_card');
    if (file.singleParent && file.maritalStatus === 'divorced') docs.push('divorce_certificate');
  }
  return docs;
}
