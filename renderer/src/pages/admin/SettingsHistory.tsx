import { Card, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { SettingChange } from '../../../../shared/contract/settings';
import { localDateTime } from '../../../../shared/dates';
import { formatYuan } from '../../../../shared/money';
import { SETTING_LABELS } from '../../../../shared/settings';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';

const show = (c: SettingChange) =>
  typeof c.value === 'boolean' ? (c.value ? '是' : '否') : typeof c.value === 'number' && c.key.endsWith('Fen') ? formatYuan(c.value) : String(c.value);

/** Every settings change with its effective date and who made it; `version` reloads it after a save. */
export function SettingsHistory({ version }: { version: number }) {
  const [rows, setRows] = useState<SettingChange[]>([]);
  const { busy, run } = useAction();
  useEffect(() => {
    void run(() => invoke('settings.history', {})).then((r) => r && setRows(r));
  }, [run, version]);
  return (
    <Card size="small" title="设置变更记录" data-testid="settings-history">
      <Table<SettingChange>
        size="small"
        rowKey={(r) => `${r.key}-${r.setAt}`}
        loading={busy}
        dataSource={rows}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        locale={{ emptyText: '尚未修改过设置，全部使用默认值' }}
        columns={[
          { title: '设置项', dataIndex: 'key', render: (k: SettingChange['key']) => SETTING_LABELS[k] },
          { title: '新值', render: (_, r) => show(r) },
          { title: '生效日期', dataIndex: 'effectiveFrom', width: 110 },
          { title: '修改时间', dataIndex: 'setAt', width: 150, render: (at: string) => localDateTime(new Date(at)) },
          { title: '修改人', dataIndex: 'setBy', width: 100 },
        ]}
      />
    </Card>
  );
}
