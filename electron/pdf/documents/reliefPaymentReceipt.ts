// 救助金领取凭证 — the voucher a worker signs (and thumbprints) when approved relief is paid out
// (DOMAIN §5: relief payment receipts, numbered per kind and year, amounts in figures and capitals).
// It goes into the books as the payment's evidence, so the recipient's ID number is masked and the
// bank card shows only its last four digits. A5 landscape, one copy. Pure: data in, definition out.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReliefPayment } from '../../../shared/contract/ledger';
import { maskIdNumber } from '../../../shared/idcard';
import { PAYMENT_METHOD_LABELS } from '../../../shared/ledger';
import { RELIEF_CATEGORIES, RELIEF_CATEGORY_LABELS, type ReliefCategory } from '../../../shared/relief';
import { BLANK_DATE, chineseIsoDate, FORM_LAYOUT, printedAtText } from '../common';
import { amountRow, gridRow, receiptGrid, receiptHeader, receiptMarks, type ReceiptCentre, type ReceiptPrintOptions } from './donationReceipt';

export const RELIEF_PAYMENT_RECEIPT_TITLE = '救助金领取凭证';

/** The payment with the recipient's particulars from the application and the worker file. */
export type ReliefPaymentPrint = ReliefPayment & {
  idNumber: string;
  workUnit: string;
  /** A relief category code (e.g. "illness") or an already printed label. */
  category: string;
  bankName: string;
  bankCard: string;
};

const orDash = (s: string) => (s.trim() === '' ? '—' : s.trim());

function categoryLabel(category: string): string {
  return (RELIEF_CATEGORIES as readonly string[]).includes(category) ? RELIEF_CATEGORY_LABELS[category as ReliefCategory] : orDash(category);
}

/**
 * A bank card with everything but the last four digits starred, grouped in fours from the right:
 * "6222021234567890123" → "*** **** **** **** 0123".
 */
export function maskBankCard(card: string): string {
  const digits = card.replace(/\s+/g, '');
  if (digits.length <= 4) return digits === '' ? '' : '*'.repeat(digits.length);
  const masked = '*'.repeat(digits.length - 4) + digits.slice(-4);
  const groups: string[] = [];
  for (let end = masked.length; end > 0; end -= 4) groups.unshift(masked.slice(Math.max(0, end - 4), end));
  return groups.join(' ');
}

function methodText(p: ReliefPaymentPrint): string {
  if (p.method === 'cash') return PAYMENT_METHOD_LABELS.cash;
  const card = maskBankCard(p.bankCard);
  const parts = [`${PAYMENT_METHOD_LABELS.bank}至本人银行卡`, orDash(p.bankName), card === '' ? '卡号：—' : `卡号：${card}`];
  return parts.join('　');
}

/** Four signature boxes; the recipient's is wide enough for a thumbprint. */
function signatureBoxes(handler: string): Content {
  const box = (label: string, note = ''): TableCell => ({
    stack: [{ text: label, fontSize: 9.5 }, ...(note ? [{ text: note, fontSize: 8.5, color: '#444444', margin: [0, 22, 0, 0] as [number, number, number, number] }] : [])],
  });
  return {
    table: {
      widths: ['*', 100, 100, 100],
      heights: [58],
      body: [[box('领款人签字（按手印）'), box('经办人', `（${orDash(handler)}）`), box('审核'), box('负责人')]],
      dontBreakRows: true,
    },
    layout: FORM_LAYOUT,
  };
}

export function reliefPaymentReceiptDoc(p: ReliefPaymentPrint, centre: ReceiptCentre, opts: ReceiptPrintOptions): TDocumentDefinitions {
  const receipt = p.receipt;
  const marks = receiptMarks(receipt, opts.reprint);
  const paidOn = chineseIsoDate(p.paidAt);
  const idText = p.idNumber.trim() === '' ? '—' : maskIdNumber(p.idNumber);

  const grid = receiptGrid(
    [
      gridRow('领 款 人', orDash(p.name), { label: '身份证号', value: idText }, { bold: true, fontSize: 11 }),
      gridRow('工作单位', orDash(p.workUnit), { label: '救助类别', value: categoryLabel(p.category) }),
      gridRow('申请编号', orDash(p.applicationNumber), { label: '资金来源', value: orDash(p.fundName) }),
      amountRow(p.amountFen),
      gridRow('发放方式', methodText(p)),
    ],
    [22, 22, 22, 28, 22],
  );

  const body: Content[] = [
    receiptHeader(centre.centreName, RELIEF_PAYMENT_RECEIPT_TITLE, receipt, marks.stamp, `发放日期：${paidOn}`),
    grid,
  ];
  if (marks.voidNote) body.push(marks.voidNote);
  body.push({
    stack: [
      { text: '本人已如数领到上述救助金，所填信息真实无误。', margin: [0, 6, 0, 4] },
      signatureBoxes(opts.handler),
      { text: `领款日期：${BLANK_DATE}`, alignment: 'right', margin: [0, 5, 0, 0] },
    ],
    unbreakable: true,
  });

  return {
    pageSize: 'A5',
    pageOrientation: 'landscape',
    pageMargins: [36, 24, 36, 34],
    defaultStyle: { fontSize: 10, lineHeight: 1.1 },
    info: { title: `${RELIEF_PAYMENT_RECEIPT_TITLE} ${receipt.number}`, subject: RELIEF_PAYMENT_RECEIPT_TITLE, author: centre.centreName },
    ...(marks.watermark ? { watermark: marks.watermark } : {}),
    content: body,
    footer: {
      text: `${centre.centreName}　电话：${centre.centrePhone}　打印时间：${printedAtText(centre.printedAt)}　本凭证作为救助金发放的记账依据，请妥善保管`,
    },
  };
}
