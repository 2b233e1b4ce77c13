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
  // Hidden where the page says so in its markup (menus that open on hover, templates).
  '[hidden]', '[style*="display:none" i]', '[style*="display: none" i]', 'marquee',
];
const EXCLUDED = EXCLUDED_SELECTORS.join(',');
/** The selectors above that name a tag alone: all that can exclude an element with no attributes. */
const EXCLUDED_TAGS = new Set(EXCLUDED_SELECTORS.filter((selector) => /^[a-z][a-z0-9-]*$/.test(selector)));

/** Site headers and footers; an article's own header (headline, byline) is still read. */
function isSiteChrome(el: Element): boolean {
  return (el.tagName === 'HEADER' || el.tagName === 'FOOTER') && el.closest('article') === null;
}

/**
 * Class or id words of page furniture (reader comments, related and ranked lists, breadcrumbs,
 * tickers, share bars, sidebars, footers), as reader modes recognise it; a name that also says
 * it is the article or its text ("related-article", "comment-body") is not taken for one.
 */
const FURNITURE_NAME =
  /(?:^|[^a-z])(?:comments?|cmnt|cmt|replies|reply|related|recommend\w*|breadcrumbs?|crumbs?|ticker|sidebar|share|sharing|social|foot|footer|copyright|pagination|pager|rank|ranking|hot|hotnews|trending|popular|keywords|tags)(?![a-z])/i;
const CONTENT_NAME = /article|body|content|story|entry|main|text/i;

function hasFurnitureName(el: Element): boolean {
  const classes = el.getAttribute('class');
  if (el.id === '' && !classes) return false;
  const name = `${el.id} ${classes ?? ''}`;
  return FURNITURE_NAME.test(name) && !CONTENT_NAME.test(name);
}

/** Whether an element (and so its subtree) is left alone. */
export function isExcluded(el: Element): boolean {
  // Most of an article's elements have no attributes (paragraphs, emphasis, headings), and then
  // only their tag can exclude them: a set answers that without matching the selector list,
  // which its case-insensitive style selectors made about three times slower, and every walk
  // asks it of every element.
  if (!el.hasAttributes()) return EXCLUDED_TAGS.has(el.localName) || isSiteChrome(el);
  return el.matches(EXCLUDED) || isSiteChrome(el) || hasFurnitureName(el);
}

export interface TextBlock {
  /** The block element (or the annotated root) the text belongs to. */
  element: Element;
  /** Its text nodes, in document order, none inside a nested block. */
  nodes: Text[];
  /** Where the block starts among the blocks of its walk (0, 1, …): document order of mentions. */
  order: number;
}

/** The block a text node reads in: its nearest block ancestor, or `root`. */
export function blockOf(node: Node, root: Element): Element {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
    if (BLOCKS.has(el.tagName)) return el;
  }
  return root;
}

/** Any character String.prototype.trim keeps (\s is the set trim removes). */
const NOT_SPACE = /\S/;

/** Blocks whose text is at least this much in links are link lists: site furniture. */
export const LINK_LIST_SHARE = 0.5;

/** Characters of a string that are not white space. */
function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160 && c !== 0x3000) n += 1;
  }
  return n;
}

/** Share of a block's text (spaces left out) inside links. */
export function linkShare(block: TextBlock): number {
  // Most blocks hold no link and are in none: their text need not be counted.
  if (block.element.closest('a[href]') === null && block.element.querySelector('a[href]') === null) return 0;
  let total = 0;
  let linked = 0;
  // Text straight in the block element is in a link only if the whole block is.
  let blockLinked: boolean | undefined;
  for (const node of block.nodes) {
    const length = visibleLength(node.data);
    if (length === 0) continue;
    total += length;
    const parent = node.parentElement;
    const inLink =
      parent === block.element
        ? (blockLinked ??= block.element.closest('a[href]') !== null)
        : parent?.closest('a[href]') != null;
    if (inLink) linked += length;
  }
  return total === 0 ? 0 : linked / total;
}

/**
 * A link list (menus, tickers, related articles, lists of sites): a block mostly made of links,
 * even inside an article. A headline that is a link is still the headline.
 */
function isLinkList(block: TextBlock): boolean {
  return block.element.tagName !== 'H1' && linkShare(block) >= LINK_LIST_SHARE;
}

export interface WalkOptions {
  /** Yield link lists too (see isLinkList); they are left out by default. */
  keepLinkLists?: boolean;
}

/**
 * Walks `root` and yields its text blocks, link lists left out. It is a generator so that the caller can pause
 * between blocks (time slicing on huge pages) without losing its place, and it walks only as far
 * as the block it yields: a block is yielded as soon as the walk leaves it, so an outer block
 * (the root, with the whitespace between its paragraphs) comes after the blocks nested in it.
 * `order` gives the document order of their beginnings.
 */
export function* walkTextBlocks(root: Element, options: WalkOptions = {}): Generator<TextBlock, void, undefined> {
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
  // The blocks the walk is inside, outermost first (each contains the next), with their text
  // so far: a nested block interrupts its parent's text, which goes on after it.
  const open: TextBlock[] = [];
  let opened = 0;
  const keep = options.keepLinkLists === true;
  const hasText = (block: TextBlock) => block.nodes.some((t) => NOT_SPACE.test(t.data)) && (keep || !isLinkList(block));
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const element = blockOf(text, root);
    // Every open block that does not hold this text node is finished.
    for (let top = open.at(-1); top && top.element !== element && !top.element.contains(text); top = open.at(-1)) {
      open.pop();
      if (hasText(top)) yield top;
    }
    let top = open.at(-1);
    if (top?.element !== element) {
      top = { element, nodes: [], order: opened++ };
      open.push(top);
    }
    top.nodes.push(text);
  }
  for (let top = open.pop(); top; top = open.pop()) if (hasText(top)) yield top;
}

/** The text of a block as one string: the text the matcher reads and mark.js wraps. */
export function blockText(block: TextBlock): string {
  let text = '';
  for (const node of block.nodes) text += node.data;
  return text;
}
