/**
 * What the page pays for the extension: the main thread's task time (CDP TaskDuration) over the
 * same window from navigation, with the extension minus the same page where it does not run
 * (served under UNLISTED_HOST, which no content script matches), so script loading, style and
 * layout of our marks and garbage collection count too, not only our own slices. Beside it the
 * main thread's CPU time (CDP ThreadTime) the same way: task time is wall time and grows when
 * other processes (the browser's, the extension's worker, raster threads) hold one of the
 * machine's two cores while a task runs; CPU time varies far less between loads.
 */
import type { Page } from 'playwright-core';
import { UNLISTED_HOST, type ExtensionBrowser, type FixtureServer } from '../e2e/harness';
import { mainThreadMs } from './measure';
import { collectTrace, type TraceEvent } from './tasks';

export interface Load {
  ownMs: number;
  /** Restoring the dictionary (part of ownMs). */
  dictionaryMs: number;
  readyMs: number;
  extraMs: number;
  /** The same as main-thread CPU time (ThreadTime). */
  extraCpuMs: number;
}

/**
 * Waits for `data-fyp-status="ready"` with a MutationObserver in the page: Playwright's
 * waitForSelector polls in every frame, which cost the huge page about 35 ms of main-thread
 * time per load (seen in a CPU profile), with and without a difference between the builds.
 */
async function untilReady(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        setTimeout(() => reject(new Error('not ready within 120 s')), 120_000);
        const root = document.documentElement;
        const done = () => root.getAttribute('data-fyp-status') === 'ready';
        if (done()) return resolve();
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(root, { attributes: true, attributeFilter: ['data-fyp-status'] });
      }),
  );
}

/** Main-thread task time of a fresh tab over `windowMs` from the start of navigation, ms. */
async function taskTime(browser: ExtensionBrowser, url: string, windowMs: number, extension: boolean): Promise<{ ms: number; cpuMs: number; page: Page }> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await mainThreadMs(cdp);
  const started = Date.now();
  await page.goto(url);
  if (extension) await untilReady(page);
  // Not page.$(): Playwright injects its selector engine into the page on first use, about 40 ms
  // of main-thread time that only this side of the pair paid (an extension whose script only
  // sets the ready attribute measured -39 ms "extra" that way, about 0 this way).
  else if (await page.evaluate(() => document.documentElement.hasAttribute('data-fyp-status'))) throw new Error(`the extension ran on ${url}`);
  const left = windowMs - (Date.now() - started);
  if (left < 0) throw new Error(`${url}: not ready within the ${windowMs} ms window`);
  await page.waitForTimeout(left);
  const after = await mainThreadMs(cdp);
  await cdp.detach();
  return { ms: after.taskMs - before.taskMs, cpuMs: after.cpuMs - before.cpuMs, page };
}

/**
 * One load with the extension and one without, in fresh tabs; `withoutFirst` swaps their order
 * (callers alternate it, so that whatever the first tab of a pair pays weighs on both sides).
 */
export async function loadPair(browser: ExtensionBrowser, server: FixtureServer, path: string, windowMs: number, withoutFirst = false): Promise<Load> {
  const loadWithout = async () => {
    const without = await taskTime(browser, server.url(UNLISTED_HOST, path), windowMs, false);
    await without.page.close();
    return without;
  };
  const withoutBefore = withoutFirst ? await loadWithout() : undefined;
  const withExtension = await taskTime(browser, server.url('news.cgtn.com', path), windowMs, true);
  const detail = (await withExtension.page.evaluate(
    () => (performance.getEntriesByName('fyp:ready')[0] as PerformanceMark | undefined)?.detail as unknown,
  )) as { workMs: number; compileMs: number; sinceStartMs: number } | undefined;
  if (!detail) throw new Error('the fyp:ready mark is not visible to the page');
  await withExtension.page.close();
  const without = withoutBefore ?? (await loadWithout());
  return { ownMs: detail.workMs + detail.compileMs, dictionaryMs: detail.compileMs, readyMs: detail.sinceStartMs, extraMs: withExtension.ms - without.ms, extraCpuMs: withExtension.cpuMs - without.cpuMs };
}

/** The kinds of main-thread work a load's time is broken down into. */
export const WORK_KINDS = [
  'our script: compile',
  'our script: run',
  'promise callbacks (ours or the page’s)',
  'page script',
  'script contexts set up',
  'style',
  'layout',
  'paint and compositing',
  'garbage collection',
  'HTML parsing',
  'other',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/**
 * The light categories plus the DevTools timeline's basic one (style, layout, paint, GC and
 * script events). Tracing slows a load, so the breakdown is read as shares, not as timings.
 */
const BREAKDOWN_CATEGORIES = 'toplevel,v8,devtools.timeline';

function kindOf(e: TraceEvent, ours: boolean): WorkKind {
  const n = e.name;
  if (/GC|Gc|Scavenge|MarkCompact/.test(n)) return 'garbage collection';
  if (n === 'ParseHTML') return 'HTML parsing';
  // Promise continuations run in the microtask checkpoint without a script event of their own.
  if (n === 'BlinkScheduler_PerformMicrotaskCheckpoint' || n === 'RunMicrotasks') return ours ? 'our script: run' : 'promise callbacks (ours or the page’s)';
  if (n.startsWith('LocalWindowProxy::') || n === 'ContextCreatedNotification' || n === 'InstallConditionalFeatures') return 'script contexts set up';
  if (n === 'UpdateLayoutTree' || n === 'RecalculateStyles' || n === 'ParseAuthorStyleSheet') return 'style';
  if (n === 'Layout' || n === 'UpdateLayerTree') return 'layout';
  if (/^(Paint|PrePaint|Layerize|Commit|CompositeLayers|UpdateLayer|PaintImage|Decode)/.test(n)) return 'paint and compositing';
  if (/compile|Compile|parse|Parse|deserialize|Deserialize|CodeCache|produceCache/.test(n)) return ours ? 'our script: compile' : 'page script';
  if (/^(v8\.|V8\.|FunctionCall|EvaluateScript|TimerFire|FireAnimationFrame|EventDispatch|FireIdleCallback|XHR|MutationObserver)/.test(n)) {
    return ours ? 'our script: run' : 'page script';
  }
  return 'other';
}

/**
 * One traced load of `url` (with the extension when `extension` is given, which must then reach
 * ready) over `windowMs` from navigation: the renderer main thread's time by kind of work, as
 * self time (an event's duration minus its children's), so the kinds add up to the thread's
 * busy time, both as wall time and as the thread's CPU time. Work inside our script's calls (a layout it forces, a GC it triggers) counts as
 * that kind, not as our script.
 */
export async function traceBreakdown(
  browser: ExtensionBrowser,
  url: string,
  windowMs: number,
  extension?: { id: string; worldName: string },
): Promise<{ wall: Record<WorkKind, number>; cpu: Record<WorkKind, number> }> {
  const page = await browser.context.newPage();
  const events = await collectTrace(browser.context, page, BREAKDOWN_CATEGORIES, async () => {
    const started = Date.now();
    await page.goto(url);
    if (extension) await untilReady(page);
    await page.waitForTimeout(Math.max(0, windowMs - (Date.now() - started)));
  });
  await page.close();

  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '') === url);
  if (parse === undefined) throw new Error(`the trace shows no HTML parsing of ${url}`);
  const thread = events
    .filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
  const prefix = extension ? `chrome-extension://${extension.id}/` : undefined;
  const isOurs = (e: TraceEvent): boolean =>
    extension !== undefined &&
    (e.args?.worldName === extension.worldName || (prefix !== undefined && (e.args?.data?.url ?? e.args?.fileName ?? e.args?.url ?? '').startsWith(prefix)));
  const zero = () => Object.fromEntries(WORK_KINDS.map((k) => [k, 0])) as Record<WorkKind, number>;
  const totals = zero();
  const cpu = zero();
  const stack: { end: number; ours: boolean; self: number; selfCpu: number; kind: WorkKind; name: string }[] = [];
  const otherNames = new Map<string, number>();
  const close = (frame: { self: number; selfCpu: number; kind: WorkKind; name: string }) => {
    totals[frame.kind] += Math.max(0, frame.self) / 1000;
    cpu[frame.kind] += Math.max(0, frame.selfCpu) / 1000;
    if (frame.kind === 'other') otherNames.set(frame.name, (otherNames.get(frame.name) ?? 0) + Math.max(0, frame.self) / 1000);
  };
  for (const e of thread) {
    while (stack.length > 0 && (stack.at(-1) as { end: number }).end <= e.ts) close(stack.pop() as (typeof stack)[number]);
    const parent = stack.at(-1);
    const dur = e.dur as number;
    // Events without thread time count their wall time (the trace omits it for some).
    const tdur = e.tdur ?? dur;
    if (parent) {
      parent.self -= dur;
      parent.selfCpu -= tdur;
    }
    const ours = (parent?.ours ?? false) || isOurs(e);
    stack.push({ end: e.ts + dur, ours, self: dur, selfCpu: tdur, kind: kindOf(e, ours), name: e.name });
  }
  while (stack.length > 0) close(stack.pop() as (typeof stack)[number]);
  if (process.env.FYP_BREAKDOWN_NAMES === '1') {
    const top = [...otherNames].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`other, ${extension ? 'with' : 'without'}: ${top.map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join('; ')}`);
  }
  return { wall: totals, cpu };
}
