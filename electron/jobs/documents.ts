// Printed documents the worker can lay out from plain data (the builder runs in the worker, so its
// definition may hold functions; only the arguments cross threads). Add a long document here and call
// renderOffThread from its handler.
import { campaignSignSheetDoc } from '../pdf/documents/campaignSignSheet';

export const OFF_THREAD_DOCUMENTS = {
  /** 签领表: one line per person, thousands for a county-wide campaign. */
  campaignSignSheet: campaignSignSheetDoc,
};

export type OffThreadDocument = keyof typeof OFF_THREAD_DOCUMENTS;
export type DocumentArgs<D extends OffThreadDocument> = Parameters<(typeof OFF_THREAD_DOCUMENTS)[D]>;
