import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ledgerChannels, type MonthStatus } from '../../../../shared/contract/ledger';
import { ACCOUNT_KIND_LABELS, type AccountKind } from '../../../../shared/ledger';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useOpeningMonth } from '../../components/useOpeningMonth';
import { useServerMonth } from '../../components/useServerToday';
import { ReasonModal } from '../files/ReasonModal';
import { MoneyField, MonthPicker, Yuan, dateTime, monthFromQuery, monthLabel } from './financeLabels';

const REOPEN_REASON = ledgerChannels['ledger.reopenMonth'].input.shape.reason;
type Book = MonthStatus['books'][number];

/** 月末结账: count the cash, enter each bank statement balance, explain any difference, close. Reopening is the chair's. */
export function ClosePage() {
  const opening = useOpeningMonth(monthFromQuery());
  const current = useServerMonth();
  const [chosen, setMonthRaw] = useState<string | null>(null);
  // months close in order: the page opens on the core's month (the last not yet closed)
  const month = chosen ?? opening;
  const [status, setStatus] = useState<MonthStatus | null>(null);
  const [counts, setCounts] = useState<Record<number, number | undefined>>({});
  const [explanation, setExplanation] = useState('');
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();
  const action = useAction();

  const load = useCallback(() => {
    if (!month) return;
    void run(() => invoke('ledger.monthStatus', { month })).then((s) => s && setStatus(s));
  }, [month, run]);
  useEffect(load, [load]);

  const setMonth = (m: string) => {
    setMonthRaw(m);
    setStatus(null);
    setCounts({});
    setExplanation('');
    setTried(false);
    setError(null);
  };

  const books = status?.books ?? [];
  const diff = (b: Book) => (counts[b.accountId] === undefined ? null : counts[b.accountId]! - b.bookFen);
  const missing = books.filter((b) => counts[b.accountId] === undefined);
  const differing = books.filter((b) => (diff(b) ?? 0) !== 0);
  const needsExplanation = differing.length > 0;
  const explanationMissing = needsExplanation && explanation.trim().length < 2;

  const ask = () => {
    setTried(true);
    setError(null);
    if (missing.length > 0 || explanationMissing) return;
    setConfirming(true);
  };
  const close = async () => {
    setConfirming(false);
    const s = await action.run(
      () =>
        invoke('ledger.closeMonth', {
          month: month!,
          counts: books.map((b) => ({ accountId: b.accountId, countedFen: counts[b.accountId]! })),
          explanation: explanation.trim(),
        }).catch((e: Error) => {
          setError(e.message);
          throw e;
        }),
      `${monthLabel(month!)}已结账`,
    );
    if (s) setStatus(s);
  };

  const closed = status?.closed ?? false;
  // What may be done comes from the core's answer, not a copy of its rules.
  const canClose = status?.canClose ?? false;
  const canReopen = status?.canReopen ?? false;

  return (
    <Card
      title="月末结账"
      extra={
        <Space>
          {month && <MonthPicker value={month} onChange={setMonth} testId="close-month" />}
          {status &&
            (closed ? (
              <Tag icon={<LockOutlined />} color="green" data-testid="close-status">
                已结账
              </Tag>
            ) : (
              <Tag icon={<UnlockOutlined />} color="orange" data-testid="close-status">
                未结账
              </Tag>
            ))}
        </Space>
      }
    >
      {status && month && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {closed ? (
            <Alert
              type="success"
              showIcon
              data-testid="close-done"
              title={`${monthLabel(month)}已于 ${dateTime(status.closedAt!)} 由 ${status.closedBy} 结账，本月不能再记账。`}
              description={
                canReopen
                  ? `如确需更正本月账目，可反结账（须写明原因，记入审计日志）${status.lockedThrough && status.lockedThrough > month ? `；其后已结账的月份（至${monthLabel(status.lockedThrough)}）将一并反结账` : ''}。`
                  : '如确需更正，请由工会主席反结账。'
              }
              action={
                canReopen && (
                  <Button danger icon={<UnlockOutlined />} onClick={() => setReopening(true)} data-testid="reopen">
                    反结账
                  </Button>
                )
              }
            />
          ) : status.closeBlockedReason ? (
            <Alert
              type="warning"
              showIcon
              data-testid="close-blocked"
              title={`${monthLabel(month)}现在不能结账`}
              description={status.closeBlockedReason}
              action={
                status.nextToClose && status.nextToClose !== month && current !== null && status.nextToClose < current ? (
                  <Button onClick={() => setMonth(status.nextToClose!)} data-testid="close-go-next">
                    转到{monthLabel(status.nextToClose)}
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <Alert
              type="info"
              showIcon
              title={`${monthLabel(month)}结账：请盘点库存现金，并按银行对账单填写各银行账户的月末余额。`}
              description="实有金额与账面余额一致方可直接结账；有差额的须写明原因。结账后本月不能再记账，更正须由工会主席反结账。"
            />
          )}

          <Table<Book>
            rowKey="accountId"
            size="middle"
            loading={busy}
            dataSource={books}
            pagination={false}
            data-testid="close-table"
            columns={[
              { title: '账户', dataIndex: 'accountName' },
              { title: '类别', dataIndex: 'kind', width: 110, render: (k: AccountKind) => ACCOUNT_KIND_LABELS[k] },
              { title: '账面余额（月末）', dataIndex: 'bookFen', align: 'right', width: 170, render: (f: number) => <Yuan fen={f} strong /> },
              ...(!closed && canClose
                ? [
                    {
                      title: '实有金额',
                      key: 'count',
                      width: 240,
                      render: (_: unknown, b: Book) => (
                        <Space orientation="vertical" size={0}>
                          <MoneyField
                            testId={`count-${b.accountId}`}
                            aria-label={`${b.accountName}${b.kind === 'cash' ? '盘点的库存现金' : '银行对账单余额'}`}
                            value={counts[b.accountId]}
                            onChange={(v) => setCounts((c) => ({ ...c, [b.accountId]: v }))}
                          />
                          <Typography.Text type={tried && counts[b.accountId] === undefined ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                            {b.kind === 'cash' ? '盘点的库存现金' : '银行对账单余额'}
                          </Typography.Text>
                        </Space>
                      ),
                    },
                    {
                      title: '差额（实有 − 账面）',
                      key: 'diff',
                      width: 170,
                      align: 'right' as const,
                      render: (_: unknown, b: Book) => {
                        const d = diff(b);
                        if (d === null) return <Typography.Text type="secondary">—</Typography.Text>;
                        return d === 0 ? (
                          <Typography.Text type="success" data-testid={`diff-${b.accountId}`}>
                            相符
                          </Typography.Text>
                        ) : (
                          <Typography.Text type="danger" strong data-testid={`diff-${b.accountId}`}>
                            {d > 0 ? '+' : ''}
                            {formatYuan(d)}
                          </Typography.Text>
                        );
                      },
                    },
                  ]
                : []),
            ]}
          />

          {!closed && canClose && (
            <>
              <Form layout="vertical">
                <Form.Item
                  label="差异说明"
                  required={needsExplanation}
                  validateStatus={tried && explanationMissing ? 'error' : undefined}
                  help={
                    tried && explanationMissing
                      ? '账实不符，请写明差异原因'
                      : needsExplanation
                        ? `有 ${differing.length} 个账户账实不符，须写明原因（如：银行已扣未达账项、现金短款原因）`
                        : '账实相符时可不填'
                  }
                >
                  <Input.TextArea
                    value={explanation}
                    onChange={(e) => setExplanation(e.target.value)}
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    maxLength={1000}
                    showCount
                    data-testid="close-explanation"
                  />
                </Form.Item>
              </Form>
              {tried && missing.length > 0 && (
                <Alert type="warning" showIcon title={`请填写：${missing.map((b) => `${b.accountName}的${b.kind === 'cash' ? '盘点金额' : '对账单余额'}`).join('、')}`} />
              )}
              {error && <Alert type="error" showIcon title="未能结账" description={error} data-testid="close-error" />}
              <Space>
                <Popconfirm
                  open={confirming}
                  title={`确认结账 ${monthLabel(month)}？`}
                  description={
                    <div style={{ maxWidth: 360 }}>
                      {needsExplanation ? `有 ${differing.length} 个账户账实不符，差异说明将记入结账记录。` : '各账户账实相符。'}
                      <br />
                      结账后本月不能再记账，只有工会主席可以反结账。
                    </div>
                  }
                  okText="确认结账"
                  cancelText="再看看"
                  okButtonProps={{ autoFocus: true, 'data-testid': 'close-confirm' }}
                  onConfirm={() => void close()}
                  onCancel={() => setConfirming(false)}
                  onOpenChange={(o) => !o && setConfirming(false)}
                >
                  <Button type="primary" icon={<LockOutlined />} loading={action.busy} onClick={ask} data-testid="close-submit">
                    结账
                  </Button>
                </Popconfirm>
              </Space>
            </>
          )}

          <Card size="small" title="结账与反结账记录">
            <Table<MonthStatus['history'][number]>
              rowKey={(_, i) => String(i)}
              size="small"
              dataSource={status.history}
              pagination={false}
              data-testid="close-history"
              locale={{ emptyText: '本月还没有结账' }}
              columns={[
                { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => dateTime(at) },
                {
                  title: '操作',
                  dataIndex: 'action',
                  width: 90,
                  render: (a: 'close' | 'reopen') => (a === 'close' ? <Tag color="green">结账</Tag> : <Tag color="red">反结账</Tag>),
                },
                { title: '经办人', dataIndex: 'by', width: 100 },
                { title: '说明 / 原因', dataIndex: 'reason', render: (r: string) => r || <Typography.Text type="secondary">账实相符</Typography.Text> },
              ]}
            />
          </Card>
        </Space>
      )}

      <ReasonModal
        open={reopening}
        title={`反结账 ${month ? monthLabel(month) : ''}`}
        intro={
          <Typography.Paragraph type="secondary">
            反结账后该月重新开放记账，财务更正后须重新盘点结账。反结账及其原因记入审计日志。
          </Typography.Paragraph>
        }
        reasonLabel="反结账原因"
        reasonSchema={REOPEN_REASON}
        okText="反结账"
        confirmTitle="确定重新打开这个月份吗？"
        danger
        busy={action.busy}
        testId="reopen-dialog"
        onCancel={() => setReopening(false)}
        onSubmit={async ({ reason }) => {
          const s = await action.run(() => invoke('ledger.reopenMonth', { month: month!, reason }), `${monthLabel(month!)}已反结账`);
          if (!s) return false;
          setReopening(false);
          setStatus(s);
          setCounts({});
          setExplanation('');
          setTried(false);
          return true;
        }}
      />
    </Card>
  );
}
