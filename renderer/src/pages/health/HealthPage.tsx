import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import List from 'antd/es/list';
import Result from 'antd/es/result';
import Typography from 'antd/es/typography';
import type { HealthReport } from '../../../../shared/contract/backup';
import { BACKUP_KIND_LABELS } from '../../../../shared/contract/backup';
import { localDateTime } from '../../../../shared/dates';

/** Shown instead of the login when the start-up health check failed: what is wrong and which backup to restore. */
export function HealthPage({ report, onAdminLogin }: { report: HealthReport; onAdminLogin(): void }) {
  const backup = report.newestVerifiedBackup;
  return (
    <div style={{ maxWidth: 760, margin: '48px auto', padding: '0 16px' }} data-testid="health-page">
      <Result
        status="error"
        title="数据文件检查未通过，程序暂停录入"
        subTitle="为防止在损坏的数据上继续记账，除管理员恢复数据外，其他操作都已暂停。"
        extra={
          <Button type="primary" onClick={onAdminLogin} data-testid="health-admin-login">
            管理员登录并恢复数据
          </Button>
        }
      />
      <Card size="small" title="发现的问题">
        <List size="small" dataSource={report.problems} renderItem={(p) => <List.Item>{p}</List.Item>} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          数据文件：{report.databaseFile}（检查时间 {localDateTime(new Date(report.checkedAt))}）
        </Typography.Paragraph>
      </Card>
      <Alert
        style={{ marginTop: 16 }}
        type={backup ? 'info' : 'warning'}
        showIcon
        title={backup ? `最近一份校验通过的备份：${localDateTime(new Date(backup.at))}（${BACKUP_KIND_LABELS[backup.kind]}）` : '没有找到校验通过的备份'}
        description={
          <>
            <div>{report.advice}</div>
            {backup && <div>备份文件：{backup.path}</div>}
          </>
        }
      />
    </div>
  );
}
