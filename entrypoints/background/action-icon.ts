/**
 * The toolbar icon's state per tab: the colour icon when the page names regions, the grey one
 * when the content script ran and found none (nothing to show in the popup).
 */

export const ICON_SIZES = [16, 32, 48, 128] as const;

type IconPaths = Record<`${(typeof ICON_SIZES)[number]}`, string>;

/** The icon set for a region count: .store/public/icon/ or .store/public/icon-inactive/ (make-icons.ts). */
export function actionIconPaths(regionCount: number): IconPaths {
  const folder = regionCount > 0 ? 'icon' : 'icon-inactive';
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `/${folder}/${size}.png`])) as IconPaths;
}

/** The part of `action` (MV3) / `browserAction` (MV2) this module calls. */
export interface ActionIconApi {
  setIcon(details: { tabId: number; path: Record<string, string> }): Promise<void>;
}

/**
 * Shows the tab's state in the toolbar icon; a closed tab or a failure only logs. `fresh` (the
 * page's first report since the browser reset the tab's button, see `results-changed`) with
 * regions needs no call: the default icon is the colour one. Setting an icon is work for the
 * browser and the extension's worker while the page is still loading, which on a 2-core machine
 * takes a core from the page: leaving the call out cut the benchmark article's extra main-thread
 * time from 54 to 46 ms (medians of 27 loads each).
 */
export function showRegionState(action: ActionIconApi, tabId: number, regionCount: number, fresh = false): Promise<void> {
  if (fresh && regionCount > 0) return Promise.resolve();
  return action.setIcon({ tabId, path: actionIconPaths(regionCount) }).catch((error: unknown) => {
    console.warn('[fyp] icon update failed', error);
  });
}
