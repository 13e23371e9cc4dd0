// The union chart of accounts (工会会计制度). First-level accounts and their standard detail accounts are
// those of the union accounting system's 收入支出表 (会费收入 … 其他收入, 职工活动支出 … 其他支出 with
// 上级补助收入—帮扶补助/送温暖补助/救灾补助 and 维权支出—法律援助费/困难职工帮扶费/送温暖费), numbered with
// four-digit first-level codes (1001 库存现金, 1002 银行存款) and two digits per lower level.
// Lines point at account ids, so giving the old accounts their new codes and names changes no posted line.

/** code, name, kind: seeded as standard accounts (OR IGNORE: a code the centre already uses keeps its own). */
const STANDARD: readonly [string, string, 'cash' | 'bank' | 'income' | 'expense'][] = [
  ['1001', '库存现金', 'cash'],
  ['1002', '银行存款', 'bank'],
  ['4001', '会费收入', 'income'],
  ['4002', '拨缴经费收入', 'income'],
  ['4003', '上级补助收入', 'income'],
  ['400301', '上级补助收入—回拨补助', 'income'],
  ['400302', '上级补助收入—专项补助', 'income'],
  ['400303', '上级补助收入—超收补助', 'income'],
  ['400304', '上级补助收入—帮扶补助', 'income'],
  ['400305', '上级补助收入—送温暖补助', 'income'],
  ['400306', '上级补助收入—救灾补助', 'income'],
  ['400307', '上级补助收入—其他补助', 'income'],
  ['4004', '政府补助收入', 'income'],
  ['4005', '行政补助收入', 'income'],
  ['4006', '事业收入', 'income'],
  ['4007', '投资收益', 'income'],
  ['4008', '其他收入', 'income'],
  ['400801', '其他收入—捐赠收入', 'income'],
  ['400802', '其他收入—利息收入', 'income'],
  ['5001', '职工活动支出', 'expense'],
  ['5002', '维权支出', 'expense'],
  ['500201', '维权支出—劳动关系协调费', 'expense'],
  ['500202', '维权支出—劳动保护费', 'expense'],
  ['500203', '维权支出—法律援助费', 'expense'],
  ['500204', '维权支出—困难职工帮扶费', 'expense'],
  ['500205', '维权支出—送温暖费', 'expense'],
  ['500206', '维权支出—其他维权支出', 'expense'],
  ['5003', '业务支出', 'expense'],
  ['500304', '业务支出—专项业务费', 'expense'],
  ['5004', '行政支出', 'expense'],
  ['5005', '资本性支出', 'expense'],
  ['5006', '补助下级支出', 'expense'],
  ['5007', '事业支出', 'expense'],
  ['5008', '其他支出', 'expense'],
];

/** The accounts of 0006/0007/0013: old code → new code and name (relief categories and ids stay). */
const RENUMBERED: readonly [string, string, string][] = [
  ['4101', '400801', '其他收入—捐赠收入'],
  ['4201', '4005', '行政补助收入'],
  ['4301', '400304', '上级补助收入—帮扶补助'],
  ['4401', '4002', '拨缴经费收入'],
  ['4501', '400802', '其他收入—利息收入'],
  ['5101', '50020401', '维权支出—困难职工帮扶费—生活困难救助'],
  ['5102', '50020402', '维权支出—困难职工帮扶费—意外灾害救助'],
  ['5103', '50020403', '维权支出—困难职工帮扶费—大病医疗救助'],
  ['5104', '50020404', '维权支出—困难职工帮扶费—助学救助'],
  ['5106', '50020405', '维权支出—困难职工帮扶费—其他救助'],
  ['5105', '500205', '维权支出—送温暖费'],
  ['5201', '50030401', '业务支出—专项业务费—物资采购'],
  ['5401', '500801', '其他支出—银行手续费'],
  ['5901', '500802', '其他支出—其他'],
];

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export default /* sql */ `
ALTER TABLE accounts ADD COLUMN parent_id INTEGER REFERENCES accounts(id);
-- Seeded from the chart: kept, never deleted; finance adds detail accounts under them.
ALTER TABLE accounts ADD COLUMN standard INTEGER NOT NULL DEFAULT 0;
-- The accounts the program books to by itself (donations, material purchases), found by purpose, not code.
ALTER TABLE accounts ADD COLUMN usage TEXT;
CREATE UNIQUE INDEX accounts_usage ON accounts (usage) WHERE usage IS NOT NULL;
CREATE INDEX accounts_parent ON accounts (parent_id);

UPDATE accounts SET usage = 'donation_income' WHERE code = '4101';
UPDATE accounts SET usage = 'material_purchase' WHERE code = '5201';

${RENUMBERED.map(
  ([from, to, name]) =>
    `UPDATE accounts SET code = ${q(to)}, name = ${q(name)}, standard = 1 WHERE code = ${q(from)} AND NOT EXISTS (SELECT 1 FROM accounts WHERE code = ${q(to)});`,
).join('\n')}

INSERT OR IGNORE INTO accounts (code, name, kind, relief_category, standard) VALUES
${STANDARD.map(([code, name, kind]) => `  (${q(code)}, ${q(name)}, ${q(kind)}, NULL, 1)`).join(',\n')};
UPDATE accounts SET standard = 1 WHERE code IN (${STANDARD.map(([c]) => q(c)).join(', ')});

-- Each account's parent: the longest other code of the same kind that starts its code.
UPDATE accounts SET parent_id = (
  SELECT p.id FROM accounts p
  WHERE p.kind = accounts.kind AND length(p.code) < length(accounts.code) AND substr(accounts.code, 1, length(p.code)) = p.code
  ORDER BY length(p.code) DESC LIMIT 1
);

-- An account with detail accounts under it is a heading: lines go to its detail accounts.
CREATE VIEW postable_accounts AS
  SELECT * FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM accounts c WHERE c.parent_id = a.id);

-- An account with lines, vouchers, donations or payments on it stays (the books refer to it).
CREATE TRIGGER accounts_no_delete_used BEFORE DELETE ON accounts
WHEN OLD.standard IS 1
  OR EXISTS (SELECT 1 FROM journal_lines WHERE account_id = OLD.id)
  OR EXISTS (SELECT 1 FROM voucher_lines WHERE account_id = OLD.id)
  OR EXISTS (SELECT 1 FROM accounts WHERE parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'account is in use'); END;
`;
