import { afterEach, describe, expect, it } from 'vitest';
import { watchPage, type PageChanges } from '../../entrypoints/content/page-watcher';

describe('watchPage', () => {
  let controller: AbortController;
  afterEach(() => controller.abort());

  function watch(): Promise<PageChanges> {
    controller = new AbortController();
    return new Promise((resolve) => {
      watchPage(document, resolve, { delayMs: 10, signal: controller.signal });
    });
  }

  it('reports what changed in one batch, outermost blocks only, in document order', async () => {
    document.body.innerHTML = '<article><section id="a"><p id="a1">One</p></section><p id="b">Two</p></article>';
    const changes = watch();
    // Later in the page first, then a block and one inside it: the inner one goes with its block.
    document.getElementById('b')?.append(' more');
    const post = document.createElement('div');
    post.id = 'post';
    post.innerHTML = '<p id="inner">Hebei</p>';
    document.getElementById('a')?.append(post);
    document.getElementById('inner')?.append(' and Tianjin');
    document.getElementById('a1')?.append(' again');
    const { targets, rescan } = await changes;
    expect(rescan).toBe(false);
    expect(targets.map((t) => t.id)).toEqual(['a1', 'post', 'b']);
  });

  it('ignores its own marks', async () => {
    document.body.innerHTML = '<p id="p">Hebei</p>';
    let told = false;
    controller = new AbortController();
    watchPage(document, () => {
      told = true;
    }, { delayMs: 10, signal: controller.signal });
    const mark = document.createElement('mark');
    mark.setAttribute('data-fyp-kind', 'region');
    document.getElementById('p')?.append(mark);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(told).toBe(false);
  });
});
