import { z } from 'zod';
import { ITEM_CATEGORIES, LOCATION_KINDS, type ItemCategory, type LocationKind, type MovementKind } from '../materials';
import { channel, type FileDownload, type PdfFile } from './define';
import { id, isoDate } from './fields';
import { dateRange, sortOrder } from './listQuery';
import { jobId } from './jobs';

const KEEPERS = ['finance', 'staff', 'director'] as const;
const READERS = ['finance', 'staff', 'director', 'chair'] as const;
const text = (label: string, max: number) => z.string(`请填写${label}`).trim().max(max, `${label}不能超过 ${max} 个字`);
const qty = (label: string) => z.number(`${label}必须是数字`).int(`${label}必须是整数`).min(1, `${label}至少为 1`).max(10_000_000, `${label}过大`);
const fen = (label: string) => z.number(`${label}必须是数字`).int(`${label}必须精确到分`).min(0, `${label}不能为负`).max(100_000_000_00, `${label}过大`);
const month = z.string('请选择月份').regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** The stock list's filter, shared by the list and its workbook. */
const stockQuery = { locationId: id.optional(), itemId: id.optional() };
export type StockQuery = z.output<z.ZodObject<typeof stockQuery>>;

export const DOCUMENT_SORTS = ['date', 'number', 'status'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];
/** The list shows at most this many documents; narrower filters or the workbook reach the rest. */
export const DOCUMENTS_LIST_LIMIT = 500;
/** The document list's filter and order; month and from/to bound the document date (both included). */
const documentsQuery = {
  month: month.optional(),
  status: z.enum(['done', 'pending', 'rejected']).optional(),
  ...dateRange,
  sort: z.enum(DOCUMENT_SORTS).default('date'),
  order: sortOrder,
};
export type DocumentsQuery = z.output<z.ZodObject<typeof documentsQuery>>;

export interface Item {
  id: number;
  name: string;
  spec: string;
  unit: string;
  category: ItemCategory;
  shelfLifeDays: number | null;
  lowStock: number;
  onHand: number;
}
export interface Location {
  id: number;
  name: string;
  kind: LocationKind;
  donorId: number | null;
  address: string;
  contact: string;
  phone: string;
}
export interface StockRow {
  itemId: number;
  itemName: string;
  unit: string;
  locationId: number;
  locationName: string;
  locationKind: LocationKind;
  expiryDate: string | null;
  quantity: number;
  valueFen: number;
}
export interface Movement {
  id: number;
  date: string;
  kind: MovementKind;
  /** The name with its specification, as printed: 大米（10kg/袋）. */
  itemName: string;
  unit: string;
  locationName: string;
  quantity: number;
  valueFen: number;
  note: string;
  by: string;
  documentNumber: string | null;
}
export interface MaterialDocument {
  id: number;
  kind: 'donation' | 'purchase' | 'issue' | 'transfer' | 'write_off' | 'stocktake';
  number: string | null;
  date: string;
  status: 'done' | 'pending' | 'rejected';
  summary: string;
  movements: Movement[];
  receiptId: number | null;
}
export interface StockLedgerRow {
  itemId: number;
  /** The name with its specification, as printed: 大米（10kg/袋）. */
  itemName: string;
  unit: string;
  locationId: number;
  locationName: string;
  openingQty: number;
  inQty: number;
  outQty: number;
  closingQty: number;
  openingFen: number;
  inFen: number;
  outFen: number;
  closingFen: number;
}
export interface StockLedger {
  month: string;
  rows: StockLedgerRow[];
}
export interface StockAlerts {
  lowStock: { itemId: number; itemName: string; unit: string; onHand: number; lowStock: number }[];
  nearExpiry: { itemId: number; itemName: string; unit: string; locationName: string; expiryDate: string; quantity: number }[];
}

const lineIn = z
  .object({
    itemId: id,
    quantity: qty('数量'),
    unitValueFen: fen('估价'),
    expiryDate: isoDate.nullable().default(null),
  })
  .strict();

export const materialChannels = {
  'materials.items': channel<Item[]>()({ title: '物资目录', input: z.object({}).strict(), access: READERS, kind: 'read' }),
  'materials.addItem': channel<Item>()({
    title: '新增物资品种',
    input: z
      .object({
        name: text('品名', 40).min(1, '请填写品名'),
        spec: text('规格', 40).default(''),
        unit: text('单位', 8).min(1, '请填写单位'),
        category: z.enum(ITEM_CATEGORIES, '请选择类别'),
        shelfLifeDays: z.number().int().min(1, '保质期至少 1 天').max(3650).nullable().default(null),
        lowStock: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    access: ['finance', 'director'],
    kind: 'write',
  }),
  'materials.locations': channel<Location[]>()({ title: '存放地点', input: z.object({}).strict(), access: READERS, kind: 'read' }),
  'materials.addLocation': channel<Location>()({
    title: '新增存放地点',
    input: z
      .object({
        name: text('地点名称', 60).min(1, '请填写地点名称'),
        kind: z.enum(LOCATION_KINDS, '请选择地点类别'),
        donorId: id.nullable().default(null),
        address: text('地址', 120).default(''),
        contact: text('联系人', 30).default(''),
        phone: text('电话', 30).default(''),
      })
      .strict()
      .refine((l) => l.kind === 'store' || (l.donorId !== null && l.address.length > 0), { message: '捐赠方代管的地点须选择捐赠方并填写地址', path: ['address'] }),
    access: ['finance', 'director'],
    kind: 'write',
  }),
  'materials.stock': channel<StockRow[]>()({
    title: '库存',
    input: z.object(stockQuery).strict(),
    access: READERS,
    kind: 'read',
  }),
  'materials.receiveDonation': channel<MaterialDocument>()({
    title: '物资捐赠入库',
    input: z.object({ donorId: id, locationId: id, date: isoDate, lines: z.array(lineIn).min(1, '请至少登记一种物资').max(200, '一张单据最多 200 行物资，请分开登记'), note: text('备注', 200).default('') }).strict(),
    access: ['finance'],
    kind: 'write',
  }),
  'materials.purchase': channel<MaterialDocument>()({
    title: '采购入库',
    input: z
      .object({ fundId: id, method: z.enum(['cash', 'bank'], '请选择付款方式'), locationId: id, date: isoDate, lines: z.array(lineIn).min(1, '请至少登记一种物资').max(200, '一张单据最多 200 行物资，请分开登记'), note: text('备注', 200).default('') })
      .strict(),
    access: ['finance'],
    kind: 'write',
  }),
  'materials.issue': channel<MaterialDocument>()({
    title: '物资发放',
    input: z
      .object({ applicationId: id, locationId: id, lines: z.array(z.object({ itemId: id, quantity: qty('数量') }).strict()).min(1, '请至少发放一种物资').max(200, '一张发放单最多 200 行物资，请分开发放'), note: text('备注', 200).default('') })
      .strict(),
    access: KEEPERS,
    kind: 'write',
  }),
  'materials.transfer': channel<MaterialDocument>()({
    title: '物资调拨',
    input: z
      .object({ fromLocationId: id, toLocationId: id, lines: z.array(z.object({ itemId: id, quantity: qty('数量') }).strict()).min(1, '请至少调拨一种物资').max(200, '一张调拨单最多 200 行物资，请分开调拨'), note: text('备注', 200).default('') })
      .strict(),
    access: KEEPERS,
    kind: 'write',
  }),
  'materials.requestWriteOff': channel<MaterialDocument>()({
    title: '申请报损',
    input: z
      .object({ locationId: id, itemId: id, quantity: qty('数量'), reason: text('报损原因', 200).min(2, '请写明报损原因（过期、损坏等）') })
      .strict(),
    access: KEEPERS,
    kind: 'write',
  }),
  'materials.startStocktake': channel<MaterialDocument>()({
    title: '登记盘点',
    input: z
      .object({ locationId: id, counts: z.array(z.object({ itemId: id, counted: z.number().int().min(0, '盘点数量不能为负') }).strict()).min(1, '请至少盘点一种物资').max(2000, '一次盘点最多 2000 种物资，请分库位盘点'), note: text('备注', 200).default('') })
      .strict(),
    access: KEEPERS,
    kind: 'write',
  }),
  'materials.decide': channel<MaterialDocument>()({
    title: '审批报损或盘点',
    input: z.object({ documentId: id, approve: z.boolean('请选择是否同意'), comment: text('意见', 200).default('') }).strict(),
    access: ['director'],
    kind: 'write',
  }),
  'materials.stockXlsx': channel<FileDownload>()({
    title: '导出库存（Excel）',
    input: z
      .object({
        ...stockQuery,
        // the page's own filters on the same rows (shared/stockFilter.ts)
        kind: z.enum(LOCATION_KINDS).optional(),
        q: z.string().max(40).optional(),
        onlyAlerts: z.boolean().default(false),
        jobId: jobId.optional(),
      })
      .strict(),
    access: READERS,
    kind: 'read',
  }),
  // The newest DOCUMENTS_LIST_LIMIT documents of the filter in its order; the workbook holds them all.
  'materials.documents': channel<MaterialDocument[]>()({
    title: '物资单据',
    input: z.object(documentsQuery).strict(),
    access: READERS,
    kind: 'read',
  }),
  'materials.documentsXlsx': channel<FileDownload>()({
    title: '导出物资单据（Excel）',
    input: z.object({ ...documentsQuery, jobId: jobId.optional() }).strict(),
    access: READERS,
    kind: 'read',
  }),
  'materials.alerts': channel<StockAlerts>()({ title: '库存预警', input: z.object({}).strict(), access: READERS, kind: 'read' }),
  'materials.ledger': channel<StockLedger>()({ title: '物资收发存月报', input: z.object({ month }).strict(), access: READERS, kind: 'read' }),
  'materials.printDocument': channel<PdfFile>()({ title: '打印物资单据', input: z.object({ documentId: id }).strict(), access: KEEPERS, kind: 'write' }),
  'materials.ledgerPdf': channel<PdfFile>()({ title: '打印物资收发存月报', input: z.object({ month, jobId: jobId.optional() }).strict(), access: READERS, kind: 'read' }),
  'materials.ledgerXlsx': channel<FileDownload>()({ title: '导出物资收发存月报（Excel）', input: z.object({ month, jobId: jobId.optional() }).strict(), access: READERS, kind: 'read' }),
} as const;
