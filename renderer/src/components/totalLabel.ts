/** A list's "共 N 条" line; when the count stopped at its cap (big tables), "共 10,000+ 条". */
export const totalLabel = (total: number, capped: boolean | undefined, unit: string): string =>
  `共 ${capped ? `${total.toLocaleString('en-US')}+` : total} ${unit}`;
