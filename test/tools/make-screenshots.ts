/**
 * Screenshots for the README and the store listings, written to .store/screenshots/ (the tests
 * never write there): the demo article, the popup in light and dark with a region card opened,
 * the compare view, the side panel beside its article, a hover card in light and dark, an
 * article naming two national strategies with the popup's strategy cards, and the options'
 * strategy and hover-card switches (README), and 1280×800 images of a highlighted article and
 * the popup's full-page view (Chrome Web Store and AMO).
 * Builds the extension, then drives Debian's Chromium as the end-to-end tests do.
 *
 *   npm run screenshots
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { launchWithExtension, openAnnotated, startFixtureServer, tabIdOf } from '../e2e/harness';
import { ROOT } from '../e2e/paths';

const OUT = `${ROOT}.store/screenshots`;
mkdirSync(OUT, { recursive: true });
execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const server = await startFixtureServer();
const browser = await launchWithExtension();
const origin = `chrome-extension://${browser.extensionId}`;
try {
  const demo = await browser.context.newPage();
  await demo.setViewportSize({ width: 1000, height: 820 });
  await demo.goto(`${origin}/demo.html`);
  await demo.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
  await demo.screenshot({ path: `${OUT}/demo-article.png` });
  // A region's hover card, in the browser's light and dark schemes.
  const cardShown = () => demo.waitForFunction(() => document.querySelector('[data-fyp-ui="card"]')?.shadowRoot?.querySelector('.c') != null);
  for (const scheme of ['light', 'dark'] as const) {
    await demo.emulateMedia({ colorScheme: scheme });
    await demo.mouse.move(0, 0);
    await demo.keyboard.press('Escape');
    await demo.locator('mark[data-fyp-kind="region"]').nth(1).hover();
    await cardShown();
    await demo.screenshot({ path: `${OUT}/hover-card${scheme === 'dark' ? '-dark' : ''}.png` });
  }
  await demo.close();

  // An article naming two national regional strategies, and the popup's cards for them.
  const strategies = await openAnnotated(browser.context, server.url('news.cgtn.com', 'strategies-article.html'));
  await strategies.setViewportSize({ width: 900, height: 520 });
  await strategies.screenshot({ path: `${OUT}/strategy-marks.png` });
  const strategiesPopup = await browser.context.newPage();
  await strategiesPopup.setViewportSize({ width: 420, height: 600 });
  await strategiesPopup.goto(`${origin}/popup.html?tab=${await tabIdOf(browser, strategies)}&layout=popup`);
  await strategiesPopup.waitForSelector('[data-strategy]');
  // Tall enough that the strategies need no scrolling under the popup's sticky header.
  await strategiesPopup.setViewportSize({ width: 420, height: 1600 });
  await strategiesPopup.locator('section.strategies').screenshot({ path: `${OUT}/popup-strategies.png` });
  await strategiesPopup.close();
  await strategies.close();

  // The options' switches for strategy highlights and hover cards.
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 900, height: 700 });
  await options.goto(`${origin}/options.html`);
  await options.waitForSelector('#toggle-cluster');
  await options.locator('[data-category="cluster"]').screenshot({ path: `${OUT}/options-strategies.png` });
  await options.locator('#hover-cards').scrollIntoViewIfNeeded();
  await options.locator('section[aria-labelledby="look-heading"]').screenshot({ path: `${OUT}/options-hover-cards.png` });
  await options.close();

  const article = await openAnnotated(browser.context, server.url('news.cgtn.com', 'cgtn-article.html'));
  await article.setViewportSize({ width: 1280, height: 800 });
  await article.screenshot({ path: `${OUT}/store-article-1280x800.png` });
  const tabId = await tabIdOf(browser, article);

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  // The toolbar popup's layout, pointed at the article through the same data path.
  await popup.goto(`${origin}/popup.html?tab=${tabId}&layout=popup`);
  await popup.waitForSelector('[data-region]');
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.screenshot({ path: `${OUT}/popup-${scheme}.png` });
  }
  await popup.emulateMedia({ colorScheme: 'light' });
  // One row opened into its full card, in place.
  await popup.click('[data-region="guangdong"] .row-toggle');
  await popup.waitForSelector('[data-region="guangdong"] .card-body .plan');
  await popup.screenshot({ path: `${OUT}/popup-card.png` });
  await popup.click('[data-region="guangdong"] .row-toggle');
  // Compare: the two most mentioned, plus two more.
  await popup.getByRole('button', { name: 'Compare' }).click();
  await popup.check('[data-compare-region="jiangsu"]');
  await popup.check('[data-compare-region="shanghai"]');
  await popup.setViewportSize({ width: 420, height: 900 });
  await popup.screenshot({ path: `${OUT}/popup-compare.png` });
  // Leave the popup's state for this tab as it was.
  await popup.getByRole('button', { name: 'Back to the list' }).click();
  await popup.close();

  // The side panel beside its article, as the browser shows it: the page at 900 px, the panel at 380.
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 380, height: 800 });
  await panel.goto(`${origin}/sidepanel.html?tab=${tabId}`);
  await panel.waitForSelector('.popup--panel [data-region]');
  await panel.click('[data-region="zhejiang"] .row-toggle');
  await panel.waitForSelector('[data-region="zhejiang"] .card-body .plan');
  const panelShot = await panel.screenshot();
  await panel.close();
  await article.setViewportSize({ width: 900, height: 800 });
  const articleShot = await article.screenshot();
  await article.setViewportSize({ width: 1280, height: 800 });
  const side = await browser.context.newPage();
  await side.setViewportSize({ width: 1280, height: 800 });
  const dataUrl = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`;
  await side.setContent(
    `<body style="margin:0;display:flex;background:#888"><img src="${dataUrl(articleShot)}" width="900" height="800">` +
      `<img src="${dataUrl(panelShot)}" width="380" height="800" style="border-left:1px solid #555"></body>`,
  );
  await side.screenshot({ path: `${OUT}/side-panel.png` });
  await side.close();

  const wide = await browser.context.newPage();
  await wide.setViewportSize({ width: 1280, height: 800 });
  await wide.goto(`${origin}/popup.html?tab=${tabId}`);
  await wide.waitForSelector('[data-region]');
  await wide.screenshot({ path: `${OUT}/store-popup-1280x800.png` });
  await wide.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots written to ${OUT}`);
