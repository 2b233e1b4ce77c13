/**
 * `npm run bench:compare -- <build A> <build B>`: two builds of the extension (Chromium output
 * folders, e.g. an earlier version built in a git worktree and this checkout's .output/chrome-mv3)
 * on the same generated pages, taken in turns (A B, B A, A B, …, each turn a fresh browser), so
 * that a machine whose speed drifts during the run weighs on both alike. Per page and build:
 * - our main-thread time as the extension reports it (its slices plus restoring the dictionary,
 *   the `fyp:ready` mark's detail, as `npm run bench` shows it),
 *   and, within it, restoring the dictionary,
 * - what the page pays: the main thread's task time (CDP TaskDuration) over the same window from
 *   navigation, with the extension minus the same page where the extension does not run (served
 *   under UNLISTED_HOST), so script loading, style and layout of our marks and garbage count too,
 *   and the same as main-thread CPU time (page-pays.ts: less noisy on a busy machine),
 * - time to ready after the content script starts.
 * Within each turn the two loads of a pair alternate their order.
 * Medians over all loads, and B against A.
 *
 * FYP_PAGES=typical,huge picks pages; FYP_ROUNDS sets the turns per build (default 4).
 */
import { existsSync } from 'node:fs';
import { launchWithExtension, startFixtureServer } from '../e2e/harness';
import { generateArticle } from './generate';
import { median } from './measure';
import { loadPair, type Load } from './page-pays';

const ALL_PAGES = [
  { name: 'typical', words: 1_500, loads: 5, windowMs: 2_500 },
  { name: 'long', words: 50_000, loads: 3, windowMs: 4_000 },
  { name: 'huge', words: 300_000, loads: 3, windowMs: 6_000 },
];

async function main(): Promise<void> {
  const builds = process.argv.slice(2);
  if (builds.length !== 2 || !builds.every((dir) => existsSync(`${dir}/manifest.json`))) {
    console.error('usage: npm run bench:compare -- <build A> <build B>   (folders with a Chromium manifest.json)');
    process.exit(2);
  }
  const wanted = process.env.FYP_PAGES?.split(',');
  const pages = ALL_PAGES.filter((p) => !wanted || wanted.includes(p.name));
  const rounds = Number(process.env.FYP_ROUNDS ?? 4);
  const server = await startFixtureServer();
  const loads = new Map<string, Load[]>();
  try {
    for (const page of pages) {
      const path = `/bench/${page.name}.html`;
      server.serve(path, generateArticle(page.words, `Benchmark: ${page.name} page`));
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? [0, 1] : [1, 0];
        for (const which of order) {
          const browser = await launchWithExtension({ extensionDir: builds[which] as string });
          try {
            for (let i = 0; i < page.loads; i++) {
              const key = `${page.name}|${which}`;
              const list = loads.get(key) ?? [];
              loads.set(key, list);
              list.push(await loadPair(browser, server, path, page.windowMs, i % 2 === 1));
            }
          } finally {
            await browser.close();
          }
        }
      }
    }
  } finally {
    await server.close();
  }
  console.log(`A = ${builds[0]}\nB = ${builds[1]}\n${rounds} turns per build, medians over every load\n`);
  const rows = [['page', 'loads', 'our ms A', 'our ms B', 'B/A', 'dictionary ms A', 'dictionary ms B', 'page pays A', 'page pays B', 'B/A', 'page pays CPU A', 'page pays CPU B', 'B/A', 'ready A', 'ready B']];
  for (const page of pages) {
    const a = loads.get(`${page.name}|0`) ?? [];
    const b = loads.get(`${page.name}|1`) ?? [];
    const m = (list: Load[], key: keyof Load) => median(list.map((l) => l[key]));
    const ratio = (key: keyof Load) => `${((m(b, key) / m(a, key) - 1) * 100).toFixed(1)}%`;
    rows.push([
      page.name,
      String(a.length),
      m(a, 'ownMs').toFixed(1),
      m(b, 'ownMs').toFixed(1),
      ratio('ownMs'),
      m(a, 'dictionaryMs').toFixed(1),
      m(b, 'dictionaryMs').toFixed(1),
      m(a, 'extraMs').toFixed(1),
      m(b, 'extraMs').toFixed(1),
      ratio('extraMs'),
      m(a, 'extraCpuMs').toFixed(1),
      m(b, 'extraCpuMs').toFixed(1),
      ratio('extraCpuMs'),
      m(a, 'readyMs').toFixed(0),
      m(b, 'readyMs').toFixed(0),
    ]);
    const each = (list: Load[], key: keyof Load) => list.map((l) => l[key].toFixed(0)).join(' ');
    console.log(`${page.name}: our ms A ${each(a, 'ownMs')} | B ${each(b, 'ownMs')}; page pays A ${each(a, 'extraMs')} | B ${each(b, 'extraMs')}; CPU A ${each(a, 'extraCpuMs')} | B ${each(b, 'extraCpuMs')}`);
  }
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  console.log('');
  for (const [i, row] of rows.entries()) {
    console.log(`| ${row.map((c, j) => c.padStart(widths[j] as number)).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
