import { afterEach, describe, expect, it } from 'vitest';
import { normalisePhone } from '../../../shared/phone';
import { makeCore, type TestCore } from '../../fixtures/core';
import { fakeFileInput } from '../../fixtures/files';
import { createRng } from '../../fixtures/people';
import { walkIn } from '../../fixtures/petitions';

let core: TestCore | undefined;
afterEach(() => core?.close());

describe('phone numbers as clerks write them', () => {
  it('normalises mobiles to 11 digits and landlines to 区号-号码', () => {
    expect(normalisePhone('138 0000 1234')).toBe('13800001234');
    expect(normalisePhone('138-0000-1234')).toBe('13800001234');
    expect(normalisePhone('+86 138 0000 1234')).toBe('13800001234');
    expect(normalisePhone('0371-6789-1234')).toBe('0371-67891234');
    expect(normalisePhone('（0371）67891234')).toBe('0371-67891234');
    expect(normalisePhone('010 1234 5678')).toBe('010-12345678');
    expect(normalisePhone('0315-2345678')).toBe('0315-2345678');
    // Not a phone number: left as typed, so the rule refuses it with its message.
    expect(normalisePhone('138 0000 123')).toBe('138 0000 123');
    expect(normalisePhone('无')).toBe('无');
  });

  it('are accepted with dashes and spaces at every door and stored normalised', async () => {
    core = await makeCore();
    const staff = await core.tokenFor(['staff']);
    const petition = await core.ok('petitions.register', walkIn({ visitorPhone: '0371-6789-1234' }), staff);
    expect((await core.ok('petitions.get', { id: petition.id }, staff)).visitorPhone).toBe('0371-67891234');
    const file = await core.ok('files.create', fakeFileInput(createRng(15), { phone: '138 0000 1234' }), staff);
    expect(file.phone).toBe('13800001234');
    const refused = await core.call('petitions.register', walkIn({ visitorPhone: '138-0000-123' }), staff);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(refused.ok ? '' : refused.error.message).toContain('电话应为 11 位手机号或带区号的固定电话');
  });
});
