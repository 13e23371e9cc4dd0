import { useCallback, useEffect, useState } from 'react';
import type { PdfFile } from '../../../../shared/contract/define';
import type { Account, Fund } from '../../../../shared/contract/ledger';
import { invoke } from '../../api';
import { PdfPreview } from '../../components/PdfPreview';
import { useAction } from '../../components/useAction';

// Small pieces shared by the 其他收支与凭证 page and the 凭证审核 page.

/** Ctrl+Enter in a form asks for confirmation, like the save button. */
export const ctrlEnter = (ask: () => void) => (e: React.KeyboardEvent) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    ask();
  }
};

/** Funds and accounts for the forms, reloaded after each posting so balances stay current. */
export function useBooks(version: number) {
  const [funds, setFunds] = useState<Fund[]>([]);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([invoke('ledger.funds', {}), invoke('ledger.accounts', {})])
      .then(([f, a]) => (setFunds(f), setAccounts(a), setError(null)))
      .catch((e: Error) => setError(e.message));
  }, [version]);
  return { funds, accounts, error };
}

/** Prints a posted entry or a voucher through the core and holds the PDF for the preview. */
export function useVoucherPrinter() {
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const { busy, run } = useAction();
  const printEntry = useCallback((entryId: number) => void run(() => invoke('vouchers.printEntry', { entryId })).then((p) => p && setPdf(p)), [run]);
  const printVoucher = useCallback((id: number) => void run(() => invoke('vouchers.print', { id })).then((p) => p && setPdf(p)), [run]);
  return { printing: busy, printEntry, printVoucher, preview: <PdfPreview pdf={pdf} onClose={() => setPdf(null)} /> };
}

