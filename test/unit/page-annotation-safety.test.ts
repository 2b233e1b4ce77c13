/**
 * The page annotation on script-driven pages: it tells the background only when the results
 * changed, withdraws and re-annotates what the page touched, and leaves server-rendered
 * framework roots unsplit.
 */
import { describe, expect, it } from 'vitest';
import { categories, cities, clusters, collisions, regions } from '../../data/dictionary';
import { DEFAULT_SETTINGS, type Settings } from '../../data/settings';
import { compileDictionary } from '../../entrypoints/content/matcher';
import { PageAnnotation } from '../../entrypoints/content/page-annotation';

const dictionary = compileDictionary({ regions, cities, categories, collisions, clusters });

function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, categories: {}, colors: {}, disabledSites: [], addedSites: [], ...overrides };
}

function start(onResultsChanged?: (count: number, fresh: boolean) => void) {
  const controller = new AbortController();
  const page = new PageAnnotation({
    doc: document,
    dictionary,
    categories,
    settings: settings(),
    signal: controller.signal,
    ...(onResultsChanged ? { onResultsChanged } : {}),
  });
  return { page, controller };
}

const marks = (selector: string) => document.querySelectorAll(`${selector} mark[data-fyp-kind]`).length;

describe('PageAnnotation on script-driven pages', () => {
  it('tells the background only when the results changed', async () => {
    document.body.innerHTML = '<main><article><p id="p">Hebei grows.</p><p id="q">Tianjin too.</p></article></main>';
    const told: number[] = [];
    const { page, controller } = start((count) => told.push(count));
    await page.start();
    expect(told).toEqual([2]);
    // The page renders a paragraph again with the same text: marked again, nothing to tell.
    const q = document.getElementById('q') as HTMLElement;
    q.textContent = 'Tianjin too.';
    expect(marks('#q')).toBe(0);
    await expect.poll(() => marks('#q')).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(told).toEqual([2]);
    // A new region: told once.
    q.append(' And Anhui.');
    await expect.poll(() => told).toEqual([2, 3]);
    controller.abort();
  });

  it('calls the first telling, and the first after renotify, fresh (the tab shows the defaults then)', async () => {
    document.body.innerHTML = '<main><article><p id="p">Hebei grows.</p></article></main>';
    const told: [number, boolean][] = [];
    const { page, controller } = start((count, fresh) => told.push([count, fresh]));
    await page.start();
    expect(told).toEqual([[1, true]]);
    (document.getElementById('p') as HTMLElement).append(' So does Anhui.');
    await expect.poll(() => told).toEqual([[1, true], [2, false]]);
    page.renotify();
    expect(told).toEqual([[1, true], [2, false], [2, true]]);
    controller.abort();
  });

  it('withdraws the marks of a paragraph whose text node the page rewrites, then marks it again', async () => {
    document.body.innerHTML = '<main><article><p id="p">Latest: Zhejiang output rose 7%</p></article></main>';
    const held = (document.getElementById('p') as HTMLElement).firstChild as Text;
    const { page, controller } = start();
    await page.start();
    expect(marks('#p')).toBe(1);
    held.data = 'Latest: Guangdong output rose 5%';
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.getElementById('p')?.textContent).toBe('Latest: Guangdong output rose 5%');
    await expect.poll(() => document.querySelector('#p mark')?.getAttribute('data-fyp-id')).toBe('guangdong');
    expect(document.getElementById('p')?.firstChild).toBe(held);
    expect(page.results().mentions.map((m) => m.id)).toEqual(['guangdong']);
    controller.abort();
    expect(document.getElementById('p')?.innerHTML).toBe('Latest: Guangdong output rose 5%');
    expect(document.getElementById('p')?.firstChild).toBe(held);
  });

  it('counts mentions in a server-rendered framework root but does not split its text', async () => {
    document.body.innerHTML =
      '<div id="root"><main><article><p>Guangxi expects <!-- -->3<!-- --> new berths, Yunnan more.</p></article></main></div>';
    const { page, controller } = start();
    await page.start();
    expect(marks('#root')).toBe(0);
    expect(page.results().mentions.map((m) => m.id)).toEqual(['guangxi', 'yunnan']);
    controller.abort();
  });
});
