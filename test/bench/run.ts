/**
 * `npm run bench`: loads generated pages (typical 1.5k words, long 50k, huge 300k) into Chromium
 * with the built extension, in several fresh tabs each, and measures in the same page and run:
 * - the extension's main-thread time (its own slices, plus restoring the dictionary),
 * - a floor: one TreeWalker plus one RegExp pass over the page text that only counts matches,
 * - their ratio, the longest slice of extension work and the time to ready;
 * - a reference that wraps too: the floor's matches wrapped in marks by hand, on the same page
 *   served where the extension does not run (the least DOM work any highlighter must do);
 * - in three more, traced loads per page: the task injecting our script, the longest later task
 *   running it, the longest frame that rendered our marks and the longest other frame after our
 *   start (the page's own), see tasks.ts;
 * - in every load, the rendering part of long animation frames after our start (no tracing);
 * - on the typical page, the JS heap across off/on cycles;
 * - in the last tab of each page, our work while scrolling through it to the end (the marks of
 *   far-away blocks on very long pages are wrapped then, see EAGER_MARKS).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchWithExtension, startFixtureServer, tabIdOf, UNLISTED_HOST, type ExtensionApi, type ExtensionBrowser } from '../e2e/harness';
import { EXTENSION_DIR, ROOT } from '../e2e/paths';
import { generateArticle } from './generate';
import { floorPattern, measureFloor, measureWrapFloor } from './floor';
import { median } from './measure';
import { traceTasks, type TaskReport } from './tasks';

interface ReadyDetail {
  workMs: number;
  longestSliceMs: number;
  slices: number;
  compileMs: number;
  /** From the content script starting to settings read (the dictionary is restored meanwhile). */
  settingsMs: number;
  /** performance.now() when the content script started the engine. */
  startedAt: number;
  sinceStartMs: number;
}

/** Loads traced per page (tracing slows a load a little: the timings come from the others). */
const TRACED_LOADS = 3;

/** Fresh tabs per page: one run on this noisy machine can be off by 2×, so medians are shown. */
const PAGES = [
  { name: 'typical', words: 1_500, runs: 9 },
  { name: 'long', words: 50_000, runs: 5 },
  { name: 'huge', words: 300_000, runs: 3 },
];


interface ScrollThrough {
  /** Our work while the reader scrolled to the end: wrapping the blocks deferred at load, ms. */
  workMs: number;
  longestSliceMs: number;
  /** Marks on the page at the end (every mention by then). */
  marks: number;
  /** Longest rendering part of a long animation frame while scrolling, ms (0: none over 50 ms). */
  longestRenderMs: number;
}

/**
 * Scrolls a loaded page from top to bottom, one viewport per frame (a fast reader), and waits
 * until no more marks come: on pages with more than EAGER_MARKS marks, the deferred blocks are
 * wrapped on the way. Reads our work from the `fyp:revealed` marks.
 */
async function scrollThrough(page: Page): Promise<ScrollThrough | undefined> {
  const scrollStart = await page.evaluate(async () => {
    const start = performance.now();
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }
    return start;
  });
  let marks = -1;
  for (let now = await page.$$eval('[data-fyp-kind]', (els) => els.length); now !== marks; ) {
    marks = now;
    await page.waitForTimeout(500);
    now = await page.$$eval('[data-fyp-kind]', (els) => els.length);
  }
  const stats = await page.evaluate((since) => {
    const frames = (window as unknown as { __frames: [number, number, number][] }).__frames;
    const renders = frames
      .filter(([start, , renderStart]) => start >= since && renderStart > 0)
      .map(([start, duration, renderStart]) => start + duration - renderStart);
    const detail = (name: string) =>
      (performance.getEntriesByName(name).at(-1) as PerformanceMark | undefined)?.detail as
        | { workMs: number; longestSliceMs: number }
        | undefined;
    const ready = detail('fyp:ready');
    const revealed = detail('fyp:revealed');
    const longestRenderMs = Math.max(0, ...renders);
    return ready && revealed
      ? { workMs: revealed.workMs - ready.workMs, longestSliceMs: revealed.longestSliceMs, longestRenderMs }
      : undefined;
  }, scrollStart);
  return stats && { ...stats, marks };
}

interface HeapCheck {
  /** JS heap after each 20 off/on cycles (after a warm-up), garbage collected first. */
  samples: number[];
}

async function heapCycles(browser: ExtensionBrowser, page: Page): Promise<HeapCheck> {
  const cdp = await browser.context.newCDPSession(page);
  const usage = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const tabId = await tabIdOf(browser, page);
  const driver = await browser.context.newPage();
  await driver.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const toggle = () =>
    driver.evaluate((id) => (globalThis as unknown as { chrome: ExtensionApi }).chrome.tabs.sendMessage(id, { type: 'toggle-highlights' }), tabId);
  const cycles = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await toggle();
      await toggle();
    }
  };
  // Warm up: the first cycles create structures once (compiled code, caches), not per cycle.
  await cycles(5);
  const samples = [await usage()];
  for (let round = 0; round < 3; round++) {
    await cycles(20);
    samples.push(await usage());
  }
  await driver.close();
  return { samples };
}

interface Run {
  detail: ReadyDetail;
  marks: number;
  floor: { ms: number; matches: number };
  /** Rendering part (style, layout, paint) of each long animation frame after our start, ms. */
  renders: number[];
}

const READY = 'html[data-fyp-status="ready"]';

/** Loads one page in a fresh tab and measures it; the tab is left open for the heap check. */
async function measure(browser: ExtensionBrowser, url: string, pattern: string): Promise<{ page: Page; run: Run }> {
  const page = await browser.context.newPage();
  // Long animation frames (over 50 ms) are seen by the page even when the script in them is a
  // content script's (hidden from it): their rendering part is the browser drawing our changes.
  await page.addInitScript(() => {
    const frames: [number, number, number][] = [];
    (window as unknown as { __frames: typeof frames }).__frames = frames;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { renderStart: number })[]) {
        frames.push([entry.startTime, entry.duration, entry.renderStart]);
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  await page.goto(url);
  await page.waitForSelector(READY, { timeout: 120_000 });
  const detail = await page.evaluate(
    () => (performance.getEntriesByName('fyp:ready')[0] as PerformanceMark | undefined)?.detail as unknown,
  );
  if (!detail) throw new Error('the fyp:ready mark is not visible to the page');
  const d = detail as ReadyDetail;
  const marks = await page.$$eval('[data-fyp-kind]', (els) => els.length);
  const frames = await page.evaluate(() => (window as unknown as { __frames: [number, number, number][] }).__frames);
  const renders = frames
    .filter(([start, , renderStart]) => start >= d.startedAt && renderStart > 0)
    .map(([start, duration, renderStart]) => start + duration - renderStart);
  const floor = await measureFloor(page, pattern);
  return { page, run: { detail: d, marks, floor, renders } };
}

/** One more load of the page, traced (tracing slows it a little: timings come from the others). */
async function traceLoad(browser: ExtensionBrowser, url: string): Promise<TaskReport> {
  const page = await browser.context.newPage();
  // Chromium names the content script's isolated world after the extension.
  const { name } = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8')) as { name: string };
  const report = await traceTasks(browser.context, page, { id: browser.extensionId, worldName: name }, async () => {
    await page.goto(url);
    await page.waitForSelector(READY, { timeout: 120_000 });
    // Let the rendering of the last slice happen.
    await page.waitForTimeout(500);
  });
  await page.close();
  return report;
}

async function main(): Promise<void> {
  if (process.env.FYP_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const server = await startFixtureServer();
  const browser = await launchWithExtension();
  const pattern = floorPattern();
  const rows: string[][] = [];
  let heap: HeapCheck | undefined;
  try {
    for (const { name, words, runs: count } of PAGES) {
      server.serve(`/bench/${name}.html`, generateArticle(words, `Benchmark: ${name} page`));
      const runs: Run[] = [];
      let scrolled: ScrollThrough | undefined;
      for (let i = 0; i < count; i++) {
        const { page, run } = await measure(browser, server.url('news.cgtn.com', `/bench/${name}.html`), pattern);
        runs.push(run);
        if (name === 'typical' && i === count - 1) heap = await heapCycles(browser, page);
        if (i === count - 1) scrolled = await scrollThrough(page);
        await page.close();
      }
      // Three traced loads: one load says little about the longest task on this noisy machine.
      const traces: TaskReport[] = [];
      for (let i = 0; i < TRACED_LOADS; i++) traces.push(await traceLoad(browser, server.url('news.cgtn.com', `/bench/${name}.html`)));
      const injectionMs = traces.map((t) => t.injectionMs);
      const scriptMs = traces.map((t) => t.scriptMs);
      const renderingMs = traces.map((t) => t.renderingMs);
      const pageRenderingMs = traces.map((t) => t.pageRenderingMs);
      const wrapFloors: { ms: number; marks: number }[] = [];
      for (let i = 0; i < 3; i++) wrapFloors.push(await measureWrapFloor(browser, server.url(UNLISTED_HOST, `/bench/${name}.html`), pattern));
      const wrapFloorMs = median(wrapFloors.map((w) => w.ms));
      const ext = runs.map((r) => r.detail.workMs + r.detail.compileMs);
      const ratios = runs.map((r, i) => (ext[i] as number) / r.floor.ms);
      const ready = runs.map((r) => r.detail.sinceStartMs);
      rows.push([
        name,
        words.toLocaleString('en'),
        `${runs[0]?.marks} / ${scrolled?.marks ?? runs[0]?.marks}`,
        String(count),
        median(ext).toFixed(1),
        median(runs.map((r) => r.floor.ms)).toFixed(2),
        median(ratios).toFixed(1),
        `${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}`,
        `${wrapFloorMs.toFixed(1)} (${wrapFloors[0]?.marks})`,
        (median(ext) / wrapFloorMs).toFixed(1),
        Math.max(...runs.map((r) => r.detail.longestSliceMs)).toFixed(1),
        median(runs.map((r) => r.detail.slices)).toFixed(0),
        median(ready).toFixed(1),
        Math.max(...ready).toFixed(1),
        scrolled ? `${scrolled.workMs.toFixed(0)} (${scrolled.longestSliceMs.toFixed(1)}; ${scrolled.longestRenderMs.toFixed(0)})` : '–',
        median(runs.map((r) => r.detail.compileMs)).toFixed(1),
        median(runs.map((r) => r.detail.settingsMs)).toFixed(1),
        injectionMs.map((ms) => ms.toFixed(0)).join(' / '),
        `${scriptMs.map((ms) => ms.toFixed(0)).join(' / ')} (${traces.filter((t) => t.longScript > 0).length})`,
        `${renderingMs.map((ms) => ms.toFixed(0)).join(' / ')} (${traces.filter((t) => t.longRendering > 0).length})`,
        pageRenderingMs.map((ms) => ms.toFixed(0)).join(' / '),
        `${Math.max(0, ...runs.flatMap((r) => r.renders)).toFixed(0)} (${median(runs.map((r) => r.renders.filter((ms) => ms > 50).length))})`,
      ]);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const header = [
    'page', 'words', 'marks at ready / after scrolling through', 'runs', 'ext ms (median)', 'floor ms', 'ratio (median)', 'ratio range',
    'floor + wrapping ms (marks)', 'ext / floor + wrapping',
    'longest slice ms (max)', 'slices', 'ready ms (median)', 'ready ms (max)',
    'scrolling through: our ms (longest slice ms, load included; longest frame rendering ms)', 'dictionary ms', 'settings read ms',
    'injection task ms, per traced load',
    'longest later task with our script ms, per traced load (loads with a task over 50, injection included)',
    'longest frame rendering our marks ms, per traced load (loads with one over 50)',
    'longest other frame after our start ms (the page’s own), per traced load',
    'longest frame rendering part ms, untraced, ours or the page’s (frames over 50 per load, median)',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i] as number)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  if (heap) {
    const mb = heap.samples.map((b) => `${(b / 1e6).toFixed(2)} MB`);
    const [first = 0, second = 0] = heap.samples;
    const last = heap.samples.at(-1) ?? 0;
    const pct = (from: number, to: number) => `${to >= from ? '+' : ''}${(((to - from) / from) * 100).toFixed(1)}%`;
    console.log(
      `\nheap (typical page; after 5 warm-up off/on cycles, then every 20): ${mb.join(' → ')}` +
        ` (first 20: ${pct(first, second)}, last 40: ${pct(second, last)})`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
