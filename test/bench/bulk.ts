// Millions of rows for the list and search benchmarks, written by a few INSERT … SELECT statements over a
// counter in one transaction each: no per-row JavaScript, so 1M files take seconds, not the hours channels would.
import type { Db } from '../../electron/db/open';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
// Given names as pairs (秀兰, 建国, …), one in five a single character.
const GIVEN = '秀兰建国志强丽娟海燕桂英玉梅德明春华振华红霞小平金凤文博晓东淑珍永刚国庆丽华宏伟建华美玲国强';
const CITIES = ['郑州', '洛阳', '开封', '新乡', '安阳', '焦作', '许昌', '南阳', '商丘', '信阳', '周口', '平顶山'];
const TRADES = ['纺织机械', '拖拉机', '轴承', '化肥', '水泥', '棉纺', '钢铁', '煤矿机械', '玻璃', '造纸', '印染', '电缆', '卷烟', '面粉', '矿山机器'];
const KINDS = ['厂', '有限公司', '集团', '股份公司'];
const CAUSES = ['illness', 'disaster', 'schooling', 'disability', 'single_parent', 'unemployment', 'low_income', 'other'];
const EMPLOYMENT = ['in_post', 'laid_off', 'retired', 'migrant', 'dispatched'];

/** `substr(s,n,1) || … || substr(s,1,1)`: s reversed, for the stored suffix-search columns. */
const reversed = (s: string, length: number) => Array.from({ length }, (_, i) => `substr(${s}, ${length - i}, 1)`).join(' || ');

function counter(count: number): string {
  return `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})`;
}

const MONTH_MS = 30 * 86_400_000;
const YEAR_MS = 365 * 86_400_000;

/**
 * `count` worker files created evenly over the ten years up to `until` (ids in creation order), most changed
 * last within a month of 建档, one in ten within the last year, the exited when they exited within a year of
 * 建档 (never before 建档 nor after `until`), spread over
 * 12 × 15 × 4 × 9 units, incomes from 0 to ¥4,000 a head, one file in 13 exited, one or two causes each.
 * The full-text triggers run for every row, as they would for files entered one by one.
 */
export function bulkFiles(db: Db, count: number, until: Date, userId: number): void {
  const span = 10 * 365.25 * 86_400_000;
  const start = until.getTime() - span;
  db.exec('CREATE TEMP TABLE IF NOT EXISTS bench_units (k INTEGER PRIMARY KEY, unit TEXT NOT NULL)');
  db.exec('DELETE FROM bench_units');
  const unit = db.prepare('INSERT INTO bench_units (k, unit) VALUES (?, ?)');
  let k = 0;
  for (const city of CITIES) for (const trade of TRADES) for (const kind of KINDS) for (let no = 1; no <= 9; no++) unit.run(k++, `${city}第${'一二三四五六七八九'[no - 1]}${trade}${kind}`);
  const units = k;
  const surnames = [...SURNAMES].length;
  const given = [...GIVEN].length;
  withoutIndexes(db, 'worker_files', () => {
    db.exec(`${counter(count)}, g AS (
      SELECT i,
        substr('${SURNAMES}', (i * 7) % ${surnames} + 1, 1)
          || CASE WHEN i % 5 = 0 THEN substr('${GIVEN}', (i * 31) % ${given} + 1, 1) ELSE substr('${GIVEN}', 2 * ((i * 13) % ${given / 2}) + 1, 2) END AS name,
        '410' || printf('%015d', i) AS id_number,
        '13' || printf('%09d', (i * 7919) % 1000000000) AS phone,
        (i * 48271) % 400000 AS income,
        strftime('%Y-%m-%dT%H:%M:%fZ', (${start} + i * ${span / count}) / 1000.0, 'unixepoch') AS created,
        ${start} + i * ${span / count} AS created_ms
      FROM n),
    t AS (
      SELECT g.*,
        -- an exited file last changed when it exited, within a year of 建档; of the others, nine in ten last changed
        -- within a month of 建档 and one in ten (reviewed, say) within the last year, chosen mod 97 so that the
        -- reviewed are not tied to the cause (mod 8)
        strftime('%Y-%m-%dT%H:%M:%fZ', CASE WHEN i % 13 = 0 THEN min(${until.getTime()}, created_ms + (i * 104729) % ${YEAR_MS})
          WHEN (i * 40503) % 97 < 10 THEN max(created_ms, ${until.getTime()} - (i * 7919) % ${YEAR_MS})
          ELSE min(${until.getTime()}, created_ms + (i * 104729) % ${MONTH_MS}) END / 1000.0, 'unixepoch') AS updated
      FROM g)
    INSERT INTO worker_files (id, name, name_pinyin, name_initials, id_number, id_number_reversed, sex, birth_date, phone, phone_reversed,
      work_unit, employment_status, model_worker_level, allowance_status, medical_insured, marital_status, single_parent,
      own_income_fen, household_income_fen, household_size, household_rule, per_capita_income_fen, hardship_causes,
      status, exit_reason, exited_at, created_at, created_by, updated_at, updated_by)
    SELECT i, name, 'py' || printf('%07d', (i * 2654435761) % 10000000), 'py' || printf('%02d', i % 97), id_number, ${reversed('id_number', 18)},
      CASE WHEN i % 2 THEN 'male' ELSE 'female' END, printf('19%02d-%02d-%02d', 50 + i % 50, 1 + i % 12, 1 + i % 28),
      phone, ${reversed('phone', 11)},
      (SELECT unit FROM bench_units WHERE k = (i * 17) % ${units}),
      ('${JSON.stringify(EMPLOYMENT)}' ->> (i % ${EMPLOYMENT.length})), CASE WHEN i % 97 = 0 THEN 'city' ELSE 'none' END, 'none', 1, 'married', 0,
      income, income * 3, 3, 'standard', income,
      json_array('${JSON.stringify(CAUSES)}' ->> (i % ${CAUSES.length})),
      CASE WHEN i % 13 = 0 THEN 'exited' ELSE 'active' END,
      CASE WHEN i % 13 = 0 THEN '脱困' END, CASE WHEN i % 13 = 0 THEN updated END,
      created, ${userId}, updated, ${userId}
    FROM t`);
    db.exec(`INSERT INTO worker_file_causes (file_id, cause) SELECT id, hardship_causes ->> 0 FROM worker_files ORDER BY 2, 1`);
  }, () => reindexFileSearch(db));
  db.exec('DROP TABLE bench_units');
}

interface SchemaRow {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

/**
 * Runs `fill` in one transaction with the table's indexes and triggers dropped, then builds the indexes by
 * sorting (far faster than millions of B-tree inserts each) and runs `reindex` for what the triggers
 * would have written, before putting the triggers back.
 */
function withoutIndexes(db: Db, table: string, fill: () => void, reindex: () => void = () => {}): void {
  const schema = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .all(table) as SchemaRow[];
  db.transaction(() => {
    for (const r of schema) db.exec(`DROP ${r.type.toUpperCase()} ${r.name}`);
    fill();
    for (const r of schema) if (r.type === 'index') db.exec(r.sql);
    reindex();
    for (const r of schema) if (r.type === 'trigger') db.exec(r.sql);
  })();
}

/** Every 2-gram of `column` as a token, as migration 0016's triggers write them, up to the longest value present. */
function bigrams(db: Db, table: string, column: string): string {
  const { n } = db.prepare(`SELECT max(length(${column})) AS n FROM ${table}`).get() as { n: number };
  return Array.from({ length: n }, (_, i) => `substr(${column}, ${i + 1}, 2)`).join(` || ' ' || `);
}

/** What the file triggers keep, filled in bulk: trigram by 'rebuild', 2-grams by one INSERT … SELECT, counts by status. */
function reindexFileSearch(db: Db): void {
  db.exec('UPDATE worker_file_counts SET n = (SELECT count(*) FROM worker_files f WHERE f.status = worker_file_counts.status)');
  db.exec(`INSERT INTO worker_files_tri (worker_files_tri) VALUES ('rebuild')`);
  db.exec(`INSERT INTO worker_files_bi (rowid, name, work_unit)
    SELECT id, ${bigrams(db, 'worker_files', 'name')}, ${bigrams(db, 'worker_files', 'work_unit')} FROM worker_files`);
}

const CHANNELS = ['files.get', 'files.list', 'files.update', 'petitions.list', 'relief.approve', 'ledger.donate', 'auth.login', 'audit.list'];

/** `count` audit rows, one a minute up to `until`, seven users, eight channels, one in 50 refused. Hashes are left empty. */
export function bulkAudit(db: Db, count: number, until: Date): void {
  const start = until.getTime() - count * 60_000;
  withoutIndexes(db, 'audit_log', () =>
    db.exec(`${counter(count)}
    INSERT INTO audit_log (at, user_id, username, channel, outcome, code, summary, entity_type, entity_id, prev_hash, hash)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', (${start} + i * 60000) / 1000.0, 'unixepoch'), 1 + i % 7, 'user' || (i % 7),
      ('${JSON.stringify(CHANNELS)}' ->> (i % ${CHANNELS.length})),
      CASE WHEN i % 50 = 0 THEN 'refused' ELSE 'ok' END, CASE WHEN i % 50 = 0 THEN 'FORBIDDEN' END,
      '查看档案 ' || i, 'worker_file', i % 100000, '', ''
    FROM n`),
  );
}
