/**
 * The reading companion end to end, in Debian's Chromium with the built extension: the popup at
 * a glance (every region as a compact row inside a 420 × 600 toolbar popup, a row opening its
 * full card in place, the open card kept for the tab), the compare view, the side panel page
 * following its tab as the page grows, and the national regional strategies an article names
 * (marked as strategies, not as their members, with a card each in the popup and the side panel).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  marksOn,
  openAnnotated,
  startFixtureServer,
  tabIdOf,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { planByRegion, sectorById } from '../../data';
import type { RegionId } from '../../data/schema';
import { e2eOptOut } from './paths';
import { CGTN_ORDER, mentionOrder } from './scoring';

/** Sectors a region's verified priorities name, in the data (the most a row can show). */
const verifiedSectors = (region: string): number =>
  new Set(
    (planByRegion.get(region as RegionId)?.items ?? [])
      .filter((item) => !item.unverified)
      .flatMap((item) => item.sectors)
      .filter((id) => sectorById.has(id)),
  ).size;

/** Whether the data holds a verified 2026 GDP growth target (or official forecast) for a region. */
const hasVerifiedTarget = (region: string): boolean =>
  (planByRegion.get(region as RegionId)?.figures ?? []).some((f) => !f.unverified && /^2026 GDP growth (target|forecast)/.test(f.label));

const regionsIn = (page: Page): Promise<string[]> =>
  page.$$eval('[data-region]', (els) => els.map((el) => el.getAttribute('data-region') ?? ''));

interface RowBox {
  region: string;
  bottom: number;
  target: string;
  sectors: number;
}

/** Each region row: where it ends, its target line and how many sector chips it shows. */
const rowsIn = (page: Page): Promise<RowBox[]> =>
  page.$$eval('[data-region]', (els) =>
    els.map((el) => ({
      region: el.getAttribute('data-region') ?? '',
      bottom: (el.querySelector('.row') as HTMLElement).getBoundingClientRect().bottom,
      target: el.querySelector('.row-target strong')?.textContent ?? '',
      sectors: el.querySelectorAll('.row .chip').length,
    })),
  );

describe.skipIf(e2eOptOut())('reading companion', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let article: Page;
  let origin: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension();
    origin = `chrome-extension://${browser.extensionId}`;
    article = await openAnnotated(browser.context, server.url('news.cgtn.com', 'cgtn-article.html'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The toolbar popup's layout at its size, for a tab (the toolbar popup itself cannot be sized). */
  async function popupFor(tabId: number): Promise<Page> {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`${origin}/popup.html?tab=${tabId}&layout=popup`);
    await popup.waitForSelector('[data-region]');
    return popup;
  }

  it('shows all eight regions of the seed article within the first 600 px, each with its target and top sectors', async () => {
    const popup = await popupFor(await tabIdOf(browser, article));
    const rows = await rowsIn(popup);
    expect(rows.map((r) => r.region)).toEqual(CGTN_ORDER);
    for (const row of rows) {
      expect(row.bottom, row.region).toBeLessThanOrEqual(600);
      expect(row.target, row.region).toMatch(/\d%/);
      expect(row.sectors, row.region).toBe(Math.min(3, verifiedSectors(row.region)));
      expect(row.sectors, row.region).toBeGreaterThan(0);
    }
    console.info(
      `[companion] last row ends at ${Math.max(...rows.map((r) => r.bottom)).toFixed(0)} px of 600; sectors per row ${rows.map((r) => r.sectors).join(' ')}`,
    );
    await popup.close();
  });

  it('shows every region of the demo article within the first 600 px too, with a target wherever the data has a verified one', async () => {
    const demo = await browser.context.newPage();
    await demo.goto(`${origin}/demo.html`);
    await demo.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
    const popup = await popupFor(await tabIdOf(browser, demo));
    const rows = await rowsIn(popup);
    expect(rows.map((r) => r.region)).toEqual(mentionOrder(await marksOn(demo)));
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const row of rows) {
      expect(row.bottom, row.region).toBeLessThanOrEqual(600);
      if (hasVerifiedTarget(row.region)) expect(row.target, row.region).toMatch(/\d%/);
      else expect(await popup.textContent(`[data-region="${row.region}"] .row-target`)).toBe('no 2026 target on record');
      expect(row.sectors, row.region).toBe(Math.min(3, verifiedSectors(row.region)));
    }
    console.info(`[companion] demo: ${rows.length} regions, last row ends at ${Math.max(...rows.map((r) => r.bottom)).toFixed(0)} px of 600`);
    await popup.close();
    await demo.close();
  });

  it('opens a row into its full card in place, from the keyboard, and keeps it open when the popup is reopened', async () => {
    const tabId = await tabIdOf(browser, article);
    const popup = await popupFor(tabId);
    const toggle = popup.locator('[data-region="jiangsu"] .row-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('[data-region="jiangsu"] .card-body .plan');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    // The full card: facts, what the count is made of, the jump control, sourced priorities.
    const card = popup.locator('[data-region="jiangsu"] .card-body');
    expect(await card.locator('.card-facts').textContent()).toContain('capital Nanjing');
    expect(await card.locator('.jump button').count()).toBe(1);
    expect(await card.locator('a.source-link').count()).toBeGreaterThan(0);
    // In place: the rows around it are where they were in the list.
    expect(await regionsIn(popup)).toEqual(CGTN_ORDER);
    await popup.close();

    const again = await popupFor(tabId);
    await again.waitForSelector('[data-region="jiangsu"] .card-body .plan');
    expect(await again.locator('[data-region="jiangsu"] .row-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await again.locator('[data-region] .card-body').count()).toBe(1);
    // A click on the row closes it again (and that is kept too).
    await again.click('[data-region="jiangsu"] .row-target');
    expect(await again.locator('[data-region] .card-body').count()).toBe(0);
    await again.close();
  });

  it('compares picked regions by sector category, marking the shared sectors', async () => {
    const popup = await popupFor(await tabIdOf(browser, article));
    await popup.getByRole('button', { name: 'Compare' }).click();
    await popup.waitForSelector('[data-compare]');
    expect(await popup.getAttribute('[data-compare]', 'data-compare')).toBe('zhejiang guangdong');
    await popup.check('[data-compare-region="jiangsu"]');
    await popup.check('[data-compare-region="shanghai"]');
    // Four is the most: the others wait.
    expect(await popup.isDisabled('[data-compare-region="anhui"]')).toBe(true);
    expect(await popup.getAttribute('[data-compare]', 'data-compare')).toBe('zhejiang guangdong jiangsu shanghai');
    expect(await popup.$$eval('.compare-table thead tr:first-child th[data-column]', (ths) => ths.length)).toBeGreaterThan(0);
    const shared = await popup.$$eval('.compare-row--shared', (rows) => rows.length);
    expect(shared).toBeGreaterThan(0);
    expect(await popup.locator('.compare-shared .chip').count()).toBe(shared);
    await popup.getByRole('button', { name: 'Back to the list' }).click();
    expect(await regionsIn(popup)).toEqual(CGTN_ORDER);
    await popup.close();
  });

  it('opens Chrome’s side panel from the popup; the panel follows the active tab of its window', async () => {
    const tabId = await tabIdOf(browser, article);
    const popup = await popupFor(tabId);
    /** What each open side panel of the extension lists ('restricted' etc. for a state). */
    const panels = (): Promise<string[]> =>
      popup.evaluate(() => {
        // Runs inside the extension page, where `chrome` is the extension API.
        const chrome = (globalThis as unknown as { chrome: { extension: { getViews(): Window[] } } }).chrome;
        return chrome.extension
          .getViews()
          .filter((view) => view.location.pathname === '/sidepanel.html')
          .map((view) => {
            const regions = [...view.document.querySelectorAll('[data-region]')].map((el) => el.getAttribute('data-region'));
            return regions.length > 0 ? regions.join(' ') : (view.document.querySelector('[data-state]')?.getAttribute('data-state') ?? '');
          });
      });
    expect(await panels()).toEqual([]);
    // A real click: browsers open a side panel only from a user gesture.
    await popup.getByRole('button', { name: 'Side panel' }).click();
    // The popup page is the active tab (an extension page: nothing to summarise)…
    await expect.poll(panels, { timeout: 10_000 }).toEqual(['restricted']);
    // …until the article's tab is activated, then another one.
    await article.bringToFront();
    await expect.poll(panels, { timeout: 10_000 }).toEqual([CGTN_ORDER.join(' ')]);
    const roundup = await openAnnotated(browser.context, server.url('www.chinadaily.com.cn', 'all-regions.html'));
    await roundup.bringToFront();
    await expect.poll(panels, { timeout: 10_000 }).toEqual([mentionOrder(await marksOn(roundup)).join(' ')]);
    await roundup.close();
    await popup.close();
  });

  it('marks the Greater Bay Area and 长三角 as two strategies and shows a card for each with its members', async () => {
    const page = await openAnnotated(browser.context, server.url('news.cgtn.com', 'strategies-article.html'));
    const marks = await marksOn(page);
    expect(marks.filter((m) => m.kind === 'cluster').map((m) => [m.id, m.text])).toEqual([
      ['greater-bay-area', 'Greater Bay Area'],
      ['yangtze-river-delta', '长三角'],
    ]);
    // The members are counted where the article names them, never for the strategy's name.
    expect(mentionOrder(marks)).toEqual(['guangdong', 'shanghai', 'hong-kong', 'jiangsu', 'zhejiang', 'anhui']);
    const tabId = await tabIdOf(browser, page);
    /** Each strategy card: its id and its members, with whether each has a card here. */
    const strategiesIn = (view: Page) =>
      view.$$eval('[data-strategy]', (cards) =>
        cards.map((card) => ({
          id: card.getAttribute('data-strategy'),
          members: [...card.querySelectorAll('[data-member]')].map((li) => `${li.getAttribute('data-member')}:${li.getAttribute('data-on-page')}`),
        })),
      );
    const expected = [
      { id: 'greater-bay-area', members: ['guangdong:yes', 'hong-kong:yes', 'macao:no'] },
      { id: 'yangtze-river-delta', members: ['anhui:yes', 'jiangsu:yes', 'shanghai:yes', 'zhejiang:yes'] },
    ];
    const popup = await popupFor(tabId);
    await popup.waitForSelector('[data-strategy]');
    expect(await strategiesIn(popup)).toEqual(expected);
    // A member opens its region card.
    await popup.click('[data-strategy="yangtze-river-delta"] [data-member="jiangsu"] button');
    await popup.waitForSelector('[data-region="jiangsu"] .card-body');
    expect(await popup.locator('[data-region="jiangsu"] .row-toggle').getAttribute('aria-expanded')).toBe('true');
    await popup.close();

    const panel = await browser.context.newPage();
    await panel.goto(`${origin}/sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.popup--panel [data-strategy]');
    expect(await strategiesIn(panel)).toEqual(expected);
    await panel.close();
    await page.close();
  });

  it('the side panel lists the tab’s regions and strategies, jumps to a mention, and follows the page as it grows', async () => {
    const page = await openAnnotated(browser.context, server.url('news.cgtn.com', 'cgtn-article.html?panel'));
    const tabId = await tabIdOf(browser, page);
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.goto(`${origin}/sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.popup--panel [data-region]');
    expect(await regionsIn(panel)).toEqual(CGTN_ORDER);

    await panel.click('[data-region="hainan"] .row-toggle');
    await panel.click('[data-region="hainan"] .jump button');
    await expect.poll(() => panel.textContent('[data-region="hainan"] .jump-status')).toBe('1 of 2');

    expect(await panel.locator('[data-strategy]').count()).toBe(0);
    await page.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = 'Yunnan, for its part, wants more trade with its southern neighbours and a bigger role in the Yangtze River Economic Belt.';
      document.querySelector('article')?.append(paragraph);
    });
    await panel.waitForSelector('[data-region="yunnan"]', { timeout: 10_000 });
    await panel.waitForSelector('[data-strategy="yangtze-river-economic-belt"]', { timeout: 10_000 });
    expect(await regionsIn(panel)).toEqual(mentionOrder(await marksOn(page)));
    expect(await regionsIn(panel)).toContain('yunnan');
    // The open card stayed open through the update.
    expect(await panel.locator('[data-region="hainan"] .card-body').count()).toBe(1);
    await panel.close();
    await page.close();
  });
});
