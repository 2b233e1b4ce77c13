/**
 * The extension in Debian's Firefox ESR (WebDriver BiDi through puppeteer-core), installed from
 * the Firefox build as a temporary add-on: articles marked exactly as labelled, the popup's
 * region list, and an options switch applied live to an open article and kept after a reload.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, proxiedUrl, type FirefoxWithExtension } from './firefox-harness';
import { startFixtureServer, type FixtureServer } from './harness';
import { e2eOptOut } from './paths';
import { CGTN_ORDER, loadLabels, mentionOrder, score } from './scoring';

interface Mark {
  kind: string;
  id: string;
  text: string;
  region: string | null;
  category: string | null;
}

const marksIn = (page: Page): Promise<Mark[]> =>
  page.$$eval('[data-fyp-kind]', (els) =>
    els.map((el) => ({
      kind: el.getAttribute('data-fyp-kind') ?? '',
      id: el.getAttribute('data-fyp-id') ?? '',
      text: el.textContent ?? '',
      region: el.getAttribute('data-fyp-region'),
      category: el.getAttribute('data-fyp-category'),
    })),
  );

/** Polls `read` until it returns `expected` (deep equality) or the timeout passes. */
async function until<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  await expect.poll(read, { timeout, interval: 50 }).toEqual(expected);
}

describe.skipIf(e2eOptOut())('Firefox', () => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefoxWithExtension(server);
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  describe.each([
    { fixture: 'cgtn-article', host: 'news.cgtn.com', language: 'English' },
    { fixture: 'chinese-article', host: 'www.news.cn', language: 'Chinese' },
  ])('the $language article ($fixture on $host)', ({ fixture, host }) => {
    it('is marked exactly as labelled, following the mark contract', async () => {
      const page = await firefox.openAnnotated(proxiedUrl(host, `${fixture}.html`));
      const marks = await marksIn(page);
      const scores = score(marks, loadLabels(fixture));
      expect({ missed: scores.missed, extra: scores.extra }).toEqual({ missed: [], extra: [] });
      for (const mark of marks) {
        if (mark.kind === 'city') expect(mark.region, mark.text).toBeTruthy();
        if (mark.kind === 'sector') expect(mark.category, mark.text).toBeTruthy();
      }
      expect(await page.$$eval('[data-fyp-kind] [data-fyp-kind]', (els) => els.length)).toBe(0);
      await page.close();
    });
  });

  it('lists the regions of the article in the popup, most mentioned first', async () => {
    const article = await firefox.openAnnotated(proxiedUrl('news.cgtn.com', 'cgtn-article.html'));
    expect(mentionOrder(await marksIn(article))).toEqual(CGTN_ORDER);
    const tabId = await firefox.tabIdOf(article);
    const popup = await firefox.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-region]');
    const regions = await popup.$$eval('[data-region]', (els) => els.map((el) => el.getAttribute('data-region') ?? ''));
    expect(regions).toEqual(CGTN_ORDER);
    expect(await popup.$$eval('[data-region] a.source-link', (as) => as.length)).toBeGreaterThan(0);
    await popup.close();
    await article.close();
  });

  it('applies an options switch to an open article live, and keeps it after a reload', async () => {
    const article = await firefox.openAnnotated(proxiedUrl('news.cgtn.com', 'cgtn-article.html'));
    const all = await marksIn(article);
    expect(all.some((m) => m.kind === 'city')).toBe(true);
    const options = await firefox.openExtensionPage('options.html');
    await options.waitForSelector('#toggle-city');
    expect(await options.$eval('#toggle-city', (el) => (el as HTMLInputElement).checked)).toBe(true);

    await options.click('#toggle-city');
    await until(() => marksIn(article), all.filter((m) => m.kind !== 'city'));

    const stored = await options.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } } }).browser;
      const stored = (await api.storage.sync.get('fypSettings')).fypSettings as { settings?: { cities?: unknown } } | undefined;
      return stored?.settings?.cities ?? null;
    });
    expect(stored).toBe(false);

    await firefox.navigateExtensionPage(options, 'options.html');
    await options.waitForSelector('#toggle-city');
    expect(await options.$eval('#toggle-city', (el) => (el as HTMLInputElement).checked)).toBe(false);
    expect(await options.$eval('#toggle-region', (el) => (el as HTMLInputElement).checked)).toBe(true);

    // Back on: the article gets its city marks again, exactly where they were.
    await options.click('#toggle-city');
    await until(() => marksIn(article), all);
    await options.close();
    await article.close();
  });
});
