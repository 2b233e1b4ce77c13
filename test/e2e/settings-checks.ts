/**
 * What the settings e2e tests read from the pages, for Chromium (playwright-core) and Firefox
 * (puppeteer-core) alike: every function runs in the page through `evaluate(fn, arg)`, which
 * both drivers offer.
 */

import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/** A page of either driver. */
export type AnyPage = PlaywrightPage | PuppeteerPage;

/** The call both drivers' pages offer (their own types spell it differently). */
interface EvaluatingPage {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

const evaluating = (page: AnyPage): EvaluatingPage => page as unknown as EvaluatingPage;

export interface StoredSettings {
  regions: boolean;
  cities: boolean;
  categories: Record<string, boolean>;
  style: string;
  disabledSites: string[];
}

/** Polls a condition in the page until it holds (a wait on the page's state, not a sleep). */
export async function until<A>(page: AnyPage, condition: (arg: A) => boolean | Promise<boolean>, arg: A, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await evaluating(page).evaluate(condition, arg)) return;
    if (Date.now() > deadline) throw new Error(`[e2e] condition not met within ${timeoutMs} ms: ${condition.toString().slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The settings as every reader finds them (the area in use; see data/settings-store.ts). Runs in an extension page. */
export function readStored(): Promise<StoredSettings | null> {
  type Area = { get(keys: string[]): Promise<Record<string, unknown>> };
  const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as { storage: { sync: Area; local: Area } };
  return Promise.all([api.storage.sync.get(['fypSettings']), api.storage.local.get(['fypSettings', 'settingsArea'])]).then(([sync, local]) => {
    const area = local.settingsArea === 'local' ? local : sync;
    return ((area.fypSettings as { settings?: StoredSettings } | undefined)?.settings ?? null) as StoredSettings | null;
  });
}

export function storedSettings(extensionPage: AnyPage): Promise<StoredSettings | null> {
  return evaluating(extensionPage).evaluate(readStored, undefined);
}

/** Which switches (region, city, category ids) have marks on an article. */
export function switchesWithMarks(article: AnyPage): Promise<string[]> {
  return evaluating(article).evaluate(
    () =>
      [
        ...new Set(
          [...document.querySelectorAll('[data-fyp-kind]')].map((m) =>
            m.getAttribute('data-fyp-kind') === 'sector' ? (m.getAttribute('data-fyp-category') ?? '') : (m.getAttribute('data-fyp-kind') ?? ''),
          ),
        ),
      ].sort(),
    undefined,
  );
}

/** Which of the switches are on in an options page. */
export function switchesOn(options: AnyPage, ids: readonly string[]): Promise<string[]> {
  return evaluating(options).evaluate((list) => list.filter((id) => (document.getElementById(`toggle-${id}`) as HTMLInputElement | null)?.checked).sort(), [...ids]);
}

/** Clicks the switches in one task, with no wait between clicks: as fast as the page takes them. */
export function clickAll(options: AnyPage, ids: readonly string[]): Promise<void> {
  return evaluating(options).evaluate((list) => {
    for (const id of list) (document.getElementById(`toggle-${id}`) as HTMLInputElement).click();
  }, [...ids]);
}

/**
 * Clicks `selector` at time `at` of the shared clock (Date.now), so several pages click at once;
 * a time already past clicks at once, without a timer (browsers run a background tab's timers
 * up to a second late).
 */
export function clickAt(page: AnyPage, selector: string, at: number): Promise<void> {
  return evaluating(page).evaluate(
    ({ selector, at }) =>
      new Promise<void>((resolve, reject) => {
        const click = (): void => {
          const target = document.querySelector(selector) as HTMLElement | null;
          if (!target) reject(new Error(`no ${selector}`));
          else {
            target.click();
            resolve();
          }
        };
        if (at <= Date.now()) click();
        else setTimeout(click, at - Date.now());
      }),
    { selector, at },
  );
}

/** Whether the stored switches are exactly `on` among `ids`. Runs in an extension page. */
export async function storedSwitchesAre(want: { ids: string[]; on: string[] }): Promise<boolean> {
  type Area = { get(keys: string[]): Promise<Record<string, unknown>> };
  const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as { storage: { sync: Area; local: Area } };
  const [sync, local] = await Promise.all([api.storage.sync.get(['fypSettings']), api.storage.local.get(['fypSettings', 'settingsArea'])]);
  const area = local.settingsArea === 'local' ? local : sync;
  const s = (area.fypSettings as { settings?: { regions: boolean; cities: boolean; categories: Record<string, boolean> } } | undefined)?.settings;
  if (!s) return false;
  const isOn = (id: string): boolean => (id === 'region' ? s.regions : id === 'city' ? s.cities : s.categories[id] !== false);
  return want.ids.every((id) => isOn(id) === want.on.includes(id));
}

/** Whether an article's marks belong to exactly the switches in `on`. Runs in the article. */
export function marksAreExactly(on: string[]): boolean {
  const present = new Set(
    [...document.querySelectorAll('[data-fyp-kind]')].map((m) =>
      m.getAttribute('data-fyp-kind') === 'sector' ? m.getAttribute('data-fyp-category') : m.getAttribute('data-fyp-kind'),
    ),
  );
  return on.every((id) => present.has(id)) && present.size === on.length;
}

/** A small deterministic generator, so a failing trial can be replayed. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Whether an options page shows a category switch, a highlight style and cgtn.com as wanted. Runs in the options page. */
export function optionsShow(w: { category: string; categoryOn: boolean; style: string }): boolean {
  return (
    (document.getElementById(`toggle-${w.category}`) as HTMLInputElement).checked === w.categoryOn &&
    (document.getElementById(`style-${w.style}`) as HTMLInputElement).checked &&
    (document.getElementById('site-built-in-cgtn.com') as HTMLInputElement).checked
  );
}

/**
 * One trial of forty clicks on random switches, in one task. True when the options page showed
 * the result at once and still does once storage and the article's marks agree with it.
 */
export async function fortyClicksAgree(options: AnyPage, article: AnyPage, marked: readonly string[], next: () => number): Promise<boolean> {
  const before = await switchesOn(options, marked);
  const on = new Map(marked.map((id) => [id, before.includes(id)]));
  const clicks = Array.from({ length: 40 }, () => marked[Math.floor(next() * marked.length)] as string);
  for (const id of clicks) on.set(id, !on.get(id));
  await clickAll(options, clicks);
  const expectedOn = marked.filter((id) => on.get(id)).sort();
  // The options page never waits for storage: it shows the result at once.
  const shown = await switchesOn(options, marked);
  await until(options, storedSwitchesAre, { ids: [...marked], on: expectedOn });
  await until(article, marksAreExactly, expectedOn);
  const shownAfter = await switchesOn(options, marked);
  return JSON.stringify(shown) === JSON.stringify(expectedOn) && JSON.stringify(shownAfter) === JSON.stringify(expectedOn);
}

/**
 * One trial of three changes at the same instant: a category in one options page, the style in
 * another, and "turn on for this site" in the popup, which must show its off state already.
 * True when both options pages show all three, the popup the page again, and storage holds all three.
 */
export async function threeAtOnceKept(pages: { options: AnyPage; second: AnyPage; popup: AnyPage }, category: string): Promise<boolean> {
  const { options, second, popup } = pages;
  const before = await storedSettings(options);
  const style = before?.style === 'underline' ? 'background' : 'underline';
  const want = { category, categoryOn: before?.categories[category] === false, style };
  // Every page clicks at the same moment of the shared clock.
  const at = Date.now() + 400;
  await Promise.all([
    clickAt(options, `#toggle-${category}`, at),
    clickAt(second, `#style-${style}`, at),
    clickAt(popup, '[data-state="off"] button', at),
  ]);
  await Promise.all([until(options, optionsShow, want), until(second, optionsShow, want)]);
  // The popup shows the page again (its regions, or none if the region switches are off).
  await until(popup, () => document.querySelector('[data-region], [data-state="no-regions"]') !== null, undefined);
  const after = await storedSettings(options);
  return after !== null && (after.categories[category] !== false) === want.categoryOn && after.style === style && !after.disabledSites.includes('cgtn.com');
}

/**
 * Runs `count` independent trials, at most `together` at a time: a new one starts as soon as one
 * ends (each trial launches its own browser, which is mostly waiting, so a few at once take
 * little longer than one, and a slow trial holds up no others).
 */
export async function runTrials(count: number, together: number, trial: (index: number) => Promise<boolean>): Promise<boolean[]> {
  const results: boolean[] = new Array(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      results[index] = await trial(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(together, count) }, worker));
  return results;
}
