// 导出 Excel for a list page: the call runs on the program's worker with a job id, and a progress bar
// shows below the button's toolbar while a big workbook is being written.
import { FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import type { FileDownload } from '../../../shared/contract/define';
import { downloadFile } from './downloadFile';
import { JobProgressBar, useJobProgress } from './JobProgress';
import { useAction } from './useAction';

/** `button` goes in the toolbar, `progress` where the bar may push the table down. */
export function useExportXlsx(call: (jobId: string) => Promise<FileDownload>, testId: string): { button: ReactNode; progress: ReactNode } {
  const action = useAction();
  const job = useJobProgress();
  const start = () => void action.run(() => job.track(call), '已导出 Excel').then((f) => f && downloadFile(f));
  return {
    button: (
      <Button icon={<FileExcelOutlined />} loading={action.busy} onClick={start} data-testid={testId}>
        导出 Excel
      </Button>
    ),
    progress: <JobProgressBar progress={job.progress} label="导出 Excel" />,
  };
}
