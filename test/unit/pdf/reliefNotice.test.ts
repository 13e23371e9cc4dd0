import { describe, expect, it } from 'vitest';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { RELIEF_NOTICE_TITLE, postedLines, publicIdNumber, reliefNoticeDoc } from '../../../electron/pdf/documents/reliefNotice';
import { SAMPLE_NOTICE_FULL_IDS, SAMPLE_SLIP_CENTRE, sampleReliefNotice } from '../../../electron/pdf/samples';

/** Every piece of text in a definition, in document order (text nodes, plain strings, text arrays). */
function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'text' || k === 'stack' || k === 'columns' || k === 'content' || k === 'table' || k === 'body' || k === 'footer') texts(v, out);
    }
  }
  return out;
}
const allText = (doc: TDocumentDefinitions) => texts(doc).join('\n');
/** Flattened text: pieces of one sentence run together. */
const flat = (doc: TDocumentDefinitions) => texts(doc).join('');

describe('困难职工救助公示 document definition', () => {
  const n = sampleReliefNotice();
  const doc = reliefNoticeDoc(n, SAMPLE_SLIP_CENTRE);
  const text = allText(doc);

  it('has the title, the number and the issuing union', () => {
    expect(text).toContain(RELIEF_NOTICE_TITLE);
    expect(text).toContain('GS-2026-000007');
    expect(text).toContain(SAMPLE_SLIP_CENTRE.unionName);
    expect(doc.info?.title).toBe('困难职工救助公示 GS-2026-000007');
    expect(doc.pageSize).toBe('A4');
  });

  it('states the period in Chinese dates in the intro sentence', () => {
    expect(flat(doc)).toContain('公示期自 2026年11月22日 至 2026年11月27日');
  });

  it('lists every line with masked ID, unit, category and amount under the right headings', () => {
    for (const h of ['序号', '姓名', '身份证号（已隐藏）', '工作单位', '救助类别', '金额（元）']) expect(text).toContain(h);
    for (const l of n.lines) {
      expect(text).toContain(l.name);
      expect(text).toContain(l.maskedIdNumber);
      expect(text).toContain(l.workUnit);
    }
    expect(text).toContain('130203********0034');
    expect(text).toContain('大病医疗救助');
    expect(text).toContain('¥1,000.00');
  });

  it('never contains a full 18-character ID number, not even in the metadata', () => {
    const json = JSON.stringify(doc);
    for (const id of SAMPLE_NOTICE_FULL_IDS) expect(json).not.toContain(id);
    expect(json).not.toMatch(/\d{17}[\dX]/);
  });

  it('masks a line that carries a full number by mistake', () => {
    const leaky = { ...n, lines: [{ ...n.lines[0]!, maskedIdNumber: SAMPLE_NOTICE_FULL_IDS[0] }] };
    const json = JSON.stringify(reliefNoticeDoc(leaky, SAMPLE_SLIP_CENTRE));
    expect(json).not.toContain(SAMPLE_NOTICE_FULL_IDS[0]);
    expect(json).toContain('130203********0034');
    expect(publicIdNumber({ maskedIdNumber: '130203********0034' })).toBe('130203********0034');
  });

  it('gives the total and the head count', () => {
    expect(n.totalFen).toBe(370_000);
    expect(text).toContain('¥3,700.00');
    expect(text).toContain('合计');
    expect(text).toContain('6 人');
  });

  it('invites objections within the period to the centre phone and address, then the stamp and date', () => {
    const f = flat(doc);
    expect(f).toContain('如对公示对象的困难情况或救助金额有异议，请于 2026年11月27日 前');
    expect(text).toContain(SAMPLE_SLIP_CENTRE.centrePhone);
    expect(text).toContain(SAMPLE_SLIP_CENTRE.centreAddress);
    expect(text).toContain(`${SAMPLE_SLIP_CENTRE.centreName}（盖章）`);
    expect(text).toContain('2026年11月20日'); // printed at 2026-11-20 10:30 Shanghai
  });

  it('leaves out a line whose objection was upheld, and the total follows', () => {
    const lines = n.lines.map((l, i) => (i === 3 ? { ...l, objection: '有车有房', resolution: 'upheld' as const, resolutionComment: '核实属实', status: 'rejected' as const } : l));
    const m = { ...n, lines };
    expect(postedLines(m)).toHaveLength(5);
    const t = allText(reliefNoticeDoc(m, SAMPLE_SLIP_CENTRE));
    expect(t).not.toContain('李桂芝');
    expect(t).toContain('¥2,700.00');
    expect(t).toContain('5 人');
  });

  it('is the same definition every time (pure)', () => {
    expect(JSON.stringify(reliefNoticeDoc(n, SAMPLE_SLIP_CENTRE))).toBe(JSON.stringify(doc));
  });
});
