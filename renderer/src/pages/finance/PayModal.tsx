import { Alert, Button, Descriptions, Form, Modal, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Account, Fund, ReliefPayment, ToPayItem } from '../../../../shared/contract/ledger';
import { maskIdNumber } from '../../../../shared/idcard';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../../shared/ledger';
import { fenToCapitals, formatYuan } from '../../../../shared/money';
import { RELIEF_CATEGORY_LABELS } from '../../../../shared/relief';
import { invoke } from '../../api';
import { maskBankCard } from '../files/fileLabels';
import { FundPurpose, Yuan, fundOption } from './financeLabels';

interface Values {
  fundId?: number;
  method: PaymentMethod;
  accountId?: number;
}

/**
 * 发放救助金: the clerk picks the fund and how the money goes, reads the amount in capitals and confirms.
 * Nothing is refused here: the core checks the fund's balance and purpose and its message is shown as is.
 */
export function PayModal({ item, onCancel, onPaid }: { item: ToPayItem | null; onCancel(): void; onPaid(p: ReliefPayment): void }) {
  const [form] = Form.useForm<Values>();
  const [funds, setFunds] = useState<Fund[]>([]);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!item) return;
    setError(null);
    Promise.all([invoke('ledger.funds', {}), invoke('ledger.accounts', {})])
      .then(([f, a]) => (setFunds(f), setAccounts(a)))
      .catch((e: Error) => setError(e.message));
  }, [item]);

  const method = Form.useWatch('method', form);
  const fundId = Form.useWatch('fundId', form);
  const fund = funds.find((f) => f.id === fundId);
  const moneyAccounts = accounts.filter((a) => a.kind === method && a.active && !a.heading);
  const hasCard = Boolean(item?.bankCard);

  const confirm = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const p = await invoke('ledger.payRelief', {
        applicationId: item!.applicationId,
        fundId: v.fundId!,
        method: v.method,
        accountId: moneyAccounts.length > 1 ? (v.accountId ?? null) : null,
      });
      onPaid(p);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={item !== null}
      title="发放救助金"
      width={680}
      onCancel={onCancel}
      destroyOnHidden
      maskClosable={false}
      data-testid="pay-dialog"
      footer={
        <Space>
          <Button onClick={onCancel}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => void confirm()} data-testid="pay-confirm">
            确认发放 {item ? <Yuan fen={item.amountFen} /> : null}
          </Button>
        </Space>
      }
    >
      {item && (
        <>
          <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="申请编号">
              <span style={{ fontFamily: 'monospace' }}>{item.number}</span>
            </Descriptions.Item>
            <Descriptions.Item label="救助类别">{RELIEF_CATEGORY_LABELS[item.category]}</Descriptions.Item>
            <Descriptions.Item label="领款人">{item.name}</Descriptions.Item>
            <Descriptions.Item label="身份证号">
              <span style={{ fontFamily: 'monospace' }}>{maskIdNumber(item.idNumber)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="工作单位" span={2}>
              {item.workUnit}
            </Descriptions.Item>
            {item.goodsFen > 0 && (
              <>
                <Descriptions.Item label="批准金额">
                  <Yuan fen={item.approvedFen} />
                </Descriptions.Item>
                <Descriptions.Item label="已发物资">
                  <Yuan fen={item.goodsFen} testId="pay-goods-fen" />
                  <Typography.Text type="secondary">（按估价抵减）</Typography.Text>
                </Descriptions.Item>
              </>
            )}
            <Descriptions.Item label="发放金额" span={2}>
              <Space>
                <Yuan fen={item.amountFen} strong />
                <Typography.Text type="secondary" data-testid="pay-capitals">
                  人民币{fenToCapitals(item.amountFen)}
                </Typography.Text>
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <Form<Values>
            form={form}
            layout="horizontal"
            labelCol={{ span: 5 }}
            wrapperCol={{ span: 19 }}
            preserve={false}
            initialValues={{ method: hasCard ? 'bank' : 'cash' }}
            disabled={busy}
            onValuesChange={() => setError(null)}
            onFinish={() => void confirm()}
          >
            <Form.Item
              label="从哪项资金支付"
              name="fundId"
              rules={[{ required: true, message: '请选择从哪项资金支付' }]}
              extra={fund ? <FundPurpose fund={fund} /> : '专项拨款只能用于其指定的救助类别（专款专用）'}
            >
              <Select<number> autoFocus options={funds.map(fundOption)} placeholder="请选择资金来源" data-testid="pay-fund" showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item label="发放方式" name="method" rules={[{ required: true, message: '请选择发放方式' }]}>
              <Radio.Group data-testid="pay-method" onChange={() => form.setFieldValue('accountId', undefined)}>
                <Space orientation="vertical">
                  <Radio value="cash">{PAYMENT_METHOD_LABELS.cash}（领款人当面签收）</Radio>
                  <Radio value="bank" disabled={!hasCard}>
                    {PAYMENT_METHOD_LABELS.bank}
                    {hasCard ? (
                      <>
                        ：转入档案登记的银行卡 {item.bankName}{' '}
                        <span style={{ fontFamily: 'monospace' }} data-testid="pay-card">
                          {maskBankCard(item.bankCard)}
                        </span>
                      </>
                    ) : (
                      '（档案没有登记银行卡，请先到档案中补登）'
                    )}
                  </Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
            {moneyAccounts.length > 1 && (
              <Form.Item label={method === 'cash' ? '现金科目' : '付款账户'} name="accountId" rules={[{ required: true, message: '请选择付款账户' }]}>
                <Select<number> options={moneyAccounts.map((a) => ({ value: a.id, label: `${a.code} ${a.name}（余额 ${formatYuan(a.balanceFen)}）` }))} placeholder="请选择" />
              </Form.Item>
            )}
            <button type="submit" hidden />
          </Form>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            确认后立即记账并开出救助金领取凭证；发放记账后不能撤回，如有错误只能冲销凭证后重新发放。
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title="未能发放" description={error} data-testid="pay-error" />}
        </>
      )}
    </Modal>
  );
}
