import { describe, expect, it } from 'vitest';
import { DONATION_RECEIPT_TITLE, donationReceiptDoc } from '../../../electron/pdf/documents/donationReceipt';
import { SAMPLE_FINANCE_CENTRE, sampleDonation, sampleDonationReceipt } from '../../../electron/pdf/samples';
import { fenToCapitals } from '../../../shared/money';
import { allText } from './ledgerDocText';

const first = { handler: '周丽华', reprint: false };

describe('捐赠收据 document definition', () => {
  const d = sampleDonation();
  const receipt = sampleDonationReceipt();
  const doc = donationReceiptDoc(d, receipt, SAMPLE_FINANCE_CENTRE, first);
  const text = allText(doc);

  it('has the centre, the title, the receipt number and the date', () => {
    expect(text).toContain(SAMPLE_FINANCE_CENTRE.centreName);
    expect(text).toContain(DONATION_RECEIPT_TITLE);
    expect(text).toContain('JZSJ-2026-000018');
    expect(text).toContain('2026年11月3日');
    expect(doc.info?.title).toBe('捐赠收据 JZSJ-2026-000018');
    expect(doc.pageSize).toBe('A5');
    expect(doc.pageOrientation).toBe('landscape');
  });

  it('prints donor, kind, amount in figures and capitals, purpose, fund, method, handler and the seal box', () => {
    for (const s of ['示例市宏达建材有限公司', '单位', '¥5,000.00', '人民币（大写）伍仟元整', '用于困难职工大病医疗救助', '社会捐赠资金', '银行转账', '银行存款', '周丽华', '收款单位（盖章）', '收款人：', '经办人：']) {
      expect(text).toContain(s);
    }
    const person = allText(donationReceiptDoc({ ...d, donor: { ...d.donor, kind: 'person', name: '周明' }, method: 'cash', designatedUse: '  ' }, receipt, SAMPLE_FINANCE_CENTRE, first));
    expect(person).toContain('个人');
    expect(person).toContain('现金');
    expect(person).toContain('无指定用途');
  });

  it.each([
    [5, '伍分', '¥0.05'],
    [1_000, '壹拾元整', '¥10.00'],
    [100_050, '壹仟元伍角整', '¥1,000.50'],
    [1_001_000, '壹万零壹拾元整', '¥10,010.00'],
  ])('prints %i fen as 人民币（大写）%s and %s', (fen, capitals, figures) => {
    const t = allText(donationReceiptDoc(sampleDonation(fen), receipt, SAMPLE_FINANCE_CENTRE, first));
    expect(fenToCapitals(fen)).toBe(capitals);
    expect(t).toContain(`人民币（大写）${capitals}`);
    expect(t).toContain(figures);
  });

  it('marks 补打 with the print count only on reprints', () => {
    expect(text).not.toContain('补打');
    const again = allText(donationReceiptDoc(d, { ...receipt, printCount: 3 }, SAMPLE_FINANCE_CENTRE, { ...first, reprint: true }));
    expect(again).toContain('补打（第 3 次打印）');
  });

  it('puts a big 作废 mark and the reason on a void receipt only', () => {
    expect(doc.watermark).toBeUndefined();
    expect(text).not.toContain('作废');
    const voided = donationReceiptDoc(d, { ...receipt, status: 'void', voidReason: '捐赠人名称写错' }, SAMPLE_FINANCE_CENTRE, first);
    expect(voided.watermark).toMatchObject({ text: '作废' });
    const t = allText(voided);
    expect(t).toContain('已作废');
    expect(t).toContain('捐赠人名称写错');
  });

  it('is plain, pure data: JSON round-trips, same input same output, input untouched', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    const before = JSON.stringify(d);
    expect(donationReceiptDoc(d, receipt, SAMPLE_FINANCE_CENTRE, first)).toEqual(doc);
    expect(JSON.stringify(d)).toBe(before);
  });
});
