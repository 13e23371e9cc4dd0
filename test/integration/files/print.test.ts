import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../fixtures/core';
import { fakeFileInput } from '../../fixtures/files';
import { createRng } from '../../fixtures/people';
import { pdftotext, pdfWorkspace } from '../../fixtures/pdfTools';
import { walkIn } from '../../fixtures/petitions';

let core: TestCore;
let staff: string;
const { write } = pdfWorkspace('uhc-print-');
beforeAll(async () => {
  core = await makeCore();
  staff = await core.tokenFor(['staff']);
});
afterAll(() => core.close());

const text = (name: string, base64: string) => pdftotext(write(name, Buffer.from(base64, 'base64')));

describe('printing from the counter', () => {
  it('prints the file form with the worker\'s details and records the print in the file\'s history', async () => {
    const f = await core.ok('files.create', fakeFileInput(createRng(3), { workUnit: '红星机械厂' }), staff);
    const pdf = await core.ok('files.printForm', { id: f.id }, staff);
    expect(text('form.pdf', pdf.base64)).toContain(f.name);
    expect((await core.ok('files.get', { id: f.id }, staff)).history.map((h) => h.channel)).toContain('files.printForm');
    expect(await core.ok('files.units', {}, staff)).toContain('红星机械厂');
  });

  it('prints the acknowledgement slip with the number and the ID masked', async () => {
    const p = await core.ok('petitions.register', walkIn({ visitorIdNumber: '11010519491231002X' }), staff);
    const slip = text('slip.pdf', (await core.ok('petitions.printSlip', { id: p.id }, staff)).base64);
    expect(slip).toContain(p.number);
    expect(slip).toContain('110105********002X');
    expect(slip).not.toContain('11010519491231002X');
  });
});
