/**
 * Pure: decides which state the popup shows for a tab, from its URL, the settings and what
 * (if anything) the tab answered.
 */
import type { PageResults } from '../../data/protocol';
import { isSiteDisabled, type Settings } from '../../data/settings';
import { builtInSiteFor, hostMatches, isRestrictedUrl, siteOf } from '../../data/sites';
import type { OffReason } from './PopupStates';
import { isDemoUrl } from './tab-client';

export type { OffReason };

export type PopupView =
  | { kind: 'loading' }
  /** A page no extension may run on (browser pages, web stores). */
  | { kind: 'restricted'; url: string }
  /** Highlighting switched off: everywhere, on this site, or on this tab (keyboard shortcut). */
  | { kind: 'off'; site: string | null; host: string | null; reason: OffReason }
  /** A site outside the built-in list and not added: offer to highlight it. */
  | { kind: 'not-listed'; site: string }
  /** A listed site whose page has no engine answering (opened before install, still loading). */
  | { kind: 'not-running'; site: string | null }
  | { kind: 'ready'; results: PageResults };

/** What the tab's URL says before asking it anything. */
export interface TabFacts {
  demo: boolean;
  restricted: boolean;
  site: string | null;
  /** The full host name ("www.scmp.com"), which the content script checks disabledSites against. */
  host: string | null;
  /** Built-in news site, a site the user added, or the demo: the engine should be running. */
  listed: boolean;
}

export function factsFor(url: string, settings: Settings, demoUrl: string): TabFacts {
  if (isDemoUrl(url, demoUrl)) return { demo: true, restricted: false, site: null, host: null, listed: true };
  const site = siteOf(url);
  let host: string | null = null;
  try {
    host = site === null ? null : new URL(url).hostname.toLowerCase();
  } catch {
    host = null;
  }
  const restricted = isRestrictedUrl(url) || site === null;
  const listed =
    site !== null && (builtInSiteFor(site) !== undefined || settings.addedSites.some((added) => hostMatches(site, added)));
  return { demo: false, restricted, site, host, listed };
}

/** The state to show once the tab answered (`results`) or did not (`undefined`). */
export function viewFor(facts: TabFacts, settings: Settings, results: PageResults | undefined, url: string): PopupView {
  if (facts.restricted) return { kind: 'restricted', url };
  if (!results) {
    return facts.listed || facts.site === null
      ? { kind: 'not-running', site: facts.site }
      : { kind: 'not-listed', site: facts.site };
  }
  if (results.state === 'off') {
    const reason: OffReason = !settings.enabled
      ? 'everywhere'
      : facts.host !== null && isSiteDisabled(settings, facts.host)
        ? 'site'
        : 'tab';
    return { kind: 'off', site: facts.site, host: facts.host, reason };
  }
  return { kind: 'ready', results };
}
