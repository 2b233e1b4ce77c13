/** Small measuring helpers the benchmarks share. */
import type { CDPSession } from 'playwright-core';

/** The median; of an even count, the mean of the middle two. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The page's main-thread task time so far (CDP TaskDuration), ms; `Performance.enable` must have
 * been sent on the session.
 */
export async function taskDurationMs(cdp: CDPSession): Promise<number> {
  return ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/**
 * The page's main-thread CPU time so far (CDP ThreadTime), ms: unlike TaskDuration (wall time of
 * tasks) it does not grow when other processes hold the CPU while a task runs.
 */
export async function threadTimeMs(cdp: CDPSession): Promise<number> {
  return ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
}
