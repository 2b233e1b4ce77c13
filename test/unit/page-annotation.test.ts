import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { categories, cities, clusters, collisions, regions } from '../../data/dictionary';
import { DEFAULT_SETTINGS, type Settings } from '../../data/settings';
import { findArticleRoot } from '../../entrypoints/content/article-root';
import { compileDictionary } from '../../entrypoints/content/matcher';
import { scanAhead } from '../../entrypoints/content/annotator';
import type { NearWatcherFactory } from '../../entrypoints/content/near-viewport';
import { PageAnnotation } from '../../entrypoints/content/page-annotation';

const dictionary = compileDictionary({ regions, cities, categories, collisions, clusters });

const ARTICLE = `
  <header><nav><a href="/">Home</a> <a href="/gd">Guangdong</a></nav></header>
  <main><article>
    <h1>Guangdong and Zhejiang bet on AI</h1>
    <p>Shenzhen wants humanoid robots; <a href="/hz">Hangzhou</a> adds computing power.</p>
    <p>In Sichuan, Chengdu promotes the low-altitude economy and new energy vehicles.</p>
  </article></main>
  <footer>Guangdong office</footer>`;

function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, categories: {}, colors: {}, disabledSites: [], addedSites: [], ...overrides };
}

const kinds = () =>
  [...document.querySelectorAll('[data-fyp-kind]')].map(
    (m) => `${m.getAttribute('data-fyp-kind')}:${m.getAttribute('data-fyp-id')}`,
  );

describe('PageAnnotation', () => {
  let controller: AbortController;
  let page: PageAnnotation;
  let pristine: string;

  beforeEach(async () => {
    document.body.innerHTML = ARTICLE;
    pristine = document.body.innerHTML;
    controller = new AbortController();
    page = new PageAnnotation({ doc: document, dictionary, categories, settings: settings(), signal: controller.signal });
    await page.start();
  });

  afterEach(() => controller.abort());

  it('marks the article only, and says it is ready', () => {
    expect(document.documentElement.getAttribute('data-fyp-status')).toBe('ready');
    expect(findArticleRoot(document).tagName).toBe('ARTICLE');
    expect(kinds()).toEqual([
      'region:guangdong', 'region:zhejiang', 'sector:artificial-intelligence',
      'city:shenzhen', 'sector:embodied-ai', 'city:hangzhou', 'sector:computing-power',
      'region:sichuan', 'city:chengdu', 'sector:low-altitude-economy', 'sector:nev-icv',
    ]);
    expect(document.querySelector('nav [data-fyp-kind], footer [data-fyp-kind]')).toBeNull();
  });

  it('removes exactly the marks of what is switched off, and restores the page when all is off', async () => {
    await page.applySettings(settings({ cities: false }));
    expect(kinds().some((k) => k.startsWith('city:'))).toBe(false);
    expect(kinds()).toHaveLength(8);
    await page.applySettings(settings({ cities: false, categories: { 'digital-ai': false } }));
    expect(kinds()).not.toContain('sector:artificial-intelligence');
    expect(kinds()).not.toContain('sector:computing-power');
    const allOff = Object.fromEntries(categories.map((c) => [c.id, false]));
    await page.applySettings(settings({ regions: false, cities: false, categories: allOff }));
    expect(document.body.innerHTML).toBe(pristine);
    await page.applySettings(settings());
    expect(kinds()).toHaveLength(11);
  });

  it('switches strategy highlights off and on live, the names inside them staying unmarked', async () => {
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Guangdong leads the Greater Bay Area; the Beijing-Tianjin-Hebei area follows.';
    document.querySelector('article')?.append(paragraph);
    await page.applySettings(settings({ firstMentionOnly: true }));
    await page.applySettings(settings());
    const strategies = () => kinds().filter((k) => k.startsWith('cluster:'));
    expect(strategies()).toEqual(['cluster:greater-bay-area', 'cluster:beijing-tianjin-hebei']);
    const before = kinds().length;
    await page.applySettings(settings({ clusters: false }));
    expect(strategies()).toEqual([]);
    expect(kinds()).toHaveLength(before - 2);
    expect(kinds()).not.toContain('region:beijing');
    expect(page.results().mentions.filter((m) => m.kind === 'cluster')).toEqual([]);
    await page.applySettings(settings());
    expect(strategies()).toEqual(['cluster:greater-bay-area', 'cluster:beijing-tianjin-hebei']);
    expect(page.results().mentions.filter((m) => m.kind === 'cluster').map((m) => [m.id, m.text, m.region])).toEqual([
      ['greater-bay-area', 'Greater Bay Area', undefined],
      ['beijing-tianjin-hebei', 'Beijing-Tianjin-Hebei', undefined],
    ]);
  });

  it('restores the HTML exactly when destroyed', () => {
    controller.abort();
    expect(document.body.innerHTML).toBe(pristine);
    expect(document.documentElement.hasAttribute('data-fyp-status')).toBe(false);
    expect(document.querySelector('style[data-fyp-ui]')).toBeNull();
  });

  it('annotates content added later, once', async () => {
    const p = document.createElement('p');
    p.textContent = 'Later, Yunnan said Kunming would court ASEAN traders.';
    document.querySelector('article')?.append(p);
    await expect.poll(() => kinds().filter((k) => k === 'region:yunnan').length).toBe(1);
    expect(kinds()).toContain('city:kunming');
    expect(document.querySelector('[data-fyp-kind] [data-fyp-kind]')).toBeNull();
    expect(kinds().filter((k) => k === 'region:guangdong')).toHaveLength(1);
  });

  it('reports mentions with their sentences as plain text', () => {
    const mentions = page.results().mentions;
    const chengdu = mentions.find((m) => m.id === 'chengdu');
    expect(chengdu).toMatchObject({ kind: 'city', region: 'sichuan', text: 'Chengdu' });
    // The sentence travels once per region: on Sichuan's mention, not again on Chengdu's.
    const sichuan = mentions.filter((m) => m.region === 'sichuan').map((m) => m.sentence);
    expect(sichuan).toEqual(['In Sichuan, Chengdu promotes the low-altitude economy and new energy vehicles.', '']);
    expect(mentions.filter((m) => m.kind === 'sector').every((m) => m.sentence === '')).toBe(true);
    expect(page.results().sentencesLeftOut).toEqual({});
  });

  it('marks only the first mention per paragraph when asked', async () => {
    document.querySelector('article p')?.append(' Shenzhen again.');
    await page.applySettings(settings({ firstMentionOnly: true }));
    expect(kinds().filter((k) => k === 'city:shenzhen')).toHaveLength(1);
  });
});

describe('PageAnnotation on a page that edits annotated text', () => {
  it('re-annotates the edited paragraph once and then stays quiet', async () => {
    document.body.innerHTML = ARTICLE;
    const controller = new AbortController();
    const page = new PageAnnotation({ doc: document, dictionary, categories, settings: settings(), signal: controller.signal });
    await page.start();
    const paragraph = document.querySelector('article p') as HTMLElement;
    paragraph.append(' Later Ningbo joined in.');
    await expect.poll(() => kinds().includes('city:ningbo')).toBe(true);
    // Count DOM changes after the update has settled: none should follow (no feedback loop).
    let changes = 0;
    const observer = new MutationObserver((records) => {
      changes += records.length;
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    await new Promise((resolve) => setTimeout(resolve, 600));
    observer.disconnect();
    expect(changes).toBe(0);
    expect(kinds().filter((k) => k === 'city:shenzhen')).toHaveLength(1);
    controller.abort();
  });
});

describe('PageAnnotation on a page longer than one time slice', () => {
  it('annotates it in several slices and then stays quiet (our own changes are never taken for the page’s)', async () => {
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) => `<p>Paragraph ${i}: Guangdong and <a href="/zj">Zhejiang</a> expand computing power in Shenzhen.</p>`,
    );
    document.body.innerHTML = `<main><article>${paragraphs.join('\n')}</article></main>`;
    const controller = new AbortController();
    // Every mark wrapped in this pass (none deferred to the viewport): 1,600 marks in slices.
    const page = new PageAnnotation({ doc: document, dictionary, categories, settings: settings(), signal: controller.signal, eagerMarks: Infinity });
    await page.start();
    const detail = (performance.getEntriesByName('fyp:ready').at(-1) as PerformanceMark).detail as { slices: number };
    expect(detail.slices).toBeGreaterThan(1);
    expect(kinds()).toHaveLength(400 * 4);
    let changes = 0;
    const observer = new MutationObserver((records) => {
      changes += records.length;
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    await new Promise((resolve) => setTimeout(resolve, 600));
    observer.disconnect();
    expect(changes).toBe(0);
    controller.abort();
  });
});

describe('PageAnnotation after scanning ahead', () => {
  it('uses the blocks matched while the settings loaded, filtered by the settings, and rereads edited ones', async () => {
    document.body.innerHTML = ARTICLE;
    const controller = new AbortController();
    const stats = { workMs: 0, longestSliceMs: 0, slices: 0 };
    const blocks = await scanAhead(dictionary, findArticleRoot(document), new Promise(() => {}), stats, controller.signal);
    expect(blocks.size).toBe(3);
    expect(stats.slices).toBeGreaterThan(0);
    // The page changes before the settings arrive: that paragraph is matched again.
    const sichuan = document.querySelectorAll('article p')[1] as HTMLElement;
    sichuan.textContent = 'In Yunnan, Kunming courts traders.';
    const results: number[] = [];
    const page = new PageAnnotation({
      doc: document,
      dictionary,
      categories,
      settings: settings({ cities: false }),
      signal: controller.signal,
      scannedAhead: { blocks, stats },
      onResultsChanged: (regionCount) => results.push(regionCount),
    });
    await page.start();
    expect(kinds()).toEqual([
      'region:guangdong', 'region:zhejiang', 'sector:artificial-intelligence',
      'sector:embodied-ai', 'sector:computing-power',
      'region:yunnan',
    ]);
    // The badge number: Guangdong, Zhejiang and Yunnan.
    expect(results).toEqual([3]);
    controller.abort();
  });

  it('stops scanning ahead once the settings have arrived', async () => {
    // It looks between slices: with the settings in at once, it stops after the first slice.
    document.body.innerHTML = `<article>${'<p>Hebei and Tianjin.</p>'.repeat(3000)}</article>`;
    const stats = { workMs: 0, longestSliceMs: 0, slices: 0 };
    const blocks = await scanAhead(dictionary, document.body, Promise.resolve(), stats);
    expect(blocks.size).toBeGreaterThan(0);
    expect(blocks.size).toBeLessThan(3000);
  });
});

describe('PageAnnotation when the extension goes while it starts', () => {
  it('leaves the page untouched if its signal was aborted before it was created', async () => {
    document.body.innerHTML = ARTICLE;
    const pristine = document.body.innerHTML;
    const controller = new AbortController();
    controller.abort();
    const page = new PageAnnotation({ doc: document, dictionary, categories, settings: settings(), signal: controller.signal });
    await page.start();
    expect(document.body.innerHTML).toBe(pristine);
    expect(document.querySelector('style[data-fyp-ui]')).toBeNull();
    expect(document.documentElement.hasAttribute('data-fyp-status')).toBe(false);
  });
});

describe('PageAnnotation on a page with thousands of marks', () => {
  it('switches them off in slices and restores the page exactly', async () => {
    const paragraphs = Array.from({ length: 600 }, (_, i) => `<p>Note ${i}: Guangdong, Zhejiang, Hebei and Anhui.</p>`);
    document.body.innerHTML = `<main><article>${paragraphs.join('\n')}</article></main>`;
    const pristine = document.body.innerHTML;
    const controller = new AbortController();
    // Every mark wrapped at once (no deferring to the viewport), to unwrap thousands.
    const page = new PageAnnotation({ doc: document, dictionary, categories, settings: settings(), signal: controller.signal, eagerMarks: Infinity });
    await page.start();
    expect(kinds()).toHaveLength(2400);
    let deliveries = 0;
    const observer = new MutationObserver(() => {
      deliveries++;
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const off = page.toggle();
    // Nothing is unwrapped in the same task as the request: it goes in slices.
    expect(kinds()).toHaveLength(2400);
    expect(await off).toBe(false);
    observer.disconnect();
    expect(kinds()).toHaveLength(0);
    expect(document.body.innerHTML).toBe(pristine);
    expect(deliveries).toBeGreaterThan(1);
    // And back on: everything is marked again.
    expect(await page.toggle()).toBe(true);
    expect(kinds()).toHaveLength(2400);
    controller.abort();
  });
});

describe('PageAnnotation and the frames the browser renders', () => {
  const page400 = () =>
    `<main><article>${Array.from({ length: 400 }, (_, i) => `<p>Item ${i}: Guangdong, Zhejiang, Hebei and Anhui.</p>`).join('')}</article></main>`;

  afterEach(() => {
    vi.restoreAllMocks();
    delete (document as unknown as Record<string, unknown>).visibilityState;
  });

  it('lets a frame be rendered after every few hundred new marks', async () => {
    document.body.innerHTML = page400();
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    const controller = new AbortController();
    const page = new PageAnnotation({ doc: document, dictionary, categories, settings: settings(), signal: controller.signal, eagerMarks: Infinity });
    await page.start();
    expect(kinds()).toHaveLength(1600);
    // One frame watched per 300 marks at least (1,600 marks), each waited for before going on.
    expect(frames.mock.calls.length).toBeGreaterThanOrEqual(5);
    controller.abort();
  });

  it('does not wait for frames in a hidden tab, which renders none', async () => {
    document.body.innerHTML = page400();
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    // A hidden tab's frames never come.
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    const controller = new AbortController();
    const page = new PageAnnotation({ doc: document, dictionary, categories, settings: settings(), signal: controller.signal, eagerMarks: Infinity });
    await page.start();
    expect(kinds()).toHaveLength(1600);
    controller.abort();
  });
});

describe('PageAnnotation on a very long page (marks far from the viewport wait for the reader)', () => {
  /** A stand-in for the viewport: the test says which blocks came near. */
  function fakeViewport() {
    const watched = new Set<Element>();
    let onNear: (elements: Element[]) => void = () => undefined;
    const factory: NearWatcherFactory = (callback) => {
      onNear = callback;
      return {
        observe: (element) => watched.add(element),
        unobserve: (element) => watched.delete(element),
        disconnect: () => watched.clear(),
      };
    };
    return { factory, watched, bringNear: (...elements: Element[]) => onNear(elements) };
  }

  let controller: AbortController;
  let page: PageAnnotation;
  let pristine: string;
  let viewport: ReturnType<typeof fakeViewport>;
  const block = (n: number) => document.querySelectorAll('article > h1, article > p')[n] as Element;

  beforeEach(async () => {
    document.body.innerHTML = ARTICLE;
    pristine = document.body.innerHTML;
    controller = new AbortController();
    viewport = fakeViewport();
    // The headline's three marks use up the eager ones: both paragraphs wait.
    page = new PageAnnotation({
      doc: document, dictionary, categories, settings: settings(), signal: controller.signal,
      eagerMarks: 3, nearWatcher: viewport.factory,
    });
    await page.start();
  });

  afterEach(() => controller.abort());

  it('wraps the first marks at once and counts every mention from the start', () => {
    expect(kinds()).toEqual(['region:guangdong', 'region:zhejiang', 'sector:artificial-intelligence']);
    expect(page.results().mentions.map((m) => m.id)).toEqual([
      'guangdong', 'zhejiang', 'artificial-intelligence', 'shenzhen', 'embodied-ai', 'hangzhou',
      'computing-power', 'sichuan', 'chengdu', 'low-altitude-economy', 'nev-icv',
    ]);
    expect([...viewport.watched]).toEqual([block(1), block(2)]);
    expect(document.documentElement.getAttribute('data-fyp-status')).toBe('ready');
  });

  it('wraps a waiting block when it comes near, and only that one', async () => {
    viewport.bringNear(block(2));
    await expect.poll(() => kinds().length).toBe(7);
    expect(kinds().slice(3)).toEqual(['region:sichuan', 'city:chengdu', 'sector:low-altitude-economy', 'sector:nev-icv']);
    expect(block(2).querySelector('[data-fyp-kind="city"]')?.getAttribute('data-fyp-region')).toBe('sichuan');
    expect([...viewport.watched]).toEqual([block(1)]);
    // Coming near again changes nothing.
    viewport.bringNear(block(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(kinds()).toHaveLength(7);
  });

  it('restores the page exactly with blocks still waiting, and stops watching them', async () => {
    viewport.bringNear(block(1));
    await expect.poll(() => kinds().length).toBe(7);
    controller.abort();
    expect(document.body.innerHTML).toBe(pristine);
    expect(viewport.watched.size).toBe(0);
  });

  it('does not wrap what was switched off meanwhile', async () => {
    await page.applySettings(settings({ cities: false }));
    viewport.bringNear(block(1), block(2));
    await expect.poll(() => kinds().length).toBe(8);
    expect(kinds().some((k) => k.startsWith('city:'))).toBe(false);
  });

  it('wraps every waiting block before the page is printed', () => {
    window.dispatchEvent(new Event('beforeprint'));
    // At once: the print layout follows the event.
    expect(kinds()).toHaveLength(11);
    expect(viewport.watched.size).toBe(0);
    controller.abort();
    expect(document.body.innerHTML).toBe(pristine);
  });

  it('wraps the waiting mentions of a region before jumping to them', async () => {
    const jump = await page.jumpTo('sichuan');
    expect(jump).toEqual({ found: true, position: 1, total: 2 });
    expect(block(2).querySelectorAll('[data-fyp-region="sichuan"]')).toHaveLength(2);
    // Other waiting blocks stay as they were.
    expect(block(1).querySelector('[data-fyp-kind]')).toBeNull();
  });

  it('marks blocks the page changes at once, waiting or not', async () => {
    block(2).append(' Yunnan too.');
    block(0).append(' Hebei too.');
    await expect.poll(() => kinds().filter((k) => k === 'region:yunnan' || k === 'region:hebei').length).toBe(2);
    expect(block(2).querySelectorAll('[data-fyp-kind]')).toHaveLength(5);
    expect(block(0).querySelectorAll('[data-fyp-kind]')).toHaveLength(4);
    // Wrapped now: no longer waiting for the reader.
    expect([...viewport.watched]).toEqual([block(1)]);
    expect(page.results().mentions.filter((m) => m.id === 'yunnan')).toHaveLength(1);
  });
});
