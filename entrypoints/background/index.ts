import { cityById, clusterById, categories, national, planByRegion, regionById, sectorById, sourceById } from '../../data';
import { listen, senders, sendToTab, type MessageSender } from '../../data/protocol';
import { isSettingsChange, type Settings } from '../../data/settings';
import { loadSettings, watchSettings } from '../../data/settings-store';
import { SettingsWriter } from '../../data/settings-writer';
import { showRegionState } from './action-icon';
import { hoverCardFor } from './hover-card-data';
import { injectIntoOpenTabs, syncRegistration } from './content-script-registration';

// Wiring only: the settings' one writer, the toolbar badge (how many regions the tab's page
// names), the hover cards' content, the keyboard shortcut that toggles highlights on the current
// tab, and the content script for the sites the user added.
export default defineBackground(() => {
  const writer = new SettingsWriter(new Set(categories.map((c) => c.id)));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Settings stored by an older version move to the current layout, here and only here.
    writer.migrate().catch((error: unknown) => console.warn('[fyp] settings migration failed', error));
    // `npm run dev` should land a new developer on the demo article, highlighted, offline.
    if (import.meta.env.DEV && reason === 'install') {
      void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') });
    }
  });

  // MV2 (Firefox) calls the toolbar button browserAction.
  const action = browser.action ?? browser.browserAction;
  action.setBadgeBackgroundColor({ color: '#8d1c1c' }).catch(() => {});

  listen(browser.runtime, senders.extensionPage(browser.runtime), {
    'change-settings': ({ changes }) =>
      Array.isArray(changes) && changes.every(isSettingsChange)
        ? writer.submit(changes)
        : Promise.reject(new Error('malformed settings change')),
  });
  listen(browser.runtime, senders.topFrameContentScript(browser.runtime), {
    'results-changed': ({ regionCount, fresh }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      const text = regionCount > 0 ? String(regionCount) : '';
      void showRegionState(action, tabId, regionCount, fresh === true);
      action.setBadgeText({ tabId, text }).catch((error: unknown) => {
        console.warn('[fyp] badge update failed', error);
      });
      return undefined;
    },
  });

  // A page's engine runs as a content script, or in the demo article (an extension page).
  const contentScript = senders.topFrameContentScript(browser.runtime);
  const extensionPage = senders.extensionPage(browser.runtime);
  const lookups = { regionById, cityById, sectorById, clusterById, planByRegion, national, sourceById };
  listen(browser.runtime, (sender: MessageSender) => contentScript(sender) || (extensionPage(sender) && sender.tab?.id !== undefined), {
    'hover-card': ({ entity, pageRegions }) =>
      typeof entity?.id === 'string' ? hoverCardFor(entity, Array.isArray(pageRegions) ? pageRegions : [], lookups) : undefined,
    'open-summary': (_message, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`) });
      return undefined;
    },
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-highlights') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await sendToTab(browser.tabs, tab.id, { type: 'toggle-highlights' }).catch(() => {
      // No content script on this tab (browser page, or a site outside the list).
    });
  });

  // Added sites: the registration follows the settings and the granted host permissions, on
  // every worker start (it may have missed changes while asleep) and on every change. Runs are
  // queued so two quick changes cannot interleave their register/update calls.
  let queue = Promise.resolve();
  const resync = (settings?: Settings): void => {
    queue = queue
      .then(async () => {
        const result = await syncRegistration(settings ?? (await loadSettings()), browser);
        if (result.newSites.length > 0) await injectIntoOpenTabs(result.newSites, browser);
      })
      .catch((error: unknown) => console.warn('[fyp] content script registration failed', error));
  };
  resync();
  watchSettings(({ settings }) => resync(settings));
  browser.permissions.onAdded.addListener(() => resync());
  browser.permissions.onRemoved.addListener(() => resync());
});
