/**
 * Adding and removing a site from the options page: the host permission is asked for from the
 * user's click, the setting follows the answer. The browser APIs are passed in for tests.
 */
import type { WxtBrowser } from 'wxt/browser';
import { MAX_SITES, normaliseSite, type SettingsChange } from '../../data/settings';
import { builtInSiteFor, originsFor } from '../../data/sites';

export type SiteOutcome = { ok: true; site: string; message: string } | { ok: false; message: string };

export interface SitePermissions {
  permissions: Pick<WxtBrowser['permissions'], 'request' | 'remove'>;
}

/** Stores a settings change; resolves with whether it was stored. */
export type ChangeSettings = (change: SettingsChange) => Promise<boolean>;

/** Checks what the reader typed; a string is the reason it cannot be added. */
export function siteToAdd(input: string, addedCount = 0): { site: string } | { error: string } {
  if (addedCount >= MAX_SITES) return { error: `You have added ${MAX_SITES} sites, the most the extension keeps. Remove one first.` };
  const site = normaliseSite(input);
  if (site === null) return { error: 'Type a site such as example.com, or paste the address of one of its pages.' };
  const builtIn = builtInSiteFor(site);
  if (builtIn !== undefined) return { error: `${builtIn} is a built-in news site: switch it on in the list above.` };
  return { site };
}

/**
 * Adds a site. Must be called straight from the click (or Enter) handler: the browser shows the
 * permission prompt only during the user's gesture, so nothing may be awaited before it.
 */
export async function addSite(input: string, addedCount: number, api: SitePermissions, change: ChangeSettings): Promise<SiteOutcome> {
  const checked = siteToAdd(input, addedCount);
  if ('error' in checked) return { ok: false, message: checked.error };
  const { site } = checked;
  let granted: boolean;
  try {
    granted = await api.permissions.request({ origins: originsFor(site) });
  } catch (error) {
    console.warn('[fyp] permission request failed', error);
    return { ok: false, message: `The browser refused to ask for access to ${site}.` };
  }
  if (!granted) return { ok: false, message: `Access to ${site} was not granted, so it was not added.` };
  if (!(await change({ kind: 'add-site', site }))) return { ok: false, message: `${site} could not be saved. Try again.` };
  return { ok: true, site, message: `${site} added: highlights will appear on its pages.` };
}

/** Removes an added site and gives its host permission back. */
export async function removeSite(site: string, api: SitePermissions, change: ChangeSettings): Promise<SiteOutcome> {
  if (!(await change({ kind: 'remove-site', site }))) return { ok: false, message: `${site} could not be removed. Try again.` };
  await api.permissions.remove({ origins: originsFor(site) }).catch((error: unknown) => {
    // The registration ignores sites no longer listed, so a kept permission does no harm.
    console.warn('[fyp] permission could not be removed', error);
  });
  return { ok: true, site, message: `${site} removed.` };
}
