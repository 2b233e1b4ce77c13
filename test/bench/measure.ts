/** Small measuring helpers the benchmarks share. */
import type { CDPSession } from 'playwright-core';

/** The median; of an even count, the mean of the middle two. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The page's main thread so far, ms, from one `Performance.getMetrics` call (`Performance.enable`
 * must have been sent on the session): its task time (CDP TaskDuration, wall time of tasks) and
 * its CPU time (ThreadTime), which unlike task time does not grow when other processes hold the
 * CPU while a task runs.
 */
export async function mainThreadMs(cdp: CDPSession): Promise<{ taskMs: number; cpuMs: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const ms = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { taskMs: ms('TaskDuration'), cpuMs: ms('ThreadTime') };
}

/** The page's main-thread task time so far (see mainThreadMs), ms. */
export async function taskDurationMs(cdp: CDPSession): Promise<number> {
  return (await mainThreadMs(cdp)).taskMs;
}
