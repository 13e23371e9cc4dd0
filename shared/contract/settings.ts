import { z } from 'zod';
import { settingsSchema, type SettingKey, type Settings } from '../settings';
import { channel, emptyInput } from './define';
import { isoDate } from './fields';

export interface SettingChange {
  key: SettingKey;
  value: unknown;
  effectiveFrom: string;
  setAt: string;
  setBy: string;
}

export const settingsChannels = {
  'settings.get': channel<Settings>()({
    title: '读取系统设置',
    input: emptyInput,
    access: 'any',
    kind: 'read',
  }),
  'settings.history': channel<SettingChange[]>()({
    title: '设置变更历史',
    input: emptyInput,
    access: ['admin'],
    kind: 'read',
  }),
  'settings.today': channel<{ today: string }>()({
    title: '读取今天的日期',
    input: emptyInput,
    access: 'any',
    kind: 'read',
  }),
  'settings.update': channel<Settings>()({
    title: '修改系统设置',
    input: z
      .object({
        changes: settingsSchema.partial().strict(),
        /** Defaults to today: a future date schedules the change. */
        effectiveFrom: isoDate.optional(),
      })
      .strict(),
    access: ['admin'],
    kind: 'write',
  }),
} as const;
