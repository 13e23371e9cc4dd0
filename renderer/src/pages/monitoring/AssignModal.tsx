import { Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { ResponsibleFields, type Responsible, type ResponsiblePerson } from './ResponsibleFields';

/** Who may assign a 帮扶责任人 to many files at once (monitoring.assignResponsible). */
export const ASSIGNERS = ['director', 'admin'] as const;

/** 批量指定帮扶责任人: one user of the system or a name typed in, for every selected file. */
export function AssignModal(p: { fileIds: number[] | null; onClose(): void; onAssigned(): void }) {
  const [people, setPeople] = useState<ResponsiblePerson[]>([]);
  const [who, setWho] = useState<Responsible>({ userId: null, name: '' });
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
        <ResponsibleFields idPrefix="assign" people={people} value={who} onChange={setWho} />
        <Typography.Text type="secondary">所选档案原来的帮扶责任人将被替换，操作记入审计日志。</Typography.Text>
      </Space>
    </Modal>
  );
}
