// The optional public notice (公示) of a campaign list: only once the chair has approved it, with
// every name and only masked ID numbers, and where to object from the centre's settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../shared/idcard';
import { campaignInput, file } from '../../fixtures/campaigns';
import { makeCore, type TestCore } from '../../fixtures/core';
import { pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let staff: string;
let id: number;
const people: { id: number; name: string; idNumber: string }[] = [];
const pdfs = pdfWorkspace('campaign-notice-');

beforeAll(async () => {
  core = await makeCore({ start: shanghai('2027-01-12') });
  staff = await core.tokenFor(['staff']);
  await core.ok('settings.update', { changes: { centrePhone: '0571-86001234', centreAddress: '文化路 58 号' } }, core.adminToken);
  for (const unit of ['红星机械厂', '第二棉纺厂', '第二棉纺厂']) people.push(await file(core, staff, { workUnit: unit }));
  id = (await core.ok('campaigns.create', campaignInput(), staff)).id;
  await core.ok('campaigns.build', { id, workUnit: '' }, staff);
  await core.ok('campaigns.submit', { id }, staff);
  await core.ok('campaigns.decide', { id, decision: 'approve', comment: '' }, await core.tokenFor(['director']));
});
afterAll(() => core.close());

describe('public notice of the approved list', () => {
  it('is refused before the chair approves', async () => {
    const r = await core.call('campaigns.noticePdf', { id }, staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
  });

  it('names everyone with a masked ID, unit, group, amount, period and the objection contact', async () => {
    await core.ok('campaigns.decide', { id, decision: 'approve', comment: '' }, await core.tokenFor(['chair']));
    const pdf = await core.ok('campaigns.noticePdf', { id }, staff);
    const text = pdftotext(pdfs.write('notice.pdf', Buffer.from(pdf.base64, 'base64')));
    for (const p of people) {
      expect(text).toContain(p.name);
      expect(text).toContain(maskIdNumber(p.idNumber));
      expect(text).not.toContain(p.idNumber);
    }
    expect(text).toContain('第二棉纺厂');
    expect(text).toContain('困难企业职工');
    expect(text).toContain('1,500.00');
    expect(text).toContain('2027年1月12日 至 2027年1月16日');
    expect(text).toContain('联系电话：0571-86001234');
    expect(text).toMatch(/地\s+址：文化路 58 号/);
  });
});
