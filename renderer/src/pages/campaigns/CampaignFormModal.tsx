import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { CAMPAIGN_GROUP_LABELS, CAMPAIGN_GROUPS, CAMPAIGN_KIND_LABELS, CAMPAIGN_KINDS, type CampaignGroup, type CampaignKind } from '../../../../shared/campaign';
import type { Campaign, CampaignFund } from '../../../../shared/contract/campaigns';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';
import { MoneyInput } from '../../components/MoneyInput';
import { useAction } from '../../components/useAction';
import { useServerToday } from '../../components/useServerToday';

interface Values {
  name: string;
  kind: CampaignKind;
  dates: [Dayjs, Dayjs];
  fundId: number;
  budgetFen: number;
  note?: string;
  groups: { group?: CampaignGroup; standardFen?: number; budgetFen?: number }[];
}

/** Seed 000: hard-up workers and migrant workers; their standards come from the settings. */
const DEFAULT_GROUPS: Values['groups'] = [{ group: 'hardship' }, { group: 'migrant' }];

export function CampaignFormModal({ open, campaign, onClose, onSaved }: { open: boolean; campaign: Campaign | null; onClose(): void; onSaved(c: Campaign): void }) {
  const [form] = Form.useForm<Values>();
  const [funds, setFunds] = useState<CampaignFund[]>([]);
  const { busy, run } = useAction();
  const [standards, setStandards] = useState<Record<CampaignGroup, number> | null>(null);
  const dates = Form.useWatch('dates', form);
  // until dates are picked, the standards are those in force on the program's today (not the PC's)
  const today = useServerToday(open);
  const startDate = dates?.[0]?.format('YYYY-MM-DD') ?? today;

  // The default standards in force on the start date, for the groups whose amount the author has not typed.
  useEffect(() => {
    if (!open || !startDate) return;
    void run(() => invoke('campaigns.standards', { date: startDate })).then((s) => s && setStandards(s));
  }, [open, startDate, run]);
  const fillStandards = (only?: number) => {
    if (!standards) return;
    const groups = (form.getFieldValue('groups') as Values['groups'] | undefined) ?? [];
    groups.forEach((g, i) => {
      // A saved campaign keeps its amounts; only a new or re-chosen group takes the default.
      const mayFill = !campaign || g.standardFen === undefined || only === i;
      if ((only === undefined || only === i) && mayFill && g.group && !form.isFieldTouched(['groups', i, 'standardFen'])) form.setFieldValue(['groups', i, 'standardFen'], standards[g.group]);
    });
  };
  useEffect(() => fillStandards(), [standards]);

  useEffect(() => {
    if (!open) return;
    void run(() => invoke('campaigns.funds', {})).then((f) => f && setFunds(f));
    form.setFieldsValue(
      campaign
        ? {
            name: campaign.name,
            kind: campaign.kind,
            dates: [dayjs(campaign.startDate), dayjs(campaign.endDate)],
            fundId: campaign.fundId,
            budgetFen: campaign.budgetFen,
            note: campaign.note,
            groups: campaign.groups.map((g) => ({ group: g.group, standardFen: g.standardFen, budgetFen: g.budgetFen ?? undefined })),
          }
        : { kind: 'spring_festival', groups: DEFAULT_GROUPS, fundId: 1 },
    );
  }, [open, campaign, form, run]);

  const save = async () => {
    const v = await form.validateFields();
    const input = {
      name: v.name,
      kind: v.kind,
      startDate: v.dates[0].format('YYYY-MM-DD'),
      endDate: v.dates[1].format('YYYY-MM-DD'),
      fundId: v.fundId,
      budgetFen: v.budgetFen,
      note: v.note ?? '',
      groups: v.groups.map((g) => ({ group: g.group!, standardFen: g.standardFen!, budgetFen: g.budgetFen ?? null })),
    };
    const saved = await run(() => (campaign ? invoke('campaigns.update', { id: campaign.id, campaign: input }) : invoke('campaigns.create', input)), '活动已保存');
    if (saved) onSaved(saved);
  };

  return (
    <Modal open={open} title={campaign ? `修改活动 ${campaign.number}` : '新建慰问活动'} onCancel={onClose} onOk={() => void save()} okText="保存" confirmLoading={busy} width={760} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="campaign-form">
        <Space align="start" wrap>
          <Form.Item label="活动名称" name="name" rules={[{ required: true, message: '请填写活动名称' }]}>
            <Input style={{ width: 260 }} autoFocus maxLength={60} data-testid="campaign-name" />
          </Form.Item>
          <Form.Item label="活动类型" name="kind" rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: CAMPAIGN_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item label="活动日期" name="dates" rules={[{ required: true, message: '请选择活动日期' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        </Space>
        <Space align="start" wrap>
          <Form.Item label="资金来源" name="fundId" rules={[{ required: true, message: '请选择资金来源' }]}>
            <Select style={{ width: 260 }} options={funds.map((f) => ({ value: f.id, label: `${f.name}（余额 ${formatYuan(f.balanceFen)}）` }))} />
          </Form.Item>
          <Form.Item label="总预算" name="budgetFen" htmlFor="campaign-budget" rules={[{ required: true, message: '请填写总预算' }]}>
            <MoneyInput id="campaign-budget" />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>帮扶对象、慰问标准与分项预算</Typography.Title>
        <Form.List name="groups">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start">
                  <Form.Item name={[f.name, 'group']} rules={[{ required: true, message: '请选择类别' }]}>
                    <Select
                      style={{ width: 150 }}
                      options={CAMPAIGN_GROUPS.map((g) => ({ value: g, label: CAMPAIGN_GROUP_LABELS[g] }))}
                      placeholder="帮扶对象"
                      onChange={() => setTimeout(() => fillStandards(f.name))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'standardFen']} rules={[{ required: true, message: '请填写每人标准' }]}>
                    <MoneyInput />
                  </Form.Item>
                  <Form.Item name={[f.name, 'budgetFen']} extra="分项预算，可不填">
                    <MoneyInput />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此类" />
                </Space>
              ))}
              {fields.length < CAMPAIGN_GROUPS.length && (
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  增加帮扶对象
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item label="说明" name="note" style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
