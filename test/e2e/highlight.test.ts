/**
 * The highlighting engine in a real Chromium on fixture pages served under real news hostnames:
 * accuracy against hand labels, exclusions, links, live content, SPA navigation and exact undo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchWithExtension,
  marksOn,
  openAnnotated,
  startFixtureServer,
  tabIdOf,
  untouchedBody,
  type ExtensionApi,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { generateArticle } from '../bench/generate';
import { loadLabels, score } from './scoring';

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The page's body HTML as loaded under a host the extension does not run on. */
async function pristineBody(path: string): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(server.url('www.example.org', path));
  const html = await untouchedBody(browser, page);
  await page.close();
  return html;
}

/** Sends a message to a tab's content script from an extension page. */
async function sendToTab(page: Page, message: unknown): Promise<unknown> {
  const tabId = await tabIdOf(browser, page);
  const driver = await browser.context.newPage();
  await driver.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const answer = await driver.evaluate(
    ([id, m]) => (globalThis as unknown as { chrome: ExtensionApi }).chrome.tabs.sendMessage(id as number, m),
    [tabId, message] as const,
  );
  await driver.close();
  return answer;
}

const STATIC_PAGES = [
  { fixture: 'cgtn-article', host: 'news.cgtn.com' },
  { fixture: 'adversarial-article', host: 'www.chinadaily.com.cn' },
  { fixture: 'chinese-article', host: 'www.news.cn' },
];

describe.each(STATIC_PAGES)('$fixture on $host', ({ fixture, host }) => {
  let page: Page;

  beforeAll(async () => {
    page = await openAnnotated(browser.context, server.url(host, `${fixture}.html`));
  });

  afterAll(async () => {
    await page?.close();
  });

  it('finds regions and cities with precision and recall ≥ 0.98, sectors with recall ≥ 0.9', async () => {
    const scores = score(await marksOn(page), loadLabels(fixture));
    const detail = `missed ${JSON.stringify(scores.missed)} extra ${JSON.stringify(scores.extra)}`;
    expect(scores.regionsAndCities.precision, detail).toBeGreaterThanOrEqual(0.98);
    expect(scores.regionsAndCities.recall, detail).toBeGreaterThanOrEqual(0.98);
    expect(scores.sectors.recall, detail).toBeGreaterThanOrEqual(0.9);
  });

  it('follows the mark contract and never marks excluded elements or nests marks', async () => {
    const problems = await page.evaluate(() => {
      const found: string[] = [];
      for (const mark of document.querySelectorAll('[data-fyp-kind]')) {
        const kind = mark.getAttribute('data-fyp-kind');
        if (!['region', 'city', 'sector', 'cluster'].includes(kind ?? '')) found.push(`bad kind ${kind}`);
        if (!mark.getAttribute('data-fyp-id')) found.push('no id');
        if (kind === 'city' && !mark.getAttribute('data-fyp-region')) found.push('city without region');
        if (kind === 'sector' && !mark.getAttribute('data-fyp-category')) found.push('sector without category');
        if (mark.querySelector('[data-fyp-kind]') || mark.parentElement?.closest('[data-fyp-kind]')) found.push('nested');
        const banned = mark.closest(
          'nav, form, textarea, input, select, option, script, style, noscript, [contenteditable="true"], body > header, body > footer',
        );
        if (banned) found.push(`inside ${banned.tagName}`);
      }
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('keeps links intact', async () => {
    const pristine = await pristineBody(`${fixture}.html`);
    const links = await page.$$eval('a', (as) => as.map((a) => `${a.getAttribute('href')}|${a.textContent}`));
    const original = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
      return [...doc.querySelectorAll('a')].map((a) => `${a.getAttribute('href')}|${a.textContent}`);
    }, pristine);
    expect(links).toEqual(original);
  });

  it('restores the page HTML exactly when switched off, and marks it again the same way', async () => {
    const pristine = await pristineBody(`${fixture}.html`);
    const before = await marksOn(page);
    expect(await sendToTab(page, { type: 'toggle-highlights' })).toEqual({ enabled: false });
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(pristine);
    expect(await sendToTab(page, { type: 'toggle-highlights' })).toEqual({ enabled: true });
    await expect.poll(() => marksOn(page)).toEqual(before);
  });
});

describe('a link with a highlighted name', () => {
  it('still navigates when the highlighted text is clicked', async () => {
    const page = await openAnnotated(browser.context, server.url('www.chinadaily.com.cn', 'adversarial-article.html'));
    const mark = page.locator('a[href="/chongqing"] [data-fyp-id="chongqing"]');
    await expect.poll(() => mark.count()).toBe(1);
    await mark.click();
    await page.waitForURL(/\/chongqing$/);
    await page.close();
  });
});

describe('live blog with later posts and pushState navigation', () => {
  it('annotates posts added later and the second SPA page, each mention once', async () => {
    const page = await openAnnotated(browser.context, server.url('news.cgtn.com', 'spa/live-blog/page-1'));
    const labelsOf = (state: string) => loadLabels('live-blog', state);

    expect(score(await marksOn(page), labelsOf('initial')).missed).toEqual([]);

    await page.waitForSelector('html[data-live-done="1"]');
    // Posts and navigation change the page asynchronously: wait for the state the labels describe.
    const settlesTo = (state: string) =>
      expect
        .poll(async () => {
          const { missed, extra } = score(await marksOn(page), labelsOf(state));
          return { missed, extra };
        }, { timeout: 10_000, interval: 50 })
        .toEqual({ missed: [], extra: [] });
    await settlesTo('after-posts');

    await page.click('a[href="/spa/live-blog/page-2"]');
    await page.waitForURL(/page-2$/);
    await settlesTo('day-two');
    expect(await page.$$eval('[data-fyp-kind] [data-fyp-kind]', (els) => els.length)).toBe(0);
    await page.close();
  });
});

describe('a very long page (20,000 words)', () => {
  beforeAll(() => {
    server.serve('/long-read.html', generateArticle(20_000, 'A very long read'));
  });

  it('marks the first 300 names at once, the rest as the reader scrolls near, and counts all from the start', async () => {
    const page = await openAnnotated(browser.context, server.url('news.cgtn.com', 'long-read.html'));
    const atReady = (await marksOn(page)).length;
    // A pass wraps 300 marks (EAGER_MARKS), finishing the paragraph it is in, and defers the rest.
    expect(atReady).toBeGreaterThanOrEqual(300);
    expect(atReady).toBeLessThan(320);
    expect(await page.$$eval('article > p:last-of-type [data-fyp-kind]', (els) => els.length)).toBe(0);
    const { mentions } = (await sendToTab(page, { type: 'get-results' })) as { mentions: unknown[] };
    expect(mentions.length).toBeGreaterThan(1_500);

    // Scrolling to the end brings the last paragraph's marks, not everything in between at once.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => page.$$eval('article > p:last-of-type [data-fyp-kind]', (els) => els.length)).toBeGreaterThan(0);
    expect((await marksOn(page)).length).toBeLessThan(mentions.length);
    // Scrolling through the whole page marks every mention the popup counts, each once.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
    });
    await expect.poll(async () => (await marksOn(page)).length, { timeout: 10_000 }).toBe(mentions.length);
    expect(await page.$$eval('[data-fyp-kind] [data-fyp-kind]', (els) => els.length)).toBe(0);

    const pristine = await pristineBody('long-read.html');
    expect(await sendToTab(page, { type: 'toggle-highlights' })).toEqual({ enabled: false });
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(pristine);
    await page.close();
  });

  it('marks everything before the page is printed', async () => {
    const page = await openAnnotated(browser.context, server.url('news.cgtn.com', 'long-read.html'));
    const { mentions } = (await sendToTab(page, { type: 'get-results' })) as { mentions: unknown[] };
    expect((await marksOn(page)).length).toBeLessThan(mentions.length);
    // What the browser fires before it lays the page out for printing (or saving a PDF).
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect((await marksOn(page)).length).toBe(mentions.length);
    await page.close();
  });

  it('jumps to a mention that was not marked yet', async () => {
    // Inner Mongolia and Baotou come up all along the page: most of their mentions are below
    // the first 300 marks.
    const page = await openAnnotated(browser.context, server.url('news.cgtn.com', 'long-read.html'));
    const marked = () => page.$$eval('[data-fyp-region="inner-mongolia"]', (els) => els.length);
    const { mentions } = (await sendToTab(page, { type: 'get-results' })) as { mentions: { region?: string }[] };
    const total = mentions.filter((m) => m.region === 'inner-mongolia').length;
    expect(await marked()).toBeLessThan(total);
    const jump = await sendToTab(page, { type: 'jump-to-region', region: 'inner-mongolia' });
    expect(jump).toEqual({ found: true, position: 1, total });
    expect(await marked()).toBe(total);
    await page.close();
  });
});

describe('the bundled demo article', () => {
  it('is highlighted by the same engine: 8+ regions, cities, 20+ sector phrases, Chinese too', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 820 });
    await page.goto(`chrome-extension://${browser.extensionId}/demo.html`);
    await page.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
    const marks = await marksOn(page);
    const regionsFound = new Set(marks.filter((m) => m.kind === 'region').map((m) => m.id));
    expect(regionsFound.size).toBeGreaterThanOrEqual(8);
    expect(marks.filter((m) => m.kind === 'city').length).toBeGreaterThanOrEqual(3);
    expect(marks.filter((m) => m.kind === 'sector').length).toBeGreaterThanOrEqual(20);
    expect(marks.some((m) => /[\u4e00-\u9fff]/.test(m.text))).toBe(true);
    await page.close();
  });
});
