/**
 * Screenshots for the README and the store listings, written to .store/screenshots/ (the tests
 * never write there): the demo article and the popup in light and dark (README), and 1280×800
 * images of a highlighted article and the popup's full-page view (Chrome Web Store and AMO).
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
  await demo.close();

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
  await popup.close();

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
