/**
 * Hover cards end to end, in Debian's Chromium with the built extension, on the bundled demo
 * article: pointing at a region mark shows its card (names, 2026 target, top priorities) after
 * the intent delay, in our shadow host and without changing the page's HTML; Escape closes it;
 * "More" opens the full summary; Alt+Shift+N steps the focus through every mark in document
 * order, each focused mark showing its card. (How fast the card appears is measured by
 * `npm run bench:ui`, not asserted here.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planByRegion, regionById } from '../../data';
import { OVERALL_CATEGORY, type RegionId } from '../../data/schema';
import { growthTarget2026 } from '../../components/popup/region-glance';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { e2eOptOut } from './paths';

/** The card's text parts, read through our host's (open) shadow root; null when no card shows. */
const cardIn = (page: Page) =>
  page.evaluate(() => {
    const card = document.querySelector('[data-fyp-ui="card"]')?.shadowRoot?.querySelector('.c');
    if (!card) return null;
    return {
      title: card.querySelector('h2')?.textContent ?? '',
      facts: [...card.querySelectorAll('.f')].map((p) => p.textContent ?? ''),
      items: [...card.querySelectorAll('li')].map((li) => li.textContent ?? ''),
      source: card.querySelector('.s')?.textContent ?? '',
      more: card.querySelector('button')?.textContent ?? '',
    };
  });

/** The document's HTML without our card's host. */
const pageHtml = (page: Page) =>
  page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as Element;
    copy.querySelector('[data-fyp-ui="card"]')?.remove();
    return copy.outerHTML;
  });

const waitForCard = (page: Page) =>
  page.waitForFunction(() => document.querySelector('[data-fyp-ui="card"]')?.shadowRoot?.querySelector('.c') != null);

describe.skipIf(e2eOptOut())('hover cards', () => {
  let browser: ExtensionBrowser;
  let demo: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    demo = await browser.context.newPage();
    await demo.goto(`chrome-extension://${browser.extensionId}/demo.html`);
    await demo.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a region mark’s card after the pointer rests on it, leaving the page’s HTML as it was, and closes it on Escape', async () => {
    const mark = demo.locator('mark[data-fyp-kind="region"]').first();
    const region = (await mark.getAttribute('data-fyp-id')) as RegionId;
    const before = await pageHtml(demo);
    await mark.hover();
    await waitForCard(demo);
    const card = await cardIn(demo);
    const data = regionById.get(region);
    const plan = planByRegion.get(region);
    expect(card?.title).toBe(`${data?.nameEn} ${data?.nameZh}`);
    expect(card?.facts[0]).toContain(`capital ${data?.capital.en}`);
    const target = growthTarget2026(plan);
    if (target) expect(card?.facts[1]).toContain(`${target.label} ${target.value}`);
    const verified = (plan?.items ?? []).filter((item) => !item.unverified && item.category !== OVERALL_CATEGORY);
    expect(card?.items).toHaveLength(Math.min(3, verified.length));
    for (const item of card?.items ?? []) expect(item).toMatch(/\((Recommendations|Government work report|Plan outline|Budget report|Official statement|News report)\)$/);
    expect(card?.source).toMatch(/^Source: .+, /);
    expect(card?.more).toBe('More');
    // Beside the mark, inside the viewport.
    const box = await demo.evaluate(() => {
      const c = document.querySelector('[data-fyp-ui="card"]')?.shadowRoot?.querySelector('.c') as HTMLElement;
      const r = c.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, position: getComputedStyle(c).position };
    });
    expect(box.position).toBe('fixed');
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(await pageHtml(demo)).toBe(before);

    await demo.keyboard.press('Escape');
    expect(await cardIn(demo)).toBeNull();
    expect(await pageHtml(demo)).toBe(before);
  });

  it('opens the full summary of the tab from "More"', async () => {
    await demo.mouse.move(0, 0);
    const mark = demo.locator('mark[data-fyp-kind="region"]').nth(1);
    await mark.hover();
    await waitForCard(demo);
    const opened = browser.context.waitForEvent('page');
    // A real pointer: from the mark across the gap into the card, then a click (locators reach into open shadow roots).
    await demo.locator('[data-fyp-ui="card"] .c button').click();
    const summary = await opened;
    await summary.waitForSelector('[data-region]');
    expect(new URL(summary.url()).pathname).toBe('/popup.html');
    expect(new URL(summary.url()).searchParams.get('tab')).toMatch(/^\d+$/);
    await summary.close();
    await demo.keyboard.press('Escape');
  });

  it('steps the keyboard focus through every mark in document order, the focused mark showing its card', async () => {
    await demo.mouse.move(0, 0);
    const count = await demo.locator('mark[data-fyp-kind]').count();
    expect(count).toBeGreaterThan(20);
    const reached: number[] = [];
    for (let i = 0; i < count; i += 1) {
      await demo.keyboard.press('Alt+Shift+N');
      reached.push(await demo.evaluate(() => [...document.querySelectorAll('mark[data-fyp-kind]')].indexOf(document.activeElement as Element)));
    }
    expect(reached).toEqual(Array.from({ length: count }, (_, i) => i));
    // The last focused mark shows its card; the next step wraps round to the first mark.
    await waitForCard(demo);
    await demo.keyboard.press('Alt+Shift+N');
    expect(await demo.evaluate(() => document.activeElement === document.querySelector('mark[data-fyp-kind]'))).toBe(true);
    await demo.keyboard.press('Alt+Shift+P');
    expect(await demo.evaluate(() => [...document.querySelectorAll('mark[data-fyp-kind]')].indexOf(document.activeElement as Element))).toBe(count - 1);
  });
});
