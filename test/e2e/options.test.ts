/**
 * The options page drives an open article live: each switch removes or restores exactly its
 * own marks, everything off gives back the page as it is without the extension, and the page
 * shows the saved state after a reload. One browser for the whole file; every test starts from
 * the default settings, so each passes alone and in any order. (How fast a change reaches the
 * article is measured by `npm run bench`, not here.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  armStorageChange,
  launchWithExtension,
  marksOn,
  openAnnotated,
  openOptions,
  startFixtureServer,
  untouchedBody,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { e2eOptOut } from './paths';

type Mark = Awaited<ReturnType<typeof marksOn>>[number];

/** The part of chrome.scripting the registration probe calls in the options page. */
interface ScriptingProbe {
  registerContentScripts(scripts: { id: string; js: string[]; matches: string[]; runAt: string }[]): Promise<void>;
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ js?: string[] }[]>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

const FIXTURE = 'cgtn-article.html';

/** The options switch a mark belongs to: "region", "city" or its sector category. */
function switchOf(mark: Mark): string {
  return mark.kind === 'sector' ? (mark.category ?? '') : mark.kind;
}

describe.skipIf(e2eOptOut())('options page, live on an open article', () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  let article: Page;
  let options: Page;
  /** The article's body as the browser parses it with no extension involved. */
  let pristineBody: string;
  let allMarks: Mark[];
  let switches: string[];

  /** Polls the article's marks until they equal `expected` (a live change is asynchronous). */
  const marksBecome = (expected: Mark[], message?: string) =>
    expect.poll(() => marksOn(article), { timeout: 10_000, interval: 50, ...(message ? { message } : {}) }).toEqual(expected);

  /**
   * Clicks a control and waits until the options page has stored the change. Settings reach the
   * article as whole snapshots, so a switch that changes no mark is proven applied by the next
   * visible change; the loops below end with one (`sentinel`).
   */
  async function click(selector: string): Promise<void> {
    const written = await armStorageChange(options);
    // A tab opened later (the dense page) would leave the options page in the background.
    await options.bringToFront();
    await options.click(selector);
    await written();
  }

  /** Regions off and on again: a visible change that proves every earlier switch was applied. */
  async function sentinel(expected: Mark[]): Promise<void> {
    await click('#toggle-region');
    await marksBecome(expected.filter((m) => m.kind !== 'region'), 'regions off (sentinel)');
    await click('#toggle-region');
    await marksBecome(expected, 'regions on (sentinel)');
  }

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchWithExtension();

    // "The page without the extension": the same file, served under a host the extension has
    // no business with (www.example.org is neither built in nor added), so no content script
    // ever runs there, in the same browser and parser as the article.
    const plain = await ext.context.newPage();
    await plain.goto(server.url('www.example.org', FIXTURE), { waitUntil: 'load' });
    pristineBody = await untouchedBody(ext, plain);
    await plain.close();

    article = await openAnnotated(ext.context, server.url('news.cgtn.com', FIXTURE));
    allMarks = await marksOn(article);
    options = await openOptions(ext);
    await options.waitForSelector('#toggle-region');
    switches = await options.$$eval('[data-category]', (items) => items.map((li) => li.getAttribute('data-category') ?? ''));
  });

  // Every test starts from the defaults: stored settings removed, the article fully marked, and
  // the options page showing them.
  beforeEach(async () => {
    await options.evaluate(async () => {
      const { storage } = (globalThis as unknown as { chrome: { storage: { sync: { clear(): Promise<void> }; local: { clear(): Promise<void> } } } }).chrome;
      await storage.sync.clear();
      await storage.local.clear();
    });
    await marksBecome(allMarks, 'defaults restored');
    await options.reload();
    await options.waitForSelector('#toggle-region');
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('starts from an article with marks of several kinds', () => {
    expect(switches.slice(0, 2)).toEqual(['region', 'city']);
    expect(switches.length).toBeGreaterThan(2);
    const kinds = new Set(allMarks.map(switchOf));
    expect(kinds.has('region') && kinds.has('city')).toBe(true);
    expect([...kinds].filter((k) => k !== 'region' && k !== 'city').length).toBeGreaterThan(0);
    for (const kind of kinds) expect(switches).toContain(kind);
  });

  it('removes exactly each switched-off kind’s marks, live, and gives back the page as it is without the extension', async () => {
    const off = new Set<string>();
    for (const id of switches) {
      off.add(id);
      const expected = allMarks.filter((m) => !off.has(switchOf(m)));
      await click(`#toggle-${id}`);
      await marksBecome(expected, `${id} off`);
    }
    await expect.poll(() => article.evaluate(() => document.body.innerHTML)).toBe(pristineBody);
  });

  it('brings back exactly each switched-on kind’s marks, then all of them', async () => {
    for (const id of switches) await click(`#toggle-${id}`);
    await marksBecome([], 'everything off');
    const on = new Set<string>();
    for (const id of switches) {
      on.add(id);
      const expected = allMarks.filter((m) => on.has(switchOf(m)));
      await click(`#toggle-${id}`);
      await marksBecome(expected, `${id} on`);
    }
    await sentinel(allMarks);
  });

  it('switches the whole site off and on from the site list', async () => {
    await click('#site-built-in-cgtn\\.com');
    await expect.poll(() => article.evaluate(() => document.body.innerHTML)).toBe(pristineBody);
    await click('#site-built-in-cgtn\\.com');
    await marksBecome(allMarks, 'cgtn.com on');
  });

  it('recolours marks live from the accessible palette', async () => {
    const category = switches.find((id) => id !== 'region' && id !== 'city' && allMarks.some((m) => switchOf(m) === id)) as string;
    await options.click(`[data-category="${category}"] input[aria-label="Teal"]`);
    await article.waitForFunction(
      (id) => {
        const mark = document.querySelector(`[data-fyp-category="${id}"]`);
        return mark !== null && getComputedStyle(mark).backgroundColor === 'rgb(31, 158, 142)';
      },
      category,
      { timeout: 10_000 },
    );
  });

  it('applies style and first-mention-only live, and shows the saved state after a reload', async () => {
    const teal = switches.find((id) => id !== 'region' && id !== 'city' && allMarks.some((m) => switchOf(m) === id)) as string;
    const category = switches.find((id) => id !== teal && id !== 'region' && id !== 'city') as string;
    await click(`[data-category="${teal}"] input[aria-label="Teal"]`);
    await options.click('#toggle-city');
    await options.click(`#toggle-${category}`);
    await options.click('#style-underline');
    await options.click('#first-mention');
    // Stored: the options page reads what the article's content script reads.
    await options.waitForFunction(async () => {
      const { storage } = (globalThis as unknown as { chrome: { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome;
      const stored = (await storage.sync.get('fypSettings')).fypSettings as { settings?: { firstMentionOnly?: boolean } } | undefined;
      return stored?.settings?.firstMentionOnly === true;
    });

    // Live on the article: underlines instead of backgrounds, one mark per entity per paragraph.
    await article.waitForFunction(() => {
      const mark = document.querySelector('[data-fyp-kind="region"]');
      return mark !== null && getComputedStyle(mark).textDecorationLine === 'underline' && getComputedStyle(mark).backgroundColor === 'rgba(0, 0, 0, 0)';
    });
    await article.waitForFunction(() =>
      [...document.querySelectorAll('p')].every((p) => {
        const ids = [...p.querySelectorAll('[data-fyp-kind]')].map((m) => `${m.getAttribute('data-fyp-kind')}:${m.getAttribute('data-fyp-id')}`);
        return ids.length === new Set(ids).size;
      }),
    );
    expect((await marksOn(article)).some((m) => m.kind === 'city')).toBe(false);

    await options.reload();
    await options.waitForSelector('#toggle-region');
    expect(await options.isChecked('#toggle-region')).toBe(true);
    expect(await options.isChecked('#toggle-city')).toBe(false);
    expect(await options.isChecked(`#toggle-${category}`)).toBe(false);
    expect(await options.isChecked(`#toggle-${teal}`)).toBe(true);
    expect(await options.isChecked('#style-underline')).toBe(true);
    expect(await options.isChecked('#first-mention')).toBe(true);
    expect(await options.isChecked(`[data-category="${teal}"] input[aria-label="Teal"]`)).toBe(true);
    expect(await options.isChecked('[data-category="region"] input[value="default"]')).toBe(true);
    expect(await options.isChecked('#site-built-in-cgtn\\.com')).toBe(true);
  });

  it('marks each entity once per paragraph with "first mention only", live', async () => {
    const dense = await openAnnotated(ext.context, server.url('news.cgtn.com', 'options-dense.html'));
    const perParagraph = (): Promise<{ total: number; unique: number }> =>
      dense.$$eval('p', (ps) =>
        ps
          .map((p) => [...p.querySelectorAll('[data-fyp-kind]')].map((m) => `${m.getAttribute('data-fyp-kind')}:${m.getAttribute('data-fyp-id')}`))
          .reduce((acc, ids) => ({ total: acc.total + ids.length, unique: acc.unique + new Set(ids).size }), { total: 0, unique: 0 }),
      );
    const all = await perParagraph();
    expect(all.total).toBeGreaterThan(all.unique);
    await click('#first-mention');
    await expect.poll(perParagraph, { timeout: 10_000 }).toEqual({ total: all.unique, unique: all.unique });
    const first = await perParagraph();
    expect(first.total).toBe(first.unique);
    await click('#first-mention');
    await expect.poll(perParagraph, { timeout: 10_000 }).toEqual(all);
    await dense.close();
  });

  it('falls back to the defaults, live and without breaking the page, when storage holds garbage', async () => {
    await click('#toggle-city');
    await marksBecome(allMarks.filter((m) => m.kind !== 'city'), 'cities off');
    await options.evaluate(async () => {
      const { storage } = (globalThis as unknown as { chrome: { storage: { sync: { set(items: object): Promise<void> } } } }).chrome;
      const garbage = { regions: 'yes', categories: ['all'], style: 42, colors: { region: 'red' } };
      await storage.sync.set({ fypSettings: { version: 2, rev: 1_000, settings: garbage } });
    });
    await marksBecome(allMarks, 'defaults after garbage');
    expect(await article.getAttribute('html', 'data-fyp-status')).toBe('ready');
    // The options page shows the defaults too.
    await options.waitForFunction(() => (document.querySelector('#toggle-city') as HTMLInputElement | null)?.checked === true);
    expect(await options.isChecked('#style-background')).toBe(true);
  });

  it('loads the content script file the background registers for added sites', async () => {
    // Host permission for an added site needs the browser's prompt, which automation cannot
    // answer; so check the registration call itself against a built-in host, where the
    // extension already has permission: the file path must exist and the call must succeed.
    const registered = await options.evaluate(async () => {
      const { scripting } = (globalThis as unknown as { chrome: { scripting: ScriptingProbe } }).chrome;
      await scripting.registerContentScripts([
        { id: 'fyp-probe', js: ['/content-scripts/content.js'], matches: ['*://news.cgtn.com/*'], runAt: 'document_idle' },
      ]);
      const scripts = await scripting.getRegisteredContentScripts({ ids: ['fyp-probe'] });
      await scripting.unregisterContentScripts({ ids: ['fyp-probe'] });
      return scripts.map((s) => s.js);
    });
    expect(registered).toHaveLength(1);
  });
});
