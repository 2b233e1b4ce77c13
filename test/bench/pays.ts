/**
 * `npm run bench:pays` (also the last part of `npm run bench`): what a page pays for the
 * extension, against the performance targets, on the generated typical, long and huge pages.
 * - Per page, in pairs of fresh tabs in one browser: the main thread's extra task time with the
 *   extension over the same page where it does not run (page-pays.ts), the same as CPU time, our
 *   own time and time to ready (the `fyp:ready` mark), medians.
 * - The *floor + wrapping* reference with one forced layout (floor.ts), for the long page's target.
 * - Three traced loads with and three without the extension per page: the extra time broken down
 *   by kind of work (script compile and run, style, layout, paint, GC; medians per kind), so a
 *   cut can be aimed at where the time goes.
 * - The content script's size.
 * Each number is printed with its target and whether it was met. FYP_PAGES=typical,huge picks
 * pages; FYP_EXTENSION_DIR measures another build (e.g. an earlier one built in a git worktree);
 * FYP_PAIRS sets the pairs of loads per page; FYP_BREAKDOWN_NAMES=1 prints the events counted as "other" in each traced load.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { launchWithExtension, startFixtureServer, UNLISTED_HOST } from '../e2e/harness';
import { EXTENSION_DIR, ROOT } from '../e2e/paths';
import { floorPattern, measureWrapFloor } from './floor';
import { generateArticle } from './generate';
import { median } from './measure';
import { loadPair, traceBreakdown, WORK_KINDS, type Load } from './page-pays';

const PAGES = [
  { name: 'typical', words: 1_500, pairs: 9, windowMs: 2_500 },
  { name: 'long', words: 50_000, pairs: 5, windowMs: 4_000 },
  { name: 'huge', words: 300_000, pairs: 3, windowMs: 6_000 },
] as const;
const TRACED = 3;
const BUNDLE_LIMIT_KB = 150;

/** FYP_PAIRS overrides every page's number of pairs (more pairs, steadier medians). */
const pairs = (preset: number): number => Number(process.env.FYP_PAIRS ?? preset);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function main(): Promise<void> {
  if (process.env.FYP_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const extensionDir = process.env.FYP_EXTENSION_DIR ?? EXTENSION_DIR;
  const wanted = process.env.FYP_PAGES?.split(',');
  const { name: worldName } = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, 'utf8')) as { name: string };
  const server = await startFixtureServer();
  const browser = await launchWithExtension({ extensionDir });
  const pattern = floorPattern();
  const lines: string[] = [];
  try {
    for (const page of PAGES.filter((p) => !wanted || wanted.includes(p.name))) {
      const path = `/bench/${page.name}.html`;
      server.serve(path, generateArticle(page.words, `Benchmark: ${page.name} page`));
      const withUrl = server.url('news.cgtn.com', path);
      const withoutUrl = server.url(UNLISTED_HOST, path);
      const loads: Load[] = [];
      for (let i = 0; i < pairs(page.pairs); i++) loads.push(await loadPair(browser, server, path, page.windowMs, i % 2 === 1));
      const wraps: number[] = [];
      for (let i = 0; i < 3; i++) wraps.push((await measureWrapFloor(browser, withoutUrl, pattern, { forceLayout: true })).ms);
      type Breakdown = Awaited<ReturnType<typeof traceBreakdown>>;
      const kinds = { with: [] as Breakdown[], without: [] as Breakdown[] };
      for (let i = 0; i < TRACED; i++) {
        kinds.with.push(await traceBreakdown(browser, withUrl, page.windowMs, { id: browser.extensionId, worldName }));
        kinds.without.push(await traceBreakdown(browser, withoutUrl, page.windowMs));
      }
      const extra = median(loads.map((l) => l.extraMs));
      const wrap = median(wraps);
      const ready = median(loads.map((l) => l.readyMs));
      lines.push(`\n## ${page.name} page (${page.words.toLocaleString('en')} words), ${pairs(page.pairs)} pairs of loads, medians`);
      lines.push(`extra main-thread time (page pays): ${extra.toFixed(1)} ms (single loads ${loads.map((l) => l.extraMs.toFixed(0)).join(' ')})`);
      lines.push(`extra main-thread CPU time: ${median(loads.map((l) => l.extraCpuMs)).toFixed(1)} ms (single loads ${loads.map((l) => l.extraCpuMs.toFixed(0)).join(' ')})`);
      lines.push(`our own time: ${median(loads.map((l) => l.ownMs)).toFixed(1)} ms; time to ready: ${ready.toFixed(1)} ms`);
      lines.push(`floor + wrapping with one forced layout: ${wrap.toFixed(1)} ms (runs ${wraps.map((w) => w.toFixed(1)).join(' ')})`);
      if (page.name === 'typical') {
        lines.push(`target: extra ≤ 30 ms: ${verdict(extra <= 30)}; ready ≤ 60 ms after the script starts: ${verdict(ready <= 60)}`);
      } else if (page.name === 'long') {
        lines.push(`target: extra ≤ 2.5 × floor + wrapping = ${(2.5 * wrap).toFixed(1)} ms: ${verdict(extra <= 2.5 * wrap)} (${(extra / wrap).toFixed(1)}×)`);
      } else {
        lines.push(`target: extra at load ≤ 250 ms: ${verdict(extra <= 250)} (tasks and frames over 50 ms: npm run bench's table)`);
      }
      lines.push(`where it goes (${TRACED} traced loads each way, self time per kind of work, medians, ms; tracing slows loads):`);
      lines.push('| kind of work | with | without | extra | extra CPU time |');
      lines.push('| --- | ---: | ---: | ---: | ---: |');
      const sums = { with: 0, without: 0, cpu: 0 };
      for (const kind of WORK_KINDS) {
        const w = median(kinds.with.map((k) => k.wall[kind]));
        const wo = median(kinds.without.map((k) => k.wall[kind]));
        const cpu = median(kinds.with.map((k) => k.cpu[kind])) - median(kinds.without.map((k) => k.cpu[kind]));
        sums.with += w;
        sums.without += wo;
        sums.cpu += cpu;
        lines.push(`| ${kind} | ${w.toFixed(1)} | ${wo.toFixed(1)} | ${(w - wo).toFixed(1)} | ${cpu.toFixed(1)} |`);
      }
      lines.push(`| sum of the medians | ${sums.with.toFixed(1)} | ${sums.without.toFixed(1)} | ${(sums.with - sums.without).toFixed(1)} | ${sums.cpu.toFixed(1)} |`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const kb = statSync(`${extensionDir}/content-scripts/content.js`).size / 1000;
  lines.push(`\ncontent script: ${kb.toFixed(1)} kB (target ≤ ${BUNDLE_LIMIT_KB} kB: ${verdict(kb <= BUNDLE_LIMIT_KB)})`);
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
