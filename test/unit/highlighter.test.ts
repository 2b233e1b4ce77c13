import { beforeEach, describe, expect, it } from 'vitest';
import { highlightRanges, unmarkBlock, type HighlightRange, type MarkedBlock } from '../../entrypoints/content/highlighter';
import { blockText, EXCLUDED_SELECTORS, isExcluded, walkTextBlocks, type TextBlock } from '../../entrypoints/content/text-blocks';

const PAGE = `
  <header><nav>Zhejiang news</nav></header>
  <article>
    <header><h1>Zhejiang and Anhui plan ahead</h1></header>
    <p>Officials in <a href="/zj">Zhe<em>jiang</em></a> said Anhui will grow.</p>
    <div>Loose Anhui text <p>Nested Zhejiang para</p> tail Anhui</div>
    <ul><li>Anhui item</li><li><input value="Anhui"> Zhejiang</li></ul>
    <form><label>Anhui</label></form>
    <div contenteditable="true">Anhui editable</div>
    <script>var s = "Anhui";</script>
    <textarea>Anhui</textarea>
  </article>
  <footer>Anhui footer</footer>`;

/** Every occurrence of each word in each block, as ranges. */
function rangesFor(block: TextBlock, words: string[]): HighlightRange[] {
  const text = blockText(block);
  const ranges: HighlightRange[] = [];
  const pattern = new RegExp(words.join('|'), 'g');
  for (const m of text.matchAll(pattern)) {
    ranges.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      attributes: { 'data-fyp-kind': 'region', 'data-fyp-id': m[0].toLowerCase() },
    });
  }
  return ranges;
}

const marked: MarkedBlock[] = [];

function highlightAll(root: Element, words: string[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (const block of walkTextBlocks(root)) {
    const done = highlightRanges(block, rangesFor(block, words));
    marked.push(done);
    marks.push(...done.marks);
  }
  // Blocks come inner ones first; the assertions read marks in document order.
  return marks.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

describe('text blocks', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('reads article text block by block, skipping chrome, forms, fields and scripts', () => {
    const blocks = [...walkTextBlocks(document.body)].sort((a, b) => a.order - b.order);
    const texts = blocks.map((b) => blockText(b).trim().replace(/\s+/g, ' '));
    expect(texts).toEqual([
      'Zhejiang and Anhui plan ahead',
      'Officials in Zhejiang said Anhui will grow.',
      'Loose Anhui text tail Anhui',
      'Nested Zhejiang para',
      'Anhui item',
      'Zhejiang',
    ]);
  });

  it('excludes an element without attributes exactly when the selector list or the site-chrome rule would', () => {
    // isExcluded answers such elements from their tag alone; the selector list is the reference.
    // Every tag any selector names (alone or with attributes), and tags it names nowhere.
    const tags = [
      ...EXCLUDED_SELECTORS.flatMap((selector) => selector.match(/^[a-z][a-z0-9-]*/) ?? []),
      'p', 'span', 'em', 'a', 'div', 'li', 'h2', 'section', 'article', 'header', 'footer', 'main', 'aside',
    ];
    // A detached tree: nothing is loaded (an iframe would try to), and closest() still works.
    const page = document.createElement('div');
    const article = document.createElement('article');
    page.append(article);
    for (const tag of tags) {
      for (const parent of [page, article]) {
        const el = document.createElement(tag);
        parent.append(el);
        expect(el.hasAttributes()).toBe(false);
        const chrome = (tag === 'header' || tag === 'footer') && parent === page;
        expect([tag, parent.tagName, isExcluded(el)]).toEqual([tag, parent.tagName, el.matches(EXCLUDED_SELECTORS.join(',')) || chrome]);
        el.remove();
      }
    }
    // With attributes the whole list applies, and class or id words of page furniture.
    const cases: [string, boolean][] = [
      ['<p hidden>', true], ['<p style="display: none">', true], ['<p aria-hidden="true">', true], ['<mark data-fyp-kind="region">', true],
      ['<div class="share-bar">', true], ['<div id="comments">', true], ['<div class="article-body">', false], ['<p class="lead">', false],
    ];
    for (const [html, excluded] of cases) {
      article.innerHTML = html;
      expect([html, isExcluded(article.firstElementChild as Element)]).toEqual([html, excluded]);
    }
  });

  it('yields a block as soon as the walk leaves it, before walking the rest of the root', () => {
    // The root's own whitespace keeps it open to the end; its paragraphs must not wait for it,
    // or the first slice of a huge page would walk the whole page.
    document.body.innerHTML = '\n<p>Zhejiang one</p>\n<p>Anhui two</p>\n';
    const walk = walkTextBlocks(document.body);
    const first = walk.next();
    expect(first.done).toBe(false);
    expect(blockText(first.value as TextBlock)).toBe('Zhejiang one');
    // The walker is live: a paragraph added now, behind the walk, is still reached.
    document.body.insertAdjacentHTML('beforeend', '<p>Hebei three</p>');
    expect([...walk].map(blockText)).toEqual(['Anhui two', 'Hebei three']);
  });
});

describe('highlighter', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
    marked.length = 0;
  });

  it('marks across inline elements, never in excluded places, and undoes exactly', () => {
    const before = document.body.innerHTML;
    const marks = highlightAll(document.body, ['Zhejiang', 'Anhui']);
    const ids = marks.map((m) => `${m.getAttribute('data-fyp-id')}:${m.textContent}`);
    expect(ids).toEqual([
      'zhejiang:Zhejiang', 'anhui:Anhui',
      'zhejiang:Zhe', 'zhejiang:jiang', 'anhui:Anhui',
      // "Loose Anhui text", its nested "Zhejiang para", then the loose "tail Anhui".
      'anhui:Anhui', 'zhejiang:Zhejiang', 'anhui:Anhui',
      'anhui:Anhui', 'zhejiang:Zhejiang',
    ]);
    for (const sel of ['nav', 'footer', 'form', '[contenteditable]', 'script', 'textarea']) {
      expect(document.querySelector(`${sel} mark`), sel).toBeNull();
    }
    expect(document.querySelector('mark mark')).toBeNull();
    expect(document.querySelector('a[href="/zj"]')?.textContent).toBe('Zhejiang');
    expect(document.querySelector('[data-markjs]')).toBeNull();
    for (const block of marked) unmarkBlock(block);
    expect(document.body.innerHTML).toBe(before);
  });

  it('changes nothing when run again over its own marks', () => {
    highlightAll(document.body, ['Zhejiang', 'Anhui']);
    const once = document.body.innerHTML;
    const again = highlightAll(document.body, ['Zhejiang', 'Anhui']);
    expect(again).toHaveLength(0);
    expect(document.body.innerHTML).toBe(once);
  });
});
