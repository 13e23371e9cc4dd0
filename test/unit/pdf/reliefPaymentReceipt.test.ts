import { describe, expect, it } from 'vitest';
import { maskBankCard, RELIEF_PAYMENT_RECEIPT_TITLE, reliefPaymentReceiptDoc } from '../../../electron/pdf/documents/reliefPaymentReceipt';
import { SAMPLE_FINANCE_CENTRE, sampleReliefPayment } from '../../../electron/pdf/samples';
import { allText } from './ledgerDocText';

const first = { handler: '周丽华', reprint: false };

describe('救助金领取凭证 document definition', () => {
  const p = sampleReliefPayment();
  const doc = reliefPaymentReceiptDoc(p, SAMPLE_FINANCE_CENTRE, first);
  const text = allText(doc);
  const json = JSON.stringify(doc);

  it('has the title, number, date, recipient, unit, category, application and fund', () => {
    for (const s of [RELIEF_PAYMENT_RECEIPT_TITLE, 'LQPZ-2026-000042', '2026年11月9日', '李秀英', '示例市第二纺织厂', '大病医疗救助', 'JZ-2026-000091', '工会经费帮扶资金', '周丽华']) {
      expect(text).toContain(s);
    }
    expect(doc.info?.title).toBe('救助金领取凭证 LQPZ-2026-000042');
  });

  it('prints the amount in figures and capitals', () => {
    expect(text).toContain('¥5,000.00');
    expect(text).toContain('人民币（大写）伍仟元整');
    const odd = allText(reliefPaymentReceiptDoc({ ...p, amountFen: 100_050 }, SAMPLE_FINANCE_CENTRE, first));
    expect(odd).toContain('人民币（大写）壹仟元伍角整');
    expect(odd).toContain('¥1,000.50');
  });

  it('never contains the full ID number or the full bank card', () => {
    expect(text).toContain('110105********002X');
    expect(json).not.toContain('11010519780615002X');
    expect(json).not.toContain('19780615');
    expect(json).not.toContain('6222021234567890123');
    expect(json).not.toContain('622202');
  });

  it('shows the bank and the card masked but for the last four digits on a bank transfer, only 现金 for cash', () => {
    expect(maskBankCard('6222021234567890123')).toBe('*** **** **** **** 0123');
    expect(maskBankCard('6222 0212 3456 7890')).toBe('**** **** **** 7890');
    expect(maskBankCard('')).toBe('');
    expect(text).toContain('中国工商银行示例市建设街支行');
    expect(text).toContain('*** **** **** **** 0123');
    const cash = allText(reliefPaymentReceiptDoc({ ...p, method: 'cash' }, SAMPLE_FINANCE_CENTRE, first));
    expect(cash).toContain('现金');
    expect(cash).not.toContain('0123');
    expect(cash).not.toContain('中国工商银行');
  });

  it('has the four signature boxes', () => {
    for (const s of ['领款人签字（按手印）', '经办人', '审核', '负责人']) expect(text).toContain(s);
  });

  it('accepts a category label as well as a code', () => {
    expect(allText(reliefPaymentReceiptDoc({ ...p, category: '生活困难救助' }, SAMPLE_FINANCE_CENTRE, first))).toContain('生活困难救助');
  });

  it('marks 补打 only on reprints, and 作废 on a void receipt', () => {
    expect(text).not.toContain('补打');
    expect(doc.watermark).toBeUndefined();
    const again = reliefPaymentReceiptDoc({ ...p, receipt: { ...p.receipt, printCount: 2 } }, SAMPLE_FINANCE_CENTRE, { ...first, reprint: true });
    expect(allText(again)).toContain('补打（第 2 次打印）');
    const voided = reliefPaymentReceiptDoc({ ...p, receipt: { ...p.receipt, status: 'void', voidReason: '金额打错' } }, SAMPLE_FINANCE_CENTRE, first);
    expect(voided.watermark).toMatchObject({ text: '作废' });
    expect(allText(voided)).toContain('金额打错');
  });

  it('is plain, pure data', () => {
    expect(JSON.parse(json)).toEqual(doc);
    expect(reliefPaymentReceiptDoc(p, SAMPLE_FINANCE_CENTRE, first)).toEqual(doc);
  });
});
