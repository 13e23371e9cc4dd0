import { CloudUploadOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Modal, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { BACKUP_KIND_LABELS, RESTORE_CONFIRMATION, type BackupInspection, type BackupKind, type BackupList, type BackupRecord } from '../../../../shared/contract/backup';
import { localDateTime } from '../../../../shared/dates';
import { invoke } from '../../api';
import { JobProgressBar, useJobProgress } from '../../components/JobProgress';
import { useAction } from '../../components/useAction';
import { navigate } from '../../router';
import { useSession } from '../../session';

const when = (iso: string) => localDateTime(new Date(iso));
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} MB`;

/** 数据备份与恢复: the copies the program made, a manual backup, and restoring one after a confirmation. */
export function BackupPage() {
  const { logout } = useSession();
  const [list, setList] = useState<BackupList | null>(null);
  const [restoring, setRestoring] = useState<BackupRecord | null>(null);
  const { busy, run } = useAction();
  const backup = useAction();
  // The copy is checked on the program's worker thread: the page follows the check.
  const backupJob = useJobProgress();

  const load = useCallback(() => {
    void run(() => invoke('backup.list', {})).then((l) => l && setList(l));
  }, [run]);
  useEffect(load, [load]);

  const backupNow = async () => {
    const r = await backup.run(() => backupJob.track((jobId) => invoke('backup.create', { jobId })));
    if (r) {
      Modal[r.verified ? 'success' : 'error']({ title: r.verified ? '备份完成并已校验' : '备份未通过校验', content: r.message, okText: '知道了' });
      load();
    }
  };

  return (
    <Card
      title="数据备份与恢复"
      extra={
        <Button type="primary" icon={<CloudUploadOutlined />} loading={backup.busy} onClick={() => void backupNow()} data-testid="backup-now">
          立即备份
        </Button>
      }
    >
      <JobProgressBar progress={backupJob.progress} label="校验备份" />
      {!list ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered data-testid="backup-folders">
            <Descriptions.Item label="备份文件夹（与数据同盘）">{list.backupDir}</Descriptions.Item>
            <Descriptions.Item label="另存到">
              {list.extraFolder ?? (
                <Typography.Text type="warning">
                  未设置。请在 <a onClick={() => navigate('/admin/settings')}>系统设置 → 数据备份</a> 中指定 U 盘或另一块硬盘上的文件夹。
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="保留">
              每日备份 {list.keepDaily} 份，月备份 {list.keepMonthly} 份
            </Descriptions.Item>
            <Descriptions.Item label="最近一次校验通过">
              {list.lastVerified ? `${when(list.lastVerified.at)}（${BACKUP_KIND_LABELS[list.lastVerified.kind]}）` : <Typography.Text type="danger">还没有校验通过的备份</Typography.Text>}
            </Descriptions.Item>
          </Descriptions>
          {list.extraFolderSameDisk && (
            <Alert type="warning" showIcon title="“另存到”的文件夹和数据在同一块磁盘上" description="磁盘损坏时两份会一起丢失。请改为 U 盘或另一块硬盘上的文件夹。" />
          )}
          {!list.everCopiedOffDisk && (
            <Alert type="warning" showIcon data-testid="backup-never-off-disk" title="备份从未另存到数据盘以外" description="电脑硬盘损坏将丢失全部账目。请设置“另存到”的文件夹，然后立即备份一次。" />
          )}
          <Table<BackupRecord>
            rowKey="id"
            size="small"
            loading={busy}
            dataSource={list.records}
            pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 份` }}
            data-testid="backup-table"
            locale={{ emptyText: '还没有备份' }}
            columns={[
              { title: '备份时间', dataIndex: 'at', width: 150, render: when },
              { title: '类型', dataIndex: 'kind', width: 90, render: (k: BackupKind) => <Tag>{BACKUP_KIND_LABELS[k]}</Tag> },
              { title: '文件', dataIndex: 'fileName', ellipsis: true },
              { title: '大小', dataIndex: 'sizeBytes', width: 100, align: 'right', render: megabytes },
              {
                title: '校验',
                dataIndex: 'verified',
                width: 90,
                render: (v: boolean, r) => (
                  <Tooltip title={r.message}>
                    {v ? <Tag color="green">通过</Tag> : <Tag color="red">未通过</Tag>}
                  </Tooltip>
                ),
              },
              { title: '另存', dataIndex: 'copiedOffDisk', width: 70, render: (c: boolean, r) => (c ? <Tooltip title={r.extraPath}><Tag color="blue">已另存</Tag></Tooltip> : '—') },
              { title: '经办人', dataIndex: 'takenBy', width: 90, render: (u: string | null) => u ?? '程序自动' },
              {
                title: '操作',
                key: 'restore',
                width: 110,
                render: (_, r) => (
                  <Button size="small" icon={<HistoryOutlined />} disabled={!r.verified || !r.present} onClick={() => setRestoring(r)} data-testid={`backup-restore-${r.id}`}>
                    恢复…
                  </Button>
                ),
              },
            ]}
          />
        </Space>
      )}
      {restoring && <RestoreDialog record={restoring} onClose={() => setRestoring(null)} onRestored={logout} />}
    </Card>
  );
}

/** Shows what the backup holds, checked again now, and restores only after the admin types the confirmation. */
function RestoreDialog({ record, onClose, onRestored }: { record: BackupRecord; onClose(): void; onRestored(): void }) {
  const [inspection, setInspection] = useState<BackupInspection | null>(null);
  const [confirm, setConfirm] = useState('');
  const { busy, run } = useAction();
  const restore = useAction();
  const inspectJob = useJobProgress();
  const { track } = inspectJob;

  useEffect(() => {
    void run(() => track((jobId) => invoke('backup.inspect', { id: record.id, jobId }))).then((i) => i && setInspection(i));
  }, [record.id, run, track]);

  const go = async () => {
    const r = await restore.run(() => invoke('backup.restore', { id: record.id, confirm }));
    if (!r) return;
    Modal.success({
      title: '数据已恢复',
      content: (
        <>
          <p>{r.message}</p>
          <p>所有用户都已退出登录，请重新登录。</p>
        </>
      ),
      okText: '重新登录',
      onOk: onRestored,
    });
    onClose();
  };

  const c = inspection?.counts;
  return (
    <Modal
      open
      title={`从备份恢复：${when(record.at)}`}
      onCancel={onClose}
      okText="恢复"
      okButtonProps={{ danger: true, disabled: !inspection?.verified || confirm.trim() !== RESTORE_CONFIRMATION, loading: restore.busy, 'data-testid': 'restore-confirm' }}
      cancelText="取消"
      onOk={() => void go()}
      data-testid="restore-dialog"
    >
      {busy || !inspection ? (
        <>
          <Spin />
          <JobProgressBar progress={inspectJob.progress} label="校验备份" />
        </>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type={inspection.verified ? 'info' : 'error'} showIcon title={inspection.message} description={inspection.problems.join('；') || undefined} />
          {c && (
            <Descriptions size="small" column={2} bordered data-testid="restore-counts">
              <Descriptions.Item label="困难职工档案">{c.workerFiles}</Descriptions.Item>
              <Descriptions.Item label="来访登记">{c.petitions}</Descriptions.Item>
              <Descriptions.Item label="救助申请">{c.reliefApplications}</Descriptions.Item>
              <Descriptions.Item label="记账凭证">{c.journalEntries}</Descriptions.Item>
              <Descriptions.Item label="审计记录">{c.auditRows}</Descriptions.Item>
              <Descriptions.Item label="大小">{megabytes(inspection.record.sizeBytes)}</Descriptions.Item>
            </Descriptions>
          )}
          <Alert
            type="warning"
            showIcon
            title="恢复后，这份备份之后录入的所有内容都会从系统中消失"
            description="恢复前程序会先把现在的数据另做一份“恢复前”备份，需要时仍可找回。恢复后所有用户须重新登录。"
          />
          <Typography.Text>
            请输入“<Typography.Text strong>{RESTORE_CONFIRMATION}</Typography.Text>”以确认：
          </Typography.Text>
          <Input value={confirm} onChange={(e) => setConfirm(e.target.value)} maxLength={20} autoFocus data-testid="restore-confirm-text" onPressEnter={() => confirm.trim() === RESTORE_CONFIRMATION && void go()} />
        </Space>
      )}
    </Modal>
  );
}
