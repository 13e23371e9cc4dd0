import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract } from '../../../shared/api';

type Schema = { [k: string]: unknown };

/** Every property named …Fen in a JSON Schema (an amount in fen), with its path. */
function moneyFields(node: unknown, at: string, out: { at: string; schema: Schema }[] = []): { at: string; schema: Schema }[] {
  if (Array.isArray(node)) node.forEach((n, i) => moneyFields(n, `${at}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const s = node as Schema;
    if (s.properties && typeof s.properties === 'object') {
      for (const [k, v] of Object.entries(s.properties as Schema)) if (/Fen$/.test(k)) out.push({ at: `${at}.${k}`, schema: v as Schema });
    }
    for (const [k, v] of Object.entries(s)) moneyFields(v, `${at}.${k}`, out);
  }
  return out;
}

/** The numeric branch of a field (a nullable or defaulted one is wrapped in anyOf). */
const numeric = (s: Schema): Schema => (Array.isArray(s.anyOf) ? ((s.anyOf as Schema[]).find((x) => x.type === 'integer' || x.type === 'number') ?? s) : s);

describe('money at the doors', () => {
  const fields = CHANNELS.flatMap((name) => moneyFields(z.toJSONSchema(contract[name].input, { unrepresentable: 'any', io: 'input' }), name));

  it('finds the amounts it is to check', () => {
    expect(fields.some((f) => f.at === 'ledger.donate.amountFen')).toBe(true);
    expect(fields.length).toBeGreaterThanOrEqual(20);
  });

  // So no negative amount reaches a receipt's 人民币大写 (no "负伍仟元整").
  it('refuses a negative amount in every input', () => {
    const open = fields.filter((f) => typeof numeric(f.schema).minimum !== 'number' || (numeric(f.schema).minimum as number) < 0).map((f) => f.at);
    expect(open).toEqual([]);
  });
});
