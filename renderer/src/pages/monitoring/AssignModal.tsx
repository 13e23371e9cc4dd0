import { Modal, Select, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';

/** Who may assign a 帮扶责任人 to many files at once (monitoring.assignResponsible). */
export const ASSIGNERS = ['director', 'admin'] as const;

/** 批量指定帮扶责任人: one user of the system or a name typed in, for every selected file. */
export function AssignModal(p: { fileIds: number[] | null; onClose(): void; onAssigned(): void }) {
  const [people, setPeople] = useState<{ id: number; displayName: string }[]>([]);
  const [who, setWho] = useState<{ userId: number | null; name: string }>({ userId: null, name: '' });
  const { busy, run } = useAction();
  const open = p.fileIds !== null;

  useEffect(() => {
    if (!open) return;
    setWho({ userId: null, name: '' });
    void invoke('monitoring.people', {}).then(setPeople, () => setPeople([]));
  }, [open]);

  const save = async () => {
    if (!p.fileIds) return;
    const out = await run(() => invoke('monitoring.assignResponsible', { fileIds: p.fileIds!, userId: who.userId, name: who.name.trim() }), `已为 ${p.fileIds.length} 户指定帮扶责任人`);
    if (out) {
      p.onAssigned();
      p.onClose();
    }
  };

  return (
    <Modal
      open={open}
      title={`批量指定帮扶责任人（已选 ${p.fileIds?.length ?? 0} 户）`}
      okText="保存"
      confirmLoading={busy}
      onCancel={p.onClose}
      onOk={() => void save()}
      destroyOnHidden
      data-testid="assign-modal"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <label htmlFor="assign-user">系统用户（结对联系的领导或工作人员）</label>
        <Select<number>
          id="assign-user"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          placeholder="选择用户，或在下面填写姓名"
          value={who.userId ?? undefined}
          onChange={(v) => setWho({ userId: v ?? null, name: '' })}
          options={people.map((u) => ({ value: u.id, label: u.displayName }))}
          data-testid="assign-user"
        />
        <label htmlFor="assign-name">或填写姓名（非系统用户）</label>
        <Input
          id="assign-name"
          maxLength={60}
          disabled={who.userId !== null}
          value={who.name}
          onChange={(e) => setWho({ userId: null, name: e.target.value })}
          data-testid="assign-name"
        />
        <Typography.Text type="secondary">所选档案原来的帮扶责任人将被替换，操作记入审计日志。</Typography.Text>
      </Space>
    </Modal>
  );
}
