import { describe, expect, it } from 'vitest';
import { sampleCampaignIdNumber, sampleCampaignNotice, sampleCampaignReport, sampleSignSheet } from '../../../electron/pdf/campaignSamples';
import { PRINTED_DOCUMENTS } from '../../../electron/pdf/samples';
import { maskIdNumber, validateIdNumber } from '../../../shared/idcard';
import { fenToCapitals } from '../../../shared/money';
import { pageCount, pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';

const pdfs = pdfWorkspace('campaign-samples-');
const sample = (file: string) => PRINTED_DOCUMENTS.find((d) => d.file === file);

describe('campaign sample PDFs', () => {
  it('lists both campaign documents among the printed samples', () => {
    expect(sample('campaign-sign-sheet.pdf')?.title).toBe('慰问金签领表');
    expect(sample('campaign-summary.pdf')?.title).toBe('慰问活动汇总表');
  });

  it('the sample 签领表 shows every name with a masked ID, one unit a page, and the totals in capitals', async () => {
    const data = sampleSignSheet();
    const file = pdfs.write('sheet.pdf', await sample('campaign-sign-sheet.pdf')!.build());
    const text = pdftotext(file);
    expect(pageCount(file)).toBe(new Set(data.lines.map((l) => l.workUnit)).size);
    data.lines.forEach((l, i) => {
      const full = sampleCampaignIdNumber(i);
      expect(validateIdNumber(full, '2026-11-20').ok).toBe(true);
      expect(text).toContain(l.name);
      expect(text).toContain(maskIdNumber(full));
      expect(text).not.toContain(full);
    });
    const total = data.lines.reduce((s, l) => s + l.amountFen, 0);
    expect(text).toContain(`人民币（大写）${fenToCapitals(total)}`);
    expect(text).toContain('未领取退回');
  });

  it('the sample summary shows the money actually used: paid less not collected', async () => {
    const r = sampleCampaignReport();
    expect(r.usedFen).toBe(r.total.paidFen - r.total.returnedFen);
    expect(r.byGroup.reduce((s, g) => s + g.listedFen, 0)).toBe(r.total.listedFen);
    expect(r.byUnit.reduce((s, u) => s + u.count, 0)).toBe(r.total.count);
    const text = pdftotext(pdfs.write('summary.pdf', await sample('campaign-summary.pdf')!.build()));
    expect(text).toContain(`人民币${fenToCapitals(r.usedFen)}`);
    for (const u of r.byUnit) expect(text).toContain(u.label);
  });

  it('the sample 公示 names everyone with a masked ID, never a full one, and says where to object', async () => {
    const n = sampleCampaignNotice();
    expect(sample('campaign-notice.pdf')?.title).toBe('慰问名单公示');
    const text = pdftotext(pdfs.write('notice.pdf', await sample('campaign-notice.pdf')!.build()));
    n.lines.forEach((l, i) => {
      expect(text).toContain(l.name);
      expect(text).toContain(maskIdNumber(sampleCampaignIdNumber(i)));
      expect(text).not.toContain(sampleCampaignIdNumber(i));
    });
    expect(text).toContain('联系电话：0315-12345678');
    expect(text).toContain('2027年1月16日');
  });
});
