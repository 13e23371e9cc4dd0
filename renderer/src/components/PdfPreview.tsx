import { Button, Modal, Space } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import type { PdfFile } from '../../../shared/contract/define';

function toBlobUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** Preview, print and save-as for any printed document the core returns. */
export function PdfPreview({ pdf, onClose }: { pdf: PdfFile | null; onClose(): void }) {
  const url = useMemo(() => (pdf ? toBlobUrl(pdf.base64) : null), [pdf]);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return (
    <Modal
      open={pdf !== null}
      title={pdf?.fileName}
      width={900}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button href={url ?? undefined} download={pdf?.fileName} data-testid="pdf-save">另存为</Button>
          <Button type="primary" onClick={() => frame.current?.contentWindow?.print()} data-testid="pdf-print">打印</Button>
        </Space>
      }
    >
      {url && <iframe ref={frame} src={url} title="打印预览" data-testid="pdf-frame" style={{ width: '100%', height: '70vh', border: '1px solid #eee' }} />}
    </Modal>
  );
}
