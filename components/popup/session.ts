/**
 * Opening the popup's session with its tab: find the tab, read the settings, ask the tab for
 * its results (retrying while its content script starts). No Preact and no dataset import, so
 * main.tsx can start it before the App's modules are evaluated and its first frame rendered.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../data/settings';
import { factsFor, viewFor, type PopupView, type TabFacts } from './popup-state';
import type { PopupServices, TabTarget } from './services';
import { fetchResults, tabClient, type TabClient } from './tab-client';

/** While a content script may still be starting: ask for ~3 s. */
export const STARTING = { attempts: 20, delayMs: 150 };

export interface Session {
  target: TabTarget;
  settings: Settings;
  facts: TabFacts;
  client: TabClient;
}

export type SessionView = PopupView | { kind: 'error'; message: string };

export interface SessionStart {
  session: Session | null;
  view: SessionView;
}

/**
 * Asks the tab again and returns the state to show; `until` keeps asking (up to `attempts`
 * times) while the answer is not the awaited one yet, e.g. "ready" after switching on.
 */
export async function askTab(s: Session, attempts = 1, until?: (v: PopupView) => boolean): Promise<PopupView> {
  let next: PopupView = { kind: 'loading' };
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, STARTING.delayMs));
    // The first ask retries a missing content script; later ones wait for a changed answer.
    const results = await fetchResults(s.client, { attempts: i === 0 ? attempts : 1, delayMs: STARTING.delayMs }).catch(
      () => undefined,
    );
    next = viewFor(s.facts, s.settings, results, s.target.url);
    if (!until || until(next)) break;
  }
  return next;
}

/**
 * The session under newer settings: what the page's answer means depends on them (why it is off,
 * whether its site is listed). A tab whose URL the popup may not see keeps the facts it has.
 */
export function withSettings(s: Session, settings: Settings, demoUrl: string): Session {
  return s.target.url === '' ? { ...s, settings } : { ...s, settings, facts: factsFor(s.target.url, settings, demoUrl) };
}

/**
 * Finds the tab and asks it for its results; never throws. The performance marks (fyp:tab,
 * fyp:settings, fyp:answer…) show in DevTools where the time to the first card goes.
 */
export async function openSession(services: PopupServices): Promise<SessionStart> {
  try {
    performance.mark('fyp:session-start');
    // Category keys are checked later, by the settings writes; colours of unknown keys are unused.
    const targetRead = services.currentTarget();
    const settingsRead = services.loadSettings();
    const target = await targetRead;
    performance.mark('fyp:tab');
    if (!target) return { session: null, view: { kind: 'error', message: 'There is no tab to summarize.' } };
    // Whether the page is restricted or the demo does not depend on the settings: ask the tab
    // at once, while the settings are still being read.
    const early = factsFor(target.url, DEFAULT_SETTINGS, services.demoUrl);
    const client = tabClient(target.tabId, early.demo || target.url === '', services.messenger);
    const firstAnswer =
      early.restricted && target.url !== ''
        ? Promise.resolve(undefined)
        : fetchResults(client, { attempts: 1, delayMs: 0 }).catch(() => undefined);
    const settings = await settingsRead;
    performance.mark('fyp:settings');
    let facts = factsFor(target.url, settings, services.demoUrl);
    let results = await firstAnswer;
    performance.mark('fyp:answer');
    // Without the tab's URL (no permission to see it), it may still be our demo article.
    if (target.url === '' && results) facts = { ...facts, demo: true, restricted: false, listed: true };
    const session: Session = { target, settings, facts, client: tabClient(target.tabId, facts.demo, services.messenger) };
    if (facts.restricted) return { session, view: { kind: 'restricted', url: target.url } };
    // A listed page whose content script is still starting: keep asking for a while.
    if (!results && facts.listed) {
      const retry = { attempts: STARTING.attempts - 1, delayMs: STARTING.delayMs };
      results = await fetchResults(session.client, retry).catch(() => undefined);
    }
    performance.mark('fyp:session-ready');
    return { session, view: viewFor(facts, settings, results, target.url) };
  } catch (error) {
    console.error('[fyp] popup could not read the tab', error);
    return { session: null, view: { kind: 'error', message: 'The popup could not read this tab. Try reopening it.' } };
  }
}
