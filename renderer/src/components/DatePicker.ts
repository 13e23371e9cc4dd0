// antd's DatePicker with the program's today instead of the PC's: its 今天 shortcut, the day it marks as
// today and the month a blank picker opens on. antd asks its date library for "now" (getNow); this one
// answers with the last day settings.today gave (see useServerToday), keeping the PC's time of day.
// A counter PC's clock is often wrong, and 今天 on one set back a year would silently enter last year's date.
import { DatePicker as AntDatePicker } from 'antd';
import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import type { GenerateConfig } from '@rc-component/picker/generate';
import dayjs, { type Dayjs } from 'dayjs';
import { lastKnownServerToday } from './useServerToday';

const serverNowConfig: GenerateConfig<Dayjs> = {
  ...dayjsGenerateConfig,
  getNow: () => {
    const pcNow = dayjsGenerateConfig.getNow();
    const today = lastKnownServerToday();
    if (!today) return pcNow; // only before the program has ever answered; forms wait for it anyway
    // moved by whole days (setting year, month and day one by one can overflow a month's end)
    return pcNow.add(dayjs(today).diff(pcNow.startOf('day'), 'day'), 'day');
  },
};

export const DatePicker = AntDatePicker.generatePicker<Dayjs>(serverNowConfig);
