// A list page's date-range filter: local days, both ends included, either end may stay open.
import { DatePicker } from './DatePicker';
import dayjs from 'dayjs';

export interface DayRange {
  from?: string;
  to?: string;
}

export function DateRangeFilter({ label, value, onChange, testId }: { label: string; value: DayRange; onChange(next: DayRange): void; testId: string }) {
  return (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      placeholder={[`${label}起`, `${label}止`]}
      aria-label={label}
      style={{ width: 260 }}
      data-testid={testId}
      value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
      onChange={(v) => onChange({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
    />
  );
}
