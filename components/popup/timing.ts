/**
 * Time to first region card, measured from the popup's navigation start (performance's time
 * origin, i.e. the popup opening) and exposed on <html data-fyp-first-card-ms> for the e2e test.
 */
let marked = false;

/** Records the first card's render time once; later calls do nothing. */
export function markFirstCard(doc: Document = document): number | null {
  if (marked) return null;
  marked = true;
  const ms = performance.now();
  doc.documentElement.dataset.fypFirstCardMs = ms.toFixed(1);
  console.debug(`[fyp] first region card after ${ms.toFixed(1)} ms`);
  return ms;
}

/** Records when the popup's script started running (after HTML, CSS and the bundle loaded). */
export function markScriptStart(doc: Document = document): void {
  doc.documentElement.dataset.fypScriptStartMs = performance.now().toFixed(1);
}

/** For tests: forget the first mark. */
export function resetTiming(): void {
  marked = false;
}
