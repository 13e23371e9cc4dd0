import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { materialChannels, type Item } from '../../../../shared/contract/materials';
import { ITEM_CATEGORIES, ITEM_CATEGORY_LABELS, type ItemCategory } from '../../../../shared/materials';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { zodRule } from '../../components/zodRule';

const I = materialChannels['materials.addItem'].input.shape;

interface Values {
  name: string;
  spec: string;
  unit: string;
  category?: ItemCategory;
  shelfLifeDays?: number | null;
  lowStock?: number | null;
}

/** 新增物资品种: name, spec, unit, category, shelf life and the low-stock line (库存预警). */
export function ItemModal({ open, initialName, onCancel, onCreated }: { open: boolean; initialName?: string; onCancel(): void; onCreated(item: Item): void }) {
  const [form] = Form.useForm<Values>();
  const { busy, run } = useAction();

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const item = await run(
      () =>
        invoke('materials.addItem', {
          name: v.name.trim(),
          spec: (v.spec ?? '').trim(),
          unit: v.unit.trim(),
          category: v.category!,
          shelfLifeDays: v.shelfLifeDays ?? null,
          lowStock: v.lowStock ?? 0,
        }),
      `已新增物资品种 ${v.name.trim()}`,
    );
    if (item) onCreated(item);
  };

  return (
    <Modal
      open={open}
      title="新增物资品种"
      okText="保存"
      onOk={() => void save()}
      okButtonProps={{ loading: busy, 'data-testid': 'item-save' }}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="item-dialog"
    >
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 18 }}
        preserve={false}
        initialValues={{ name: initialName ?? '', spec: '', unit: '', category: 'food', shelfLifeDays: null, lowStock: 0 }}
        onFinish={() => void save()}
        autoComplete="off"
      >
        <Form.Item label="品名" name="name" rules={[zodRule(I.name)]} required>
          <Input autoFocus maxLength={40} placeholder="如：大米" data-testid="item-name" />
        </Form.Item>
        <Form.Item label="规格" name="spec" rules={[zodRule(I.spec)]}>
          <Input maxLength={40} placeholder="如：10kg/袋，可不填" data-testid="item-spec" />
        </Form.Item>
        <Form.Item label="计量单位" name="unit" rules={[zodRule(I.unit)]} required>
          <Input maxLength={8} placeholder="如：袋、桶、件" style={{ width: 160 }} data-testid="item-unit" />
        </Form.Item>
        <Form.Item label="类别" name="category" rules={[{ required: true, message: '请选择类别' }]} required>
          <Select<ItemCategory> options={ITEM_CATEGORIES.map((c) => ({ value: c, label: ITEM_CATEGORY_LABELS[c] }))} style={{ width: 160 }} data-testid="item-category" />
        </Form.Item>
        <Form.Item label="保质期" name="shelfLifeDays" rules={[zodRule(I.shelfLifeDays)]} extra="食品、药品等填写保质天数，入库时须登记到期日；不过期的物资不填">
          <InputNumber min={1} max={3650} precision={0} suffix="天" style={{ width: 160 }} data-testid="item-shelf-life" />
        </Form.Item>
        <Form.Item label="库存预警线" name="lowStock" rules={[zodRule(I.lowStock)]} extra="库存合计低于这个数时在工作台提示；0 表示不提示">
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 160 }} data-testid="item-low-stock" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
