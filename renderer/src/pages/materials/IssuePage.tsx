import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { materialChannels, type MaterialDocument, type StockRow } from '../../../../shared/contract/materials';
import type { ReliefSummary } from '../../../../shared/contract/reliefTypes';
import { maskIdNumber } from '../../../../shared/idcard';
import { LOCATION_KIND_LABELS } from '../../../../shared/materials';
import { formatYuan } from '../../../../shared/money';
import { RELIEF_CATEGORY_LABELS, RELIEF_STATUS_LABELS } from '../../../../shared/relief';
import { invoke } from '../../api';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { zodRule } from '../../components/zodRule';
import { useHashPath } from '../../router';
import { HotkeyHint, heldAt, stockedLocations, useCatalog, useDocumentPrinter } from './materialsLabels';
import { OutLines, emptyOutLine, linesText, type OutLine } from './OutLines';

const NOTE = materialChannels['materials.issue'].input.shape.note;
const FORM_NAME = 'issue';

interface Values {
  applicationId?: number;
  locationId?: number;
  lines: OutLine[];
  note: string;
}

const applicationIdOf = (path: string) => {
  const n = Number(new URLSearchParams(path.split('?')[1] ?? '').get('application'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** 物资发放: goods out to a worker, only against relief approved for payment (可发放); prints the 物资领取单. */
export function IssuePage() {
  const path = useHashPath();
  const wanted = useMemo(() => applicationIdOf(path), [path]);
  const [form] = Form.useForm<Values>();
  const { items, locations } = useCatalog();
  const [apps, setApps] = useState<ReliefSummary[]>([]);
  const [appsLoaded, setAppsLoaded] = useState(false);
  const [notPayable, setNotPayable] = useState<string | null>(null);
  const [stock, setStock] = useState<StockRow[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState<MaterialDocument | null>(null);
  const [dirty, setDirty] = useState(false);
  const leave = useLeaveGuard(dirty);
  const { busy, run } = useAction();
  const printer = useDocumentPrinter();
  const printing = useAction();

  const loadStock = useCallback(() => void invoke('materials.stock', {}).then(setStock, () => setStock([])), []);
  useEffect(loadStock, [loadStock]);

  useEffect(() => {
    invoke('relief.list', { status: 'payable', page: 1, pageSize: 200 })
      .then((r) => setApps(r.rows))
      .catch(() => setApps([]))
      .finally(() => setAppsLoaded(true));
  }, []);

  // '?application=<id>': preselect it, or say why it cannot be used.
  useEffect(() => {
    setNotPayable(null);
    if (!wanted || !appsLoaded) return;
    if (apps.some((a) => a.id === wanted)) {
      form.setFieldValue('applicationId', wanted);
      return;
    }
    invoke('relief.get', { id: wanted })
      .then((a) => setNotPayable(`救助申请 ${a.number}（${a.name}）当前状态为“${RELIEF_STATUS_LABELS[a.status]}”，审批通过、可发放后才能发放物资。`))
      .catch((e: Error) => setNotPayable(e.message));
  }, [wanted, appsLoaded, apps, form]);

  const applicationId = Form.useWatch('applicationId', form) as number | undefined;
  const locationId = Form.useWatch('locationId', form) as number | undefined;
  const lines = (Form.useWatch('lines', form) ?? []) as OutLine[];
  const app = apps.find((a) => a.id === applicationId);
  const location = locations.find((l) => l.id === locationId);
  const held = useMemo(() => heldAt(stock, locationId), [stock, locationId]);
  const stocked = useMemo(() => stockedLocations(stock), [stock]);

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
    const doc = await run(
      () =>
        invoke('materials.issue', {
          applicationId: v.applicationId!,
          locationId: v.locationId!,
          lines: v.lines.map((l) => ({ itemId: l.itemId!, quantity: l.quantity! })),
          note: (v.note ?? '').trim(),
        }),
      '物资已发放，正在打开物资领取单',
    );
    if (!doc) return;
    setSaved(doc);
    setDirty(false);
    form.setFieldsValue({ lines: [emptyOutLine()], note: '' });
    loadStock();
    void printing.run(() => printer.print(doc.id));
  };

  return (
    <Card
      title="物资发放"
      extra={
        <Button onClick={() => leave('/materials')} data-testid="issue-back">
          回到物资库存
        </Button>
      }
    >
      {notPayable && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={notPayable} data-testid="issue-not-payable" />}
      {saved && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="issue-saved"
          title={
            <Space wrap>
              <span>
                已发放{saved.number ? `，领取单号 ${saved.number}` : ''}：{saved.summary}
              </span>
              <Button size="small" icon={<PrinterOutlined />} loading={printing.busy} onClick={() => void printing.run(() => printer.print(saved.id))} data-testid="issue-reprint">
                打印物资领取单
              </Button>
            </Space>
          }
        />
      )}
      <Form<Values>
        form={form}
        name={FORM_NAME}
        layout="horizontal"
        labelCol={{ flex: '110px' }}
        initialValues={{ lines: [emptyOutLine()], note: '' }}
        autoComplete="off"
        disabled={busy}
        onValuesChange={(changed: Partial<Values>) => {
          setDirty(true);
          // Another place holds other goods: start the lines again.
          if ('locationId' in changed) form.setFieldValue('lines', [emptyOutLine()]);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void ask();
          }
        }}
      >
        <Form.Item
          label="救助申请"
          name="applicationId"
          rules={[{ required: true, message: '请选择审批通过、可发放的救助申请' }]}
          required
          extra="只列出审批通过、可发放的救助申请：每次发放都须有审批依据和领取人"
        >
          <Select<number>
            autoFocus={!wanted}
            loading={!appsLoaded}
            options={apps.map((a) => ({ value: a.id, label: `${a.number}　${a.name}　${RELIEF_CATEGORY_LABELS[a.category]}　${formatYuan(a.amountFen)}` }))}
            placeholder="输入编号或姓名查找"
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent="没有可发放的救助申请"
            style={{ width: 560, maxWidth: '100%' }}
            data-testid="issue-application"
          />
        </Form.Item>
        {app && (
          <Form.Item label=" " colon={false}>
            <Descriptions size="small" bordered column={3} style={{ maxWidth: 900 }} data-testid="issue-recipient">
              <Descriptions.Item label="领取人">
                <Typography.Link onClick={() => leave(`/relief/${app.id}`)}>{app.name}</Typography.Link>
              </Descriptions.Item>
              <Descriptions.Item label="身份证号">
                <span style={{ fontFamily: 'monospace' }}>{maskIdNumber(app.idNumber)}</span>
              </Descriptions.Item>
              <Descriptions.Item label="工作单位">{app.workUnit}</Descriptions.Item>
              <Descriptions.Item label="救助类别">{RELIEF_CATEGORY_LABELS[app.category]}</Descriptions.Item>
              <Descriptions.Item label="批准金额">{formatYuan(app.amountFen)}</Descriptions.Item>
              <Descriptions.Item label="申请编号">
                <span style={{ fontFamily: 'monospace' }}>{app.number}</span>
              </Descriptions.Item>
            </Descriptions>
          </Form.Item>
        )}
        <Form.Item
          label="发放地点"
          name="locationId"
          rules={[{ required: true, message: '请选择从哪个地点发放' }]}
          required
          extra={location?.kind === 'donor' ? `捐赠方代管：${location.address}${location.contact ? `，联系人 ${location.contact}` : ''}${location.phone ? ` ${location.phone}` : ''}` : undefined}
        >
          <Select<number>
            options={locations.map((l) => ({
              value: l.id,
              label: `${LOCATION_KIND_LABELS[l.kind]}｜${l.name}${stocked.has(l.id) ? '' : '（无库存）'}`,
              disabled: !stocked.has(l.id),
            }))}
            placeholder="中心仓库或捐赠方代管地点"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 560, maxWidth: '100%' }}
            data-testid="issue-location"
          />
        </Form.Item>
        <Form.Item label="发放物资" required>
          <OutLines form={form} formName={FORM_NAME} prefix="issue" held={held} items={items} disabled={!locationId} onChanged={() => setDirty(true)} />
        </Form.Item>
        <Form.Item label="备注" name="note" rules={[zodRule(NOTE)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={200} style={{ width: 560, maxWidth: '100%' }} data-testid="issue-note" />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Popconfirm
            open={confirming}
            title="确认发放这些物资？"
            description={
              <div style={{ maxWidth: 380 }} data-testid="issue-confirm-text">
                从“{location?.name}”发给 <b>{app?.name}</b>（{app?.number}）：{linesText(lines, held)}。
                <br />
                发放后库存即减少，并开具编号的物资领取单，请领取人签字。不能修改。
              </div>
            }
            okText="确认发放"
            cancelText="再看看"
            okButtonProps={{ autoFocus: true, 'data-testid': 'issue-confirm' }}
            onConfirm={() => void submit()}
            onCancel={() => setConfirming(false)}
            onOpenChange={(o) => !o && setConfirming(false)}
          >
            <Button type="primary" loading={busy} onClick={() => void ask()} data-testid="issue-save">
              发放并打印领取单 <HotkeyHint>Ctrl+Enter</HotkeyHint>
            </Button>
          </Popconfirm>
          <Button type="link" onClick={() => leave('/materials')}>
            取消
          </Button>
        </Form.Item>
      </Form>
      <PdfPreview pdf={printer.pdf} onClose={printer.close} />
    </Card>
  );
}
