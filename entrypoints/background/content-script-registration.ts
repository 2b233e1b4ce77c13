/**
 * The content script for sites the user added: registered at run time (the manifest only lists
 * the built-in news sites), for the added sites whose host permission is granted. Pure planning
 * functions plus one `syncRegistration` that takes the browser APIs it needs, so it is tested
 * without a browser.
 */
import type { Browser, WxtBrowser } from 'wxt/browser';
import type { Settings } from '../../data/settings';
import { builtInSiteFor, originsFor } from '../../data/sites';

export const ADDED_SITES_SCRIPT_ID = 'fyp-added-sites';
/** Where WXT builds entrypoints/content (the same file the manifest's content script loads). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

export type ContentScript = Browser.scripting.RegisteredContentScript;

/** The added sites the content script should run on: granted, and not already built in. */
export function sitesToRegister(settings: Pick<Settings, 'addedSites'>, granted: ReadonlySet<string>): string[] {
  return settings.addedSites.filter((site) => granted.has(site) && builtInSiteFor(site) === undefined).sort();
}

/** The registration the settings call for, or null when no added site needs one. */
export function contentScriptRegistration(settings: Pick<Settings, 'addedSites'>, granted: ReadonlySet<string>): ContentScript | null {
  const sites = sitesToRegister(settings, granted);
  if (sites.length === 0) return null;
  return {
    id: ADDED_SITES_SCRIPT_ID,
    js: [CONTENT_SCRIPT_FILE],
    matches: sites.flatMap(originsFor),
    runAt: 'document_idle',
  };
}

export type RegistrationStep =
  | { action: 'none' }
  | { action: 'register'; script: ContentScript }
  | { action: 'update'; script: ContentScript }
  | { action: 'unregister' };

function sameMatches(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = [...(a ?? [])].sort();
  const y = [...(b ?? [])].sort();
  return x.length === y.length && x.every((m, i) => m === y[i]);
}

/** What to do to go from the registered script (if any) to the wanted one. */
export function registrationStep(wanted: ContentScript | null, registered: ContentScript | undefined): RegistrationStep {
  if (!wanted) return registered ? { action: 'unregister' } : { action: 'none' };
  if (!registered) return { action: 'register', script: wanted };
  if (sameMatches(wanted.matches, registered.matches) && sameMatches(wanted.js, registered.js)) return { action: 'none' };
  return { action: 'update', script: wanted };
}

/** The parts of the browser API registration uses (a fake in unit tests). */
export interface RegistrationApi {
  scripting: Pick<
    WxtBrowser['scripting'],
    'getRegisteredContentScripts' | 'registerContentScripts' | 'updateContentScripts' | 'unregisterContentScripts'
  >;
  permissions: Pick<WxtBrowser['permissions'], 'contains'>;
}

export interface RegistrationResult {
  step: RegistrationStep;
  /** The added sites the registered script now covers. */
  sites: string[];
  /** Of those, the ones it did not cover before (their open tabs need the script injected). */
  newSites: string[];
}

/** The added sites whose host permission is currently granted. */
export async function grantedSites(sites: readonly string[], api: Pick<RegistrationApi, 'permissions'>): Promise<Set<string>> {
  const granted = await Promise.all(
    sites.map((site) => api.permissions.contains({ origins: originsFor(site) }).catch(() => false)),
  );
  return new Set(sites.filter((_, i) => granted[i]));
}

/**
 * Brings the registered content script in line with the settings and the granted permissions.
 * What was covered before is read from the registration itself, not remembered, because the
 * service worker may have been asleep (and its memory gone) when the settings changed.
 */
export async function syncRegistration(settings: Pick<Settings, 'addedSites'>, api: RegistrationApi): Promise<RegistrationResult> {
  const granted = await grantedSites(settings.addedSites, api);
  const wanted = contentScriptRegistration(settings, granted);
  const [registered] = await api.scripting.getRegisteredContentScripts({ ids: [ADDED_SITES_SCRIPT_ID] });
  const step = registrationStep(wanted, registered);
  if (step.action === 'register') await api.scripting.registerContentScripts([step.script]);
  else if (step.action === 'update') await api.scripting.updateContentScripts([step.script]);
  else if (step.action === 'unregister') await api.scripting.unregisterContentScripts({ ids: [ADDED_SITES_SCRIPT_ID] });
  const sites = sitesToRegister(settings, granted);
  const before = new Set(registered?.matches ?? []);
  const newSites = sites.filter((site) => !originsFor(site).every((origin) => before.has(origin)));
  return { step, sites, newSites };
}

/** Runs the content script in tabs already open on newly added sites, so no reload is needed. */
export async function injectIntoOpenTabs(
  sites: readonly string[],
  api: { tabs: Pick<WxtBrowser['tabs'], 'query'>; scripting: Pick<WxtBrowser['scripting'], 'executeScript'> },
): Promise<number[]> {
  const injected: number[] = [];
  for (const site of sites) {
    const tabs = await api.tabs.query({ url: originsFor(site) });
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      // The content script ignores a second copy of itself, so a tab that already has it is safe.
      await api.scripting
        .executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT_FILE] })
        .then(() => injected.push(tab.id as number))
        .catch(() => {
          // The tab may have navigated away or show an error page; it gets the script on reload.
        });
    }
  }
  return injected;
}
