/**
 * `npm run data:report`: a table of the regions for maintainers — verified (and dated) priorities,
 * the sources they rest on, the document stages they come from, the 2026 growth target, the
 * region's as-of date — and the counts behind issue 15's Done-when lines.
 */
import { planAsOf } from './as-of';
import { asOfByRegion, cities, meta, national, plans, regions, sourceById, sources } from './index';
import type { DocumentStage, PlanItem, RegionId, RegionPlan } from './schema';

const STAGE_CODE: Record<DocumentStage, string> = {
  recommendations: 'R',
  'work-report': 'W',
  outline: 'O',
  budget: 'B',
  'official-statement': 'S',
  'news-report': 'N',
};

/** A verified item counts when one of its medium or high sources carries a date. */
function isVerifiedDated(item: PlanItem): boolean {
  return item.unverified !== true && item.sources.some((id) => {
    const s = sourceById.get(id);
    return s !== undefined && s.reliability !== 'low' && s.date !== 'undated';
  });
}

interface Row {
  id: RegionId;
  cities: number;
  verified: number;
  unverified: number;
  sources: number;
  stages: string;
  target: string;
  outline: boolean;
  asOf: string;
}

function row(plan: RegionPlan): Row {
  const counted = plan.items.filter(isVerifiedDated);
  const strong = new Set(
    counted.flatMap((i) => i.sources).filter((id) => {
      const s = sourceById.get(id);
      return s !== undefined && s.reliability !== 'low' && s.date !== 'undated';
    }),
  );
  const stages = new Set(plan.items.filter((i) => i.unverified !== true).map((i) => STAGE_CODE[i.stage]));
  const target = plan.figures.find((f) => f.id === `${plan.region}-growth-target-2026` && f.unverified !== true);
  return {
    id: plan.region,
    cities: cities.filter((c) => c.region === plan.region).length,
    verified: counted.length,
    unverified: plan.items.filter((i) => i.unverified === true).length,
    sources: strong.size,
    stages: Object.values(STAGE_CODE).filter((c) => stages.has(c)).join(''),
    target: target?.value ?? '-',
    outline: plan.items.some((i) => i.stage === 'outline' && i.unverified !== true),
    asOf: asOfByRegion.get(plan.region) ?? planAsOf(plan, sourceById) ?? 'undated',
  };
}

const rows = regions.map((r) => row(plans.find((p) => p.region === r.id) ?? { region: r.id, items: [], figures: [] }));

const HEAD = ['region', 'cities', 'verified/unverified', 'sources', 'stages', '2026 target', 'outline', 'as of'];
const cells = (r: Row): string[] => [
  r.id, String(r.cities), `${r.verified}/${r.unverified}`, String(r.sources), r.stages, r.target, r.outline ? 'yes' : '-', r.asOf,
];
const table = [HEAD, ...rows.map(cells)];
const widths = HEAD.map((_, col) => Math.max(...table.map((line) => (line[col] ?? '').length)));
const format = (line: string[]): string => line.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ');

console.log(`Five-Year Plan Lens data ${meta.version}; newest source ${meta.asOf}\n`);
console.log(format(HEAD));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(format(cells(r)));
console.log(`\nverified = verified priorities with a dated medium/high source; sources = distinct such sources;`);
console.log(`stages of verified items: ${Object.entries(STAGE_CODE).map(([s, c]) => `${c} ${s}`).join(', ')}.`);

const covered = rows.filter((r) => r.verified >= 4 && r.sources >= 3);
const short = rows.filter((r) => !covered.includes(r)).map((r) => `${r.id} (${r.verified}/${r.sources})`);
console.log(`\nIssue 15, Done when:`);
console.log(`  ≥4 verified, dated priorities from ≥3 sources: ${covered.length} of ${rows.length} regions (target 33)`);
if (short.length > 0) console.log(`    short (priorities/sources): ${short.join(', ')}`);
console.log(`  verified 2026 growth target as a figure: ${rows.filter((r) => r.target !== '-').length} regions (target ≥28)`);
console.log(`  verified outline item: ${rows.filter((r) => r.outline).length} regions (target ≥25)`);
const sourceCounts = ['high', 'medium', 'low'].map((g) => `${sources.filter((s) => s.reliability === g).length} ${g}`).join(', ');
console.log(`\nNational priorities: ${national.length}. Sources: ${sources.length} (${sourceCounts}).`);
