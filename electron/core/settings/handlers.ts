import type { settingsChannels } from '../../../shared/contract/settings';
import { settingChangeText } from '../../../shared/auditText';
import { formatChineseDate, localDate } from '../../../shared/dates';
import { fail } from '../../../shared/errors';
import type { SettingKey } from '../../../shared/settings';
import { extraFolderProblem } from '../backup/folder';
import type { HandlerMap } from '../handler';
import { settingsProblems } from '../../../shared/settingsRules';
import type { Db } from '../../db/open';
import { settingsOn, writeSettings } from './store';
import { ensureScheduleBasis } from '../monitoring/schedule';

interface HistoryRow {
  key: SettingKey;
  value_json: string;
  effective_from: string;
  set_at: string;
  set_by: string | null;
}

/**
 * The settings must hold together on the day the change takes effect and on every later day a change
 * is already scheduled for; a refusal rolls the write back.
 */
function assertSettingsConsistent(db: Db, effectiveFrom: string): void {
  const later = (db.prepare('SELECT DISTINCT effective_from AS d FROM setting_values WHERE effective_from > ? ORDER BY d').all(effectiveFrom) as { d: string }[]).map((r) => r.d);
  for (const date of [effectiveFrom, ...later]) {
    const problems = settingsProblems(settingsOn(db, date));
    if (problems.length === 0) continue;
    const when = date === effectiveFrom ? '' : `（${date} 起已安排的设置）`;
    fail('VALIDATION', `设置前后矛盾${when}：${problems.map((p) => p.message).join('；')}。`);
  }
}

export const settingsHandlers: HandlerMap<keyof typeof settingsChannels> = {
  'settings.get': ({ settings }) => settings,
  'settings.history': ({ db }) =>
    (
      db
        .prepare(
          `SELECT s.key, s.value_json, s.effective_from, s.set_at, u.username AS set_by
           FROM setting_values s LEFT JOIN users u ON u.id = s.set_by ORDER BY s.id DESC`,
        )
        .all() as HistoryRow[]
    ).map((r) => ({
      key: r.key,
      value: JSON.parse(r.value_json) as unknown,
      effectiveFrom: r.effective_from,
      setAt: r.set_at,
      setBy: r.set_by ?? '',
    })),
  // The server's day, not the browser's: a PC with a wrong clock must not misdate a setting version.
  'settings.today': ({ now }) => ({ today: localDate(now) }),
  'settings.update': (ctx, input) => {
    const today = localDate(ctx.now);
    const effectiveFrom = input.effectiveFrom ?? today;
    if (effectiveFrom < today) fail('VALIDATION', '生效日期不能早于今天：已经做出的决定必须仍按当时的设置解释。');
    const folder = input.changes.backupExtraFolder;
    if (folder) {
      const problem = extraFolderProblem(folder, ctx.dataDir);
      if (problem) fail('VALIDATION', problem);
    }
    const before = settingsOn(ctx.db, effectiveFrom);
    const keys = writeSettings(ctx.db, input.changes, effectiveFrom, ctx.now.toISOString(), ctx.user?.id ?? null);
    if (keys.length === 0) fail('VALIDATION', '没有需要保存的修改');
    assertSettingsConsistent(ctx.db, effectiveFrom);
    const lines = keys.map((k) => settingChangeText(k, before[k], input.changes[k]));
    ctx.audit({ summary: `自 ${formatChineseDate(effectiveFrom)} 起生效；${lines.join('；')}` });
    // Stored revisit dates follow a new line or interval now, in this write, not in the next reader's call.
    ensureScheduleBasis(ctx.db, settingsOn(ctx.db, today));
    return settingsOn(ctx.db, today);
  },
};
