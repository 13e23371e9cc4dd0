import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessFingerprint, makeCore, type TestCore } from '../../fixtures/core';
import { auditRows, makeFile } from './setup';

let core: TestCore;
let staff: string;
let director: string;

beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
  director = await core.tokenFor(['director']);
});
afterAll(() => core.close());

describe('legal aid (法律援助)', () => {
  it('takes in a filed worker: name and phone come from the file', async () => {
    const f = await makeFile(core, staff, { name: '刘德胜', phone: '13812345678' });
    const c = await core.ok(
      'legalAid.intake',
      { fileId: f.id, applicantName: '别的名字', applicantType: 'model_worker', infringementType: 'work_injury', respondent: '红星机械厂', facts: '工伤认定后单位拒不支付停工留薪期工资' },
      staff,
    );
    expect(c).toMatchObject({
      fileId: f.id,
      applicantName: '刘德胜',
      applicantPhone: '13812345678',
      applicantType: 'model_worker',
      infringementType: 'work_injury',
      respondent: '红星机械厂',
      status: 'intake',
      targetName: null,
      outcome: null,
      createdBy: '测试staff',
    });
    expect(auditRows(core, 'legal_aid_case', c.id)[0]!.summary).toContain('刘德胜（劳模），工伤，涉及 红星机械厂');
  });

  it('takes in a union officer without a file by name', async () => {
    const c = await core.ok(
      'legalAid.intake',
      { applicantName: '马春生', applicantPhone: '0371-66123456', applicantType: 'union_officer', infringementType: 'dismissal', facts: '因履行工会职责被调岗降薪后解除合同' },
      staff,
    );
    expect(c).toMatchObject({ fileId: null, applicantName: '马春生', applicantPhone: '0371-66123456', applicantType: 'union_officer', status: 'intake' });
  });

  it('refuses an intake with neither a file nor a name, or without facts, in Chinese', async () => {
    const before = businessFingerprint(core.app);
    const r = await core.call('legalAid.intake', { applicantType: 'worker', infringementType: 'other', facts: '事实经过写在这里' }, staff);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toContain('请选择已建档职工，或填写申请人姓名');
    const noFacts = await core.call('legalAid.intake', { applicantName: '某人', applicantType: 'worker', infringementType: 'other', facts: ' ' }, staff);
    expect(noFacts).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!noFacts.ok) expect(noFacts.error.message).toContain('请写明被侵权的事实经过');
    const noFile = await core.call('legalAid.intake', { fileId: 999_999, applicantType: 'worker', infringementType: 'other', facts: '事实经过写在这里' }, staff);
    expect(noFile).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(businessFingerprint(core.app)).toBe(before);
  });

  it('goes intake → referred (may be re-referred) → closed, and then refuses further steps', async () => {
    const c = await core.ok('legalAid.intake', { applicantName: '杨桂芳', applicantType: 'worker', infringementType: 'wage_arrears', facts: '拖欠工资八个月' }, staff);
    const referred = await core.ok('legalAid.refer', { id: c.id, targetKind: 'lawyer', targetName: '李明律师', targetContact: '13900001111', note: '工会签约律师' }, staff);
    expect(referred).toMatchObject({ status: 'referred', targetKind: 'lawyer', targetName: '李明律师', targetContact: '13900001111', referNote: '工会签约律师', referredBy: '测试staff' });
    const again = await core.ok('legalAid.refer', { id: c.id, targetKind: 'legal_aid_office', targetName: '市法律援助中心' }, director);
    expect(again).toMatchObject({ status: 'referred', targetKind: 'legal_aid_office', targetName: '市法律援助中心', targetContact: '', referredBy: '测试director' });
    expect(auditRows(core, 'legal_aid_case', c.id).at(-1)!.summary).toContain('原转介 李明律师');

    const closed = await core.ok('legalAid.setOutcome', { id: c.id, outcome: 'mediated', note: '经劳动仲裁调解，单位分两期支付' }, director);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'mediated', outcomeNote: '经劳动仲裁调解，单位分两期支付', closedBy: '测试director' });
    expect(closed.closedAt).not.toBeNull();

    const refer = await core.call('legalAid.refer', { id: c.id, targetKind: 'lawyer', targetName: '王律师' }, staff);
    expect(refer).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const reclose = await core.call('legalAid.setOutcome', { id: c.id, outcome: 'resolved', note: '再次结案' }, staff);
    expect(reclose).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!reclose.ok) expect(reclose.error.message).toContain('已结案（调解结案）');
  });

  it('may close a case without referral (e.g. withdrawn), but needs a note', async () => {
    const c = await core.ok('legalAid.intake', { applicantName: '何建军', applicantType: 'worker', infringementType: 'social_insurance', facts: '单位未缴社保' }, staff);
    const noNote = await core.call('legalAid.setOutcome', { id: c.id, outcome: 'withdrawn', note: '' }, staff);
    expect(noNote).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!noNote.ok) expect(noNote.error.message).toContain('请写明办理结果');
    expect((await core.ok('legalAid.setOutcome', { id: c.id, outcome: 'withdrawn', note: '单位已补缴，申请人撤回' }, staff)).status).toBe('closed');
    expect(await core.call('legalAid.refer', { id: 999_999, targetKind: 'lawyer', targetName: '王律师' }, staff)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists open cases before closed ones and filters by status, file and name', async () => {
    const fresh = await makeCore();
    try {
      const s = await fresh.tokenFor(['staff']);
      const f = await makeFile(fresh, s, { name: '高玉梅' });
      const a = await fresh.ok('legalAid.intake', { fileId: f.id, applicantType: 'worker', infringementType: 'labour_contract', facts: '未签劳动合同' }, s);
      const b = await fresh.ok('legalAid.intake', { applicantName: '林大海', applicantType: 'worker', infringementType: 'wage_arrears', respondent: '宏达建筑公司', facts: '拖欠工资' }, s);
      const c = await fresh.ok('legalAid.intake', { applicantName: '林小溪', applicantType: 'worker', infringementType: 'other', facts: '其他侵权' }, s);
      await fresh.ok('legalAid.setOutcome', { id: b.id, outcome: 'resolved', note: '已追回工资' }, s);
      await fresh.ok('legalAid.refer', { id: a.id, targetKind: 'lawyer', targetName: '张律师' }, s);

      expect((await fresh.ok('legalAid.list', {}, s)).rows.map((x) => x.id)).toEqual([c.id, a.id, b.id]);
      expect((await fresh.ok('legalAid.list', { status: 'referred' }, s)).rows.map((x) => x.id)).toEqual([a.id]);
      expect((await fresh.ok('legalAid.list', { status: 'closed' }, s)).rows.map((x) => x.id)).toEqual([b.id]);
      expect((await fresh.ok('legalAid.list', { fileId: f.id }, s)).rows.map((x) => x.id)).toEqual([a.id]);
      expect((await fresh.ok('legalAid.list', { q: '林' }, s)).rows.map((x) => x.id)).toEqual([c.id, b.id]);
      expect((await fresh.ok('legalAid.list', { q: '宏达' }, s)).rows.map((x) => x.id)).toEqual([b.id]);
      expect((await fresh.ok('legalAid.list', { page: 2, pageSize: 2 }, s))).toMatchObject({ total: 3, rows: [{ id: b.id }] });
    } finally {
      fresh.close();
    }
  });
});
