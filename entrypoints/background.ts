import { isBackgroundRequest, type ContentRequest } from '../data/protocol';

// Wiring only: the toolbar badge shows how many regions the tab's page names, and the
// keyboard shortcut toggles highlights on the current tab.
export default defineBackground(() => {
  // `npm run dev` should land a new developer on the demo article, highlighted, offline.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (import.meta.env.DEV && reason === 'install') {
      void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') });
    }
  });

  browser.action.setBadgeBackgroundColor({ color: '#8d1c1c' }).catch(() => {});

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isBackgroundRequest(message)) return undefined;
    if (message.type === 'results-changed' && sender.tab?.id !== undefined) {
      const text = message.regionCount > 0 ? String(message.regionCount) : '';
      return browser.action.setBadgeText({ tabId: sender.tab.id, text }).catch((error: unknown) => {
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
});
