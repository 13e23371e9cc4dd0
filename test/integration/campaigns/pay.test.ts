import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../shared/idcard';
import { fenToCapitals } from '../../../shared/money';
import { campaignInput, file, fundUnionMoney, workbook } from '../../fixtures/campaigns';
import { businessFingerprint, makeCore, type TestCore } from '../../fixtures/core';
import { bookInvariants } from '../../fixtures/ledger';
import { pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let staff: string;
let director: string;
let chair: string;
let finance: string;
let id: number;
const people: { id: number; name: string; idNumber: string }[] = [];
const pdfs = pdfWorkspace('campaign-pdf-');

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2027-01-12') });
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
  chair = await core.tokenFor(['chair']);
  finance = await core.tokenFor(['finance']);
  await fundUnionMoney(core, finance, '2027-01-12', 5_000_000);
  for (const unit of ['红星机械厂', '红星机械厂', '第二棉纺厂']) people.push(await file(core, staff, { workUnit: unit }));
  people.push(await file(core, staff, { workUnit: '第二棉纺厂', employmentStatus: 'migrant' }));
  id = (await core.ok('campaigns.create', campaignInput(), staff)).id;
});
afterAll(() => core.close());

describe('importing a base-level union list', () => {
  it('writes nothing when any row is bad, and names every bad row in Chinese', async () => {
    const [a, b] = people;
    const base64 = await workbook([
      [a!.name, a!.idNumber, '红星机械厂', '困难企业职工'],
      ['王五', '110101199001011230', '红星机械厂', '困难企业职工'], // check digit wrong
      [b!.name, b!.idNumber, '红星机械厂', '省级劳模'], // not a group of this campaign
      ['赵六', '110101199001011237', '红星机械厂', '困难企业职工'], // valid ID, no file
      ['张冒名', people[2]!.idNumber, '第二棉纺厂', '困难企业职工'], // name does not match the file
      [a!.name, a!.idNumber, '红星机械厂', '困难企业职工'], // repeated
      ['', '', '', '送温暖'], // empty name and ID, unknown group
    ]);
    const before = businessFingerprint(core.app);
    const r = await core.ok('campaigns.import', { id, fileName: '红星上报.xlsx', base64 }, staff);
    expect(r.ok).toBe(false);
    expect(r.added).toBe(0);
    expect(r.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8]);
    const msg = (row: number) => r.errors.find((e) => e.row === row)!.message;
    expect(msg(3)).toContain('校验位');
    expect(msg(4)).toContain('本次活动不慰问“省级劳模”');
    expect(msg(5)).toContain('请先建档');
    expect(msg(6)).toContain(`姓名与档案不符（档案为“${people[2]!.name}”）`);
    expect(msg(7)).toContain('与第 2 行身份证号重复');
    expect(msg(8)).toMatch(/姓名为空.*身份证号.*帮扶类别“送温暖”不正确/);
    expect(r.proposedFiles).toEqual([{ row: 5, name: '赵六', idNumber: '110101199001011237', workUnit: '红星机械厂' }]);
    expect(businessFingerprint(core.app)).toBe(before);
  });

  it('imports a clean workbook whole, and offers a template with the expected headers', async () => {
    const base64 = await workbook(people.slice(0, 3).map((p, i) => [p.name, p.idNumber, i < 2 ? '红星机械厂' : '第二棉纺厂', '困难企业职工']));
    const r = await core.ok('campaigns.import', { id, fileName: '汇总上报.xlsx', base64 }, staff);
    expect(r).toMatchObject({ ok: true, added: 3, errors: [] });
    expect(r.campaign.count).toBe(3);
    const t = await core.ok('campaigns.importTemplate', {}, staff);
    expect(t.fileName).toContain('模板');
    // The template itself reads back as an empty list with the right headers.
    const empty = await core.ok('campaigns.import', { id, fileName: t.fileName, base64: t.base64 }, staff);
    expect(empty.errors[0]!.message).toContain('没有人员');
  });
});

describe('paying the approved list', () => {
  it('posts one balanced voucher per batch, a line per recipient against the fund, tied to the list', async () => {
    await core.ok('campaigns.build', { id, workUnit: '' }, staff); // adds the migrant worker
    await core.ok('campaigns.submit', { id }, staff);
    await core.ok('campaigns.decide', { id, decision: 'approve', comment: '' }, director);
    await core.ok('campaigns.decide', { id, decision: 'approve', comment: '' }, chair);
    expect(await core.call('campaigns.pay', { id, method: 'cash', accountId: null, workUnit: '' }, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const batch = await core.ok('campaigns.pay', { id, method: 'cash', accountId: null, workUnit: '红星机械厂' }, finance);
    expect(batch).toMatchObject({ count: 2, totalFen: 100_000, workUnit: '红星机械厂' });
    const rest = await core.ok('campaigns.pay', { id, method: 'bank', accountId: null, workUnit: '' }, finance);
    expect(rest).toMatchObject({ count: 2, totalFen: 100_000 });

    const db = core.app.db;
    for (const b of [batch, rest]) {
      const entry = db.prepare('SELECT e.id, e.kind FROM journal_entries e WHERE e.number = ?').get(b.entryNumber) as { id: number; kind: string };
      const lines = db.prepare('SELECT l.account_id, a.kind, a.code, l.fund_id, l.debit_fen, l.credit_fen FROM journal_lines l JOIN accounts a ON a.id = l.account_id WHERE entry_id = ? ORDER BY l.id').all(entry.id) as { kind: string; code: string; fund_id: number; debit_fen: number; credit_fen: number }[];
      const debits = lines.filter((l) => l.debit_fen > 0);
      expect(debits.length).toBe(b.count);
      expect(debits.every((l) => l.code === '500205' && l.fund_id === 1)).toBe(true);
      expect(lines.filter((l) => l.credit_fen > 0)).toEqual([expect.objectContaining({ kind: b.method, fund_id: 1, credit_fen: b.totalFen })]);
      expect(debits.reduce((s, l) => s + l.debit_fen, 0)).toBe(b.totalFen);
      const paid = db.prepare('SELECT sum(p.amount_fen) AS s, count(*) AS n FROM campaign_payments p JOIN campaign_batches b ON b.id = p.batch_id WHERE b.number = ?').get(b.number) as { s: number; n: number };
      expect(paid).toEqual({ s: b.totalFen, n: b.count });
    }
    const c = await core.ok('campaigns.get', { id }, finance);
    expect(c.paidFen).toBe(c.listedFen);
    expect(c.unpaidCount).toBe(0);
    expect(c.permissions.pay).toBe(false);
    expect(bookInvariants(core)).toEqual([]);
    // The batch is evidence: never changed.
    expect(() => db.prepare('UPDATE campaign_batches SET total_fen = 1').run()).toThrow(/immutable/);
  });

  it('marks a recipient not collected with a reversing entry, shows it in the summary and on the file', async () => {
    const line = (await core.ok('campaigns.lines', { id, page: 1, pageSize: 50, q: people[0]!.name }, finance)).rows[0]!;
    const c = await core.ok('campaigns.markNotCollected', { lineId: line.id, reason: '本人在外地务工，逾期未领' }, finance);
    expect(c.returnedFen).toBe(50_000);
    expect(await core.call('campaigns.markNotCollected', { lineId: line.id, reason: '再次登记' }, finance)).toMatchObject({ ok: false });
    // The batch voucher is corrected per person only: reversing it whole would refund the returned person twice.
    const batchEntry = core.app.db.prepare('SELECT entry_id FROM campaign_batches ORDER BY id LIMIT 1').get() as { entry_id: number };
    const whole = await core.call('ledger.reverse', { entryId: batchEntry.entry_id, reason: '整张冲销' }, finance);
    expect(whole).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const s = await core.ok('campaigns.summary', { id }, director);
    expect(s.total).toMatchObject({ count: 4, paidCount: 4, returnedCount: 1, returnedFen: 50_000 });
    expect(s.usedFen).toBe(150_000);
    expect(s.byUnit.find((u) => u.label === '红星机械厂')).toMatchObject({ count: 2, returnedCount: 1 });
    expect(s.byGroup.map((g) => g.label)).toEqual(['困难企业职工', '市级劳模', '困难农民工']);
    expect(bookInvariants(core)).toEqual([]);
    const grants = await core.ok('campaigns.forFile', { fileId: people[1]!.id }, staff);
    expect(grants).toEqual([expect.objectContaining({ number: c.number, amountFen: 50_000, returned: false, paidDate: '2027-01-12' })]);
    const xlsx = await core.ok('campaigns.summaryXlsx', { id }, director);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('counts a paid festival condolence for the once-a-year rule only when the setting says so', async () => {
    const advise = async () =>
      (await core.ok('relief.advise', { fileId: people[1]!.id, category: 'living', facts: {}, amountFen: 50_000, applicationId: null }, staff)).rules.filter((r) => r.id === 'yearly').map((r) => r.outcome);
    expect(await advise()).toEqual(['pass']);
    await core.ok('settings.update', { changes: { campaignFestivalCountsYearly: true }, effectiveFrom: '2027-01-12' }, core.adminToken);
    expect(await advise()).toEqual(['override']);
    // A recipient who did not collect was not helped: nothing counts.
    const returned = (await core.ok('relief.advise', { fileId: people[0]!.id, category: 'living', facts: {}, amountFen: 50_000, applicationId: null }, staff)).rules.filter((r) => r.id === 'yearly');
    expect(returned.map((r) => r.outcome)).toEqual(['pass']);
  });

  it('prints the 签领表 with names, masked IDs and the total in capitals, and the bank batch workbook', async () => {
    const sheet = await core.ok('campaigns.signSheet', { id, batchId: null }, finance);
    const text = pdftotext(pdfs.write('sign.pdf', Buffer.from(sheet.base64, 'base64'))).replace(/[ \t]+/g, ' ');
    for (const p of people) {
      expect(text).toContain(p.name);
      expect(text).toContain(maskIdNumber(p.idNumber));
      expect(text).not.toContain(p.idNumber);
    }
    expect(text).toContain('签 字');
    expect(text).toContain(fenToCapitals(100_000)); // each unit: 2 × 500
    expect(text).toContain(fenToCapitals(200_000)); // the grand total
    expect(text).toMatch(/制表：.*审核：.*负责人：/);
    expect(text).toContain('未领取退回');

    const bankBatch = (await core.ok('campaigns.get', { id }, finance)).batches.find((b) => b.method === 'bank')!;
    const bank = await core.ok('campaigns.bankFile', { batchId: bankBatch.id }, finance);
    const path = pdfs.write('bank.xlsx', Buffer.from(bank.base64, 'base64'));
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path) as never);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const header = rows[1]!.slice(1);
    expect(header).toEqual(['序号', '姓名', '身份证号', '银行卡号', '开户行', '金额（元）']);
    const last = rows[rows.length - 1]!.slice(1);
    expect(last[0]).toBe('合计');
    expect(last[5]).toBe(1000);
  });
});
