// Writes every sample printed document to <dir>: `npm run print-samples -- <dir>`.
// Stable names (one per registry entry), one line per file with its size.
import fs from 'node:fs';
import path from 'node:path';
import { PRINTED_DOCUMENTS } from '../electron/pdf/samples';

async function main(): Promise<number> {
  const dirArg = process.argv[2];
  if (!dirArg) {
    console.error('请指定输出目录，例如：npm run print-samples -- ./samples');
    return 1;
  }
  const dir = path.resolve(dirArg);
  fs.mkdirSync(dir, { recursive: true });
  for (const doc of PRINTED_DOCUMENTS) {
    const bytes = await doc.build();
    const target = path.join(dir, doc.file);
    fs.writeFileSync(target, bytes);
    console.log(`${target}  ${(bytes.length / 1024).toFixed(1)} KB  ${doc.title}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`样例文档生成失败：${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
