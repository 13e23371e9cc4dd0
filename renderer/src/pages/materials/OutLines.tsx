import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select, Space, Typography, type FormInstance } from 'antd';
import type { Item } from '../../../../shared/contract/materials';
import { useHotkey } from '../../components/useHotkey';
import { HotkeyHint, heldOption, type HeldItem } from './materialsLabels';

export interface OutLine {
  itemId?: number;
  quantity?: number | null;
}
export const emptyOutLine = (): OutLine => ({ itemId: undefined, quantity: null });

const GRID = 'minmax(260px, 3fr) 160px 1fr 32px';

/**
 * Lines that take goods out of one location (发放, 调拨): the item from what the place holds and
 * a quantity no larger than that. Test ids `<prefix>-line-item-<i>`, `<prefix>-line-qty-<i>`, `<prefix>-add-line`.
 */
export function OutLines({
  form,
  formName,
  prefix,
  held,
  items,
  disabled,
  onChanged,
}: {
  form: FormInstance;
  /** The Form's name, for focusing a new line's item by its id. */
  formName: string;
  prefix: string;
  held: HeldItem[];
  items: Item[];
  /** No location chosen yet. */
  disabled: boolean;
  onChanged?(): void;
}) {
  const lines = (Form.useWatch('lines', form) ?? []) as OutLine[];
  const heldById = new Map(held.map((h) => [h.itemId, h]));
  const specOf = (id: number) => items.find((i) => i.id === id)?.spec;

  const addLine = () => {
    const list = (form.getFieldValue('lines') as OutLine[] | undefined) ?? [];
    form.setFieldValue('lines', [...list, emptyOutLine()]);
    onChanged?.();
    setTimeout(() => document.getElementById(`${formName}_lines_${list.length}_itemId`)?.focus(), 50);
  };
  useHotkey({ key: 'a', alt: true }, addLine, !disabled);

  return (
    <Form.List name="lines">
      {(fields, { remove }) => (
        <div data-testid={`${prefix}-lines`}>
          <div style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, color: 'rgba(0,0,0,0.55)', fontSize: 13, marginBottom: 4 }}>
            <span>物资品种（本地点现有）</span>
            <span>数量</span>
            <span>发出后剩余</span>
            <span />
          </div>
          {fields.map((field, i) => {
            const line = lines[i];
            const h = line?.itemId ? heldById.get(line.itemId) : undefined;
            const chosenElsewhere = new Set(lines.filter((_, j) => j !== i).map((l) => l?.itemId));
            return (
              <div key={field.key} style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, alignItems: 'start' }} data-testid={`${prefix}-line`}>
                <Form.Item name={[field.name, 'itemId']} rules={[{ required: true, message: '请选择物资' }]} style={{ marginBottom: 12 }}>
                  <Select<number>
                    disabled={disabled}
                    options={held.map((x) => ({ ...heldOption(x, specOf(x.itemId)), disabled: chosenElsewhere.has(x.itemId) }))}
                    placeholder={disabled ? '请先选择地点' : '输入品名查找'}
                    showSearch={{ optionFilterProp: 'label' }}
                    notFoundContent="这个地点没有库存"
                    data-testid={`${prefix}-line-item-${i}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'quantity']}
                  validateFirst
                  rules={[
                    { required: true, message: '请填写数量' },
                    {
                      validator: async (_r, q?: number | null) => {
                        if (h && q && q > h.quantity) throw new Error(`超过库存：这里只有 ${h.quantity} ${h.unit}`);
                      },
                    },
                  ]}
                  style={{ marginBottom: 12 }}
                >
                  {/* No max at the stock: antd would quietly clamp an over-large number instead of letting the rule refuse it. */}
                  <InputNumber min={1} max={10_000_000} precision={0} disabled={disabled} suffix={h?.unit} style={{ width: '100%' }} data-testid={`${prefix}-line-qty-${i}`} />
                </Form.Item>
                <Typography.Text type="secondary" style={{ paddingTop: 5, fontVariantNumeric: 'tabular-nums' }}>
                  {h ? `${h.quantity - (line?.quantity ?? 0)} ${h.unit}` : ''}
                </Typography.Text>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除这一行"
                  disabled={fields.length === 1}
                  onClick={() => {
                    remove(field.name);
                    onChanged?.();
                  }}
                  data-testid={`${prefix}-line-remove-${i}`}
                />
              </div>
            );
          })}
          <Space>
            <Button icon={<PlusOutlined />} onClick={addLine} disabled={disabled} data-testid={`${prefix}-add-line`}>
              增加一行 <HotkeyHint>Alt+A</HotkeyHint>
            </Button>
          </Space>
        </div>
      )}
    </Form.List>
  );
}

/** 'a 2袋、b 1件' for a confirmation. */
export function linesText(lines: OutLine[], held: HeldItem[]): string {
  return lines
    .filter((l) => l?.itemId && l.quantity)
    .map((l) => {
      const h = held.find((x) => x.itemId === l.itemId);
      return `${h?.itemName ?? ''} ${l.quantity}${h?.unit ?? ''}`;
    })
    .join('、');
}
