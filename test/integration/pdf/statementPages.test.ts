// The 月度收支明细表 laid out page by page (electron/pdf/documents/statementPages.ts), read back from
// the PDF with pdftotext -bbox: the header row on every page, each line once and beside its amounts,
// long memos wrapped inside their column, and the figures adding up to the printed totals.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { MonthlyStatement } from '../../../shared/contract/ledger';
import { monthlyStatementDoc } from '../../../electron/pdf/documents/monthlyStatement';
import { renderPdf } from '../../../electron/pdf/render';
import { largeMonthlyStatement, SAMPLE_FINANCE_CENTRE, SAMPLE_FINANCE_CLERK } from '../../../electron/pdf/samples';
import { formatFen } from '../../../shared/money';
import { pdfWorkspace } from '../../fixtures/pdfTools';

const { write } = pdfWorkspace('uhc-statement-pages-');

interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  text: string;
}

function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const out: Word[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    if (m[0] === '<page ') page++;
    else out.push({ page, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), text: m[4]!.replace(/&amp;/g, '&') });
  }
  return out;
}

const LONG_MEMO = '发放2026年第四季度困难职工生活救助金（大病医疗二次救助，含住院押金垫付部分）经办人核对原始单据后支付';
const LONG_ACCOUNT = '维权支出—困难职工帮扶费';

/** 1,200 lines of three funds; every 97th with a memo and an account name too long for their columns. */
function statement(): MonthlyStatement {
  const s = largeMonthlyStatement(1200, true);
  let n = 0;
  for (const f of s.funds) for (const l of f.lines) if (n++ % 97 === 0) Object.assign(l, { memo: `${LONG_MEMO} 第${n}条`, accountName: LONG_ACCOUNT });
  return s;
}

const AMOUNT = /^-?[\d,]+\.\d\d$/;
const fen = (text: string) => Math.round(Number(text.replace(/,/g, '')) * 100);

describe('月度收支明细表 laid out page by page', () => {
  it('prints the header row atop every page of lines, each line once beside its figures, and totals that add up', async () => {
    const s = statement();
    const pdf = write('statement-1200.pdf', await renderPdf(monthlyStatementDoc(s, SAMPLE_FINANCE_CENTRE, { preparedBy: SAMPLE_FINANCE_CLERK })));
    const all = words(pdf);
    const pages = Math.max(...all.map((w) => w.page));
    expect(pages).toBeGreaterThan(20);

    // the header row: once on every page that carries lines, above them
    for (let p = 1; p <= pages; p++) {
      const on = all.filter((w) => w.page === p);
      const entries = on.filter((w) => w.text.startsWith('PZ-'));
      if (entries.length === 0) continue;
      const headers = on.filter((w) => w.text === '凭证号'); // two where a fund ends and the next begins
      expect(headers.length, `page ${p}`).toBeGreaterThanOrEqual(1);
      expect(Math.min(...headers.map((w) => w.y0)), `page ${p}`).toBeLessThan(Math.min(...entries.map((w) => w.y0)));
      expect(on.some((w) => w.text === '第' && on.some((v) => v.text === `${p}`)), `page ${p} number`).toBe(true);
    }

    // walk the detail in reading order: fund headings, lines (receipt or payment by column), 本月合计
    const detailStart = all.findIndex((w) => w.text === '二、资金收支明细');
    const byFund: { receipts: number; payments: number; lines: number; printedTotals: number[] }[] = [];
    const rows = new Map<string, Word>(); // each entry number as printed
    const totalRows = all.filter((w) => w.text.startsWith('本月合计'));
    const detail = all.slice(detailStart);
    for (const w of detail) {
      if (/^（[一二三四五六七八九十]+）/.test(w.text)) byFund.push({ receipts: 0, payments: 0, lines: 0, printedTotals: [] });
      const fund = byFund.at(-1);
      if (!fund) continue;
      const onTotalRow = totalRows.some((v) => v.page === w.page && Math.abs(v.y0 - w.y0) < 0.5);
      if (w.text.startsWith('PZ-')) {
        fund.lines++;
        rows.set(w.text, w);
      } else if (AMOUNT.test(w.text) && w.x0 > 400) {
        if (onTotalRow) fund.printedTotals.push(fen(w.text));
        else if (w.x1 < 490) fund.receipts += fen(w.text);
        else fund.payments += fen(w.text);
      }
    }
    expect(byFund).toHaveLength(s.funds.length);
    s.funds.forEach((f, i) => {
      expect(byFund[i]!.lines).toBe(f.lines.length);
      expect(byFund[i]!.receipts).toBe(f.receiptsFen);
      expect(byFund[i]!.payments).toBe(f.paymentsFen);
      expect(byFund[i]!.printedTotals).toEqual([f.receiptsFen, f.paymentsFen]);
    });
    expect(rows.size).toBe(1200);

    // each line's figure stands beside its entry number; long memos wrap inside their column, under their line
    const figuresAt = new Set(detail.filter((w) => AMOUNT.test(w.text)).map((w) => `${w.page}:${w.y0.toFixed(1)}:${w.text}`));
    for (const l of s.funds.flatMap((f) => f.lines)) {
      const entry = rows.get(l.entryNumber)!;
      expect(figuresAt.has(`${entry.page}:${entry.y0.toFixed(1)}:${formatFen(l.receiptFen || l.paymentFen)}`), l.entryNumber).toBe(true);
    }
    const below = all[detailStart]!;
    const headings = detail.filter((w) => /^（[一二三四五六七八九十]+）/.test(w.text));
    const inHeading = (w: Word) => headings.some((h) => h.page === w.page && Math.abs(h.y0 - w.y0) < 3);
    const memoColumn = all.filter((w) => (w.page > below.page || w.y0 > below.y0) && w.x0 > 165 && w.x0 < 369 && w.y0 < 800 && !inHeading(w));
    expect(Math.max(...memoColumn.map((w) => w.x1))).toBeLessThanOrEqual(369);
    const squeezed = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/\s+/g, '');
    expect(squeezed).toContain(LONG_MEMO.slice(0, 20));
    expect(squeezed).toContain(LONG_MEMO.slice(-12));
    expect(squeezed).toContain('困难职工帮扶费');

    // the end: summary totals, signatures and the page count in the footer
    for (const v of Object.values(s.totals)) expect(squeezed).toContain(formatFen(v));
    for (const t of ['制表：', '审核：', '负责人：', `第${pages}页共${pages}页`]) expect(squeezed).toContain(t);
  });
});
