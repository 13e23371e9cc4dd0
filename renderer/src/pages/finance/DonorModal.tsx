import { Form, Input, Modal, Radio } from 'antd';
import type { Donor } from '../../../../shared/contract/ledger';
import { ledgerChannels } from '../../../../shared/contract/ledger';
import { DONOR_KINDS, DONOR_KIND_LABELS, type DonorKind } from '../../../../shared/ledger';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { zodRule } from '../../components/zodRule';

const D = ledgerChannels['ledger.addDonor'].input.shape;

interface Values {
  kind: DonorKind;
  name: string;
  contact: string;
  phone: string;
  address: string;
}

/** 新增捐赠人: a unit or a person, with how to reach them for the thank-you and the receipt. */
export function DonorModal({ open, initialName, onCancel, onCreated }: { open: boolean; initialName?: string; onCancel(): void; onCreated(d: Donor): void }) {
  const [form] = Form.useForm<Values>();
  const { busy, run } = useAction();

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const d = await run(
      () => invoke('ledger.addDonor', { kind: v.kind, name: v.name.trim(), contact: v.contact.trim(), phone: v.phone.trim(), address: v.address.trim() }),
      `已新增捐赠人 ${v.name.trim()}`,
    );
    if (d) onCreated(d);
  };

  return (
    <Modal
      open={open}
      title="新增捐赠人"
      okText="保存"
      onOk={() => void save()}
      okButtonProps={{ loading: busy, 'data-testid': 'donor-save' }}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'unit', name: initialName ?? '', contact: '', phone: '', address: '' }}
        onFinish={() => void save()}
        autoComplete="off"
      >
        <Form.Item label="类别" name="kind" rules={[zodRule(D.kind)]} required>
          <Radio.Group optionType="button" options={DONOR_KINDS.map((k) => ({ value: k, label: DONOR_KIND_LABELS[k] }))} data-testid="donor-kind" />
        </Form.Item>
        <Form.Item label="捐赠人名称" name="name" rules={[zodRule(D.name)]} required extra="单位写全称；个人写姓名。收据上按此打印。">
          <Input autoFocus maxLength={60} data-testid="donor-name" />
        </Form.Item>
        <Form.Item label="联系人" name="contact" rules={[zodRule(D.contact)]}>
          <Input maxLength={30} data-testid="donor-contact" />
        </Form.Item>
        <Form.Item label="电话" name="phone" rules={[zodRule(D.phone)]}>
          <Input maxLength={30} data-testid="donor-phone" />
        </Form.Item>
        <Form.Item label="地址" name="address" rules={[zodRule(D.address)]}>
          <Input maxLength={120} data-testid="donor-address" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
