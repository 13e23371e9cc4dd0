// The 困难职工救助公示 through the real renderer, read back with poppler.
import { describe, expect, it } from 'vitest';
import { reliefNoticeDoc } from '../../../electron/pdf/documents/reliefNotice';
import { renderPdf } from '../../../electron/pdf/render';
import { PRINTED_DOCUMENTS, SAMPLE_NOTICE_FULL_IDS, SAMPLE_SLIP_CENTRE, sampleReliefNotice } from '../../../electron/pdf/samples';
import { pdfWorkspace, pdfinfo, pdftotext } from '../../fixtures/pdfTools';

const { write } = pdfWorkspace('uhc-notice-');

describe('困难职工救助公示 PDF', () => {
  it('renders the notice with the names and masked, never full, ID numbers on one A4 page under 200 KB', async () => {
    const n = sampleReliefNotice();
    const bytes = await renderPdf(reliefNoticeDoc(n, SAMPLE_SLIP_CENTRE));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(200 * 1024);

    const pdf = write('relief-notice.pdf', bytes);
    const text = pdftotext(pdf);
    for (const s of ['困难职工救助公示', '公示', 'GS-2026-000007', '2026年11月22日', '2026年11月27日', '¥3,700.00', '0315-12345678', '（盖章）']) {
      expect(text).toContain(s);
    }
    for (const l of n.lines) {
      expect(text).toContain(l.name);
      expect(text).toContain(l.maskedIdNumber);
    }
    for (const id of SAMPLE_NOTICE_FULL_IDS) expect(text).not.toContain(id);

    const info = pdfinfo(pdf);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/); // A4 portrait
    expect(info).toMatch(/Title:\s+困难职工救助公示 GS-2026-000007/);
  });

  it('runs onto more pages with the table header repeated when the list is long', async () => {
    const n = sampleReliefNotice();
    const lines = Array.from({ length: 60 }, (_, i) => ({ ...n.lines[i % n.lines.length]!, id: i + 1 }));
    const pdf = write('long.pdf', await renderPdf(reliefNoticeDoc({ ...n, lines }, SAMPLE_SLIP_CENTRE)));
    const info = pdfinfo(pdf);
    expect(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])).toBeGreaterThan(1);
    const text = pdftotext(pdf);
    expect(text.split('身份证号（已隐藏）').length - 1).toBeGreaterThan(1);
    expect(text).toContain('60 人');
    expect(text).toMatch(/第\s*1\s*页/);
  });

  it('is in the sample registry as relief-notice.pdf', async () => {
    const entry = PRINTED_DOCUMENTS.find((d) => d.file === 'relief-notice.pdf');
    expect(entry?.title).toBe('困难职工救助公示');
    const bytes = await entry!.build();
    expect(bytes.length).toBeLessThan(200 * 1024);
  });
});
