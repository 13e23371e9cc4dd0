// Vocabularies of materials (物资), DOMAIN §5 and the charter §六 (谁捐助谁代管).
export const ITEM_CATEGORIES = ['food', 'clothing', 'daily', 'stationery', 'medical', 'other'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];
export const ITEM_CATEGORY_LABELS: Record<ItemCategory, string> = {
  food: '粮油食品',
  clothing: '衣被',
  daily: '日用品',
  stationery: '学习用品',
  medical: '药品器械',
  other: '其他',
};

export const LOCATION_KINDS = ['store', 'donor'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];
export const LOCATION_KIND_LABELS: Record<LocationKind, string> = { store: '中心仓库', donor: '捐赠方代管' };

export const MOVEMENT_KINDS = ['donation_in', 'purchase_in', 'issue', 'transfer_out', 'transfer_in', 'write_off', 'stocktake'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const MOVEMENT_KIND_LABELS: Record<MovementKind, string> = {
  donation_in: '捐赠入库',
  purchase_in: '采购入库',
  issue: '发放',
  transfer_out: '调出',
  transfer_in: '调入',
  write_off: '报损',
  stocktake: '盘点调整',
};

/** Kinds and states of a material document (物资单据), as the pages and the workbooks name them. */
export type MaterialDocumentKind = 'donation' | 'purchase' | 'issue' | 'transfer' | 'write_off' | 'stocktake';
export type MaterialDocumentStatus = 'done' | 'pending' | 'rejected';
export const DOCUMENT_KIND_LABELS: Record<MaterialDocumentKind, string> = {
  donation: '捐赠入库',
  purchase: '采购入库',
  issue: '物资发放',
  transfer: '调拨',
  write_off: '报损',
  stocktake: '盘点',
};
export const DOCUMENT_STATUS_LABELS: Record<MaterialDocumentStatus, string> = { done: '已完成', pending: '待主任审批', rejected: '未同意' };
