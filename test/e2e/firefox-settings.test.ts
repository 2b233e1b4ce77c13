/**
 * Settings integrity in Firefox ESR, as test/e2e/settings.test.ts checks it in Chromium: the
 * first change on a fresh profile sticks, forty clicks as fast as the page takes them end with
 * storage, the options page and the article's marks agreeing, and two options pages plus the
 * popup changing three settings at the same instant keep all three. 20 trials each.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, proxiedUrl, type FirefoxWithExtension } from './firefox-harness';
import { startFixtureServer, type FixtureServer } from './harness';
import { e2eOptOut } from './paths';
import {
  clickAll,
  clickAt,
  fortyClicksAgree,
  random,
  storedSettings,
  switchesOn,
  switchesWithMarks,
  threeAtOnceKept,
  runTrials,
  until,
} from './settings-checks';

const TRIALS = 20;
/** Fresh browsers launched at once for the fresh-profile trials. */
const TOGETHER = 4;
const URL = proxiedUrl('news.cgtn.com', 'cgtn-article.html');

/** Whether the options page has rendered its switches. */
const optionsReady = (): boolean => document.getElementById('toggle-region') !== null;

describe.skipIf(e2eOptOut())('settings integrity in Firefox', () => {
  let server: FixtureServer;
  let marked: string[];

  beforeAll(async () => {
    server = await startFixtureServer();
    const firefox = await launchFirefoxWithExtension(server);
    marked = await switchesWithMarks(await firefox.openAnnotated(URL));
    await firefox.close();
    expect(marked).toEqual(expect.arrayContaining(['city', 'region']));
  });

  afterAll(async () => {
    await server?.close();
  });

  it(`keeps the first change on a fresh profile, ${TRIALS} of ${TRIALS} times`, { timeout: TRIALS * 30_000 }, async () => {
    const category = marked.find((id) => id !== 'region' && id !== 'city') as string;
    const kept = await runTrials(TRIALS, TOGETHER, async () => {
      const firefox = await launchFirefoxWithExtension(server);
      try {
        // As a new user does it: the article still loading, the options page opened, one click at once.
        const article = await firefox.browser.newPage();
        const loading = article.goto(URL);
        const options = await firefox.openExtensionPage('options.html');
        await until(options, optionsReady, undefined);
        await clickAll(options, [category]);
        await loading;
        await until(article, () => document.documentElement.dataset.fypStatus === 'ready', undefined);
        await until(article, (id) => document.querySelector(`[data-fyp-category="${id}"]`) === null, category);
        // Read afresh everywhere: the stored value, a new article tab, the options page reloaded.
        const again = await firefox.openAnnotated(URL);
        await firefox.navigateExtensionPage(options, 'options.html');
        await until(options, optionsReady, undefined);
        const storedOff = (await storedSettings(options))?.categories[category] === false;
        const shownOff = !(await switchesOn(options, [category])).includes(category);
        const left = await switchesWithMarks(again);
        return storedOff && shownOff && !left.includes(category) && left.length === marked.length - 1;
      } finally {
        await firefox.close();
      }
    });
    expect(kept.filter(Boolean).length).toBe(TRIALS);
  });

  describe('in one browser', () => {
    let firefox: FirefoxWithExtension;
    let article: Page;
    let options: Page;

    beforeAll(async () => {
      firefox = await launchFirefoxWithExtension(server);
      article = await firefox.openAnnotated(URL);
      options = await firefox.openExtensionPage('options.html');
      await until(options, optionsReady, undefined);
    });

    afterAll(async () => {
      await firefox?.close();
    });

    it(`ends 40 clicks as fast as the page takes them with storage, page and marks agreeing, ${TRIALS} of ${TRIALS} times`, { timeout: TRIALS * 20_000 }, async () => {
      const next = random(20_261_207);
      const agreed: boolean[] = [];
      for (let trial = 0; trial < TRIALS; trial++) agreed.push(await fortyClicksAgree(options, article, marked, next));
      expect(agreed.filter(Boolean).length).toBe(TRIALS);
    });

    it(`keeps three settings changed at the same instant by two options pages and the popup, ${TRIALS} of ${TRIALS} times`, { timeout: TRIALS * 20_000 }, async () => {
      const second = await firefox.openExtensionPage('options.html');
      await until(second, optionsReady, undefined);
      const popupPath = `popup.html?tab=${await firefox.tabIdOf(article)}`;
      const popup = await firefox.openExtensionPage(popupPath);
      const category = marked.find((id) => id !== 'region' && id !== 'city') as string;
      const kept: boolean[] = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        // The site off, so the popup, opened afresh, offers to switch it back on.
        if ((await storedSettings(options))?.disabledSites.includes('cgtn.com') !== true) {
          await clickAt(options, '#site-built-in-cgtn\\.com', Date.now());
        }
        await expect.poll(async () => (await storedSettings(options))?.disabledSites.includes('cgtn.com'), { timeout: 15_000, interval: 25 }).toBe(true);
        await firefox.navigateExtensionPage(popup, popupPath);
        await until(popup, () => document.querySelector('[data-state="off"] button') !== null, undefined);
        kept.push(await threeAtOnceKept({ options, second, popup }, category));
      }
      await Promise.all([second.close(), popup.close()]);
      expect(kept.filter(Boolean).length).toBe(TRIALS);
    });
  });
});
