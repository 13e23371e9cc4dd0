// 月度收支明细表 — the monthly statement of money received and paid per fund (DOMAIN §5: "per fund,
// opening balance, receipts, payments, closing balance; signature lines 制表 / 审核 / 负责人"; due by
// the 5th of the next month). A4 portrait: the summary per fund with its 合计 row, then each fund's
// lines in a table whose header repeats on every page. The figures are printed exactly as the books
// give them; the document only adds up the given integers to flag a statement that does not agree
// with itself. When the month has stock ledger rows, a third section 物资收发存 follows with the same
// table as the 物资收发存月报表 (stockLedger.ts). Pure: data in, definition out.
import type { Column, Content, ContentTable, Node, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { MonthlyStatement, StatementFund } from '../../../shared/contract/ledger';
import { formatFen } from '../../../shared/money';
import { chineseDate, FORM_LAYOUT, headerBlock, labelCell, printedAtText, sectionTitle, writeLine } from '../common';
import { stockLedgerBlock } from './stockLedger';

export interface MonthlyStatementCentre {
  centreName: string;
  unionName: string;
  centrePhone: string;
  centreAddress: string;
  printedAt: Date;
}

export interface MonthlyStatementOptions {
  /** Who prepared the statement (制表), printed on its signature line. */
  preparedBy: string;
  /** The audit log's anchor when printed (row count, last hash): a paper copy the database file cannot change. */
  auditAnchor?: { rowCount: number; lastHash: string };
}

const TITLE = '月度收支明细表';
const WARN = '#b00000';
/** Fund headings carry this headline level, so they are never left alone at the foot of a page. */
const FUND_HEADLINE = 2;
const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 12 → 十二, 25 → 二十五 (headings never go past 99). */
function chineseNumeral(n: number): string {
  if (n < 10) return NUMERALS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens >= 10) return String(n);
  return `${tens === 1 ? '' : NUMERALS[tens]}十${NUMERALS[ones] ?? ''}`;
}

/** '2026-11' → { label: '2026年11月', first: '2026年11月1日', last: '2026年11月30日' } */
function monthTexts(month: string): { label: string; period: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return { label: month, period: month };
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { label: `${y}年${mo}月`, period: `${y}年${mo}月1日至${y}年${mo}月${lastDay}日` };
}

/** '2026-11-03' → '11月3日' (the year is in the title). */
function dayText(date: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})/.exec(date);
  return m ? `${Number(m[1])}月${Number(m[2])}日` : date;
}

const amount = (fen: number, extra: Record<string, unknown> = {}): TableCell => ({ text: formatFen(fen), alignment: 'right', noWrap: true, ...extra }) as TableCell;
/** Ledgers leave a zero column blank. */
const amountOrBlank = (fen: number): TableCell => (fen === 0 ? { text: '' } : amount(fen));

function summaryTable(s: MonthlyStatement): ContentTable {
  const header: TableCell[] = ['资金来源', '期初余额', '本月收入', '本月支出', '期末余额'].map((t) => labelCell(t, { bold: true }));
  const rows: TableCell[][] = s.funds.map((f) => [
    { text: f.fundName },
    amount(f.openingFen),
    amount(f.receiptsFen),
    amount(f.paymentsFen),
    amount(f.closingFen),
  ]);
  const t = s.totals;
  const total: TableCell[] = [
    labelCell('合　计', { bold: true }),
    amount(t.openingFen, { bold: true }),
    amount(t.receiptsFen, { bold: true }),
    amount(t.paymentsFen, { bold: true }),
    amount(t.closingFen, { bold: true }),
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: ['*', 76, 76, 76, 76], body: [header, ...rows, total] },
    layout: FORM_LAYOUT,
    fontSize: 9.5,
  };
}

/** Where the given figures do not agree with themselves: adding up the given integers, nothing else. */
function fundProblems(f: StatementFund): string[] {
  const out: string[] = [];
  let receipts = 0;
  let payments = 0;
  for (const l of f.lines) {
    receipts += l.receiptFen;
    payments += l.paymentFen;
  }
  if (receipts !== f.receiptsFen || payments !== f.paymentsFen) {
    out.push(`明细合计（收入 ${formatFen(receipts)}，支出 ${formatFen(payments)}）与本月收支数不一致`);
  }
  if (f.openingFen + f.receiptsFen - f.paymentsFen !== f.closingFen) out.push('期初余额＋本月收入－本月支出不等于期末余额');
  return out;
}

function totalsProblems(s: MonthlyStatement): string[] {
  const sum = { openingFen: 0, receiptsFen: 0, paymentsFen: 0, closingFen: 0 };
  for (const f of s.funds) {
    sum.openingFen += f.openingFen;
    sum.receiptsFen += f.receiptsFen;
    sum.paymentsFen += f.paymentsFen;
    sum.closingFen += f.closingFen;
  }
  const t = s.totals;
  const agree = sum.openingFen === t.openingFen && sum.receiptsFen === t.receiptsFen && sum.paymentsFen === t.paymentsFen && sum.closingFen === t.closingFen;
  return agree ? [] : ['各资金来源之和与合计行不一致'];
}

function warning(problems: string[]): Content[] {
  return problems.length === 0 ? [] : [{ text: `注意：${problems.join('；')}，请核对账簿。`, color: WARN, bold: true, fontSize: 9, margin: [0, 2, 0, 0] }];
}

function fundDetail(f: StatementFund, index: number): Content[] {
  const header: TableCell[] = ['日期', '凭证号', '摘要', '科目', '收入', '支出'].map((t) => labelCell(t, { bold: true }));
  const rows: TableCell[][] = f.lines.map((l) => [
    { text: dayText(l.date), alignment: 'center', noWrap: true },
    { text: l.entryNumber, noWrap: true },
    { text: l.memo },
    { text: l.accountName },
    amountOrBlank(l.receiptFen),
    amountOrBlank(l.paymentFen),
  ]);
  if (rows.length === 0) rows.push([{ text: '本月无收支', colSpan: 6, alignment: 'center', color: '#555555' }, { text: '' }, { text: '' }, { text: '' }, { text: '' }, { text: '' }]);
  const total: TableCell[] = [
    labelCell('本月合计', { colSpan: 4, bold: true }),
    { text: '' },
    { text: '' },
    { text: '' },
    amount(f.receiptsFen, { bold: true }),
    amount(f.paymentsFen, { bold: true }),
  ];
  const title = {
    ...(sectionTitle(`（${chineseNumeral(index + 1)}）${f.fundName}`, `期初余额 ${formatFen(f.openingFen)}　期末余额 ${formatFen(f.closingFen)}`) as object),
    headlineLevel: FUND_HEADLINE,
  } as Content;
  return [
    title,
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [38, 72, '*', 44, 58, 58], body: [header, ...rows, total] },
      layout: FORM_LAYOUT,
      fontSize: 8,
      lineHeight: 1.0,
    },
    ...warning(fundProblems(f)),
  ];
}

function signatureLine(label: string, name: string): Column {
  return {
    width: '*',
    columns: [
      { text: `${label}：`, width: 'auto' },
      { width: 100, stack: [{ text: name === '' ? ' ' : name, alignment: 'center' }, { ...writeLine(100), margin: [0, -13, 0, 0] }] },
    ],
    columnGap: 2,
  };
}

/**
 * A fund heading that lands in the last tenth of a page moves to the next page with its table.
 * The one function in the definition: pdfmake has no keep-with-next.
 */
function keepHeadingWithTable(node: Node): boolean {
  return node.headlineLevel === FUND_HEADLINE && node.startPosition.verticalRatio > 0.9;
}

export function monthlyStatementDoc(s: MonthlyStatement, centre: MonthlyStatementCentre, opts: MonthlyStatementOptions): TDocumentDefinitions {
  const { label, period } = monthTexts(s.month);

  const content: Content[] = [
    headerBlock({ centreName: centre.centreName, title: TITLE }),
    { text: `${label}（${period}）`, alignment: 'center', fontSize: 11, bold: true, margin: [0, -2, 0, 6] },
    {
      columns: [
        { width: '*', text: `编制单位：${centre.centreName}` },
        { width: 'auto', text: '金额单位：元', alignment: 'right' },
      ],
      fontSize: 9.5,
    },
  ];
  if (!s.closed) {
    content.push({
      text: '本月尚未结账（未结账），表中数字可能变动，仅供核对，不作正式报表。',
      color: WARN,
      bold: true,
      alignment: 'center',
      margin: [0, 4, 0, 0],
    });
  }
  content.push(sectionTitle('一、资金收支汇总'), summaryTable(s), ...warning(totalsProblems(s)));
  content.push(sectionTitle('二、资金收支明细', s.funds.length === 0 ? '本月无资金来源' : undefined));
  s.funds.forEach((f, i) => content.push(...fundDetail(f, i)));
  if (s.materials.length > 0) {
    // 物资收发存 (DOMAIN §5: per material, opening stock, in, out, closing), the month's stock ledger
    content.push({ ...(sectionTitle('三、物资收发存', '数量按各物资计量单位，金额为估价（元）') as object), headlineLevel: FUND_HEADLINE } as Content, ...stockLedgerBlock(s.materials));
  }
  content.push({
    stack: [
      {
        columns: [signatureLine('制表', opts.preparedBy.trim()), signatureLine('审核', ''), signatureLine('负责人', '')],
        columnGap: 16,
      },
      { text: `编制日期：${chineseDate(centre.printedAt)}`, alignment: 'right', margin: [0, 8, 0, 0] },
      ...(opts.auditAnchor
        ? [
            {
              text: `审计日志锚点：共 ${opts.auditAnchor.rowCount} 条，末条哈希 ${opts.auditAnchor.lastHash.slice(0, 16)}（供核对审计日志完整性）`,
              fontSize: 7.5,
              color: '#555555',
              alignment: 'right',
              margin: [0, 4, 0, 0],
            } as Content,
          ]
        : []),
    ],
    margin: [0, 12, 0, 0],
    unbreakable: true,
  });

  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [40, 30, 40, 40],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.05 },
    info: { title: `${TITLE} ${label}`, subject: TITLE, author: centre.centreName },
    ...(s.closed ? {} : { watermark: { text: '未结账', color: WARN, opacity: 0.1, bold: true, fontSize: 110 } }),
    pageBreakBefore: keepHeadingWithTable,
    content,
    footer: { text: `${centre.centreName}　${label}${TITLE}　打印时间：${printedAtText(centre.printedAt)}` },
  };
}
