// Campaigns (issue 12): building a list from every file, and a 2,000-person 签领表, each printed with
// its limit from the issue (≤ 1 s, ≤ 5 s) and, for the list, beside the raw read of the same files.
import { candidatesPage } from '../../electron/core/campaigns/evaluate';
import { getCampaignRow, groupsOf } from '../../electron/core/campaigns/store';
import { settingsOn } from '../../electron/core/settings/store';
import { sampleSignSheet } from '../../electron/pdf/campaignSamples';
import { campaignSignSheetDoc } from '../../electron/pdf/documents/campaignSignSheet';
import { renderPdf } from '../../electron/pdf/render';
import { SAMPLE_CENTRE } from '../../electron/pdf/samples';
import { campaignInput } from '../fixtures/campaigns';
import type { TestCore } from '../fixtures/core';
import { measure, type Measure } from './measure';

function verdict(m: Measure, limitMs: number): void {
  console.log(`bench ${m.name} limit ${limitMs} ms ${m.medianMs <= limitMs ? 'within' : 'OVER THE LIMIT'}`);
}

/** Every file evaluated against a 送温暖 campaign's groups: the candidates page and the build itself. */
export async function benchCampaignBuild(core: TestCore, staff: string, fileCount: number): Promise<void> {
  const db = core.app.db;
  const campaign = await core.ok('campaigns.create', campaignInput({ budgetFen: 100_000_000_00 }), staff);
  const row = getCampaignRow(db, campaign.id);
  const groups = groupsOf(db, campaign.id);
  const line = settingsOn(db, '2027-01-10').minLivingLineFen;
  // The floor reads the same columns of the same files, with no rules applied.
  const raw = db.prepare(
    `SELECT id, name, id_number, work_unit, employment_status, model_worker_level, per_capita_income_fen, hardship_causes, single_parent, disability_grade, risk_flag, status
     FROM worker_files ORDER BY id`,
  );
  const floor = () => raw.all();
  const candidates = await core.ok('campaigns.candidates', { id: campaign.id, page: 1, pageSize: 20, show: 'qualifying', workUnit: '' }, staff);
  console.log(`bench campaigns: ${fileCount} files, ${candidates.qualifyingCount} qualify, ${candidates.excludedCount} left out with a reason`);
  // The evaluation the candidates page and the build share (counts and one page), without dispatch.
  const page = () => candidatesPage(db, row, groups, line, { workUnit: '', show: 'qualifying', page: 1, pageSize: 20 });
  verdict(await measure('campaigns.candidates.core', page, floor, 5, 1), 1000);
  verdict(await measure('campaigns.candidates', () => core.ok('campaigns.candidates', { id: campaign.id, page: 1, pageSize: 20, show: 'qualifying', workUnit: '' }, staff), floor, 5, 1), 1000);
  // Building writes the list, so it can run once only: timed once, beside one raw read.
  const start = process.hrtime.bigint();
  const built = await core.ok('campaigns.build', { id: campaign.id, workUnit: '' }, staff);
  const buildMs = Number(process.hrtime.bigint() - start) / 1e6;
  const floorStart = process.hrtime.bigint();
  floor();
  const floorMs = Number(process.hrtime.bigint() - floorStart) / 1e6;
  const once: Measure = { name: 'campaigns.build', medianMs: buildMs, floorMs, ratio: buildMs / floorMs };
  console.log(`bench campaigns.build ${buildMs.toFixed(3)} ms floor ${floorMs.toFixed(3)} ms ratio ${once.ratio.toFixed(2)} (one run, ${built.added} listed)`);
  verdict(once, 1000);
}

/** The sheet for 2,000 people (400 per unit, five units), rendered to PDF bytes. */
export async function benchSignSheet(): Promise<void> {
  const data = sampleSignSheet(2000);
  const definition = () => campaignSignSheetDoc(data, SAMPLE_CENTRE);
  verdict(await measure('campaigns.signSheet.2000', () => renderPdf(definition()), definition, 3, 1), 5000);
}
