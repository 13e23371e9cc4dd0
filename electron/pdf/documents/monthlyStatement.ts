// 月度收支明细表 — the monthly statement of money received and paid per fund (DOMAIN §5: "per fund,
// opening balance, receipts, payments, closing balance; signature lines 制表 / 审核 / 负责人"; due by
// the 5th of the next month). A4 portrait: the summary per fund with its 合计 row, then each fund's
// lines in a table whose header repeats on every page (laid out page by page in statementPages.ts,
// so a 20,000-line month prints in seconds). The figures are printed exactly as the books
// give them; the document only adds up the given integers to flag a statement that does not agree
// with itself. When the month has stock ledger rows, a third section 物资收发存 follows with the same
// table as the 物资收发存月报表 (stockLedger.ts). Pure: data in, definition out.
import type { Column, Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { MonthlyStatement, StatementFund } from '../../../shared/contract/ledger';
import { formatFen } from '../../../shared/money';
import { chineseDate, FORM_LAYOUT, headerBlock, labelCell, printedAtText, sectionTitle, writeLine } from '../common';
import { textWidth } from '../fontLayout';
import { advance, breakUnlessFits, fundDetailPages, lineHeightOf, linesAcrossPage, newPageCursor, PAGE_WIDTH, STATEMENT_LINE_HEIGHT, STATEMENT_MARGINS, wrapToWidth, type PageCursor } from './statementPages';
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
const BODY_FONT_SIZE = 9.5;
/** The summary's first column: the page width less four 76 pt amount columns, paddings and rules (pdfmake's '*'). */
const SUMMARY_NAME_WIDTH = PAGE_WIDTH - 4 * 76 - 5 * 8 - (2 * 1 + 4 * 0.5);
/** A section heading (common.ts sectionTitle): 10.5 pt bold with margins 5 above and 2 below. */
const SECTION_TITLE_SIZE = 10.5;
/** Room the 物资收发存 heading needs below it for its table's two header rows and first row. */
const MATERIALS_MINIMUM = 72;
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

const amount = (fen: number, extra: Record<string, unknown> = {}): TableCell => ({ text: formatFen(fen), alignment: 'right', noWrap: true, ...extra }) as TableCell;

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
    fontSize: BODY_FONT_SIZE,
  };
}

/** The summary table's height: rows of padding 2 + 2 between 0.5 rules in a 1 pt frame; a long fund name wraps. */
function summaryTableHeight(s: MonthlyStatement): number {
  const line = lineHeightOf(BODY_FONT_SIZE);
  const nameLines = s.funds.map((f) => wrapToWidth(f.fundName, BODY_FONT_SIZE, SUMMARY_NAME_WIDTH).length);
  const rows = [1, ...nameLines, 1];
  return 2 * 1 + rows.reduce((h, n) => h + 4 + n * line, 0) + (rows.length - 1) * 0.5;
}

/** Height of a sectionTitle whose heading and note (9 pt) are these. */
function sectionTitleHeight(title: string, note = ''): number {
  const width = textWidth(title, SECTION_TITLE_SIZE, true) + (note === '' ? 0 : textWidth(`　${note}`, 9));
  return 5 + linesAcrossPage(width) * lineHeightOf(SECTION_TITLE_SIZE) + 2;
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

function warningText(problems: string[]): string {
  return `注意：${problems.join('；')}，请核对账簿。`;
}

function warning(problems: string[]): Content[] {
  return problems.length === 0 ? [] : [{ text: warningText(problems), color: WARN, bold: true, fontSize: 9, margin: [0, 2, 0, 0] }];
}

function warningHeight(problems: string[]): number {
  return problems.length === 0 ? 0 : 2 + linesAcrossPage(textWidth(warningText(problems), 9, true)) * lineHeightOf(9);
}

function fundDetail(f: StatementFund, index: number, cursor: PageCursor): Content[] {
  const title = `（${chineseNumeral(index + 1)}）${f.fundName}`;
  const note = `期初余额 ${formatFen(f.openingFen)}　期末余额 ${formatFen(f.closingFen)}`;
  const problems = fundProblems(f);
  const pages = fundDetailPages(f, sectionTitle(title, note), sectionTitleHeight(title, note), cursor);
  advance(cursor, warningHeight(problems));
  return [...pages, ...warning(problems)];
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

export function monthlyStatementDoc(s: MonthlyStatement, centre: MonthlyStatementCentre, opts: MonthlyStatementOptions): TDocumentDefinitions {
  const { label, period } = monthTexts(s.month);

  // Every block down to the fund details, with its height: the details are laid out from where they start.
  const cursor = newPageCursor();
  const line = (size: number): number => lineHeightOf(size);
  const content: Content[] = [
    headerBlock({ centreName: centre.centreName, title: TITLE }),
    { text: `${label}（${period}）`, alignment: 'center', fontSize: 11, bold: true, margin: [0, -2, 0, 6] },
    {
      columns: [
        { width: '*', text: `编制单位：${centre.centreName}` },
        { width: 'auto', text: '金额单位：元', alignment: 'right' },
      ],
      fontSize: BODY_FONT_SIZE,
    },
  ];
  cursor.y += line(11) + 2 + line(18) + 6 + (-2 + line(11) + 6) + line(BODY_FONT_SIZE);
  if (!s.closed) {
    content.push({
      text: '本月尚未结账（未结账），表中数字可能变动，仅供核对，不作正式报表。',
      color: WARN,
      bold: true,
      alignment: 'center',
      margin: [0, 4, 0, 0],
    });
    cursor.y += 4 + line(BODY_FONT_SIZE);
  }
  const totalsWarning = totalsProblems(s);
  content.push(sectionTitle('一、资金收支汇总'), summaryTable(s), ...warning(totalsWarning));
  cursor.y += sectionTitleHeight('一、资金收支汇总') + summaryTableHeight(s) + warningHeight(totalsWarning);
  const detailNote = s.funds.length === 0 ? '本月无资金来源' : undefined;
  content.push(sectionTitle('二、资金收支明细', detailNote));
  cursor.y += sectionTitleHeight('二、资金收支明细', detailNote);
  s.funds.forEach((f, i) => content.push(...fundDetail(f, i, cursor)));
  if (s.materials.length > 0) {
    // 物资收发存 (DOMAIN §5: per material, opening stock, in, out, closing), the month's stock ledger
    const title = sectionTitle('三、物资收发存', '数量按各物资计量单位，金额为估价（元）');
    const newPage = breakUnlessFits(cursor, sectionTitleHeight('三、物资收发存', '数量按各物资计量单位，金额为估价（元）') + MATERIALS_MINIMUM);
    content.push(newPage ? ({ ...(title as object), pageBreak: 'before' } as Content) : title, ...stockLedgerBlock(s.materials));
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
    pageMargins: STATEMENT_MARGINS,
    defaultStyle: { fontSize: BODY_FONT_SIZE, lineHeight: STATEMENT_LINE_HEIGHT },
    info: { title: `${TITLE} ${label}`, subject: TITLE, author: centre.centreName },
    ...(s.closed ? {} : { watermark: { text: '未结账', color: WARN, opacity: 0.1, bold: true, fontSize: 110 } }),
    content,
    footer: { text: `${centre.centreName}　${label}${TITLE}　打印时间：${printedAtText(centre.printedAt)}` },
  };
}
