import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { WorkerFile } from '../../../../shared/contract/files';
import { monitoringChannels, type FileMonitoring } from '../../../../shared/contract/monitoring';
import { localDate } from '../../../../shared/dates';
import { RELATION_LABELS } from '../../../../shared/household';
import { VISIT_KIND_LABELS, VISIT_KINDS, VISIT_METHOD_LABELS, VISIT_METHODS, type VisitKind, type VisitMethod } from '../../../../shared/monitoring';
import { invoke } from '../../api';
import { MoneyInput } from '../../components/MoneyInput';
import { useAction } from '../../components/useAction';
import { zodRule } from '../../components/zodRule';
import { navigate } from '../../router';
import { useSession } from '../../session';

export interface VisitTarget {
  fileId: number;
  name: string;
  dueDate?: string;
}

interface Values {
  kind: VisitKind;
  occasion: string;
  visitDate: Dayjs;
  visitor: string;
  method: VisitMethod;
  findings: string;
  changed: boolean;
  ownMonthlyIncomeFen?: number;
  memberIncomes: (number | undefined)[];
  problems: string;
  helpArranged: string;
  nextDate: Dayjs | null;
}

const shape = monitoringChannels['monitoring.recordVisit'].input.shape;
const today = () => dayjs(localDate(new Date()));

/** 登记回访: one form for a revisit or a holiday visit; a household change re-tiers the file. Ctrl+Enter saves. */
export function VisitModal({ target, onClose, onSaved }: { target: VisitTarget | null; onClose(): void; onSaved(m: FileMonitoring): void }) {
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<WorkerFile | null>(null);
  const [saved, setSaved] = useState<FileMonitoring | null>(null);
  const { busy, run } = useAction();
  const kind = Form.useWatch('kind', form);
  const changed = Form.useWatch('changed', form);

  useEffect(() => {
    setSaved(null);
    setFile(null);
    if (target) void invoke('files.get', { id: target.fileId }).then(setFile, () => setFile(null));
  }, [target]);

  const submit = async () => {
    if (!target) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // messages are shown under the fields
    }
    const members = file?.members ?? [];
    const out = await run(
      () =>
        invoke('monitoring.recordVisit', {
          fileId: target.fileId,
          kind: v.kind,
          occasion: v.kind === 'holiday' ? v.occasion.trim() : '',
          visitDate: v.visitDate.format('YYYY-MM-DD'),
          visitor: v.visitor.trim(),
          method: v.method,
          findings: v.findings.trim(),
          ...(v.changed
            ? {
                household: {
                  ownMonthlyIncomeFen: v.ownMonthlyIncomeFen ?? 0,
                  members: members.map((m, i) => ({
                    name: m.name,
                    relation: m.relation,
                    idNumber: m.idNumber,
                    monthlyIncomeFen: v.memberIncomes[i] ?? m.monthlyIncomeFen,
                    unmarried: m.unmarried ?? undefined,
                    student: m.student,
                    disabled: m.disabled,
                    seriouslyIll: m.seriouslyIll,
                  })),
                },
              }
            : {}),
          problems: v.problems.trim(),
          helpArranged: v.helpArranged.trim(),
          nextDate: v.nextDate ? v.nextDate.format('YYYY-MM-DD') : '',
        }),
      '已登记回访',
    );
    if (out) {
      setSaved(out);
      onSaved(out);
    }
  };

  const close = () => {
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={target !== null}
      title={target ? `登记回访：${target.name}` : '登记回访'}
      width={760}
      destroyOnHidden
      onCancel={close}
      data-testid="visit-modal"
      footer={
        saved ? (
          <Button type="primary" onClick={close} data-testid="visit-done">
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="visit-save">
              保存 <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }}>Ctrl+Enter</Typography.Text>
            </Button>
          </Space>
        )
      }
    >
      {saved && target ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={`已登记。下次回访：${saved.schedule.dueDate}`} data-testid="visit-saved" />
          <Typography.Text>发现的问题需要进一步帮扶的，可以接着办理：</Typography.Text>
          <Space wrap>
            <Button onClick={() => navigate(`/relief/new?file=${target.fileId}`)}>发起救助申请</Button>
            <Button onClick={() => navigate(`/referrals/jobs?file=${target.fileId}`)}>职业介绍</Button>
            <Button onClick={() => navigate(`/referrals/legal?file=${target.fileId}`)}>法律援助</Button>
          </Space>
        </Space>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: 'revisit', occasion: '', visitDate: today(), visitor: user.displayName, method: 'home', findings: '', changed: false, memberIncomes: [], problems: '', helpArranged: '', nextDate: null }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        >
          {target?.dueDate && (
            <Typography.Paragraph type="secondary">应回访日期：{target.dueDate}</Typography.Paragraph>
          )}
          <Space wrap align="start" size="large">
            <Form.Item label="走访类别" name="kind">
              <Radio.Group options={VISIT_KINDS.map((k) => ({ value: k, label: VISIT_KIND_LABELS[k] }))} data-testid="visit-kind" />
            </Form.Item>
            {kind === 'holiday' && (
              <Form.Item label="节日" name="occasion" rules={[{ validator: async (_r, v: string) => { if (!v?.trim()) throw new Error('节日走访请填写节日'); } }]} required>
                <Input maxLength={30} placeholder="如：春节、中秋" style={{ width: 160 }} data-testid="visit-occasion" />
              </Form.Item>
            )}
            <Form.Item label="走访日期" name="visitDate" rules={[{ required: true, message: '请选择走访日期' }]}>
              <DatePicker allowClear={false} format="YYYY-MM-DD" disabledDate={(d) => d.isAfter(today(), 'day')} data-testid="visit-date" />
            </Form.Item>
            <Form.Item label="走访人" name="visitor" rules={[zodRule(shape.visitor)]} required>
              <Input maxLength={60} style={{ width: 180 }} data-testid="visit-visitor" />
            </Form.Item>
            <Form.Item label="走访方式" name="method">
              <Radio.Group options={VISIT_METHODS.map((m) => ({ value: m, label: VISIT_METHOD_LABELS[m] }))} data-testid="visit-method" />
            </Form.Item>
          </Space>
          <Form.Item label="走访了解到的情况" name="findings" rules={[zodRule(shape.findings)]} required>
            <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="visit-findings" />
          </Form.Item>
          <Form.Item name="changed" valuePropName="checked">
            <Checkbox data-testid="visit-changed">家庭收入有变化（按新收入重新核定档次）</Checkbox>
          </Form.Item>
          {changed && file && (
            <div data-testid="visit-household">
              <Form.Item label="本人月收入" name="ownMonthlyIncomeFen" initialValue={file.ownMonthlyIncomeFen} rules={[{ required: true, message: '请填写本人月收入' }]}>
                <MoneyInput />
              </Form.Item>
              {file.members.length > 0 && (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={file.members.map((m, i) => ({ ...m, i }))}
                  columns={[
                    { title: '家庭成员', dataIndex: 'name' },
                    { title: '关系', dataIndex: 'relation', render: (r: keyof typeof RELATION_LABELS) => RELATION_LABELS[r] },
                    {
                      title: '月收入',
                      render: (_: unknown, m) => (
                        <Form.Item name={['memberIncomes', m.i]} initialValue={m.monthlyIncomeFen} noStyle>
                          <MoneyInput />
                        </Form.Item>
                      ),
                    },
                  ]}
                />
              )}
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                家庭人口有增减的，请在档案中修改。
              </Typography.Paragraph>
            </div>
          )}
          <Form.Item label="发现的问题" name="problems" rules={[zodRule(shape.problems)]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid="visit-problems" />
          </Form.Item>
          <Form.Item label="帮扶措施" name="helpArranged" rules={[zodRule(shape.helpArranged)]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} placeholder="如：申请临时救助、推荐就业岗位、转介法律援助" data-testid="visit-help" />
          </Form.Item>
          <Form.Item label="下次回访日期" name="nextDate" extra="不填则按回访间隔自动确定（未消除风险户每月，已消除风险户半年，稳定户一年）">
            <DatePicker format="YYYY-MM-DD" disabledDate={(d) => !d.isAfter(today(), 'day')} data-testid="visit-next" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
