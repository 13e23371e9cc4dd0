import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Popconfirm, Radio, Select, Skeleton, Tabs, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Account, Fund, JournalEntry } from '../../../../shared/contract/ledger';
import { voucherChannels } from '../../../../shared/contract/vouchers';
import { ENTRY_KIND_LABELS, PAYMENT_METHODS, PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../../shared/ledger';
import { fenToCapitals, formatYuan } from '../../../../shared/money';
import { TRANSFER_DEFAULT_MEMOS, TRANSFER_DIRECTIONS, TRANSFER_DIRECTION_LABELS, type TransferDirection } from '../../../../shared/vouchers';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { useServerDay } from '../../components/useServerToday';
import { zodRule } from '../../components/zodRule';
import { currentPath } from '../../router';
import { AmountItem, FundPurpose, fundOption } from './financeLabels';
import { VoucherDraftForm } from './VoucherDraftForm';
import { ctrlEnter, useBooks, useVoucherPrinter } from './voucherParts';

type TabKey = 'income' | 'expense' | 'transfer' | 'voucher';
const TABS: TabKey[] = ['income', 'expense', 'transfer', 'voucher'];
const I = voucherChannels['vouchers.income'].input.shape;
const T = voucherChannels['vouchers.transfer'].input.shape;

/** Donations have their own page (it issues the receipt), material purchases theirs (it books the stock); the core refuses them here too. */
const ELSEWHERE: Record<string, string> = { '400801': '捐款登记', '50030401': '物资入库—采购入库' };
/** The fund an income usually goes to, by the income account's code: a suggestion the clerk may change. */
const USUAL_FUND_SOURCE: Record<string, Fund['source']> = { '4002': 'union', '4005': 'administration', '400304': 'earmarked' };

/** 其他收支与凭证: finance's own entries besides donations and relief, and the general voucher for the director to approve. */
export function OtherEntriesPage() {
  const asked = new URLSearchParams(currentPath().split('?')[1] ?? '').get('tab') as TabKey | null;
  const [tab, setTab] = useState<TabKey>(asked && TABS.includes(asked) ? asked : 'income');
  const [version, setVersion] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [last, setLast] = useState<JournalEntry | null>(null);
  const books = useBooks(version);
  const printer = useVoucherPrinter();
  // Entries are dated the program's today by default, never the PC's (asked again on each tab, whose form is new).
  const today = useServerDay(tab);
  useLeaveGuard(dirty);
  useHotkey({ key: '1', alt: true }, () => setTab('income'));
  useHotkey({ key: '2', alt: true }, () => setTab('expense'));
  useHotkey({ key: '3', alt: true }, () => setTab('transfer'));
  useHotkey({ key: '4', alt: true }, () => setTab('voucher'));

  const posted = (e: JournalEntry) => {
    setDirty(false);
    setLast(e);
    setVersion((v) => v + 1);
  };
  const common = { funds: books.funds, accounts: books.accounts, onPosted: posted, onDirty: setDirty };
  const dated = (form: (today: Dayjs) => React.ReactNode) => (today ? form(today) : <Skeleton active />);

  return (
    <Card
      title="其他收支与凭证"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Alt+1 收入　Alt+2 支出　Alt+3 提现存现　Alt+4 填制凭证　Ctrl+Enter 保存
        </Typography.Text>
      }
    >
      {books.error && <Alert type="error" showIcon title={books.error} style={{ marginBottom: 12 }} />}
      {last && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setLast(null)}
          style={{ marginBottom: 12 }}
          data-testid="entry-posted"
          title={`已记账：${last.number}（${ENTRY_KIND_LABELS[last.kind]}）${last.memo}，${formatYuan(last.lines.reduce((s, l) => s + l.debitFen, 0))}`}
          action={
            <Button size="small" icon={<PrinterOutlined />} loading={printer.printing} onClick={() => printer.printEntry(last.id)} data-testid="entry-print">
              打印凭证
            </Button>
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => (setTab(k as TabKey), setDirty(false))}
        destroyOnHidden
        items={[
          { key: 'income', label: '其他收入', children: dated((t) => <MoneyEntryForm mode="income" today={t} {...common} />) },
          { key: 'expense', label: '费用支出', children: dated((t) => <MoneyEntryForm mode="expense" today={t} {...common} />) },
          { key: 'transfer', label: '提现 / 存现', children: dated((t) => <TransferForm today={t} {...common} />) },
          {
            key: 'voucher',
            label: '填制记账凭证',
            children: dated((t) => (
              <VoucherDraftForm today={t} funds={books.funds} accounts={books.accounts} onDirty={setDirty} onDrafted={() => (setDirty(false), setVersion((v) => v + 1))} onPrint={printer.printVoucher} />
            )),
          },
        ]}
      />
      {printer.preview}
    </Card>
  );
}

interface FormProps {
  /** the program's today: the default date and the latest that can be picked */
  today: Dayjs;
  funds: Fund[];
  accounts: Account[];
  onPosted(e: JournalEntry): void;
  onDirty(dirty: boolean): void;
}

interface MoneyValues {
  date: Dayjs;
  accountId?: number;
  fundId?: number;
  method: PaymentMethod;
  moneyAccountId?: number;
  amountFen?: number;
  memo: string;
}

/** 其他收入 (上级补助、工会拨款、行政拨款、利息) or 费用支出 (手续费、其他): one amount between a source or use and cash or bank. */
function MoneyEntryForm({ mode, today, funds, accounts, onPosted, onDirty }: FormProps & { mode: 'income' | 'expense' }) {
  const [form] = Form.useForm<MoneyValues>();
  const [confirming, setConfirming] = useState(false);
  const { busy, run } = useAction();
  const income = mode === 'income';
  const what = income ? '收款' : '付款';
  // Relief is paid through its approval (救助发放); the core refuses relief accounts here.
  const choices = accounts.filter((a) => a.kind === mode && a.active && !a.heading && !a.reliefCategory && !ELSEWHERE[a.code]);
  const method = Form.useWatch('method', form);
  const amountFen = Form.useWatch('amountFen', form);
  const fundId = Form.useWatch('fundId', form);
  const accountId = Form.useWatch('accountId', form);
  const fund = funds.find((f) => f.id === fundId);
  const account = accounts.find((a) => a.id === accountId);
  const moneyAccounts = accounts.filter((a) => a.kind === method && a.active && !a.heading);

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
    const payload = {
      date: v.date.format('YYYY-MM-DD'),
      accountId: v.accountId!,
      fundId: v.fundId!,
      method: v.method,
      moneyAccountId: moneyAccounts.length > 1 ? (v.moneyAccountId ?? null) : null,
      amountFen: v.amountFen!,
      memo: v.memo.trim(),
    };
    const e = await run(() => invoke(income ? 'vouchers.income' : 'vouchers.expense', payload), '已记账');
    if (!e) return;
    form.resetFields(['accountId', 'amountFen', 'memo']);
    onPosted(e);
  };

  return (
    <Form<MoneyValues>
      form={form}
      name={`entry-${mode}`}
      layout="horizontal"
      labelCol={{ span: 4 }}
      wrapperCol={{ span: 14 }}
      initialValues={{ date: today, method: 'bank', memo: '' }}
      autoComplete="off"
      disabled={busy}
      onValuesChange={() => onDirty(true)}
      onFinish={() => void ask()}
      onKeyDown={ctrlEnter(() => void ask())}
      data-testid={`${mode}-form`}
    >
      <Form.Item label={income ? '收入来源' : '支出用途'} name="accountId" rules={[{ required: true, message: income ? '请选择收入科目' : '请选择支出科目' }]} extra={income ? '捐款请在“捐款登记”中登记（要开收据）' : '救助金在“救助发放”中发放；采购物资在“物资入库”中登记'}>
        <Select<number>
          autoFocus
          showSearch={{ optionFilterProp: 'label' }}
          options={choices.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
          placeholder={income ? '如：上级补助收入、利息收入' : '如：银行手续费、其他支出'}
          data-testid={`${mode}-account`}
          onChange={(id) => {
            const source = USUAL_FUND_SOURCE[accounts.find((a) => a.id === id)?.code ?? ''];
            const usual = source && funds.find((f) => f.active && f.source === source);
            if (income && usual && !form.getFieldValue('fundId')) form.setFieldValue('fundId', usual.id);
          }}
        />
      </Form.Item>
      <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker allowClear={false} format="YYYY年M月D日" disabledDate={(d) => d.isAfter(today, 'day')} data-testid={`${mode}-date`} />
      </Form.Item>
      <AmountItem rule={I.amountFen} what="金额" example="5000 或 5,000.00" amountFen={amountFen} testId={`${mode}-amount`} />
      <Form.Item label={`${what}方式`} name="method" rules={[zodRule(I.method)]} required>
        <Radio.Group optionType="button" options={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))} onChange={() => form.setFieldValue('moneyAccountId', undefined)} />
      </Form.Item>
      {moneyAccounts.length > 1 && (
        <Form.Item label={method === 'cash' ? '现金科目' : '银行账户'} name="moneyAccountId" rules={[{ required: true, message: '请选择账户' }]}>
          <Select<number> options={moneyAccounts.map((a) => ({ value: a.id, label: `${a.code} ${a.name}（余额 ${formatYuan(a.balanceFen)}）` }))} placeholder="请选择" />
        </Form.Item>
      )}
      <Form.Item label={income ? '入哪项资金' : '由哪项资金支付'} name="fundId" rules={[{ required: true, message: '请选择资金来源' }]} extra={fund ? <FundPurpose fund={fund} /> : undefined}>
        <Select<number> options={funds.map(fundOption)} placeholder="请选择资金来源" showSearch={{ optionFilterProp: 'label' }} data-testid={`${mode}-fund`} />
      </Form.Item>
      <Form.Item label="摘要" name="memo" rules={[zodRule(I.memo)]} required extra="写明款项来源或用途，印在凭证和明细表上">
        <Input maxLength={100} placeholder={income ? '如：市总工会拨付冬季送温暖帮扶补助' : '如：工商银行11月转账手续费'} data-testid={`${mode}-memo`} />
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 4 }}>
        <Popconfirm
          open={confirming}
          title={`确认登记这笔${income ? '收入' : '支出'}？`}
          description={
            <div style={{ maxWidth: 380 }}>
              {account ? `${account.code} ${account.name}` : ''} <b>{amountFen ? formatYuan(amountFen) : ''}</b>（{amountFen ? fenToCapitals(amountFen) : ''}），
              {method ? PAYMENT_METHOD_LABELS[method] : ''}，{income ? `入“${fund?.name ?? ''}”` : `由“${fund?.name ?? ''}”支付`}。
              <br />
              记账后不能修改，如有错误只能红字冲销。
            </div>
          }
          okText="确认记账"
          cancelText="再看看"
          okButtonProps={{ autoFocus: true, 'data-testid': `${mode}-confirm` }}
          onConfirm={() => void submit()}
          onCancel={() => setConfirming(false)}
          onOpenChange={(o) => !o && setConfirming(false)}
        >
          <Button type="primary" htmlType="submit" loading={busy} data-testid={`${mode}-save`}>
            记账
          </Button>
        </Popconfirm>
      </Form.Item>
    </Form>
  );
}

interface TransferValues {
  date: Dayjs;
  direction: TransferDirection;
  fundId?: number;
  cashAccountId?: number;
  bankAccountId?: number;
  amountFen?: number;
  memo: string;
}

/** 提现 / 存现: the fund's money moves between bank and cash; its total stays the same. */
function TransferForm({ today, funds, accounts, onPosted, onDirty }: FormProps) {
  const [form] = Form.useForm<TransferValues>();
  const [confirming, setConfirming] = useState(false);
  const { busy, run } = useAction();
  const cash = accounts.filter((a) => a.kind === 'cash' && a.active && !a.heading);
  const bank = accounts.filter((a) => a.kind === 'bank' && a.active && !a.heading);
  const direction = Form.useWatch('direction', form);
  const amountFen = Form.useWatch('amountFen', form);
  const fundId = Form.useWatch('fundId', form);
  const fund = funds.find((f) => f.id === fundId);

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
    const e = await run(
      () =>
        invoke('vouchers.transfer', {
          date: v.date.format('YYYY-MM-DD'),
          fundId: v.fundId!,
          direction: v.direction,
          cashAccountId: cash.length > 1 ? (v.cashAccountId ?? null) : null,
          bankAccountId: bank.length > 1 ? (v.bankAccountId ?? null) : null,
          amountFen: v.amountFen!,
          memo: (v.memo ?? '').trim(),
        }),
      '已记账',
    );
    if (!e) return;
    form.resetFields(['amountFen', 'memo']);
    onPosted(e);
  };

  return (
    <Form<TransferValues>
      form={form}
      name="entry-transfer"
      layout="horizontal"
      labelCol={{ span: 4 }}
      wrapperCol={{ span: 14 }}
      initialValues={{ date: today, direction: 'withdraw', memo: '' }}
      autoComplete="off"
      disabled={busy}
      onValuesChange={() => onDirty(true)}
      onFinish={() => void ask()}
      onKeyDown={ctrlEnter(() => void ask())}
      data-testid="transfer-form"
    >
      <Form.Item label="方向" name="direction" rules={[zodRule(T.direction)]} required>
        <Radio.Group optionType="button" options={TRANSFER_DIRECTIONS.map((d) => ({ value: d, label: TRANSFER_DIRECTION_LABELS[d] }))} data-testid="transfer-direction" />
      </Form.Item>
      <Form.Item label="资金" name="fundId" rules={[{ required: true, message: '请选择是哪项资金的钱' }]} extra={fund ? <FundPurpose fund={fund} /> : '提现、存现只在同一项资金内进行，资金余额不变'}>
        <Select<number> autoFocus options={funds.map(fundOption)} placeholder="请选择资金来源" showSearch={{ optionFilterProp: 'label' }} data-testid="transfer-fund" />
      </Form.Item>
      <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker allowClear={false} format="YYYY年M月D日" disabledDate={(d) => d.isAfter(today, 'day')} />
      </Form.Item>
      <AmountItem rule={T.amountFen} what="金额" example="2000 或 2,000.00" amountFen={amountFen} testId="transfer-amount" />
      {cash.length > 1 && (
        <Form.Item label="现金科目" name="cashAccountId" rules={[{ required: true, message: '请选择现金科目' }]}>
          <Select<number> options={cash.map((a) => ({ value: a.id, label: `${a.code} ${a.name}（余额 ${formatYuan(a.balanceFen)}）` }))} />
        </Form.Item>
      )}
      {bank.length > 1 && (
        <Form.Item label="银行账户" name="bankAccountId" rules={[{ required: true, message: '请选择银行账户' }]}>
          <Select<number> options={bank.map((a) => ({ value: a.id, label: `${a.code} ${a.name}（余额 ${formatYuan(a.balanceFen)}）` }))} />
        </Form.Item>
      )}
      <Form.Item label="摘要" name="memo" rules={[zodRule(T.memo)]}>
        <Input maxLength={100} placeholder={direction ? TRANSFER_DEFAULT_MEMOS[direction] : ''} data-testid="transfer-memo" />
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 4 }}>
        <Popconfirm
          open={confirming}
          title={`确认${direction === 'deposit' ? '存现' : '提现'}？`}
          description={
            <div style={{ maxWidth: 360 }}>
              “{fund?.name ?? ''}”<b>{amountFen ? formatYuan(amountFen) : ''}</b>（{amountFen ? fenToCapitals(amountFen) : ''}）
              {direction === 'deposit' ? '从库存现金存入银行' : '从银行提取为库存现金'}。
              <br />
              记账后不能修改，如有错误只能红字冲销。
            </div>
          }
          okText="确认记账"
          cancelText="再看看"
          okButtonProps={{ autoFocus: true, 'data-testid': 'transfer-confirm' }}
          onConfirm={() => void submit()}
          onCancel={() => setConfirming(false)}
          onOpenChange={(o) => !o && setConfirming(false)}
        >
          <Button type="primary" htmlType="submit" loading={busy} data-testid="transfer-save">
            记账
          </Button>
        </Popconfirm>
      </Form.Item>
    </Form>
  );
}
