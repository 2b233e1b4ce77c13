/**
 * End-to-end harness: serves fixture pages on 127.0.0.1 under real news hostnames, launches
 * Debian's Chromium with the built extension through playwright-core, and opens the popup and
 * options pages for a given tab.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, EXTENSION_DIR, FIXTURES_DIR } from './paths';
import { DISABLED_FEATURES } from './chromium-features';

/** Hostnames mapped to the fixture server, so the manifest's match patterns are exercised. */
export const NEWS_HOSTS = ['news.cgtn.com', 'www.chinadaily.com.cn', 'www.example.org', 'www.news.cn'];

/**
 * Also mapped to the fixture server, and matched by no content script: where benchmarks serve a
 * page without the extension. Not 127.0.0.1: the browser treats that as a secure origin, so a
 * plain-http news hostname beside it differed in more than the extension (the browser's own
 * main thread drew about 19 ms more CPU of interface frames for such a hostname, with no
 * content script running, which on two cores takes turns with the page's main thread).
 */
export const UNLISTED_HOST = 'www.unlisted-news.test';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export interface FixtureServer {
  port: number;
  /** URL of a fixture under a given hostname, e.g. url('news.cgtn.com', 'cgtn-article.html'). */
  url(host: string, path: string): string;
  /** Serves generated HTML at a path (benchmarks, ad-hoc pages). */
  serve(path: string, html: string): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const generated = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const dynamic = generated.get(path);
    if (dynamic !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] as string });
      res.end(dynamic);
      return;
    }
    // Live-blog style pages route every path of theirs to one file (SPA navigation).
    const file = normalize(path.replace(/^\/spa\/[^/]+\/.*$/, (m) => `/${m.split('/')[2]}.html`)).replace(/^\/+/, '');
    if (file.includes('..')) {
      res.writeHead(400).end();
      return;
    }
    try {
      const body = readFileSync(join(FIXTURES_DIR, file));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': TYPES['.html'] as string }).end('<!doctype html><title>404</title>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (host, path) => `http://${host}:${port}/${path.replace(/^\//, '')}`,
    serve: (path, html) => void generated.set(path, html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the built extension loaded unpacked. `backForwardCache` keeps the
 * back/forward cache that Playwright switches off by default.
 */
export async function launchWithExtension({
  backForwardCache = false,
  extensionDir = EXTENSION_DIR,
}: { backForwardCache?: boolean; extensionDir?: string } = {}): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'fyp-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', ...(backForwardCache ? ['--disable-back-forward-cache'] : [])],
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Chromium reads only the last --disable-features, so Playwright's own list is repeated here.
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
      `--host-resolver-rules=${[...NEWS_HOSTS, UNLISTED_HOST].map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a page and waits until the content script's first pass is complete. */
export async function openAnnotated(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
  return page;
}

/** The browser's tab id of a page, asked from an extension page. */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const probe = await browser.context.newPage();
  await probe.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const url = page.url();
  const id = await probe.evaluate(async (target) => {
    // Runs inside the extension page, where `chrome` is the extension API.
    const tabs = await (globalThis as unknown as { chrome: ExtensionApi }).chrome.tabs.query({});
    return tabs.find((t) => t.url === target)?.id ?? -1;
  }, url);
  await probe.close();
  if (id < 0) throw new Error(`no tab for ${url}`);
  return id;
}

/** The slice of the `chrome` API that tests call inside extension pages (page.evaluate). */
export interface ExtensionApi {
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  storage: { sync: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
}

/** Opens the popup for a tab in a full page (`popup.html?tab=<id>`). */
export async function openPopupFor(browser: ExtensionBrowser, page: Page): Promise<Page> {
  const tabId = await tabIdOf(browser, page);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** Opens the options page. */
export async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return options;
}

/** The marks on a page as {kind, id, text} in document order. */
export async function marksOn(page: Page): Promise<{ kind: string; id: string; text: string; region: string | null; category: string | null }[]> {
  return page.$$eval('[data-fyp-kind]', (els) =>
    els.map((el) => ({
      kind: el.getAttribute('data-fyp-kind') ?? '',
      id: el.getAttribute('data-fyp-id') ?? '',
      text: el.textContent ?? '',
      region: el.getAttribute('data-fyp-region'),
      category: el.getAttribute('data-fyp-category'),
    })),
  );
}

/**
 * Arms a one-shot storage.onChanged listener in an extension page; the returned function waits
 * for it. Arm before the click that saves settings, then wait: no guessing how long a write takes.
 */
export async function armStorageChange(extensionPage: Page): Promise<() => Promise<void>> {
  await extensionPage.evaluate(() => {
    type Listener = () => void;
    const { storage } = (globalThis as unknown as { chrome: { storage: { onChanged: { addListener(l: Listener): void; removeListener(l: Listener): void } } } }).chrome;
    (window as unknown as { fypStorageChanged: Promise<void> }).fypStorageChanged = new Promise<void>((resolve) => {
      const listener = (): void => {
        storage.onChanged.removeListener(listener);
        resolve();
      };
      storage.onChanged.addListener(listener);
    });
  });
  return () => extensionPage.evaluate(() => (window as unknown as { fypStorageChanged: Promise<void> }).fypStorageChanged);
}

/**
 * The body HTML of a page the extension must not touch (a host outside its matches), read after
 * the load event (by then a document_idle content script would have been injected) and after
 * checking through the DevTools protocol that no script of the extension has a world there.
 */
export async function untouchedBody(browser: ExtensionBrowser, page: Page): Promise<string> {
  await page.waitForLoadState('load');
  const session = await browser.context.newCDPSession(page);
  const origins: string[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => origins.push(context.origin));
  // Enabling the domain reports every existing context at once, before the call returns.
  await session.send('Runtime.enable');
  await session.detach();
  if (origins.some((origin) => origin.includes(browser.extensionId))) throw new Error(`the extension runs on ${page.url()}`);
  return page.evaluate(() => {
    if (document.documentElement.hasAttribute('data-fyp-status')) throw new Error('the extension marked this page');
    return document.body.innerHTML;
  });
}
