/**
 * Where to highlight: the article body when the page marks one up, else the main text found the
 * way reader modes find it, else the whole body (site chrome inside it is skipped by
 * text-blocks).
 */
import { linkShare, walkTextBlocks } from './text-blocks';

/** A paragraph shorter than this (characters, spaces left out) says little about where the text is. */
const MIN_PARAGRAPH = 25;
/** Paragraphs more linked than this are lists of links, not the text. */
const MAX_PARAGRAPH_LINKS = 0.3;
/** Sentence punctuation, English and Chinese: prose has it, menus and lists of titles little. */
const PUNCTUATION = /[,.;:!?](?=\s)|[，。；：！？、]/g;
/** Web addresses written out (lists of sites): no prose. */
const ADDRESSES = /(?:https?:\/\/|www\.)\S+/g;
/** A parent with this share of its best child's points holds text in several children. */
const SIBLINGS_SHARE = 0.75;
/** Containers this much bigger than the text found in them hold more than the article. */
const MAX_SPREAD = 3;

const TEXT_TAGS = new Set(['P', 'PRE', 'BLOCKQUOTE', 'LI', 'DD', 'TD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * The element holding the page's main text, scored as reader modes score it: each paragraph of
 * prose (long enough, punctuated, few links) gives points to its container and less to the
 * containers above; the best container, discounted by its own share of link text, wins. Null if
 * the page has no paragraph of prose.
 */
export function findMainText(body: Element): Element | null {
  const scores = new Map<Element, number>();
  const add = (el: Element | null, points: number) => {
    if (el !== null && el !== body.parentElement) scores.set(el, (scores.get(el) ?? 0) + points);
  };
  for (const block of walkTextBlocks(body, { keepLinkLists: true })) {
    const spaced = block.nodes.map((n) => n.data).join('').replace(ADDRESSES, '');
    const text = spaced.replace(/\s+/g, '');
    if (text.length < MIN_PARAGRAPH || linkShare(block) > MAX_PARAGRAPH_LINKS) continue;
    const points = 1 + Math.min(3, spaced.match(PUNCTUATION)?.length ?? 0) + Math.min(3, Math.floor(text.length / 100));
    // A <p> is a paragraph: its container scores. Text straight in a <div> (lines split by
    // <br>) makes that <div> the container.
    const container = TEXT_TAGS.has(block.element.tagName) ? block.element.parentElement : block.element;
    add(container, points);
    add(container?.parentElement ?? null, points / 2);
    add(container?.parentElement?.parentElement ?? null, points / 3);
  }
  let best: Element | null = null;
  let bestScore = 0;
  // Link share needs the container's whole text: only for the few best by points.
  const top = [...scores].sort((a, b) => b[1] - a[1]).slice(0, 5);
  for (const [el, points] of top) {
    const score = points * (1 - elementLinkShare(el));
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  // Text split over sibling containers (a <div> per paragraph, a feed of posts) gives their
  // parent nearly as many points as the best of them: the parent holds the text.
  for (let parent = best?.parentElement; best && parent && parent !== body.parentElement; parent = parent.parentElement) {
    if ((scores.get(parent) ?? 0) < SIBLINGS_SHARE * (scores.get(best) ?? 0)) break;
    best = parent;
  }
  return best;
}

/** Share of an element's text (spaces left out) inside links. */
function elementLinkShare(el: Element): number {
  const total = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return Math.min(1, linked / total);
}

/** The page title's first part, before the site's name ("Headline - Site", "Headline_Site"). */
function titleHead(doc: Document): string {
  return (doc.title.split(/\s[-|–—]\s|[_|]/)[0] ?? '').replace(/\s+/g, '');
}

/** The first heading or title-like element that says what the page title says. */
function titledHeadline(doc: Document): Element | undefined {
  const head = titleHead(doc);
  if (doc.body === null || head.length < 6) return undefined;
  for (const el of doc.body.querySelectorAll('h1, h2, [class*="title" i], [class*="headline" i]')) {
    const text = (el.textContent ?? '').replace(/\s+/g, '');
    if (text.length >= 6 && text.length <= head.length + 20 && (text.startsWith(head) || head.startsWith(text))) return el;
  }
  return undefined;
}

/** The article's headline: one that says what the page title says, else the first <h1> with text. */
export function findHeadline(doc: Document): Element | undefined {
  return titledHeadline(doc) ?? [...(doc.body?.querySelectorAll('h1') ?? [])].find((h) => (h.textContent ?? '').trim() !== '');
}

/**
 * The main text with its headline when that sits outside it (many portals put it in a header
 * row above the body): their nearest common ancestor, unless that ancestor is much bigger than
 * the two together (then it holds sidebars too, and the headline is left out).
 */
function withHeadline(doc: Document, main: Element): Element {
  const heading = findHeadline(doc);
  if (heading === undefined || main.contains(heading)) return main;
  let common: Element | null = main.parentElement;
  while (common !== null && !common.contains(heading)) common = common.parentElement;
  if (common === null || common === doc.body || common === doc.documentElement) return main;
  const size = (el: Element) => (el.textContent ?? '').replace(/\s+/g, '').length;
  return size(common) <= MAX_SPREAD * (size(main) + size(heading)) ? common : main;
}

/**
 * The elements to annotate: the article root, and before it the headline when the root does
 * not hold it (portals often set the headline apart from the body, in a row of its own).
 */
export function findArticleRoots(doc: Document): Element[] {
  const root = findArticleRoot(doc);
  // Only a headline the page title confirms: a first <h1> may be the site's logo.
  const headline = root === doc.body ? undefined : titledHeadline(doc);
  return headline === undefined || root.contains(headline) || headline.contains(root) ? [root] : [headline, root];
}

export function findArticleRoot(doc: Document): Element {
  const single = (selector: string): Element | null => {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 ? (found[0] as Element) : null;
  };
  const marked = single('[itemprop="articleBody"]') ?? single('article') ?? single('main, [role="main"]');
  if (marked !== null) return marked;
  const main = findMainText(doc.body);
  return main === null ? doc.body : withHeadline(doc, main);
}
