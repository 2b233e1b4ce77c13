import { describe, expect, it } from 'vitest';
import { findServerRenderedRoots } from '../../entrypoints/content/framework-roots';

describe('findServerRenderedRoots', () => {
  it.each([
    ['React text separators', '<main id="r"><div><p>Guangxi expects <!-- -->3<!-- --> berths</p></div></main>'],
    ['React Suspense boundaries', '<main id="r"><!--$--><p>Hebei</p><!--/$--></main>'],
    ['Vue or Svelte fragments', '<div id="r"><!--[--><p>Hebei</p><!--]--></div>'],
    ['a Next.js root', '<div id="__next"><p>Hebei</p></div>'],
    ['React 17 and older', '<div id="r" data-reactroot=""><p>Hebei</p></div>'],
  ])('finds the top-level element holding %s', (_name, html) => {
    document.body.innerHTML = `<header>Site</header>${html}<footer>Foot</footer>`;
    const roots = findServerRenderedRoots(document);
    expect(roots).toHaveLength(1);
    expect(['r', '__next']).toContain(roots[0]?.id);
  });

  it('takes an empty comment for React only between two text nodes', () => {
    // A content system's stray <!----> after a block (seen on a provincial government's site).
    document.body.innerHTML = '<main><div><dl><dt>Scan the code</dt></dl><!---->\n<p>Shanxi grows.</p></div></main>';
    expect(findServerRenderedRoots(document)).toEqual([]);
    document.body.innerHTML = '<main><div><p>Shanxi<!----></p><!-- --><p>Hebei</p></div></main>';
    expect(findServerRenderedRoots(document)).toEqual([]);
  });

  it('finds none in a hand-written page with ordinary comments', () => {
    document.body.innerHTML = '<main><!-- article body --><p>Hebei <!-- ad slot --> grows</p></main>';
    expect(findServerRenderedRoots(document)).toEqual([]);
  });
});
