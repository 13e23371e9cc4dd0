import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Modal, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { householdMemberInput, inputOfFile, type WorkerFile, type WorkerFileInput } from '../../../../shared/contract/files';
import { monitoringChannels, type FileMonitoring } from '../../../../shared/contract/monitoring';
import { MARITAL_STATUS_LABELS, MARITAL_STATUSES, RELATION_LABELS, RELATIONS, type MaritalStatus } from '../../../../shared/household';
import { VISIT_KIND_LABELS, VISIT_KINDS, VISIT_METHOD_LABELS, VISIT_METHODS, type VisitKind, type VisitMethod } from '../../../../shared/monitoring';
import { invoke } from '../../api';
import { MoneyInput } from '../../components/MoneyInput';
import { useAction } from '../../components/useAction';
import { useServerDay } from '../../components/useServerToday';
import { zodRule } from '../../components/zodRule';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { HouseholdPreview } from '../files/HouseholdPreview';

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
  maritalStatus?: MaritalStatus;
  singleParent?: boolean;
  members?: Member[];
  problems: string;
  helpArranged: string;
  nextDate: Dayjs | null;
}

/** A household member as the file stores it (inputOfFile); fields the modal does not show ride along unchanged. */
type Member = NonNullable<WorkerFileInput['members']>[number];

const shape = monitoringChannels['monitoring.recordVisit'].input.shape;
const M = householdMemberInput.shape;
const NEW_MEMBER: Partial<Member> = { name: '', monthlyIncomeFen: 0, student: false, disabled: false, seriouslyIll: false };

/** 登记回访: one form for a revisit or a holiday visit; a household change re-tiers the file. Ctrl+Enter saves. */
export function VisitModal({ target, onClose, onSaved }: { target: VisitTarget | null; onClose(): void; onSaved(m: FileMonitoring): void }) {
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  // The visit is dated the program's today by default and cannot be later; the next one must be after it (not the PC's day).
  const today = useServerDay(target?.fileId);
  const [file, setFile] = useState<WorkerFile | null>(null);
  const [saved, setSaved] = useState<FileMonitoring | null>(null);
  const { busy, run } = useAction();
  const kind = Form.useWatch('kind', form);
  const changed = Form.useWatch('changed', form);
  // preserve: the members' fields the modal does not show (ID number, marriage…) are in the preview too.
  const household = Form.useWatch((v: Values) => ({ own: v.ownMonthlyIncomeFen, marital: v.maritalStatus, single: v.singleParent, members: v.members ?? [] }), { form, preserve: true });

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
    // The whole list as stored, not only the fields shown: each member keeps what the modal does not edit.
    const members = (form.getFieldValue('members') as Member[] | undefined) ?? [];
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
                  maritalStatus: v.maritalStatus,
                  singleParent: v.singleParent ?? false,
                  members: members.map((m) => ({
                    name: m.name.trim(),
                    relation: m.relation,
                    idNumber: m.idNumber ?? '',
                    monthlyIncomeFen: m.monthlyIncomeFen ?? 0,
                    unmarried: m.unmarried ?? undefined,
                    student: m.student ?? false,
                    disabled: m.disabled ?? false,
                    seriouslyIll: m.seriouslyIll ?? false,
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
            <Button type="primary" loading={busy} disabled={!today} onClick={() => void submit()} data-testid="visit-save">
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
      ) : !today ? (
        <Skeleton active />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: 'revisit', occasion: '', visitDate: today, visitor: user.displayName, method: 'home', findings: '', changed: false, problems: '', helpArranged: '', nextDate: null }}
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
              <DatePicker allowClear={false} format="YYYY-MM-DD" disabledDate={(d) => d.isAfter(today, 'day')} data-testid="visit-date" />
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
            <Checkbox data-testid="visit-changed">家庭收入或人口有变化（按新情况重新核定档次）</Checkbox>
          </Form.Item>
          {changed && file && (
            <div data-testid="visit-household">
              <Space wrap align="start" size="large">
                <Form.Item label="本人月收入" name="ownMonthlyIncomeFen" initialValue={file.ownMonthlyIncomeFen} rules={[{ required: true, message: '请填写本人月收入' }]}>
                  <MoneyInput />
                </Form.Item>
                <Form.Item label="婚姻状况" name="maritalStatus" initialValue={file.maritalStatus}>
                  <Select<MaritalStatus>
                    style={{ width: 120 }}
                    data-testid="visit-marital"
                    options={MARITAL_STATUSES.map((m) => ({ value: m, label: MARITAL_STATUS_LABELS[m] }))}
                  />
                </Form.Item>
                <Form.Item label="单亲" name="singleParent" valuePropName="checked" initialValue={file.singleParent}>
                  <Checkbox data-testid="visit-single-parent">单亲家庭</Checkbox>
                </Form.Item>
              </Space>
              <Typography.Text strong>家庭成员（新增的成员请添加，已不在一起生活的请移出）</Typography.Text>
              <Form.List name="members" initialValue={inputOfFile(file).members}>
                {(fields, { add, remove }) => (
                  <div style={{ marginTop: 8 }}>
                    {fields.map(({ key, name }, i) => (
                      <Space key={key} wrap align="start" data-testid={`visit-member-${i}`}>
                        <Form.Item name={[name, 'name']} rules={[zodRule(M.name)]}>
                          <Input placeholder="姓名" aria-label={`成员 ${i + 1} 姓名`} style={{ width: 110 }} data-testid={`visit-member-name-${i}`} />
                        </Form.Item>
                        <Form.Item name={[name, 'relation']} rules={[zodRule(M.relation)]}>
                          <Select
                            placeholder="与本人关系"
                            aria-label={`成员 ${i + 1} 与本人关系`}
                            style={{ width: 160 }}
                            data-testid={`visit-member-relation-${i}`}
                            options={RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }))}
                          />
                        </Form.Item>
                        <Form.Item name={[name, 'monthlyIncomeFen']}>
                          <MoneyInput aria-label={`成员 ${i + 1} 月收入`} />
                        </Form.Item>
                        <Button danger type="text" onClick={() => remove(name)} data-testid={`visit-member-remove-${i}`}>
                          移出
                        </Button>
                      </Space>
                    ))}
                    {fields.length < 20 && (
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...NEW_MEMBER })} data-testid="visit-member-add">
                        添加家庭成员
                      </Button>
                    )}
                  </div>
                )}
              </Form.List>
              <div style={{ marginTop: 12 }}>
                <HouseholdPreview
                  maritalStatus={household?.marital}
                  singleParent={household?.single}
                  members={household?.members ?? []}
                  ownMonthlyIncomeFen={household?.own}
                  hardshipCauses={file.hardshipCauses}
                  minLivingLineFen={file.minLivingLineFen}
                />
              </div>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                保存后按新的家庭人口和收入重新核定档次；成员的身份证号、在校、残疾等情况请在档案中修改。
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
            <DatePicker format="YYYY-MM-DD" disabledDate={(d) => !d.isAfter(today, 'day')} data-testid="visit-next" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
