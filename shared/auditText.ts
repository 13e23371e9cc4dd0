// How an audit row reads to the administrator (issue 15): a Chinese sentence instead of the raw
// record. The stored row is hash-chained and never rewritten, so older rows (settings in fen,
// refusals with their input as JSON, logins without a user) are turned into prose when shown.
import type { AuditRow } from './contract/audit';
import { formatChineseDate } from './dates';
import { formatFen } from './money';
import { SETTING_LABELS, type SettingKey } from './settings';

/** Shown for a call made without a session, e.g. a failed login. */
export const NO_SESSION = '（未登录）';

/** A setting's value as a person reads it: money in yuan (the labels say 元), yes/no, text in quotes. */
export function settingValueText(key: SettingKey, value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' && key.endsWith('Fen') && Number.isSafeInteger(value)) return formatFen(value);
  if (typeof value === 'string') return value === '' ? '（空）' : `“${value}”`;
  return String(value);
}

/** One line of a settings change: "最低救助金额（元）：300.00 → 350.00". */
export const settingChangeText = (key: SettingKey, before: unknown, after: unknown): string =>
  `${SETTING_LABELS[key]}：${settingValueText(key, before)} → ${settingValueText(key, after)}`;

const KEY_BY_LABEL = new Map(Object.entries(SETTING_LABELS).map(([k, label]) => [label, k as SettingKey]));

/** An older settings summary ("自 2026-11-10 起生效；…：30000 → 35000") with its values made readable. */
function readableSettingsSummary(summary: string): string {
  // rows written since issue 15 start "自 2026年11月10日 起生效" and are readable already
  if (!/^自 \d{4}-\d{2}-\d{2} 起生效/.test(summary)) return summary;
  return summary
    .split('；')
    .map((part) => {
      const effective = /^自 (\d{4}-\d{2}-\d{2}) 起生效$/.exec(part);
      if (effective) return `自 ${formatChineseDate(effective[1]!)} 起生效`;
      const cut = part.indexOf('：');
      const key = cut < 0 ? undefined : KEY_BY_LABEL.get(part.slice(0, cut));
      const values = key === undefined ? null : /^(.*) → (.*)$/.exec(part.slice(cut + 1));
      if (!key || !values) return part;
      try {
        return settingChangeText(key, JSON.parse(values[1]!), JSON.parse(values[2]!));
      } catch {
        return part;
      }
    })
    .join('；');
}

const looksLikeJson = (s: string) => /^[[{]/.test(s.trim());

export interface AuditSentence {
  /** What happened, in Chinese. */
  text: string;
  /** The recorded input or technical detail behind it, when there is one (masked as stored). */
  detail: string | null;
}

/** The row as a sentence: a refusal names the operation and the Chinese reason; raw input becomes the detail. */
export function auditSentence(row: Pick<AuditRow, 'channel' | 'channelTitle' | 'outcome' | 'summary'>): AuditSentence {
  const cut = row.summary.indexOf('｜');
  if (row.outcome === 'refused') {
    const reason = (cut < 0 ? row.summary : row.summary.slice(0, cut)).trim();
    const rest = cut < 0 ? '' : row.summary.slice(cut + 1).trim();
    const detail = rest === '' || rest === '{}' ? null : rest;
    // a refusal with a handler's own note ("xxx 密码错误") reads as its reason plus that note
    const note = detail !== null && !looksLikeJson(detail) ? `（${detail}）` : '';
    // a reason that already names the operation (“用户列表”需要管理员角色…) is not prefixed with it again
    const head = reason.includes(`“${row.channelTitle}”`) ? '' : `“${row.channelTitle}”未执行：`;
    return { text: `${head}${reason}${note}`, detail: note === '' ? detail : null };
  }
  if (row.channel === 'settings.update') return { text: readableSettingsSummary(row.summary), detail: null };
  if (looksLikeJson(row.summary)) return { text: row.channelTitle, detail: row.summary };
  return { text: row.summary, detail: null };
}

/** Who acted: the session's user, or for an older successful login the user it logged in. */
export function auditActor(row: Pick<AuditRow, 'username' | 'channel' | 'outcome' | 'summary'>): string {
  if (row.username) return row.username;
  if (row.channel === 'auth.login' && row.outcome === 'ok') {
    const m = /^(\S+) 登录$/.exec(row.summary);
    if (m) return m[1]!;
  }
  return NO_SESSION;
}
