/**
 * The page's text stays the page's: marking never detaches, merges or moves the page's own text
 * nodes, undo gives them their text back, and a page script that writes to a node it holds, or
 * removes what we added, sees its own text at once (STYLE.md habit 13).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  Highlighter,
  STRIKES_BEFORE_LEAVING_ALONE,
  TOUCHES_BEFORE_LEAVING_ALONE,
  type HighlightRange,
} from '../../entrypoints/content/highlighter';
import { watchPage, type PageWatcher } from '../../entrypoints/content/page-watcher';
import { blockText, walkTextBlocks, type TextBlock } from '../../entrypoints/content/text-blocks';

function rangesFor(text: string, words: readonly string[]): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const m of text.matchAll(new RegExp(words.join('|'), 'g'))) {
    ranges.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      attributes: { 'data-fyp-kind': 'region', 'data-fyp-id': m[0].toLowerCase() },
    });
  }
  return ranges;
}

function blockOfElement(element: Element): TextBlock {
  const block = [...walkTextBlocks(element)].find((b) => b.element === element);
  if (!block) throw new Error('no block');
  return block;
}

/** Every text node under `root`, with its data, in document order. */
function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Lets MutationObserver callbacks run (they are delivered as microtasks). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const WORDS = ['Zhejiang', 'Anhui', 'Hebei'];

describe('the page keeps its own text nodes', () => {
  let highlighter: Highlighter;
  let watcher: PageWatcher;
  let withdrawn: Element[];

  beforeEach(() => {
    document.body.innerHTML =
      '<p id="p">Zhejiang and Anhui grew; <a href="#">Hebei</a> too, said Anhui.</p>' +
      '<div id="list"><p id="q">Nothing here but Hebei</p></div>';
    withdrawn = [];
    // Wired as the page annotation wires them: the watcher's observer hands the page's changes over.
    highlighter = new Highlighter({
      onWithdrawn: (element) => withdrawn.push(element),
      beforeOwnWork: () => watcher.takePageChanges(),
      afterOwnWork: () => watcher.ignoreOwnChanges(),
    });
    watcher = watchPage(document, () => {}, { onRecords: (records) => highlighter.pageChanged(records) });
  });

  afterEach(() => {
    highlighter.destroy();
    watcher.destroy();
  });

  function markAll(): void {
    for (const block of walkTextBlocks(document.body)) {
      const text = blockText(block);
      highlighter.mark(block, rangesFor(text, WORDS), text);
    }
  }

  it('undo puts the text back into the very same nodes, in the same places', () => {
    const html = document.body.innerHTML;
    const before = textNodes(document.body);
    const parents = before.map((n) => n.parentNode);
    const data = before.map((n) => n.data);
    markAll();
    expect(document.querySelectorAll('mark[data-fyp-kind]')).toHaveLength(5);
    // Marking keeps every original node in the page, each still in its parent.
    for (const [i, node] of before.entries()) {
      expect(node.isConnected).toBe(true);
      expect(node.parentNode).toBe(parents[i]);
    }
    highlighter.destroy();
    const after = textNodes(document.body);
    expect(after).toHaveLength(before.length);
    for (const [i, node] of after.entries()) {
      expect(node).toBe(before[i]);
      expect(node.data).toBe(data[i]);
    }
    expect(document.body.innerHTML).toBe(html);
  });

  it('a script writing to a text node it holds shows exactly what it wrote, and keeps doing so', async () => {
    const p = document.getElementById('p') as HTMLElement;
    const held = p.firstChild as Text;
    markAll();
    held.data = 'Guangdong output rose 5% and Anhui grew; ';
    // Delivered before the next frame: the marks of the paragraph are withdrawn.
    await settle();
    expect(p.textContent).toBe('Guangdong output rose 5% and Anhui grew; Hebei too, said Anhui.');
    expect(p.querySelector('mark')).toBeNull();
    expect(p.firstChild).toBe(held);
    expect(withdrawn).toEqual([p]);
    // Marked again (as the page annotation does after a withdrawal), then written again.
    highlighter.mark(blockOfElement(p), rangesFor(blockText(blockOfElement(p)), WORDS));
    expect(p.querySelector('mark')).not.toBeNull();
    held.data = 'Latest: Sichuan output rose 3%. ';
    await settle();
    expect(p.textContent).toBe('Latest: Sichuan output rose 3%. Hebei too, said Anhui.');
    expect(p.firstChild).toBe(held);
  });

  it('when the page removes a mark, the whole text comes back in the original node', async () => {
    const p = document.getElementById('p') as HTMLElement;
    const first = p.firstChild as Text;
    const text = p.textContent;
    markAll();
    p.querySelector('mark')?.remove();
    await settle();
    expect(p.textContent).toBe(text);
    expect(p.firstChild).toBe(first);
    expect(first.data).toBe('Zhejiang and Anhui grew; ');
    expect(p.querySelector('mark')).toBeNull();
  });

  it('when the page removes its own text node, our pieces of it go too', async () => {
    const p = document.getElementById('p') as HTMLElement;
    const first = p.firstChild as Text;
    markAll();
    p.removeChild(first);
    await settle();
    expect(p.textContent).toBe('Hebei too, said Anhui.');
    // Should the page put the node back, it holds its whole text again.
    expect(first.data).toBe('Zhejiang and Anhui grew; ');
  });

  it('a block that only gains a nested block keeps its marks', async () => {
    document.body.innerHTML = '<div id="d">Anhui loose text<p>Hebei para</p></div>';
    markAll();
    const d = document.getElementById('d') as HTMLElement;
    const extra = document.createElement('p');
    extra.textContent = 'More news';
    d.append(extra);
    await settle();
    expect(withdrawn).toEqual([]);
    expect(d.querySelectorAll('mark')).toHaveLength(2);
  });

  it(`a block whose marks the page strips ${STRIKES_BEFORE_LEAVING_ALONE} times is left alone`, async () => {
    const q = document.getElementById('q') as HTMLElement;
    for (let round = 0; round < STRIKES_BEFORE_LEAVING_ALONE; round++) {
      expect(highlighter.mark(blockOfElement(q), rangesFor('Nothing here but Hebei', WORDS))).toHaveLength(1);
      q.querySelector('mark')?.remove();
      await settle();
      expect(q.textContent).toBe('Nothing here but Hebei');
    }
    expect(highlighter.isLeftAlone(q)).toBe(true);
    expect(highlighter.leftAloneCount()).toBe(1);
    expect(highlighter.mark(blockOfElement(q), rangesFor('Nothing here but Hebei', WORDS))).toEqual([]);
    expect(q.querySelector('mark')).toBeNull();
  });

  it(`rewriting its own text is no strike, up to ${TOUCHES_BEFORE_LEAVING_ALONE} times`, async () => {
    const q = document.getElementById('q') as HTMLElement;
    for (let round = 1; round <= TOUCHES_BEFORE_LEAVING_ALONE; round++) {
      expect(highlighter.isLeftAlone(q)).toBe(false);
      const text = `Update ${round}: Hebei`;
      const held = q.firstChild as Text;
      highlighter.mark(blockOfElement(q), rangesFor(blockText(blockOfElement(q)), WORDS));
      // A framework replacing the paragraph's text (React's textContent for a single string).
      if (round % 2) q.textContent = text;
      else held.data = text;
      await settle();
      expect(q.textContent).toBe(text);
    }
    expect(highlighter.isLeftAlone(q)).toBe(true);
  });

  it('our own undo is not taken for the page touching a block', async () => {
    markAll();
    highlighter.unmark([document.getElementById('p') as HTMLElement]);
    await settle();
    expect(withdrawn).toEqual([]);
  });
});
