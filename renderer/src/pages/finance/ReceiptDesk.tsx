import { PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ledgerChannels, type ReceiptView } from '../../../../shared/contract/ledger';
import { RECEIPT_KIND_LABELS } from '../../../../shared/ledger';
import { invoke } from '../../api';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';
import { ReasonModal } from '../files/ReasonModal';
import { useReceiptPrinter } from './financeLabels';

const VOID_REASON = ledgerChannels['ledger.voidReceipt'].input.shape.reason;

/**
 * Printing and voiding receipts (donation receipts and relief payment receipts alike):
 * `actions(receipt)` gives the row buttons 打印收据 (补打 after the first print) and 作废重开,
 * `print(id)` opens a receipt at once, and `dialogs` holds the void dialog and the PDF preview.
 */
export function useReceiptDesk(reload: () => void, canWrite: boolean) {
  const { message } = App.useApp();
  const printer = useReceiptPrinter(reload);
  const printing = useAction();
  const voidAction = useAction();
  const [voiding, setVoiding] = useState<ReceiptView | null>(null);

  const print = (receiptId: number) => void printing.run(() => printer.print(receiptId));

  const actions = (receipt: ReceiptView | null): ReactNode =>
    receipt && canWrite ? (
      <Space size={4}>
        <Button size="small" icon={<PrinterOutlined />} disabled={printing.busy} onClick={() => print(receipt.id)} data-testid="receipt-print">
          {receipt.printCount > 0 ? '补打收据' : '打印收据'}
        </Button>
        <Tooltip title="收据填错或损坏：原号作废留档，同一笔款开新号">
          <Button size="small" danger icon={<StopOutlined />} onClick={() => setVoiding(receipt)} data-testid="receipt-void">
            作废重开
          </Button>
        </Tooltip>
      </Space>
    ) : null;

  const dialogs = (
    <>
      <ReasonModal
        open={voiding !== null}
        title={`作废${voiding ? RECEIPT_KIND_LABELS[voiding.kind] : ''} ${voiding?.number ?? ''}`}
        intro={
          <Typography.Paragraph type="secondary">
            原号作废后留档，永不再用；系统为同一笔款开出下一个号码，并打开新收据供打印。请收回原收据，注明“作废”后存档。
          </Typography.Paragraph>
        }
        reasonLabel="作废原因"
        reasonSchema={VOID_REASON}
        okText="作废并重开"
        confirmTitle="作废后原号不能恢复，确定吗？"
        danger
        busy={voidAction.busy}
        testId="void-dialog"
        onCancel={() => setVoiding(null)}
        onSubmit={async ({ reason }) => {
          const old = voiding!;
          const next = await voidAction.run(() => invoke('ledger.voidReceipt', { receiptId: old.id, reason }));
          if (!next) return false;
          void message.success(`已作废 ${old.number}，重开为 ${next.number}`);
          setVoiding(null);
          reload();
          print(next.id);
          return true;
        }}
      />
      <PdfPreview pdf={printer.pdf} onClose={printer.close} />
    </>
  );

  return { print, actions, dialogs, printing: printing.busy };
}
