import { CheckOutlined, CloseOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Checkbox, Descriptions, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DOCUMENT_SORTS, DOCUMENTS_LIST_LIMIT, materialChannels, type DocumentSort, type MaterialDocument, type Movement } from '../../../../shared/contract/materials';
import { formatChineseDate } from '../../../../shared/dates';
import { MOVEMENT_KIND_LABELS } from '../../../../shared/materials';
import { invoke } from '../../api';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { DateRangeFilter, type DayRange } from '../../components/DateRangeFilter';
import { useExportXlsx } from '../../components/ExportXlsxButton';
import { columnOrder, nextSort, type ServerSort } from '../../components/serverSort';
import { useServerMonth } from '../../components/useServerToday';
import { MonthPicker } from '../finance/financeLabels';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS, DocumentStatusTag, Qty, Yuan, monthLabel, useDocumentPrinter } from './materialsLabels';

const COMMENT = materialChannels['materials.decide'].input.shape.comment;
const DEFAULT_SORT: ServerSort<DocumentSort> = { sort: 'date', order: 'desc' };

type DocumentsTabProps = { mode: 'pending' | 'history'; canDecide: boolean; canPrint: boolean; version: number; onChanged(): void };

/** The pending write-offs and stocktakes (the director decides them) or the month's documents, opening on the program's current month. */
export function DocumentsTab(props: DocumentsTabProps) {
  const month = useServerMonth();
  return month ? <DocumentsList {...props} openingMonth={month} /> : <Table loading dataSource={[]} />;
}

function DocumentsList({
  mode,
  canDecide,
  canPrint,
  version,
  onChanged,
  openingMonth,
}: DocumentsTabProps & { openingMonth: string }) {
  const [month, setMonth] = useState(openingMonth);
  const [all, setAll] = useState(false);
  const [status, setStatus] = useState<MaterialDocument['status'] | undefined>();
  const [range, setRange] = useState<DayRange>({});
  const [order, setOrder] = useState<ServerSort<DocumentSort>>(DEFAULT_SORT);
  const [docs, setDocs] = useState<MaterialDocument[]>([]);
  const [deciding, setDeciding] = useState<{ doc: MaterialDocument; approve: boolean } | null>(null);
  const { busy, run } = useAction();
  const printer = useDocumentPrinter();
  const printing = useAction();

  // One filter for the list and its workbook: a picked date range replaces the month.
  const ranged = range.from !== undefined || range.to !== undefined;
  const query = useMemo(
    () => (mode === 'pending' ? { status: 'pending' as const, ...order } : { ...(all || ranged ? {} : { month }), ...range, ...(status ? { status } : {}), ...order }),
    [mode, all, ranged, month, range, status, order],
  );
  const exporter = useExportXlsx((jobId) => invoke('materials.documentsXlsx', { ...query, jobId }), 'documents-export');
  const load = useCallback(() => {
    void run(() => invoke('materials.documents', query)).then((d) => d && setDocs(d));
  }, [run, query]);
  useEffect(load, [load, version]);

  const expandedRowRender = (d: MaterialDocument) =>
    d.movements.length === 0 ? (
      <Typography.Text type="secondary">{d.status === 'pending' ? `待审批：${d.summary}` : d.summary || '没有库存变动'}</Typography.Text>
    ) : (
      <Table<Movement>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.movements}
        columns={[
          { title: '变动', dataIndex: 'kind', width: 100, render: (k: Movement['kind']) => MOVEMENT_KIND_LABELS[k] },
          { title: '物资', dataIndex: 'itemName' },
          { title: '地点', dataIndex: 'locationName' },
          { title: '数量', dataIndex: 'quantity', width: 100, align: 'right', render: (n: number, m) => <Qty n={n} unit={m.unit} /> },
          { title: '估价金额', dataIndex: 'valueFen', width: 130, align: 'right', render: (f: number) => <Yuan fen={f} /> },
        ]}
      />
    );

  return (
    <>
      {mode === 'history' && (
        <Space wrap style={{ marginBottom: 16 }}>
          <MonthPicker value={month} onChange={(m) => (setMonth(m), setAll(false), setRange({}))} testId="documents-month" />
          <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
            显示全部月份
          </Checkbox>
          <Select<MaterialDocument['status']>
            allowClear
            placeholder="全部状态"
            value={status}
            onChange={setStatus}
            style={{ width: 140 }}
            options={(['done', 'pending', 'rejected'] as const).map((s) => ({ value: s, label: DOCUMENT_STATUS_LABELS[s] }))}
          />
          <DateRangeFilter label="日期" testId="documents-range" value={range} onChange={setRange} />
          {exporter.button}
        </Space>
      )}
      {mode === 'history' && exporter.progress}
      <Table<MaterialDocument>
        rowKey="id"
        size="middle"
        loading={busy}
        dataSource={docs}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => (t >= DOCUMENTS_LIST_LIMIT ? `显示最近 ${t} 张，更早的请缩小日期范围或导出 Excel` : `共 ${t} 张`) }}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action === 'sort') setOrder(nextSort(sorter, DOCUMENT_SORTS, DEFAULT_SORT));
        }}
        expandable={{ expandedRowRender }}
        data-testid={mode === 'pending' ? 'pending-table' : 'documents-table'}
        onRow={() => ({ 'data-testid': mode === 'pending' ? 'pending-row' : 'document-row' }) as object}
        locale={{ emptyText: mode === 'pending' ? '没有待审批的报损或盘点' : ranged ? '所选日期内没有物资单据' : all ? '还没有物资单据' : `${monthLabel(month)}没有物资单据` }}
        columns={[
          { title: '日期', dataIndex: 'date', key: 'date', sorter: true, sortOrder: columnOrder(order, 'date'), width: 110 },
          { title: '单号', dataIndex: 'number', key: 'number', sorter: true, sortOrder: columnOrder(order, 'number'), width: 170, render: (n: string | null) => (n ? <span style={{ fontFamily: 'monospace' }}>{n}</span> : <Typography.Text type="secondary">—</Typography.Text>) },
          { title: '类别', dataIndex: 'kind', width: 100, render: (k: MaterialDocument['kind']) => <Tag>{DOCUMENT_KIND_LABELS[k]}</Tag> },
          { title: '内容', dataIndex: 'summary', render: (s: string) => <span data-testid="document-summary">{s}</span> },
          { title: '状态', dataIndex: 'status', key: 'status', sorter: true, sortOrder: columnOrder(order, 'status'), width: 110, render: (s: MaterialDocument['status']) => <DocumentStatusTag status={s} /> },
          {
            title: '操作',
            key: 'actions',
            width: 200,
            render: (_, d) => (
              <Space size={4}>
                {canDecide && d.status === 'pending' && (
                  <>
                    <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setDeciding({ doc: d, approve: true })} data-testid="pending-approve">
                      同意
                    </Button>
                    <Button size="small" danger icon={<CloseOutlined />} onClick={() => setDeciding({ doc: d, approve: false })} data-testid="pending-reject">
                      不同意
                    </Button>
                  </>
                )}
                {canPrint && d.receiptId !== null && (
                  <Button size="small" icon={<PrinterOutlined />} loading={printing.busy} onClick={() => void printing.run(() => printer.print(d.id))} data-testid="document-print">
                    {d.kind === 'donation' ? '打印收据' : '打印领取单'}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <DecideModal
        target={deciding}
        onCancel={() => setDeciding(null)}
        onDone={() => {
          setDeciding(null);
          onChanged();
        }}
      />
      <PdfPreview pdf={printer.pdf} onClose={printer.close} />
    </>
  );
}

/** 同意 / 不同意 a write-off or a stocktake, with a comment (a refusal says why), confirmed once more. */
function DecideModal({ target, onCancel, onDone }: { target: { doc: MaterialDocument; approve: boolean } | null; onCancel(): void; onDone(): void }) {
  const [form] = Form.useForm<{ comment: string }>();
  const [confirming, setConfirming] = useState(false);
  const { busy, run } = useAction();
  const approve = target?.approve ?? true;

  const ask = async () => {
    try {
      await form.validateFields();
      setConfirming(true);
    } catch {
      // shown under the field
    }
  };
  const submit = async () => {
    setConfirming(false);
    const comment = ((form.getFieldValue('comment') as string | undefined) ?? '').trim();
    const d = await run(() => invoke('materials.decide', { documentId: target!.doc.id, approve, comment }), approve ? '已同意，库存已调整' : '已作出不同意的决定');
    if (d) onDone();
  };
  const cancel = () => {
    setConfirming(false);
    onCancel();
  };

  return (
    <Modal
      open={target !== null}
      title={`${approve ? '同意' : '不同意'}${target ? DOCUMENT_KIND_LABELS[target.doc.kind] : ''}`}
      onCancel={cancel}
      destroyOnHidden
      data-testid="material-decide-dialog"
      footer={
        <Space>
          <Button onClick={cancel}>取消</Button>
          <Popconfirm
            open={confirming}
            title={approve ? '同意后即调整库存，不能撤销。确认同意？' : '确认不同意？'}
            okText="确认"
            cancelText="再想想"
            okButtonProps={{ autoFocus: true, danger: !approve, 'data-testid': 'material-decide-confirm' }}
            onConfirm={() => void submit()}
            onCancel={() => setConfirming(false)}
            onOpenChange={(o) => !o && setConfirming(false)}
          >
            <Button type="primary" danger={!approve} loading={busy} onClick={() => void ask()} data-testid="material-decide-ok">
              {approve ? '同意' : '不同意'}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {target && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="类别">{DOCUMENT_KIND_LABELS[target.doc.kind]}</Descriptions.Item>
          <Descriptions.Item label="日期">{formatChineseDate(target.doc.date)}</Descriptions.Item>
          <Descriptions.Item label="内容">{target.doc.summary}</Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ comment: '' }}>
        <Form.Item
          label="意见"
          name="comment"
          required={!approve}
          rules={[zodRuleComment(approve)]}
          extra="Ctrl+Enter 提交"
        >
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={200}
            showCount
            placeholder={approve ? '可不填' : '请写明不同意的理由'}
            data-testid="material-decide-comment"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void ask();
              }
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const zodRuleComment = (approve: boolean) => ({
  validator: async (_r: unknown, v?: string) => {
    const r = COMMENT.safeParse(v ?? '');
    if (!r.success) throw new Error(r.error.issues[0]?.message ?? '意见有误');
    if (!approve && r.data.length < 2) throw new Error('不同意时请写明理由');
  },
});
