import type { Channel } from '../../shared/api';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { backupHandlers } from './backup/handlers';
import { campaignHandlers } from './campaigns/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { fileHandlers } from './files/handlers';
import { jobHandlers } from '../jobs/handlers';
import { ledgerHandlers } from './ledger/handlers';
import { voucherHandlers } from './ledger/vouchers';
import { materialHandlers } from './materials/handlers';
import { monitoringHandlers } from './monitoring/handlers';
import { petitionHandlers } from './petitions/handlers';
import { reliefHandlers } from './relief/handlers';
import { referralHandlers } from './referrals/handlers';
import { reportHandlers } from './reports/handlers';
import type { Handler, HandlerMap } from './handler';
import { settingsHandlers } from './settings/handlers';
import { userHandlers } from './users/handlers';

/** One handler per contract channel; a missing one is a type error here. */
export const handlers: HandlerMap<Channel> = {
  ...authHandlers,
  ...userHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...fileHandlers,
  ...petitionHandlers,
  ...dashboardHandlers,
  ...reliefHandlers,
  ...ledgerHandlers,
  ...voucherHandlers,
  ...materialHandlers,
  ...referralHandlers,
  ...campaignHandlers,
  ...backupHandlers,
  ...monitoringHandlers,
  ...reportHandlers,
  ...jobHandlers,
};

export const handlerFor = <C extends Channel>(channel: C): Handler<C> => handlers[channel] as Handler<C>;
