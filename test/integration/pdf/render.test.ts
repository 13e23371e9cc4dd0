// The real renderer end to end: pdfmake + the embedded Noto Sans SC subset, read back with poppler.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { workerFileFormDoc } from '../../../electron/pdf/documents/workerFileForm';
import { fontPaths } from '../../../electron/pdf/fonts';
import { renderPdf } from '../../../electron/pdf/render';
import { PRINTED_DOCUMENTS, SAMPLE_CENTRE, largeHouseholdSample, sampleWorkerFile } from '../../../electron/pdf/samples';
import { pageCount, pdfWorkspace, pdftotext } from '../../fixtures/pdfTools';

const { write } = pdfWorkspace('uhc-pdf-');

describe('renderPdf', () => {
  it('finds the fonts in resources/fonts', () => {
    const f = fontPaths();
    expect(fs.statSync(f.regular).size).toBeGreaterThan(1_000_000);
    expect(fs.statSync(f.bold).size).toBeGreaterThan(1_000_000);
  });

  it('renders the 困难职工档案表 with readable Chinese text, on one page, with the font subset', async () => {
    const file = sampleWorkerFile();
    const bytes = await renderPdf(workerFileFormDoc(file, SAMPLE_CENTRE));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(200 * 1024);

    const pdf = write('worker-file-form.pdf', bytes);
    const text = pdftotext(pdf);
    for (const s of ['困难职工档案表', '姓名', '李秀英', '11010519780615002X', '人均月收入', '¥616.66', '银行卡号', '6222 0212 3456 7890 123', '张雨桐', '本人签字', '基层工会意见（盖章）', '经办人', '档案编号：DA-000123']) {
      expect(text).toContain(s);
    }
    expect(pageCount(pdf)).toBe(1);

    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Creator:\s+工会困难职工帮扶中心/);
    expect(info).toMatch(/Title:\s+困难职工档案表/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('fits a household of six on at most two pages, with page numbers', async () => {
    const pdf = write('large.pdf', await renderPdf(workerFileFormDoc(largeHouseholdSample(), SAMPLE_CENTRE)));
    const pages = pageCount(pdf);
    expect(pages).toBeLessThanOrEqual(2);
    const text = pdftotext(pdf);
    expect(text).toContain('王桂兰');
    expect(text).toContain('130203201203030059');
    if (pages > 1) expect(text).toMatch(new RegExp(`第\\s*1\\s*页\\s*共\\s*${pages}\\s*页`));
  });

  it('renders a tiny document small (only the glyphs used are embedded)', async () => {
    const bytes = await renderPdf({ content: ['收到', { text: '¥100.00', bold: true }] });
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(60 * 1024);
    expect(pdftotext(write('tiny.pdf', bytes))).toContain('收到');
  });

  it('leaves the definition untouched, so it can be rendered twice', async () => {
    const doc = workerFileFormDoc(sampleWorkerFile(), SAMPLE_CENTRE);
    const before = JSON.stringify(doc);
    await renderPdf(doc);
    expect(JSON.stringify(doc)).toBe(before);
    const again = await renderPdf(doc);
    expect(pdftotext(write('again.pdf', again))).toContain('李秀英');
  });

  it('refuses to read local files outside the fonts directory', async () => {
    const secret = write('not-a-font.png', Buffer.from('x'));
    const doc: TDocumentDefinitions = { content: [{ image: secret, width: 10 }] };
    await expect(renderPdf(doc)).rejects.toThrow(/denied/);
  });

  it('refuses to fetch URLs', async () => {
    const doc: TDocumentDefinitions = { content: [{ image: 'logo', width: 10 }], images: { logo: 'https://example.invalid/logo.png' } };
    await expect(renderPdf(doc)).rejects.toThrow(/denied/);
  });

  it('every registry sample builds to a PDF with a stable, unique file name', async () => {
    const names = PRINTED_DOCUMENTS.map((d) => d.file);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('worker-file-form.pdf');
    for (const d of PRINTED_DOCUMENTS) {
      expect(d.file).toMatch(/^[a-z0-9-]+\.pdf$/);
      const bytes = await d.build();
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdftotext(write(d.file, bytes))).toContain(d.title);
    }
  });
});
