// THE contract: every channel the renderer may call, its input schema, output type and roles.
// Channel names are written only in the domain contract files assembled here.
import { z } from 'zod';
import { auditChannels } from './contract/audit';
import { authChannels } from './contract/auth';
import { campaignChannels } from './contract/campaigns';
import { backupChannels } from './contract/backup';
import type { ChannelDef } from './contract/define';
import { dashboardChannels } from './contract/dashboard';
import { fileChannels } from './contract/files';
import { jobChannels } from './contract/jobs';
import { ledgerChannels } from './contract/ledger';
import { materialChannels } from './contract/materials';
import { monitoringChannels } from './contract/monitoring';
import { petitionChannels } from './contract/petitions';
import { reliefChannels } from './contract/relief';
import { referralChannels } from './contract/referrals';
import { reportChannels } from './contract/reports';
import { settingsChannels } from './contract/settings';
import { userChannels } from './contract/users';
import { voucherChannels } from './contract/vouchers';

// Fallback messages for checks without a hand-written one are Chinese too.
z.config(z.locales.zhCN());

export const contract = {
  ...authChannels,
  ...userChannels,
  ...settingsChannels,
  ...auditChannels,
  ...fileChannels,
  ...petitionChannels,
  ...dashboardChannels,
  ...reliefChannels,
  ...ledgerChannels,
  ...voucherChannels,
  ...materialChannels,
  ...referralChannels,
  ...campaignChannels,
  ...backupChannels,
  ...reportChannels,
  ...monitoringChannels,
  ...jobChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

export const CHANNELS = Object.keys(contract) as Channel[];

/** The list of domain parts, kept so a test can prove no channel name is declared twice. */
export const contractParts: Record<string, Record<string, unknown>> = {
  auth: authChannels,
  users: userChannels,
  settings: settingsChannels,
  audit: auditChannels,
  files: fileChannels,
  petitions: petitionChannels,
  dashboard: dashboardChannels,
  relief: reliefChannels,
  ledger: ledgerChannels,
  vouchers: voucherChannels,
  materials: materialChannels,
  referrals: referralChannels,
  campaigns: campaignChannels,
  backup: backupChannels,
  reports: reportChannels,
  monitoring: monitoringChannels,
  jobs: jobChannels,
};
