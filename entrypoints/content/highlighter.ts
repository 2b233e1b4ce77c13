/**
 * Owns every change we make to the page's text, and its undo. mark.js wraps precomputed ranges
 * of one block (`markRanges`; matching is done beforehand by the pure matcher). The page's own
 * text nodes are never merged, moved or detached: mark.js splits a text node by keeping the
 * node itself as the first piece (the text before the first mark) and inserting new nodes after
 * it, so undo removes the nodes we inserted and gives the original node its text back. Pages
 * (React, Vue, plain scripts) keep references to their text nodes and write to them later; they
 * still hold the right node, and a guard withdraws our pieces the moment the page touches a
 * marked block, so what it writes is what the reader sees.
 */
import Mark from 'mark.js';
import { BLOCK_TAGS, blockText, EXCLUDED_SELECTORS, type TextBlock } from './text-blocks';

/** A range to wrap, in the block's text, with the attributes its mark gets. */
export interface HighlightRange {
  start: number;
  end: number;
  /** The text expected at [start, end): a guard against any drift between us and mark.js. */
  text: string;
  attributes: Record<string, string>;
}

export const MARK_ELEMENT = 'mark';
export const MARK_CLASS = 'fyp-mark';
/** Set on a block only while mark.js works in it, to scope its exclusions to that block. */
const CONTEXT_ATTR = 'data-fyp-ctx';
const BLOCKS = new Set(BLOCK_TAGS);

const inContext = (selector: string) =>
  `[${CONTEXT_ATTR}] :is(${selector}), [${CONTEXT_ATTR}] :is(${selector}) *`;
// mark.js tests each text node's parent against these selectors. Scoped to the block so that
// its own text is read, but not text of nested blocks (annotated on their own) or of excluded
// elements — the same text that walkTextBlocks gave the matcher.
const MARKJS_EXCLUDE = [inContext(BLOCK_TAGS.join(',')), inContext(EXCLUDED_SELECTORS.join(','))];

/** A range as handed to mark.js: kept small, since mark.js serialises the list it is given. */
interface MarkJsRange extends Mark.Range {
  index: number;
}

/** One of the page's text nodes that we split: what it held, what we left in it, what we added. */
interface Split {
  node: Text;
  data: string;
  left: string;
  /** The nodes we inserted right after it (marks and the rest of its text), in order. */
  pieces: ChildNode[];
}

/** What marking one block changed, enough to undo it exactly. */
export interface MarkedBlock {
  element: Element;
  marks: HTMLElement[];
  splits: Split[];
}

/**
 * Wraps the ranges of one block in marks; returns what it changed (`marks` in document order).
 * `text` is the block's text when the caller has it already (blockText).
 */
export function highlightRanges(
  block: TextBlock,
  ranges: readonly HighlightRange[],
  text: string = blockText(block),
): MarkedBlock {
  const marked: MarkedBlock = { element: block.element, marks: [], splits: [] };
  if (ranges.length === 0) return marked;
  const verdicts = new Map<number, boolean>();
  const element = block.element as HTMLElement;
  const markRanges: MarkJsRange[] = ranges.map((range, index) => ({
    start: range.start,
    length: range.end - range.start,
    index,
  }));
  // mark.js inserts its pieces right after each node it splits: remembering each node's next
  // sibling beforehand tells which nodes are ours afterwards.
  const before = block.nodes.map((node) => ({ node, data: node.data, next: node.nextSibling }));
  // Most blocks are plain paragraphs whose whole text is the block's text: then mark.js needs no
  // exclusions, which saves it testing every text node against long selectors (three times per
  // node, the way its iterator walks). Otherwise the scoped exclusions keep it to the same text.
  const plain = element.textContent === text;
  if (!plain) element.setAttribute(CONTEXT_ATTR, '');
  try {
    new Mark(element).markRanges(markRanges, {
      element: MARK_ELEMENT,
      className: MARK_CLASS,
      exclude: plain ? [] : MARKJS_EXCLUDE,
      // mark.js passes (textNode, range, matchedText, counter); its type definitions differ.
      // It calls this once per text node a range spans; the text is only meaningful the first
      // time, so each range is checked once and its later pieces follow that verdict.
      filter: ((_node: Text, raw: MarkJsRange, matched: string) => {
        const verdict = verdicts.get(raw.index);
        if (verdict !== undefined) return verdict;
        const expected = (ranges[raw.index] as HighlightRange).text;
        const ok = matched === expected;
        if (!ok) console.warn('[fyp] skipped a mark whose text moved', { expected, matched });
        verdicts.set(raw.index, ok);
        return ok;
      }) as unknown as Mark.MarkRangesOptions['filter'],
      each: (mark: Element, raw: Mark.Range) => {
        const range = ranges[(raw as MarkJsRange).index] as HighlightRange;
        mark.removeAttribute('data-markjs');
        for (const [name, value] of Object.entries(range.attributes)) mark.setAttribute(name, value);
        marked.marks.push(mark as HTMLElement);
      },
    });
  } finally {
    if (!plain) element.removeAttribute(CONTEXT_ATTR);
  }
  for (const { node, data, next } of before) {
    if (node.nextSibling === next) continue;
    const pieces: ChildNode[] = [];
    for (let piece = node.nextSibling; piece && piece !== next; piece = piece.nextSibling) pieces.push(piece);
    marked.splits.push({ node, data, left: node.data, pieces });
  }
  return marked;
}

/**
 * Undoes one block's marking: removes the nodes we inserted and gives each split text node its
 * text back, unless the page has written to it since (`written`), whose text then stands.
 */
export function unmarkBlock(marked: MarkedBlock, written?: ReadonlySet<Node>): void {
  for (const split of marked.splits) {
    for (const piece of split.pieces) piece.parentNode?.removeChild(piece);
    if (!written?.has(split.node) && split.node.data === split.left) split.node.data = split.data;
  }
  marked.splits = [];
  marked.marks = [];
}

/**
 * Times the page may remove our marks from a block while keeping its own text there (a script
 * that strips what it does not know) before the block is left alone for the rest of the page's
 * life. Rewriting the block's text (a ticker, a re-render) withdraws the marks too but is no
 * strike, up to TOUCHES_BEFORE_LEAVING_ALONE times, which bounds any other fight.
 */
export const STRIKES_BEFORE_LEAVING_ALONE = 2;
export const TOUCHES_BEFORE_LEAVING_ALONE = 20;

export interface HighlighterOptions {
  /** Told after the page touched a marked block and its marks were withdrawn. */
  onWithdrawn?: (element: Element) => void;
  /**
   * Around our own DOM work outside the passes' slices: before it, the page's changes still
   * waiting in the page's MutationObserver are handed over (to `pageChanged`); after it, the
   * records of our own changes are dropped. The page watcher's observer provides both.
   */
  beforeOwnWork?: () => void;
  afterOwnWork?: () => void;
}

/**
 * Marks blocks and keeps them safe: given the page's mutation records as they are delivered (in
 * the same microtask checkpoint as the page's change, before anything is rendered), it withdraws
 * the marks of every marked block the page touched (wrote a text node of, added or removed a
 * node in). A block whose marks the page strips STRIKES_BEFORE_LEAVING_ALONE times, or that it
 * touches TOUCHES_BEFORE_LEAVING_ALONE times, is left alone from then on: a script that strips
 * or rewrites what we add would otherwise fight us for ever.
 */
export class Highlighter {
  private readonly blocks = new Map<Element, MarkedBlock>();
  private readonly touches = new WeakMap<Element, { strikes: number; touches: number }>();
  private readonly leftAlone = new Set<Element>();
  /** Server-rendered framework roots: their text is never split (see setUnsplittable). */
  private unsplittable: readonly Element[] = [];
  private destroyed = false;

  constructor(private readonly options: HighlighterOptions = {}) {}

  /** Wraps `ranges` of `block` (replacing any marks it had); returns its marks. */
  mark(block: TextBlock, ranges: readonly HighlightRange[], text?: string): HTMLElement[] {
    if (this.destroyed || this.isLeftAlone(block.element)) return [];
    return this.own(() => {
      const old = this.blocks.get(block.element);
      if (old) {
        unmarkBlock(old);
        this.blocks.delete(block.element);
      }
      const marked = highlightRanges(block, ranges, text);
      if (marked.marks.length > 0) this.blocks.set(block.element, marked);
      return marked.marks;
    });
  }

  /** Removes the marks of these blocks, putting their text back into the page's own nodes. */
  unmark(elements: Iterable<Element>): void {
    this.own(() => {
      for (const element of elements) {
        const marked = this.blocks.get(element);
        if (!marked) continue;
        unmarkBlock(marked);
        this.blocks.delete(element);
      }
    });
  }

  /**
   * Whether a block gets no marks: the page has fought them off, or it lies in a server-rendered
   * framework root (whose hydration expects the DOM exactly as it was sent).
   */
  isLeftAlone(element: Element): boolean {
    return this.leftAlone.has(element) || this.unsplittable.some((root) => root.contains(element));
  }

  /** Sets the subtrees whose text must never be split (see findServerRenderedRoots). */
  setUnsplittable(roots: readonly Element[]): void {
    this.unsplittable = roots;
  }

  /** Blocks left alone that are still on the page. */
  leftAloneCount(): number {
    let count = 0;
    for (const element of this.leftAlone) {
      if (element.isConnected) count++;
      else this.leftAlone.delete(element);
    }
    return count;
  }

  /** Undoes every mark; marks nothing from then on. */
  destroy(): void {
    if (this.destroyed) return;
    this.unmark([...this.blocks.keys()]);
    this.destroyed = true;
  }

  /** Runs our own DOM work: the page's changes before it are handled, ours are not seen. */
  private own<T>(work: () => T): T {
    this.options.beforeOwnWork?.();
    try {
      return work();
    } finally {
      this.options.afterOwnWork?.();
    }
  }

  /** The page changed the document: withdraws our marks from every marked block it touched. */
  pageChanged(records: readonly MutationRecord[]): void {
    if (this.blocks.size === 0) return;
    const touched = new Set<Element>();
    const struck = new Set<Element>();
    const written = new Set<Node>();
    for (const record of records) {
      const block = this.markedBlockOf(record.target);
      if (!block) continue;
      if (record.type === 'characterData') {
        written.add(record.target);
        touched.add(block);
      } else if (record.type === 'childList' && this.changesText(record)) {
        touched.add(block);
        if (this.removesOnlyOurs(block, record)) struck.add(block);
      }
    }
    if (touched.size === 0) return;
    // Dropped by afterOwnWork: our undo is not the page's doing.
    this.own(() => {
      for (const element of touched) {
        const marked = this.blocks.get(element);
        if (!marked) continue;
        unmarkBlock(marked, written);
        this.blocks.delete(element);
        const count = this.touches.get(element) ?? { strikes: 0, touches: 0 };
        count.touches++;
        if (struck.has(element)) count.strikes++;
        this.touches.set(element, count);
        if (count.strikes >= STRIKES_BEFORE_LEAVING_ALONE || count.touches >= TOUCHES_BEFORE_LEAVING_ALONE) {
          this.leftAlone.add(element);
        }
      }
    });
    for (const element of touched) this.options.onWithdrawn?.(element);
  }

  /** The marked block whose own text `node` is part of, if any. */
  private markedBlockOf(node: Node): Element | undefined {
    for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
      if (this.blocks.has(el)) return el;
      if (BLOCKS.has(el.tagName)) return undefined;
    }
    return undefined;
  }

  /**
   * Whether a childList change can move the block's own text: anything but whole nested blocks
   * added or removed away from our pieces (a list growing under a marked heading does not).
   */
  private changesText(record: MutationRecord): boolean {
    const nodes = [...record.addedNodes, ...record.removedNodes];
    if (nodes.some((node) => node.nodeType !== Node.ELEMENT_NODE || !BLOCKS.has((node as Element).tagName))) {
      return nodes.length > 0;
    }
    return this.isOurs(record.previousSibling) || this.isOurs(record.nextSibling);
  }

  /** Whether the page removed nodes of ours from a block while its own split nodes stay. */
  private removesOnlyOurs(block: Element, record: MutationRecord): boolean {
    const marked = this.blocks.get(block);
    if (!marked || record.removedNodes.length === 0) return false;
    const ours = new Set<Node>(marked.splits.flatMap((split) => split.pieces));
    return (
      [...record.removedNodes].every((node) => ours.has(node)) &&
      marked.splits.every((split) => split.node.parentNode !== null)
    );
  }

  private isOurs(node: Node | null): boolean {
    if (!node) return false;
    const block = this.markedBlockOf(node);
    const marked = block && this.blocks.get(block);
    return marked?.splits.some((split) => split.node === node || split.pieces.includes(node as ChildNode)) ?? false;
  }
}
