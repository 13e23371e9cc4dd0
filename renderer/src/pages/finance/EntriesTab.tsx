import { PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Checkbox, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ledgerChannels, type JournalEntry, type JournalLine } from '../../../../shared/contract/ledger';
import { ENTRY_KIND_LABELS } from '../../../../shared/ledger';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { ReasonModal } from '../files/ReasonModal';
import { MonthPicker, Yuan, monthLabel } from './financeLabels';
import { useVoucherPrinter } from './voucherParts';

const REVERSE_REASON = ledgerChannels['ledger.reverse'].input.shape.reason;

const ENTRY_KIND_COLORS: Record<JournalEntry['kind'], string> = {
  donation: 'green',
  relief_payment: 'blue',
  purchase: 'purple',
  reversal: 'red',
  opening: 'default',
  income: 'cyan',
  expense: 'orange',
  transfer: 'geekblue',
  voucher: 'magenta',
};

const entryAmount = (e: JournalEntry) => e.lines.reduce((s, l) => s + l.debitFen, 0);

function Lines({ entry }: { entry: JournalEntry }) {
  const red = entry.kind === 'reversal';
  return (
    <Table<JournalLine>
      size="small"
      rowKey={(_, i) => String(i)}
      pagination={false}
      dataSource={entry.lines}
      data-testid="entry-lines"
      columns={[
        { title: '科目', dataIndex: 'accountName', render: (n: string, l) => `${l.accountCode} ${n}` },
        { title: '资金来源', dataIndex: 'fundName' },
        { title: '借方', dataIndex: 'debitFen', align: 'right', width: 140, render: (f: number) => (f ? <Yuan fen={f} danger={red} /> : '') },
        { title: '贷方', dataIndex: 'creditFen', align: 'right', width: 140, render: (f: number) => (f ? <Yuan fen={f} danger={red} /> : '') },
      ]}
    />
  );
}

/** 记账凭证: each entry with its lines; a wrong one is corrected by a reversing entry (红字冲销), never edited. */
export function EntriesTab({ canWrite, month, onMonth, onChanged }: { canWrite: boolean; month: string; onMonth(m: string): void; onChanged(): void }) {
  const [all, setAll] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [rows, setRows] = useState<JournalEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [reversing, setReversing] = useState<JournalEntry | null>(null);
  const { busy, run } = useAction();
  const reverse = useAction();
  const printer = useVoucherPrinter();

  const load = useCallback(() => {
    void run(() => invoke('ledger.entries', { ...page, ...(all ? {} : { month }) })).then((r) => r && (setRows(r.rows), setTotal(r.total)));
  }, [run, page, month, all]);
  useEffect(load, [load]);

  const numberOf = (id: number | null) => rows.find((r) => r.id === id)?.number;

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <MonthPicker value={month} onChange={(m) => (onMonth(m), setAll(false), setPage((p) => ({ ...p, page: 1 })))} testId="entries-month" />
        <Checkbox checked={all} onChange={(e) => (setAll(e.target.checked), setPage((p) => ({ ...p, page: 1 })))}>
          显示全部月份
        </Checkbox>
        <Typography.Text type="secondary">点击凭证行展开分录；凭证一经记账不能修改，错误的凭证用“冲销”生成反向凭证更正。</Typography.Text>
      </Space>
      <Table<JournalEntry>
        rowKey="id"
        size="middle"
        loading={busy}
        dataSource={rows}
        data-testid="entries-table"
        locale={{ emptyText: all ? '还没有凭证' : `${monthLabel(month)}没有凭证` }}
        expandable={{ expandedRowRender: (e) => <Lines entry={e} />, expandRowByClick: true }}
        onRow={() => ({ 'data-testid': 'entry-row', style: { cursor: 'pointer' } }) as object}
        pagination={{ current: page.page, pageSize: page.pageSize, total, showSizeChanger: true, showTotal: (t) => `共 ${t} 张凭证` }}
        onChange={(p) => setPage({ page: p.pageSize !== page.pageSize ? 1 : (p.current ?? 1), pageSize: p.pageSize ?? page.pageSize })}
        columns={[
          { title: '凭证号', dataIndex: 'number', width: 140, render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span> },
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '类别', dataIndex: 'kind', width: 90, render: (k: JournalEntry['kind']) => <Tag color={ENTRY_KIND_COLORS[k]}>{ENTRY_KIND_LABELS[k]}</Tag> },
          {
            title: '摘要',
            dataIndex: 'memo',
            render: (m: string, e) => (
              <Space orientation="vertical" size={0}>
                <span>{m}</span>
                {e.reason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>冲销原因：{e.reason}</Typography.Text>}
              </Space>
            ),
          },
          { title: '金额', key: 'amount', width: 130, align: 'right', render: (_, e) => <Yuan fen={entryAmount(e)} danger={e.kind === 'reversal'} /> },
          { title: '制单', dataIndex: 'createdBy', width: 90 },
          {
            title: '状态',
            key: 'state',
            width: 140,
            render: (_, e) =>
              e.reversedByEntryId ? (
                <Tag color="red" data-testid="entry-reversed">
                  已冲销{numberOf(e.reversedByEntryId) ? `（${numberOf(e.reversedByEntryId)}）` : ''}
                </Tag>
              ) : e.reversesEntryId ? (
                <Typography.Text type="secondary">冲销 {numberOf(e.reversesEntryId) ?? `凭证 #${e.reversesEntryId}`}</Typography.Text>
              ) : (
                <Tag color="green">正常</Tag>
              ),
          },
          {
            title: '打印',
            key: 'print',
            width: 70,
            render: (_, e) => (
              <Button
                size="small"
                icon={<PrinterOutlined />}
                aria-label={`打印凭证 ${e.number}`}
                loading={printer.printing}
                data-testid="entry-print"
                onClick={(ev) => {
                  ev.stopPropagation();
                  printer.printEntry(e.id);
                }}
              />
            ),
          },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, e: JournalEntry) =>
                    e.kind !== 'reversal' && !e.reversedByEntryId ? (
                      <Button
                        size="small"
                        danger
                        icon={<RollbackOutlined />}
                        data-testid="entry-reverse"
                        onClick={(ev) => {
                          ev.stopPropagation();
                          setReversing(e);
                        }}
                      >
                        冲销
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {printer.preview}
      <ReasonModal
        open={reversing !== null}
        title={`冲销凭证 ${reversing?.number ?? ''}`}
        intro={
          reversing && (
            <>
              <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
                <Descriptions.Item label="摘要">{reversing.memo}</Descriptions.Item>
                <Descriptions.Item label="金额">{formatYuan(entryAmount(reversing))}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary">
                系统以今天的日期生成一张借贷相反的红字冲销凭证，原凭证保留。冲销救助发放后，该救助可重新发放；已开出的收据请另行作废。
              </Typography.Paragraph>
            </>
          )
        }
        reasonLabel="冲销原因"
        reasonSchema={REVERSE_REASON}
        okText="冲销"
        confirmTitle="冲销凭证记账后不能撤回，确定冲销吗？"
        danger
        busy={reverse.busy}
        testId="reverse-dialog"
        onCancel={() => setReversing(null)}
        onSubmit={async ({ reason }) => {
          const r = await reverse.run(() => invoke('ledger.reverse', { entryId: reversing!.id, reason }), '已生成红字冲销凭证');
          if (!r) return false;
          setReversing(null);
          load();
          onChanged();
          return true;
        }}
      />
    </>
  );
}
