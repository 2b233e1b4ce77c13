/**
 * Page safety on script-driven pages, in a real Chromium with the real React from npm: each
 * fixture app is driven step by step in a browser with the extension and in one without, and
 * after every step the page must read the same, raise no error or React warning, and keep
 * responding. Fixture apps: test/fixtures/page-safety/.
 */
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  launchWithExtension,
  NEWS_HOSTS,
  startFixtureServer,
  tabIdOf,
  type ExtensionApi,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { CHROMIUM_PATH, FIXTURES_DIR } from './paths';

const HOST = 'news.cgtn.com';
const BUNDLE_PATH = '/page-safety/react-main.js';
/** The page watcher batches the page's changes for 150 ms before annotating them again. */
const REANNOTATE_WINDOW_MS = 600;

let server: FixtureServer;
let withExtension: ExtensionBrowser;
let plainBrowser: Browser;
let plain: BrowserContext;

interface FixtureWindow {
  fixture: { steps: number; step(): Promise<void> };
}

/** The React fixtures bundled for the browser from node_modules: no network needed. */
async function bundleReactFixtures(): Promise<string> {
  const result = await build({
    entryPoints: [`${FIXTURES_DIR}/page-safety/react-main.mjs`],
    bundle: true,
    write: false,
    format: 'iife',
    // The development build: it reports hydration mismatches and misuse as console errors.
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Server-rendered HTML of the report app, made with react-dom/server as a real SSR site does. */
async function serverRenderedReport(): Promise<string> {
  // Imported by name at run time: the fixtures are plain JS, without type declarations.
  const react = (await import('react' as string)) as { createElement(type: unknown, props: object): unknown };
  const dom = (await import('react-dom/server' as string)) as { renderToString(element: unknown): string };
  const components = (await import(`${FIXTURES_DIR}/page-safety/react-components.mjs`)) as { Report: unknown };
  return dom.renderToString(react.createElement(components.Report, { initial: 0 }));
}

function reactPage(app: string, title: string, inner = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body data-app="${app}"><main><div id="app">${inner}</div></main>
<script src="${BUNDLE_PATH}"></script></body></html>`;
}

beforeAll(async () => {
  server = await startFixtureServer();
  const bundle = await bundleReactFixtures();
  server.serve('/page-safety/react-ticker.html', reactPage('ticker', 'Markets live'));
  server.serve('/page-safety/react-list.html', reactPage('list', 'Provincial projects'));
  server.serve('/page-safety/react-toggled.html', reactPage('toggled', 'Regional briefs'));
  server.serve('/page-safety/react-ssr.html', reactPage('report', 'Provincial plans', await serverRenderedReport()));
  withExtension = await launchWithExtension();
  plainBrowser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=${NEWS_HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`],
  });
  plain = await plainBrowser.newContext({ viewport: { width: 1200, height: 900 } });
  for (const context of [withExtension.context, plain]) {
    await context.route(`**${BUNDLE_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: bundle }),
    );
  }
});

afterAll(async () => {
  await withExtension?.close();
  await plainBrowser?.close();
  await server?.close();
});

interface Run {
  page: Page;
  /** document.body.innerText at load and right after every step (the page's microtasks done). */
  texts: string[];
  /** The same once the extension had time to annotate the changed text again. */
  settled: string[];
  /** Page errors, console errors and warnings (React reports through console.error). */
  problems: string[];
  marksAtStart: number;
}

// The text as the reader sees it (layout-aware), which is what the issue compares.
// biome-ignore lint/performance/useDomNodeTextContent: innerText is the point here
const innerText = (page: Page) => page.evaluate(() => document.body.innerText);

/** Opens a fixture and drives it through all its steps. */
async function drive(context: BrowserContext, path: string, extension: boolean): Promise<Run> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  await page.goto(server.url(HOST, path));
  if (extension) await page.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
  else await page.waitForLoadState('load');
  const marksAtStart = await page.locator('mark[data-fyp-kind]').count();
  const steps = await page.evaluate(() => (window as unknown as FixtureWindow).fixture.steps);
  const texts = [await innerText(page)];
  const settled = [texts[0] as string];
  for (let i = 0; i < steps; i++) {
    await page.evaluate(() => (window as unknown as FixtureWindow).fixture.step());
    texts.push(await innerText(page));
    await page.waitForTimeout(REANNOTATE_WINDOW_MS);
    settled.push(await innerText(page));
  }
  return { page, texts, settled, problems, marksAtStart };
}

/** Drives a fixture with and without the extension and compares them after every step. */
async function compare(path: string, { marked = true } = {}): Promise<{ ours: Run; theirs: Run }> {
  const [theirs, ours] = [await drive(plain, path, false), await drive(withExtension.context, path, true)];
  expect(theirs.problems).toEqual([]);
  if (marked) expect(ours.marksAtStart, 'the extension marked the page before the first step').toBeGreaterThan(0);
  for (const [i, text] of theirs.texts.entries()) {
    expect(ours.texts[i], `right after step ${i}`).toBe(text);
    expect(ours.settled[i], `after step ${i}, re-annotated`).toBe(theirs.settled[i]);
  }
  // The app still responds at its last step: what it shows changed, the same way in both.
  expect(theirs.texts.at(-1)).not.toBe(theirs.texts.at(-2));
  expect(ours.problems).toEqual(theirs.problems);
  return { ours, theirs };
}

async function closeRuns(...runs: Run[]): Promise<void> {
  for (const run of runs) await run.page.close();
}

async function resultsOf(page: Page): Promise<{ mentions: unknown[]; blocksLeftAlone?: number }> {
  const tabId = await tabIdOf(withExtension, page);
  const driver = await withExtension.context.newPage();
  await driver.goto(`chrome-extension://${withExtension.extensionId}/options.html`);
  const results = await driver.evaluate(
    (id) => (globalThis as unknown as { chrome: ExtensionApi }).chrome.tabs.sendMessage(id, { type: 'get-results' }),
    tabId,
  );
  await driver.close();
  return results as { mentions: unknown[]; blocksLeftAlone?: number };
}

describe('React pages, driven step by step, read as they do without the extension', () => {
  it('a live ticker whose text nodes React rewrites in place', async () => {
    const { ours, theirs } = await compare('page-safety/react-ticker.html');
    // Rewriting its own text is no fight: the ticker is marked again after every change.
    const marked = await ours.page.$$eval('#app p', (ps) => ps.map((p) => p.querySelector('mark[data-fyp-kind]') !== null));
    expect(marked).toEqual([true, true, true]);
    await closeRuns(ours, theirs);
  });

  it('a keyed list reordered, shrunk and grown', async () => {
    const { ours, theirs } = await compare('page-safety/react-list.html');
    expect(await ours.page.locator('#list mark[data-fyp-kind]').count()).toBeGreaterThan(0);
    await closeRuns(ours, theirs);
  });

  it('a paragraph unmounted and mounted again', async () => {
    const { ours, theirs } = await compare('page-safety/react-toggled.html');
    expect(await ours.page.locator('#brief mark[data-fyp-kind]').count()).toBeGreaterThan(0);
    await closeRuns(ours, theirs);
  });

  it('server-rendered HTML hydrated after the extension marked it, then updated', async () => {
    // The extension has annotated the page (its mentions count) before hydration, but does not
    // split text in a server-rendered framework root: hydration expects it as it was sent.
    const { ours, theirs } = await compare('page-safety/react-ssr.html', { marked: false });
    expect(ours.marksAtStart).toBe(0);
    expect((await resultsOf(ours.page)).mentions.length).toBeGreaterThan(4);
    expect(await ours.page.locator('#report[data-hydrated="yes"]').count()).toBe(1);
    await closeRuns(ours, theirs);
  });
});

describe('plain-script pages', () => {
  it('a script that holds its text nodes and writes .data, inserts, removes and re-adds', async () => {
    const { ours, theirs } = await compare('page-safety/plain-script.html');
    await closeRuns(ours, theirs);
  });

  it('a page that strips elements it does not know: we back off, with no loop', async () => {
    // Our marks are stripped as soon as they are added: none are left to count at ready.
    const { ours, theirs } = await compare('page-safety/stripper.html', { marked: false });
    const counts = () =>
      ours.page.evaluate(() => ({
        withdrawn: performance.getEntriesByName('fyp:withdrawn').length,
        sent: performance.getEntriesByName('fyp:results-changed').length,
        marks: document.querySelectorAll('#feed mark').length,
      }));
    const before = await counts();
    // Five blocks with names, each marked and stripped twice, then left alone.
    expect(before.withdrawn).toBe(10);
    expect(before.marks).toBe(0);
    const results = await resultsOf(ours.page);
    expect(results.blocksLeftAlone).toBe(5);
    expect(results.mentions.length).toBeGreaterThanOrEqual(5);
    // Quiet from then on: nothing withdrawn, nothing sent to the background.
    await ours.page.waitForTimeout(1_000);
    expect(await counts()).toEqual(before);
    await closeRuns(ours, theirs);
  });

  it('a page that swaps in a new <body> is annotated again, within 2 s', async () => {
    const page = await withExtension.context.newPage();
    await page.goto(server.url(HOST, 'page-safety/body-swap.html'));
    await page.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
    const steps = await page.evaluate(() => (window as unknown as FixtureWindow).fixture.steps);
    for (let i = 0; i < steps; i++) {
      const swapped = page.evaluate(() => (window as unknown as FixtureWindow).fixture.step());
      await swapped;
      const started = Date.now();
      await page.waitForSelector('mark[data-fyp-kind]', { timeout: 2_000 });
      const ids = await page.$$eval('body mark[data-fyp-kind]', (marks) => marks.map((m) => m.getAttribute('data-fyp-id')));
      console.log(`[page-safety] body swap ${i + 1}: marked after ${Date.now() - started} ms`, ids);
      expect(ids.length).toBeGreaterThan(0);
    }
    await page.close();
  });
});

describe('lifecycle, and pages that try to steer us', () => {
  /** Performance marks the content script leaves, as the page sees them. */
  const sent = (page: Page) => page.evaluate(() => performance.getEntriesByName('fyp:results-changed').length);

  /** Tags every mark from the page's world: a mark made again later has no tag. */
  const tagMarks = (page: Page) =>
    page.$$eval('mark[data-fyp-kind]', (marks) => {
      for (const mark of marks) (mark as unknown as { probe: boolean }).probe = true;
      return marks.length;
    });
  const taggedMarks = (page: Page) =>
    page.$$eval('mark[data-fyp-kind]', (marks) => marks.filter((m) => (m as unknown as { probe?: boolean }).probe).length);

  it('ignores WXT events forged by the page (stop, location change) and keeps working', async () => {
    const page = await withExtension.context.newPage();
    await page.goto(server.url(HOST, 'page-safety/plain-script.html'));
    await page.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
    const marks = await tagMarks(page);
    expect(marks).toBeGreaterThan(0);
    const before = await sent(page);
    // The names WXT derives from the public extension id.
    await page.evaluate((id) => {
      document.dispatchEvent(
        new CustomEvent(`${id}:content:wxt:content-script-started`, {
          detail: { contentScriptName: 'content', messageId: 'forged' },
        }),
      );
      window.dispatchEvent(new Event(`${id}:content:wxt:locationchange`));
    }, withExtension.extensionId);
    // Still annotating: a paragraph added now is marked.
    await page.evaluate(() => document.getElementById('story')?.insertAdjacentHTML('beforeend', '<p id="late">Shanxi coal output fell.</p>'));
    await page.waitForSelector('#late mark[data-fyp-kind]', { timeout: 5_000 });
    // Nothing was redone: the old marks are the same elements.
    expect(await taggedMarks(page)).toBe(marks);
    expect(await page.getAttribute('html', 'data-fyp-status')).toBe('ready');
    expect(await sent(page)).toBe(before + 1);
    await page.close();
  });

  it('a copy injected into a tab that runs the engine leaves that engine alone', async () => {
    const page = await withExtension.context.newPage();
    await page.goto(server.url(HOST, 'page-safety/plain-script.html'));
    await page.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
    const marks = await tagMarks(page);
    const before = await sent(page);
    const tabId = await tabIdOf(withExtension, page);
    const driver = await withExtension.context.newPage();
    await driver.goto(`chrome-extension://${withExtension.extensionId}/options.html`);
    await driver.evaluate(
      (id) =>
        (
          globalThis as unknown as {
            chrome: { scripting: { executeScript(o: object): Promise<unknown> } };
          }
        ).chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/content.js'] }),
      tabId,
    );
    await driver.close();
    // Still the same engine: it marks new text, and nothing was unmarked or marked again.
    await page.evaluate(() => document.getElementById('story')?.insertAdjacentHTML('beforeend', '<p id="late">Shanxi coal output fell.</p>'));
    await page.waitForSelector('#late mark[data-fyp-kind]', { timeout: 5_000 });
    expect(await taggedMarks(page)).toBe(marks);
    expect(await page.locator('#late mark[data-fyp-kind]').count()).toBe(1);
    expect(await sent(page)).toBe(before + 1);
    await page.close();
  });

  it('sets the badge again when the page comes back from the back/forward cache', async () => {
    const browser = await launchWithExtension({ backForwardCache: true });
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url(HOST, 'page-safety/plain-script.html'));
      await page.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
      const tabId = await tabIdOf(browser, page);
      const driver = await browser.context.newPage();
      await driver.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const badge = () =>
        driver.evaluate(
          (id) =>
            (globalThis as unknown as { chrome: { action: { getBadgeText(o: object): Promise<string> } } }).chrome.action.getBadgeText({
              tabId: id,
            }),
          tabId,
        );
      await expect.poll(badge).toBe('5');
      await page.evaluate(() => {
        (window as unknown as { kept: boolean }).kept = true;
      });
      // A page the extension does not run on: the tab's badge is cleared.
      await page.goto(server.url('www.example.org', 'page-safety/plain-script.html'));
      await expect.poll(badge).toBe('');
      // Back, restored from the cache (the page's own state is still there), not loaded again.
      await page.goBack({ waitUntil: 'commit' });
      await page.waitForFunction(() => (window as unknown as { kept?: boolean }).kept === true);
      await expect.poll(badge, { timeout: 2_000 }).toBe('5');
    } finally {
      await browser.close();
    }
  });

  // Last in this file: it reloads the extension.
  it('when the extension is reloaded, the open tab loses every mark at once, with no error', async () => {
    const page = await withExtension.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    await page.goto(server.url(HOST, 'page-safety/plain-script.html'));
    await page.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
    expect(await page.locator('mark[data-fyp-kind]').count()).toBeGreaterThan(0);
    const html = await page.evaluate(() => document.body.innerHTML.replace(/<mark[^>]*>|<\/mark>/g, ''));
    const options = await withExtension.context.newPage();
    await options.goto(`chrome-extension://${withExtension.extensionId}/options.html`);
    const started = Date.now();
    // The options page goes away with the extension it belongs to.
    await options
      .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => {});
    await page.waitForFunction(
      () => document.querySelector('[data-fyp-kind], style[data-fyp-ui]') === null && !document.documentElement.hasAttribute('data-fyp-status'),
      undefined,
      { timeout: 5_000, polling: 50 },
    );
    console.log(`[page-safety] marks gone ${Date.now() - started} ms after the reload was asked for`);
    // Nothing left behind, and the page's own script still works on its own text.
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(html);
    await page.evaluate(() => (window as unknown as FixtureWindow).fixture.step());
    expect(await page.locator('#lead').textContent()).toBe('Hainan and Guangxi open their ports wider to shipping firms.');
    // Whatever the old copy still does happens now; it must not add marks or errors.
    await page.evaluate(() => document.getElementById('story')?.insertAdjacentHTML('beforeend', '<p>Shanxi coal output fell.</p>'));
    await page.waitForTimeout(1_000);
    expect(await page.locator('mark[data-fyp-kind]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
