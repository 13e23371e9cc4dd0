import type { PdfFile } from '../../../shared/contract/define';
import { fail } from '../../../shared/errors';
import { maskIdNumber } from '../../../shared/idcard';
import { materialDonationReceiptDoc } from '../../pdf/documents/materialDonationReceipt';
import { materialIssueSlipDoc } from '../../pdf/documents/materialIssueSlip';
import { renderPdf } from '../../pdf/render';
import { Deferred, type HandlerContext } from '../context';
import { getReceipt } from '../ledger/receipts';
import { getReliefRow } from '../relief/store';
import { getDocumentRow, getLocation, loadDocument, toLocation } from './documents';

/**
 * Prints one 物资捐赠收据 or 物资领取单, counting the print: the one path behind both
 * materials.printDocument (the document's current receipt) and ledger.printReceipt (any receipt,
 * a voided one marked void).
 */
export function printMaterialReceipt(ctx: HandlerContext, receiptId: number): Deferred<PdfFile> {
  const before = getReceipt(ctx.db, receiptId);
  if (before.source_type !== 'material_document') return fail('RULE', `收据 ${before.number} 不是物资收据`);
  const d = getDocumentRow(ctx.db, before.source_id);
  ctx.db.prepare('UPDATE receipts SET print_count = print_count + 1 WHERE id = ?').run(before.id);
  const receipt = getReceipt(ctx.db, before.id);
  const loaded = loadDocument(ctx.db, d.id);
  // The receipt asked for, which after a void is not the document's current one.
  const doc = { ...loaded, number: receipt.number, movements: loaded.movements.map((m) => ({ ...m, documentNumber: receipt.number })) };
  const isVoid = receipt.status === 'void';
  const common = { handler: ctx.user!.displayName, reprint: before.print_count > 0, printCount: receipt.print_count, void: isVoid };
  ctx.audit({
    summary: `打印 ${receipt.number}${common.reprint ? `（补打第 ${receipt.print_count} 次）` : ''}${isVoid ? '（已作废）' : ''}`,
    entityType: 'material_document',
    entityId: d.id,
  });
  const centre = { ...ctx.settings, printedAt: ctx.now };
  if (d.kind === 'donation') {
    const donor = ctx.db.prepare('SELECT name, kind FROM donors WHERE id = ?').get(d.donor_id) as { name: string; kind: 'unit' | 'person' };
    const def = materialDonationReceiptDoc(doc, donor, toLocation(getLocation(ctx.db, d.location_id)), centre, { ...common, receiptNumber: receipt.number });
    return new Deferred(async () => ({ fileName: `物资捐赠收据-${receipt.number}.pdf`, base64: (await renderPdf(def)).toString('base64') }));
  }
  const app = getReliefRow(ctx.db, d.application_id!);
  const def = materialIssueSlipDoc(doc, { name: app.name, maskedIdNumber: maskIdNumber(app.id_number), workUnit: app.work_unit, applicationNumber: app.number }, centre, common);
  return new Deferred(async () => ({ fileName: `物资领取单-${receipt.number}.pdf`, base64: (await renderPdf(def)).toString('base64') }));
}
