import { describe, expect, it } from 'vitest';
import { documentTotalFen, keptAtText, MATERIAL_DONATION_RECEIPT_TITLE, materialDonationReceiptDoc, unitValueText } from '../../../electron/pdf/documents/materialDonationReceipt';
import { SAMPLE_DONOR_STORE, SAMPLE_FINANCE_CENTRE, SAMPLE_MATERIAL_DONOR, SAMPLE_STORE, sampleMaterialDonation } from '../../../electron/pdf/samples';
import { fenToCapitals, formatYuan } from '../../../shared/money';
import { allText } from './ledgerDocText';

const first = { handler: '周丽华', reprint: false, receiptNumber: 'WZSJ-2026-000006', printCount: 1, void: false };

describe('物资捐赠收据 document definition', () => {
  const d = sampleMaterialDonation();
  const doc = materialDonationReceiptDoc(d, SAMPLE_MATERIAL_DONOR, SAMPLE_DONOR_STORE, SAMPLE_FINANCE_CENTRE, first);
  const text = allText(doc);

  it('has the centre, the title, the receipt number, the date and the 入库单号 on A5 landscape', () => {
    for (const s of [SAMPLE_FINANCE_CENTRE.centreName, MATERIAL_DONATION_RECEIPT_TITLE, 'WZSJ-2026-000006', '2026年11月12日', 'WZRK-2026-000012']) expect(text).toContain(s);
    expect(doc.info?.title).toBe('物资捐赠收据 WZSJ-2026-000006');
    expect(doc.pageSize).toBe('A5');
    expect(doc.pageOrientation).toBe('landscape');
  });

  it('lists every item with quantity, unit, unit value and value, and the donor', () => {
    for (const s of ['示例市宏达建材有限公司', '单位', '品名及规格', '数量', '估价单价', '估价金额', '大米（5kg/袋）', '100', '袋', '¥50.00', '¥5,000.00', '食用油（5L/桶）', '20', '桶', '¥80.00', '¥1,600.00']) {
      expect(text).toContain(s);
    }
    expect(allText(materialDonationReceiptDoc(d, { name: '周明', kind: 'person' }, SAMPLE_STORE, SAMPLE_FINANCE_CENTRE, first))).toContain('个人');
  });

  it('prints the estimated total in figures and capitals', () => {
    expect(documentTotalFen(d.movements)).toBe(660_000);
    expect(text).toContain('¥6,600.00');
    expect(text).toContain('人民币（大写）陆仟陆佰元整');
    expect(text).toContain('估价合计');
  });

  it('says the donor keeps goods at a donor-held location, with its address; a store location by name', () => {
    expect(text).toContain('由捐赠方代管：示例市开平区工业路 16 号 宏达建材公司 3 号库');
    expect(text).toContain('陈志远');
    const store = allText(materialDonationReceiptDoc(d, SAMPLE_MATERIAL_DONOR, SAMPLE_STORE, SAMPLE_FINANCE_CENTRE, first));
    expect(store).not.toContain('代管');
    expect(store).toContain('中心仓库');
    expect(keptAtText({ ...SAMPLE_DONOR_STORE, contact: '', phone: '' })).toBe('由捐赠方代管：示例市开平区工业路 16 号 宏达建材公司 3 号库');
  });

  it('has the handler, the seal box and the signature labels, and no marks on a first print', () => {
    for (const s of ['周丽华', '接收单位（盖章）', '经办人：', '保管员：']) expect(text).toContain(s);
    expect(text).not.toContain('补打');
    expect(text).not.toContain('作废');
    expect(doc.watermark).toBeUndefined();
  });

  it('marks a reprint 补打 with its print count and a void receipt 作废', () => {
    const again = allText(materialDonationReceiptDoc(d, SAMPLE_MATERIAL_DONOR, SAMPLE_DONOR_STORE, SAMPLE_FINANCE_CENTRE, { ...first, reprint: true, printCount: 3 }));
    expect(again).toContain('补打（第 3 次打印）');
    const voided = materialDonationReceiptDoc(d, SAMPLE_MATERIAL_DONOR, SAMPLE_DONOR_STORE, SAMPLE_FINANCE_CENTRE, { ...first, void: true });
    expect(voided.watermark).toMatchObject({ text: '作废' });
    expect(allText(voided)).toContain('本收据已作废');
  });

  it.each([
    [1, 5, '伍分'],
    [3, 100_050, '壹仟元伍角整'],
    [7, 1_001_000, '壹万零壹拾元整'],
  ])('prints %i units worth %i fen as its capitals', (quantity, valueFen, capitals) => {
    const m = { ...d.movements[0]!, quantity, valueFen };
    const t = allText(materialDonationReceiptDoc({ ...d, movements: [m] }, SAMPLE_MATERIAL_DONOR, SAMPLE_DONOR_STORE, SAMPLE_FINANCE_CENTRE, first));
    expect(fenToCapitals(valueFen)).toBe(capitals);
    expect(t).toContain(`人民币（大写）${capitals}`);
    expect(t).toContain(formatYuan(valueFen));
  });

  it('prints an exact unit value, or a rounded one marked 约', () => {
    const m = d.movements[0]!;
    expect(unitValueText({ ...m, quantity: 4, valueFen: 1_000 })).toBe('¥2.50');
    expect(unitValueText({ ...m, quantity: 3, valueFen: 1_000 })).toBe('约¥3.33');
    expect(unitValueText({ ...m, quantity: 3, valueFen: 200 })).toBe('约¥0.67');
    expect(unitValueText({ ...m, quantity: -2, valueFen: -1_000 })).toBe('¥5.00');
  });
});
