import { Input, Select } from 'antd';

/** A 帮扶责任人: a user of the system, or a name typed in for someone who is not one. */
export interface Responsible {
  userId: number | null;
  name: string;
}
export type ResponsiblePerson = { id: number; displayName: string };

/** The two fields of a 帮扶责任人 (pick a user, or type a name), for one file or many. */
export function ResponsibleFields(p: { idPrefix: string; people: ResponsiblePerson[]; value: Responsible; onChange(v: Responsible): void }) {
  return (
    <>
      <label htmlFor={`${p.idPrefix}-user`}>系统用户（结对联系的领导或工作人员）</label>
      <Select<number>
        id={`${p.idPrefix}-user`}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
        placeholder="选择用户，或在下面填写姓名"
        value={p.value.userId ?? undefined}
        onChange={(v) => p.onChange({ userId: v ?? null, name: '' })}
        options={p.people.map((u) => ({ value: u.id, label: u.displayName }))}
        data-testid={`${p.idPrefix}-user`}
      />
      <label htmlFor={`${p.idPrefix}-name`}>或填写姓名（非系统用户）</label>
      <Input
        id={`${p.idPrefix}-name`}
        maxLength={60}
        disabled={p.value.userId !== null}
        value={p.value.name}
        onChange={(e) => p.onChange({ userId: null, name: e.target.value })}
        data-testid={`${p.idPrefix}-name`}
      />
    </>
  );
}
