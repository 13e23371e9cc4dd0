// Sample printed documents from fixed, fictional data: `npm run print-samples -- <dir>` writes them
// all, tests render them, and reviewers look at them. Every printed document adds one entry here.
// Names, ID numbers (valid GB 11643 check digits) and card numbers are invented.
import type { HouseholdMemberView, WorkerFile } from '../../shared/contract/files';
import type { Donation, MonthlyStatement, ReceiptView, StatementFund } from '../../shared/contract/ledger';
import type { Location, MaterialDocument, Movement, StockLedger, StockLedgerRow } from '../../shared/contract/materials';
import type { Petition } from '../../shared/contract/petitions';
import { householdSize, incomeTier, perCapitaIncomeFen } from '../../shared/household';
import { incomeExpenditureDoc } from './documents/incomeExpenditure';
import { reliefReportDoc } from './documents/reliefReport';
import { petitionReportDoc } from './documents/petitionReport';
import { yearSummaryDoc } from './documents/yearSummary';
import { sampleIncomeExpenditure, samplePetitionStats, sampleReliefReport, sampleYearSummary } from './reportSamples';
import { sampleCampaignNotice, sampleCampaignReport, sampleSignSheet } from './campaignSamples';
import { campaignNoticeDoc } from './documents/campaignNotice';
import { campaignSignSheetDoc } from './documents/campaignSignSheet';
import { monitoringLedgerDoc } from './documents/monitoringLedger';
import { sampleMonitoringLedger } from './monitoringSamples';
import { campaignSummaryDoc } from './documents/campaignSummary';
import { donationReceiptDoc, type ReceiptCentre } from './documents/donationReceipt';
import { materialDonationReceiptDoc } from './documents/materialDonationReceipt';
import { materialIssueSlipDoc } from './documents/materialIssueSlip';
import { stockLedgerDoc } from './documents/stockLedger';
import { monthlyStatementDoc } from './documents/monthlyStatement';
import { petitionSlipDoc, type PetitionSlipCentre } from './documents/petitionSlip';
import { reliefPaymentReceiptDoc, type ReliefPaymentPrint } from './documents/reliefPaymentReceipt';
import { reliefNoticeDoc } from './documents/reliefNotice';
import { voucherDoc, type VoucherPrint } from './documents/voucher';
import type { ReliefNotice } from '../../shared/contract/relief';
import { maskIdNumber } from '../../shared/idcard';
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
    riskFlag: 'none',
    riskNote: '',
    warning: null,
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
    reliefApplicationId: null,
  };
}

/** Invented full ID numbers behind the sample notice's lines (only their masked form is printed). */
export const SAMPLE_NOTICE_FULL_IDS = [
  '130203197003120034',
  '130203197505210048',
  '130203196808300054',
  '130202198201150064',
  '130204197909090077',
  '130203196512010082',
] as const;

/** A notice of six approved grants, posted 2026-11-22 to 2026-11-27 (five days). */
export function sampleReliefNotice(): ReliefNotice {
  const seeds: [string, string, ReliefNotice['lines'][number]['category'], number][] = [
    ['赵建华', '示例市第二纺织厂', 'illness', 80_000],
    ['钱丽萍', '示例市公交集团有限公司', 'schooling', 50_000],
    ['孙国强', '示例市红星机械厂', 'living', 30_000],
    ['李桂芝', '示例市第一棉纺厂', 'illness', 100_000],
    ['周海燕', '示例市百货大楼股份有限公司', 'disaster', 60_000],
    ['吴德胜', '示例市建筑安装工程公司', 'living', 50_000],
  ];
  const lines = seeds.map(([name, workUnit, category, amountFen], i) => ({
    id: i + 1,
    applicationId: 40 + i,
    applicationNumber: `JZ-2026-${String(40 + i).padStart(6, '0')}`,
    name,
    maskedIdNumber: maskIdNumber(SAMPLE_NOTICE_FULL_IDS[i]!),
    workUnit,
    category,
    amountFen,
    objection: null,
    objectionAt: null,
    resolution: null,
    resolutionComment: null,
    status: 'in_notice' as const,
  }));
  return {
    id: 7,
    number: 'GS-2026-000007',
    startDate: '2026-11-22',
    endDate: '2026-11-27',
    createdBy: '陈志明',
    createdAt: '2026-11-22T01:00:00.000Z',
    concludedAt: null,
    lines,
    totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
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
  {
    file: 'relief-notice.pdf',
    title: '困难职工救助公示',
    build: () => renderPdf(reliefNoticeDoc(sampleReliefNotice(), SAMPLE_SLIP_CENTRE)),
  },
];

// ── 账务 (DOMAIN §5): receipts and the monthly statement ─────────────────────────────────────────

/** The centre as printed on receipts and statements (with its address). */
export const SAMPLE_FINANCE_CENTRE: ReceiptCentre = SAMPLE_SLIP_CENTRE;
/** The finance clerk who handles the samples' money and prepares the statement. */
export const SAMPLE_FINANCE_CLERK = '周丽华';

/** A unit's donation of ¥5,000.00 and its receipt, printed for the first time. */
export function sampleDonation(amountFen = 500_000): Donation {
  const receipt = sampleDonationReceipt();
  return {
    id: 18,
    date: '2026-11-03',
    donor: { id: 5, kind: 'unit', name: '示例市宏达建材有限公司', contact: '陈志远', phone: '0315-87654321', address: '示例市开平区工业路 16 号' },
    amountFen,
    method: 'bank',
    accountName: '银行存款',
    fundId: 2,
    fundName: '社会捐赠资金',
    designatedUse: '用于困难职工大病医疗救助',
    entryId: 302,
    receipts: [receipt],
  };
}

export function sampleDonationReceipt(): ReceiptView {
  return { id: 31, kind: 'donation', number: 'JZSJ-2026-000018', status: 'issued', voidReason: null, printCount: 1, issuedAt: '2026-11-03T02:10:00.000Z' };
}

/** The payment of 李秀英's approved illness relief to her bank card. */
export function sampleReliefPayment(): ReliefPaymentPrint {
  const file = sampleWorkerFile();
  return {
    id: 42,
    applicationId: 91,
    applicationNumber: 'JZ-2026-000091',
    name: file.name,
    amountFen: 500_000,
    method: 'bank',
    fundName: '工会经费帮扶资金',
    paidAt: '2026-11-09T03:20:00.000Z', // 2026-11-09 11:20 in Shanghai
    date: '2026-11-09',
    entryId: 305,
    reversed: false,
    receipt: { id: 44, kind: 'relief_payment', number: 'LQPZ-2026-000042', status: 'issued', voidReason: null, printCount: 1, issuedAt: '2026-11-09T03:20:00.000Z' },
    idNumber: file.idNumber,
    workUnit: file.workUnit,
    category: 'illness',
    bankName: file.bankName,
    bankCard: file.bankCard,
  };
}

type StatementLine = StatementFund['lines'][number];
interface FundSeed {
  fundId: number;
  fundName: string;
  openingFen: number;
  lines: Omit<StatementLine, 'entryNumber'>[];
}

/**
 * A statement whose figures agree with themselves, as the books would give it: entry numbers in date
 * order, per-fund receipts and payments summed from the lines, closing = opening + receipts − payments.
 */
export function statementFrom(month: string, closed: boolean, seeds: FundSeed[], firstEntry = 301, materials: StockLedgerRow[] = []): MonthlyStatement {
  const order = seeds
    .flatMap((f, fi) => f.lines.map((l, li) => ({ fi, li, date: l.date })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.fi - b.fi || a.li - b.li));
  const numbers = new Map<string, string>();
  order.forEach((o, i) => numbers.set(`${o.fi}/${o.li}`, `PZ-${month.slice(0, 4)}-${String(firstEntry + i).padStart(6, '0')}`));
  const funds: StatementFund[] = seeds.map((f, fi) => {
    const lines = f.lines.map((l, li) => ({ ...l, entryNumber: numbers.get(`${fi}/${li}`) ?? '' }));
    const receiptsFen = lines.reduce((s, l) => s + l.receiptFen, 0);
    const paymentsFen = lines.reduce((s, l) => s + l.paymentFen, 0);
    return { fundId: f.fundId, fundName: f.fundName, openingFen: f.openingFen, receiptsFen, paymentsFen, closingFen: f.openingFen + receiptsFen - paymentsFen, lines };
  });
  const totals = { openingFen: 0, receiptsFen: 0, paymentsFen: 0, closingFen: 0 };
  for (const f of funds) {
    totals.openingFen += f.openingFen;
    totals.receiptsFen += f.receiptsFen;
    totals.paymentsFen += f.paymentsFen;
    totals.closingFen += f.closingFen;
  }
  return { month, closed, funds, totals, materials };
}

const line = (date: string, memo: string, accountName: string, receiptFen: number, paymentFen: number): Omit<StatementLine, 'entryNumber'> => ({
  date,
  memo,
  accountName,
  receiptFen,
  paymentFen,
});

/** November 2026's money: three funds, twenty lines. */
const SAMPLE_FUND_SEEDS: FundSeed[] = [
  {
    fundId: 1,
    fundName: '工会经费帮扶资金',
    openingFen: 26_845_000,
    lines: [
      line('2026-11-02', '拨入11月帮扶资金（市总工会经费）', '银行存款', 10_000_000, 0),
      line('2026-11-05', '发放张建军大病医疗救助 JZ-2026-000087', '银行存款', 0, 800_000),
      line('2026-11-09', '发放李秀英大病医疗救助 JZ-2026-000091', '银行存款', 0, 500_000),
      line('2026-11-16', '发放赵淑华生活困难救助 JZ-2026-000095', '库存现金', 0, 150_000),
      line('2026-11-20', '发放王德胜意外灾害救助 JZ-2026-000098', '银行存款', 0, 300_000),
      line('2026-11-23', '提取现金备发生活救助', '库存现金', 500_000, 0),
      line('2026-11-23', '提取现金备发生活救助', '银行存款', 0, 500_000),
      line('2026-11-30', '第四季度银行存款利息', '银行存款', 18_635, 0),
    ],
  },
  {
    fundId: 2,
    fundName: '社会捐赠资金',
    openingFen: 5_320_000,
    lines: [
      line('2026-11-03', '收示例市宏达建材有限公司捐款 JZSJ-2026-000018', '银行存款', 500_000, 0),
      line('2026-11-06', '收周明个人捐款 JZSJ-2026-000019', '库存现金', 100_050, 0),
      line('2026-11-10', '发放刘桂芳生活困难救助 JZ-2026-000092', '库存现金', 0, 120_000),
      line('2026-11-18', '收示例市第一建筑公司工会捐款 JZSJ-2026-000020', '银行存款', 2_000_000, 0),
      line('2026-11-21', '发放孙丽大病医疗救助 JZ-2026-000096', '银行存款', 0, 600_000),
      line('2026-11-26', '收匿名爱心人士捐款 JZSJ-2026-000021', '库存现金', 20_000, 0),
      line('2026-11-28', '发放马春生意外灾害救助 JZ-2026-000099', '银行存款', 0, 250_000),
    ],
  },
  {
    fundId: 3,
    fundName: '金秋助学专项资金（上级工会拨款）',
    openingFen: 12_000_000,
    lines: [
      line('2026-11-04', '收省总工会金秋助学专项拨款', '银行存款', 5_000_000, 0),
      line('2026-11-13', '发放张雨桐助学救助 JZ-2026-000093', '银行存款', 0, 500_000),
      line('2026-11-13', '发放吴昊助学救助 JZ-2026-000094', '银行存款', 0, 300_000),
      line('2026-11-19', '发放郑佳怡助学救助 JZ-2026-000097', '银行存款', 0, 300_000),
      line('2026-11-25', '发放钱文博助学救助 JZ-2026-000100', '银行存款', 0, 500_000),
    ],
  },
];

/** November 2026: three funds, twenty lines, and the month's stock ledger. */
export function sampleMonthlyStatement(closed = true): MonthlyStatement {
  return statementFrom('2026-11', closed, SAMPLE_FUND_SEEDS, 301, sampleStockLedger().rows);
}

/** A busy month for the large-document tests: `count` lines over three funds, deterministic. */
export function largeMonthlyStatement(count = 2000, closed = false): MonthlyStatement {
  const names = ['工会经费帮扶资金', '社会捐赠资金', '金秋助学专项资金（上级工会拨款）'];
  const seeds: FundSeed[] = names.map((fundName, i) => ({ fundId: i + 1, fundName, openingFen: 50_000_000 * (i + 1), lines: [] }));
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length]!;
    const day = String(1 + Math.floor((i * 30) / count)).padStart(2, '0');
    const amountFen = 10_000 + ((i * 7_919) % 490_000);
    const receipt = i % 4 === 0;
    seed.lines.push(
      line(
        `2026-11-${day}`,
        receipt ? `收第 ${i + 1} 笔捐款 JZSJ-2026-${String(i + 1).padStart(6, '0')}` : `发放第 ${i + 1} 笔救助金 JZ-2026-${String(i + 1).padStart(6, '0')}`,
        i % 3 === 0 ? '库存现金' : '银行存款',
        receipt ? amountFen : 0,
        receipt ? 0 : amountFen,
      ),
    );
  }
  return statementFrom('2026-11', closed, seeds, 1);
}

PRINTED_DOCUMENTS.push(
  {
    file: 'donation-receipt.pdf',
    title: '捐赠收据',
    build: () => renderPdf(donationReceiptDoc(sampleDonation(), sampleDonationReceipt(), SAMPLE_FINANCE_CENTRE, { handler: SAMPLE_FINANCE_CLERK, reprint: false })),
  },
  {
    file: 'relief-payment-receipt.pdf',
    title: '救助金领取凭证',
    build: () => renderPdf(reliefPaymentReceiptDoc(sampleReliefPayment(), SAMPLE_FINANCE_CENTRE, { handler: SAMPLE_FINANCE_CLERK, reprint: false })),
  },
  {
    file: 'monthly-statement.pdf',
    title: '月度收支明细表',
    build: () => renderPdf(monthlyStatementDoc(sampleMonthlyStatement(), SAMPLE_FINANCE_CENTRE, { preparedBy: SAMPLE_FINANCE_CLERK })),
  },
);

// ── 物资 (DOMAIN §5): in-kind donation receipt, issue slip, stock ledger ───────────────────────────

/** The centre's own store. */
export const SAMPLE_STORE: Location = {
  id: 1,
  name: '中心仓库',
  kind: 'store',
  donorId: null,
  address: '示例市路北区文化路 58 号 示例市职工服务中心地下一层',
  contact: '刘建华',
  phone: '0315-12345679',
};

/** Bulky goods the donor keeps for the centre (谁捐助谁代管): still on the books at this location. */
export const SAMPLE_DONOR_STORE: Location = {
  id: 2,
  name: '宏达建材公司代管仓库',
  kind: 'donor',
  donorId: 5,
  address: '示例市开平区工业路 16 号 宏达建材公司 3 号库',
  contact: '陈志远',
  phone: '0315-87654321',
};

/** The keeper of the samples' materials (保管员) and the staff member who hands goods out. */
export const SAMPLE_MATERIALS_HANDLER = '刘建华';

function movement(id: number, date: string, kind: Movement['kind'], itemName: string, unit: string, location: Location, quantity: number, unitValueFen: number, documentNumber: string | null = null): Movement {
  return { id, date, kind, itemName, unit, locationName: location.name, quantity, valueFen: quantity * unitValueFen, note: '', by: SAMPLE_MATERIALS_HANDLER, documentNumber };
}

/** 示例市宏达建材有限公司 gives 100 bags of rice and 20 drums of oil (est. ¥6,600.00) and keeps them itself. */
export function sampleMaterialDonation(): MaterialDocument {
  const number = 'WZRK-2026-000012';
  return {
    id: 12,
    kind: 'donation',
    number,
    date: '2026-11-12',
    status: 'done',
    summary: '示例市宏达建材有限公司捐赠大米、食用油（由捐赠方代管）',
    movements: [
      movement(121, '2026-11-12', 'donation_in', '大米（5kg/袋）', '袋', SAMPLE_DONOR_STORE, 100, 5_000),
      movement(122, '2026-11-12', 'donation_in', '食用油（5L/桶）', '桶', SAMPLE_DONOR_STORE, 20, 8_000),
    ].map((m) => ({ ...m, documentNumber: number })),
    receiptId: 57,
  };
}

export const SAMPLE_MATERIAL_DONOR = { name: '示例市宏达建材有限公司', kind: 'unit' as const };
export const SAMPLE_MATERIAL_RECEIPT_NUMBER = 'WZSJ-2026-000006';

/** 李秀英's approved relief partly in goods, handed out from the centre's store. */
export function sampleMaterialIssue(): MaterialDocument {
  const number = 'WZFF-2026-000031';
  return {
    id: 31,
    kind: 'issue',
    number,
    date: '2026-11-16',
    status: 'done',
    summary: '李秀英 大病医疗救助 JZ-2026-000091 随同发放物资',
    movements: [
      movement(131, '2026-11-16', 'issue', '大米（5kg/袋）', '袋', SAMPLE_STORE, 2, 5_000, number),
      movement(132, '2026-11-16', 'issue', '食用油（5L/桶）', '桶', SAMPLE_STORE, 1, 8_000, number),
      movement(133, '2026-11-16', 'issue', '棉被（200×230cm）', '床', SAMPLE_STORE, 1, 15_000, number),
    ],
    receiptId: null,
  };
}

/** The recipient as the issue slip prints her: ID masked by the caller, the application approved. */
export function sampleIssueRecipient(): { name: string; maskedIdNumber: string; workUnit: string; applicationNumber: string } {
  const file = sampleWorkerFile();
  return { name: file.name, maskedIdNumber: maskIdNumber(file.idNumber), workUnit: file.workUnit, applicationNumber: 'JZ-2026-000091' };
}

/** One stock ledger row whose figures agree: closing = opening + in − out, values at one unit value. */
function ledgerRow(itemId: number, itemName: string, unit: string, location: Location, unitValueFen: number, openingQty: number, inQty: number, outQty: number): StockLedgerRow {
  const closingQty = openingQty + inQty - outQty;
  return {
    itemId,
    itemName,
    unit,
    locationId: location.id,
    locationName: location.name,
    openingQty,
    inQty,
    outQty,
    closingQty,
    openingFen: openingQty * unitValueFen,
    inFen: inQty * unitValueFen,
    outFen: outQty * unitValueFen,
    closingFen: closingQty * unitValueFen,
  };
}

/** November 2026's stock: the donated rice and oil held by the donor, the store's rice, oil and quilts. */
export function sampleStockLedger(): StockLedger {
  return {
    month: '2026-11',
    rows: [
      ledgerRow(1, '大米（5kg/袋）', '袋', SAMPLE_STORE, 5_000, 60, 0, 18),
      ledgerRow(1, '大米（5kg/袋）', '袋', SAMPLE_DONOR_STORE, 5_000, 0, 100, 2),
      ledgerRow(2, '食用油（5L/桶）', '桶', SAMPLE_STORE, 8_000, 40, 0, 12),
      ledgerRow(2, '食用油（5L/桶）', '桶', SAMPLE_DONOR_STORE, 8_000, 0, 20, 0),
      ledgerRow(3, '棉被（200×230cm）', '床', SAMPLE_STORE, 15_000, 30, 20, 15),
      ledgerRow(4, '书包', '个', SAMPLE_STORE, 6_500, 45, 0, 45),
    ],
  };
}

PRINTED_DOCUMENTS.push(
  {
    file: 'material-donation-receipt.pdf',
    title: '物资捐赠收据',
    build: () =>
      renderPdf(
        materialDonationReceiptDoc(sampleMaterialDonation(), SAMPLE_MATERIAL_DONOR, SAMPLE_DONOR_STORE, SAMPLE_FINANCE_CENTRE, {
          handler: SAMPLE_FINANCE_CLERK,
          reprint: false,
          receiptNumber: SAMPLE_MATERIAL_RECEIPT_NUMBER,
          printCount: 1,
          void: false,
        }),
      ),
  },
  {
    file: 'material-issue-slip.pdf',
    title: '物资领取单',
    build: () => renderPdf(materialIssueSlipDoc(sampleMaterialIssue(), sampleIssueRecipient(), SAMPLE_FINANCE_CENTRE, { handler: SAMPLE_MATERIALS_HANDLER, reprint: false, printCount: 1 })),
  },
  {
    file: 'stock-ledger.pdf',
    title: '物资收发存月报表',
    build: () => renderPdf(stockLedgerDoc(sampleStockLedger(), SAMPLE_FINANCE_CENTRE, { preparedBy: SAMPLE_FINANCE_CLERK })),
  },
);

// ── 记账凭证: finance's own entries and the approved general voucher ─────────────────────────────

/** A correction voucher (利息 moved between funds) as approved by the director and posted. */
export function sampleVoucher(): VoucherPrint {
  return {
    number: 'PZ-2026-000137',
    date: '2026-11-28',
    kindLabel: '记账凭证',
    memo: '更正：11月12日利息收入误记入行政拨款资金，调整至工会经费',
    attachments: 2,
    state: { posted: true },
    lines: [
      { summary: '冲回误记的利息收入', accountCode: '400802', accountName: '其他收入—利息收入', fundName: '行政拨款', debitFen: 36_520, creditFen: 0 },
      { summary: '冲回误记的银行存款', accountCode: '1002', accountName: '银行存款', fundName: '行政拨款', debitFen: 0, creditFen: 36_520 },
      { summary: '利息收入改记工会经费', accountCode: '1002', accountName: '银行存款', fundName: '工会经费', debitFen: 36_520, creditFen: 0 },
      { summary: '利息收入改记工会经费', accountCode: '400802', accountName: '其他收入—利息收入', fundName: '工会经费', debitFen: 0, creditFen: 36_520 },
    ],
    preparedBy: SAMPLE_FINANCE_CLERK,
    reviewedBy: '王建国',
    postedBy: '王建国',
  };
}

PRINTED_DOCUMENTS.push({
  file: 'voucher.pdf',
  title: '记账凭证',
  build: () => renderPdf(voucherDoc(sampleVoucher(), SAMPLE_FINANCE_CENTRE)),
});

// ── 慰问活动 (DOMAIN §4): 签领表 and the campaign summary (data in campaignSamples.ts) ───────────────
PRINTED_DOCUMENTS.push(
  {
    file: 'campaign-sign-sheet.pdf',
    title: '慰问金签领表',
    build: () => renderPdf(campaignSignSheetDoc(sampleSignSheet(), SAMPLE_CENTRE)),
  },
  {
    file: 'campaign-summary.pdf',
    title: '慰问活动汇总表',
    build: () => renderPdf(campaignSummaryDoc(sampleCampaignReport(), SAMPLE_CENTRE, '刘霞')),
  },
);

// ── 报表 (issue 14): 收入支出表 for the higher union and 救助发放统计 (data in reportSamples.ts) ──────────
PRINTED_DOCUMENTS.push(
  {
    file: 'income-expenditure.pdf',
    title: '收入支出表',
    build: () => renderPdf(incomeExpenditureDoc(sampleIncomeExpenditure(), SAMPLE_CENTRE, { preparedBy: '刘霞' })),
  },
  {
    file: 'relief-report.pdf',
    title: '救助发放统计表',
    build: () => renderPdf(reliefReportDoc(sampleReliefReport(), SAMPLE_CENTRE, { preparedBy: '刘霞' })),
  },
  {
    file: 'petition-report.pdf',
    title: '来访统计表',
    build: () => renderPdf(petitionReportDoc(samplePetitionStats(), SAMPLE_CENTRE, { preparedBy: '刘霞' })),
  },
  {
    file: 'year-summary.pdf',
    title: '年度工作汇总表',
    build: () => renderPdf(yearSummaryDoc(sampleYearSummary(), SAMPLE_CENTRE, { preparedBy: '刘霞' })),
  },
);

// ── 动态监测 (issue 13): the monthly monitoring ledger (data in monitoringSamples.ts) ─────────────────
PRINTED_DOCUMENTS.push({
  file: 'monitoring-ledger.pdf',
  title: '动态监测帮扶台账',
  build: () => renderPdf(monitoringLedgerDoc(sampleMonitoringLedger())),
});

// ── 慰问活动 (issue 12): the optional public notice of an approved list (data in campaignSamples.ts) ──
PRINTED_DOCUMENTS.push({
  file: 'campaign-notice.pdf',
  title: '慰问名单公示',
  build: () => renderPdf(campaignNoticeDoc(sampleCampaignNotice(), { ...SAMPLE_SLIP_CENTRE, printedAt: new Date('2027-01-12T01:30:00Z') })),
});
