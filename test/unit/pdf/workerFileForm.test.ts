import { describe, expect, it } from 'vitest';
import type { ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces';
import { INCOME_TIER_LABELS } from '../../../shared/household';
import { FILE_DOCUMENTS, FILE_DOCUMENT_LABELS } from '../../../shared/workerFile';
import { checklist, groupDigits, kvTable, moneyWithCapitals, numberWithPrefix, chineseIsoDate } from '../../../electron/pdf/common';
import { workerFileFormDoc } from '../../../electron/pdf/documents/workerFileForm';
import { FontsMissingError } from '../../../electron/pdf/fonts';
import { SAMPLE_CENTRE, largeHouseholdSample, sampleWorkerFile } from '../../../electron/pdf/samples';

/** Every piece of text in a definition, in document order (text nodes, plain strings, text arrays). */
function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'text' || k === 'stack' || k === 'columns' || k === 'content' || k === 'table' || k === 'body' || k === 'footer') texts(v, out);
    }
  }
  return out;
}

function allText(doc: TDocumentDefinitions): string {
  return texts(doc).join('\n');
}

describe('困难职工档案表 document definition', () => {
  const file = sampleWorkerFile();
  const doc = workerFileFormDoc(file, SAMPLE_CENTRE);
  const text = allText(doc);

  it('shows the title, the padded file number and the worker with the full ID number', () => {
    expect(text).toContain('困难职工档案表');
    expect(text).toContain('档案编号：DA-000123');
    expect(text).toContain('李秀英');
    expect(text).toContain('11010519780615002X');
    expect(text).not.toContain('110105********002X');
    expect(text).toContain('1978年6月15日');
    expect(doc.info?.title).toContain('困难职工档案表');
  });

  it('lists every household member with relation, full ID and income', () => {
    expect(file.members).toHaveLength(2);
    for (const m of file.members) {
      expect(text).toContain(m.name);
      expect(text).toContain(m.idNumber);
    }
    expect(text).toContain('配偶');
    expect(text).toContain('子女');
    expect(text).toContain('¥1,850.00');
  });

  it('shows household size with its rule, per-capita income, the tier label and the line', () => {
    expect(file.householdSize).toBe(3);
    expect(text).toContain('3 人');
    expect(text).toContain(file.householdRule);
    expect(text).toContain('¥616.66'); // 185000 fen / 3, floored
    expect(text).toContain(INCOME_TIER_LABELS[file.tier]);
    expect(text).toContain('¥980.00');
    expect(text).toContain('62%');
  });

  it('shows causes, description, bank and the reminder to check the card number', () => {
    expect(text).toContain('因病、因学');
    expect(text).toContain('尿毒症');
    expect(text).toContain('中国工商银行示例市建设街支行');
    expect(text).toContain('6222 0212 3456 7890 123');
    expect(text).toContain('请核对银行卡号及开户行');
  });

  it('has the document checklist and the signature labels', () => {
    for (const d of FILE_DOCUMENTS) expect(text).toContain(FILE_DOCUMENT_LABELS[d]);
    expect(text).toContain(`已交 ${file.documents.length} 项`);
    for (const label of ['本人签字', '基层工会意见（盖章）', '经办人', '填表日期：2026年11月20日']) expect(text).toContain(label);
  });

  it('ticks exactly the documents on file', () => {
    const json = JSON.stringify(doc);
    const ticks = (json.match(/"polyline"/g) ?? []).length;
    expect(ticks).toBe(file.documents.length);
    const none = workerFileFormDoc({ ...file, documents: [] }, SAMPLE_CENTRE);
    expect((JSON.stringify(none).match(/"polyline"/g) ?? []).length).toBe(0);
  });

  it('is plain data: JSON round-trips unchanged (no functions, no dates)', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('is pure: the same input gives the same definition, and the input is not changed', () => {
    const before = JSON.stringify(file);
    expect(workerFileFormDoc(file, SAMPLE_CENTRE)).toEqual(doc);
    expect(JSON.stringify(file)).toBe(before);
  });

  it('shows dashes for missing optional values and the exit date of an exited file', () => {
    const t = allText(
      workerFileFormDoc(
        { ...file, phone: '', bankCard: '', bankName: '', status: 'exited', exitedAt: '2026-10-31T16:30:00.000Z' },
        SAMPLE_CENTRE,
      ),
    );
    expect(t).toContain('已脱困退出（2026年11月1日）'); // the instant is already Nov 1st in Shanghai
    expect(t).not.toContain('6222');
  });

  it('lists all six members of a large household', () => {
    const big = largeHouseholdSample();
    const t = allText(workerFileFormDoc(big, SAMPLE_CENTRE));
    expect(big.members).toHaveLength(6);
    for (const m of big.members) expect(t).toContain(m.idNumber);
  });
});

describe('pdf common helpers', () => {
  it('formats numbers, dates, card numbers and capitals', () => {
    expect(numberWithPrefix('DA', 123)).toBe('DA-000123');
    expect(groupDigits('6222021234567890123')).toBe('6222 0212 3456 7890 123');
    expect(chineseIsoDate('2026-01-05')).toBe('2026年1月5日');
    expect(chineseIsoDate('2026-01-04T16:00:00.000Z')).toBe('2026年1月5日');
    expect(moneyWithCapitals(123400)).toBe('¥1,234.00（人民币壹仟贰佰叁拾肆元整）');
  });

  it('kvTable spans values and refuses rows that do not fill the grid', () => {
    const t = kvTable([[{ label: '甲', value: '1', span: 2 }, { label: '乙', value: '2' }]], { pairs: 3 });
    const row = t.table.body[0]!;
    expect(row).toHaveLength(6);
    expect(row[1]).toMatchObject({ text: '1', colSpan: 3 });
    expect(() => kvTable([[{ label: '甲', value: '1' }]], { pairs: 2 })).toThrow(/应为 2 格/);
  });

  it('checklist lays items out in rows of the given width', () => {
    const c: ContentTable = checklist([1, 2, 3, 4, 5].map((n) => ({ label: `项${n}`, checked: n % 2 === 0 })), 2);
    expect(c.table.body).toHaveLength(3);
  });

  it('the missing-font error tells the clerk what to run, in Chinese and English', () => {
    const e = new FontsMissingError(['/x/resources/fonts']);
    expect(e.message).toContain('字体文件缺失，请先运行 npm run build');
    expect(e.message).toContain('Font files missing');
  });
});
