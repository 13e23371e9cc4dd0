import { DeleteOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Popconfirm, Radio, Select, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { Donor, Fund } from '../../../../shared/contract/ledger';
import { materialChannels, type Item, type Location, type MaterialDocument } from '../../../../shared/contract/materials';
import { PAYMENT_METHODS, PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../../shared/ledger';
import { fenToCapitals, formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';
import { MoneyInput } from '../../components/MoneyInput';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { useServerDay } from '../../components/useServerToday';
import { zodRule } from '../../components/zodRule';
import { currentPath, navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { DonorModal } from '../finance/DonorModal';
import { DonorPicker } from '../finance/DonorPicker';
import { fundOption } from '../finance/financeLabels';
import { ItemModal } from './ItemModal';
import { LocationModal } from './LocationModal';
import { CATALOGUERS, DOCUMENT_KIND_LABELS, HotkeyHint, itemLabel, locationOption, useCatalog, useDocumentPrinter } from './materialsLabels';

type Mode = 'donation' | 'purchase';
const LINE = materialChannels['materials.receiveDonation'].input.shape.lines.element.shape;
const NOTE = materialChannels['materials.receiveDonation'].input.shape.note;

interface LineValues {
  itemId?: number;
  quantity?: number | null;
  unitValueFen?: number;
  expiryDate?: Dayjs | null;
}
interface Values {
  donorId?: number;
  fundId?: number;
  method: PaymentMethod;
  locationId?: number;
  date: Dayjs;
  lines: LineValues[];
  note: string;
}

const lineFen = (l: LineValues | undefined) => (l && l.quantity && l.unitValueFen !== undefined ? l.quantity * l.unitValueFen : 0);
const emptyLine = (): LineValues => ({ itemId: undefined, quantity: null, unitValueFen: undefined, expiryDate: null });

/** 物资入库: 捐赠入库 (with the numbered 物资捐赠收据) and 采购入库 (paid from a fund). */
export function ReceivePage() {
  const initialTab: Mode = new URLSearchParams(currentPath().split('?')[1] ?? '').get('tab') === 'purchase' ? 'purchase' : 'donation';
  const [tab, setTab] = useState<Mode>(initialTab);
  const [dirty, setDirty] = useState(false);
  const leave = useLeaveGuard(dirty);
  // The receipt is dated the program's today by default, never the PC's (asked again on each tab, whose form is new).
  const today = useServerDay(tab);
  return (
    <Card
      title="物资入库"
      extra={
        <Button onClick={() => leave('/materials')} data-testid="receive-back">
          回到物资库存
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as Mode);
          setDirty(false);
        }}
        destroyOnHidden
        items={[
          { key: 'donation', label: '捐赠入库', children: today ? <ReceiveForm mode="donation" today={today} onDirty={setDirty} /> : <Skeleton active /> },
          { key: 'purchase', label: '采购入库', children: today ? <ReceiveForm mode="purchase" today={today} onDirty={setDirty} /> : <Skeleton active /> },
        ]}
      />
    </Card>
  );
}

function ReceiveForm({ mode, today, onDirty }: { mode: Mode; today: Dayjs; onDirty(d: boolean): void }) {
  const { user } = useSession();
  const canCatalog = hasRole(user, CATALOGUERS);
  const [form] = Form.useForm<Values>();
  const { items, locations, setItems, setLocations, error: catalogError } = useCatalog();
  const [funds, setFunds] = useState<Fund[]>([]);
  const [donor, setDonor] = useState<Donor | null>(null);
  const [donorOpen, setDonorOpen] = useState(false);
  const [typedDonor, setTypedDonor] = useState('');
  const [itemOpen, setItemOpen] = useState(false);
  const [locationOpen, setLocationOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState<MaterialDocument | null>(null);
  const { busy, run } = useAction();
  const printer = useDocumentPrinter();
  const printing = useAction();

  useEffect(() => {
    if (mode === 'purchase') void invoke('ledger.funds', {}).then(setFunds, () => setFunds([]));
  }, [mode]);

  const lines = (Form.useWatch('lines', form) ?? []) as LineValues[];
  const locationId = Form.useWatch('locationId', form) as number | undefined;
  const fundId = Form.useWatch('fundId', form) as number | undefined;
  const method = Form.useWatch('method', form) as PaymentMethod | undefined;
  const totalFen = lines.reduce((s, l) => s + lineFen(l), 0);
  const itemById = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const location = locations.find((l) => l.id === locationId);
  const fund = funds.find((f) => f.id === fundId);
  const itemOptions = items.map((i) => ({ value: i.id, label: itemLabel(i) }));

  const addLine = () => {
    const list = (form.getFieldValue('lines') as LineValues[] | undefined) ?? [];
    form.setFieldValue('lines', [...list, emptyLine()]);
    onDirty(true);
    setTimeout(() => document.getElementById(`receive-${mode}_lines_${list.length}_itemId`)?.focus(), 50);
  };
  useHotkey({ key: 'a', alt: true }, addLine);

  const pickDonor = (d: Donor | null) => {
    setDonor(d);
    // A donor who keeps goods has a place of their own: offer it when nothing is chosen yet.
    if (d && !form.getFieldValue('locationId')) {
      const held = locations.find((l) => l.kind === 'donor' && l.donorId === d.id);
      if (held) form.setFieldValue('locationId', held.id);
    }
  };

  const onItemCreated = (item: Item) => {
    setItemOpen(false);
    setItems((xs) => [...xs, item]);
    const list = ((form.getFieldValue('lines') as LineValues[] | undefined) ?? []).slice();
    const free = list.findIndex((l) => !l?.itemId);
    if (free >= 0) list[free] = { ...list[free], itemId: item.id };
    else list.push({ ...emptyLine(), itemId: item.id });
    form.setFieldValue('lines', list);
    onDirty(true);
    const at = free >= 0 ? free : list.length - 1;
    setTimeout(() => document.getElementById(`receive-${mode}_lines_${at}_quantity`)?.focus(), 50);
  };

  const onLocationCreated = (l: Location) => {
    setLocationOpen(false);
    setLocations((xs) => [...xs, l]);
    form.setFieldValue('locationId', l.id);
    form.validateFields(['locationId']).catch(() => undefined);
    onDirty(true);
  };

  const ask = async () => {
    try {
      await form.validateFields();
      setConfirming(true);
    } catch {
      // messages are shown under the fields
    }
  };

  const submit = async () => {
    setConfirming(false);
    const v = form.getFieldsValue(true) as Values;
    const body = {
      locationId: v.locationId!,
      date: v.date.format('YYYY-MM-DD'),
      lines: v.lines.map((l) => ({ itemId: l.itemId!, quantity: l.quantity!, unitValueFen: l.unitValueFen!, expiryDate: l.expiryDate ? l.expiryDate.format('YYYY-MM-DD') : null })),
      note: (v.note ?? '').trim(),
    };
    const doc = await run(
      () =>
        mode === 'donation'
          ? invoke('materials.receiveDonation', { ...body, donorId: v.donorId! })
          : invoke('materials.purchase', { ...body, fundId: v.fundId!, method: v.method }),
      mode === 'donation' ? '捐赠物资已入库，正在打开物资捐赠收据' : '采购物资已入库',
    );
    if (!doc) return;
    setSaved(doc);
    onDirty(false);
    // Ready for the next delivery: the same donor or fund and place are likely, the goods are not.
    form.setFieldsValue({ lines: [emptyLine()], note: '' });
    if (mode === 'donation') void printing.run(() => printer.print(doc.id));
  };

  const who = mode === 'donation' ? (donor?.name ?? '') : (fund?.name ?? '');

  return (
    <>
      {catalogError && <Alert type="error" showIcon title={catalogError} style={{ marginBottom: 16 }} />}
      {saved && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="receive-saved"
          title={
            <Space wrap>
              <span>
                {DOCUMENT_KIND_LABELS[saved.kind]}已登记{saved.number ? `，单号 ${saved.number}` : ''}：{saved.summary}
              </span>
              {mode === 'donation' && (
                <Button size="small" icon={<PrinterOutlined />} loading={printing.busy} onClick={() => void printing.run(() => printer.print(saved.id))} data-testid="receive-reprint">
                  打印物资捐赠收据
                </Button>
              )}
              <Button size="small" type="link" onClick={() => navigate('/materials')}>
                查看库存
              </Button>
            </Space>
          }
        />
      )}
      <Form<Values>
        form={form}
        name={`receive-${mode}`}
        layout="horizontal"
        labelCol={{ flex: '110px' }}
        initialValues={{ date: today, method: 'bank', lines: [emptyLine()], note: '' }}
        autoComplete="off"
        disabled={busy}
        onValuesChange={() => onDirty(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void ask();
          }
        }}
      >
        {mode === 'donation' ? (
          <Form.Item
            label="捐赠人"
            required
            extra={donor && [donor.contact && `联系人 ${donor.contact}`, donor.phone && `电话 ${donor.phone}`, donor.address && `地址 ${donor.address}`].filter(Boolean).join('，')}
          >
            <Space.Compact style={{ width: 560, maxWidth: '100%' }}>
              <span data-testid="receive-donor" style={{ flex: 1, display: 'flex' }}>
                <Form.Item name="donorId" noStyle rules={[{ required: true, message: '请选择捐赠人，没有的先“新增捐赠人”' }]}>
                  <DonorPicker picked={donor} onPicked={pickDonor} onQuery={setTypedDonor} autoFocus />
                </Form.Item>
              </span>
              <Button icon={<PlusOutlined />} onClick={() => setDonorOpen(true)} data-testid="donor-new">
                新增捐赠人
              </Button>
            </Space.Compact>
          </Form.Item>
        ) : (
          <>
            <Form.Item label="支出资金" name="fundId" rules={[{ required: true, message: '请选择用哪项资金采购' }]} required>
              <Select<number>
                autoFocus
                options={funds.map(fundOption)}
                placeholder="请选择资金来源"
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 560, maxWidth: '100%' }}
                data-testid="receive-fund"
              />
            </Form.Item>
            <Form.Item label="付款方式" name="method" required>
              <Radio.Group optionType="button" options={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))} data-testid="receive-method" />
            </Form.Item>
          </>
        )}
        <Form.Item label="存放地点" required extra={location?.kind === 'donor' ? `捐赠方代管：${location.address}${location.contact ? `，联系人 ${location.contact}` : ''}${location.phone ? ` ${location.phone}` : ''}` : undefined}>
          <Space.Compact style={{ width: 560, maxWidth: '100%' }}>
            <Form.Item name="locationId" noStyle rules={[{ required: true, message: '请选择存放地点' }]}>
              <Select<number>
                options={locations.map(locationOption)}
                placeholder="中心仓库，或留在捐赠方代管"
                showSearch={{ optionFilterProp: 'label' }}
                style={{ flex: 1 }}
                data-testid="receive-location"
                notFoundContent="还没有存放地点，请点右边“新增存放地点”"
              />
            </Form.Item>
            {canCatalog && (
              <Button icon={<PlusOutlined />} onClick={() => setLocationOpen(true)} data-testid="location-new">
                新增存放地点
              </Button>
            )}
          </Space.Compact>
        </Form.Item>
        <Form.Item label={mode === 'donation' ? '捐赠日期' : '采购日期'} name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} format="YYYY年M月D日" disabledDate={(d) => d.isAfter(today, 'day')} data-testid="receive-date" />
        </Form.Item>

        <Form.Item label="物资明细" required>
          <Form.List name="lines">
            {(fields, { remove }) => (
              <div data-testid="receive-lines">
                <div style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, color: 'rgba(0,0,0,0.55)', fontSize: 13, marginBottom: 4 }}>
                  <span>物资品种</span>
                  <span>数量</span>
                  <span>{mode === 'donation' ? '估价（每单位）' : '单价'}</span>
                  <span>到期日期</span>
                  <span style={{ textAlign: 'right' }}>金额</span>
                  <span />
                </div>
                {fields.map((field, i) => {
                  const line = lines[i];
                  const item = line?.itemId ? itemById.get(line.itemId) : undefined;
                  return (
                    <div key={field.key} style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, alignItems: 'start' }} data-testid="receive-line">
                      <Form.Item name={[field.name, 'itemId']} rules={[{ required: true, message: '请选择物资品种' }]} style={{ marginBottom: 12 }}>
                        <Select<number>
                          options={itemOptions}
                          placeholder="输入品名查找"
                          showSearch={{ optionFilterProp: 'label' }}
                          data-testid={`receive-line-item-${i}`}
                          notFoundContent={canCatalog ? '没有这个品种，请点下方“新增品种”' : '没有这个品种'}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'quantity']} rules={[{ required: true, message: '请填写数量' }, zodRule(LINE.quantity)]} style={{ marginBottom: 12 }}>
                        <InputNumber min={1} max={10_000_000} precision={0} style={{ width: '100%' }} suffix={item?.unit} data-testid={`receive-line-qty-${i}`} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'unitValueFen']}
                        validateFirst
                        rules={[
                          {
                            validator: async (_r, v?: number) => {
                              if (v === undefined) throw new Error(mode === 'donation' ? '请填写估价，如 50 或 50.00' : '请填写单价');
                            },
                          },
                          zodRule(LINE.unitValueFen),
                        ]}
                        style={{ marginBottom: 12 }}
                      >
                        <ValueField testId={`receive-line-value-${i}`} aria-label={`第 ${i + 1} 行${mode === 'donation' ? '估价单价' : '单价'}`} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'expiryDate']}
                        rules={[{ required: !!item?.shelfLifeDays, message: `有保质期（${item?.shelfLifeDays ?? ''} 天），请填写到期日期` }]}
                        style={{ marginBottom: 12 }}
                        extra={item?.shelfLifeDays ? `保质期 ${item.shelfLifeDays} 天` : undefined}
                      >
                        <DatePicker format="YYYY-MM-DD" placeholder={item && !item.shelfLifeDays ? '不过期可不填' : '到期日期'} style={{ width: '100%' }} data-testid={`receive-line-expiry-${i}`} />
                      </Form.Item>
                      <div style={{ textAlign: 'right', paddingTop: 5, fontVariantNumeric: 'tabular-nums' }} data-testid={`receive-line-amount-${i}`}>
                        {formatYuan(lineFen(line))}
                      </div>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label="删除这一行"
                        disabled={fields.length === 1}
                        onClick={() => {
                          remove(field.name);
                          onDirty(true);
                        }}
                        data-testid={`receive-line-remove-${i}`}
                      />
                    </div>
                  );
                })}
                <Space wrap>
                  <Button icon={<PlusOutlined />} onClick={addLine} data-testid="receive-add-line">
                    增加一行 <HotkeyHint>Alt+A</HotkeyHint>
                  </Button>
                  {canCatalog && (
                    <Button icon={<PlusOutlined />} onClick={() => setItemOpen(true)} data-testid="item-new">
                      新增品种
                    </Button>
                  )}
                </Space>
              </div>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label="合计" data-testid="receive-total-row">
          <Space>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="receive-total">
              {formatYuan(totalFen)}
            </Typography.Text>
            {totalFen > 0 && <Typography.Text type="secondary">大写：人民币{fenToCapitals(totalFen)}</Typography.Text>}
          </Space>
        </Form.Item>
        <Form.Item label="备注" name="note" rules={[zodRule(NOTE)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={200} style={{ width: 560, maxWidth: '100%' }} data-testid="receive-note" />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Space>
            <Popconfirm
              open={confirming}
              title={mode === 'donation' ? '确认捐赠物资入库？' : '确认采购入库？'}
              description={
                <div style={{ maxWidth: 380 }} data-testid="receive-confirm-text">
                  {mode === 'donation' ? `${who} 捐赠` : `用“${who}”${method ? PAYMENT_METHOD_LABELS[method] : ''}采购`}
                  {lines
                    .filter((l) => l?.itemId)
                    .map((l) => {
                      const it = itemById.get(l.itemId!);
                      return `${it ? itemLabel(it) : ''} ${l.quantity ?? ''}${it?.unit ?? ''}`;
                    })
                    .join('、')}
                  ，{mode === 'donation' ? '估价' : '金额'}合计 <b>{formatYuan(totalFen)}</b>，存放于“{location?.name}”。
                  <br />
                  {mode === 'donation' ? '入库后开具编号的物资捐赠收据，' : '入库后记入账簿，'}不能修改，如有错误只能冲销或报损。
                </div>
              }
              okText="确认入库"
              cancelText="再看看"
              okButtonProps={{ autoFocus: true, 'data-testid': 'receive-confirm' }}
              onConfirm={() => void submit()}
              onCancel={() => setConfirming(false)}
              onOpenChange={(o) => !o && setConfirming(false)}
            >
              <Button type="primary" loading={busy} onClick={() => void ask()} data-testid="receive-save">
                {mode === 'donation' ? '入库并开收据' : '采购入库'} <HotkeyHint>Ctrl+Enter</HotkeyHint>
              </Button>
            </Popconfirm>
            {location && <Tag color={location.kind === 'donor' ? 'orange' : 'blue'}>{location.kind === 'donor' ? '留在捐赠方代管，仍记在中心账上' : '存入中心仓库'}</Tag>}
          </Space>
        </Form.Item>
      </Form>
      <DonorModal
        open={donorOpen}
        initialName={typedDonor}
        onCancel={() => setDonorOpen(false)}
        onCreated={(d) => {
          setDonorOpen(false);
          form.setFieldValue('donorId', d.id);
          form.validateFields(['donorId']).catch(() => undefined);
          pickDonor(d);
          onDirty(true);
        }}
      />
      <ItemModal open={itemOpen} onCancel={() => setItemOpen(false)} onCreated={onItemCreated} />
      <LocationModal open={locationOpen} donor={mode === 'donation' ? donor : null} onCancel={() => setLocationOpen(false)} onCreated={onLocationCreated} />
      <PdfPreview pdf={printer.pdf} onClose={printer.close} />
    </>
  );
}

const GRID = 'minmax(200px, 2fr) 130px 200px 150px 110px 32px';

/** MoneyInput inside a wrapper that carries the test id; Form.Item's props pass through. */
function ValueField({ testId, ...props }: { testId: string; value?: number; onChange?(fen: number | undefined): void; id?: string; 'aria-label'?: string }) {
  return (
    <span data-testid={testId} style={{ display: 'inline-block' }}>
      <MoneyInput {...props} />
    </span>
  );
}
