/**
 * The popup end to end, in Debian's Chromium with the built extension: regions in mention order
 * with sourced summaries, the jump control scrolling the article, 33 regions on a roundup page,
 * the demo article reached through runtime messages, the toolbar popup itself, the dark theme.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { national, planByRegion, sourceById } from '../../data';
import { relatedNational } from '../../components/popup/plan-groups';
import { REGION_IDS, type Source } from '../../data/schema';
import { isLinkedSource } from '../../data/source-links';
import {
  launchWithExtension,
  marksOn,
  openAnnotated,
  openPopupFor,
  startFixtureServer,
  tabIdOf,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { e2eOptOut } from './paths';
import { CGTN_ORDER, mentionOrder } from './scoring';
import { openToolbarPopup } from './toolbar-popup';

/**
 * The sources a region's summary cites, each once: its plan's items and figures (unverified
 * included) and the national priorities it is related to.
 */
function sourcesInData(region: string): Source[] {
  const plan = planByRegion.get(region as (typeof REGION_IDS)[number]);
  const entries = [...(plan?.items ?? []), ...(plan?.figures ?? []), ...relatedNational(plan, national)];
  const ids = new Set(entries.flatMap((entry) => entry.sources));
  return [...ids].map((id) => sourceById.get(id)).filter((s): s is Source => s !== undefined);
}

const regionsIn = (popup: Page): Promise<string[]> =>
  popup.$$eval('[data-region]', (els) => els.map((el) => el.getAttribute('data-region') ?? ''));

interface ShownSources {
  /** Distinct hrefs of the card's links (source links or any other). */
  hrefs: string[];
  /** Distinct sources offered as links, by id. */
  linked: string[];
  /** Sources named as text, by id, with their text (a source cited twice is named twice). */
  named: { id: string; text: string; insideLink: boolean }[];
}

/** Per region card: what its sources are shown as. */
const sourcesShownIn = (popup: Page): Promise<Record<string, ShownSources>> =>
  popup.$$eval('[data-region]', (cards) =>
    Object.fromEntries(
      cards.map((card) => [
        card.getAttribute('data-region') ?? '',
        {
          hrefs: [...new Set([...card.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''))],
          linked: [...new Set([...card.querySelectorAll('a.source-link')].map((a) => a.getAttribute('data-source') ?? ''))],
          named: [...card.querySelectorAll('.source-unlinked')].map((el) => ({
            id: el.getAttribute('data-source') ?? '',
            text: el.textContent ?? '',
            insideLink: el.closest('a') !== null || el.querySelector('a') !== null,
          })),
        },
      ]),
    ),
  );

describe.skipIf(e2eOptOut())('popup', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let article: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension();
    article = await openAnnotated(browser.context, server.url('news.cgtn.com', 'cgtn-article.html'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the 8 regions of the CGTN-style article in mention order, each with sourced items', async () => {
    const expected = mentionOrder(await marksOn(article));
    expect(expected).toEqual(CGTN_ORDER);

    const popup = await openPopupFor(browser, article);
    await popup.waitForSelector('[data-region]');
    expect(await regionsIn(popup)).toEqual(CGTN_ORDER);
    const shown = await sourcesShownIn(popup);
    for (const region of CGTN_ORDER) expect(shown[region]?.linked.length, region).toBeGreaterThan(0);
    // Sources open in a new tab without handing over the popup.
    const targets = await popup.$$eval('a.source-link', (as) => as.map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`));
    expect(new Set(targets)).toEqual(new Set(['_blank noopener noreferrer']));
    expect(await popup.textContent('[data-region="guangdong"] .card-count')).toBe('2 mentions: Guangdong, Shenzhen');
    expect(await popup.textContent('[data-region="zhejiang"] .card-count')).toBe('3 mentions: Zhejiang, Hangzhou, Ningbo');
    await popup.close();
  });

  it('keeps the first card where the loading skeleton put it (no layout jump)', async () => {
    const tabId = await tabIdOf(browser, article);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.addInitScript(() => {
      // Records where the first card (skeleton, then real) sits each time it is replaced.
      const tops: { kind: string; top: number }[] = [];
      (window as unknown as { cardTops: typeof tops }).cardTops = tops;
      new MutationObserver(() => {
        const card = document.querySelector('.card');
        if (!card) return;
        const kind = card.classList.contains('skeleton-card') ? 'skeleton' : 'card';
        if (tops.at(-1)?.kind !== kind) tops.push({ kind, top: card.getBoundingClientRect().top });
      }).observe(document, { subtree: true, childList: true });
    });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}&layout=popup`);
    await popup.waitForSelector('[data-region]');
    const tops = await popup.evaluate(() => (window as unknown as { cardTops: { kind: string; top: number }[] }).cardTops);
    expect(tops.map((t) => t.kind)).toEqual(['skeleton', 'card']);
    expect(Math.abs((tops[1]?.top ?? 0) - (tops[0]?.top ?? 0))).toBeLessThanOrEqual(2);
    await popup.close();
  });

  it('the toolbar popup shows the same regions, within the popup size limits of browsers', async () => {
    const probe = await browser.context.newPage();
    await probe.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const tabId = await tabIdOf(browser, article);
    const popup = await openToolbarPopup(probe, article, tabId);
    await probe.close();
    expect(popup.regions).toEqual(CGTN_ORDER);
    // Within the browsers' popup limits (800×600), about 420 px wide.
    expect(popup.width).toBeGreaterThanOrEqual(400);
    expect(popup.width).toBeLessThanOrEqual(800);
    expect(popup.height).toBeLessThanOrEqual(600);
  });

  it('jumps the article to a mention from the keyboard and says which one', async () => {
    // A short viewport, scrolled to the top, so the last region's mention is out of view.
    await article.setViewportSize({ width: 900, height: 260 });
    await article.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopupFor(browser, article);
    const button = popup.locator('[data-region="hainan"] .jump button');
    await button.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.textContent('[data-region="hainan"] .jump-status')).toBe('1 of 2');
    await article.bringToFront();
    await article.waitForFunction(
      () => {
        const mark = document.querySelector<HTMLElement>('[data-fyp-region="hainan"]');
        if (!mark) return false;
        const rect = mark.getBoundingClientRect();
        return window.scrollY > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight;
      },
      undefined,
      { timeout: 5000, polling: 50 },
    );
    await popup.bringToFront();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.textContent('[data-region="hainan"] .jump-status')).toBe('2 of 2');
    expect(await article.evaluate(() => document.querySelectorAll('[data-fyp-region="hainan"].fyp-flash').length)).toBeGreaterThan(0);
    await popup.close();
    await article.setViewportSize({ width: 1200, height: 900 });
  });

  it('shows 33 summaries on a page naming every region, linking the publishers’ sources and naming mirror and machine copies without a link', async () => {
    const page = await openAnnotated(browser.context, server.url('www.chinadaily.com.cn', 'all-regions.html'));
    const popup = await openPopupFor(browser, page);
    await popup.waitForSelector('[data-region]');
    const regions = await regionsIn(popup);
    expect([...regions].sort()).toEqual([...REGION_IDS]);
    expect(regions).toEqual(mentionOrder(await marksOn(page)));
    const shown = await sourcesShownIn(popup);
    let copies = 0;
    for (const region of REGION_IDS) {
      const cited = sourcesInData(region);
      const linked = cited.filter(isLinkedSource);
      const named = cited.filter((s) => !isLinkedSource(s));
      copies += named.length;
      const card = shown[region]!;
      // Every source a publisher (or an identifiable outlet reprinting it) put out is linked…
      expect([...card.linked].sort(), region).toEqual(linked.map((s) => s.id).sort());
      expect(linked.every((s) => card.hrefs.includes(s.url)), region).toBe(true);
      // …every mirror, aggregator or machine copy is named, with its grade, and never linked…
      expect([...new Set(card.named.map((n) => n.id))].sort(), region).toEqual(named.map((s) => s.id).sort());
      for (const s of named) {
        for (const entry of card.named.filter((n) => n.id === s.id)) {
          expect(entry.insideLink, s.id).toBe(false);
          expect(entry.text, s.id).toContain(s.publisher);
          expect(entry.text, s.id).toContain(`${s.reliability} reliability, not linked`);
        }
        expect(card.hrefs, s.id).not.toContain(s.url);
      }
      // …and every summary offers at least one source a reader can open.
      expect(card.linked.length, region).toBeGreaterThan(0);
    }
    expect(copies).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('reaches the demo article, where no content script runs', async () => {
    const demo = await browser.context.newPage();
    await demo.goto(`chrome-extension://${browser.extensionId}/demo.html`);
    await demo.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
    const popup = await openPopupFor(browser, demo);
    await popup.waitForSelector('[data-region]');
    expect(await regionsIn(popup)).toEqual(mentionOrder(await marksOn(demo)));
    await popup.click('[data-region] .jump button');
    await expect.poll(() => popup.textContent('[data-region] .jump-status')).toMatch(/^1 of \d+$/);
    await popup.close();
    await demo.close();
  });

  it('explains a page without regions, linking the demo', async () => {
    server.serve('/no-regions.html', '<!doctype html><title>Weather</title><article><p>Rain is expected tomorrow across the valley.</p></article>');
    const plain = await openAnnotated(browser.context, server.url('news.cgtn.com', 'no-regions.html'));
    const popup = await openPopupFor(browser, plain);
    await popup.waitForSelector('[data-state="no-regions"]');
    expect(await popup.getAttribute('[data-state] a', 'href')).toBe(`chrome-extension://${browser.extensionId}/demo.html`);
    await popup.close();
    await plain.close();
  });

  it('copies the Markdown briefing and opens the wide view in a tab', async () => {
    const tabId = await tabIdOf(browser, article);
    const origin = `chrome-extension://${browser.extensionId}`;
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    // Chrome grants no clipboard-read to extension origins from tests: note what is written.
    await popup.addInitScript(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      clipboard.writeText = (text: string) => {
        (window as unknown as { copied: string }).copied = text;
        return write(text);
      };
    });
    await popup.goto(`${origin}/popup.html?tab=${tabId}&layout=popup`);
    await popup.waitForSelector('[data-region]');
    await popup.getByRole('button', { name: 'Copy summary' }).click();
    await expect.poll(() => popup.textContent('.notice')).toBe('Summary copied to the clipboard as Markdown.');
    const markdown = await popup.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(markdown.startsWith(`# Provinces set out their priorities for the next five years \\| Fixture News\n\n<${article.url()}>`)).toBe(true);
    expect(markdown).toContain('- **Guangdong** 广东: 2 mentions: Guangdong, Shenzhen');
    expect(markdown).toMatch(/\]\(https?:\/\//); // sources as links

    const [wide] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Open in a tab' }).click(),
    ]);
    await wide.waitForSelector('.popup--page [data-region]');
    expect(wide.url()).toBe(`${origin}/popup.html?tab=${tabId}`);
    expect(await regionsIn(wide)).toEqual(CGTN_ORDER);
    await wide.close();
    await popup.close();
  });

  it('follows the system dark mode', async () => {
    const tabId = await tabIdOf(browser, article);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}&layout=popup`);
    await popup.waitForSelector('[data-region]');
    const background = () => popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await popup.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(24, 25, 28)');
    expect(light).not.toBe('rgb(24, 25, 28)');
    await popup.close();
  });
});
