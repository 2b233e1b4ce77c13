/**
 * Time slicing for the engine's passes: runs of main-thread work cut into slices, with the page
 * given a turn (and, after many DOM changes, a rendered frame) in between, and the time counted
 * for the benchmark.
 */

/**
 * Lets the page handle input and paint. scheduler.yield resumes us ahead of other tasks; `behind`
 * queues us after them instead (scanning ahead must let the settings' answer in).
 */
export function yieldToPage(behind = false): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield && !behind ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Main-thread time spent on the page, for the benchmark and the ready mark. */
export interface WorkStats {
  workMs: number;
  longestSliceMs: number;
  slices: number;
}

/**
 * Marks added since the browser last rendered, beyond which a pass waits for a frame. Slices
 * resumed by scheduler.yield can run back to back before the browser renders: on the 300,000-word
 * page a frame then had about 1,000 new marks to lay out and took 60–100 ms (long-animation-frame
 * entries), where a frame with one slice's marks takes about 15 ms.
 */
const CHANGES_PER_FRAME = 300;

/** Work per slice, in ms: a frame's worth, leaving the page room to respond. */
export const DEFAULT_SLICE_MS = 8;

/** Resolves after the browser has rendered its next frame. */
function afterNextFrame(win: Window): Promise<void> {
  return new Promise((resolve) => win.requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export interface SlicerOptions {
  /** Work per slice, in ms (DEFAULT_SLICE_MS). */
  sliceMs?: number | undefined;
  /** Called as each slice starts and after it ends: the page watcher pauses in between. */
  beforeSlice?: (() => void) | undefined;
  afterSlice?: (() => void) | undefined;
  /** Resume behind the page's queued tasks rather than ahead of them (see yieldToPage). */
  behind?: boolean;
  /** The document changed, for frame pacing; none for loops that change nothing. */
  doc?: Document | undefined;
}

/**
 * Cuts a loop into slices of about `sliceMs`, yielding to the page in between, and times them.
 * Given the document, it also counts the DOM changes since the last rendered frame and, past
 * CHANGES_PER_FRAME, lets a frame be rendered before going on (not in a hidden tab, which
 * renders nothing and would wait for ever).
 */
export class Slicer {
  private start = performance.now();
  private changes = 0;
  /** The pending requestAnimationFrame that starts the count again, if any. */
  private frameWatch: number | undefined;
  private readonly sliceMs: number;

  constructor(
    private readonly stats: WorkStats,
    private readonly options: SlicerOptions = {},
  ) {
    this.sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
    options.beforeSlice?.();
  }

  /** Ends the current slice. */
  private end(): void {
    const spent = performance.now() - this.start;
    this.stats.workMs += spent;
    this.stats.slices++;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, spent);
    this.options.afterSlice?.();
  }

  /** Counts DOM changes made in this slice; the count starts again when a frame is rendered. */
  noteChanges(count: number): void {
    const { doc } = this.options;
    const win = doc?.defaultView;
    // A hidden tab renders no frame (and would keep the callback until it is shown).
    if (count === 0 || !win || doc?.visibilityState !== 'visible') return;
    this.changes += count;
    this.frameWatch ??= win.requestAnimationFrame(() => {
      this.changes = 0;
      this.frameWatch = undefined;
    });
  }

  /** Ends the last slice of a loop (every loop calls this once) and drops its frame watch. */
  finish(): void {
    this.end();
    if (this.frameWatch !== undefined) this.options.doc?.defaultView?.cancelAnimationFrame(this.frameWatch);
    this.frameWatch = undefined;
  }

  private frameDue(): boolean {
    return this.changes >= CHANGES_PER_FRAME && this.options.doc?.visibilityState === 'visible';
  }

  /**
   * True when the slice has run its time (or changed enough for a frame). Callers await `next()`
   * only then: an await within a slice would let the page change the DOM while the page watcher
   * is paused (or let it see our changes).
   */
  due(): boolean {
    return performance.now() - this.start > this.sliceMs || this.frameDue();
  }

  /** Ends the slice, yields to the page (for a frame, if due), and starts the next slice. */
  async next(): Promise<void> {
    this.end();
    const win = this.options.doc?.defaultView;
    await (this.frameDue() && win ? afterNextFrame(win) : yieldToPage(this.options.behind));
    this.start = performance.now();
    this.options.beforeSlice?.();
  }
}
