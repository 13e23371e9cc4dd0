// 困难职工档案表 — the completed file form a relief application requires (seed 000 §二:
// "填写完整的《困难职工档案表》… 认真填写并核对银行卡号及开户行名称"). Pure: data in, definition out.
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { HouseholdMemberView, WorkerFile } from '../../../shared/contract/files';
import { INCOME_TIER_LABELS, MARITAL_STATUS_LABELS, RELATION_LABELS } from '../../../shared/household';
import {
  ALLOWANCE_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  EXCLUSION_LABELS,
  FILE_DOCUMENTS,
  FILE_DOCUMENT_LABELS,
  FILE_STATUS_LABELS,
  fileNumber as sharedFileNumber,
  HARDSHIP_CAUSE_LABELS,
  MODEL_WORKER_LABELS,
} from '../../../shared/workerFile';
import {
  BLANK_DATE,
  FORM_LAYOUT,
  checklist,
  chineseDate,
  chineseIsoDate,
  groupDigits,
  headerBlock,
  kvTable,
  labelCell,
  money,
  printedAtText,
  sectionTitle,
  writeLine,
} from '../common';

export const WORKER_FILE_FORM_TITLE = '困难职工档案表';

export interface CentreInfo {
  centreName: string;
  unionName: string;
  centrePhone: string;
  printedAt: Date;
}

const SEX_LABELS = { male: '男', female: '女' } as const;
const DISABILITY_GRADE_LABELS = ['', '一级', '二级', '三级', '四级'] as const;
/** Width of every label column, so the sections line up. */
const LABEL_WIDTH = 56;
const yesNo = (v: boolean) => (v ? '是' : '否');
const orDash = (s: string) => (s.trim() === '' ? '—' : s);

/** A section title kept on the same page as its table. */
function section(title: Content, body: Content): Content {
  return { stack: [title, body], unbreakable: true };
}

/** "DA-000123": the one numbering the screen shows too. */
export const fileNumber = sharedFileNumber;

function disabilityText(grade: number | null): string {
  if (grade === null) return '无';
  return DISABILITY_GRADE_LABELS[grade] ?? `${grade}级`;
}

/** Per-capita income as a whole percentage of the line (floored), for the clerk's orientation only. */
function percentOfLine(perCapitaFen: number, lineFen: number): number | null {
  if (lineFen <= 0) return null;
  return Math.floor((perCapitaFen * 100) / lineFen);
}

function memberRow(m: Pick<HouseholdMemberView, 'name' | 'relation' | 'idNumber' | 'monthlyIncomeFen' | 'student' | 'disabled' | 'seriouslyIll'>): TableCell[] {
  return [
    { text: m.name },
    { text: RELATION_LABELS[m.relation], alignment: 'center' },
    { text: orDash(m.idNumber), alignment: 'center' },
    { text: money(m.monthlyIncomeFen), alignment: 'right' },
    { text: yesNo(m.student), alignment: 'center' },
    { text: yesNo(m.disabled), alignment: 'center' },
    { text: yesNo(m.seriouslyIll), alignment: 'center' },
  ];
}

function householdTable(file: WorkerFile): Content {
  const header: TableCell[] = ['姓名', '与本人关系', '身份证号', '月收入', '在学', '残疾', '重病'].map((t) => labelCell(t));
  const self: TableCell[] = [
    { text: file.name },
    { text: '本人', alignment: 'center' },
    { text: file.idNumber, alignment: 'center' },
    { text: money(file.ownMonthlyIncomeFen), alignment: 'right' },
    { text: '—', alignment: 'center' },
    { text: file.disabilityGrade === null ? '否' : disabilityText(file.disabilityGrade), alignment: 'center' },
    { text: '—', alignment: 'center' },
  ];
  const rows: TableCell[][] = [header, self, ...file.members.map(memberRow)];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [58, 74, '*', 66, 26, 26, 26], body: rows },
    layout: FORM_LAYOUT,
    fontSize: 9,
  };
}

function signatureBlock(file: WorkerFile, centre: CentreInfo): ContentTable {
  const cell = (title: string, middle: Content, bottom: string): TableCell => ({
    stack: [
      { text: title },
      { stack: [middle], margin: [0, 4, 0, 0] },
      { text: bottom, alignment: 'right', margin: [0, 8, 0, 0] },
    ],
  });
  const signLine = (label: string, top = 14): Content => ({ columns: [{ text: `${label}：`, width: 'auto' }, writeLine(90)], margin: [0, top, 0, 0] });
  return {
    table: {
      widths: ['*', '*', '*'],
      dontBreakRows: true,
      body: [
        [
          {
            text: '本人承诺：以上填写内容及所附材料真实、准确，银行卡号及开户行已核对无误；如有虚假，愿承担相应责任。',
            colSpan: 3,
          },
          { text: '' },
          { text: '' },
        ],
        [
          cell('本人意见', signLine('本人签字', 18), BLANK_DATE),
          cell('基层工会意见（盖章）', { text: file.baseUnion ? `（${file.baseUnion}）` : ' ', fontSize: 8.5, color: '#444444', margin: [0, 0, 0, 14] }, BLANK_DATE),
          cell('帮扶中心', { stack: [signLine('经办人', 4), signLine('审　核', 4)] }, `填表日期：${chineseDate(centre.printedAt)}`),
        ],
      ],
    },
    layout: FORM_LAYOUT,
    unbreakable: true,
  };
}

export function workerFileFormDoc(file: WorkerFile, centre: CentreInfo): TDocumentDefinitions {
  const number = fileNumber(file.id);
  const pct = percentOfLine(file.perCapitaIncomeFen, file.minLivingLineFen);
  const statusText =
    file.status === 'exited' && file.exitedAt
      ? `${FILE_STATUS_LABELS[file.status]}（${chineseIsoDate(file.exitedAt)}）`
      : FILE_STATUS_LABELS[file.status];

  const basics = kvTable(
    [
      [
        { label: '姓名', value: file.name, style: { bold: true } },
        { label: '性别', value: SEX_LABELS[file.sex] },
        { label: '出生日期', value: chineseIsoDate(file.birthDate) },
      ],
      [
        { label: '身份证号', value: file.idNumber, span: 2, style: { bold: true } },
        { label: '联系电话', value: orDash(file.phone) },
      ],
      [{ label: '家庭住址', value: orDash(file.address), span: 3 }],
      [
        { label: '工作单位', value: file.workUnit, span: 2 },
        { label: '就业状况', value: EMPLOYMENT_STATUS_LABELS[file.employmentStatus] },
      ],
      [
        { label: '基层工会', value: orDash(file.baseUnion), span: 2 },
        { label: '劳模', value: MODEL_WORKER_LABELS[file.modelWorkerLevel] },
      ],
      [
        { label: '低保状况', value: ALLOWANCE_LABELS[file.allowanceStatus] },
        { label: '医疗保险', value: file.medicalInsured ? '已参加' : '未参加' },
        { label: '残疾等级', value: disabilityText(file.disabilityGrade) },
      ],
      [
        { label: '婚姻状况', value: MARITAL_STATUS_LABELS[file.maritalStatus] },
        { label: '单亲家庭', value: yesNo(file.singleParent) },
        { label: '本人月收入', value: money(file.ownMonthlyIncomeFen) },
      ],
    ],
    { pairs: 3, labelWidth: LABEL_WIDTH },
  );

  const income = kvTable(
    [
      [
        { label: '家庭月收入', value: money(file.householdIncomeFen) },
        { label: '家庭人口', value: `${file.householdSize} 人` },
        { label: '人均月收入', value: money(file.perCapitaIncomeFen), style: { bold: true } },
      ],
      [{ label: '计算口径', value: file.householdRule, span: 3 }],
      [
        { label: '低保标准', value: `${money(file.minLivingLineFen)} / 人·月` },
        {
          label: '收入档次',
          value: {
            text: [
              { text: INCOME_TIER_LABELS[file.tier], bold: true },
              pct === null ? '' : `　人均月收入为低保标准的 ${pct}%`,
            ],
          },
          span: 2,
        },
      ],
    ],
    { pairs: 3, labelWidth: LABEL_WIDTH },
  );

  const activeExclusions = file.exclusions.filter((e) => e.clearedAt === null);
  const hardship = kvTable(
    [
      [{ label: '致困原因', value: file.hardshipCauses.map((c) => HARDSHIP_CAUSE_LABELS[c]).join('、') || '—' }],
      [{ label: '困难情况', value: file.hardshipDescription.trim() || ' ' }],
      ...(activeExclusions.length > 0
        ? [[{ label: '不予救助', value: activeExclusions.map((e) => `${EXCLUSION_LABELS[e.kind]}：${e.reason}`).join('；'), style: { color: '#b00000' } }]]
        : []),
    ],
    { pairs: 1, labelWidth: LABEL_WIDTH, heights: ['auto', 36] },
  );

  const bank = kvTable(
    [
      [
        { label: '开户银行', value: orDash(file.bankName) },
        { label: '银行卡号', value: file.bankCard ? groupDigits(file.bankCard) : '—', style: { bold: true, fontSize: 11 } },
      ],
    ],
    { pairs: 2, labelWidth: LABEL_WIDTH },
  );

  const documents = checklist(
    FILE_DOCUMENTS.map((d) => ({ label: FILE_DOCUMENT_LABELS[d], checked: file.documents.includes(d) })),
    4,
  );

  return {
    defaultStyle: { fontSize: 9.5, lineHeight: 1.05 },
    pageMargins: [50, 28, 50, 40],
    info: { title: `${WORKER_FILE_FORM_TITLE} ${number} ${file.name}`, subject: WORKER_FILE_FORM_TITLE, author: centre.centreName },
    pageSize: 'A4',
    content: [
      headerBlock({
        centreName: centre.centreName,
        title: WORKER_FILE_FORM_TITLE,
        numberLeft: `建档日期：${chineseIsoDate(file.createdAt)}　档案状态：${statusText}`,
        numberRight: `档案编号：${number}`,
      }),
      section(sectionTitle('一、基本情况'), basics),
      section(sectionTitle('二、家庭成员'), householdTable(file)),
      section(sectionTitle('三、家庭收入'), income),
      section(sectionTitle('四、致困原因及困难情况'), hardship),
      section(sectionTitle('五、救助资金发放账户', '请核对银行卡号及开户行名称，与本人银行卡一致后签字'), bank),
      section(sectionTitle(`六、在档材料（已交 ${file.documents.length} 项）`), { ...documents, margin: [2, 0, 0, 0] }),
      { ...signatureBlock(file, centre), margin: [0, 8, 0, 0] },
    ],
    footer: {
      text: `${centre.centreName}　电话：${centre.centrePhone}　打印时间：${printedAtText(centre.printedAt)}`,
    },
  };
}
