/**
 * Page-safety measurements in a real Chromium (`npm run bench:page-safety`), kept out of the
 * pass/fail suite because they are timings:
 * - the popup's answer (get-results) on a page whose one block is 1 MB of text without sentence
 *   punctuation, with 1,000 names;
 * - the extra main-thread time the extension costs on a page that strips elements it does not
 *   know (our marks), over the 5 s after ready, against the same page without the extension.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  launchWithExtension,
  NEWS_HOSTS,
  startFixtureServer,
  tabIdOf,
  type ExtensionApi,
  type ExtensionBrowser,
  type FixtureServer,
} from '../e2e/harness';
import { CHROMIUM_PATH, ROOT } from '../e2e/paths';
import { median, taskDurationMs } from './measure';

const HOST = 'news.cgtn.com';
const NAMES = ['Guangxi', 'Zhejiang', 'Sichuan', 'Hebei', 'Yunnan', 'Anhui', 'Hunan', 'Fujian'];

function megabyteBlock(): string {
  const filler = 'the plan lists ports roads grids and rail lines for the coming years ';
  const parts: string[] = [];
  let length = 0;
  let names = 0;
  while (length < 1_000_000) {
    if (names < 1_000 && parts.length % 14 === 0) {
      const name = `${NAMES[names++ % NAMES.length] as string} `;
      parts.push(name);
      length += name.length;
    }
    parts.push(filler);
    length += filler.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>One long block</title></head>
<body><main><article><h1>One long block</h1><p>${parts.join('')}</p></article></main></body></html>`;
}


/** get-results on a page: its time in the page and the popup's round trips (first, then 4 more). */
async function popupAnswer(browser: ExtensionBrowser, server: FixtureServer, path: string, label: string): Promise<void> {
  const page = await browser.context.newPage();
  const loaded = Date.now();
  await page.goto(server.url(HOST, path));
  await page.waitForSelector('html[data-fyp-status="ready"]', { timeout: 120_000 });
  const readyMs = Date.now() - loaded;
  // Let the browser lay the block out and the engine finish before the reader opens the popup.
  await page.waitForTimeout(2_000);
  const tabId = await tabIdOf(browser, page);
  const driver = await browser.context.newPage();
  await driver.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const answers: { ms: number; mentions: number; sentAt: number }[] = [];
  for (let i = 0; i < 5; i++) {
    answers.push(
      await driver.evaluate(async (id) => {
        const sentAt = Date.now();
        const started = performance.now();
        const results = (await (globalThis as unknown as { chrome: ExtensionApi }).chrome.tabs.sendMessage(id, {
          type: 'get-results',
        })) as { mentions: unknown[] };
        return { ms: performance.now() - started, mentions: results.mentions.length, sentAt };
      }, tabId),
    );
  }
  const inPage = await page.evaluate(() =>
    performance.getEntriesByName('fyp:get-results').map((e) => ({
      ms: e.duration,
      receivedAt: ((e as PerformanceMeasure).detail as { receivedAt: number }).receivedAt,
    })),
  );
  console.log(
    `get-results, time in the page: ${inPage.map((e) => e.ms.toFixed(1)).join(' / ')} ms;` +
      ` from sending to the page's handler (clocks of two pages, ±1 ms): ${inPage.map((e, i) => e.receivedAt - (answers[i]?.sentAt ?? 0)).join(' / ')} ms`,
  );
  console.log(
    `${label}, ${answers[0]?.mentions} mentions: ready after ${readyMs} ms; get-results first ${answers[0]?.ms.toFixed(1)} ms` +
      ` (sentences found then), later ${answers.slice(1).map((a) => a.ms.toFixed(1)).join(' / ')} ms`,
  );
  await driver.close();
  await page.close();
}

/** Main-thread task time (CDP TaskDuration, ms) of a page over `ms` from when `ready` settles. */
async function taskTimeOver(context: BrowserContext, path: string, server: FixtureServer, extension: boolean, ms: number): Promise<number> {
  const page: Page = await context.newPage();
  await page.goto(server.url(HOST, path));
  if (extension) await page.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
  else await page.waitForLoadState('load');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const start = await taskDurationMs(cdp);
  const started = Date.now();
  // The page's own life goes on: it adds a post a second (what it strips of ours, it strips).
  const steps = await page.evaluate(() => (window as unknown as { fixture: { steps: number } }).fixture.steps);
  for (let i = 0; i < steps; i++) {
    await page.waitForTimeout(1_000);
    await page.evaluate(() => (window as unknown as { fixture: { step(): Promise<void> } }).fixture.step());
  }
  await page.waitForTimeout(Math.max(0, ms - (Date.now() - started)));
  const spent = (await taskDurationMs(cdp)) - start;
  await page.close();
  return spent;
}

async function stripperCost(browser: ExtensionBrowser, server: FixtureServer): Promise<void> {
  const plainBrowser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=${NEWS_HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`],
  });
  const plain = await plainBrowser.newContext({ viewport: { width: 1200, height: 900 } });
  const extra: number[] = [];
  for (let run = 0; run < 3; run++) {
    const ours = await taskTimeOver(browser.context, 'page-safety/stripper.html', server, true, 5_000);
    const theirs = await taskTimeOver(plain, 'page-safety/stripper.html', server, false, 5_000);
    extra.push(ours - theirs);
    console.log(`stripper page, 5 s after ready: ${ours.toFixed(1)} ms with the extension, ${theirs.toFixed(1)} ms without`);
  }
  console.log(`stripper page: extra main-thread time over 5 s, median of 3: ${median(extra).toFixed(1)} ms (${extra.map((e) => e.toFixed(1)).join(' / ')})`);
  await plainBrowser.close();
}

async function main(): Promise<void> {
  if (process.env.FYP_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const server = await startFixtureServer();
  const browser = await launchWithExtension();
  try {
    server.serve('/bench/megabyte-block.html', megabyteBlock());
    // The same request on a small article: the round trip's fixed part.
    await popupAnswer(browser, server, 'cgtn-article.html', 'CGTN-style article');
    await popupAnswer(browser, server, 'bench/megabyte-block.html', '1 MB block');
    await stripperCost(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
