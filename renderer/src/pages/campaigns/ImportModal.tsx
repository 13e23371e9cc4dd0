import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Campaign, ImportResult, ImportRowError } from '../../../../shared/contract/campaigns';
import { invoke } from '../../api';
import { downloadFile } from '../../components/downloadFile';
import { JobProgressBar, useJobProgress } from '../../components/JobProgress';
import { useAction } from '../../components/useAction';

const toBase64 = async (f: File) => {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** Lists from base-level unions: all rows or none, with a per-row report of what is wrong. */
export function ImportModal({ campaign, open, onClose, onImported }: { campaign: Campaign; open: boolean; onClose(): void; onImported(c: Campaign): void }) {
  const [result, setResult] = useState<ImportResult | null>(null);
  const { busy, run } = useAction();
  const importJob = useJobProgress();
  const upload = async (f: File) => {
    if (f.size > 5 * 1024 * 1024) return setResult({ ok: false, added: 0, errors: [{ row: 0, name: '', message: '文件不能超过 5 MB' }], proposedFiles: [], campaign });
    const r = await run(async () => {
      const base64 = await toBase64(f);
      return importJob.track((jobId) => invoke('campaigns.import', { id: campaign.id, fileName: f.name, base64, jobId }));
    });
    if (!r) return;
    setResult(r);
    if (r.ok) onImported(r.campaign);
  };
  return (
    <Modal open={open} onCancel={onClose} title="导入基层工会上报名单" width={860} footer={<Button onClick={onClose}>关闭</Button>} destroyOnHidden afterClose={() => setResult(null)}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          用模板填写姓名、身份证号、工作单位、帮扶类别。导入时逐行检查，只要有一行不符合，整张表都不导入，并列出每一行的问题。
        </Typography.Paragraph>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void run(() => invoke('campaigns.importTemplate', {})).then((f) => f && downloadFile(f))}>
            下载模板
          </Button>
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
            <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="campaign-import-file">
              选择 Excel 文件导入
            </Button>
          </Upload>
        </Space>
        <JobProgressBar progress={importJob.progress} label="检查名单" />
        {result?.ok && <Alert type="success" showIcon title={`已导入 ${result.added} 人。`} />}
        {result && !result.ok && (
          <>
            <Alert type="error" showIcon title={`${result.errors.length} 行有问题，整张表未导入，请改正后重新导入。`} />
            <Table<ImportRowError>
              rowKey={(r) => `${r.row}-${r.message}`}
              size="small"
              dataSource={result.errors}
              pagination={{ pageSize: 20 }}
              data-testid="campaign-import-errors"
              columns={[
                { title: '行号', dataIndex: 'row', width: 70, render: (r: number) => (r ? `第 ${r} 行` : '—') },
                { title: '姓名', dataIndex: 'name', width: 100 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
            {result.proposedFiles.length > 0 && <Alert type="info" showIcon title={`以下人员尚未建档，请先建档：${result.proposedFiles.map((p) => `${p.name}（第 ${p.row} 行）`).join('、')}`} />}
          </>
        )}
      </Space>
    </Modal>
  );
}
