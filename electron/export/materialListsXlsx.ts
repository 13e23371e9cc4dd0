// 库存 and 物资单据 lists as workbooks: the page's rows; the documents' stock lines on a second sheet
// with their estimated value in yuan.
import ExcelJS from 'exceljs';
import type { DocumentSort, DocumentsQuery, MaterialDocument, Movement, StockQuery, StockRow } from '../../shared/contract/materials';
import type { StockFilter } from '../../shared/stockFilter';
import { rangeText } from '../../shared/contract/listQuery';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS, LOCATION_KIND_LABELS, MOVEMENT_KIND_LABELS } from '../../shared/materials';
import { addListSheet, listWorkbook, orderText, scopeLine, type ListColumn } from './listXlsx';

export const STOCK_SHEET = '库存';
export const DOCUMENTS_SHEET = '物资单据';
export const MOVEMENTS_SHEET = '单据明细';
type OnRows = (done: number, total: number) => void;

const STOCK_COLUMNS: ListColumn<StockRow>[] = [
  { title: '物资', width: 24, value: (r) => r.itemName },
  { title: '单位', width: 8, value: (r) => r.unit },
  { title: '存放地点', width: 20, value: (r) => r.locationName },
  { title: '地点类别', width: 12, value: (r) => LOCATION_KIND_LABELS[r.locationKind] },
  { title: '有效期至', width: 12, value: (r) => r.expiryDate ?? '' },
  { title: '数量', width: 10, value: (r) => r.quantity },
  { title: '估价金额（元）', width: 14, value: (r) => r.valueFen, money: true },
];

/** `scope` names the location or item the page narrowed to ('全部' when none). */
export const stockWorkbook = (rows: readonly StockRow[], centreName: string, scope: string, onRows?: OnRows): Promise<Buffer> =>
  listWorkbook({ sheet: STOCK_SHEET, centreName, columns: STOCK_COLUMNS, rows, scope, unit: '行', onRows });

export const stockScope = (rows: readonly StockRow[], q: StockQuery & StockFilter): string =>
  scopeLine([
    q.locationId !== undefined && `存放地点：${rows[0]?.locationName ?? `编号 ${q.locationId}`}`,
    q.itemId !== undefined && `物资：${rows[0]?.itemName ?? `编号 ${q.itemId}`}`,
    q.kind && LOCATION_KIND_LABELS[q.kind],
    q.q && `含“${q.q}”`,
    q.onlyAlerts && '只看预警',
  ]);

const DOCUMENT_COLUMNS: ListColumn<MaterialDocument>[] = [
  { title: '单据号', width: 20, value: (d) => d.number ?? '' },
  { title: '日期', width: 12, value: (d) => d.date },
  { title: '类别', width: 10, value: (d) => DOCUMENT_KIND_LABELS[d.kind] },
  { title: '状态', width: 12, value: (d) => DOCUMENT_STATUS_LABELS[d.status] },
  { title: '内容', width: 50, value: (d) => d.summary },
  { title: '经办人', width: 10, value: (d) => d.movements[0]?.by ?? '' },
];

interface Line {
  doc: MaterialDocument;
  m: Movement;
}
const LINE_COLUMNS: ListColumn<Line>[] = [
  { title: '单据号', width: 20, value: (l) => l.doc.number ?? '' },
  { title: '日期', width: 12, value: (l) => l.m.date },
  { title: '变动', width: 10, value: (l) => MOVEMENT_KIND_LABELS[l.m.kind] },
  { title: '物资', width: 24, value: (l) => l.m.itemName },
  { title: '地点', width: 20, value: (l) => l.m.locationName },
  { title: '数量', width: 10, value: (l) => l.m.quantity },
  { title: '单位', width: 8, value: (l) => l.m.unit },
  { title: '估价金额（元）', width: 14, value: (l) => l.m.valueFen, money: true },
  { title: '经办人', width: 10, value: (l) => l.m.by },
];
const DOCUMENT_SORT_LABELS: Record<DocumentSort, string> = { date: '日期', number: '单据号', status: '状态' };

export function documentsScope(q: DocumentsQuery): string {
  const range = rangeText(q.from, q.to);
  return scopeLine([
    q.month && `日期在${q.month.slice(0, 4)}年${Number(q.month.slice(5))}月`,
    range && `日期${range}`,
    q.status && `状态：${DOCUMENT_STATUS_LABELS[q.status]}`,
    orderText(DOCUMENT_SORT_LABELS[q.sort], q.order),
  ]);
}

export async function documentsWorkbook(docs: readonly MaterialDocument[], centreName: string, q: DocumentsQuery, onRows?: OnRows): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = centreName;
  wb.title = DOCUMENTS_SHEET;
  const scope = documentsScope(q);
  addListSheet(wb, { sheet: DOCUMENTS_SHEET, centreName, columns: DOCUMENT_COLUMNS, rows: docs, scope, unit: '张', onRows });
  const lines = docs.flatMap((doc) => doc.movements.map((m) => ({ doc, m })));
  addListSheet(wb, { sheet: MOVEMENTS_SHEET, centreName, columns: LINE_COLUMNS, rows: lines, scope, unit: '行' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
