/**
 * Splits a page region into text blocks: runs of text that belong to one block element
 * (paragraph, list item, heading, cell …), skipping what a reader does not read as the
 * article (scripts, form fields, navigation, site headers and footers, editable areas).
 * Text across inline elements (links, emphasis) stays in one block, so "Beijing-<a>Tianjin</a>"
 * is matched as written.
 */

/** Elements whose text is one block of reading; nested ones start a block of their own. */
export const BLOCK_TAGS: readonly string[] = [
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL',
  'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL',
];
const BLOCKS = new Set(BLOCK_TAGS);

/**
 * Never annotated, with everything inside. Marks of our own are here too so that a pass over
 * annotated content never reads its own output.
 */
export const EXCLUDED_SELECTORS: readonly string[] = [
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'svg', 'math', 'iframe', 'canvas', 'video', 'audio', 'title', 'head',
  '[contenteditable]:not([contenteditable="false"])',
  'nav', '[role="navigation"]', 'form', '[role="search"]', '[role="banner"]',
  '[role="contentinfo"]', '[aria-hidden="true"]', '[data-fyp-ui]', 'mark[data-fyp-kind]',
];
const EXCLUDED = EXCLUDED_SELECTORS.join(',');

/** Site headers and footers; an article's own header (headline, byline) is still read. */
function isSiteChrome(el: Element): boolean {
  return (el.tagName === 'HEADER' || el.tagName === 'FOOTER') && el.closest('article') === null;
}

/** Whether an element (and so its subtree) is left alone. */
export function isExcluded(el: Element): boolean {
  return el.matches(EXCLUDED) || isSiteChrome(el);
}

export interface TextBlock {
  /** The block element (or the annotated root) the text belongs to. */
  element: Element;
  /** Its text nodes, in document order, none inside a nested block. */
  nodes: Text[];
}

/** The block a text node reads in: its nearest block ancestor, or `root`. */
export function blockOf(node: Node, root: Element): Element {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
    if (BLOCKS.has(el.tagName)) return el;
  }
  return root;
}

/**
 * Walks `root` and yields its text blocks in document order. It is a generator so that the
 * caller can pause between blocks (time slicing on huge pages) without losing its place.
 */
export function* walkTextBlocks(root: Element): Generator<TextBlock, void, undefined> {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return node !== root && isExcluded(node as Element)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  // Blocks are emitted when the walk leaves them, so an open stack keeps each block's nodes
  // until its last text node has been seen (a nested block can interrupt its parent's text).
  const open = new Map<Element, Text[]>();
  const order: Element[] = [];
  let node = walker.nextNode();
  while (node) {
    const text = node as Text;
    const block = blockOf(text, root);
    let nodes = open.get(block);
    if (!nodes) {
      nodes = [];
      open.set(block, nodes);
      order.push(block);
    }
    nodes.push(text);
    node = walker.nextNode();
    // Flush every finished block: one that does not contain the next text node.
    while (order.length > 0) {
      const first = order[0] as Element;
      if (node && first.contains(node)) break;
      order.shift();
      const done = open.get(first) as Text[];
      open.delete(first);
      if (done.some((t) => t.data.trim() !== '')) yield { element: first, nodes: done };
    }
  }
}

/** The text of a block as one string: the text the matcher reads and mark.js wraps. */
export function blockText(block: TextBlock): string {
  let text = '';
  for (const node of block.nodes) text += node.data;
  return text;
}
