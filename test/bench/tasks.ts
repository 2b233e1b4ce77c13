/**
 * Main-thread tasks of a page load, from a Chromium trace. The page's own long-task observer
 * cannot be used: it does not see tasks that run a content script (the isolated world is hidden
 * from the page), so a 367 ms task of ours went unreported. A trace sees every task.
 */
import type { BrowserContext, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface TaskReport {
  /** Longest task that ran the extension's script (its injection included), ms. */
  scriptMs: number;
  /** Longest task without our script that did style, layout or paint after our first task, ms. */
  renderingMs: number;
  /** Tasks over 50 ms of each kind. */
  longScript: number;
  longRendering: number;
}

const RENDERING = new Set(['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint']);

/** Traces `load` (which navigates `page` and waits), and sorts the page's tasks. */
export async function traceTasks(context: BrowserContext, page: Page, extensionId: string, load: () => Promise<void>): Promise<TaskReport> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await load();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  const ours = `chrome-extension://${extensionId}/`;
  const isOurs = (e: TraceEvent) => (e.args?.data?.url ?? '').startsWith(ours);
  const pid = events.find(isOurs)?.pid;
  if (pid === undefined) throw new Error('the trace shows no script of the extension');
  const mainTid = events.find((e) => e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const main = events.filter((e) => e.pid === pid && e.tid === mainTid).sort((a, b) => a.ts - b.ts);
  // Tasks as the scheduler runs them (category "toplevel"; the detailed timeline categories,
  // which add a "RunTask" around each, slow rendering down several times under tracing).
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.dur !== undefined);
  const report: TaskReport = { scriptMs: 0, renderingMs: 0, longScript: 0, longRendering: 0 };
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
    const inside: TraceEvent[] = [];
    for (let i = firstAt(task.ts); i < main.length && (main[i] as TraceEvent).ts < end; i++) {
      if (main[i] !== task) inside.push(main[i] as TraceEvent);
    }
    const ms = (task.dur ?? 0) / 1000;
    if (inside.some(isOurs)) {
      firstOurs = Math.min(firstOurs, task.ts);
      report.scriptMs = Math.max(report.scriptMs, ms);
      if (ms > 50) report.longScript++;
    } else if (task.ts > firstOurs && inside.some((e) => RENDERING.has(e.name))) {
      report.renderingMs = Math.max(report.renderingMs, ms);
      if (ms > 50) report.longRendering++;
    }
  }
  return report;
}
