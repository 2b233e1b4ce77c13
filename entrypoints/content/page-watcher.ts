/**
 * Watches the page for content added after load (live blogs, infinite scroll, SPA views) and
 * reports it in batches. Our own marks are ignored: the annotator's DOM work happens in
 * synchronous chunks, during which the watcher is paused (a big pass), or after which
 * `ignoreOwnChanges` drops the records they produced (a few marks removed).
 */
import { OUR_MARKS } from './annotator';
import { BLOCK_TAGS, blockOf } from './text-blocks';

export interface PageChanges {
  /** Elements whose text should be (re)annotated; none contains another. */
  targets: Element[];
  /** True after a burst too large to track piece by piece: rescan everything. */
  rescan: boolean;
}

export interface PageWatcher {
  /** Forget mutations recorded so far (call right after our own synchronous DOM work). */
  ignoreOwnChanges(): void;
  /** Take in the page's mutations not yet delivered (call right before our own DOM work). */
  takePageChanges(): void;
  /**
   * Stop observing until `resume()`, around a synchronous stretch of our own DOM work. Cheaper
   * than dropping its records afterwards: the browser then creates no record at all for the
   * text splits and insertions of thousands of marks (16% of a 50,000-word page's time, 29% of a
   * 300,000-word one's). Changes the page made before are kept.
   */
  pause(): void;
  resume(): void;
  /** Report `element` as changed, as if the page had changed it (batched like the rest). */
  touch(element: Element): void;
  /** Stop watching. */
  destroy(): void;
}

const BLOCKS = new Set(BLOCK_TAGS);
/** Above this many changed nodes in one batch, a full rescan is cheaper than tracking. */
const BURST_LIMIT = 2000;

function isOurs(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el !== null && el.closest(OUR_MARKS) !== null;
}

/** Watches the document's body (and its replacement); calls `onChanges` at most once per `delayMs` with what changed. */
export function watchPage(
  doc: Document,
  onChanges: (changes: PageChanges) => void,
  {
    delayMs = 150,
    signal,
    onRecords,
  }: {
    delayMs?: number;
    signal?: AbortSignal;
    /** Given the page's mutation records as they are delivered, before they are batched. */
    onRecords?: (records: readonly MutationRecord[]) => void;
  } = {},
): PageWatcher {
  const pending = new Set<Node>();
  let burst = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const root = doc.body;
    const targets = new Set<Element>();
    if (!burst) {
      for (const node of pending) {
        // The whole document is watched (a page may swap in a new <body>); only the body is read.
        if (!node.isConnected || isOurs(node) || !root.contains(node)) continue;
        const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null;
        targets.add(el && BLOCKS.has(el.tagName) ? el : blockOf(node, root));
      }
    }
    pending.clear();
    const rescan = burst;
    burst = false;
    // Keep only outermost targets: a block inside another target is redone with it. In document
    // order a target's descendants follow it, so one pass against the last kept target does
    // (infinite scroll can bring hundreds of targets at once).
    const ordered = [...targets].sort((a, b) =>
      a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    const outermost: Element[] = [];
    for (const target of ordered) {
      const last = outermost.at(-1);
      if (last === undefined || !last.contains(target)) outermost.push(target);
    }
    if (rescan || outermost.length > 0) onChanges({ targets: outermost, rescan });
  };

  const record = (mutations: MutationRecord[]) => {
    onRecords?.(mutations);
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        if (!isOurs(mutation.target)) pending.add(mutation.target);
        continue;
      }
      for (const node of mutation.addedNodes) {
        // Our marks, and our own interface (the hover card's host), are not the page's content.
        if (node.nodeType === Node.ELEMENT_NODE && (node as Element).matches(`${OUR_MARKS},[data-fyp-ui]`)) continue;
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) continue;
        if (node.nodeType === Node.TEXT_NODE && isOurs(node)) continue;
        pending.add(node);
      }
    }
    if (pending.size > BURST_LIMIT) burst = true;
    if (pending.size > 0 && timer === undefined) timer = setTimeout(flush, delayMs);
  };

  const observer = new MutationObserver(record);
  // The document element, not the body: a page that navigates by replacing <body> (Turbo-style)
  // is seen doing so, and its new body is annotated.
  const observe = () => observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  observe();
  let paused = false;
  let destroyed = false;
  const destroy = () => {
    destroyed = true;
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    pending.clear();
  };
  signal?.addEventListener('abort', destroy, { once: true });
  return {
    ignoreOwnChanges: () => void observer.takeRecords(),
    takePageChanges: () => {
      const records = observer.takeRecords();
      if (records.length > 0) record(records);
    },
    touch: (element) => {
      if (destroyed) return;
      pending.add(element);
      timer ??= setTimeout(flush, delayMs);
    },
    pause: () => {
      if (paused || destroyed) return;
      paused = true;
      // Records not yet delivered are the page's (ours are always dropped right after our work).
      const pendingRecords = observer.takeRecords();
      if (pendingRecords.length > 0) record(pendingRecords);
      observer.disconnect();
    },
    resume: () => {
      if (!paused || destroyed) return;
      paused = false;
      observe();
    },
    destroy,
  };
}
