/**
 * Tells when elements come near the viewport: the annotator wraps the marks of far-away blocks
 * on very long pages only then (see EAGER_MARKS in annotator.ts).
 */

export interface NearWatcher {
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}

/** Makes a watcher that calls `onNear` with elements that came near (each reported once). */
export type NearWatcherFactory = (onNear: (elements: Element[]) => void) => NearWatcher;

/**
 * Viewport heights above and below that count as near: a reader scrolling at a brisk pace finds
 * the marks already there (wrapping a screenful takes a few milliseconds).
 */
const MARGIN_SCREENS = 2;

const byDocumentOrder = (a: Element, b: Element): number =>
  a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;

/** Whether `element` is one of the next few element siblings of `before` (a cheap check for document order). */
function isShortlyAfter(before: Element, element: Element): boolean {
  let next = before.nextElementSibling;
  for (let i = 0; next && i < 8; i++, next = next.nextElementSibling) if (next === element) return true;
  return false;
}

/**
 * Keeps the waiting elements in document order, which on a page in normal flow is also their
 * order down the page, and after a scroll or resize (once per frame) finds the near ones by
 * binary search: about a dozen getBoundingClientRect calls. Not an IntersectionObserver: it
 * computes every observed element's intersection in every frame, and with the 2,900 paragraphs
 * of the 300,000-word page waiting, each frame took 10–15 ms longer (20–35 instead of 10–20).
 * Hidden tabs run no animation frames: their blocks wait until the tab is shown.
 */
export const nearViewport: NearWatcherFactory = (onNear) => {
  const waiting: Element[] = [];
  let frame: number | undefined;

  const check = () => {
    frame = undefined;
    const height = window.innerHeight;
    const top = -MARGIN_SCREENS * height;
    const bottom = (1 + MARGIN_SCREENS) * height;
    // The first waiting element that ends below the near zone's top…
    let first = 0;
    for (let last = waiting.length; first < last; ) {
      const mid = (first + last) >> 1;
      if ((waiting[mid] as Element).getBoundingClientRect().bottom < top) first = mid + 1;
      else last = mid;
    }
    // …and those after it that start above the zone's bottom.
    let end = first;
    while (end < waiting.length && (waiting[end] as Element).getBoundingClientRect().top <= bottom) end++;
    if (end > first) onNear(waiting.splice(first, end - first));
  };
  const schedule = () => {
    frame ??= window.requestAnimationFrame(check);
  };
  // Capture: scrolling inside a scrollable part of the page does not bubble to the window.
  const options = { capture: true, passive: true } as const;
  window.addEventListener('scroll', schedule, options);
  window.addEventListener('resize', schedule, options);

  return {
    observe(element) {
      // A pass defers blocks in document order: most come right after the last one waiting.
      // Compared with compareDocumentPosition only when they do not: it scans the children of
      // the two nodes' common ancestor, and a binary search of it for each of the 2,900
      // paragraphs of a 300,000-word page took about 50 ms.
      const last = waiting[waiting.length - 1];
      if (last === undefined || isShortlyAfter(last, element)) {
        waiting.push(element);
        schedule();
        return;
      }
      let at = 0;
      for (let last = waiting.length; at < last; ) {
        const mid = (at + last) >> 1;
        if (byDocumentOrder(waiting[mid] as Element, element) < 0) at = mid + 1;
        else last = mid;
      }
      if (waiting[at] !== element) waiting.splice(at, 0, element);
      schedule();
    },
    unobserve(element) {
      const at = waiting.indexOf(element);
      if (at >= 0) waiting.splice(at, 1);
    },
    disconnect() {
      window.removeEventListener('scroll', schedule, options);
      window.removeEventListener('resize', schedule, options);
      if (frame !== undefined) window.cancelAnimationFrame(frame);
      frame = undefined;
      waiting.length = 0;
    },
  };
};
