import { CheckOutlined, PrinterOutlined, RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Descriptions, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { voucherChannels, type Voucher, type VoucherLine } from '../../../../shared/contract/vouchers';
import { fenToCapitals, formatYuan } from '../../../../shared/money';
import { VOUCHER_STATUS_LABELS, type VoucherStatus } from '../../../../shared/vouchers';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { ReasonModal } from '../files/ReasonModal';
import { Yuan, dateTime } from './financeLabels';
import { useVoucherPrinter } from './voucherParts';

const STATUS_COLORS: Record<VoucherStatus, string> = { pending: 'gold', posted: 'green', rejected: 'red', withdrawn: 'default' };
type Filter = VoucherStatus | 'all';
const REJECT_REASON = voucherChannels['vouchers.reject'].input.shape.comment;
const WITHDRAW_REASON = voucherChannels['vouchers.withdraw'].input.shape.reason;

function Lines({ voucher }: { voucher: Voucher }) {
  return (
    <Table<VoucherLine>
      size="small"
      rowKey={(_, i) => String(i)}
      pagination={false}
      dataSource={voucher.lines}
      data-testid="voucher-lines-view"
      columns={[
        { title: '摘要', dataIndex: 'summary', render: (s: string) => s || voucher.memo },
        { title: '会计科目', key: 'account', render: (_, l) => `${l.accountCode} ${l.accountName}` },
        { title: '资金来源', dataIndex: 'fundName' },
        { title: '借方', dataIndex: 'debitFen', align: 'right', width: 140, render: (f: number) => (f ? <Yuan fen={f} /> : '') },
        { title: '贷方', dataIndex: 'creditFen', align: 'right', width: 140, render: (f: number) => (f ? <Yuan fen={f} /> : '') },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={3}>
            合计：人民币{fenToCapitals(voucher.totalFen)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            <Yuan fen={voucher.totalFen} strong />
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            <Yuan fen={voucher.totalFen} strong />
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/**
 * 凭证审核: the general vouchers finance drafted. A director other than the drafter approves (which
 * posts the voucher) or returns it; the drafter may withdraw it while it waits. What each caller may
 * do comes from the core (`permissions`), so the page keeps no copy of the four-eyes rule.
 */
export function VouchersPage() {
  const [filter, setFilter] = useState<Filter>('pending');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [rows, setRows] = useState<Voucher[]>([]);
  const [total, setTotal] = useState(0);
  const [pending, setPending] = useState(0);
  const [expanded, setExpanded] = useState<readonly React.Key[]>([]);
  const [rejecting, setRejecting] = useState<Voucher | null>(null);
  const [withdrawing, setWithdrawing] = useState<Voucher | null>(null);
  const { busy, run } = useAction();
  const act = useAction();
  const printer = useVoucherPrinter();

  const load = useCallback(() => {
    void run(() => invoke('vouchers.list', { ...page, ...(filter === 'all' ? {} : { status: filter }) })).then((r) => {
      if (!r) return;
      setRows(r.rows);
      setTotal(r.total);
      // A director reviewing sees every pending voucher's lines without a click.
      setExpanded(filter === 'pending' ? r.rows.map((v) => v.id) : []);
    });
    void invoke('vouchers.list', { page: 1, pageSize: 1, status: 'pending' }).then(
      (r) => setPending(r.total),
      () => setPending(0),
    );
  }, [run, page, filter]);
  useEffect(load, [load]);

  const approve = async (v: Voucher) => {
    if (await act.run(() => invoke('vouchers.approve', { id: v.id, comment: '' }), `凭证 ${v.number} 已审核通过并记账`)) load();
  };

  return (
    <Card title="凭证审核">
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<Filter>
          value={filter}
          onChange={(f) => (setFilter(f), setPage((p) => ({ ...p, page: 1 })))}
          data-testid="voucher-filter"
          options={[
            {
              value: 'pending',
              label: (
                <Badge count={pending} size="small" offset={[8, -2]}>
                  待审核
                </Badge>
              ),
            },
            { value: 'posted', label: VOUCHER_STATUS_LABELS.posted },
            { value: 'rejected', label: VOUCHER_STATUS_LABELS.rejected },
            { value: 'withdrawn', label: VOUCHER_STATUS_LABELS.withdrawn },
            { value: 'all', label: '全部' },
          ]}
        />
        <Typography.Text type="secondary">点击凭证行展开分录。审核通过即记账，不能撤销，如有错误只能红字冲销；制单人不能审核自己的凭证。</Typography.Text>
      </Space>
      <Table<Voucher>
        rowKey="id"
        size="middle"
        loading={busy}
        dataSource={rows}
        data-testid="vouchers-table"
        locale={{ emptyText: filter === 'pending' ? '没有待审核的凭证' : '没有凭证' }}
        expandable={{ expandedRowRender: (v) => <Lines voucher={v} />, expandRowByClick: true, expandedRowKeys: expanded, onExpandedRowsChange: setExpanded }}
        onRow={() => ({ 'data-testid': 'voucher-row', style: { cursor: 'pointer' } }) as object}
        pagination={{ current: page.page, pageSize: page.pageSize, total, showSizeChanger: true, showTotal: (t) => `共 ${t} 张` }}
        onChange={(p) => setPage({ page: p.pageSize !== page.pageSize ? 1 : (p.current ?? 1), pageSize: p.pageSize ?? page.pageSize })}
        columns={[
          {
            title: '凭证号',
            key: 'number',
            width: 175,
            render: (_, v) => (
              <Space orientation="vertical" size={0}>
                <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{v.entryNumber ?? v.number}</span>
                {v.entryNumber && <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{v.number}</Typography.Text>}
              </Space>
            ),
          },
          { title: '日期', dataIndex: 'date', width: 110 },
          {
            title: '摘要',
            key: 'memo',
            minWidth: 180,
            render: (_, v) => (
              <Space orientation="vertical" size={0}>
                <span>{v.memo}</span>
                {v.decisionComment && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v.status === 'posted' ? '审核意见' : v.status === 'rejected' ? '退回原因' : '撤回原因'}：{v.decisionComment}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: '金额', dataIndex: 'totalFen', width: 115, align: 'right', render: (f: number) => <Yuan fen={f} strong /> },
          { title: '附单据', dataIndex: 'attachments', width: 70, align: 'right', render: (n: number) => `${n} 张` },
          { title: '制单', key: 'drafted', width: 90, render: (_, v) => <Tooltip title={dateTime(v.draftedAt)}>{v.draftedBy}</Tooltip> },
          {
            title: '状态',
            key: 'status',
            width: 140,
            render: (_, v) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS_COLORS[v.status]} data-testid="voucher-status">
                  {VOUCHER_STATUS_LABELS[v.status]}
                </Tag>
                {v.decidedBy && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v.decidedBy} {v.decidedAt ? dateTime(v.decidedAt) : ''}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 220,
            render: (_, v) => (
              <Space size={4} wrap onClick={(e) => e.stopPropagation()}>
                {v.permissions.approve && (
                  <Popconfirm
                    title={`审核通过凭证 ${v.number}？`}
                    description={
                      <div style={{ maxWidth: 340 }}>
                        {v.memo}，合计 <b>{formatYuan(v.totalFen)}</b>（{fenToCapitals(v.totalFen)}）。审核通过后立即按 {v.date} 记账，不能撤销，如有错误只能红字冲销。
                      </div>
                    }
                    okText="审核通过并记账"
                    cancelText="再看看"
                    okButtonProps={{ autoFocus: true, 'data-testid': 'voucher-approve-confirm' }}
                    onConfirm={() => void approve(v)}
                  >
                    <Button size="small" type="primary" icon={<CheckOutlined />} loading={act.busy} data-testid="voucher-approve">
                      审核通过
                    </Button>
                  </Popconfirm>
                )}
                {v.permissions.reject && (
                  <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setRejecting(v)} data-testid="voucher-reject">
                    退回
                  </Button>
                )}
                {v.permissions.withdraw && (
                  <Button size="small" icon={<UndoOutlined />} onClick={() => setWithdrawing(v)} data-testid="voucher-withdraw">
                    撤回
                  </Button>
                )}
                <Button size="small" icon={<PrinterOutlined />} loading={printer.printing} onClick={() => printer.printVoucher(v.id)} data-testid="voucher-print">
                  打印
                </Button>
                {v.permissions.approveBlockedReason && (
                  <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="voucher-approve-blocked">
                    {v.permissions.approveBlockedReason}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ReasonModal
        open={rejecting !== null}
        title={`退回凭证 ${rejecting?.number ?? ''}`}
        intro={
          rejecting && (
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label="摘要">{rejecting.memo}</Descriptions.Item>
              <Descriptions.Item label="金额">{formatYuan(rejecting.totalFen)}</Descriptions.Item>
              <Descriptions.Item label="制单">{rejecting.draftedBy}</Descriptions.Item>
            </Descriptions>
          )
        }
        reasonLabel="退回原因"
        reasonSchema={REJECT_REASON}
        okText="退回"
        confirmTitle="退回后这张凭证不再记账，财务须重新填制。确定退回吗？"
        danger
        busy={act.busy}
        testId="voucher-reject-dialog"
        onCancel={() => setRejecting(null)}
        onSubmit={async ({ reason }) => {
          const r = await act.run(() => invoke('vouchers.reject', { id: rejecting!.id, comment: reason }), '凭证已退回');
          if (!r) return false;
          setRejecting(null);
          load();
          return true;
        }}
      />
      <ReasonModal
        open={withdrawing !== null}
        title={`撤回凭证 ${withdrawing?.number ?? ''}`}
        reasonLabel="撤回原因"
        reasonSchema={WITHDRAW_REASON}
        okText="撤回"
        confirmTitle="撤回后这张凭证不再审核、不记账，如需要请重新填制。确定撤回吗？"
        busy={act.busy}
        testId="voucher-withdraw-dialog"
        onCancel={() => setWithdrawing(null)}
        onSubmit={async ({ reason }) => {
          const r = await act.run(() => invoke('vouchers.withdraw', { id: withdrawing!.id, reason }), '凭证已撤回');
          if (!r) return false;
          setWithdrawing(null);
          load();
          return true;
        }}
      />
      {printer.preview}
    </Card>
  );
}
