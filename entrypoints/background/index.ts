import { isBackgroundRequest, type ContentRequest } from '../../data/protocol';
import { loadSettings, watchSettings, type Settings } from '../../data/settings';
import { showRegionState } from './action-icon';
import { injectIntoOpenTabs, syncRegistration } from './content-script-registration';

// Wiring only: the toolbar badge shows how many regions the tab's page names, the keyboard
// shortcut toggles highlights on the current tab, and the content script is registered for
// the sites the user added.
export default defineBackground(() => {
  // `npm run dev` should land a new developer on the demo article, highlighted, offline.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (import.meta.env.DEV && reason === 'install') {
      void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') });
    }
  });

  // MV2 (Firefox) calls the toolbar button browserAction.
  const action = browser.action ?? browser.browserAction;
  action.setBadgeBackgroundColor({ color: '#8d1c1c' }).catch(() => {});

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isBackgroundRequest(message)) return undefined;
    if (message.type === 'results-changed' && sender.tab?.id !== undefined) {
      const text = message.regionCount > 0 ? String(message.regionCount) : '';
      void showRegionState(action, sender.tab.id, message.regionCount);
      return action.setBadgeText({ tabId: sender.tab.id, text }).catch((error: unknown) => {
        console.warn('[fyp] badge update failed', error);
      });
    }
    return undefined;
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-highlights') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const request: ContentRequest = { type: 'toggle-highlights' };
    await browser.tabs.sendMessage(tab.id, request).catch(() => {
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
  watchSettings((settings) => resync(settings));
  browser.permissions.onAdded.addListener(() => resync());
  browser.permissions.onRemoved.addListener(() => resync());
});
