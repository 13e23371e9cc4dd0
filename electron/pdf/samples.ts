// Sample printed documents from fixed, fictional data: `npm run print-samples -- <dir>` writes them
// all, tests render them, and reviewers look at them. Every printed document adds one entry here.
// Names, ID numbers (valid GB 11643 check digits) and card numbers are invented.
import type { HouseholdMemberView, WorkerFile } from '../../shared/contract/files';
import type { Petition } from '../../shared/contract/petitions';
import { householdSize, incomeTier, perCapitaIncomeFen } from '../../shared/household';
import { petitionSlipDoc, type PetitionSlipCentre } from './documents/petitionSlip';
import { workerFileFormDoc, type CentreInfo } from './documents/workerFileForm';
import { renderPdf } from './render';

export interface PrintedDocument {
  /** Stable file name of the sample, e.g. "worker-file-form.pdf". */
  file: string;
  title: string;
  build(): Promise<Buffer>;
}

export const SAMPLE_CENTRE: CentreInfo = {
  centreName: '示例市总工会困难职工帮扶中心',
  unionName: '示例市总工会',
  centrePhone: '0315-12345678',
  printedAt: new Date('2026-11-20T02:30:00Z'), // 2026-11-20 10:30 in Shanghai
};

/** Minimum-living line used by the samples (fen per person per month). */
export const SAMPLE_MIN_LIVING_LINE_FEN = 98_000;

type MemberSeed = Omit<HouseholdMemberView, 'id'>;

const SAMPLE_MEMBERS: MemberSeed[] = [
  { name: '张伟', relation: 'spouse', idNumber: '110105197603020014', monthlyIncomeFen: 0, unmarried: null, student: false, disabled: false, seriouslyIll: true },
  { name: '张雨桐', relation: 'child', idNumber: '110105200809110044', monthlyIncomeFen: 0, unmarried: true, student: true, disabled: false, seriouslyIll: false },
];

/** Extra members for the large-household sample (6 members besides the worker). */
const EXTRA_MEMBERS: MemberSeed[] = [
  { name: '张子轩', relation: 'child', idNumber: '130203201008080050', monthlyIncomeFen: 0, unmarried: true, student: true, disabled: false, seriouslyIll: false },
  { name: '张德明', relation: 'parent', idNumber: '130203195001010019', monthlyIncomeFen: 120_000, unmarried: null, student: false, disabled: true, seriouslyIll: false },
  { name: '王桂兰', relation: 'parent', idNumber: '130203195202020029', monthlyIncomeFen: 95_050, unmarried: null, student: false, disabled: false, seriouslyIll: true },
  { name: '张子涵', relation: 'child', idNumber: '130203201203030059', monthlyIncomeFen: 0, unmarried: true, student: true, disabled: false, seriouslyIll: false },
];

/** A worker file as files.get returns it, with the derived figures computed by the shared rules. */
export function sampleWorkerFile(members: MemberSeed[] = SAMPLE_MEMBERS): WorkerFile {
  const ownMonthlyIncomeFen = 185_000;
  const maritalStatus = 'married' as const;
  const size = householdSize({
    maritalStatus,
    singleParent: false,
    members: members.map((m) => ({ relation: m.relation, ...(m.unmarried === null ? {} : { unmarried: m.unmarried }) })),
  });
  const householdIncomeFen = members.reduce((sum, m) => sum + m.monthlyIncomeFen, ownMonthlyIncomeFen);
  const perCapita = perCapitaIncomeFen(householdIncomeFen, size.size);
  return {
    id: 123,
    name: '李秀英',
    idNumber: '11010519780615002X',
    sex: 'female',
    birthDate: '1978-06-15',
    phone: '13812345678',
    workUnit: '示例市第二纺织厂',
    employmentStatus: 'in_post',
    allowanceStatus: 'marginal',
    householdSize: size.size,
    perCapitaIncomeFen: perCapita,
    tier: incomeTier(perCapita, SAMPLE_MIN_LIVING_LINE_FEN),
    hardshipCauses: ['illness', 'schooling'],
    status: 'active',
    excluded: false,
    updatedAt: '2026-11-18T01:20:00.000Z',
    address: '示例市路北区建设街幸福小区 3 号楼 2 单元 501 室',
    baseUnion: '示例市第二纺织厂工会',
    modelWorkerLevel: 'none',
    medicalInsured: true,
    disabilityGrade: null,
    maritalStatus,
    singleParent: false,
    ownMonthlyIncomeFen,
    householdIncomeFen,
    householdRule: size.rule,
    minLivingLineFen: SAMPLE_MIN_LIVING_LINE_FEN,
    members: members.map((m, i) => ({ id: i + 1, ...m })),
    hardshipDescription:
      '丈夫张伟 2025 年确诊尿毒症，每周透析三次，已无劳动能力，医保报销后每月自付医疗费约 2,600 元；' +
      '女儿张雨桐 2026 年考入本省大学，学费及生活费每年约 1.6 万元。家庭仅靠本人工资维持，' +
      '已向亲友借款 5 万余元，生活十分困难。',
    bankName: '中国工商银行示例市建设街支行',
    bankCard: '6222021234567890123',
    documents: ['file_form', 'household_ids', 'household_register', 'income_proof', 'student_card', 'hospital_diagnosis', 'medical_bills', 'bank_card_copy'],
    exclusions: [],
    exitReason: null,
    exitedAt: null,
    createdAt: '2026-03-05T02:00:00.000Z',
    createdBy: 'clerk01',
    history: [],
  };
}

/** The same worker with six household members, the largest household the form must fit on two pages. */
export function largeHouseholdSample(): WorkerFile {
  return sampleWorkerFile([...SAMPLE_MEMBERS, ...EXTRA_MEMBERS]);
}

/** The sample centre with its address, for slips handed to visitors. */
export const SAMPLE_SLIP_CENTRE: PetitionSlipCentre = {
  ...SAMPLE_CENTRE,
  centreAddress: '示例市路北区文化路 58 号 示例市职工服务中心一楼',
};

/** A walk-in registered at the counter, not yet accepted (the answer date is the provisional promise). */
export function samplePetition(): Petition {
  return {
    id: 123,
    number: 'XF-2026-000123',
    channel: 'visit',
    receivedAt: '2026-11-20T01:15:00.000Z', // 2026-11-20 09:15 in Shanghai
    visitorName: '王淑芬',
    fileId: null,
    category: 'relief',
    urgency: 'urgent',
    status: 'registered',
    handlerId: 3,
    handlerName: '刘建国',
    acceptDue: '2026-12-05',
    answerDue: '2026-12-22',
    closeDue: '2027-01-19',
    overdue: null,
    visitorIdNumber: '11010519491231002X',
    visitorPhone: '13912345678',
    request:
      '本人系示例市第一棉纺厂退休职工，老伴去年因脑梗瘫痪在床，需长期护理，每月护理费及药费约 3,000 元；' +
      '本人退休金每月 2,150 元，儿子下岗在家，孙子今年上初中，家庭生活十分困难。' +
      '请求工会给予困难救助，并协助了解办理低保的条件和所需材料。',
    answer: null,
    closingNote: null,
    acceptedAt: null,
    answeredAt: null,
    closedAt: null,
    events: [{ id: 1, action: 'register', at: '2026-11-20T01:15:00.000Z', by: '刘建国', note: '' }],
    outcomes: [],
  };
}

export const PRINTED_DOCUMENTS: PrintedDocument[] = [
  {
    file: 'worker-file-form.pdf',
    title: '困难职工档案表',
    build: () => renderPdf(workerFileFormDoc(sampleWorkerFile(), SAMPLE_CENTRE)),
  },
  {
    file: 'petition-slip.pdf',
    title: '受理回执',
    build: () => renderPdf(petitionSlipDoc(samplePetition(), SAMPLE_SLIP_CENTRE)),
  },
];
