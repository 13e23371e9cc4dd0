import { EditOutlined, EyeInvisibleOutlined, EyeOutlined, LeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Result, Space, Spin, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PdfFile } from '../../../../shared/contract/define';
import { fileChannels, type ExclusionView, type HouseholdMemberView, type WorkerFile } from '../../../../shared/contract/files';
import { formatChineseDate, localDateTime } from '../../../../shared/dates';
import { RELATION_LABELS, MARITAL_STATUS_LABELS, lineMultipleFen, type Relation } from '../../../../shared/household';
import { ageOn, maskIdNumber, validateIdNumber } from '../../../../shared/idcard';
import { formatYuan } from '../../../../shared/money';
import {
  ALLOWANCE_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  EXCLUSION_KINDS,
  EXCLUSION_LABELS,
  FILE_DOCUMENT_LABELS,
  FILE_DOCUMENTS,
  HARDSHIP_CAUSE_LABELS,
  MODEL_WORKER_LABELS,
  type ExclusionKind,
} from '../../../../shared/workerFile';
import { fileNumber } from '../../../../shared/workerFile';
import { invoke } from '../../api';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { useServerToday } from '../../components/useServerToday';
import { useHotkey } from '../../components/useHotkey';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { tierAdvice } from './HouseholdPreview';
import { ReasonModal } from './ReasonModal';
import { SEX_LABELS, StatusTag, TierTag, WarningTag, maskBankCard } from './fileLabels';
import { FileReferrals } from '../referrals/FileReferrals';
import { ReliefHistory } from '../../components/ReliefHistory';
import { FileCampaigns } from '../campaigns/FileCampaigns';
import { FileMonitoringCard } from '../monitoring/FileMonitoringCard';

type Dialog = { kind: 'exclude' } | { kind: 'clear'; exclusion: ExclusionView } | { kind: 'exit' } | { kind: 'reactivate' } | null;

/** A grey second line under a value (a div, so it breaks inside Descriptions). */
function Sub({ children, testId, warning }: { children: React.ReactNode; testId?: string; warning?: boolean }) {
  return (
    <div style={{ fontSize: 12, color: warning ? '#d48806' : 'rgba(0, 0, 0, 0.45)' }} data-testid={testId}>
      {children}
    </div>
  );
}

const yesNo = (b: boolean) => (b ? '是' : '否');
const dateTime = (iso: string) => localDateTime(new Date(iso));

function unmarriedText(m: HouseholdMemberView): string {
  if (m.relation === 'spouse' || m.relation === 'parent') return '—';
  if (m.unmarried === null) return m.relation === 'child' || m.relation === 'sibling' ? '未婚（默认）' : '已婚（默认）';
  return m.unmarried ? '未婚' : '已婚';
}

export function FilePage({ id }: { id: number }) {
  const { user } = useSession();
  const canWrite = hasRole(user, ['staff', 'director']);
  const isDirector = hasRole(user, ['director']);
  const [file, setFile] = useState<WorkerFile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [showIds, setShowIds] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { busy, run } = useAction();
  const print = useAction();
  const printing = print.busy;
  // ages are counted to the program's today, not the PC's
  const today = useServerToday();
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const printForm = async () => {
    if (!file) return;
    const out = await print.run(() => invoke('files.printForm', { id: file.id }));
    if (out) setPdf(out);
  };

  const load = useCallback(() => {
    invoke('files.get', { id })
      .then(setFile)
      .catch((e: Error) => setLoadError(e.message));
  }, [id]);
  useEffect(load, [load]);

  const canEdit = canWrite && file?.status === 'active';
  useHotkey({ key: 'e', alt: true }, () => navigate(`/files/${id}/edit`), canEdit);

  if (loadError) return <Result status="404" title="无法打开档案" subTitle={loadError} extra={<Button onClick={() => navigate('/files')}>回到档案列表</Button>} />;
  if (!file || !today) return <Spin style={{ display: 'block', margin: 48 }} tip="正在读取档案…"><div /></Spin>;

  const idText = (v: string) => (showIds ? v : maskIdNumber(v));
  const activeExclusions = file.exclusions.filter((e) => !e.clearedAt);
  const advice = tierAdvice(file.tier, file.hardshipCauses);
  const act = async (fn: () => Promise<WorkerFile>, ok: string) => {
    const f = await run(fn, ok);
    if (f) {
      setFile(f);
      setDialog(null);
      return true;
    }
    return false;
  };
  const history = [...file.history].sort((a, b) => b.id - a.id);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<LeftOutlined />} onClick={() => navigate('/files')} aria-label="回到档案列表" />
            <span data-testid="file-title">{file.name}</span>
            <StatusTag status={file.status} testId="file-status" />
            <WarningTag level={file.warning} testId="file-warning" />
            {file.riskNote && <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>{file.riskNote}</Typography.Text>}
            {activeExclusions.length > 0 && <Tag color="volcano">不予救助</Tag>}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              档案编号 <span data-testid="file-number">{fileNumber(file.id)}</span>
            </Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<PrinterOutlined />} loading={printing} onClick={() => void printForm()} data-testid="file-print">
              打印档案表
            </Button>
            {canWrite && (
              <Tooltip title={file.status === 'exited' ? '已脱困退出的档案须先恢复在档才能修改' : '快捷键 Alt+E'}>
                <Button type="primary" icon={<EditOutlined />} disabled={!canEdit} onClick={() => navigate(`/files/${file.id}/edit`)} data-testid="file-edit">
                  编辑
                </Button>
              </Tooltip>
            )}
            {canWrite && (
              <Button onClick={() => setDialog({ kind: 'exclude' })} data-testid="exclusion-set">
                标记不予救助情形
              </Button>
            )}
            {isDirector && file.status === 'active' && (
              <Button danger onClick={() => setDialog({ kind: 'exit' })} data-testid="file-exit">
                脱困退出
              </Button>
            )}
            {isDirector && file.status === 'exited' && (
              <Button onClick={() => setDialog({ kind: 'reactivate' })} data-testid="file-reactivate">
                恢复在档
              </Button>
            )}
          </Space>
        }
      >
        {file.status === 'exited' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="file-exit-info"
            title={`已于 ${file.exitedAt ? dateTime(file.exitedAt) : '—'} 脱困退出`}
            description={`退出原因：${file.exitReason ?? '—'}。档案保留备查，不会删除。`}
          />
        )}
        {activeExclusions.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={`有不予救助情形：${activeExclusions.map((e) => EXCLUSION_LABELS[e.kind]).join('、')}`}
            description="按规定不予救助；确需救助的，须由工会主席书面说明理由。"
          />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} title="基本信息">
          <Descriptions.Item label="姓名">{file.name}</Descriptions.Item>
          <Descriptions.Item label="身份证号">
            <Space size={4}>
              <span style={{ fontFamily: 'monospace' }} data-testid="file-id-text">{idText(file.idNumber)}</span>
              <Button
                size="small"
                type="link"
                icon={showIds ? <EyeInvisibleOutlined /> : <EyeOutlined />}
                onClick={() => setShowIds(!showIds)}
                data-testid="file-id-toggle"
              >
                {showIds ? '隐藏' : '显示'}
              </Button>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="性别 / 年龄">
            {SEX_LABELS[file.sex]}，{ageOn(file.birthDate, today)} 岁
          </Descriptions.Item>
          <Descriptions.Item label="出生日期">{formatChineseDate(file.birthDate)}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{file.phone || '—'}</Descriptions.Item>
          <Descriptions.Item label="住址">{file.address || '—'}</Descriptions.Item>
          <Descriptions.Item label="工作单位">{file.workUnit}</Descriptions.Item>
          <Descriptions.Item label="基层工会">{file.baseUnion || '—'}</Descriptions.Item>
          <Descriptions.Item label="就业状况">{EMPLOYMENT_STATUS_LABELS[file.employmentStatus]}</Descriptions.Item>
          <Descriptions.Item label="低保状况">{ALLOWANCE_LABELS[file.allowanceStatus]}</Descriptions.Item>
          <Descriptions.Item label="医疗保险">{file.medicalInsured ? '已参保' : '未参保'}</Descriptions.Item>
          <Descriptions.Item label="劳模">{MODEL_WORKER_LABELS[file.modelWorkerLevel]}</Descriptions.Item>
          <Descriptions.Item label="本人残疾">{file.disabilityGrade ? `${'一二三四'[file.disabilityGrade - 1] ?? file.disabilityGrade}级` : '无'}</Descriptions.Item>
          <Descriptions.Item label="婚姻状况">{MARITAL_STATUS_LABELS[file.maritalStatus]}</Descriptions.Item>
          <Descriptions.Item label="单亲家庭">{yesNo(file.singleParent)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="家庭人口与收入" size="small">
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="家庭人口">
            <Typography.Text strong data-testid="file-household-size">{file.householdSize} 人</Typography.Text>
            <Sub testId="file-household-rule">
              {file.householdRule}
            </Sub>
          </Descriptions.Item>
          <Descriptions.Item label="家庭月收入">
            {formatYuan(file.householdIncomeFen)}
            <Sub>
              本人 {formatYuan(file.ownMonthlyIncomeFen)}，成员 {formatYuan(file.householdIncomeFen - file.ownMonthlyIncomeFen)}
            </Sub>
          </Descriptions.Item>
          <Descriptions.Item label="人均月收入">
            <Typography.Text strong data-testid="file-per-capita">{formatYuan(file.perCapitaIncomeFen)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="收入档次">
            <TierTag tier={file.tier} testId="file-tier" />
            <Sub testId="file-line">
              按最低生活保障线 {formatYuan(file.minLivingLineFen)}/月（150% {formatYuan(lineMultipleFen(file.minLivingLineFen, 150))}，200%{' '}
              {formatYuan(lineMultipleFen(file.minLivingLineFen, 200))}，300% {formatYuan(lineMultipleFen(file.minLivingLineFen, 300))}）
            </Sub>
            <Sub warning={advice.type === 'warning'}>{advice.text}</Sub>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          家庭成员（不含本人）
        </Typography.Title>
        <Table<HouseholdMemberView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={file.members}
          data-testid="file-members"
          locale={{ emptyText: '未登记其他家庭成员' }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '与本人关系', dataIndex: 'relation', render: (r: Relation) => RELATION_LABELS[r] },
            {
              title: '身份证号',
              dataIndex: 'idNumber',
              render: (v: string) => (v ? <span style={{ fontFamily: 'monospace' }}>{idText(v)}</span> : '—'),
            },
            {
              title: '性别 / 年龄',
              render: (_, m) => {
                const r = m.idNumber ? validateIdNumber(m.idNumber, today) : null;
                return r?.ok ? `${SEX_LABELS[r.sex]}，${ageOn(r.birthDate, today)} 岁` : '—';
              },
            },
            { title: '月收入', dataIndex: 'monthlyIncomeFen', align: 'right', render: (f: number) => formatYuan(f) },
            { title: '婚否', render: (_, m) => unmarriedText(m) },
            {
              title: '情况',
              render: (_, m) => (
                <Space size={4} wrap>
                  {m.student && <Tag>在校学生</Tag>}
                  {m.disabled && <Tag color="purple">残疾</Tag>}
                  {m.seriouslyIll && <Tag color="magenta">重病</Tag>}
                  {!m.student && !m.disabled && !m.seriouslyIll && '—'}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Card title="困难情况" size="small">
        <Descriptions bordered size="small" column={1}>
          <Descriptions.Item label="致困原因">
            <Space size={4} wrap data-testid="file-causes">
              {file.hardshipCauses.map((c) => (
                <Tag key={c} color="blue">
                  {HARDSHIP_CAUSE_LABELS[c]}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="困难情况说明">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{file.hardshipDescription || '—'}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="银行卡与材料" size="small">
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="开户银行">{file.bankName || '—'}</Descriptions.Item>
          <Descriptions.Item label="银行卡号">
            <span style={{ fontFamily: 'monospace' }} data-testid="file-bank-card">
              {file.bankCard ? maskBankCard(file.bankCard) : '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="已收材料" span={2}>
            <Space size={4} wrap data-testid="file-documents">
              {file.documents.length === 0 && <Typography.Text type="secondary">尚未登记</Typography.Text>}
              {file.documents.map((d) => (
                <Tag key={d} color="green">
                  ✓ {FILE_DOCUMENT_LABELS[d]}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="未收材料" span={2}>
            <Space size={4} wrap>
              {FILE_DOCUMENTS.filter((d) => !file.documents.includes(d)).map((d) => (
                <Tag key={d} style={{ color: '#8c8c8c' }}>
                  {FILE_DOCUMENT_LABELS[d]}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="不予救助情形" size="small" data-testid="file-exclusions">
        {file.exclusions.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <Table<ExclusionView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={[...file.exclusions].sort((a, b) => Number(!!a.clearedAt) - Number(!!b.clearedAt) || b.id - a.id)}
            columns={[
              {
                title: '情形',
                dataIndex: 'kind',
                render: (k: ExclusionKind, e) => <Tag color={e.clearedAt ? 'default' : 'volcano'}>{EXCLUSION_LABELS[k]}</Tag>,
              },
              { title: '理由', dataIndex: 'reason' },
              { title: '标记人', render: (_, e) => `${e.setBy}，${dateTime(e.setAt)}` },
              {
                title: '状态',
                render: (_, e) =>
                  e.clearedAt ? (
                    <span>
                      已解除（{e.clearedBy}，{dateTime(e.clearedAt)}）
                      <Sub>
                        解除理由：{e.clearReason}
                      </Sub>
                    </span>
                  ) : (
                    <Space>
                      <Tag color="red">有效</Tag>
                      {isDirector && (
                        <Button size="small" onClick={() => setDialog({ kind: 'clear', exclusion: e })} data-testid={`exclusion-clear-${e.id}`}>
                          解除
                        </Button>
                      )}
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </Card>

      <FileMonitoringCard fileId={file.id} name={file.name} onChanged={load} />
      <ReliefHistory fileId={file.id} />
      <FileCampaigns fileId={file.id} />
      <FileReferrals fileId={file.id} />
      <Card title="档案记录" size="small">
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 16 }}>
          {file.createdBy} 于 {dateTime(file.createdAt)} 建档；最后修改于 {dateTime(file.updatedAt)}。
        </Typography.Text>
        {history.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
        ) : (
          <Timeline
            data-testid="file-history"
            items={history.map((h) => ({
              key: h.id,
              color: h.outcome === 'ok' ? 'blue' : 'red',
              content: (
                <div data-testid="history-item">
                  <Typography.Text strong>{h.channelTitle}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 12 }}>
                    {localDateTime(new Date(h.at))}　{h.username ?? '（系统）'}
                  </Typography.Text>
                  {h.summary && <div style={{ whiteSpace: 'pre-wrap' }}>{h.summary}</div>}
                </div>
              ),
            }))}
          />
        )}
      </Card>

      <ReasonModal<ExclusionKind>
        open={dialog?.kind === 'exclude'}
        title={`标记不予救助情形：${file.name}`}
        intro={<Alert type="warning" showIcon style={{ marginBottom: 16 }} title="标记后，救助申请将被拒绝，除非工会主席书面说明理由。" />}
        kinds={{
          label: '情形',
          options: EXCLUSION_KINDS.map((k) => ({ value: k, label: EXCLUSION_LABELS[k] })),
          schema: fileChannels['files.setExclusion'].input.shape.kind,
        }}
        reasonLabel="理由（情况与依据）"
        reasonSchema={fileChannels['files.setExclusion'].input.shape.reason}
        okText="标记"
        confirmTitle="确认标记？标记会记入档案和审计日志。"
        danger
        busy={busy}
        testId="exclusion-modal"
        onCancel={() => setDialog(null)}
        onSubmit={(v) => act(() => invoke('files.setExclusion', { fileId: file.id, kind: v.kind!, reason: v.reason }), '已标记')}
      />
      <ReasonModal
        open={dialog?.kind === 'clear'}
        title={dialog?.kind === 'clear' ? `解除标记：${EXCLUSION_LABELS[dialog.exclusion.kind]}` : '解除标记'}
        reasonLabel="解除理由"
        reasonSchema={fileChannels['files.clearExclusion'].input.shape.reason}
        okText="解除标记"
        confirmTitle="确认解除这个不予救助标记？"
        busy={busy}
        testId="exclusion-clear-modal"
        onCancel={() => setDialog(null)}
        onSubmit={(v) =>
          dialog?.kind === 'clear' ? act(() => invoke('files.clearExclusion', { exclusionId: dialog.exclusion.id, reason: v.reason }), '已解除标记') : Promise.resolve(false)
        }
      />
      <ReasonModal
        open={dialog?.kind === 'exit'}
        title={`脱困退出：${file.name}`}
        intro={
          <Typography.Paragraph type="secondary">
            人均收入稳定高于最低生活保障线 1.5 倍（{formatYuan(lineMultipleFen(file.minLivingLineFen, 150))}）的，办理脱困退出。档案保留备查，不会删除。
          </Typography.Paragraph>
        }
        reasonLabel="退出原因"
        reasonSchema={fileChannels['files.exit'].input.shape.reason}
        okText="脱困退出"
        confirmTitle="确认退出？档案不会删除"
        danger
        busy={busy}
        testId="exit-modal"
        onCancel={() => setDialog(null)}
        onSubmit={(v) => act(() => invoke('files.exit', { id: file.id, reason: v.reason }), '已办理脱困退出')}
      />
      <ReasonModal
        open={dialog?.kind === 'reactivate'}
        title={`恢复在档：${file.name}`}
        reasonLabel="恢复原因"
        reasonSchema={fileChannels['files.reactivate'].input.shape.reason}
        okText="恢复在档"
        confirmTitle="确认恢复在档？"
        busy={busy}
        testId="reactivate-modal"
        onCancel={() => setDialog(null)}
        onSubmit={(v) => act(() => invoke('files.reactivate', { id: file.id, reason: v.reason }), '已恢复在档')}
      />
      <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />
    </Space>
  );
}
