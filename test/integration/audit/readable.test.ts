// Issue 15: the audit log reads as Chinese — settings in yuan, refusals as a sentence naming the
// operation and its reason, logins under the user who logged in — and can be narrowed to a date
// range and exported to Excel with exactly the rows of that filter.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActor, auditSentence } from '../../../shared/auditText';
import type { AuditRow } from '../../../shared/contract/audit';
import { makeCore, type TestCore } from '../../fixtures/core';
import { shanghai } from '../../fixtures/petitions';

let core: TestCore;
let staff: string;
const all = async (q: Record<string, string> = {}): Promise<AuditRow[]> => (await core.ok('audit.list', { page: 1, pageSize: 200, ...q }, core.adminToken)).rows;

beforeAll(async () => {
  // late on the 10th, then just after midnight: two local days within one session
  core = await makeCore({ start: shanghai('2026-11-10', '23:50') });
  staff = await core.tokenFor(['staff']);
  await core.ok('settings.update', { changes: { reliefMinimumFen: 35_000, reliefNoticeRequired: false } }, core.adminToken);
  core.clock.set(shanghai('2026-11-11', '00:05'));
  await core.call('users.list', {}, staff); // refused: staff may not list users
  core.clock.set(shanghai('2026-11-11', '00:15'));
  await core.call('settings.update', { changes: { reliefNoticeDays: 'x' } }, core.adminToken); // refused: bad input
});
afterAll(() => core.close());

describe('readable audit rows', () => {
  it('shows a settings change in yuan, not in fen under a 元 label', async () => {
    const row = (await all({ channel: 'settings.update', outcome: 'ok' }))[0]!;
    const text = auditSentence(row).text;
    expect(text).toContain('自 2026年11月10日 起生效');
    expect(text).toContain('最低救助金额（元）：300.00 → 350.00');
    expect(text).toContain('救助发放前须公示：是 → 否');
    expect(text).not.toContain('30000');
  });

  it('turns an older settings row written in fen into yuan when shown', () => {
    const old = { channel: 'settings.update', channelTitle: '修改系统设置', outcome: 'ok' as const, summary: '自 2026-11-10 起生效；最低救助金额（元）：30000 → 35000；中心名称："甲" → "乙"' };
    expect(auditSentence(old).text).toBe('自 2026年11月10日 起生效；最低救助金额（元）：300.00 → 350.00；中心名称：“甲” → “乙”');
  });

  it('says in Chinese what was refused and why, keeping the raw input only as detail', async () => {
    const forbidden = (await all({ channel: 'users.list' }))[0]!;
    const s = auditSentence(forbidden);
    expect(s.text).toBe(`“${forbidden.channelTitle}”需要管理员角色，您没有这个权限。`);
    expect(s.text).not.toMatch(/[{}]/);
    const invalid = (await all({ channel: 'settings.update', outcome: 'refused' }))[0]!;
    const v = auditSentence(invalid);
    expect(v.text).toMatch(/^“修改系统设置”未执行：输入有误：/);
    expect(v.text).not.toContain('{');
    expect(v.detail).toContain('reliefNoticeDays');
  });

  it('attributes a login to the user who logged in', async () => {
    const logins = await all({ channel: 'auth.login' });
    expect(logins.map((r) => r.username)).toEqual(['u_staff']);
    expect(auditActor(logins[0]!)).toBe('u_staff');
    const setup = (await all({ channel: 'auth.setup' }))[0]!;
    expect(setup.username).toBe('admin');
    // older rows stored without a user still name the one in the summary
    expect(auditActor({ username: null, channel: 'auth.login', outcome: 'ok', summary: 'wangfang 登录' })).toBe('wangfang');
  });
});

describe('date range and export', () => {
  it('narrows the list to local days, both ends included', async () => {
    expect((await all({ from: '2026-11-11', to: '2026-11-11' })).map((r) => r.channel)).toEqual(['settings.update', 'users.list']);
    expect((await all({ from: '2026-11-12' })).map((r) => r.channel)).toEqual([]);
    const tenth = await all({ to: '2026-11-10' });
    expect(tenth.map((r) => r.channel)).toContain('auth.login');
    expect(tenth.every((r) => r.at < '2026-11-10T16:00:00.000Z')).toBe(true);
  });

  it('exports exactly the filtered rows as readable text', async () => {
    const filter = { from: '2026-11-10', to: '2026-11-11' };
    const expected = await all(filter);
    const file = await core.ok('audit.exportXlsx', filter, core.adminToken);
    expect(file.fileName).toBe('审计日志-2026-11-10至2026-11-11.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    expect(String(ws.getRow(2).getCell(1).value)).toContain('2026年11月10日至2026年11月11日');
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '时间', '用户', '操作', '结果', '内容', '原始记录']);
    const body = Array.from({ length: ws.rowCount - 3 }, (_, i) => ws.getRow(i + 4));
    expect(body.map((r) => r.getCell(1).value)).toEqual(expected.map((r) => r.id));
    const refused = body.find((r) => String(r.getCell(6).value).includes('需要管理员角色'))!;
    expect(refused.getCell(3).value).toBe('u_staff');
    expect(refused.getCell(5).value).toBe('拒绝');
    const settings = body.find((r) => String(r.getCell(6).value).includes('最低救助金额'))!;
    expect(String(settings.getCell(6).value)).toContain('300.00 → 350.00');
    const login = body.find((r) => r.getCell(4).value === '登录')!;
    expect(login.getCell(3).value).toBe('u_staff');
  });

  it('is for administrators only', async () => {
    expect(await core.call('audit.exportXlsx', {}, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
