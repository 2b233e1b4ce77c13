/**
 * The reading companion in Debian's Firefox ESR, from the Firefox build (MV2): the sidebar page
 * lists the tab's regions and follows the page as it grows, a mark's hover card shows when the
 * keyboard steps to it, and a region card opened in the popup is open again when the popup is
 * reopened for the tab (storage.session).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, proxiedUrl, type FirefoxWithExtension } from './firefox-harness';
import { startFixtureServer, type FixtureServer } from './harness';
import { e2eOptOut } from './paths';
import { CGTN_ORDER } from './scoring';

describe.skipIf(e2eOptOut())('Firefox reading companion', () => {
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

  const regionsIn = (page: import('puppeteer-core').Page): Promise<string[]> =>
    page.$$eval('[data-region]', (els) => els.map((el) => el.getAttribute('data-region') ?? ''));

  it('the sidebar page lists the tab’s regions and follows the page as it grows', async () => {
    const article = await firefox.openAnnotated(proxiedUrl('news.cgtn.com', 'cgtn-article.html'));
    const tabId = await firefox.tabIdOf(article);
    const panel = await firefox.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.popup--panel [data-region]');
    expect(await regionsIn(panel)).toEqual(CGTN_ORDER);
    await article.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = 'Yunnan, for its part, wants more trade with its southern neighbours.';
      document.querySelector('article')?.append(paragraph);
    });
    await panel.waitForSelector('[data-region="yunnan"]', { timeout: 10_000 });
    expect(await regionsIn(panel)).toEqual([...CGTN_ORDER, 'yunnan']);
    await panel.close();
    await article.close();
  });

  it('shows a mark’s hover card when the keyboard steps to it, and closes it on Escape', async () => {
    const article = await firefox.openAnnotated(proxiedUrl('news.cgtn.com', 'cgtn-article.html'));
    const first = await article.$eval('mark[data-fyp-kind]', (mark) => mark.textContent ?? '');
    await article.keyboard.down('Alt');
    await article.keyboard.down('Shift');
    await article.keyboard.press('KeyN');
    await article.keyboard.up('Shift');
    await article.keyboard.up('Alt');
    await article.waitForFunction(() => document.querySelector('[data-fyp-ui="card"]')?.shadowRoot?.querySelector('.c h2') != null);
    expect(await article.evaluate(() => document.activeElement?.textContent)).toBe(first);
    const title = await article.evaluate(() => document.querySelector('[data-fyp-ui="card"]')?.shadowRoot?.querySelector('.c h2')?.textContent ?? '');
    expect(title.length).toBeGreaterThan(0);
    await article.keyboard.press('Escape');
    expect(await article.evaluate(() => document.querySelector('[data-fyp-ui="card"]')?.shadowRoot?.querySelector('.c') ?? null)).toBeNull();
    await article.close();
  });

  it('keeps a card opened in the popup open when the popup is reopened for the tab', async () => {
    const article = await firefox.openAnnotated(proxiedUrl('news.cgtn.com', 'cgtn-article.html'));
    const tabId = await firefox.tabIdOf(article);
    const path = `popup.html?tab=${tabId}&layout=popup`;
    const popup = await firefox.openExtensionPage(path);
    await popup.waitForSelector('[data-region="anhui"] .row-toggle');
    expect(await popup.$$eval('[data-region] .card-body', (els) => els.length)).toBe(0);
    await popup.click('[data-region="anhui"] .row-toggle');
    await popup.waitForSelector('[data-region="anhui"] .card-body .plan');
    await firefox.navigateExtensionPage(popup, path);
    await popup.waitForSelector('[data-region="anhui"] .card-body .plan');
    expect(await popup.$eval('[data-region="anhui"] .row-toggle', (b) => b.getAttribute('aria-expanded'))).toBe('true');
    await popup.close();
    await article.close();
  });
});
