import { Select } from 'antd';

/** A clearable filter over one of the shared vocabularies (codes with Chinese labels). */
export function VocabularyFilter<T extends string>(props: {
  label: string;
  placeholder: string;
  testId: string;
  width: number;
  values: readonly T[];
  labels: Record<T, string>;
  value: T | undefined;
  onChange(value: T | undefined): void;
}) {
  return (
    <Select<T>
      aria-label={props.label}
      data-testid={props.testId}
      placeholder={props.placeholder}
      allowClear
      style={{ width: props.width }}
      value={props.value}
      onChange={(v) => props.onChange(v)}
      options={props.values.map((v) => ({ value: v, label: props.labels[v] }))}
    />
  );
}
