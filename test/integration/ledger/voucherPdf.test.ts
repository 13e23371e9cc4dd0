// 记账凭证 on paper: each kind of finance entry and the general voucher print with their lines, the
// total in figures and capitals and the 制单 / 审核 / 记账 lines; a voucher not in the books says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voucherDoc } from '../../../electron/pdf/documents/voucher';
import { renderPdf } from '../../../electron/pdf/render';
import { PRINTED_DOCUMENTS, SAMPLE_FINANCE_CENTRE, sampleVoucher } from '../../../electron/pdf/samples';
import { makeCore, type TestCore } from '../../fixtures/core';
import { pageCount, pdfinfo, pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';
import { shanghai } from '../../fixtures/petitions';

const { write } = pdfWorkspace('uhc-voucher-pdf-');
/** Text without the spaces -layout puts between table columns and spaced-out labels. */
const textOf = (name: string, pdf: { base64: string } | Buffer) => pdftotext(write(name, Buffer.isBuffer(pdf) ? pdf : Buffer.from(pdf.base64, 'base64'))).replace(/[ \t]+/g, '');

let core: TestCore;
let finance: string;
let director: string;
const code = (c: string) => (core.app.db.prepare('SELECT id FROM accounts WHERE code = ?').get(c) as { id: number }).id;

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-20') });
  finance = await core.tokenFor(['finance']);
  director = await core.tokenFor(['director']);
});
afterAll(() => core.close());

describe('记账凭证 PDF', () => {
  it('prints a recorded income with its number, accounts, fund, capitals and signature lines', async () => {
    const e = await core.ok('vouchers.income', { date: '2026-11-18', accountId: code('400304'), fundId: 1, method: 'bank', amountFen: 3_000_050, memo: '市总工会拨付冬季送温暖帮扶补助' }, finance);
    const text = textOf('income.pdf', await core.ok('vouchers.printEntry', { entryId: e.id }, director));
    for (const s of ['记账凭证', '类别：其他收入', '2026年11月18日', e.number, '1002银行存款', '400304上级补助收入—帮扶', '工会经费', '市总工会拨付冬季送温暖帮扶补助', '30,000.50', '人民币（大写）叁万元伍角整', '制单：', '测试finance', '审核：', '记账：']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('待审核');
  });

  it('prints a transfer with both legs', async () => {
    const t = await core.ok('vouchers.transfer', { date: '2026-11-19', fundId: 1, direction: 'withdraw', amountFen: 200_000 }, finance);
    const text = textOf('transfer.pdf', await core.ok('vouchers.printEntry', { entryId: t.id }, finance));
    for (const s of ['类别：提现存现', '从银行提取现金', '1001库存现金', '1002银行存款', '2,000.00', '人民币（大写）贰仟元整']) expect(text).toContain(s);
  });

  it('marks a draft as not in the books, then prints the posted voucher with drafter and reviewer', async () => {
    const v = await core.ok(
      'vouchers.draft',
      {
        date: '2026-11-19',
        memo: '支付帮扶热线电话费',
        attachments: 2,
        lines: [
          { accountId: code('500802'), fundId: 1, summary: '10月帮扶热线电话费', debitFen: 12_345, creditFen: 0 },
          { accountId: code('1002'), fundId: 1, summary: '', debitFen: 0, creditFen: 12_345 },
        ],
      },
      finance,
    );
    const draft = textOf('draft.pdf', await core.ok('vouchers.print', { id: v.id }, director));
    for (const s of [v.number, '【待审核】', '尚未经中心主任审核，未记账，不得作为记账依据', '附单据2张', '10月帮扶热线电话费', '500802其他支出—其他', '人民币（大写）壹佰贰拾叁元肆角伍分']) expect(draft).toContain(s);

    const posted = await core.ok('vouchers.approve', { id: v.id }, director);
    const file = await core.ok('vouchers.printEntry', { entryId: posted.entryId! }, finance);
    const text = textOf('posted.pdf', file);
    for (const s of [posted.entryNumber!, '制单：测试finance', '审核：测试director', '记账：测试director', '123.45']) expect(text).toContain(s);
    // The empty line summary falls back to the voucher's own.
    expect(text).toContain('支付帮扶热线电话费');
    expect(text).not.toContain('待审核');
    expect(text).not.toContain(v.number);
    expect(file.fileName).toBe(`记账凭证-${posted.entryNumber}.pdf`);
  });

  it('prints a rejected voucher with the reason, never as if in the books', async () => {
    const v = await core.ok(
      'vouchers.draft',
      { date: '2026-11-19', memo: '购买办公用品', lines: [{ accountId: code('500802'), fundId: 1, debitFen: 5_000, creditFen: 0 }, { accountId: code('1001'), fundId: 1, debitFen: 0, creditFen: 5_000 }] },
      finance,
    );
    await core.ok('vouchers.reject', { id: v.id, comment: '缺少发票' }, director);
    const text = textOf('rejected.pdf', await core.ok('vouchers.print', { id: v.id }, finance));
    expect(text).toContain('【已退回】');
    expect(text).toContain('由测试director退回，未记账。原因：缺少发票');
    expect(text).not.toContain('PZ-2026');
  });

  it('the sample is in the registry and fits one A5 landscape page', async () => {
    expect(PRINTED_DOCUMENTS.find((d) => d.file === 'voucher.pdf')?.title).toBe('记账凭证');
    const file = write('sample.pdf', await renderPdf(voucherDoc(sampleVoucher(), SAMPLE_FINANCE_CENTRE)));
    const text = pdftotext(file).replace(/[ \t]+/g, '');
    expect(text).toContain('人民币（大写）柒佰叁拾元肆角整');
    expect(text).toContain('730.40');
    expect(pageCount(file)).toBe(1);
    expect(pdfinfo(file)).toMatch(/Page size:\s+595\.\d+ x 419\.\d+ pts/);
  });
});
