// The 受理回执 through the real renderer, read back with poppler.
import { describe, expect, it } from 'vitest';
import { petitionSlipDoc } from '../../../electron/pdf/documents/petitionSlip';
import { renderPdf } from '../../../electron/pdf/render';
import { PRINTED_DOCUMENTS, SAMPLE_SLIP_CENTRE, samplePetition } from '../../../electron/pdf/samples';
import { pdfWorkspace, pdfinfo, pdftotext } from '../../fixtures/pdfTools';

const { write } = pdfWorkspace('uhc-slip-');

describe('受理回执 PDF', () => {
  it('renders readable Chinese on one A5 page with the number and the masked, never the full, ID', async () => {
    const bytes = await renderPdf(petitionSlipDoc(samplePetition(), SAMPLE_SLIP_CENTRE));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(200 * 1024);

    const pdf = write('petition-slip.pdf', bytes);
    const text = pdftotext(pdf);
    for (const s of [
      '示例市总工会困难职工帮扶中心',
      '受理回执',
      'XF-2026-000123',
      '王淑芬',
      '110105********002X',
      '2026年11月20日 09:15',
      '申请救助',
      '2026年12月22日',
      '刘建国',
      '0315-12345678',
      '请妥善保管本回执',
      '经办人签字',
      '来访人签字',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('11010519491231002X');

    const info = pdfinfo(pdf);
    expect(info).toMatch(/^Pages:\s+1$/m);
    // A5 portrait (poppler does not name the size)
    expect(info).toMatch(/Page size:\s+419\.\d+ x 595\.\d+ pts/); // A5 portrait (poppler does not name it)
    expect(info).toMatch(/Title:\s+受理回执 XF-2026-000123/);
  });

  it('keeps a worst-case slip (300-character summary, long name) on one page', async () => {
    const p = { ...samplePetition(), visitorName: '欧'.repeat(30), request: '因病致困，'.repeat(400), handlerName: '长'.repeat(12) };
    const pdf = write('worst.pdf', await renderPdf(petitionSlipDoc(p, SAMPLE_SLIP_CENTRE)));
    expect(pdfinfo(pdf)).toMatch(/^Pages:\s+1$/m);
    const text = pdftotext(pdf);
    expect(text).toContain('…');
    expect(text).toContain('来访人签字');
    expect(text).toContain('（盖章）');
  });

  it('is in the sample registry as petition-slip.pdf', () => {
    const entry = PRINTED_DOCUMENTS.find((d) => d.file === 'petition-slip.pdf');
    expect(entry?.title).toBe('受理回执');
  });
});
