/**
 * Main-thread tasks of a page load, from a Chromium trace. The page's own long-task observer
 * cannot be used: it does not see tasks that run a content script (the isolated world is hidden
 * from the page), so a 367 ms task of ours went unreported. A trace sees every task.
 *
 * Only the light categories are recorded: `toplevel` (one event per task, with the place that
 * posted it) and `v8` (every call into a script world, named after the world, and the compiling
 * of scripts, with their URL). The detailed DevTools timeline category also finds our script,
 * but it stretched our tasks under tracing (the same slices took 65–90 ms traced, 10–27 ms
 * under the light categories).
 */
import type { BrowserContext, Page } from 'playwright-core';

/** One event of a Chromium trace (the fields the benchmarks read). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs, where the trace records it. */
  tdur?: number;
  args?: {
    name?: string;
    worldName?: string;
    fileName?: string;
    url?: string;
    src_func?: string;
    data?: { url?: string };
    beginData?: { url?: string };
  };
}

export interface TaskReport {
  /** The task that injected the content script (compiling and starting it), ms. */
  injectionMs: number;
  /** Longest later task that ran the extension's script, ms. */
  scriptMs: number;
  /** All later tasks that ran the extension's script, added up, ms. */
  scriptTotalMs: number;
  /**
   * Longest frame (style, layout, paint) that rendered our marks, ms: one that ran our
   * requestAnimationFrame callback. After DOM changes the engine always watches for the next
   * frame (frame pacing, slicer.ts), so every frame showing new marks runs that callback.
   */
  renderingMs: number;
  /** Longest other frame after our first task (the page's own rendering), ms. */
  pageRenderingMs: number;
  /** Tasks over 50 ms of each kind (the injection counts as one with our script). */
  longScript: number;
  longRendering: number;
}

/** The task in which the renderer produces a frame (style, layout, paint). */
const BEGIN_MAIN_FRAME = 'ScheduledActionSendBeginMainFrame';

/** The trace events of the given categories recorded while `load` runs (CDP on `page`). */
export async function collectTrace(context: BrowserContext, page: Page, categories: string, load: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  await load();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

/**
 * Traces `load` (which navigates `page` and waits), and sorts the page's tasks. `worldName` is
 * the extension's name: Chromium names a content script's isolated world after it.
 */
export async function traceTasks(
  context: BrowserContext,
  page: Page,
  extension: { id: string; worldName: string },
  load: () => Promise<void>,
): Promise<TaskReport> {
  const events = await collectTrace(context, page, 'toplevel,v8', load);
  const url = `chrome-extension://${extension.id}/`;
  const isOurs = (e: TraceEvent) =>
    e.args?.worldName === extension.worldName ||
    (e.args?.data?.url ?? e.args?.fileName ?? '').startsWith(url);
  const first = events.find(isOurs);
  if (first === undefined) throw new Error('the trace shows no script of the extension');
  const main = events.filter((e) => e.pid === first.pid && e.tid === first.tid).sort((a, b) => a.ts - b.ts);
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.dur !== undefined);
  const report: TaskReport = { injectionMs: 0, scriptMs: 0, scriptTotalMs: 0, renderingMs: 0, pageRenderingMs: 0, longScript: 0, longRendering: 0 };
  let firstOurs = Infinity;
  // The first event at or after ts (main is sorted by ts).
  const firstAt = (ts: number): number => {
    let lo = 0;
    let hi = main.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((main[mid] as TraceEvent).ts < ts) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    let ours = false;
    for (let i = firstAt(task.ts); i < main.length && (main[i] as TraceEvent).ts < end && !ours; i++) {
      ours = main[i] !== task && isOurs(main[i] as TraceEvent);
    }
    const ms = (task.dur ?? 0) / 1000;
    // A frame is rendering, also when it runs our requestAnimationFrame callback (a few
    // microseconds of ours in a frame that lays out our marks).
    if (task.args?.src_func === BEGIN_MAIN_FRAME) {
      if (ours) {
        report.renderingMs = Math.max(report.renderingMs, ms);
        if (ms > 50) report.longRendering++;
      } else if (task.ts > firstOurs) {
        report.pageRenderingMs = Math.max(report.pageRenderingMs, ms);
      }
    } else if (ours) {
      if (firstOurs === Infinity) {
        firstOurs = task.ts;
        report.injectionMs = ms;
      } else {
        report.scriptMs = Math.max(report.scriptMs, ms);
        report.scriptTotalMs += ms;
      }
      if (ms > 50) report.longScript++;
    }
  }
  return report;
}
