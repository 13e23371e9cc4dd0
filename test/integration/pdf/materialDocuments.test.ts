// The 物资 documents (物资捐赠收据, 物资领取单, 物资收发存月报表, and the statement's 物资 section) through
// the real renderer, read back with poppler.
import { describe, expect, it } from 'vitest';
import { materialDonationReceiptDoc } from '../../../electron/pdf/documents/materialDonationReceipt';
import { materialIssueSlipDoc } from '../../../electron/pdf/documents/materialIssueSlip';
import { monthlyStatementDoc } from '../../../electron/pdf/documents/monthlyStatement';
import { stockLedgerDoc } from '../../../electron/pdf/documents/stockLedger';
import { renderPdf } from '../../../electron/pdf/render';
import {
  PRINTED_DOCUMENTS,
  SAMPLE_DONOR_STORE,
  SAMPLE_FINANCE_CENTRE,
  SAMPLE_FINANCE_CLERK,
  SAMPLE_MATERIAL_DONOR,
  SAMPLE_MATERIALS_HANDLER,
  sampleIssueRecipient,
  sampleMaterialDonation,
  sampleMaterialIssue,
  sampleMonthlyStatement,
  sampleStockLedger,
  sampleWorkerFile,
} from '../../../electron/pdf/samples';
import type { Movement } from '../../../shared/contract/materials';
import { formatFen } from '../../../shared/money';
import { pageCount, pdfinfo, pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';

const { write } = pdfWorkspace('uhc-material-pdf-');
/** Text without the spaces -layout puts between spaced-out characters and table columns. */
const squeezed = (file: string) => pdftotext(file).replace(/[ \t]+/g, '');
const A5_LANDSCAPE = /Page size:\s+595\.\d+ x 419\.\d+ pts/;
const receiptOpts = { handler: SAMPLE_FINANCE_CLERK, reprint: false, receiptNumber: 'WZSJ-2026-000006', printCount: 1, void: false };

/** `n` lines like the sample's first one, each a different item. */
function manyLines(first: Movement, n: number): Movement[] {
  return Array.from({ length: n }, (_, i) => ({ ...first, id: 900 + i, itemName: `${first.itemName}${i + 1}` }));
}

describe('物资捐赠收据 PDF', () => {
  it('renders the number, donor, goods, estimated total in figures and capitals and the 代管 place on one small A5 landscape page', async () => {
    const bytes = await renderPdf(materialDonationReceiptDoc(sampleMaterialDonation(), SAMPLE_MATERIAL_DONOR, SAMPLE_DONOR_STORE, SAMPLE_FINANCE_CENTRE, receiptOpts));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(200 * 1024);
    const pdf = write('material-donation-receipt.pdf', bytes);
    const text = squeezed(pdf);
    for (const s of ['物资捐赠收据', 'WZSJ-2026-000006', '2026年11月12日', 'WZRK-2026-000012', '示例市宏达建材有限公司', '大米（5kg/袋）', '食用油（5L/桶）', '¥50.00', '¥5,000.00', '¥1,600.00', '¥6,600.00', '人民币（大写）陆仟陆佰元整', '由捐赠方代管：示例市开平区工业路16号宏达建材公司3号库', '周丽华', '接收单位（盖章）', '经办人：', '保管员：']) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/大米（5kg\/袋）100袋/);
    expect(text).not.toContain('补打');
    expect(text).not.toContain('作废');
    expect(pageCount(pdf)).toBe(1);
    expect(pdfinfo(pdf)).toMatch(A5_LANDSCAPE);
    expect(pdfinfo(pdf)).toMatch(/Title:\s+物资捐赠收据 WZSJ-2026-000006/);
  });

  it('keeps five items, the 补打 and 作废 marks on one page', async () => {
    const d = sampleMaterialDonation();
    const doc = materialDonationReceiptDoc({ ...d, movements: manyLines(d.movements[0]!, 5) }, SAMPLE_MATERIAL_DONOR, SAMPLE_DONOR_STORE, SAMPLE_FINANCE_CENTRE, { ...receiptOpts, reprint: true, printCount: 2, void: true });
    const pdf = write('void.pdf', await renderPdf(doc));
    const text = squeezed(pdf);
    expect(text).toContain('补打（第2次打印）');
    expect(text).toContain('作废');
    expect(text).toContain('大米（5kg/袋）5');
    expect(text).toContain('¥25,000.00');
    expect(pageCount(pdf)).toBe(1);
  });
});

describe('物资领取单 PDF', () => {
  it('renders the recipient with the masked ID, the application, the goods and the signature boxes on one small page', async () => {
    const bytes = await renderPdf(materialIssueSlipDoc(sampleMaterialIssue(), sampleIssueRecipient(), SAMPLE_FINANCE_CENTRE, { handler: SAMPLE_MATERIALS_HANDLER, reprint: false, printCount: 1 }));
    expect(bytes.length).toBeLessThan(200 * 1024);
    const pdf = write('material-issue-slip.pdf', bytes);
    const text = squeezed(pdf);
    for (const s of ['物资领取单', 'WZFF-2026-000031', '2026年11月16日', '李秀英', '110105********002X', '示例市第二纺织厂', 'JZ-2026-000091', '中心仓库', '大米（5kg/袋）', '棉被（200×230cm）', '¥330.00', '人民币（大写）叁佰叁拾元整', '领取人签字（按手印）', '经办人', '（刘建华）', '保管员']) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/大米（5kg\/袋）2袋¥100\.00/);
    expect(text).not.toContain(sampleWorkerFile().idNumber);
    expect(text).not.toContain('补打');
    expect(pageCount(pdf)).toBe(1);
    expect(pdfinfo(pdf)).toMatch(A5_LANDSCAPE);
  });

  it('keeps five items and the 补打 mark on one page', async () => {
    const d = sampleMaterialIssue();
    const pdf = write('slip-5.pdf', await renderPdf(materialIssueSlipDoc({ ...d, movements: manyLines(d.movements[0]!, 5) }, sampleIssueRecipient(), SAMPLE_FINANCE_CENTRE, { handler: SAMPLE_MATERIALS_HANDLER, reprint: true, printCount: 2 })));
    const text = squeezed(pdf);
    expect(text).toContain('补打（第2次打印）');
    expect(text).toContain('¥500.00');
    expect(text).toContain('领取人签字（按手印）');
    expect(pageCount(pdf)).toBe(1);
  });
});

describe('物资收发存月报表 PDF', () => {
  it('renders every item and location with its four figures, the totals and the signatures on A4 landscape', async () => {
    const l = sampleStockLedger();
    const bytes = await renderPdf(stockLedgerDoc(l, SAMPLE_FINANCE_CENTRE, { preparedBy: SAMPLE_FINANCE_CLERK }));
    const pdf = write('stock-ledger.pdf', bytes);
    const text = squeezed(pdf);
    for (const s of ['物资收发存月报表', '2026年11月', '期初结存', '本月收入', '本月发出', '期末结存', '合计', '制表：', '审核：', '负责人：', '周丽华']) expect(text).toContain(s);
    expect(text).toContain('大米（5kg/袋）袋宏达建材公司代管仓库00.001005,000.002100.00984,900.00');
    for (const r of l.rows) {
      expect(text).toContain(r.itemName);
      expect(text).toContain(formatFen(r.closingFen));
    }
    expect(text).toContain('13,625.009,600.007,135.0016,090.00');
    expect(pageCount(pdf)).toBe(1);
    expect(pdfinfo(pdf)).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
  });

  it('repeats the two header rows on every page of a long ledger', async () => {
    const l = sampleStockLedger();
    const rows = Array.from({ length: 120 }, (_, i) => ({ ...l.rows[i % l.rows.length]!, itemId: i, itemName: `物资${i + 1}` }));
    const pdf = write('stock-ledger-long.pdf', await renderPdf(stockLedgerDoc({ ...l, rows }, SAMPLE_FINANCE_CENTRE, { preparedBy: SAMPLE_FINANCE_CLERK })));
    const n = pageCount(pdf);
    expect(n).toBeGreaterThan(1);
    const pages = pdftotext(pdf).split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(n);
    for (const p of pages) expect(p.replace(/\s+/g, '')).toContain('期初结存本月收入本月发出期末结存');
    expect(squeezed(pdf)).toContain('物资120');
  });
});

describe('月度收支明细表 PDF with materials', () => {
  it('prints the 物资收发存 section after the money part, and none without stock rows', async () => {
    const s = sampleMonthlyStatement();
    const pdf = write('statement.pdf', await renderPdf(monthlyStatementDoc(s, SAMPLE_FINANCE_CENTRE, { preparedBy: SAMPLE_FINANCE_CLERK })));
    const text = squeezed(pdf);
    expect(text).toContain('三、物资收发存');
    expect(text.indexOf('三、物资收发存')).toBeGreaterThan(text.indexOf('PZ-2026-000320'));
    // portrait: the location name wraps under its row's figures
    expect(text).toMatch(/大米（5kg\/袋）袋宏达建材\S*00\.001005,000\.002100\.00984,900\.00/);
    expect(text).toContain('13,625.009,600.007,135.0016,090.00');
    const none = write('statement-no-materials.pdf', await renderPdf(monthlyStatementDoc({ ...s, materials: [] }, SAMPLE_FINANCE_CENTRE, { preparedBy: SAMPLE_FINANCE_CLERK })));
    expect(squeezed(none)).not.toContain('物资');
  });
});

describe('sample registry', () => {
  it('has the three 物资 samples', () => {
    const byFile = new Map(PRINTED_DOCUMENTS.map((d) => [d.file, d.title]));
    expect(byFile.get('material-donation-receipt.pdf')).toBe('物资捐赠收据');
    expect(byFile.get('material-issue-slip.pdf')).toBe('物资领取单');
    expect(byFile.get('stock-ledger.pdf')).toBe('物资收发存月报表');
  });
});
