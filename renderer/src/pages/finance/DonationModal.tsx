import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Modal, Popconfirm, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ledgerChannels, type Account, type Donation, type Donor, type Fund } from '../../../../shared/contract/ledger';
import { PAYMENT_METHODS, PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../../shared/ledger';
import { fenToCapitals, formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';
import { useServerDay } from '../../components/useServerToday';
import { zodRule } from '../../components/zodRule';
import { DonorModal } from './DonorModal';
import { DonorPicker } from './DonorPicker';
import { AmountItem, FundPurpose, fundOption } from './financeLabels';

const D = ledgerChannels['ledger.donate'].input.shape;

interface Values {
  donorId?: number;
  date: Dayjs;
  amountFen?: number;
  method: PaymentMethod;
  accountId?: number;
  fundId?: number;
  designatedUse: string;
}

/** 登记捐款: fill in, confirm once more (posting cannot be undone, only reversed), then the receipt opens. */
export function DonationModal({ open, onCancel, onSaved }: { open: boolean; onCancel(): void; onSaved(d: Donation): void }) {
  const [form] = Form.useForm<Values>();
  // The donation is dated the program's today by default (asked again each time the dialog opens), never the PC's.
  const today = useServerDay(open);
  const [funds, setFunds] = useState<Fund[]>([]);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [donor, setDonor] = useState<Donor | null>(null);
  const [typed, setTyped] = useState('');
  const [donorOpen, setDonorOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setDonor(null);
    setError(null);
    Promise.all([invoke('ledger.funds', {}), invoke('ledger.accounts', {})])
      .then(([f, a]) => (setFunds(f), setAccounts(a)))
      .catch((e: Error) => setError(e.message));
  }, [open]);

  const method = Form.useWatch('method', form);
  const amountFen = Form.useWatch('amountFen', form);
  const fundId = Form.useWatch('fundId', form);
  const fund = funds.find((f) => f.id === fundId);
  const moneyAccounts = accounts.filter((a) => a.kind === method && a.active && !a.heading);

  const pickDonor = (d: Donor | null) => {
    setDonor(d);
    // A unit's money goes to 单位捐赠, a person's to 个人捐赠, unless the clerk has chosen already.
    if (d && !form.getFieldValue('fundId')) {
      const f = funds.find((x) => x.active && x.source === (d.kind === 'unit' ? 'unit_donation' : 'individual_donation'));
      if (f) form.setFieldValue('fundId', f.id);
    }
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
    const v = form.getFieldsValue();
    setBusy(true);
    setError(null);
    try {
      const saved = await invoke('ledger.donate', {
        donorId: v.donorId!,
        date: v.date.format('YYYY-MM-DD'),
        amountFen: v.amountFen!,
        method: v.method,
        accountId: moneyAccounts.length > 1 ? (v.accountId ?? null) : null,
        fundId: v.fundId!,
        designatedUse: (v.designatedUse ?? '').trim(),
      });
      form.resetFields();
      onSaved(saved);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    setConfirming(false);
    onCancel();
  };

  return (
    <Modal
      open={open}
      title="登记捐款"
      width={720}
      onCancel={cancel}
      destroyOnHidden
      maskClosable={false}
      data-testid="donation-dialog"
      footer={
        <Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Ctrl+Enter 保存
          </Typography.Text>
          <Button onClick={cancel}>取消</Button>
          <Popconfirm
            open={confirming}
            title="确认登记这笔捐款？"
            description={
              <div style={{ maxWidth: 360 }}>
                {donor?.name} 捐款 <b>{amountFen ? formatYuan(amountFen) : ''}</b>（{amountFen && amountFen > 0 ? fenToCapitals(amountFen) : ''}），
                {method ? PAYMENT_METHOD_LABELS[method] : ''}，入“{fund?.name}”。
                <br />
                记账后不能修改，如有错误只能红字冲销。
              </div>
            }
            okText="确认登记"
            cancelText="再看看"
            okButtonProps={{ autoFocus: true, 'data-testid': 'donation-confirm' }}
            onConfirm={() => void submit()}
            onCancel={() => setConfirming(false)}
            onOpenChange={(o) => !o && setConfirming(false)}
          >
            <Button type="primary" loading={busy} disabled={!today} onClick={() => void ask()} data-testid="donation-save">
              登记并开收据
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {!today ? (
        <Skeleton active />
      ) : (
        <Form<Values>
          form={form}
          layout="horizontal"
          labelCol={{ span: 5 }}
          wrapperCol={{ span: 19 }}
          preserve={false}
          initialValues={{ date: today, method: 'bank', designatedUse: '' }}
          autoComplete="off"
          disabled={busy}
          onFinish={() => void ask()}
          onValuesChange={() => setError(null)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void ask();
            }
          }}
        >
          <Form.Item label="捐赠人" required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="donorId" noStyle rules={[{ required: true, message: '请选择捐赠人，没有的先“新增捐赠人”' }]}>
                <DonorPicker picked={donor} onPicked={pickDonor} onQuery={setTyped} autoFocus />
              </Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => setDonorOpen(true)} data-testid="donor-new">
                新增捐赠人
              </Button>
            </Space.Compact>
          </Form.Item>
          <Form.Item label="捐款日期" name="date" rules={[{ required: true, message: '请选择捐款日期' }]}>
            <DatePicker allowClear={false} format="YYYY年M月D日" disabledDate={(d) => d.isAfter(today, 'day')} data-testid="donation-date" />
          </Form.Item>
          <AmountItem rule={D.amountFen} what="捐款金额" example="5000 或 5,000.00" amountFen={amountFen} testId="donation-amount" capitalsTestId="donation-capitals" />
          <Form.Item label="收款方式" name="method" rules={[zodRule(D.method)]} required>
            <Radio.Group
              optionType="button"
              data-testid="donation-method"
              options={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))}
              onChange={() => form.setFieldValue('accountId', undefined)}
            />
          </Form.Item>
          {moneyAccounts.length > 1 && (
            <Form.Item label={method === 'cash' ? '现金科目' : '收款账户'} name="accountId" rules={[{ required: true, message: '请选择收款账户' }]}>
              <Select<number> options={moneyAccounts.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))} data-testid="donation-account" placeholder="请选择" />
            </Form.Item>
          )}
          <Form.Item label="入哪项资金" name="fundId" rules={[{ required: true, message: '请选择这笔钱入哪项资金' }]} required extra={fund ? <FundPurpose fund={fund} /> : '单位捐款一般入“单位捐赠”，个人捐款入“个人捐赠”'}>
            <Select<number> options={funds.map(fundOption)} placeholder="请选择资金来源" data-testid="donation-fund" showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item label="指定用途" name="designatedUse" rules={[zodRule(D.designatedUse)]} extra="捐赠人指定的用途，没有可不填；收据上照印">
            <Input maxLength={200} data-testid="donation-use" placeholder="如：用于金秋助学" />
          </Form.Item>
          <button type="submit" hidden />
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="donation-error" />}
      {donor && (
        <Descriptions size="small" column={3} style={{ marginTop: 8 }}>
          <Descriptions.Item label="联系人">{donor.contact || '—'}</Descriptions.Item>
          <Descriptions.Item label="电话">{donor.phone || '—'}</Descriptions.Item>
          <Descriptions.Item label="地址">{donor.address || '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <DonorModal
        open={donorOpen}
        initialName={typed}
        onCancel={() => setDonorOpen(false)}
        onCreated={(d) => {
          setDonorOpen(false);
          form.setFieldValue('donorId', d.id);
          form.validateFields(['donorId']).catch(() => undefined);
          pickDonor(d);
        }}
      />
    </Modal>
  );
}
