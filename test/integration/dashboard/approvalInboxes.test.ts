// The 工作台's approval inboxes beyond relief: campaign lists waiting for the director's check or the
// chair's approval, and exit proposals waiting for a director — each counted only for the role that acts
// on it, never a list the user built (created, added or removed a line, submitted) or, for the chair, one
// they checked as director, never an exit they proposed. The counts are held to the campaign policy's own
// answer (campaigns.get → permissions.decide) for every user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStatus } from '../../../shared/campaign';
import { campaignInput, file } from '../../fixtures/campaigns';
import { TEST_PASSWORD } from '../../fixtures/core';
import { allLines, plansDuring, tableScans } from '../search/plans';
import { household, INCOME, makeWorld, singleFile, visit, type MonitoringWorld, type Who } from '../monitoring/setup';

let w: MonitoringWorld;
let finance = '';
let both = ''; // director and chair in one person (a small centre)
const ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', number> = { A: 0, B: 0, C: 0, D: 0, E: 0, F: 0 };

const inboxes = async (token: string) => {
  const s = await w.core.ok('dashboard.summary', {}, token);
  return { check: s.campaignsToCheck, approve: s.campaignsToApprove, exits: s.exitProposalsToDecide };
};

/** How many lists at `status` the campaign policy itself lets this user decide. */
async function policyCount(token: string, status: CampaignStatus): Promise<number> {
  let n = 0;
  for (const id of Object.values(ids)) {
    const c = await w.core.ok('campaigns.get', { id }, token);
    if (c.status === status && c.permissions.decide) n++;
  }
  return n;
}

beforeAll(async () => {
  w = await makeWorld('2026-01-05');
  // Two households whose income has stayed above 1.5 × the line for three revisits: exits may be proposed.
  const exiting = [(await singleFile(w, INCOME.orange)).id, (await singleFile(w, INCOME.orange)).id];
  await w.at('2026-02-05');
  for (const fileId of exiting) await w.ok('staff', 'monitoring.recordVisit', visit(fileId, '2026-02-05', { household: household(INCOME.comfortable), findings: '本人已转正，月收入 2000 元' }));
  for (const day of ['2026-03-05', '2026-04-05']) {
    await w.at(day);
    for (const fileId of exiting) await w.ok('staff', 'monitoring.recordVisit', visit(fileId, day));
  }
  await w.ok('staff', 'monitoring.proposeExit', { fileId: exiting[0]!, reason: '连续三次回访人均收入稳定高于低保线1.5倍' });
  await w.ok('director', 'monitoring.proposeExit', { fileId: exiting[1]!, reason: '连续三次回访人均收入稳定高于低保线1.5倍' });

  const person = async (username: string, displayName: string, roles: ('finance' | 'director' | 'chair')[]) => {
    await w.core.ok('users.create', { username, displayName, password: TEST_PASSWORD, roles }, w.core.adminToken);
    return (await w.core.ok('auth.login', { username, password: TEST_PASSWORD })).token;
  };
  finance = await person('cai_wu', '财务小孙', ['finance']);
  both = await person('zhu_ren_zhu_xi', '钱主任兼主席', ['director', 'chair']);
  const staff = w.tokens.staff;
  const poor = [await file(w.core, staff), await file(w.core, staff)];
  const list = async (name: string, builder: Who, adders: Who[] = [builder]) => {
    const c = await w.ok(builder, 'campaigns.create', campaignInput({ name }));
    for (const [i, who] of adders.entries()) await w.ok(who, 'campaigns.addLine', { id: c.id, fileId: poor[i]!.id, group: 'hardship', reason: '走访确认困难' });
    return c.id;
  };
  ids.A = await list('甲 接待员编制', 'staff');
  ids.B = await list('乙 主任编制', 'director');
  ids.C = await list('丙 主任补列一人', 'staff', ['staff', 'director']);
  ids.F = await list('己 副主任移除一人', 'staff', ['staff', 'staff']);
  const line = w.core.app.db.prepare('SELECT id FROM campaign_lines WHERE campaign_id = ? AND file_id = ?').get(ids.F, poor[1]!.id) as { id: number };
  await w.ok('director2', 'campaigns.removeLine', { lineId: line.id, reason: '已享受其他慰问' });
  ids.D = await list('丁 副主任已审核', 'staff');
  ids.E = await list('戊 兼任主席者已审核', 'staff');
  for (const id of Object.values(ids)) await w.ok(id === ids.B ? 'director' : 'staff', 'campaigns.submit', { id });
  await w.ok('director2', 'campaigns.decide', { id: ids.D, decision: 'approve', comment: '' });
  await w.core.ok('campaigns.decide', { id: ids.E, decision: 'approve', comment: '' }, both);
}, 120_000);
afterAll(() => w.core.close());

describe('the approval inboxes on the 工作台', () => {
  it('count for each role only what it may decide', async () => {
    // pending_director: A, B, C, F; pending_chair: D (checked by director2), E (checked by the one who is also chair).
    expect(await inboxes(w.tokens.director)).toEqual({ check: 2, approve: 0, exits: 1 }); // not B (built), C (added a line), nor its own exit
    expect(await inboxes(w.tokens.director2)).toEqual({ check: 3, approve: 0, exits: 2 }); // not F (removed a line)
    expect(await inboxes(both)).toEqual({ check: 4, approve: 1, exits: 2 }); // not E: checked it as director
    expect(await inboxes(w.tokens.chair)).toEqual({ check: 0, approve: 2, exits: 0 });
    for (const token of [w.tokens.staff, w.tokens.staff2, finance]) expect(await inboxes(token)).toEqual({ check: 0, approve: 0, exits: 0 });
  });

  it('agree with the campaign policy for every user', async () => {
    for (const token of [w.tokens.director, w.tokens.director2, both, w.tokens.chair, w.tokens.staff, finance]) {
      const s = await inboxes(token);
      expect([s.check, s.approve]).toEqual([await policyCount(token, 'pending_director'), await policyCount(token, 'pending_chair')]);
    }
  });

  it('read indexes: pending exits from their partial index, decisions and lines by campaign', async () => {
    const exits = await plansDuring(w.core.app.db, 'file_exit_proposals', () => w.core.ok('dashboard.summary', {}, both));
    expect(tableScans(exits), allLines(exits)).toEqual([]);
    expect(allLines(exits)).toContain('file_exit_proposals_one_pending');
    const lists = await plansDuring(w.core.app.db, 'campaign_lines', () => w.core.ok('dashboard.summary', {}, both));
    expect(lists).toHaveLength(2); // the director's stage and the chair's
    for (const c of lists) {
      expect(c.plan.join(' | ')).toMatch(/SEARCH d USING INDEX campaign_decisions_campaign.*SEARCH l USING INDEX sqlite_autoindex_campaign_lines_1 \(campaign_id=\?\)/);
      // read whole: only the campaigns themselves (a handful a year) and the lines removed by hand
      expect(tableScans([c])).toEqual(['SCAN c', 'SCAN r']);
    }
  });

  it('move on when a list or an exit is decided', async () => {
    await w.ok('director2', 'campaigns.decide', { id: ids.A, decision: 'approve', comment: '' });
    // the staff member's proposal (the one the director could decide) is decided by director2
    const pending = w.core.app.db.prepare("SELECT id FROM file_exit_proposals WHERE status = 'pending' ORDER BY id").all() as { id: number }[];
    await w.ok('director2', 'monitoring.decideExit', { proposalId: pending[0]!.id, decision: 'approve', comment: '同意脱困' });
    expect(await inboxes(w.tokens.director)).toEqual({ check: 1, approve: 0, exits: 0 });
    expect(await inboxes(w.tokens.chair)).toEqual({ check: 0, approve: 3, exits: 0 });
    expect(await inboxes(w.tokens.director2)).toEqual({ check: 2, approve: 0, exits: 1 });
  });
});
