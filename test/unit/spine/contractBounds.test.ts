import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract } from '../../../shared/api';

type Schema = { [k: string]: unknown };

/** Every array node in a JSON Schema, with its path. */
function arrays(node: unknown, at: string, out: { at: string; schema: Schema }[] = []): { at: string; schema: Schema }[] {
  if (Array.isArray(node)) node.forEach((n, i) => arrays(n, `${at}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const s = node as Schema;
    const type = s.type;
    if (type === 'array' || (Array.isArray(type) && type.includes('array'))) out.push({ at, schema: s });
    for (const [k, v] of Object.entries(s)) arrays(v, `${at}.${k}`, out);
  }
  return out;
}

describe('contract input bounds', () => {
  // The same JSON Schemas the browser door publishes at /api/contract.
  const schemas = CHANNELS.map((name) => ({ name, schema: z.toJSONSchema(contract[name].input, { unrepresentable: 'any', io: 'input' }) }));
  const all = schemas.flatMap(({ name, schema }) => arrays(schema, name));

  it('finds the arrays it is to check', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
  });

  it('bounds every input array with maxItems', () => {
    const unbounded = all.filter((a) => typeof a.schema.maxItems !== 'number').map((a) => a.at);
    expect(unbounded).toEqual([]);
  });

  it('tells the clerk in Chinese when a list is too long', () => {
    const tooMany = Array.from({ length: 501 }, (_, i) => i + 1);
    const parsed = contract['relief.notices.create'].input.safeParse({ applicationIds: tooMany, startDate: '2026-11-01', endDate: '2026-11-08' });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.filter((i) => i.path[0] === 'applicationIds').map((i) => i.message).join('；');
    expect(messages).toMatch(/[\u4e00-\u9fff]/);
    expect(messages).toContain('500');
  });
});
