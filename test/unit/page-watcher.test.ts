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

  it('sees nothing while paused, keeps what the page changed before, and watches again after', async () => {
    document.body.innerHTML = '<p id="before">One</p><p id="ours">Two</p><p id="after">Three</p>';
    controller = new AbortController();
    const batches: string[][] = [];
    const watcher = watchPage(document, ({ targets }) => batches.push(targets.map((t) => t.id)), {
      delayMs: 10,
      signal: controller.signal,
    });
    // The page's change is still undelivered when our work starts: pausing must not lose it.
    document.getElementById('before')?.append(' Hebei');
    watcher.pause();
    document.getElementById('ours')?.append(' Tianjin');
    watcher.resume();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(batches).toEqual([['before']]);
    document.getElementById('after')?.append(' Beijing');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(batches).toEqual([['before'], ['after']]);
  });

  it('stays stopped when resumed after being destroyed', async () => {
    document.body.innerHTML = '<p id="p">One</p>';
    controller = new AbortController();
    let told = false;
    const watcher = watchPage(document, () => {
      told = true;
    }, { delayMs: 10, signal: controller.signal });
    watcher.pause();
    controller.abort();
    watcher.resume();
    document.getElementById('p')?.append(' Hebei');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(told).toBe(false);
  });
});
