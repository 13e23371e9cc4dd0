import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputOfFile } from '../../../shared/contract/files';
import { household, INCOME, makeWorld, singleFile, visit, type MonitoringWorld } from './setup';

let w: MonitoringWorld;

/** Every cell of every sheet of an exported workbook, as text. */
async function cellsOf(base64: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().filter((v) => v !== undefined && v !== null).map(String));
}
beforeAll(async () => {
  w = await makeWorld('2026-01-05');
});
afterAll(() => w.core.close());

describe('exit from hardship (解困脱困)', () => {
  let fileId: number;
  let proposalId: number;

  it('may be proposed only after the configured number of revisits all above 1.5 × the line', async () => {
    fileId = (await singleFile(w, INCOME.orange)).id;
    const early = await w.core.call('monitoring.proposeExit', { fileId, reason: '收入已稳定' }, w.tokens.staff);
    expect(early).toMatchObject({ ok: false, error: { code: 'RULE' } });
    await w.at('2026-02-05');
    await w.ok('staff', 'monitoring.recordVisit', visit(fileId, '2026-02-05', { household: household(INCOME.comfortable), findings: '本人已转正，月收入 2000 元' }));
    await w.at('2026-03-05');
    await w.ok('staff', 'monitoring.recordVisit', visit(fileId, '2026-03-05'));
    const two = await w.ok('staff', 'monitoring.forFile', { fileId });
    expect(two.exitCheck).toMatchObject({ eligible: false });
    expect(two.exitCheck.explanation).toContain('目前只有 2 次');
    await w.at('2026-04-05');
    const three = await w.ok('staff', 'monitoring.recordVisit', visit(fileId, '2026-04-05'));
    expect(three.exitCheck.eligible).toBe(true);
  });

  it('is decided by a director other than the proposer; staff cannot decide', async () => {
    const p = await w.ok('director', 'monitoring.proposeExit', { fileId, reason: '连续三次回访家庭人均收入稳定高于低保线1.5倍' });
    proposalId = p.id;
    expect(p).toMatchObject({ status: 'pending', mayDecide: false, proposedBy: '王主任' });
    const again = await w.core.call('monitoring.proposeExit', { fileId, reason: '重复提出' }, w.tokens.staff);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const byStaff = await w.core.call('monitoring.decideExit', { proposalId, decision: 'approve', comment: '' }, w.tokens.staff);
    expect(byStaff).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const own = await w.core.call('monitoring.decideExit', { proposalId, decision: 'approve', comment: '' }, w.tokens.director);
    expect(own).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const list = await w.ok('director2', 'monitoring.exitProposals', { status: 'pending', page: 1, pageSize: 20 });
    expect(list.rows.find((r) => r.id === proposalId)?.mayDecide).toBe(true);
    expect((await w.ok('staff', 'monitoring.overview', { scope: 'all' })).exitPending).toBe(1);
    const noComment = await w.core.call('monitoring.decideExit', { proposalId, decision: 'reject', comment: '' }, w.tokens.director2);
    expect(noComment).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keeps the file once approved: exited, stable, still in the lists, visited yearly', async () => {
    const decided = await w.ok('director2', 'monitoring.decideExit', { proposalId, decision: 'approve', comment: '同意脱困' });
    expect(decided).toMatchObject({ status: 'approved', decidedBy: '赵副主任', mayDecide: false });
    const f = await w.ok('staff', 'files.get', { id: fileId });
    expect(f.status).toBe('exited');
    const all = (await w.ok('staff', 'monitoring.schedule', { scope: 'all', show: 'all', page: 1, pageSize: 200 })).rows;
    expect(all.find((r) => r.fileId === fileId)).toMatchObject({ riskState: 'stable', status: 'exited', dueDate: '2027-04-05' });
    const m = await w.ok('staff', 'monitoring.forFile', { fileId });
    expect(m.timeline.at(-1)).toMatchObject({ kind: 'exit', warningAfter: null });
    const twice = await w.core.call('monitoring.decideExit', { proposalId, decision: 'reject', comment: '再审一次' }, w.tokens.director);
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // An exited file's household cannot change by revisit; a plain revisit is still recorded.
    await w.at('2026-06-01');
    const changed = await w.core.call('monitoring.recordVisit', visit(fileId, '2026-06-01', { household: household(0) }), w.tokens.staff);
    expect(changed).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const plain = await w.ok('staff', 'monitoring.recordVisit', visit(fileId, '2026-06-01'));
    expect(plain.schedule).toMatchObject({ riskState: 'stable', dueDate: '2027-06-01' });
  });

  it('can be reactivated by the director with a reason, back to monthly revisits when poor', async () => {
    const noReason = await w.core.call('files.reactivate', { id: fileId, reason: '' }, w.tokens.director);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await w.ok('director', 'files.reactivate', { id: fileId, reason: '再次失业，家庭收入中断' });
    await w.ok('staff', 'monitoring.recordVisit', visit(fileId, '2026-06-01', { household: household(0), findings: '再次失业' }));
    const m = await w.ok('staff', 'monitoring.forFile', { fileId });
    expect(m.schedule).toMatchObject({ status: 'active', riskState: 'uncleared', dueDate: '2026-07-01' });
    expect(m.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['exit', 'reactivate', 'revisit']));
    expect(m.timeline.find((e) => e.kind === 'reactivate')?.reason).toBe('再次失业，家庭收入中断');
  });

  it('a rejected proposal leaves the file active', async () => {
    const other = await singleFile(w, INCOME.comfortable);
    for (const d of ['2026-06-01']) await w.ok('staff', 'monitoring.recordVisit', visit(other.id, d));
    await w.core.ok('settings.update', { changes: { monitorExitRevisits: 1 } }, w.core.adminToken);
    const p = await w.ok('staff', 'monitoring.proposeExit', { fileId: other.id, reason: '收入稳定' });
    expect(p.mayDecide).toBe(false);
    const r = await w.ok('director', 'monitoring.decideExit', { proposalId: p.id, decision: 'reject', comment: '仅一次回访，继续观察' });
    expect(r.status).toBe('rejected');
    expect((await w.ok('staff', 'files.get', { id: other.id })).status).toBe('active');
    await w.core.ok('settings.update', { changes: { monitorExitRevisits: 3 } }, w.core.adminToken);
    const rejected = await cellsOf((await w.ok('staff', 'monitoring.exitProposalsXlsx', { status: 'rejected' })).base64);
    expect(rejected).toContain('仅一次回访，继续观察');
    expect(rejected).not.toContain('同意脱困');
    const all = await cellsOf((await w.ok('staff', 'monitoring.exitProposalsXlsx', {})).base64);
    expect(all).toContain('同意脱困');
  });
});

describe('warnings', () => {
  it('red and yellow need a reason and appear on the risk timeline; the revisit interval follows', async () => {
    const f = await singleFile(w, INCOME.comfortable);
    expect((await w.ok('staff', 'monitoring.forFile', { fileId: f.id })).schedule).toMatchObject({ riskState: 'cleared', dueDate: '2026-12-01' });
    const bare = await w.core.call('monitoring.setWarning', { fileId: f.id, flag: 'red', reason: '' }, w.tokens.staff);
    expect(bare).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const red = await w.ok('staff', 'monitoring.setWarning', { fileId: f.id, flag: 'red', reason: '丈夫突发脑溢血住院' });
    expect(red.schedule).toMatchObject({ warning: 'red', riskState: 'uncleared', dueDate: '2026-07-01' });
    const yellow = await w.ok('staff', 'monitoring.setWarning', { fileId: f.id, flag: 'yellow', reason: '出院回家，仍需观察' });
    const none = await w.ok('staff', 'monitoring.setWarning', { fileId: f.id, flag: 'none', reason: '已康复上班' });
    expect(yellow.schedule.warning).toBe('yellow');
    expect(none.schedule).toMatchObject({ warning: null, riskState: 'cleared' });
    const warnings = none.timeline.filter((e) => e.kind === 'warning');
    expect(warnings.map((e) => [e.warningBefore, e.warningAfter, e.reason, e.by])).toEqual([
      [null, 'red', '丈夫突发脑溢血住院', '接待员小李'],
      ['red', 'yellow', '出院回家，仍需观察', '接待员小李'],
      ['yellow', null, '已康复上班', '接待员小李'],
    ]);
    const same = await w.core.call('monitoring.setWarning', { fileId: f.id, flag: 'none', reason: '再设一次' }, w.tokens.staff);
    expect(same).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a warning set while editing the file also lands on the timeline', async () => {
    const f = await singleFile(w, INCOME.comfortable);
    const stored = await w.ok('staff', 'files.get', { id: f.id });
    const changed = await w.core.call('files.update', { id: f.id, file: { ...inputOfFile(stored), riskFlag: 'yellow', riskNote: '配偶长期病休' } }, w.tokens.staff);
    expect(changed.ok).toBe(true);
    const m = await w.ok('staff', 'monitoring.forFile', { fileId: f.id });
    expect(m.timeline.at(-1)).toMatchObject({ kind: 'warning', warningAfter: 'yellow', reason: '配偶长期病休' });
  });
});

describe('yearly review (年审)', () => {
  it('counts progress over active files and records confirmed or changed', async () => {
    const year = 2026;
    const start = await w.ok('staff', 'monitoring.reviews', { year, show: 'all', page: 1, pageSize: 200 });
    const active = (await w.ok('staff', 'files.list', { page: 1, pageSize: 200, status: 'active' })).total;
    expect(start.of).toBe(active);
    expect(start.done).toBe(0);
    const [a, b] = start.rows;
    await w.ok('staff', 'monitoring.review', { fileId: a!.fileId, year, outcome: 'confirmed', note: '' });
    const noNote = await w.core.call('monitoring.review', { fileId: b!.fileId, year, outcome: 'changed', note: '' }, w.tokens.staff);
    expect(noNote).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const changed = await w.ok('staff', 'monitoring.review', { fileId: b!.fileId, year, outcome: 'changed', note: '儿子已参加工作' });
    expect(changed).toMatchObject({ outcome: 'changed', note: '儿子已参加工作', reviewedBy: '接待员小李' });
    const twice = await w.core.call('monitoring.review', { fileId: a!.fileId, year, outcome: 'confirmed', note: '' }, w.tokens.staff);
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const after = await w.ok('staff', 'monitoring.reviews', { year, show: 'pending', page: 1, pageSize: 200 });
    expect(after).toMatchObject({ done: 2, of: active, total: active - 2 });
    expect((await w.ok('staff', 'monitoring.overview', { scope: 'all' })).reviewDone).toBe(2);
    const timeline = (await w.ok('staff', 'monitoring.forFile', { fileId: b!.fileId })).timeline;
    expect(timeline.at(-1)).toMatchObject({ kind: 'review' });
    const future = await w.core.call('monitoring.review', { fileId: b!.fileId, year: 2027, outcome: 'confirmed', note: '' }, w.tokens.staff);
    expect(future).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const sheet = await cellsOf((await w.ok('chair', 'monitoring.reviewsXlsx', { year, show: 'done' })).base64);
    expect(sheet.some((c) => c.endsWith(`2026 年年审名单（已审 2 / ${active} 户）`))).toBe(true);
    expect(sheet).toContain('儿子已参加工作');
    expect(sheet).toContain(a!.name);
  });
});
