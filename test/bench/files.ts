import type { TestCore } from '../fixtures/core';
import { fakeFileInputs } from '../fixtures/files';
import { workerFileInput } from '../../shared/contract/files';
import { searchFiles, searchPlan, searchSql } from '../../electron/core/files/search';
import { loadFile, writeFile } from '../../electron/core/files/store';
import { measure, sameIds } from './measure';

const SEED = 20261122;
const TOP = '\u{10FFFF}';

function dedupe(rows: { id: number }[]): { id: number }[] {
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.id) && (seen.add(r.id), true)).slice(0, 10);
}

/** Bulk-loads `count` generated files straight through the core's writer, in large transactions. */
export function loadFiles(core: TestCore, count: number, userId: number): void {
  const inputs = fakeFileInputs(SEED, count);
  const now = new Date('2026-01-01T00:00:00Z').toISOString();
  const batch = core.app.db.transaction((slice: typeof inputs) => {
    for (const input of slice) writeFile(core.app.db, null, workerFileInput.parse(input), userId, now);
  });
  for (let i = 0; i < inputs.length; i += 10_000) {
    batch(inputs.slice(i, i + 10_000));
    process.stderr.write(`\r生成档案 generating files ${Math.min(i + 10_000, count)}/${count}`);
  }
  process.stderr.write('\n');
}

export async function benchFiles(core: TestCore, token: string, count: number): Promise<void> {
  const db = core.app.db;
  const pick = (id: number) => db.prepare('SELECT name, name_initials, id_number FROM worker_files WHERE id = ?').get(id) as { name: string; name_initials: string; id_number: string };
  const sample = pick(Math.min(12_345, count));
  const openId = Math.ceil(count / 2);
  // Each search beside its floor: the same SQL statement run raw (prepared once), returning the same rows.
  const searches: [string, string][] = [
    ['name', sample.name.slice(0, 2)],
    ['initials', sample.name_initials],
    ['idFragment', sample.id_number.slice(-6)],
  ];
  for (const [label, q] of searches) {
    const plan = searchPlan(q)!;
    const reversed = [...plan.term].reverse().join('');
    const floor = db.prepare(searchSql(plan.keys, plan.suffix));
    const params = { term: plan.term, termTop: plan.term + TOP, reversed, reversedTop: reversed + TOP, limit: 10 };
    const floorIds = () => dedupe(floor.all(params) as { id: number }[]);
    sameIds(label, searchFiles(db, q, 10).hits, floorIds());
    await measure(`files.search.${label}.core`, () => searchFiles(db, q, 10), () => floorIds());
    await measure(`files.search.${label}`, () => core.ok('files.search', { q, limit: 10 }, token), () => floorIds());
  }
  const hits = await core.ok('files.search', { q: sample.id_number.slice(-6), limit: 10 }, token);
  if (!hits.hits.some((h) => h.idNumber === sample.id_number)) throw new Error('ID fragment search missed its file');

  // Opening a file: the same five reads the file page needs, as raw statements.
  const raw = [
    db.prepare('SELECT * FROM worker_files WHERE id = ?'),
    db.prepare('SELECT * FROM household_members WHERE file_id = ? ORDER BY position'),
    db.prepare('SELECT e.*, s.display_name FROM file_exclusions e JOIN users s ON s.id = e.set_by WHERE e.file_id = ?'),
    db.prepare("SELECT * FROM audit_log WHERE entity_type = 'worker_file' AND entity_id = ? ORDER BY id"),
    db.prepare('SELECT display_name FROM users WHERE id = ?'),
  ];
  await measure('files.get.core', () => loadFile(db, openId, 78_000), () => raw.map((s, i) => (i === 4 ? s.get(1) : s.all(openId))));
  await measure(
    'files.get',
    () => core.ok('files.get', { id: openId }, token),
    () => raw.map((s, i) => (i === 4 ? s.get(1) : s.all(openId))),
  );

  const page = db.prepare(`SELECT f.*, EXISTS (SELECT 1 FROM file_exclusions e WHERE e.file_id = f.id AND e.cleared_at IS NULL) AS excluded FROM worker_files f ORDER BY f.updated_at DESC, f.id DESC LIMIT 20`);
  await measure(
    'files.list.firstPage',
    () => core.ok('files.list', { page: 1, pageSize: 20 }, token),
    () => (db.prepare('SELECT count(*) FROM worker_files').get(), page.all()),
    100,
  );
}
