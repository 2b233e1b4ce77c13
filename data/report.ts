/**
 * `npm run data:report`: a table of the regions for maintainers — cities, priorities (verified /
 * unverified), sources cited, figures and the newest source date — with totals.
 */
import { cities, meta, national, plans, regions, sources } from './index';
import type { RegionPlan } from './schema';

interface Row {
  id: string;
  name: string;
  cities: number;
  verified: number;
  unverified: number;
  sources: number;
  figures: number;
  newest: string;
}

const sourceDate = new Map(sources.map((s) => [s.id, s.date]));

function citedBy(plan: RegionPlan | undefined): Set<string> {
  return new Set([...(plan?.items ?? []), ...(plan?.figures ?? [])].flatMap((x) => x.sources));
}

/** The newest ISO date among the sources, or "undated" if none has a date. */
function newestDate(ids: Iterable<string>): string {
  const dates = [...ids].map((id) => sourceDate.get(id) ?? 'undated').filter((d) => d !== 'undated');
  return dates.sort().at(-1) ?? 'undated';
}

const rows: Row[] = regions.map((region) => {
  const plan = plans.find((p) => p.region === region.id);
  const cited = citedBy(plan);
  const items = plan?.items ?? [];
  return {
    id: region.id,
    name: region.nameEn,
    cities: cities.filter((c) => c.region === region.id).length,
    verified: items.filter((i) => i.unverified !== true).length,
    unverified: items.filter((i) => i.unverified === true).length,
    sources: cited.size,
    figures: plan?.figures.length ?? 0,
    newest: newestDate(cited),
  };
});

const allCited = new Set(plans.flatMap((p) => [...citedBy(p)]));
const total: Row = {
  id: 'total',
  name: `${regions.length} regions`,
  cities: rows.reduce((n, r) => n + r.cities, 0),
  verified: rows.reduce((n, r) => n + r.verified, 0),
  unverified: rows.reduce((n, r) => n + r.unverified, 0),
  sources: allCited.size,
  figures: rows.reduce((n, r) => n + r.figures, 0),
  newest: newestDate(allCited),
};

const HEAD = ['region', 'name', 'cities', 'priorities (verified/unverified)', 'sources', 'figures', 'newest source'];
const cells = (r: Row): string[] => [
  r.id, r.name, String(r.cities), `${r.verified}/${r.unverified}`, String(r.sources), String(r.figures), r.newest,
];
const table = [HEAD, ...rows.map(cells), cells(total)];
const widths = HEAD.map((_, col) => Math.max(...table.map((line) => (line[col] ?? '').length)));
// Text columns left-aligned, counts right-aligned.
const format = (line: string[]): string =>
  line
    .map((cell, col) => (col < 2 ? cell.padEnd(widths[col] ?? 0) : col === 6 ? cell : cell.padStart(widths[col] ?? 0)))
    .join('  ');
const rule = widths.map((w) => '-'.repeat(w)).join('  ');

console.log(`Five-Year Plan Lens data ${meta.version}, as of ${meta.asOf}\n`);
console.log(format(HEAD));
console.log(rule);
for (const row of rows) console.log(format(cells(row)));
console.log(rule);
console.log(format(cells(total)));
const short = rows.filter((r) => r.verified < 3).map((r) => `${r.id} (${r.verified})`);
console.log(`\nNational priorities: ${national.length}. Sources in data/sources.json: ${sources.length}.`);
console.log(`Regions with fewer than 3 verified priorities: ${short.length > 0 ? short.join(', ') : 'none'}.`);
