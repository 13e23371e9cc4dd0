import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Radio, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { Donor } from '../../../../shared/contract/ledger';
import { materialChannels, type Location } from '../../../../shared/contract/materials';
import { LOCATION_KINDS, LOCATION_KIND_LABELS, type LocationKind } from '../../../../shared/materials';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { zodRule } from '../../components/zodRule';
import { DonorModal } from '../finance/DonorModal';
import { DonorPicker } from '../finance/DonorPicker';

const L = materialChannels['materials.addLocation'].input.shape;

interface Values {
  kind: LocationKind;
  donorId?: number;
  name: string;
  address: string;
  contact: string;
  phone: string;
}

/**
 * 新增存放地点: the centre's own store, or goods left with the donor (谁捐助谁代管) — then the donor
 * and the address where the goods are kept. `donor` (the one on the receiving form) is offered first.
 */
export function LocationModal({ open, donor: initialDonor, onCancel, onCreated }: { open: boolean; donor: Donor | null; onCancel(): void; onCreated(l: Location): void }) {
  const [form] = Form.useForm<Values>();
  const { busy, run } = useAction();
  const [donor, setDonor] = useState<Donor | null>(null);
  const [donorOpen, setDonorOpen] = useState(false);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (open) setDonor(initialDonor);
  }, [open, initialDonor]);

  /** The donor's own details fill the empty fields (the clerk may still change them). */
  const pickDonor = (d: Donor | null) => {
    setDonor(d);
    if (!d) return;
    const v = form.getFieldsValue();
    form.setFieldsValue({
      donorId: d.id,
      name: v.name?.trim() ? v.name : `${d.name}代管`,
      address: v.address?.trim() ? v.address : d.address,
      contact: v.contact?.trim() ? v.contact : d.contact,
      phone: v.phone?.trim() ? v.phone : d.phone,
    });
  };

  const onKind = (k: LocationKind) => {
    if (k === 'donor' && donor && !form.getFieldValue('donorId')) pickDonor(donor);
  };

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const held = v.kind === 'donor';
    const l = await run(
      () =>
        invoke('materials.addLocation', {
          name: v.name.trim(),
          kind: v.kind,
          donorId: held ? (v.donorId ?? null) : null,
          address: (v.address ?? '').trim(),
          contact: (v.contact ?? '').trim(),
          phone: (v.phone ?? '').trim(),
        }),
      `已新增存放地点 ${v.name.trim()}`,
    );
    if (l) onCreated(l);
  };

  return (
    <Modal
      open={open}
      title="新增存放地点"
      width={640}
      okText="保存"
      onOk={() => void save()}
      okButtonProps={{ loading: busy, 'data-testid': 'location-save' }}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="location-dialog"
    >
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 19 }}
        preserve={false}
        initialValues={{ kind: 'store', name: '', address: '', contact: '', phone: '' }}
        onFinish={() => void save()}
        autoComplete="off"
      >
        <Form.Item label="类别" name="kind" required>
          <Radio.Group
            optionType="button"
            options={LOCATION_KINDS.map((k) => ({ value: k, label: LOCATION_KIND_LABELS[k] }))}
            onChange={(e) => onKind(e.target.value as LocationKind)}
            data-testid="location-kind"
          />
        </Form.Item>
        {kind === 'donor' && (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title="谁捐助谁代管：大宗物资可留在捐赠方，仍记在中心账上，按存放地点管理。" />
            <Form.Item label="代管的捐赠方" required>
              <Space.Compact style={{ width: '100%' }}>
                <span data-testid="location-donor" style={{ flex: 1, display: 'flex' }}>
                  <Form.Item name="donorId" noStyle rules={[{ required: true, message: '请选择代管物资的捐赠方' }]}>
                    <DonorPicker picked={donor} onPicked={pickDonor} />
                  </Form.Item>
                </span>
                <Button icon={<PlusOutlined />} onClick={() => setDonorOpen(true)}>
                  新增捐赠人
                </Button>
              </Space.Compact>
            </Form.Item>
          </>
        )}
        <Form.Item label="地点名称" name="name" rules={[zodRule(L.name)]} required extra={kind === 'donor' ? '如：红星粮油公司代管' : '如：中心一号库房'}>
          <Input maxLength={60} autoFocus data-testid="location-name" />
        </Form.Item>
        <Form.Item
          label="地址"
          name="address"
          required={kind === 'donor'}
          rules={[zodRule(L.address), ...(kind === 'donor' ? [{ required: true, whitespace: true, message: '捐赠方代管的物资须写明存放地址' }] : [])]}
        >
          <Input maxLength={120} data-testid="location-address" />
        </Form.Item>
        <Form.Item label="联系人" name="contact" rules={[zodRule(L.contact)]}>
          <Input maxLength={30} data-testid="location-contact" />
        </Form.Item>
        <Form.Item label="电话" name="phone" rules={[zodRule(L.phone)]}>
          <Input maxLength={30} data-testid="location-phone" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
      <DonorModal
        open={donorOpen}
        onCancel={() => setDonorOpen(false)}
        onCreated={(d) => {
          setDonorOpen(false);
          pickDonor(d);
          form.validateFields(['donorId']).catch(() => undefined);
        }}
      />
    </Modal>
  );
}
