import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ledgerChannels, type Account, type Fund } from '../../../../shared/contract/ledger';
import { ACCOUNT_KIND_LABELS, FUND_SOURCES, FUND_SOURCE_LABELS, type AccountKind, type FundSource } from '../../../../shared/ledger';
import { RELIEF_CATEGORIES, RELIEF_CATEGORY_LABELS, type ReliefCategory } from '../../../../shared/relief';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { zodRule } from '../../components/zodRule';
import { Yuan } from './financeLabels';
import { SidedBalance } from './TrialBalanceTab';

const A = ledgerChannels['ledger.addAccount'].input.shape;
const F = ledgerChannels['ledger.addFund'].input.shape;
const categoryOptions = RELIEF_CATEGORIES.map((c) => ({ value: c, label: RELIEF_CATEGORY_LABELS[c] }));

interface AccountValues {
  parentId: number;
  code: string;
  name: string;
  reliefCategory?: ReliefCategory;
}

/** The next free detail code under a parent: its code plus 01, 02, … */
function nextDetailCode(parent: Account, accounts: Account[]): string {
  for (let n = 1; n < 100; n++) {
    const code = `${parent.code}${String(n).padStart(2, '0')}`;
    if (!accounts.some((a) => a.code === code)) return code;
  }
  return parent.code;
}
interface FundValues {
  name: string;
  source: FundSource;
  purpose?: ReliefCategory;
}

/** 科目与资金: the chart of accounts and the funds with their balances; finance may add to both. */
export function AccountsTab({ accounts, funds, canWrite, busy, onChanged }: { accounts: Account[]; funds: Fund[]; canWrite: boolean; busy: boolean; onChanged(): void }) {
  const [adding, setAdding] = useState<'account' | 'fund' | null>(null);
  const [accountForm] = Form.useForm<AccountValues>();
  const [fundForm] = Form.useForm<FundValues>();
  const save = useAction();
  const parentId = Form.useWatch('parentId', accountForm);
  const parent = accounts.find((a) => a.id === parentId);

  const saveAccount = async () => {
    let v: AccountValues;
    try {
      v = await accountForm.validateFields();
    } catch {
      return;
    }
    const r = await save.run(
      () => invoke('ledger.addAccount', { parentId: v.parentId, code: v.code.trim(), name: v.name.trim(), reliefCategory: v.reliefCategory ?? null }),
      `已新增明细科目 ${v.code} ${v.name}`,
    );
    if (r) (setAdding(null), onChanged());
  };
  const remove = async (a: Account) => {
    if (await save.run(() => invoke('ledger.deleteAccount', { accountId: a.id }), `已删除科目 ${a.code} ${a.name}`)) onChanged();
  };
  const saveFund = async () => {
    let v: FundValues;
    try {
      v = await fundForm.validateFields();
    } catch {
      return;
    }
    const r = await save.run(() => invoke('ledger.addFund', { name: v.name.trim(), source: v.source, purpose: v.purpose ?? null }), `已新增资金来源 ${v.name}`);
    if (r) (setAdding(null), onChanged());
  };

  const fundTotal = funds.reduce((s, f) => s + f.balanceFen, 0);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        size="small"
        title="资金来源"
        extra={
          canWrite && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding('fund')} data-testid="fund-add">
              新增资金来源
            </Button>
          )
        }
      >
        <Table<Fund>
          rowKey="id"
          size="small"
          loading={busy}
          dataSource={funds}
          pagination={false}
          data-testid="fund-table"
          columns={[
            { title: '资金名称', dataIndex: 'name' },
            { title: '来源类别', dataIndex: 'source', width: 140, render: (s: FundSource) => FUND_SOURCE_LABELS[s] },
            {
              title: '用途',
              dataIndex: 'purpose',
              width: 220,
              render: (p: ReliefCategory | null) => (p ? <Tag color="orange">专款专用：{RELIEF_CATEGORY_LABELS[p]}</Tag> : <Typography.Text type="secondary">不限</Typography.Text>),
            },
            { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">在用</Tag> : <Tag>停用</Tag>) },
            { title: '可用余额（现金＋银行）', dataIndex: 'balanceFen', align: 'right', width: 200, render: (f: number) => <Yuan fen={f} strong danger={f < 0} /> },
          ]}
          summary={() => (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0} colSpan={4}>
                合计
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Yuan fen={fundTotal} strong />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>

      <Card
        size="small"
        title="会计科目"
        extra={
          canWrite && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding('account')} data-testid="account-add">
              新增明细科目
            </Button>
          )
        }
      >
        <Table<Account>
          rowKey="id"
          size="small"
          loading={busy}
          dataSource={accounts}
          pagination={false}
          data-testid="account-table"
          columns={[
            { title: '科目编码', dataIndex: 'code', width: 110, render: (c: string) => <span style={{ fontFamily: 'monospace' }}>{c}</span> },
            {
              title: '科目名称',
              dataIndex: 'name',
              render: (n: string, a) => (
                <Space size={4}>
                  <span style={{ fontWeight: a.parentId === null ? 600 : undefined }}>{n}</span>
                  {a.heading && <Tag>汇总</Tag>}
                  {!a.standard && <Tag color="blue">本中心增设</Tag>}
                </Space>
              ),
            },
            { title: '类别', dataIndex: 'kind', width: 90, render: (k: AccountKind) => ACCOUNT_KIND_LABELS[k] },
            { title: '对应救助类别', dataIndex: 'reliefCategory', width: 180, render: (c: ReliefCategory | null) => (c ? RELIEF_CATEGORY_LABELS[c] : '') },
            { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">在用</Tag> : <Tag>停用</Tag>) },
            { title: '余额', dataIndex: 'totalFen', align: 'right', width: 180, render: (f: number) => <SidedBalance fen={f} /> },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'actions',
                    width: 60,
                    render: (_: unknown, a: Account) =>
                      a.deletable && (
                        <Popconfirm title={`删除科目 ${a.code} ${a.name}？`} description="未记账、未用于凭证的增设科目才能删除。" okText="删除" cancelText="取消" onConfirm={() => remove(a)}>
                          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除科目" data-testid="account-delete" />
                        </Popconfirm>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Modal
        open={adding === 'account'}
        title="新增明细科目"
        okText="保存"
        onOk={() => void saveAccount()}
        okButtonProps={{ loading: save.busy, 'data-testid': 'account-save' }}
        onCancel={() => setAdding(null)}
        destroyOnHidden
      >
        <Form<AccountValues> form={accountForm} layout="vertical" preserve={false} onFinish={() => void saveAccount()} autoComplete="off">
          <Form.Item label="上级科目" name="parentId" rules={[{ required: true, message: '请选择上级科目' }]} extra="明细科目设在工会会计制度规定的科目之下，类别随上级科目">
            <Select<number>
              autoFocus
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="输入编码或名称查找"
              options={accounts.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
              onChange={(id) => {
                const p = accounts.find((a) => a.id === id);
                if (p) accountForm.setFieldsValue({ code: nextDetailCode(p, accounts), reliefCategory: p.reliefCategory ?? undefined });
              }}
              data-testid="account-parent"
            />
          </Form.Item>
          <Form.Item label="科目编码" name="code" rules={[zodRule(A.code)]} required extra={parent ? `上级科目编码 ${parent.code} 加两位数字` : '选择上级科目后自动编号'}>
            <Input maxLength={10} style={{ width: 160, fontFamily: 'monospace' }} data-testid="account-code" />
          </Form.Item>
          <Form.Item label="科目名称" name="name" rules={[zodRule(A.name)]} required extra={parent ? `保存为“${parent.name}—名称”` : undefined}>
            <Input maxLength={40} data-testid="account-name" placeholder="如：工商银行" />
          </Form.Item>
          {parent?.kind === 'expense' && (
            <Form.Item label="对应救助类别" name="reliefCategory" extra="救助金只从对应类别的支出科目发放；非救助支出留空">
              <Select<ReliefCategory> allowClear disabled={parent.reliefCategory !== null} options={categoryOptions} placeholder="非救助支出" data-testid="account-category" />
            </Form.Item>
          )}
          <button type="submit" hidden />
        </Form>
      </Modal>

      <Modal
        open={adding === 'fund'}
        title="新增资金来源"
        okText="保存"
        onOk={() => void saveFund()}
        okButtonProps={{ loading: save.busy, 'data-testid': 'fund-save' }}
        onCancel={() => setAdding(null)}
        destroyOnHidden
      >
        <Form<FundValues> form={fundForm} layout="vertical" preserve={false} initialValues={{ source: 'earmarked' }} onFinish={() => void saveFund()} autoComplete="off">
          <Form.Item label="资金名称" name="name" rules={[zodRule(F.name)]} required>
            <Input autoFocus maxLength={40} data-testid="fund-name" placeholder="如：市总工会金秋助学专项" />
          </Form.Item>
          <Form.Item label="来源类别" name="source" rules={[zodRule(F.source)]} required>
            <Select<FundSource> options={FUND_SOURCES.map((s) => ({ value: s, label: FUND_SOURCE_LABELS[s] }))} data-testid="fund-source" />
          </Form.Item>
          <Form.Item label="专款用途" name="purpose" extra="专款只能用于所选的救助类别（专款专用）；不限用途的留空">
            <Select<ReliefCategory> allowClear options={categoryOptions} placeholder="不限用途" data-testid="fund-purpose" />
          </Form.Item>
          <button type="submit" hidden />
        </Form>
      </Modal>
    </Space>
  );
}
