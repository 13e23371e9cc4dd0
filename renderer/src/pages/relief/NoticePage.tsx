import { CheckCircleOutlined, LeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Radio, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PdfFile } from '../../../../shared/contract/define';
import { reliefChannels, type ReliefNotice, type ReliefNoticeLine } from '../../../../shared/contract/relief';
import { formatChineseDate } from '../../../../shared/dates';
import { formatYuan } from '../../../../shared/money';
import { RELIEF_CATEGORY_LABELS, type ReliefCategory } from '../../../../shared/relief';
import { invoke } from '../../api';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { useServerToday } from '../../components/useServerToday';
import { zodRule } from '../../components/zodRule';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { noticePhase, period } from './NoticeListPage';
import { PROPOSER_ROLES, ReliefStatusTag, dateTime } from './reliefLabels';

const OBJECT = reliefChannels['relief.notices.object'].input.shape;
const RESOLVE = reliefChannels['relief.notices.resolve'].input.shape;

type Dialog = { kind: 'object' | 'resolve'; line: ReliefNoticeLine } | null;

interface DialogValues {
  text: string;
  upheld?: boolean;
}

/** Record an objection (staff/director) or resolve it (director): fill in, then confirm. */
function LineDialog({ dialog, busy, onCancel, onSubmit }: { dialog: Dialog; busy: boolean; onCancel(): void; onSubmit(v: DialogValues): Promise<void> }) {
  const [form] = Form.useForm<DialogValues>();
  const [confirming, setConfirming] = useState(false);
  const resolving = dialog?.kind === 'resolve';
  const upheld = Form.useWatch('upheld', form);

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
    const v = form.getFieldsValue();
    await onSubmit({ ...v, text: (v.text ?? '').trim() });
  };
  const cancel = () => {
    setConfirming(false);
    onCancel();
  };

  const line = dialog?.line;
  return (
    <Modal
      open={dialog !== null}
      title={line ? `${resolving ? '处理公示异议' : '登记公示异议'}：${line.name}（${line.applicationNumber}）` : ''}
      width={600}
      destroyOnHidden
      onCancel={cancel}
      footer={
        <Space>
          <Button onClick={cancel}>取消</Button>
          <Popconfirm
            open={confirming}
            title={resolving ? (upheld ? '确认异议成立？该救助申请将不予批准。' : '确认异议不成立？') : '确认登记这条异议？'}
            okText="确认"
            cancelText="再想想"
            okButtonProps={{ autoFocus: true, danger: resolving && upheld === true, 'data-testid': 'dialog-confirm' }}
            onConfirm={() => void submit()}
            onCancel={() => setConfirming(false)}
            onOpenChange={(o) => !o && setConfirming(false)}
          >
            <Button type="primary" danger={resolving && upheld === true} loading={busy} onClick={() => void ask()} data-testid="dialog-ok">
              {resolving ? '处理' : '登记异议'}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {line && resolving && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="异议内容"
          description={
            <div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{line.objection}</div>
              {line.objectionAt && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>登记于 {dateTime(line.objectionAt)}</div>}
            </div>
          }
        />
      )}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ text: '' }}>
        {resolving && (
          <Form.Item label="异议是否成立" name="upheld" rules={[zodRule(RESOLVE.upheld)]} required>
            <Radio.Group data-testid="resolve-upheld">
              <Radio value={true}>成立：不予救助</Radio>
              <Radio value={false}>不成立：继续公示</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item
          label={resolving ? '处理意见' : '异议内容'}
          name="text"
          rules={[zodRule(resolving ? RESOLVE.comment : OBJECT.objection)]}
          required
          extra="Ctrl+Enter 提交"
        >
          <Input.TextArea
            autoFocus={!resolving}
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={1000}
            showCount
            data-testid={resolving ? 'resolve-comment' : 'objection-text'}
            placeholder={resolving ? '核实情况和处理结论' : '谁、何时、以何种方式提出了什么异议'}
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

export function NoticePage({ id }: { id: number }) {
  const { user } = useSession();
  const canObject = hasRole(user, PROPOSER_ROLES);
  const isDirector = hasRole(user, ['director']);
  const [notice, setNotice] = useState<ReliefNotice | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const { busy, run } = useAction();
  const print = useAction();
  // 公示中 or 期满 by the program's today, not the PC's
  const today = useServerToday();

  const load = useCallback(() => {
    invoke('relief.notices.get', { id })
      .then(setNotice)
      .catch((e: Error) => setLoadError(e.message));
  }, [id]);
  useEffect(load, [load]);

  if (loadError)
    return <Result status="404" title="无法打开救助公示" subTitle={loadError} extra={<Button onClick={() => navigate('/relief/notices')}>回到公示列表</Button>} />;
  if (!notice || !today)
    return (
      <Spin style={{ display: 'block', margin: 48 }} tip="正在读取救助公示…">
        <div />
      </Spin>
    );

  const phase = noticePhase(notice, today);
  const concluded = notice.concludedAt !== null;
  const openObjections = notice.lines.filter((l) => l.objection && !l.resolution);
  const periodOver = today > notice.endDate;

  const act = async (fn: () => Promise<ReliefNotice>, ok: string) => {
    const next = await run(fn, ok);
    if (next) {
      setNotice(next);
      setDialog(null);
    }
  };
  const printNotice = async () => {
    const out = await print.run(() => invoke('relief.notices.print', { id: notice.id }));
    if (out) setPdf(out);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<LeftOutlined />} onClick={() => navigate('/relief/notices')} aria-label="回到公示列表" />
            <span>救助公示</span>
            <span data-testid="notice-number" style={{ fontFamily: 'monospace' }}>
              {notice.number}
            </span>
            <Tag color={phase.color} data-testid="notice-phase">
              {phase.label}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<PrinterOutlined />} loading={print.busy} onClick={() => void printNotice()} data-testid="notice-print">
              打印公示
            </Button>
            {isDirector && !concluded && (
              <Popconfirm
                title="公示期满，确认可以发放？"
                description={
                  <div style={{ maxWidth: 340 }}>
                    {!periodOver && <div style={{ color: '#cf1322' }}>公示期至 {formatChineseDate(notice.endDate)} 止，尚未期满。</div>}
                    {openObjections.length > 0 && <div style={{ color: '#cf1322' }}>还有 {openObjections.length} 条异议未处理。</div>}
                    <div>确认后，没有成立异议的 {notice.lines.filter((l) => l.status === 'in_notice').length} 份申请转为“可发放”，交财务发放。此操作不能撤销。</div>
                  </div>
                }
                okText="确认期满"
                cancelText="取消"
                okButtonProps={{ 'data-testid': 'confirm-ok' }}
                onConfirm={() => act(() => invoke('relief.notices.conclude', { id: notice.id }), '公示已结束，可以发放')}
              >
                <Button type={periodOver ? 'primary' : 'default'} icon={<CheckCircleOutlined />} loading={busy} data-testid="notice-conclude">
                  公示期满，确认发放
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        {openObjections.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`有 ${openObjections.length} 条异议待中心主任处理`} />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="公示期">
            <span data-testid="notice-period">{period(notice)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="人数">{notice.lines.length} 人</Descriptions.Item>
          <Descriptions.Item label="合计金额">
            <Typography.Text strong data-testid="notice-total">
              {formatYuan(notice.totalFen)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="发布">
            {notice.createdBy} {dateTime(notice.createdAt)}
          </Descriptions.Item>
          {concluded && <Descriptions.Item label="结束于">{dateTime(notice.concludedAt!)}</Descriptions.Item>}
        </Descriptions>

        <Table<ReliefNoticeLine>
          rowKey="id"
          size="middle"
          dataSource={notice.lines}
          pagination={false}
          scroll={{ x: 1000 }}
          onRow={() => ({ className: 'notice-line', 'data-testid': 'notice-line' })}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5} align="right">
                合计
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{formatYuan(notice.totalFen)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} colSpan={2} />
            </Table.Summary.Row>
          )}
          columns={[
            { title: '序号', key: 'seq', width: 50, render: (_, __, i) => i + 1 },
            {
              title: '姓名',
              dataIndex: 'name',
              width: 120,
              render: (name: string, l) => (
                <div>
                  <Typography.Link onClick={() => navigate(`/relief/${l.applicationId}`)}>{name}</Typography.Link>
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', fontFamily: 'monospace' }}>{l.applicationNumber}</div>
                </div>
              ),
            },
            { title: '身份证号（已隐藏）', dataIndex: 'maskedIdNumber', width: 180, render: (s: string) => <span style={{ fontFamily: 'monospace' }}>{s}</span> },
            { title: '工作单位', dataIndex: 'workUnit', width: 140, ellipsis: { showTitle: true } },
            { title: '救助类别', dataIndex: 'category', width: 110, render: (c: ReliefCategory) => RELIEF_CATEGORY_LABELS[c] },
            { title: '金额', dataIndex: 'amountFen', width: 100, align: 'right', render: (f: number) => formatYuan(f) },
            {
              title: '异议',
              key: 'objection',
              render: (_, l) =>
                l.objection ? (
                  <div>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{l.objection}</div>
                    <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{l.objectionAt && `登记于 ${dateTime(l.objectionAt)}`}</div>
                    {l.resolution ? (
                      <div style={{ marginTop: 4 }}>
                        <Tag color={l.resolution === 'upheld' ? 'red' : 'default'}>{l.resolution === 'upheld' ? '异议成立' : '异议不成立'}</Tag>
                        <span style={{ fontSize: 12 }}>{l.resolutionComment}</span>
                      </div>
                    ) : (
                      <Tag color="orange" style={{ marginTop: 4 }}>
                        待处理
                      </Tag>
                    )}
                  </div>
                ) : (
                  <Typography.Text type="secondary">无</Typography.Text>
                ),
            },
            {
              title: '状态',
              key: 'actions',
              width: 110,
              render: (_, l) => (
                <Space size={4} orientation="vertical" align="start">
                  <ReliefStatusTag status={l.status} />
                  {canObject && l.status === 'in_notice' && !(l.objection && !l.resolution) && (
                    <Button size="small" onClick={() => setDialog({ kind: 'object', line: l })} data-testid="line-object">
                      登记异议
                    </Button>
                  )}
                  {isDirector && l.objection && !l.resolution && (
                    <Button size="small" type="primary" onClick={() => setDialog({ kind: 'resolve', line: l })} data-testid="line-resolve">
                      处理异议
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <LineDialog
        dialog={dialog}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={async (v) => {
          if (!dialog) return;
          if (dialog.kind === 'object') await act(() => invoke('relief.notices.object', { lineId: dialog.line.id, objection: v.text }), '异议已登记');
          else await act(() => invoke('relief.notices.resolve', { lineId: dialog.line.id, upheld: v.upheld!, comment: v.text }), '异议已处理');
        }}
      />
      <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />
    </Space>
  );
}
