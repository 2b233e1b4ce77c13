/**
 * Firefox end-to-end harness: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core,
 * with the built Firefox package installed as a temporary add-on. News hostnames reach the
 * fixture server through Firefox's HTTP proxy settings (the server answers proxy requests, whose
 * request line carries the whole URL), so the manifest's match patterns are exercised as they
 * are in Chromium.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { inject } from 'vitest';
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH } from './paths';
import type { FixtureServer } from './harness';

/**
 * The add-on's internal UUID, fixed through the `extensions.webextensions.uuids` preference so
 * that its pages have a known moz-extension:// origin.
 */
const ADDON_UUID = 'b4f0d1a2-5c3e-4e8f-9a71-0f5e2d3c4b6a';

/** The slice of puppeteer's BiDi connection the harness uses (not in its public types). */
interface BidiConnection {
  send(method: 'browsingContext.navigate', params: { context: string; url: string; wait: 'complete' }): Promise<unknown>;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://<uuid> */
  origin: string;
  /** A new tab showing `url`, after the content script's first pass (data-fyp-status="ready"). */
  openAnnotated(url: string): Promise<Page>;
  /**
   * A new tab on one of the add-on's pages, e.g. "options.html". Extension pages are opened
   * with a raw BiDi navigate: puppeteer's goto loses the frame ("Frame detached") when a tab
   * moves into the add-on's process.
   */
  openExtensionPage(path: string): Promise<Page>;
  /** Navigates an extension page tab again (a reload that keeps puppeteer's handle). */
  navigateExtensionPage(page: Page, path: string): Promise<void>;
  /** The browser's tab id of a page, asked through the add-on's tabs API. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

/** The add-on id the Firefox build declares (browser_specific_settings.gecko.id). */
function geckoId(): string {
  const manifest = JSON.parse(readFileSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('[e2e] the Firefox build has no gecko id');
  return id;
}

/** The fixture URL as Firefox asks for it through the proxy (default port, real hostname). */
export function proxiedUrl(host: string, path: string): string {
  return `http://${host}/${path.replace(/^\//, '')}`;
}

/**
 * Processes Firefox starts ahead or apart that no test needs (a spare content process, the
 * network and media-decoding processes, a separate one for privileged about: pages): about
 * 0.7 CPU-seconds a launch on this 2-core machine, and the suite launches ~26 Firefoxes.
 */
const SPARE_PROCESSES_OFF = {
  'dom.ipc.processPrelaunch.enabled': false,
  'network.process.enabled': false,
  'media.rdd-process.enabled': false,
  'browser.tabs.remote.separatePrivilegedContentProcess': false,
};

// Lets the BiDi session navigate tabs to moz-extension:// pages.
const FIREFOX_ARGS = ['--remote-allow-system-access'];

/**
 * Makes a profile Firefox has started in once, without the add-on (the e2e global setup does,
 * once per run). Firefox spends seconds of CPU on a brand-new profile's first start (databases,
 * caches); each launch gets a copy of this one, so it is still a profile the add-on has never
 * been installed in, at about two thirds of the cost.
 */
export async function makeProfileTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'fyp-firefox-template-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: [...FIREFOX_ARGS, '--profile', dir],
  });
  await browser.close();
  return dir;
}

declare module 'vitest' {
  export interface ProvidedContext {
    firefoxProfileTemplate: string;
  }
}

export async function launchFirefoxWithExtension(server: FixtureServer): Promise<FirefoxWithExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'fyp-firefox-'));
  cpSync(inject('firefoxProfileTemplate'), profile, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: [...FIREFOX_ARGS, '--profile', profile],
    defaultViewport: { width: 1200, height: 900 },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': server.port,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
      // The fixtures are served over http; Firefox must not try https first.
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: ADDON_UUID }),
      ...SPARE_PROCESSES_OFF,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const origin = `moz-extension://${ADDON_UUID}`;
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const contextOf = (page: Page): string => (page.mainFrame() as unknown as { _id: string })._id;

  const navigateExtensionPage = async (page: Page, path: string): Promise<void> => {
    await connection.send('browsingContext.navigate', { context: contextOf(page), url: `${origin}/${path}`, wait: 'complete' });
  };
  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    await navigateExtensionPage(page, path);
    return page;
  };
  return {
    browser,
    origin,
    openExtensionPage,
    navigateExtensionPage,
    async openAnnotated(url) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForSelector('html[data-fyp-status="ready"]', { timeout: 15_000 });
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      const probe = await openExtensionPage('options.html');
      const id = await probe.evaluate(async (target) => {
        // Runs inside the add-on's page, where `browser` is the WebExtension API.
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
        return (await api.tabs.query({})).find((t) => t.url === target)?.id ?? -1;
      }, url);
      await probe.close();
      if (id < 0) throw new Error(`no tab for ${url}`);
      return id;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
