/**
 * mark.js adapter. Matching is done beforehand by the pure matcher, once per text block, so
 * mark.js only wraps precomputed ranges inside that one block (`markRanges`): no keyword lists,
 * no whole-page rescans. Every function that adds marks returns what it added, and
 * `removeMarks` restores the text exactly.
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

/**
 * Wraps the ranges of one block in marks; returns the marks created, in document order.
 * `text` is the block's text when the caller has it already (blockText).
 */
export function highlightRanges(
  block: TextBlock,
  ranges: readonly HighlightRange[],
  text: string = blockText(block),
): HTMLElement[] {
  if (ranges.length === 0) return [];
  const created: HTMLElement[] = [];
  const verdicts = new Map<number, boolean>();
  const element = block.element as HTMLElement;
  const markRanges: MarkJsRange[] = ranges.map((range, index) => ({
    start: range.start,
    length: range.end - range.start,
    index,
  }));
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
        created.push(mark as HTMLElement);
      },
    });
  } finally {
    if (!plain) element.removeAttribute(CONTEXT_ATTR);
  }
  return created;
}

/**
 * Unwraps marks, putting their text back where it was. Adjacent text is merged again, as it was
 * before the mark split it, so the page's HTML is restored exactly.
 */
export function removeMarks(marks: Iterable<Element>): void {
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}
