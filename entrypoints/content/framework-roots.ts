/**
 * Finds server-rendered framework roots: HTML a framework (React, Vue, Svelte, Solid, Angular …)
 * sent from the server and will hydrate, or has hydrated. Hydration walks the DOM expecting
 * exactly the nodes it sent, so splitting a text node there makes the framework throw its tree
 * away and render it again (React: "Hydration failed …"), with an error on the page. Whether a
 * root has hydrated yet cannot be seen from a content script, so these roots are never split.
 */

/** Roots that server-rendering frameworks mark themselves. */
const ROOT_SELECTOR = [
  '[data-reactroot]', // React up to 17
  '#__next', // Next.js
  '#___gatsby', // Gatsby
  '#__nuxt', // Nuxt
  '[data-server-rendered]', // Vue 2
  '[ng-server-context]', // Angular
  'astro-island', // Astro
].join(',');

/**
 * Comments frameworks leave in server-rendered HTML to find their nodes again: React's Suspense
 * boundaries ($, /$, $?, $!), Vue's and Svelte's fragments ([, ]), Solid's markers (#, /). A
 * hand-written page has no such comments in its text.
 */
const MARKER_COMMENT = /^\s*(?:\$|\/\$|\$\?|\$!|\[|\]|#|\/)\s*$/;
/**
 * React's text separator is an empty comment between two text nodes ("expects <!-- -->3"); an
 * empty comment elsewhere is just that (content systems of many government sites leave
 * `<!---->` after their blocks), and taking it for React kept whole pages unhighlighted.
 */
const EMPTY_COMMENT = /^\s*$/;

function isFrameworkMarker(comment: Comment): boolean {
  if (MARKER_COMMENT.test(comment.data)) return true;
  return (
    EMPTY_COMMENT.test(comment.data) &&
    comment.previousSibling?.nodeType === Node.TEXT_NODE &&
    comment.nextSibling?.nodeType === Node.TEXT_NODE
  );
}

/** Most comments looked at: a page with more is not slowed down further. */
const MAX_COMMENTS = 2_000;

/** The server-rendered framework roots of a document (each an element under <body>). */
export function findServerRenderedRoots(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return [];
  const roots = new Set<Element>(body.querySelectorAll(ROOT_SELECTOR));
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < MAX_COMMENTS; node = walker.nextNode(), seen++) {
    if (!isFrameworkMarker(node as Comment)) continue;
    // The framework owns the comment's surroundings, how far up is unknown: take the whole
    // top-level element it is in.
    let top: Element | null = node.parentElement;
    while (top?.parentElement && top.parentElement !== body) top = top.parentElement;
    if (top && top !== body) roots.add(top);
  }
  return [...roots];
}
