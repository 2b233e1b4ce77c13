/**
 * Accuracy on pages shaped like real portals (no article markup, link lists, tickers, comments,
 * related lists), with the traps real news sets: the capital for the central government,
 * institutions named after places, namesake roads and districts, and pages not about China.
 * Fixtures written in our own words; labels by hand (see scoring.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, marksOn, openAnnotated, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
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

const PAGES = [
  { fixture: 'portal-en', host: 'news.cgtn.com' },
  { fixture: 'portal-zh', host: 'www.news.cn' },
  { fixture: 'offtopic-en', host: 'www.chinadaily.com.cn' },
  { fixture: 'offtopic-zh', host: 'www.news.cn' },
];

describe.each(PAGES)('$fixture on $host', ({ fixture, host }) => {
  let page: Page;

  beforeAll(async () => {
    page = await openAnnotated(browser.context, server.url(host, `${fixture}.html`));
  });

  afterAll(async () => {
    await page?.close();
  });

  it('finds regions and cities with precision and recall ≥ 0.98, sectors with recall ≥ 0.9', async () => {
    const marks = await marksOn(page);
    const labels = loadLabels(fixture);
    const scores = score(marks, labels);
    const detail = `missed ${JSON.stringify(scores.missed)} extra ${JSON.stringify(scores.extra)}`;
    expect(scores.regionsAndCities.precision, detail).toBeGreaterThanOrEqual(0.98);
    expect(scores.regionsAndCities.recall, detail).toBeGreaterThanOrEqual(0.98);
    expect(scores.sectors.recall, detail).toBeGreaterThanOrEqual(0.9);
    // The control pages: nothing at all.
    if (labels.length === 0) expect(marks, detail).toEqual([]);
  });

  it('leaves link lists, tickers, related stories, comments and rankings unmarked', async () => {
    const inFurniture = await page.evaluate(
      () => document.querySelectorAll('a [data-fyp-kind], .related [data-fyp-kind], .related-news [data-fyp-kind], .comments [data-fyp-kind], .comment-list [data-fyp-kind], .rank [data-fyp-kind], .hot-rank [data-fyp-kind]').length,
    );
    expect(inFurniture).toBe(0);
  });
});
