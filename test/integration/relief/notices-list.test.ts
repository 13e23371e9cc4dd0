import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';
import { shanghai } from '../../fixtures/petitions';
import { poorFile, readyDraft } from '../../fixtures/relief';

let core: TestCore;
let staff: string;
let director: string;
let fileId: number;
const { write } = pdfWorkspace('uhc-notice-');

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2026-11-22') });
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
  fileId = await poorFile(core, staff);
  const id = await readyDraft(core, staff, fileId, 60_000);
  await core.ok('relief.submit', { id }, staff);
  await core.ok('relief.decide', { id, decision: 'approve', comment: '' }, director);
  await core.ok('relief.notices.create', { applicationIds: [id], startDate: '2026-11-22', endDate: '2026-11-27' }, director);
});
afterAll(() => core.close());

describe('notices and relief history', () => {
  it('lists and reopens a notice, and prints it with the ID masked', async () => {
    const [n] = await core.ok('relief.notices.list', {}, staff);
    expect(n).toMatchObject({ startDate: '2026-11-22', endDate: '2026-11-27', totalFen: 60_000 });
    expect(await core.ok('relief.notices.get', { id: n!.id }, staff)).toEqual(n);
    const pdf = await core.ok('relief.notices.print', { id: n!.id }, staff);
    const text = pdftotext(write('notice.pdf', Buffer.from(pdf.base64, 'base64')));
    expect(text).toContain(n!.lines[0]!.maskedIdNumber);
  });

  it('shows the family\'s relief on its file', async () => {
    const history = await core.ok('relief.history', { fileId }, staff);
    expect(history).toEqual([expect.objectContaining({ amountFen: 60_000, status: 'in_notice', decidedAt: '2026-11-22' })]);
  });
});
