import type { reportChannels } from '../../../shared/contract/reports';
import { localDate } from '../../../shared/dates';
import { incomeExpenditureWorkbook, petitionReportWorkbook, reliefReportWorkbook, yearSummaryWorkbook } from '../../export/reportsXlsx';
import { petitionReportDoc } from '../../pdf/documents/petitionReport';
import { yearSummaryDoc } from '../../pdf/documents/yearSummary';
import { petitionStats } from '../petitions/stats';
import { yearSummary } from './yearSummary';
import { incomeExpenditureDoc } from '../../pdf/documents/incomeExpenditure';
import { reliefReportDoc } from '../../pdf/documents/reliefReport';
import { renderPdf } from '../../pdf/render';
import { Deferred, type HandlerContext } from '../context';
import type { HandlerMap } from '../handler';
import { incomeExpenditure } from './incomeExpenditure';
import { reliefReport } from './relief';

const centreOf = (ctx: HandlerContext) => ({ centreName: ctx.settings.centreName, printedAt: ctx.now });
const prepared = (ctx: HandlerContext) => ({ preparedBy: ctx.user!.displayName });

// Figures are read in the handler's transaction; rendering runs after it (Deferred).
export const reportHandlers: HandlerMap<keyof typeof reportChannels> = {
  'reports.incomeExpenditure': ({ db }, { month }) => incomeExpenditure(db, month),
  'reports.incomeExpenditurePdf': (ctx, { month }) => {
    const doc = incomeExpenditureDoc(incomeExpenditure(ctx.db, month), centreOf(ctx), prepared(ctx));
    return new Deferred(async () => ({ fileName: `收入支出表-${month}.pdf`, base64: (await renderPdf(doc)).toString('base64') }));
  },
  'reports.incomeExpenditureXlsx': (ctx, { month }) => {
    const r = incomeExpenditure(ctx.db, month);
    return new Deferred(async () => ({ fileName: `收入支出表-${month}.xlsx`, base64: (await incomeExpenditureWorkbook(r, ctx.settings.centreName)).toString('base64') }));
  },
  'reports.relief': ({ db }, { from, to }) => reliefReport(db, from, to),
  'reports.reliefPdf': (ctx, { from, to }) => {
    const doc = reliefReportDoc(reliefReport(ctx.db, from, to), centreOf(ctx), prepared(ctx));
    return new Deferred(async () => ({ fileName: `救助发放统计-${from}至${to}.pdf`, base64: (await renderPdf(doc)).toString('base64') }));
  },
  'reports.reliefXlsx': (ctx, { from, to }) => {
    const r = reliefReport(ctx.db, from, to);
    return new Deferred(async () => ({ fileName: `救助发放统计-${from}至${to}.xlsx`, base64: (await reliefReportWorkbook(r, ctx.settings.centreName)).toString('base64') }));
  },
  'reports.petitionsPdf': (ctx, { year }) => {
    const doc = petitionReportDoc(petitionStats(ctx.db, year, localDate(ctx.now)), centreOf(ctx), prepared(ctx));
    return new Deferred(async () => ({ fileName: `来访统计-${year}.pdf`, base64: (await renderPdf(doc)).toString('base64') }));
  },
  'reports.petitionsXlsx': (ctx, { year }) => {
    const s = petitionStats(ctx.db, year, localDate(ctx.now));
    return new Deferred(async () => ({ fileName: `来访统计-${year}.xlsx`, base64: (await petitionReportWorkbook(s, ctx.settings.centreName)).toString('base64') }));
  },
  'reports.yearSummary': (ctx, { year }) => yearSummary(ctx.db, year, localDate(ctx.now)),
  'reports.yearSummaryPdf': (ctx, { year }) => {
    const doc = yearSummaryDoc(yearSummary(ctx.db, year, localDate(ctx.now)), centreOf(ctx), prepared(ctx));
    return new Deferred(async () => ({ fileName: `年度汇总-${year}.pdf`, base64: (await renderPdf(doc)).toString('base64') }));
  },
  'reports.yearSummaryXlsx': (ctx, { year }) => {
    const y = yearSummary(ctx.db, year, localDate(ctx.now));
    return new Deferred(async () => ({ fileName: `年度汇总-${year}.xlsx`, base64: (await yearSummaryWorkbook(y, ctx.settings.centreName)).toString('base64') }));
  },
};
