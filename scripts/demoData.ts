// The demo's story: three months of a centre's work, told through the core's own channels (so every rule
// holds), with the clock moved to each day as a clerk would live it. Ends today with work in every inbox.
import type { InputOf } from '../shared/api';
import type { WorkerFileInput } from '../shared/contract/files';
import { addDays, localDate } from '../shared/dates';
import { addMonths } from '../shared/monitoring';
import { RELIEF_STATUS_LABELS } from '../shared/relief';
import type { AdjustableClock } from '../electron/core/clock';
import type { AppContext } from '../electron/core/context';
import { fakeFileInput, fakeFileInputs, POOR_SINGLE_HOUSEHOLD } from '../test/fixtures/files';
import { createRng } from '../test/fixtures/people';
import { fillCampaigns } from './demoCampaigns';
import { Desk } from './demoDesk';
import { firstGoodRevisit, monitoringToday, revisitRound } from './demoMonitoring';
import { referralsEarly, referralsToday } from './demoReferrals';

export { DEMO_USERS } from './demoDesk';

const monthBefore = (month: string, n: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};

const REASONS: [InputOf<'relief.create'>['category'], string][] = [
  ['living', '下岗后无固定收入，家庭人均收入低于低保线，生活困难。'],
  ['living', '本人长期病休，工资仅发基本生活费，家中老人需赡养。'],
  ['living', '单亲抚养孩子，企业停产半年，房租与生活开支难以为继。'],
];

export interface DemoSummary {
  files: number;
  petitions: number;
  applications: Record<string, number>;
  closedMonths: string[];
}

/**
 * Fills every area: files, petitions, relief at every stage, three months of books (two closed), stock,
 * job referrals and legal aid, monitoring (revisits, warnings, due and overdue, 年审, an exit proposal), campaigns.
 */
export async function fillDemo(app: AppContext, clock: AdjustableClock, password: string, fileCount: number): Promise<DemoSummary> {
  const desk = new Desk(app, clock, password);
  const thisMonth = localDate(new Date()).slice(0, 7);
  const [m3, m2, m1] = [monthBefore(thisMonth, 3), monthBefore(thisMonth, 2), monthBefore(thisMonth, 1)];
  const rng = createRng(20261201);

  // ── Month −3: the centre opens its books. ──
  desk.on(`${m3}-02`);
  await desk.as('admin', 'settings.update', {
    changes: { centreName: '示范区总工会困难职工帮扶中心', unionName: '示范区总工会', centrePhone: '0851-12345678', centreAddress: '示范区人民路 88 号' },
  });
  const noticeDays = (await desk.as('admin', 'settings.get', {})).reliefNoticeDays;

  const files: number[] = [];
  for (const [i, input] of fakeFileInputs(20261122, fileCount).entries()) {
    const file = await desk.as('staff', 'files.create', input);
    files.push(file.id);
    if (i % 37 === 5) await desk.as('staff', 'files.setExclusion', { fileId: file.id, kind: 'refused_means_check', reason: '两次通知均拒绝入户核查' });
    if (i % 53 === 7) await desk.as('director', 'files.exit', { id: file.id, reason: '人均收入连续六个月高于低保线 1.5 倍' });
  }
  // Households that qualify for relief: one person, no income, nothing excluding them.
  const poor = async (): Promise<number> => {
    const input: WorkerFileInput = fakeFileInput(rng, { ...POOR_SINGLE_HOUSEHOLD, riskFlag: 'none' });
    const f = await desk.as('staff', 'files.create', input);
    files.push(f.id);
    return f.id;
  };

  const funds = await desk.as('finance', 'ledger.funds', {});
  const accounts = await desk.as('finance', 'ledger.accounts', {});
  const fundId = funds[0]!.id;
  const bank = accounts.find((a) => a.kind === 'bank')!.id;
  const cash = accounts.find((a) => a.kind === 'cash')!.id;
  const donors = [
    await desk.as('finance', 'ledger.addDonor', { kind: 'unit', name: '示范区红星机械厂', contact: '李厂长', phone: '0851-87654321', address: '示范区工业园 6 号' }),
    await desk.as('finance', 'ledger.addDonor', { kind: 'unit', name: '示范区顺达物流有限公司', contact: '刘敏', phone: '0851-86012345', address: '示范区物流港 18 号' }),
    await desk.as('finance', 'ledger.addDonor', { kind: 'person', name: '王建军', contact: '王建军', phone: '13900001111', address: '' }),
  ];
  const donate = (donor: number, date: string, amountFen: number, method: 'bank' | 'cash' = 'bank') =>
    desk.as('finance', 'ledger.donate', { donorId: donor, date, amountFen, method, accountId: method === 'bank' ? bank : cash, fundId, designatedUse: '' });
  await donate(donors[0]!.id, `${m3}-02`, 5_000_000);
  await donate(donors[2]!.id, `${m3}-02`, 200_000, 'cash');

  const items = [
    await desk.as('finance', 'materials.addItem', { name: '大米', spec: '10kg/袋', unit: '袋', category: 'food', shelfLifeDays: 365, lowStock: 20 }),
    await desk.as('finance', 'materials.addItem', { name: '食用油', spec: '5L/桶', unit: '桶', category: 'food', shelfLifeDays: 540, lowStock: 10 }),
    await desk.as('finance', 'materials.addItem', { name: '棉被', spec: '200×230cm', unit: '床', category: 'daily', shelfLifeDays: null, lowStock: 5 }),
  ];
  const location = (await desk.as('finance', 'materials.locations', {}))[0]!.id;
  await desk.as('finance', 'materials.receiveDonation', {
    donorId: donors[1]!.id,
    locationId: location,
    date: `${m3}-02`,
    lines: [
      { itemId: items[0]!.id, quantity: 120, unitValueFen: 6_500, expiryDate: addDays(`${m3}-02`, 365) },
      { itemId: items[1]!.id, quantity: 8, unitValueFen: 9_800, expiryDate: addDays(`${m3}-02`, 400) },
      { itemId: items[2]!.id, quantity: 30, unitValueFen: 18_000, expiryDate: null },
    ],
    note: '企业捐赠慰问物资',
  });

  // A relief application taken from draft to "awaiting notice" (and past the chair when the amount asks for it).
  const approved = async (amountFen: number, k: number): Promise<number> => {
    const [category, reasons] = REASONS[k % REASONS.length]!;
    const a = await desk.as('staff', 'relief.create', { fileId: await poor(), category, amountFen, reasons });
    for (const d of a.documents.filter((x) => x.required)) await desk.as('staff', 'relief.markDocument', { id: a.id, doc: d.doc, received: true });
    await desk.as('staff', 'relief.submit', { id: a.id });
    const decided = await desk.as('director', 'relief.decide', { id: a.id, decision: 'approve', comment: '情况属实，同意救助' });
    if (decided.status === 'pending_chair') await desk.as('chair', 'relief.decide', { id: a.id, decision: 'approve', comment: '同意' });
    return a.id;
  };
  /** Puts the applications on public notice from today; answers the first day it may be concluded. */
  const notice = async (ids: number[]): Promise<string> => {
    const start = desk.today();
    const n = await desk.as('director', 'relief.notices.create', { applicationIds: ids, startDate: start, endDate: addDays(start, noticeDays) });
    return addDays(n.endDate, 1);
  };
  const concludeOpenNotice = async () => {
    const open = (await desk.as('director', 'relief.notices.list', {})).find((n) => !n.concludedAt)!;
    await desk.as('director', 'relief.notices.conclude', { id: open.id });
  };
  let paid = 0;
  const pay = async (applicationId: number, method: 'bank' | 'cash' = 'bank') => {
    await desk.as('finance', 'ledger.payRelief', { applicationId, fundId, method, accountId: method === 'bank' ? bank : cash });
    paid++;
  };
  const closeMonth = async (month: string) => {
    const status = await desk.as('finance', 'ledger.monthStatus', { month });
    await desk.as('finance', 'ledger.closeMonth', {
      month,
      counts: status.books.map((b) => ({ accountId: b.accountId, countedFen: b.bookFen })),
      explanation: '现金盘点与账面一致，银行对账单余额与账面一致',
    });
  };

  let petitions = 0;
  const petition = async (step: 'registered' | 'accepted' | 'answered' | 'closed', visitorName: string, request: string) => {
    const p = await desk.as('staff', 'petitions.register', { channel: 'visit', visitorName, visitorPhone: `1380000${String(1000 + petitions).slice(-4)}`, category: 'relief', request });
    petitions++;
    if (step === 'registered') return;
    await desk.as('staff', 'petitions.accept', { id: p.id, note: '材料齐全，当场受理' });
    if (step === 'accepted') return;
    await desk.as('staff', 'petitions.start', { id: p.id, note: '已联系社区核实家庭情况' });
    await desk.as('staff', 'petitions.answer', { id: p.id, answer: '已为您提交救助申请，审批结果将电话通知。' });
    if (step === 'answered') return;
    await desk.as('staff', 'petitions.close', { id: p.id, note: '救助金已发放，来访人表示满意。' });
  };

  await petition('closed', '王桂香', '丈夫住院，家里生活困难，申请救助。');
  await petition('closed', '李秀兰', '企业停产，生活费发不出，申请生活救助。');
  const batch1 = [await approved(50_000, 0), await approved(40_000, 1), await approved(30_000, 2)];
  desk.on(await notice(batch1));
  await concludeOpenNotice();
  // Goods first: they count against the approval, and the payment is the rest in cash.
  await desk.as('staff', 'materials.issue', { applicationId: batch1[0]!, locationId: location, lines: [{ itemId: items[0]!.id, quantity: 2 }, { itemId: items[1]!.id, quantity: 1 }], note: '随救助金一并发放' });
  for (const id of batch1) await pay(id);
  await donate(donors[1]!.id, desk.today(), 1_000_000);

  // ── Month −2: close month −3, another round. ──
  desk.on(`${m2}-03`);
  await closeMonth(m3);
  await petition('closed', '赵红梅', '孩子上大学学费困难，申请助学救助。');
  const batch2 = [await approved(50_000, 1), await approved(45_000, 2)];
  await donate(donors[0]!.id, `${m2}-03`, 3_000_000);
  desk.on(await notice(batch2));
  await concludeOpenNotice();
  await desk.as('staff', 'materials.issue', { applicationId: batch2[0]!, locationId: location, lines: [{ itemId: items[2]!.id, quantity: 1 }], note: '冬季送棉被' });
  await pay(batch2[0]!, 'bank');
  await pay(batch2[1]!, 'cash');
  await referralsEarly(desk);
  // A household found earning again: the first of the three good revisits an exit needs.
  const earning = await poor();
  await firstGoodRevisit(desk, earning);

  // ── Month −1: close month −2; this month's round is approved, one still waits for payment. ──
  desk.on(`${m1}-03`);
  await closeMonth(m2);
  await petition('closed', '周建国', '妻子重病住院，医药费负担重。');
  const batch3 = [await approved(50_000, 0), await approved(100_000, 2), await approved(35_000, 1)];
  await donate(donors[2]!.id, `${m1}-03`, 50_000, 'cash');
  desk.on(await notice(batch3));
  await concludeOpenNotice();
  await pay(batch3[0]!);
  await pay(batch3[1]!);
  // batch3[2] stays approved (可发放) for the finance inbox.
  // A notice whose period ended weeks ago and that nobody concluded: the director's 待公示期满确认.
  const now = localDate(new Date());
  const lapsedNoticeDay = addDays(addMonths(now, -1), 8);
  if (lapsedNoticeDay > desk.today()) desk.on(lapsedNoticeDay);
  await notice([await approved(45_000, 0), await approved(30_000, 1)]);
  // Last month's round of revisits, dated from today so some fall due this week and three are overdue.
  await revisitRound(desk, now, earning);

  // ── Today: work waiting in every inbox. ──
  desk.backToNow();
  await petition('registered', '陈丽华', '家中失火，房屋受损，申请临时救助。');
  await petition('accepted', '吴海燕', '丈夫下岗，孩子学费没有着落。');
  await petition('answered', '郑国强', '求职登记，希望介绍仓库保管类工作。');
  const inNotice = [await approved(40_000, 0), await approved(50_000, 1)];
  await notice(inNotice);
  await approved(30_000, 2); // director-approved, awaiting notice
  const toChair = await desk.as('staff', 'relief.create', { fileId: await poor(), category: 'living', amountFen: 100_000, reasons: REASONS[2]![1] });
  for (const d of toChair.documents.filter((x) => x.required)) await desk.as('staff', 'relief.markDocument', { id: toChair.id, doc: d.doc, received: true });
  await desk.as('staff', 'relief.submit', { id: toChair.id });
  await desk.as('director', 'relief.decide', { id: toChair.id, decision: 'approve', comment: '金额较大，报主席审批' });
  for (let k = 0; k < 2; k++) {
    const a = await desk.as('staff', 'relief.create', { fileId: await poor(), category: 'living', amountFen: 40_000, reasons: REASONS[k]![1] });
    for (const d of a.documents.filter((x) => x.required)) await desk.as('staff', 'relief.markDocument', { id: a.id, doc: d.doc, received: true });
    await desk.as('staff', 'relief.submit', { id: a.id }); // waits for the director
  }
  await desk.as('staff', 'relief.create', { fileId: await poor(), category: 'living', amountFen: 30_000, reasons: REASONS[0]![1] }); // a draft
  await donate(donors[0]!.id, desk.today(), 800_000);

  await fillCampaigns(desk, fundId, bank);
  await referralsToday(desk);
  await monitoringToday(desk, earning);

  const applications = await desk.as('director', 'relief.list', { page: 1, pageSize: 200 });
  const byStatus: Record<string, number> = {};
  for (const a of applications.rows) byStatus[RELIEF_STATUS_LABELS[a.status]] = (byStatus[RELIEF_STATUS_LABELS[a.status]] ?? 0) + 1;
  // A paid application keeps the status 可发放; count it apart.
  byStatus[RELIEF_STATUS_LABELS.payable] = (byStatus[RELIEF_STATUS_LABELS.payable] ?? 0) - paid;
  byStatus['已发放'] = paid;
  // Counted from the list: the referral and legal-aid stories register petitions of their own.
  const petitionCount = (await desk.as('staff', 'petitions.list', { page: 1, pageSize: 1 })).total;
  return { files: files.length, petitions: petitionCount, applications: byStatus, closedMonths: [m3, m2] };
}
