import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Radio, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { CAMPAIGN_GROUP_LABELS, CAMPAIGN_GROUPS, CAMPAIGN_KIND_LABELS, LINE_SOURCE_LABELS, type CampaignGroup, type LineSource } from '../../../../shared/campaign';
import type { Campaign, CampaignBatch, CampaignDecisionView, CampaignGroupView, CampaignLine } from '../../../../shared/contract/campaigns';
import type { PdfFile } from '../../../../shared/contract/define';
import { localDateTime } from '../../../../shared/dates';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../../shared/ledger';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';
import { downloadFile } from '../../components/downloadFile';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { hasRole, useSession } from '../../session';
import { WorkerPicker, type PickedWorker } from '../petitions/WorkerPicker';
import { CampaignFormModal } from './CampaignFormModal';
import { CandidatesModal } from './CandidatesModal';
import { ImportModal } from './ImportModal';
import { CampaignStatusTag } from './campaignLabels';

type Dialog = null | 'edit' | 'build' | 'import' | 'add' | 'decide' | 'pay';
const STAGE: Record<CampaignDecisionView['stage'], string> = { build: '编制', director: '主任审核', chair: '主席审批' };
const DECISION: Record<CampaignDecisionView['decision'], string> = { edit: '修改设置', submit: '提交', approve: '同意', return: '退回修改' };

export function CampaignPage({ id }: { id: number }) {
  const [c, setC] = useState<Campaign | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  /** The sheet being rendered: how many people, shown while the core works (no page-by-page progress yet). */
  const [printing, setPrinting] = useState<number | null>(null);
  const [filter, setFilter] = useState<{ page: number; pageSize: number; group?: CampaignGroup; workUnit?: string; q?: string }>({ page: 1, pageSize: 20 });
  const [lines, setLines] = useState<{ rows: CampaignLine[]; total: number }>({ rows: [], total: 0 });
  const [reasonFor, setReasonFor] = useState<{ line: CampaignLine; kind: 'remove' | 'return' } | null>(null);
  const { busy, run } = useAction();
  const [form] = Form.useForm();
  const isFinance = hasRole(useSession().user, ['finance']);

  const load = useCallback(() => void run(() => invoke('campaigns.get', { id })).then((x) => x && setC(x)), [id, run]);
  const loadLines = useCallback(() => void run(() => invoke('campaigns.lines', { id, ...filter })).then((x) => x && setLines(x)), [id, filter, run]);
  useEffect(load, [load]);
  useEffect(loadLines, [loadLines]);
  const refresh = (next?: Campaign) => {
    if (next) setC(next);
    else load();
    loadLines();
    setDialog(null);
  };
  if (!c) return <Card loading />;
  const p = c.permissions;

  const submit = () => void run(() => invoke('campaigns.submit', { id }), '名单已提交，等待中心主任审核').then((x) => x && refresh(x));
  const print = (batchId: number | null) => {
    setPrinting(batchId === null ? c.count : (c.batches.find((b) => b.id === batchId)?.count ?? c.count));
    void run(() => invoke('campaigns.signSheet', { id, batchId }))
      .then((f) => f && setPdf(f))
      .finally(() => setPrinting(null));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span style={{ fontFamily: 'monospace' }}>{c.number}</span>
            {c.name}
            <CampaignStatusTag status={c.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {p.edit && <Button onClick={() => setDialog('edit')}>修改设置</Button>}
            {p.edit && <Button onClick={() => setDialog('build')} data-testid="campaign-build">按条件生成名单</Button>}
            {p.edit && <Button onClick={() => setDialog('add')} data-testid="campaign-add">手工添加</Button>}
            {p.edit && <Button onClick={() => setDialog('import')} data-testid="campaign-import">导入上报名单</Button>}
            {c.status === 'draft' && (p.submit || p.edit) && (
              <Popconfirm title="提交后名单不能再修改，确认提交审核？" okText="提交" cancelText="取消" onConfirm={submit} disabled={!p.submit}>
                <Button type="primary" disabled={!p.submit} data-testid="campaign-submit">
                  提交审核
                </Button>
              </Popconfirm>
            )}
            {p.decide && (
              <Button type="primary" onClick={() => setDialog('decide')} data-testid="campaign-decide">
                {c.status === 'pending_director' ? '主任审核' : '主席审批'}
              </Button>
            )}
            {p.pay && (
              <Button type="primary" onClick={() => setDialog('pay')} data-testid="campaign-pay">
                发放
              </Button>
            )}
            {c.status === 'approved' && (
              <Button icon={<PrinterOutlined />} onClick={() => print(null)} loading={printing !== null} data-testid="campaign-sign-sheet">
                打印签领表
              </Button>
            )}
            {c.status === 'approved' && (
              <Button icon={<PrinterOutlined />} onClick={() => void run(() => invoke('campaigns.noticePdf', { id })).then((f) => f && setPdf(f))} data-testid="campaign-notice-pdf">
                名单公示
              </Button>
            )}
            <Button icon={<PrinterOutlined />} onClick={() => void run(() => invoke('campaigns.summaryPdf', { id })).then((f) => f && setPdf(f))} data-testid="campaign-summary-pdf">
              汇总表
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={() => void run(() => invoke('campaigns.summaryXlsx', { id })).then((f) => f && downloadFile(f))}>
              导出汇总
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="类型">{CAMPAIGN_KIND_LABELS[c.kind]}</Descriptions.Item>
          <Descriptions.Item label="日期">{`${c.startDate} 至 ${c.endDate}`}</Descriptions.Item>
          <Descriptions.Item label="资金来源">{c.fundName}</Descriptions.Item>
          <Descriptions.Item label="总预算">{formatYuan(c.budgetFen)}</Descriptions.Item>
          <Descriptions.Item label="名单">
            <span data-testid="campaign-listed">{`${c.count} 人，${formatYuan(c.listedFen)}`}</span>
            {c.overBudgetFen > 0 && <Tag color="red" style={{ marginLeft: 8 }}>{`超出预算 ${formatYuan(c.overBudgetFen)}`}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="已发放 / 未领取">{`${formatYuan(c.paidFen)} / ${formatYuan(c.returnedFen)}`}</Descriptions.Item>
          <Descriptions.Item label="编制人">{c.builders.join('、')}</Descriptions.Item>
          {c.note && <Descriptions.Item label="说明">{c.note}</Descriptions.Item>}
        </Descriptions>
        {c.submitBlocker && c.count > 0 && <Alert type="warning" showIcon title={c.submitBlocker} data-testid="campaign-blocker" style={{ marginTop: 8 }} />}
        {p.decideBlockedReason && <Alert type="info" showIcon title={p.decideBlockedReason} style={{ marginTop: 8 }} />}
        {printing !== null && (
          <Alert
            type="info"
            showIcon
            icon={<Spin size="small" />}
            data-testid="campaign-printing"
            title={`正在生成签领表（${printing} 人）${printing >= 500 ? '，人数较多，约需几秒钟' : ''}，请稍候……`}
            style={{ marginTop: 8 }}
          />
        )}
        <Table<CampaignGroupView>
          style={{ marginTop: 12 }}
          rowKey="group"
          size="small"
          pagination={false}
          dataSource={c.groups}
          columns={[
            { title: '帮扶对象', dataIndex: 'group', render: (g: CampaignGroup) => CAMPAIGN_GROUP_LABELS[g] },
            { title: '每人标准', dataIndex: 'standardFen', align: 'right', render: (f: number) => formatYuan(f) },
            { title: '人数', dataIndex: 'count', align: 'right' },
            { title: '名单金额', dataIndex: 'listedFen', align: 'right', render: (f: number) => formatYuan(f) },
            { title: '分项预算', dataIndex: 'budgetFen', align: 'right', render: (f: number | null) => (f === null ? '—' : formatYuan(f)) },
            { title: '', dataIndex: 'overFen', render: (f: number) => (f > 0 ? <Tag color="red">{`超出 ${formatYuan(f)}`}</Tag> : null) },
          ]}
        />
      </Card>

      <Card title="慰问名单" size="small">
        <Space style={{ marginBottom: 8 }} wrap>
          <Input.Search placeholder="姓名或身份证号" allowClear style={{ width: 220 }} onSearch={(q) => setFilter({ ...filter, page: 1, q: q || undefined })} />
          <Select allowClear placeholder="帮扶对象" style={{ width: 150 }} value={filter.group} onChange={(g) => setFilter({ ...filter, page: 1, group: g })} options={CAMPAIGN_GROUPS.map((g) => ({ value: g, label: CAMPAIGN_GROUP_LABELS[g] }))} />
          <Select allowClear placeholder="工作单位" style={{ width: 220 }} value={filter.workUnit} onChange={(u) => setFilter({ ...filter, page: 1, workUnit: u })} options={c.units.map((u) => ({ value: u, label: u }))} />
        </Space>
        <Table<CampaignLine>
          rowKey="id"
          size="small"
          loading={busy}
          dataSource={lines.rows}
          data-testid="campaign-lines"
          pagination={{ current: filter.page, pageSize: filter.pageSize, total: lines.total, showTotal: (t) => `共 ${t} 人`, onChange: (pg, s) => setFilter({ ...filter, page: pg, pageSize: s }) }}
          columns={[
            // Names, groups and amounts on one line: the reasons column takes the wrapping, not a three-character name.
            { title: '姓名', dataIndex: 'name', render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span> },
            { title: '身份证号', dataIndex: 'maskedIdNumber', render: (s: string) => <span style={{ fontFamily: 'monospace' }}>{s}</span> },
            { title: '工作单位', dataIndex: 'workUnit' },
            { title: '类别', dataIndex: 'group', render: (g: CampaignGroup) => <span style={{ whiteSpace: 'nowrap' }}>{CAMPAIGN_GROUP_LABELS[g]}</span> },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatYuan(f)}</span> },
            {
              title: '来源与理由',
              render: (_: unknown, l) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text type="secondary">{`${LINE_SOURCE_LABELS[l.source as LineSource]}（${l.addedBy}）：${l.reasons.join('；')}`}</Typography.Text>
                  {l.exceptions.map((e) => (
                    <Tag color="orange" key={e} style={{ whiteSpace: 'normal' }}>{`例外：${e}`}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: '发放', render: (_: unknown, l) => (l.returned ? <Tag color="red">未领取已退回</Tag> : l.paid ? <Tag color="green">{`${l.paid.date} ${l.paid.batchNumber}`}</Tag> : '—') },
            {
              title: '',
              render: (_: unknown, l) =>
                p.edit ? (
                  <Button size="small" onClick={() => setReasonFor({ line: l, kind: 'remove' })}>移除</Button>
                ) : p.markNotCollected && l.paid && !l.returned ? (
                  <Button size="small" danger onClick={() => setReasonFor({ line: l, kind: 'return' })} data-testid="campaign-not-collected">未领取</Button>
                ) : null,
            },
          ]}
        />
      </Card>

      {c.batches.length > 0 && (
        <Card title="发放批次" size="small">
          <Table<CampaignBatch>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.batches}
            columns={[
              { title: '批次', dataIndex: 'number' },
              { title: '日期', dataIndex: 'date' },
              { title: '方式', dataIndex: 'method', render: (m: PaymentMethod) => PAYMENT_METHOD_LABELS[m] },
              { title: '单位', dataIndex: 'workUnit', render: (u: string) => u || '全部' },
              { title: '人数', dataIndex: 'count', align: 'right' },
              { title: '金额', dataIndex: 'totalFen', align: 'right', render: (f: number) => formatYuan(f) },
              { title: '未领取', dataIndex: 'returnedFen', align: 'right', render: (f: number) => formatYuan(f) },
              { title: '凭证', dataIndex: 'entryNumber' },
              {
                title: '',
                render: (_: unknown, b) => (
                  <Space>
                    <Button size="small" onClick={() => print(b.id)}>签领表</Button>
                    {b.method === 'bank' && isFinance && (
                      <Button size="small" onClick={() => void run(() => invoke('campaigns.bankFile', { batchId: b.id })).then((f) => f && downloadFile(f))}>银行代发表</Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}

      <Card title="审批记录" size="small">
        <Table<CampaignDecisionView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.decisions}
          columns={[
            { title: '环节', dataIndex: 'stage', render: (s: CampaignDecisionView['stage']) => STAGE[s] },
            { title: '意见', dataIndex: 'decision', render: (d: CampaignDecisionView['decision']) => DECISION[d] },
            { title: '经办', dataIndex: 'by' },
            { title: '时间', dataIndex: 'at', render: (a: string) => localDateTime(new Date(a)) },
            { title: '当时名单', render: (_: unknown, d) => `${d.count} 人，${formatYuan(d.totalFen)}` },
            { title: '说明', dataIndex: 'comment' },
          ]}
        />
      </Card>

      <CampaignFormModal open={dialog === 'edit'} campaign={c} onClose={() => setDialog(null)} onSaved={refresh} />
      <CandidatesModal open={dialog === 'build'} campaign={c} onClose={() => setDialog(null)} onBuilt={refresh} />
      <ImportModal open={dialog === 'import'} campaign={c} onClose={() => setDialog(null)} onImported={(x) => (setC(x), loadLines())} />
      <AddLineModal open={dialog === 'add'} campaign={c} onClose={() => setDialog(null)} onAdded={refresh} />
      <DecideModal open={dialog === 'decide'} campaign={c} onClose={() => setDialog(null)} onDecided={refresh} />
      <PayModal open={dialog === 'pay'} campaign={c} onClose={() => setDialog(null)} onPaid={() => refresh()} />
      <Modal
        open={reasonFor !== null}
        title={reasonFor?.kind === 'remove' ? `从名单移除 ${reasonFor.line.name}` : `登记 ${reasonFor?.line.name} 未领取（冲回 ${reasonFor ? formatYuan(reasonFor.line.amountFen) : ''}，不可撤销）`}
        onCancel={() => setReasonFor(null)}
        okText="确认"
        okButtonProps={{ danger: reasonFor?.kind === 'return', loading: busy }}
        destroyOnHidden
        onOk={async () => {
          const { reason } = (await form.validateFields()) as { reason: string };
          const r = reasonFor!;
          const x = await run(() => (r.kind === 'remove' ? invoke('campaigns.removeLine', { lineId: r.line.id, reason }) : invoke('campaigns.markNotCollected', { lineId: r.line.id, reason })), '已登记');
          if (x) {
            setReasonFor(null);
            form.resetFields();
            refresh(x);
          }
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={reasonFor?.kind === 'remove' ? '移除理由' : '未领取原因'} rules={[{ required: true, min: 2, message: '请写明理由' }]}>
            <Input.TextArea rows={2} maxLength={500} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
      <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />
    </Space>
  );
}

function AddLineModal({ campaign, open, onClose, onAdded }: { campaign: Campaign; open: boolean; onClose(): void; onAdded(c: Campaign): void }) {
  const [worker, setWorker] = useState<PickedWorker | null>(null);
  const [form] = Form.useForm<{ group: CampaignGroup; reason: string }>();
  const { busy, run } = useAction();
  const ok = async () => {
    const v = await form.validateFields();
    if (!worker) return;
    const x = await run(() => invoke('campaigns.addLine', { id: campaign.id, fileId: worker.id, group: v.group, reason: v.reason }), `已添加 ${worker.name}`);
    if (x) {
      setWorker(null);
      form.resetFields();
      onAdded(x);
    }
  };
  return (
    <Modal open={open} title="手工添加慰问对象" onCancel={onClose} onOk={() => void ok()} okText="添加" confirmLoading={busy} okButtonProps={{ disabled: !worker }} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <WorkerPicker value={worker} onChange={setWorker} autoFocus />
        <Form form={form} layout="vertical" initialValues={{ group: campaign.groups[0]?.group }}>
          <Form.Item name="group" label="帮扶对象类别" rules={[{ required: true }]}>
            <Select options={campaign.groups.map((g) => ({ value: g.group, label: `${CAMPAIGN_GROUP_LABELS[g.group]}（${formatYuan(g.standardFen)}）` }))} />
          </Form.Item>
          <Form.Item name="reason" label="添加理由（审批人可见；上年已慰问等例外也须写明）" rules={[{ required: true, min: 2, message: '请写明添加理由' }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}

function DecideModal({ campaign, open, onClose, onDecided }: { campaign: Campaign; open: boolean; onClose(): void; onDecided(c: Campaign): void }) {
  const [form] = Form.useForm<{ decision: 'approve' | 'return'; comment?: string }>();
  const { busy, run } = useAction();
  const chair = campaign.status === 'pending_chair';
  const ok = async () => {
    const v = await form.validateFields();
    const x = await run(() => invoke('campaigns.decide', { id: campaign.id, decision: v.decision, comment: v.comment ?? '' }), '已记录审批意见');
    if (x) onDecided(x);
  };
  return (
    <Modal open={open} title={chair ? '工会主席审批名单（整体批准）' : '中心主任审核名单'} onCancel={onClose} onOk={() => void ok()} okText="确认" confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph>{`名单 ${campaign.count} 人，合计 ${formatYuan(campaign.listedFen)}，预算 ${formatYuan(campaign.budgetFen)}。`}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ decision: 'approve' }}>
        <Form.Item name="decision" label="意见">
          <Radio.Group options={[{ value: 'approve', label: chair ? '批准名单' : '审核通过，报主席审批' }, { value: 'return', label: '退回修改' }]} />
        </Form.Item>
        <Form.Item name="comment" label="说明（退回时必填）">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PayModal({ campaign, open, onClose, onPaid }: { campaign: Campaign; open: boolean; onClose(): void; onPaid(): void }) {
  const [form] = Form.useForm<{ method: PaymentMethod; workUnit?: string }>();
  const { busy, run } = useAction();
  const ok = async () => {
    const v = await form.validateFields();
    const b = await run(() => invoke('campaigns.pay', { id: campaign.id, method: v.method, accountId: null, workUnit: v.workUnit ?? '' }));
    if (b) {
      Modal.success({ title: `已发放批次 ${b.number}`, content: `${b.count} 人，${formatYuan(b.totalFen)}，记账凭证 ${b.entryNumber}。` });
      onPaid();
    }
  };
  return (
    <Modal open={open} title="发放慰问金" onCancel={onClose} onOk={() => void ok()} okText="确认发放并记账" confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">{`待发放 ${campaign.unpaidCount} 人。发放后整批记一张凭证，资金来源“${campaign.fundName}”；不能撤销，未领取的可逐人登记退回。`}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ method: 'cash' }}>
        <Form.Item name="method" label="发放方式">
          <Radio.Group options={[{ value: 'cash', label: '现金（凭签领表）' }, { value: 'bank', label: '银行代发' }]} />
        </Form.Item>
        <Form.Item name="workUnit" label="按单位（基层工会）发放，不选则发放全部未发人员">
          <Select allowClear options={campaign.units.map((u) => ({ value: u, label: u }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
