import { DeleteOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Account, Fund } from '../../../../shared/contract/ledger';
import { voucherChannels, type Voucher } from '../../../../shared/contract/vouchers';
import { fenToCapitals, formatYuan } from '../../../../shared/money';
import { VOUCHER_MAX_LINES } from '../../../../shared/vouchers';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { zodRule } from '../../components/zodRule';
import { HotkeyHint } from '../materials/materialsLabels';
import { ctrlEnter } from './voucherParts';
import { MoneyField, Yuan, fundOption } from './financeLabels';

const D = voucherChannels['vouchers.draft'].input.shape;

interface Line {
  summary?: string;
  accountId?: number;
  fundId?: number;
  debitFen?: number;
  creditFen?: number;
}
interface Values {
  date: Dayjs;
  memo: string;
  attachments: number | null;
  lines: Line[];
}
const emptyLine = (fundId?: number): Line => ({ summary: '', accountId: undefined, fundId, debitFen: undefined, creditFen: undefined });
const GRID = 'minmax(140px, 2fr) minmax(180px, 2fr) minmax(160px, 2fr) 150px 150px 32px';

/**
 * 填制记账凭证: several lines that must balance in total and per fund. The totals show as the clerk
 * types; the core checks again, and the voucher reaches the books only when a director approves it.
 */
export function VoucherDraftForm({ today, funds, accounts, onDirty, onDrafted, onPrint }: { today: Dayjs; funds: Fund[]; accounts: Account[]; onDirty(d: boolean): void; onDrafted(v: Voucher): void; onPrint(id: number): void }) {
  const [form] = Form.useForm<Values>();
  const [confirming, setConfirming] = useState(false);
  const [drafted, setDrafted] = useState<Voucher | null>(null);
  const { busy, run } = useAction();
  const lines = (Form.useWatch('lines', form) ?? []) as Line[];
  const active = accounts.filter((a) => a.active && !a.heading);

  const debit = lines.reduce((s, l) => s + (l?.debitFen ?? 0), 0);
  const credit = lines.reduce((s, l) => s + (l?.creditFen ?? 0), 0);
  const byFund = new Map<number, number>();
  for (const l of lines) if (l?.fundId) byFund.set(l.fundId, (byFund.get(l.fundId) ?? 0) + (l.debitFen ?? 0) - (l.creditFen ?? 0));
  const offFunds = [...byFund].filter(([, d]) => d !== 0).map(([id]) => funds.find((f) => f.id === id)?.name ?? `#${id}`);
  const balanced = debit > 0 && debit === credit && offFunds.length === 0;

  const addLine = () => {
    const list = (form.getFieldValue('lines') as Line[] | undefined) ?? [];
    if (list.length >= VOUCHER_MAX_LINES) return;
    // A new line starts in the fund of the line above: most vouchers stay within one fund.
    form.setFieldValue('lines', [...list, emptyLine(list.at(-1)?.fundId)]);
    onDirty(true);
    setTimeout(() => document.getElementById(`voucher-draft_lines_${list.length}_summary`)?.focus(), 50);
  };
  useHotkey({ key: 'a', alt: true }, addLine);

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
    const memo = v.memo.trim();
    const saved = await run(
      () =>
        invoke('vouchers.draft', {
          date: v.date.format('YYYY-MM-DD'),
          memo,
          attachments: v.attachments ?? 0,
          lines: v.lines.map((l) => ({ accountId: l.accountId!, fundId: l.fundId!, summary: (l.summary ?? '').trim(), debitFen: l.debitFen ?? 0, creditFen: l.creditFen ?? 0 })),
        }),
      '凭证已提交，等待中心主任审核',
    );
    if (!saved) return;
    setDrafted(saved);
    form.resetFields();
    onDrafted(saved);
  };

  return (
    <>
      {drafted && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={() => setDrafted(null)}
          style={{ marginBottom: 12 }}
          data-testid="voucher-drafted"
          title={`凭证 ${drafted.number} 已提交，${formatYuan(drafted.totalFen)}，等待中心主任审核；审核通过后才记账。`}
          action={
            <Button size="small" icon={<PrinterOutlined />} onClick={() => onPrint(drafted.id)}>
              打印草稿
            </Button>
          }
        />
      )}
      <Form<Values>
        form={form}
        name="voucher-draft"
        layout="vertical"
        initialValues={{ date: today, memo: '', attachments: 0, lines: [emptyLine(), emptyLine()] }}
        autoComplete="off"
        disabled={busy}
        onValuesChange={() => onDirty(true)}
        onFinish={() => void ask()}
        onKeyDown={ctrlEnter(() => void ask())}
        data-testid="voucher-form"
      >
        <Space align="start" wrap>
          <Form.Item label="凭证日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker allowClear={false} format="YYYY年M月D日" disabledDate={(d) => d.isAfter(today, 'day')} />
          </Form.Item>
          <Form.Item label="摘要" name="memo" rules={[zodRule(D.memo)]} required style={{ width: 460 }}>
            <Input autoFocus maxLength={100} placeholder="如：更正11月利息收入的资金来源" data-testid="voucher-memo" />
          </Form.Item>
          <Form.Item label="附单据（张）" name="attachments" rules={[zodRule(D.attachments)]}>
            <InputNumber min={0} max={99} precision={0} style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Form.List name="lines">
          {(fields, { remove }) => (
            <div data-testid="voucher-lines">
              <div style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, color: 'rgba(0,0,0,0.55)', fontSize: 13, marginBottom: 4 }}>
                <span>分录摘要（可空）</span>
                <span>会计科目</span>
                <span>资金来源</span>
                <span>借方金额</span>
                <span>贷方金额</span>
                <span />
              </div>
              {fields.map((field, i) => (
                <div key={field.key} style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, alignItems: 'start' }} data-testid="voucher-line">
                  <Form.Item name={[field.name, 'summary']} rules={[zodRule(D.lines.element.shape.summary)]} style={{ marginBottom: 12 }}>
                    <Input maxLength={60} placeholder="同凭证摘要" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'accountId']} rules={[{ required: true, message: '请选择科目' }]} style={{ marginBottom: 12 }}>
                    <Select<number> showSearch={{ optionFilterProp: 'label' }} options={active.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))} placeholder="编码或名称" data-testid={`voucher-line-account-${i}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'fundId']} rules={[{ required: true, message: '请选择资金' }]} style={{ marginBottom: 12 }}>
                    <Select<number> showSearch={{ optionFilterProp: 'label' }} options={funds.map(fundOption)} placeholder="资金来源" data-testid={`voucher-line-fund-${i}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'debitFen']}
                    dependencies={[['lines', field.name, 'creditFen']]}
                    rules={[
                      {
                        validator: async (_r, d?: number) => {
                          const c = (form.getFieldValue(['lines', field.name, 'creditFen']) as number | undefined) ?? 0;
                          if (!d && !c) throw new Error('借方或贷方填一个');
                          if (d && c) throw new Error('借方和贷方只能填一个');
                        },
                      },
                    ]}
                    style={{ marginBottom: 12 }}
                  >
                    <MoneyField testId={`voucher-line-debit-${i}`} aria-label={`第 ${i + 1} 行借方金额`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'creditFen']} style={{ marginBottom: 12 }}>
                    <MoneyField testId={`voucher-line-credit-${i}`} aria-label={`第 ${i + 1} 行贷方金额`} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除这一行" disabled={fields.length <= 2} onClick={() => (remove(field.name), onDirty(true))} />
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={addLine} disabled={fields.length >= VOUCHER_MAX_LINES} data-testid="voucher-add-line">
                增加一行 <HotkeyHint>Alt+A</HotkeyHint>
              </Button>
            </div>
          )}
        </Form.List>
        <div style={{ margin: '16px 0' }} data-testid="voucher-totals">
          <Space size="large" wrap>
            <span>
              借方合计 <Yuan fen={debit} strong />
            </span>
            <span>
              贷方合计 <Yuan fen={credit} strong />
            </span>
            {debit !== credit ? (
              <Typography.Text type="danger">借贷相差 {formatYuan(Math.abs(debit - credit))}</Typography.Text>
            ) : offFunds.length > 0 ? (
              <Typography.Text type="danger">每项资金须各自借贷相等：“{offFunds.join('”“')}”不平</Typography.Text>
            ) : debit > 0 ? (
              <Typography.Text type="success">借贷平衡，大写：人民币{fenToCapitals(debit)}</Typography.Text>
            ) : null}
          </Space>
        </div>
        <Popconfirm
          open={confirming}
          title="提交这张凭证给中心主任审核？"
          description={
            <div style={{ maxWidth: 380 }}>
              合计 <b>{formatYuan(debit)}</b>（{fenToCapitals(debit)}）。提交后不能修改，只能撤回后重新填制；由另一位中心主任审核通过后才记账。
            </div>
          }
          okText="提交审核"
          cancelText="再看看"
          okButtonProps={{ autoFocus: true, 'data-testid': 'voucher-confirm' }}
          onConfirm={() => void submit()}
          onCancel={() => setConfirming(false)}
          onOpenChange={(o) => !o && setConfirming(false)}
        >
          <Button type="primary" htmlType="submit" loading={busy} disabled={!balanced} data-testid="voucher-save">
            提交审核
          </Button>
        </Popconfirm>
      </Form>
    </>
  );
}
