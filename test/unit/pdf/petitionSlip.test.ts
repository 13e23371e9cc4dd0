import { describe, expect, it } from 'vitest';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { PETITION_SLIP_TITLE, SLIP_SUMMARY_MAX, petitionSlipDoc, summarizeRequest } from '../../../electron/pdf/documents/petitionSlip';
import { SAMPLE_SLIP_CENTRE, samplePetition } from '../../../electron/pdf/samples';

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

describe('受理回执 document definition', () => {
  const p = samplePetition();
  const doc = petitionSlipDoc(p, SAMPLE_SLIP_CENTRE);
  const text = allText(doc);

  it('has the centre as header, the title and the number', () => {
    expect(text).toContain(SAMPLE_SLIP_CENTRE.centreName);
    expect(text).toContain(PETITION_SLIP_TITLE);
    expect(text).toContain('XF-2026-000123');
    expect(doc.info?.title).toBe('受理回执 XF-2026-000123');
    expect(doc.pageSize).toBe('A5');
  });

  it('masks the visitor ID number and never prints it in full (not even in the metadata)', () => {
    expect(text).toContain('王淑芬');
    expect(text).toContain('110105********002X');
    expect(JSON.stringify(doc)).not.toContain('11010519491231002X');
    expect(JSON.stringify(doc)).not.toContain('19491231');
  });

  it('omits the ID line when the visitor gave no ID number', () => {
    const t = allText(petitionSlipDoc({ ...p, visitorIdNumber: '' }, SAMPLE_SLIP_CENTRE));
    expect(t).not.toContain('身份证号');
    expect(t).toContain('王淑芬');
  });

  it('shows the received time in Shanghai, channel, category, urgency and handler', () => {
    expect(text).toContain('2026年11月20日 09:15'); // 01:15 UTC
    expect(text).toContain('来访');
    expect(text).toContain('申请救助');
    expect(text).toContain('紧急');
    expect(text).toContain('刘建国');
    expect(text).toContain('13912345678');
    const lateUtc = allText(petitionSlipDoc({ ...p, receivedAt: '2026-11-20T17:05:00.000Z', channel: 'phone' }, SAMPLE_SLIP_CENTRE));
    expect(lateUtc).toContain('2026年11月21日 01:05');
    expect(lateUtc).toContain('来电');
  });

  it('promises the answer date, marked provisional only before acceptance', () => {
    expect(text).toContain('2026年12月22日');
    expect(text).toContain('暂定');
    const accepted = allText(petitionSlipDoc({ ...p, status: 'accepted', acceptedAt: '2026-11-20T02:00:00.000Z' }, SAMPLE_SLIP_CENTRE));
    expect(accepted).toContain('2026年12月22日');
    expect(accepted).not.toContain('暂定');
    // A timestamp deadline is read in the centre's calendar too.
    expect(allText(petitionSlipDoc({ ...p, answerDue: '2026-12-21T16:00:00.000Z' }, SAMPLE_SLIP_CENTRE))).toContain('2026年12月22日');
  });

  it('gives the centre phone and address, the keep-this-slip line and both signature labels', () => {
    expect(text).toContain('0315-12345678');
    expect(text).toContain(SAMPLE_SLIP_CENTRE.centreAddress);
    expect(text).toContain('请妥善保管本回执，凭编号查询办理进度。');
    expect(text).toContain('经办人签字');
    expect(text).toContain('来访人签字');
    expect(text).toContain('（盖章）');
  });

  it('summarizes a long request to about 300 characters with an ellipsis', () => {
    const long = '甲'.repeat(1000);
    const s = summarizeRequest(long);
    expect(Array.from(s)).toHaveLength(SLIP_SUMMARY_MAX);
    expect(s.endsWith('…')).toBe(true);
    expect(summarizeRequest('  短短\n 两行  ')).toBe('短短 两行');
    const t = allText(petitionSlipDoc({ ...p, request: long }, SAMPLE_SLIP_CENTRE));
    expect(t).toContain(`${'甲'.repeat(SLIP_SUMMARY_MAX - 1)}…`);
    expect(t).not.toContain('甲'.repeat(SLIP_SUMMARY_MAX));
    expect(text).toContain(p.request); // the sample is short enough to print whole
  });

  it('is plain, pure data: JSON round-trips, same input same output, input untouched', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    const before = JSON.stringify(p);
    expect(petitionSlipDoc(p, SAMPLE_SLIP_CENTRE)).toEqual(doc);
    expect(JSON.stringify(p)).toBe(before);
  });
});
