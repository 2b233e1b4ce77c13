/**
 * The browser calls the popup makes, behind one interface so the App can be rendered in tests
 * with fakes. `browserServices` is the real thing, created by main.tsx.
 */
import { browser } from 'wxt/browser';
import { listen, senders, sendToExtension } from '../../data/protocol';
import type { Settings, SettingsChange } from '../../data/settings';
import { loadSettings } from '../../data/settings-store';
import type { Messenger } from './tab-client';

/** The tab the popup is about. `url` is '' when the browser does not tell (no permission). */
export interface TabTarget {
  tabId: number;
  url: string;
  title: string;
}

export interface PopupServices {
  /** Shown in a full tab (popup.html?tab=<id>) rather than the toolbar popup. */
  fullPage: boolean;
  demoUrl: string;
  messenger: Messenger;
  /** The tab from ?tab=<id>, else the active tab of the popup's window. */
  currentTarget(): Promise<TabTarget | null>;
  loadSettings(knownCategories?: ReadonlySet<string>): Promise<Settings>;
  /** Has the background (the settings' one writer) apply a change; resolves with the result. */
  changeSettings(change: SettingsChange): Promise<Settings>;
  /** Runs the content script in the tab once (activeTab grants it from the popup). */
  highlightPage(tabId: number): Promise<void>;
  /** Asks for host permission; must be called straight from a click, before any await. */
  requestOrigins(origins: string[]): Promise<boolean>;
  openInTab(tabId: number): Promise<void>;
  openSettings(): Promise<void>;
  copyText(text: string): Promise<void>;
  /** Calls back when the tab's content script reports new results; returns the unsubscribe. */
  onResultsChanged(tabId: number, listener: () => void): () => void;
}

/** The tab id in popup.html?tab=<id>, if any. */
export function tabParam(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/** Copies with the async clipboard API, falling back to a hidden textarea where it is refused. */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch (error) {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw error;
  }
}

/**
 * `popup.html?tab=<id>` is the full-page view; `&layout=popup` keeps the toolbar popup's layout
 * (screenshots and timing in end-to-end tests, where the toolbar popup cannot be opened).
 */
export function browserServices(search: string): PopupServices {
  const fixedTab = tabParam(search);
  const popupLayout = new URLSearchParams(search).get('layout') === 'popup';
  return {
    fullPage: fixedTab !== null && !popupLayout,
    demoUrl: browser.runtime.getURL('/demo.html'),
    messenger: {
      tabs: { sendMessage: (tabId, message) => browser.tabs.sendMessage(tabId, message) },
      runtime: { sendMessage: (message) => browser.runtime.sendMessage(message) },
    },
    async currentTarget() {
      const tab =
        fixedTab !== null
          ? await browser.tabs.get(fixedTab)
          : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (tab?.id === undefined) return null;
      return { tabId: tab.id, url: tab.url ?? '', title: tab.title ?? '' };
    },
    loadSettings: (known) => loadSettings(known),
    async changeSettings(change) {
      return (await sendToExtension(browser.runtime, { type: 'change-settings', changes: [change] })).settings;
    },
    async highlightPage(tabId) {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
    },
    requestOrigins: (origins) => browser.permissions.request({ origins }),
    async openInTab(tabId) {
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`) });
      if (fixedTab === null) window.close();
    },
    openSettings: () => browser.runtime.openOptionsPage(),
    copyText,
    onResultsChanged(tabId, listener) {
      const fromContentScript = senders.topFrameContentScript(browser.runtime);
      return listen(browser.runtime, (sender) => fromContentScript(sender) && sender.tab?.id === tabId, {
        'results-changed': () => {
          listener();
          // Never answer: the background answers these.
          return undefined;
        },
      });
    },
  };
}
