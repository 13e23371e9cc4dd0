/**
 * Integer fen → yuan for a chart axis only (echarts draws numbers; nothing is added up from these).
 * Split with integer arithmetic so the value is the exact two-decimal amount.
 */
export function fenToYuanForChart(fen: number): number {
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return Number(`${fen < 0 ? '-' : ''}${(abs - cents) / 100}.${String(cents).padStart(2, '0')}`);
}
