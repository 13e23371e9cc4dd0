import { Alert, Badge, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { materialChannels, type Item, type Location, type StockRow } from '../../../../shared/contract/materials';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { zodRule } from '../../components/zodRule';
import { currentPath } from '../../router';
import { hasRole, useSession } from '../../session';
import { DocumentsTab } from './DocumentsTab';
import { APPROVERS, HotkeyHint, KEEPERS, LocationCell, heldAt, heldOption, itemLabel, locationOption, stockedLocations, useCatalog, type HeldItem } from './materialsLabels';
import { OutLines, emptyOutLine, linesText, type OutLine } from './OutLines';

type TabKey = 'transfer' | 'writeoff' | 'stocktake' | 'pending' | 'documents';
const TABS: TabKey[] = ['transfer', 'writeoff', 'stocktake', 'pending', 'documents'];

const T = materialChannels['materials.transfer'].input.shape;
const W = materialChannels['materials.requestWriteOff'].input.shape;
const S = materialChannels['materials.startStocktake'].input.shape;

/** Ctrl+Enter in a form asks for confirmation, like the save button. */
const ctrlEnter = (ask: () => void) => (e: React.KeyboardEvent) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    ask();
  }
};

/** 调拨、报损与盘点: moving goods between places, write-off requests and stocktakes (both wait for the director), and the documents. */
export function MovesPage() {
  const { user } = useSession();
  const canKeep = hasRole(user, KEEPERS);
  const isDirector = hasRole(user, APPROVERS);
  const asked = new URLSearchParams(currentPath().split('?')[1] ?? '').get('tab') as TabKey | null;
  const [tab, setTab] = useState<TabKey>(() => (asked && TABS.includes(asked) ? asked : isDirector ? 'pending' : canKeep ? 'transfer' : 'documents'));
  const catalog = useCatalog();
  const [stock, setStock] = useState<StockRow[]>([]);
  const [pendingCount, setPendingCount] = useState(0);
  const [version, setVersion] = useState(0);
  const [dirty, setDirty] = useState(false);
  useLeaveGuard(dirty);

  const loadStock = useCallback(() => void invoke('materials.stock', {}).then(setStock, () => setStock([])), []);
  useEffect(loadStock, [loadStock, version]);
  useEffect(() => {
    void invoke('materials.documents', { status: 'pending' }).then(
      (d) => setPendingCount(d.length),
      () => setPendingCount(0),
    );
  }, [version]);
  const changed = () => {
    setDirty(false);
    setVersion((v) => v + 1);
  };

  const common = { items: catalog.items, locations: catalog.locations, stock, onDone: changed, onDirty: setDirty };
  return (
    <Card title="调拨、报损与盘点">
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as TabKey);
          setDirty(false);
        }}
        destroyOnHidden
        items={[
          ...(canKeep
            ? [
                { key: 'transfer', label: '物资调拨', children: <TransferForm {...common} /> },
                { key: 'writeoff', label: '报损申请', children: <WriteOffForm {...common} /> },
                { key: 'stocktake', label: '盘点', children: <StocktakeForm {...common} /> },
              ]
            : []),
          {
            key: 'pending',
            label: (
              <Badge count={pendingCount} size="small" offset={[8, -2]}>
                <span data-testid="moves-pending-tab">待审批</span>
              </Badge>
            ),
            children: <DocumentsTab mode="pending" canDecide={isDirector} canPrint={canKeep} version={version} onChanged={changed} />,
          },
          { key: 'documents', label: '单据记录', children: <DocumentsTab mode="history" canDecide={false} canPrint={canKeep} version={version} onChanged={changed} /> },
        ]}
      />
    </Card>
  );
}

interface FormProps {
  items: Item[];
  locations: Location[];
  stock: StockRow[];
  onDone(): void;
  onDirty(d: boolean): void;
}

// ── 调拨 ───────────────────────────────────────────────────────────────────────────────────────
interface TransferValues {
  fromLocationId?: number;
  toLocationId?: number;
  lines: OutLine[];
  note: string;
}

function TransferForm({ items, locations, stock, onDone, onDirty }: FormProps) {
  const [form] = Form.useForm<TransferValues>();
  const [confirming, setConfirming] = useState(false);
  const { busy, run } = useAction();
  const fromId = Form.useWatch('fromLocationId', form) as number | undefined;
  const toId = Form.useWatch('toLocationId', form) as number | undefined;
  const lines = (Form.useWatch('lines', form) ?? []) as OutLine[];
  const held = useMemo(() => heldAt(stock, fromId), [stock, fromId]);
  const stocked = useMemo(() => stockedLocations(stock), [stock]);
  const name = (id?: number) => locations.find((l) => l.id === id)?.name ?? '';

  const ask = async () => {
    try {
      await form.validateFields();
      setConfirming(true);
    } catch {
      // shown under the fields
    }
  };
  const submit = async () => {
    setConfirming(false);
    const v = form.getFieldsValue(true) as TransferValues;
    const doc = await run(
      () =>
        invoke('materials.transfer', {
          fromLocationId: v.fromLocationId!,
          toLocationId: v.toLocationId!,
          lines: v.lines.map((l) => ({ itemId: l.itemId!, quantity: l.quantity! })),
          note: (v.note ?? '').trim(),
        }),
      '调拨已登记',
    );
    if (!doc) return;
    form.setFieldsValue({ lines: [emptyOutLine()], note: '' });
    onDone();
  };

  return (
    <Form<TransferValues>
      form={form}
      name="transfer"
      layout="horizontal"
      labelCol={{ flex: '110px' }}
      initialValues={{ lines: [emptyOutLine()], note: '' }}
      autoComplete="off"
      disabled={busy}
      onValuesChange={(c: Partial<TransferValues>) => {
        onDirty(true);
        if ('fromLocationId' in c) form.setFieldValue('lines', [emptyOutLine()]);
      }}
      onKeyDown={ctrlEnter(() => void ask())}
    >
      <Form.Item label="调出地点" name="fromLocationId" rules={[{ required: true, message: '请选择调出地点' }]} required>
        <Select<number>
          autoFocus
          options={locations.map((l) => ({ ...locationOption(l), disabled: !stocked.has(l.id) }))}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="从哪里调出"
          style={{ width: 560, maxWidth: '100%' }}
          data-testid="transfer-from"
        />
      </Form.Item>
      <Form.Item
        label="调入地点"
        name="toLocationId"
        dependencies={['fromLocationId']}
        rules={[
          { required: true, message: '请选择调入地点' },
          ({ getFieldValue }) => ({
            validator: async (_r, v?: number) => {
              if (v && v === getFieldValue('fromLocationId')) throw new Error('调入地点不能与调出地点相同');
            },
          }),
        ]}
        required
        extra="如：把捐赠方代管的物资运回中心仓库"
      >
        <Select<number>
          options={locations.map((l) => ({ ...locationOption(l), disabled: l.id === fromId }))}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="调到哪里"
          style={{ width: 560, maxWidth: '100%' }}
          data-testid="transfer-to"
        />
      </Form.Item>
      <Form.Item label="调拨物资" required>
        <OutLines form={form} formName="transfer" prefix="transfer" held={held} items={items} disabled={!fromId} onChanged={() => onDirty(true)} />
      </Form.Item>
      <Form.Item label="备注" name="note" rules={[zodRule(T.note)]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={200} style={{ width: 560, maxWidth: '100%' }} data-testid="transfer-note" />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Popconfirm
          open={confirming}
          title="确认调拨？"
          description={
            <div style={{ maxWidth: 360 }}>
              从“{name(fromId)}”调到“{name(toId)}”：{linesText(lines, held)}。登记后不能修改。
            </div>
          }
          okText="确认调拨"
          cancelText="再看看"
          okButtonProps={{ autoFocus: true, 'data-testid': 'transfer-confirm' }}
          onConfirm={() => void submit()}
          onCancel={() => setConfirming(false)}
          onOpenChange={(o) => !o && setConfirming(false)}
        >
          <Button type="primary" loading={busy} onClick={() => void ask()} data-testid="transfer-save">
            登记调拨 <HotkeyHint>Ctrl+Enter</HotkeyHint>
          </Button>
        </Popconfirm>
      </Form.Item>
    </Form>
  );
}

// ── 报损 ───────────────────────────────────────────────────────────────────────────────────────
interface WriteOffValues {
  locationId?: number;
  itemId?: number;
  quantity?: number | null;
  reason: string;
}

function WriteOffForm({ items, locations, stock, onDone, onDirty }: FormProps) {
  const [form] = Form.useForm<WriteOffValues>();
  const [confirming, setConfirming] = useState(false);
  const { busy, run } = useAction();
  const locationId = Form.useWatch('locationId', form) as number | undefined;
  const itemId = Form.useWatch('itemId', form) as number | undefined;
  const quantity = Form.useWatch('quantity', form) as number | undefined;
  const held = useMemo(() => heldAt(stock, locationId), [stock, locationId]);
  const stocked = useMemo(() => stockedLocations(stock), [stock]);
  const h = held.find((x) => x.itemId === itemId);

  const ask = async () => {
    try {
      await form.validateFields();
      setConfirming(true);
    } catch {
      // shown under the fields
    }
  };
  const submit = async () => {
    setConfirming(false);
    const v = form.getFieldsValue(true) as WriteOffValues;
    const doc = await run(
      () => invoke('materials.requestWriteOff', { locationId: v.locationId!, itemId: v.itemId!, quantity: v.quantity!, reason: v.reason.trim() }),
      '报损申请已提交，等待中心主任审批',
    );
    if (!doc) return;
    form.resetFields();
    onDone();
  };

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="过期、霉变、损坏的物资申请报损；中心主任同意后才从库存中扣除。" />
      <Form<WriteOffValues>
        form={form}
        name="writeoff"
        layout="horizontal"
        labelCol={{ flex: '110px' }}
        initialValues={{ reason: '' }}
        autoComplete="off"
        disabled={busy}
        onValuesChange={(c: Partial<WriteOffValues>) => {
          onDirty(true);
          if ('locationId' in c) form.setFieldsValue({ itemId: undefined, quantity: null });
        }}
        onFinish={() => void ask()}
        onKeyDown={ctrlEnter(() => void ask())}
      >
        <Form.Item label="存放地点" name="locationId" rules={[{ required: true, message: '请选择存放地点' }]} required>
          <Select<number>
            autoFocus
            options={locations.map((l) => ({ ...locationOption(l), disabled: !stocked.has(l.id) }))}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 560, maxWidth: '100%' }}
            data-testid="writeoff-location"
          />
        </Form.Item>
        <Form.Item label="物资" name="itemId" rules={[{ required: true, message: '请选择报损的物资' }]} required>
          <Select<number>
            disabled={!locationId}
            options={held.map((x) => heldOption(x, items.find((i) => i.id === x.itemId)?.spec))}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={locationId ? '输入品名查找' : '请先选择地点'}
            style={{ width: 560, maxWidth: '100%' }}
            data-testid="writeoff-item"
          />
        </Form.Item>
        <Form.Item
          label="报损数量"
          name="quantity"
          validateFirst
          rules={[
            { required: true, message: '请填写报损数量' },
            zodRule(W.quantity),
            {
              validator: async (_r, q?: number | null) => {
                if (h && q && q > h.quantity) throw new Error(`超过库存：这里只有 ${h.quantity} ${h.unit}`);
              },
            },
          ]}
          required
          extra={h?.earliestExpiry ? `最早一批 ${h.earliestExpiry} 到期` : undefined}
        >
          <InputNumber min={1} max={10_000_000} precision={0} suffix={h?.unit} style={{ width: 180 }} data-testid="writeoff-qty" />
        </Form.Item>
        <Form.Item label="报损原因" name="reason" rules={[zodRule(W.reason)]} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={200} showCount style={{ width: 560, maxWidth: '100%' }} placeholder="如：2026年10月到期，已过保质期" data-testid="writeoff-reason" />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Popconfirm
            open={confirming}
            title="提交报损申请？"
            description={
              <div style={{ maxWidth: 360 }}>
                {h ? `${h.itemName} ${quantity ?? ''}${h.unit}` : ''} 报损，交中心主任审批；同意后从库存中扣除。
              </div>
            }
            okText="提交"
            cancelText="再看看"
            okButtonProps={{ autoFocus: true, danger: true, 'data-testid': 'writeoff-confirm' }}
            onConfirm={() => void submit()}
            onCancel={() => setConfirming(false)}
            onOpenChange={(o) => !o && setConfirming(false)}
          >
            <Button type="primary" danger loading={busy} onClick={() => void ask()} data-testid="writeoff-save">
              提交报损申请 <HotkeyHint>Ctrl+Enter</HotkeyHint>
            </Button>
          </Popconfirm>
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </>
  );
}

// ── 盘点 ───────────────────────────────────────────────────────────────────────────────────────
interface CountRow extends HeldItem {
  counted: number | null;
}

function StocktakeForm({ items, locations, stock, onDone, onDirty }: FormProps) {
  const [locationId, setLocationId] = useState<number | undefined>();
  const [rows, setRows] = useState<CountRow[]>([]);
  const [extraItem, setExtraItem] = useState<number | undefined>();
  const [note, setNote] = useState('');
  const { busy, run } = useAction();
  const location = locations.find((l) => l.id === locationId);

  // A new place: its book quantities, each counted as the book says until the clerk changes it.
  useEffect(() => {
    setRows(heldAt(stock, locationId).map((h) => ({ ...h, counted: h.quantity })));
  }, [stock, locationId]);

  const setCounted = (itemId: number, counted: number | null) => {
    setRows((rs) => rs.map((r) => (r.itemId === itemId ? { ...r, counted } : r)));
    onDirty(true);
  };
  const addFound = () => {
    const it = items.find((i) => i.id === extraItem);
    if (!it || rows.some((r) => r.itemId === it.id)) return;
    setRows((rs) => [...rs, { itemId: it.id, itemName: it.name, unit: it.unit, quantity: 0, valueFen: 0, earliestExpiry: null, counted: null }]);
    setExtraItem(undefined);
    onDirty(true);
  };

  const missing = rows.some((r) => r.counted === null);
  const diffs = rows.filter((r) => r.counted !== null && r.counted !== r.quantity);
  const noteError = S.note.safeParse(note).success ? null : '备注不能超过 200 个字';

  const submit = async () => {
    const doc = await run(
      () => invoke('materials.startStocktake', { locationId: locationId!, counts: rows.map((r) => ({ itemId: r.itemId, counted: r.counted! })), note: note.trim() }),
      diffs.length ? '盘点已登记，盘盈盘亏等待中心主任审批' : '盘点已登记',
    );
    if (!doc) return;
    setNote('');
    onDone();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title="逐项清点实物，填写实盘数量。账实不符的（盘盈、盘亏）交中心主任审批后才调整库存。" />
      <Space wrap>
        <Typography.Text>盘点地点：</Typography.Text>
        <Select<number>
          autoFocus
          value={locationId}
          onChange={(v) => {
            setLocationId(v);
            onDirty(false);
          }}
          options={locations.map(locationOption)}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择要盘点的地点"
          style={{ width: 420 }}
          data-testid="stocktake-location"
        />
        {location && <LocationCell name={location.name} kind={location.kind} location={location} />}
      </Space>
      {locationId && (
        <>
          <Table<CountRow>
            rowKey="itemId"
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="stocktake-table"
            onRow={() => ({ 'data-testid': 'stocktake-row' }) as object}
            locale={{ emptyText: '账上这个地点没有物资；清点到的物资可在下方添加' }}
            columns={[
              { title: '物资', key: 'item', render: (_, r) => itemLabel({ name: r.itemName, spec: items.find((i) => i.id === r.itemId)?.spec ?? '' }) },
              { title: '账面数量', dataIndex: 'quantity', width: 120, align: 'right', render: (n: number, r) => `${n} ${r.unit}` },
              {
                title: '实盘数量',
                key: 'counted',
                width: 170,
                render: (_, r, i) => (
                  <InputNumber
                    min={0}
                    max={10_000_000}
                    precision={0}
                    value={r.counted}
                    status={r.counted === null ? 'error' : undefined}
                    onChange={(v) => setCounted(r.itemId, v)}
                    suffix={r.unit}
                    style={{ width: 150 }}
                    data-testid={`stocktake-count-${i}`}
                  />
                ),
              },
              {
                title: '差异',
                key: 'diff',
                width: 120,
                align: 'right',
                render: (_, r) => {
                  if (r.counted === null) return <Typography.Text type="danger">未填</Typography.Text>;
                  const d = r.counted - r.quantity;
                  return d === 0 ? (
                    <Typography.Text type="secondary">相符</Typography.Text>
                  ) : (
                    <Typography.Text type={d < 0 ? 'danger' : 'success'} strong>
                      {d > 0 ? `盘盈 +${d}` : `盘亏 ${d}`} {r.unit}
                    </Typography.Text>
                  );
                },
              },
            ]}
          />
          <Space wrap>
            <Select<number>
              value={extraItem}
              onChange={setExtraItem}
              options={items.filter((i) => !rows.some((r) => r.itemId === i.id)).map((i) => ({ value: i.id, label: `${itemLabel(i)}　${i.unit}` }))}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="账上没有、实际清点到的物资"
              style={{ width: 320 }}
              data-testid="stocktake-extra-item"
            />
            <Button onClick={addFound} disabled={!extraItem} data-testid="stocktake-extra-add">
              添加
            </Button>
          </Space>
          <Input.TextArea
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              onDirty(true);
            }}
            status={noteError ? 'error' : undefined}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={200}
            placeholder="备注：盘点人、监盘人、差异原因等"
            style={{ maxWidth: 640 }}
            data-testid="stocktake-note"
          />
          <Space>
            <Popconfirm
              title="登记这次盘点？"
              description={
                <div style={{ maxWidth: 360 }}>
                  {diffs.length === 0
                    ? '账实相符，登记后留档。'
                    : `有 ${diffs.length} 项不符：${diffs.map((r) => `${r.itemName} ${r.counted! - r.quantity > 0 ? '+' : ''}${r.counted! - r.quantity}${r.unit}`).join('、')}。交中心主任审批，同意后调整库存。`}
                </div>
              }
              okText="登记"
              cancelText="再看看"
              okButtonProps={{ autoFocus: true, 'data-testid': 'stocktake-confirm' }}
              onConfirm={() => void submit()}
              disabled={missing || rows.length === 0 || !!noteError}
            >
              <Button type="primary" loading={busy} disabled={missing || rows.length === 0 || !!noteError} data-testid="stocktake-save">
                登记盘点
              </Button>
            </Popconfirm>
            {missing && <Typography.Text type="danger">还有物资没填实盘数量</Typography.Text>}
          </Space>
        </>
      )}
    </Space>
  );
}
