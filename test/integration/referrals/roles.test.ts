import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../shared/api';
import { referralChannels } from '../../../shared/contract/referrals';
import type { Role } from '../../../shared/roles';
import { makeCore, type TestCore } from '../../fixtures/core';
import { makeFile, vacancy } from './setup';

let core: TestCore;
let staff: string;

beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
});
afterAll(() => core.close());

const WRITES = Object.entries(referralChannels).filter(([, d]) => d.kind === 'write').map(([c]) => c as Channel);
const READS = Object.entries(referralChannels).filter(([, d]) => d.kind === 'read').map(([c]) => c as Channel);

describe('who may use job referral and legal aid', () => {
  it('lets staff and director write, and staff, director, chair and finance read', () => {
    for (const c of WRITES) expect([...(referralChannels[c as keyof typeof referralChannels].access as readonly Role[])].sort(), c).toEqual(['director', 'staff']);
    for (const c of READS) expect([...(referralChannels[c as keyof typeof referralChannels].access as readonly Role[])].sort(), c).toEqual(['chair', 'director', 'finance', 'staff']);
    expect(WRITES).toHaveLength(8);
    expect(READS).toHaveLength(5);
  });

  it.each(['chair', 'finance'] as const)('%s reads but may not register, refer or close', async (role) => {
    const token = await core.tokenFor([role]);
    const f = await makeFile(core, staff);
    const v = await core.ok('referrals.createVacancy', vacancy(core), staff);
    const r = await core.ok('referrals.refer', { fileId: f.id, vacancyId: v.id }, staff);
    const c = await core.ok('legalAid.intake', { fileId: f.id, applicantType: 'worker', infringementType: 'other', facts: '事实经过' }, staff);

    expect((await core.ok('referrals.listVacancies', {}, token)).total).toBeGreaterThan(0);
    expect((await core.ok('referrals.seekers', {}, token)).total).toBeGreaterThan(0);
    expect((await core.ok('referrals.list', { vacancyId: v.id }, token)).rows[0]!.id).toBe(r.id);
    expect((await core.ok('legalAid.list', { fileId: f.id }, token)).rows[0]!.id).toBe(c.id);
    expect((await core.ok('referrals.forFile', { fileId: f.id }, token)).jobReferrals).toHaveLength(1);

    const refused = [
      await core.call('referrals.createVacancy', vacancy(core), token),
      await core.call('referrals.closeVacancy', { id: v.id }, token),
      await core.call('referrals.refer', { fileId: f.id, vacancyId: v.id }, token),
      await core.call('referrals.setOutcome', { id: r.id, outcome: 'hired' }, token),
      await core.call('legalAid.refer', { id: c.id, targetKind: 'lawyer', targetName: '张律师' }, token),
      await core.call('legalAid.setOutcome', { id: c.id, outcome: 'resolved', note: '已解决' }, token),
    ];
    for (const x of refused) expect(x).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await core.ok('referrals.list', { vacancyId: v.id }, staff)).rows[0]!.outcome).toBe('pending');
  });

  it('keeps the administrator out of the counter records', async () => {
    expect(await core.call('referrals.listVacancies', {}, core.adminToken)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.call('legalAid.list', {}, core.adminToken)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lets the director do everything staff does', async () => {
    const director = await core.tokenFor(['director']);
    const f = await makeFile(core, staff);
    const v = await core.ok('referrals.createVacancy', vacancy(core), director);
    const r = await core.ok('referrals.refer', { fileId: f.id, vacancyId: v.id }, director);
    expect((await core.ok('referrals.setOutcome', { id: r.id, outcome: 'hired' }, director)).outcome).toBe('hired');
    expect((await core.ok('referrals.closeVacancy', { id: v.id }, director)).status).toBe('closed');
  });
});
