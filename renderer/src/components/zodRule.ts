import type { Rule } from 'antd/es/form';
import type { z } from 'zod';

/** An antd form rule that checks a field with the contract's own schema, so the form and the core speak alike. */
export const zodRule = (schema: z.ZodType): Rule => ({
  validator: async (_rule, value: unknown) => {
    const r = schema.safeParse(value);
    if (!r.success) throw new Error(r.error.issues[0]?.message ?? '输入有误');
  },
});
