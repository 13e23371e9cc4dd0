import { LIST_EXPORT_LIMIT } from '../../shared/contract/listQuery';
import { fail } from '../../shared/errors';

/** A list export whose count stopped at the limit: refused in words, without counting the rest. */
export function refuseLargeExport(what: string): never {
  return fail('RULE', `符合条件的${what}超过 ${LIST_EXPORT_LIMIT.toLocaleString('en-US')} 条，超过一次可导出的上限，请缩小筛选范围（如日期）后再导出。`);
}
