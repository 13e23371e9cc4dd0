import type { reportChannels } from '../../../shared/contract/reports';
import { localDate } from '../../../shared/dates';
import { warmJobs } from '../../jobs/pool';
import { yearSummary } from './yearSummary';
import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handler';
import { incomeExpenditure } from './incomeExpenditure';
import { reliefReport } from './relief';
import { offThreadFile } from '../offThreadFile';

const centreOf = (ctx: HandlerContext) => ({ centreName: ctx.settings.centreName, printedAt: ctx.now });
const prepared = (ctx: HandlerContext) => ({ preparedBy: ctx.user!.displayName });

// Figures are read and the files written on the jobs worker (electron/jobs/exports.ts), after the handler's transaction.
export const reportHandlers: HandlerMap<keyof typeof reportChannels> = {
  'reports.incomeExpenditure': ({ db }, { month }) => {
    warmJobs(); // this page's print and export run on the jobs worker: have it loaded by then
    return incomeExpenditure(db, month);
  },
  'reports.incomeExpenditurePdf': (ctx, { month, jobId }) => {
    const args = { month, centre: centreOf(ctx), ...prepared(ctx) };
    return offThreadFile(ctx, jobId, `收入支出表-${month}.pdf`, 'incomeExpenditurePdf', args);
  },
  'reports.incomeExpenditureXlsx': (ctx, { month, jobId }) => {
    const args = { month, centreName: ctx.settings.centreName };
    return offThreadFile(ctx, jobId, `收入支出表-${month}.xlsx`, 'incomeExpenditureXlsx', args);
  },
  'reports.relief': ({ db }, { from, to }) => {
    warmJobs(); // this page's print and export run on the jobs worker: have it loaded by then
    return reliefReport(db, from, to);
  },
  'reports.reliefPdf': (ctx, { from, to, jobId }) => {
    const args = { from, to, centre: centreOf(ctx), ...prepared(ctx) };
    return offThreadFile(ctx, jobId, `救助发放统计-${from}至${to}.pdf`, 'reliefReportPdf', args);
  },
  'reports.reliefXlsx': (ctx, { from, to, jobId }) => {
    const args = { from, to, centreName: ctx.settings.centreName };
    return offThreadFile(ctx, jobId, `救助发放统计-${from}至${to}.xlsx`, 'reliefReportXlsx', args);
  },
  'reports.petitionsPdf': (ctx, { year, jobId }) => {
    const args = { year, today: localDate(ctx.now), centre: centreOf(ctx), ...prepared(ctx) };
    return offThreadFile(ctx, jobId, `来访统计-${year}.pdf`, 'petitionReportPdf', args);
  },
  'reports.petitionsXlsx': (ctx, { year, jobId }) => {
    const args = { year, today: localDate(ctx.now), centreName: ctx.settings.centreName };
    return offThreadFile(ctx, jobId, `来访统计-${year}.xlsx`, 'petitionReportXlsx', args);
  },
  'reports.yearSummary': (ctx, { year }) => {
    warmJobs(); // this page's print and export run on the jobs worker: have it loaded by then
    return yearSummary(ctx.db, year, localDate(ctx.now));
  },
  'reports.yearSummaryPdf': (ctx, { year, jobId }) => {
    const args = { year, today: localDate(ctx.now), centre: centreOf(ctx), ...prepared(ctx) };
    return offThreadFile(ctx, jobId, `年度汇总-${year}.pdf`, 'yearSummaryPdf', args);
  },
  'reports.yearSummaryXlsx': (ctx, { year, jobId }) => {
    const args = { year, today: localDate(ctx.now), centreName: ctx.settings.centreName };
    return offThreadFile(ctx, jobId, `年度汇总-${year}.xlsx`, 'yearSummaryXlsx', args);
  },
};
