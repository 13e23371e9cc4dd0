import { describe, expect, it } from 'vitest';
import { MATERIAL_ISSUE_SLIP_TITLE, materialIssueSlipDoc } from '../../../electron/pdf/documents/materialIssueSlip';
import { SAMPLE_DONOR_STORE, SAMPLE_FINANCE_CENTRE, sampleIssueRecipient, sampleMaterialIssue, sampleWorkerFile } from '../../../electron/pdf/samples';
import { allText } from './ledgerDocText';

const opts = { handler: '刘建华', reprint: false, printCount: 1 };

describe('物资领取单 document definition', () => {
  const d = sampleMaterialIssue();
  const recipient = sampleIssueRecipient();
  const doc = materialIssueSlipDoc(d, recipient, SAMPLE_FINANCE_CENTRE, opts);
  const text = allText(doc);
  const fullId = sampleWorkerFile().idNumber;

  it('has the title, the number, the date and A5 landscape', () => {
    for (const s of [SAMPLE_FINANCE_CENTRE.centreName, MATERIAL_ISSUE_SLIP_TITLE, 'WZFF-2026-000031', '发放日期：2026年11月16日']) expect(text).toContain(s);
    expect(doc.info?.title).toBe('物资领取单 WZFF-2026-000031');
    expect(doc.pageSize).toBe('A5');
    expect(doc.pageOrientation).toBe('landscape');
  });

  it('names the recipient with the masked ID only, the work unit and the approved application', () => {
    for (const s of ['李秀英', '110105********002X', '示例市第二纺织厂', '救助申请编号', 'JZ-2026-000091']) expect(text).toContain(s);
    expect(text).not.toContain(fullId);
  });

  it('masks an ID that reaches it unmasked', () => {
    const t = allText(materialIssueSlipDoc(d, { ...recipient, maskedIdNumber: fullId }, SAMPLE_FINANCE_CENTRE, opts));
    expect(t).not.toContain(fullId);
    expect(t).toContain('110105********002X');
  });

  it('lists the items, quantities, units and values, the total and the location issued from', () => {
    for (const s of ['大米（5kg/袋）', '袋', '¥100.00', '食用油（5L/桶）', '桶', '¥80.00', '棉被（200×230cm）', '床', '¥150.00', '¥330.00', '人民币（大写）叁佰叁拾元整', '发放地点', '中心仓库']) {
      expect(text).toContain(s);
    }
    const items = d.movements.map((m) => `${m.itemName}\n${m.quantity}\n${m.unit}`);
    for (const i of items) expect(text).toContain(i);
    const donorHeld = allText(materialIssueSlipDoc({ ...d, movements: d.movements.map((m) => ({ ...m, locationName: SAMPLE_DONOR_STORE.name })) }, recipient, SAMPLE_FINANCE_CENTRE, opts));
    expect(donorHeld).toContain('宏达建材公司代管仓库');
  });

  it('prints the quantity of an issue booked as a negative movement as it was handed out', () => {
    const t = allText(materialIssueSlipDoc({ ...d, movements: d.movements.map((m) => ({ ...m, quantity: -m.quantity, valueFen: -m.valueFen })) }, recipient, SAMPLE_FINANCE_CENTRE, opts));
    expect(t).toContain('¥330.00');
    expect(t).not.toMatch(/-¥|\n-\d/);
  });

  it('has the signature lines 领取人签字 / 经办人 / 保管员 with the handler', () => {
    for (const s of ['领取人签字（按手印）', '经办人', '（刘建华）', '保管员', '领取日期：', '本人已如数领到上述物资']) expect(text).toContain(s);
  });

  it('marks only a reprint 补打', () => {
    expect(text).not.toContain('补打');
    expect(allText(materialIssueSlipDoc(d, recipient, SAMPLE_FINANCE_CENTRE, { ...opts, reprint: true, printCount: 2 }))).toContain('补打（第 2 次打印）');
  });
});
