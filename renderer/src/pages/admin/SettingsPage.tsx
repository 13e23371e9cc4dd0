import { Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Space, Switch, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { CAMPAIGN_GROUPS, CAMPAIGN_STANDARD_SETTING } from '../../../../shared/campaign';
import { SETTING_LABELS, settingsSchema, type SettingKey, type Settings } from '../../../../shared/settings';
import { settingsProblems } from '../../../../shared/settingsRules';
import { invoke } from '../../api';
import { MoneyInput } from '../../components/MoneyInput';
import { useAction } from '../../components/useAction';
import { zodRule } from '../../components/zodRule';
import { SettingsHistory } from './SettingsHistory';

type FormValues = Settings & { effectiveFrom: Dayjs };

const S = settingsSchema.shape;

/** Short notes under the relief policy fields: where each number comes from. */
const HINTS: Partial<Record<SettingKey, string>> = {
  petitionAcceptDays: '登记后多少天内须受理',
  petitionAnswerDays: '受理后多少天内须答复',
  petitionCloseDays: '登记后多少天内须办结',
  reliefMinimumFen: '章程：一般救济不能低于 300 元',
  reliefChairThresholdFen: '章程：需要救济 1,000 元的，主任报工会主席同意',
  reliefCapFen: '章程：最多不超过 1,000 元；超出须主席批准例外',
  reliefUsualMaxFen: '章程：低保、医疗等情形一次性救济 300–500 元',
  reliefCeilingFen: '任何一笔救助（含主席批准的例外）都不能超过此数',
  reliefMonthsBetweenGrants: '章程：原则上每年一次；间隔内再次救助须主席批准',
  reliefNoticeRequired: '公示期满无异议后方可发放',
  reliefNoticeDays: '公示时间不少于 5 天',
  medicalPersonalShareFen: '已参保的低保户，大病个人负担超过此数可救助',
  medicalAnnualSpendFen: '已参保的低保户，年度医药费总支出超过此数可救助',
  hospitalOwedAllowanceFen: '未参保的低保户',
  hospitalOwedMarginalFen: '未参保的低保边缘户',
  allowanceExceptionAgeMale: '单亲监护、双下岗等例外情形的年龄条件',
  allowanceExceptionAgeFemale: '单亲监护、双下岗等例外情形的年龄条件',
  hardshipLossFen: '人均收入超标但自负医药费或灾害损失达此数，仍认定困难',
  campaignFestivalCountsYearly: '开启后，领过节日慰问的家庭在间隔期内再申请救助须主席批准',
  backupExtraFolder: '每次备份后另存一份到这里，硬盘损坏时可从这里恢复。须是已存在、可写入的文件夹',
  backupKeepDaily: '更早的每日备份自动删除（每月保留一份月备份）',
};

const PETITION_KEYS = ['petitionAcceptDays', 'petitionAnswerDays', 'petitionCloseDays'] as const;
const RELIEF_AMOUNT_KEYS = ['reliefMinimumFen', 'reliefChairThresholdFen', 'reliefCapFen', 'reliefUsualMaxFen', 'reliefCeilingFen'] as const;
const RELIEF_RULE_KEYS = ['reliefMonthsBetweenGrants', 'reliefNoticeRequired', 'reliefNoticeDays'] as const;
const MEDICAL_KEYS = ['medicalPersonalShareFen', 'medicalAnnualSpendFen', 'hospitalOwedAllowanceFen', 'hospitalOwedMarginalFen', 'hardshipLossFen'] as const;
const ALLOWANCE_KEYS = ['allowanceExceptionAgeMale', 'allowanceExceptionAgeFemale'] as const;

export function SettingsPage() {
  const [form] = Form.useForm<FormValues>();
  const [current, setCurrent] = useState<Settings | null>(null);
  /** Today by the server's clock (the centre's calendar): a PC with a wrong clock must not misdate a version. */
  const [today, setToday] = useState<Dayjs | null>(null);
  const [saves, setSaves] = useState(0);
  const { busy, run } = useAction();

  useEffect(() => {
    void run(() => Promise.all([invoke('settings.get', {}), invoke('settings.today', {})])).then((r) => {
      if (!r) return;
      const [s, { today: serverToday }] = r;
      setCurrent(s);
      setToday(dayjs(serverToday));
      form.setFieldsValue({ ...s, effectiveFrom: dayjs(serverToday) });
    });
  }, [form, run]);

  const save = async () => {
    // A rejected validateFields only means the fields show their messages; it must not escape as an error.
    const valid = await form.validateFields().catch(() => null);
    if (!valid || !current) return;
    const { effectiveFrom, ...values } = valid;
    const problems = settingsProblems({ ...current, ...values });
    if (problems.length > 0) {
      form.setFields(problems.flatMap((p) => p.keys.map((k) => ({ name: k, errors: [p.message] }))));
      form.scrollToField(problems[0]!.keys[0]!);
      return;
    }
    const changes = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => current[k as keyof Settings] !== v),
    ) as Partial<Settings>;
    const s = await run(() => invoke('settings.update', { changes, effectiveFrom: effectiveFrom.format('YYYY-MM-DD') }), '设置已保存');
    if (s) {
      setCurrent(s);
      setSaves((n) => n + 1);
    }
  };

  const num = (key: SettingKey, unit?: string) => (
    <Form.Item label={SETTING_LABELS[key]} name={key} rules={[{ required: true, message: `请填写${SETTING_LABELS[key]}` }, zodRule(S[key])]} extra={HINTS[key]}>
      <InputNumber precision={0} style={{ width: 200 }} suffix={unit} data-testid={`setting-${key}`} />
    </Form.Item>
  );
  const money = (key: SettingKey) => (
    // htmlFor: the box keeps its own id (tests find it by it), and the label must point at it
    <Form.Item label={SETTING_LABELS[key]} name={key} htmlFor={`setting-${key}`} rules={[{ required: true, message: `请填写${SETTING_LABELS[key]}` }, zodRule(S[key])]} extra={HINTS[key]}>
      <MoneyInput id={`setting-${key}`} />
    </Form.Item>
  );
  const flag = (key: SettingKey) => (
    <Form.Item label={SETTING_LABELS[key]} name={key} valuePropName="checked" extra={HINTS[key]}>
      <Switch checkedChildren="是" unCheckedChildren="否" data-testid={`setting-${key}`} />
    </Form.Item>
  );
  const grid = (items: React.ReactNode[]) => (
    <Row gutter={24}>
      {items.map((item, i) => (
        <Col key={i} xs={24} md={12}>
          {item}
        </Col>
      ))}
    </Row>
  );

  return (
    <Card title="系统设置" style={{ maxWidth: 900 }}>
      <Form form={form} layout="vertical" disabled={!current}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card type="inner" size="small" title="中心信息">
            <Form.Item label={SETTING_LABELS.centreName} name="centreName" rules={[{ required: true, message: '请填写中心名称' }]}>
              <Input />
            </Form.Item>
            {grid([
              <Form.Item key="u" label={SETTING_LABELS.unionName} name="unionName"><Input /></Form.Item>,
              <Form.Item key="p" label={SETTING_LABELS.centrePhone} name="centrePhone"><Input /></Form.Item>,
            ])}
            <Form.Item label={SETTING_LABELS.centreAddress} name="centreAddress"><Input /></Form.Item>
            <Form.Item label={SETTING_LABELS.minLivingLineFen} name="minLivingLineFen" rules={[{ required: true, message: '请填写最低生活保障线' }]}>
              <MoneyInput />
            </Form.Item>
          </Card>

          <Card type="inner" size="small" title="登录与安全">
            {grid([num('maxFailedLogins', '次'), num('lockoutMinutes', '分钟'), num('sessionIdleMinutes', '分钟')])}
          </Card>

          <Card type="inner" size="small" title="来访期限" data-testid="settings-petition">
            {grid(PETITION_KEYS.map((k) => num(k, '天')))}
          </Card>

          <Card type="inner" size="small" title="救助政策" data-testid="settings-relief">
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              救助的金额标准、审批权限和公示要求。每次审批都记下当时有效的标准；修改只对生效日期以后的审批起作用。
            </Typography.Paragraph>
            <Typography.Title level={5}>金额与审批权限</Typography.Title>
            {grid(RELIEF_AMOUNT_KEYS.map(money))}
            <Typography.Title level={5}>救助次数与公示</Typography.Title>
            {grid([num(RELIEF_RULE_KEYS[0], '个月'), flag(RELIEF_RULE_KEYS[1]), num(RELIEF_RULE_KEYS[2], '天')])}
            <Typography.Title level={5}>大病医疗与困难认定</Typography.Title>
            {grid(MEDICAL_KEYS.map(money))}
            <Typography.Title level={5}>低保户例外</Typography.Title>
            {grid(ALLOWANCE_KEYS.map((k) => num(k, '岁')))}
          </Card>
          <Card size="small" title="物资">
            {grid([num('materialExpiryWarnDays', '天')])}
          </Card>

          <Card type="inner" size="small" title="动态监测">
            {grid([num('monitorUnclearedMonths', '月'), num('monitorClearedMonths', '月'), num('monitorStableMonths', '月')])}
            {grid([num('monitorDueSoonDays', '天'), num('monitorExitIncomePercent', '%'), num('monitorExitRevisits', '次')])}
          </Card>

          <Card type="inner" size="small" title="慰问活动">
            {flag('campaignFestivalCountsYearly')}
            <Typography.Title level={5}>各类对象每人慰问标准</Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              新建活动时按活动开始日当天有效的标准填入，编制名单时仍可逐项修改。
            </Typography.Paragraph>
            <div data-testid="settings-campaign-standards">{grid(CAMPAIGN_GROUPS.map((g) => money(CAMPAIGN_STANDARD_SETTING[g])))}</div>
          </Card>

          <Card type="inner" size="small" title="数据备份" data-testid="settings-backup">
            <Form.Item label={SETTING_LABELS.backupExtraFolder} name="backupExtraFolder" rules={[zodRule(S.backupExtraFolder)]} extra={HINTS.backupExtraFolder}>
              <Input placeholder="例如 E:\\中心备份 或 /media/usb/中心备份" data-testid="setting-backupExtraFolder" />
            </Form.Item>
            {grid([num('backupKeepDaily', '份'), num('backupKeepMonthly', '份')])}
          </Card>

          <Form.Item label="生效日期" name="effectiveFrom" extra="标准类设置按生效日期保存：已做出的决定仍按当时的标准解释。">
            <DatePicker allowClear={false} disabledDate={(d) => today !== null && d.isBefore(today, 'day')} data-testid="settings-effective" />
          </Form.Item>
          <Popconfirm title="确认保存这些设置？修改会记入审计日志。" okText="保存" cancelText="取消" onConfirm={() => void save()}>
            <Button type="primary" loading={busy} data-testid="settings-save">保存设置</Button>
          </Popconfirm>
        </Space>
      </Form>
      <div style={{ marginTop: 24 }}>
        <SettingsHistory version={saves} />
      </div>
    </Card>
  );
}
