// Fictional campaign data for the sample PDFs (samples.ts), their tests and the sign-sheet benchmark.
// Names are invented; ID numbers are built with valid GB 11643 check digits and printed masked.
import type { CampaignBatch, CampaignLine, CampaignNotice, CampaignReport, CampaignSummary, ReportRow } from '../../shared/contract/campaigns';
import { CAMPAIGN_GROUP_LABELS, type CampaignGroup } from '../../shared/campaign';
import { computeCheckDigit, maskIdNumber } from '../../shared/idcard';
import type { SignSheetData } from './documents/campaignSignSheet';

export const SAMPLE_CAMPAIGN: CampaignSummary = {
  id: 3,
  number: 'WW-2027-000003',
  name: '2027 年春节送温暖',
  kind: 'spring_festival',
  startDate: '2027-01-10',
  endDate: '2027-02-05',
  status: 'approved',
  budgetFen: 34_000_000,
  fundName: '工会经费帮扶资金',
  count: 0,
  listedFen: 0,
  paidFen: 0,
  createdBy: '刘霞',
};

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['秀英', '建国', '桂兰', '志强', '海涛', '丽华', '德明', '玉梅', '卫东', '春燕', '国庆', '淑珍', '立军', '红梅', '振华'];
const UNITS = ['红星机械厂', '第二棉纺厂', '市公交公司', '东方化工厂', '城建集团第三项目部'];
const GROUPS: [CampaignGroup, number][] = [
  ['hardship', 50_000],
  ['hardship', 50_000],
  ['migrant', 50_000],
  ['model_city', 100_000],
];

/** The full ID number of sample person `i` (born 1960–1989, Tangshan Lubei district). */
export function sampleCampaignIdNumber(i: number): string {
  const year = 1960 + (i % 30);
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  const first17 = `130203${year}${month}${day}${String(i % 1000).padStart(3, '0')}`;
  return first17 + computeCheckDigit(first17);
}

/** `count` recipients across five units, as the list reads them back (masked IDs, standards of 000). */
export function sampleCampaignLines(count: number): CampaignLine[] {
  return Array.from({ length: count }, (_, i) => {
    const [group, amountFen] = GROUPS[i % GROUPS.length]!;
    return {
      id: i + 1,
      fileId: 1000 + i,
      name: SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!,
      maskedIdNumber: maskIdNumber(sampleCampaignIdNumber(i)),
      workUnit: UNITS[i % UNITS.length]!,
      group,
      amountFen,
      source: 'criteria',
      reasons: ['家庭人均收入在低保线 150% 以内'],
      exceptions: [],
      addedBy: '刘霞',
      paid: { batchNumber: 'WF-2027-000001', date: '2027-01-20' },
      returned: i === 7 ? { reason: '本人外出务工，逾期未领', at: '2027-02-03T02:00:00.000Z' } : null,
    };
  });
}

export function sampleCampaignBatch(lines: CampaignLine[]): CampaignBatch {
  return {
    id: 1,
    number: 'WF-2027-000001',
    method: 'cash',
    accountName: '库存现金',
    workUnit: '',
    entryNumber: 'JZ-2027-000118',
    date: '2027-01-20',
    count: lines.length,
    totalFen: lines.reduce((s, l) => s + l.amountFen, 0),
    returnedFen: lines.filter((l) => l.returned).reduce((s, l) => s + l.amountFen, 0),
    paidBy: '周丽华',
  };
}

/** A 签领表 for `count` people of one paid cash batch. */
export function sampleSignSheet(count = 24): SignSheetData {
  const lines = sampleCampaignLines(count);
  const listedFen = lines.reduce((s, l) => s + l.amountFen, 0);
  return { campaign: { ...SAMPLE_CAMPAIGN, count, listedFen, paidFen: listedFen }, batch: sampleCampaignBatch(lines), lines, preparedBy: '刘霞' };
}

function reportRow(key: string, label: string, lines: CampaignLine[], budgetFen: number | null): ReportRow {
  const sum = (ls: CampaignLine[]) => ls.reduce((s, l) => s + l.amountFen, 0);
  const returned = lines.filter((l) => l.returned);
  return { key, label, count: lines.length, listedFen: sum(lines), budgetFen, paidCount: lines.length, paidFen: sum(lines), returnedCount: returned.length, returnedFen: sum(returned) };
}

/** The summary of the sample campaign: every figure derived from the same lines as the sign sheet. */
export function sampleCampaignReport(count = 24): CampaignReport {
  const { campaign, lines } = sampleSignSheet(count);
  const by = <K extends string>(key: (l: CampaignLine) => K) => {
    const m = new Map<K, CampaignLine[]>();
    for (const l of lines) m.set(key(l), [...(m.get(key(l)) ?? []), l]);
    return m;
  };
  const byGroup = [...by((l) => l.group)].map(([g, ls]) => reportRow(g, CAMPAIGN_GROUP_LABELS[g], ls, g === 'model_city' ? 9_000_000 : null));
  const byUnit = [...by((l) => l.workUnit)].map(([u, ls]) => reportRow(u, u, ls, null));
  const total = reportRow('total', '合计', lines, campaign.budgetFen);
  const usedFen = total.paidFen - total.returnedFen;
  return { campaign, byGroup, byUnit, total, usedFen, remainingFen: campaign.budgetFen - usedFen };
}

/** The approved list as posted in public: twelve recipients, a five-day notice from 2027-01-12. */
export function sampleCampaignNotice(): CampaignNotice {
  const lines = sampleCampaignLines(12);
  return {
    campaign: { ...SAMPLE_CAMPAIGN, count: lines.length, listedFen: lines.reduce((s, l) => s + l.amountFen, 0) },
    noticeStart: '2027-01-12',
    noticeEnd: '2027-01-16',
    lines: lines.map((l) => ({ name: l.name, maskedIdNumber: l.maskedIdNumber, workUnit: l.workUnit, group: l.group, amountFen: l.amountFen })),
  };
}
