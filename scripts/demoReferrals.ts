// The demo's 职业介绍 and 法律援助: employers' vacancies (one closed, one lapsed), laid-off workers
// referred with outcomes, one referral and one legal-aid case opened from a petition, cases at each stage.
import { addDays } from '../shared/dates';
import type { Desk } from './demoDesk';

/** Two months back: vacancies come in and the first referrals are made and answered. */
export async function referralsEarly(desk: Desk): Promise<void> {
  const today = desk.today();
  const vacancy = (unit: string, jobType: string, headcount: number, validDays: number, requirements: string, contact: string) =>
    desk.as('staff', 'referrals.createVacancy', { unit, jobType, headcount, requirements, validUntil: addDays(today, validDays), contact });
  const warehouse = await vacancy('示范区顺达物流有限公司', '仓库保管员', 3, 150, '身体健康，能适应倒班，有叉车证优先', '人事部 刘敏 0851-86012345');
  const cleaner = await vacancy('示范区人民医院', '保洁员', 5, 150, '55 岁以下，工作认真负责', '后勤科 张科长 0851-86543210');
  const guard = await vacancy('示范区红星机械厂', '门卫', 1, 150, '退伍军人优先，能上夜班', '保卫科 0851-87654321');
  // A seasonal post: its valid-until date has passed by today.
  await vacancy('示范区绿城物业公司', '绿化工', 2, 20, '能吃苦耐劳', '物业部 0851-86660000');

  const seekers = (await desk.as('staff', 'referrals.seekers', { page: 1, pageSize: 20, laidOffOnly: true })).rows;
  const [a, b, c, d] = seekers;
  if (!a || !b || !c || !d) throw new Error('演示数据中下岗失业职工不足 4 人');
  const hired = await desk.as('staff', 'referrals.refer', { fileId: a.fileId, vacancyId: warehouse.id, note: '本人有多年仓库工作经验' });
  await desk.as('staff', 'referrals.setOutcome', { id: hired.id, outcome: 'hired', note: '已签订一年期劳动合同' });
  const notHired = await desk.as('staff', 'referrals.refer', { fileId: b.fileId, vacancyId: guard.id, note: '' });
  await desk.as('staff', 'referrals.setOutcome', { id: notHired.id, outcome: 'not_hired', note: '单位要求能长期上夜班，本人身体条件不适合' });
  await desk.as('staff', 'referrals.refer', { fileId: c.fileId, vacancyId: cleaner.id, note: '本人希望就近工作' });
  await desk.as('staff', 'referrals.refer', { fileId: d.fileId, vacancyId: cleaner.id, note: '' });
  await desk.as('director', 'referrals.closeVacancy', { id: guard.id, note: '单位已自行招满' });

  // Legal aid: a wage-arrears case referred and concluded.
  const arrears = await desk.as('staff', 'legalAid.intake', {
    fileId: b.fileId,
    applicantPhone: '',
    applicantType: 'worker',
    infringementType: 'wage_arrears',
    respondent: '示范区宏达建筑公司',
    facts: '在宏达建筑公司工地务工 8 个月，公司拖欠工资 2.4 万元至今未付。',
  });
  await desk.as('staff', 'legalAid.refer', { id: arrears.id, targetKind: 'legal_aid_office', targetName: '示范区法律援助中心', targetContact: '0851-12348', note: '已陪同本人前往申请' });
  await desk.as('staff', 'legalAid.setOutcome', { id: arrears.id, outcome: 'mediated', note: '经劳动监察部门调解，公司分两次结清全部欠薪。' });

  // A petition about a work injury, taken into legal aid and referred to a lawyer (still open).
  const injury = await desk.as('staff', 'petitions.register', {
    channel: 'visit',
    visitorName: '孙立新',
    visitorPhone: '13800002001',
    category: 'legal_aid',
    request: '在厂里受伤后单位不给认定工伤，请求帮助维权。',
  });
  await desk.as('staff', 'petitions.accept', { id: injury.id, note: '材料齐全，当场受理' });
  await desk.as('staff', 'petitions.start', { id: injury.id, note: '转法律援助登记' });
  const injuryCase = await desk.as('staff', 'legalAid.intake', {
    applicantName: '孙立新',
    applicantPhone: '13800002001',
    applicantType: 'worker',
    infringementType: 'work_injury',
    respondent: '示范区永固建材厂',
    facts: '在车间操作搅拌机时右手受伤，单位以未签劳动合同为由拒绝申报工伤认定。',
    petitionId: injury.id,
  });
  await desk.as('staff', 'legalAid.refer', { id: injuryCase.id, targetKind: 'lawyer', targetName: '贵州黔中律师事务所 王律师', targetContact: '13985000000', note: '工会法律服务律师团成员，免费代理' });
  await desk.as('staff', 'petitions.answer', { id: injury.id, answer: '已为您转介工会法律服务律师团王律师免费代理工伤认定，律师将电话联系您。' });
}

/** Today: a job-seeker's petition turned into a referral, a dismissal case just taken in. */
export async function referralsToday(desk: Desk): Promise<void> {
  const seekers = (await desk.as('staff', 'referrals.seekers', { page: 1, pageSize: 20, laidOffOnly: true })).rows;
  const e = seekers[4] ?? seekers[0]!;
  const petition = await desk.as('staff', 'petitions.register', {
    channel: 'visit',
    fileId: e.fileId,
    visitorPhone: e.phone,
    category: 'job_referral',
    request: '企业关闭后一直没有找到工作，希望中心介绍仓库或保洁类岗位。',
  });
  await desk.as('staff', 'petitions.accept', { id: petition.id, note: '已登记求职意向' });
  const warehouse = (await desk.as('staff', 'referrals.listVacancies', { page: 1, pageSize: 20, validOnly: true, q: '仓库' })).rows[0]!;
  await desk.as('staff', 'referrals.refer', { fileId: e.fileId, vacancyId: warehouse.id, note: '来访时当场推荐', petitionId: petition.id });

  await desk.as('staff', 'legalAid.intake', {
    applicantName: '冯雪梅',
    applicantPhone: '13800002002',
    applicantType: 'worker',
    infringementType: 'dismissal',
    respondent: '示范区华联超市',
    facts: '怀孕期间被单位以业绩不达标为由辞退，未给任何补偿。',
  });
}
