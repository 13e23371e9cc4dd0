// The 账务 documents (捐赠收据, 救助金领取凭证, 月度收支明细表) through the real renderer, read back with poppler.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { donationReceiptDoc } from '../../../electron/pdf/documents/donationReceipt';
import { monthlyStatementDoc } from '../../../electron/pdf/documents/monthlyStatement';
import { reliefPaymentReceiptDoc } from '../../../electron/pdf/documents/reliefPaymentReceipt';
import { renderPdf } from '../../../electron/pdf/render';
import {
  PRINTED_DOCUMENTS,
  SAMPLE_FINANCE_CENTRE,
  SAMPLE_FINANCE_CLERK,
  largeMonthlyStatement,
  sampleDonation,
  sampleDonationReceipt,
  sampleMonthlyStatement,
  sampleReliefPayment,
} from '../../../electron/pdf/samples';
import { formatFen } from '../../../shared/money';
import { pageCount, pdfWorkspace, pdfinfo, pdftotext } from '../../fixtures/pdfTools';

const { write } = pdfWorkspace('uhc-ledger-pdf-');
/** Text without the spaces -layout puts between spaced-out title characters and table columns. */
const squeezed = (file: string) => pdftotext(file).replace(/[ \t]+/g, '');
const opts = { handler: SAMPLE_FINANCE_CLERK, reprint: false };
const A5_LANDSCAPE = /Page size:\s+595\.\d+ x 419\.\d+ pts/;

describe('捐赠收据 PDF', () => {
  it('renders the number, donor, amount in figures and capitals, and the seal box on one small A5 landscape page', async () => {
    const bytes = await renderPdf(donationReceiptDoc(sampleDonation(), sampleDonationReceipt(), SAMPLE_FINANCE_CENTRE, opts));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(200 * 1024);
    const pdf = write('donation-receipt.pdf', bytes);
    const text = squeezed(pdf);
    for (const s of ['示例市总工会困难职工帮扶中心', '捐赠收据', 'JZSJ-2026-000018', '2026年11月3日', '示例市宏达建材有限公司', '¥5,000.00', '人民币（大写）伍仟元整', '用于困难职工大病医疗救助', '社会捐赠资金', '银行转账', '周丽华', '收款单位（盖章）', '收款人：', '经办人：']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('补打');
    expect(text).not.toContain('作废');
    expect(pageCount(pdf)).toBe(1);
    const info = pdfinfo(pdf);
    expect(info).toMatch(A5_LANDSCAPE);
    expect(info).toMatch(/Title:\s+捐赠收据 JZSJ-2026-000018/);
  });

  it('prints awkward amounts in capitals', async () => {
    const pdf = write('odd.pdf', await renderPdf(donationReceiptDoc(sampleDonation(1_001_000), sampleDonationReceipt(), SAMPLE_FINANCE_CENTRE, opts)));
    const text = squeezed(pdf);
    expect(text).toContain('人民币（大写）壹万零壹拾元整');
    expect(text).toContain('¥10,010.00');
  });

  it('shows 补打 on a reprint and 作废 on a void receipt, still on one page', async () => {
    const receipt = { ...sampleDonationReceipt(), printCount: 3, status: 'void' as const, voidReason: '捐赠人名称写错' };
    const pdf = write('void.pdf', await renderPdf(donationReceiptDoc(sampleDonation(), receipt, SAMPLE_FINANCE_CENTRE, { ...opts, reprint: true })));
    const text = squeezed(pdf);
    expect(text).toContain('补打（第3次打印）');
    expect(text).toContain('作废');
    expect(text).toContain('捐赠人名称写错');
    expect(pageCount(pdf)).toBe(1);
  });
});

describe('救助金领取凭证 PDF', () => {
  it('renders the recipient with the masked ID and card, the amount in capitals and the signature boxes', async () => {
    const bytes = await renderPdf(reliefPaymentReceiptDoc(sampleReliefPayment(), SAMPLE_FINANCE_CENTRE, opts));
    expect(bytes.length).toBeLessThan(200 * 1024);
    const pdf = write('relief-payment-receipt.pdf', bytes);
    const raw = pdftotext(pdf);
    const text = squeezed(pdf);
    for (const s of ['救助金领取凭证', 'LQPZ-2026-000042', '2026年11月9日', '李秀英', '110105********002X', '示例市第二纺织厂', '大病医疗救助', 'JZ-2026-000091', '¥5,000.00', '人民币（大写）伍仟元整', '中国工商银行示例市建设街支行', '领款人签字（按手印）', '经办人', '审核', '负责人']) {
      expect(text).toContain(s);
    }
    expect(raw).toContain('*** **** **** **** 0123');
    expect(text).not.toContain('11010519780615002X');
    expect(text).not.toContain('6222021234567890123');
    expect(pageCount(pdf)).toBe(1);
    expect(pdfinfo(pdf)).toMatch(A5_LANDSCAPE);
  });

  it('prints 补打 on a reprint', async () => {
    const p = sampleReliefPayment();
    const pdf = write('reprint.pdf', await renderPdf(reliefPaymentReceiptDoc({ ...p, receipt: { ...p.receipt, printCount: 2 } }, SAMPLE_FINANCE_CENTRE, { ...opts, reprint: true })));
    expect(squeezed(pdf)).toContain('补打（第2次打印）');
  });
});

describe('月度收支明细表 PDF', () => {
  it('renders the sample: summary, every fund, the totals, the lines and the signatures', async () => {
    const s = sampleMonthlyStatement();
    const bytes = await renderPdf(monthlyStatementDoc(s, SAMPLE_FINANCE_CENTRE, { preparedBy: SAMPLE_FINANCE_CLERK }));
    expect(bytes.length).toBeLessThan(300 * 1024);
    const pdf = write('monthly-statement.pdf', bytes);
    const text = squeezed(pdf);
    for (const s2 of ['月度收支明细表', '2026年11月', '资金来源', '期初余额', '本月收入', '本月支出', '期末余额', '合计', '凭证号', '摘要', '科目', '制表：', '审核：', '负责人：', '周丽华']) {
      expect(text).toContain(s2);
    }
    for (const f of s.funds) {
      expect(text).toContain(f.fundName);
      for (const fen of [f.openingFen, f.receiptsFen, f.paymentsFen, f.closingFen]) expect(text).toContain(formatFen(fen));
      for (const l of f.lines) expect(text).toContain(l.entryNumber);
    }
    for (const fen of Object.values(s.totals)) expect(text).toContain(formatFen(fen));
    expect(text).not.toContain('未结账');
    expect(pdfinfo(pdf)).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('renders 2,000 lines over several pages with the table header repeated', async () => {
    const s = largeMonthlyStatement(2000);
    const started = performance.now();
    const bytes = await renderPdf(monthlyStatementDoc(s, SAMPLE_FINANCE_CENTRE, { preparedBy: SAMPLE_FINANCE_CLERK }));
    console.log(`月度收支明细表 2,000 行：${Math.round(performance.now() - started)} ms, ${(bytes.length / 1024).toFixed(0)} KB`);
    const pdf = write('statement-2000.pdf', bytes);
    const n = pageCount(pdf);
    expect(n).toBeGreaterThan(1);
    const text = squeezed(pdf);
    expect(text).toContain('未结账');
    expect(text).toContain('PZ-2026-002000');
    expect(text).toContain(`第${n}页共${n}页`);
    // the header row is printed on every page that carries detail lines
    const lastPage = execFileSync('pdftotext', ['-f', String(n - 1), '-l', String(n - 1), '-layout', pdf, '-'], { encoding: 'utf8' });
    expect(lastPage.replace(/[ \t]+/g, '')).toContain('日期凭证号摘要科目收入支出');
    expect(text).toContain(formatFen(s.totals.closingFen));
  });
});

describe('sample registry', () => {
  it('has the three 账务 samples', () => {
    const byFile = new Map(PRINTED_DOCUMENTS.map((d) => [d.file, d.title]));
    expect(byFile.get('donation-receipt.pdf')).toBe('捐赠收据');
    expect(byFile.get('relief-payment-receipt.pdf')).toBe('救助金领取凭证');
    expect(byFile.get('monthly-statement.pdf')).toBe('月度收支明细表');
  });
});
