/**
 * The browser calls the popup and the side panel make, behind one interface so the App can be
 * rendered in tests with fakes. `browserServices` is the real thing, created by each main.tsx.
 */
import { browser } from 'wxt/browser';
import { listen, senders, sendToExtension } from '../../data/protocol';
import type { Settings, SettingsChange } from '../../data/settings';
import { loadSettings } from '../../data/settings-store';
import type { Messenger } from './tab-client';
import { viewStateStore, type SessionArea, type ViewStateStore } from './view-state';

/** The tab the popup is about. `url` is '' when the browser does not tell (no permission). */
export interface TabTarget {
  tabId: number;
  url: string;
  title: string;
}

/**
 * Where the summaries are shown: the toolbar popup, a full tab (popup.html?tab=<id>) or the
 * browser's side panel (Chrome) or sidebar (Firefox).
 */
export type Surface = 'popup' | 'page' | 'panel';

export interface PopupServices {
  surface: Surface;
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
  /** What the reader opened, per tab, for the browser session. */
  viewState: ViewStateStore;
  /** Opens the side panel (sidebar) beside the tab; null where the browser has none. */
  openSidePanel: ((tabId: number) => Promise<void>) | null;
  /**
   * Calls back when the tab the panel shows changes: another tab activated in its window, or
   * the shown tab navigated to another page. Returns the unsubscribe.
   */
  onTargetChanged(listener: () => void): () => void;
}

/** The side panel APIs, which webextension-polyfill's types do not declare. */
interface PanelApis {
  /** Chrome 114+ (open: 116+). */
  sidePanel?: { open?(options: { tabId: number }): Promise<void> };
  /** Firefox. */
  sidebarAction?: { open?(): Promise<void> };
}

/** The tab id in popup.html?tab=<id>, if any. */
export function tabParam(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/** Whether a window is the one this page (the side panel) is shown in. */
async function isOwnWindow(windowId: number): Promise<boolean> {
  return (await browser.windows.getCurrent()).id === windowId;
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
export function browserServices(search: string, panel = false): PopupServices {
  const fixedTab = tabParam(search);
  const popupLayout = new URLSearchParams(search).get('layout') === 'popup';
  const apis = browser as unknown as PanelApis;
  // sidePanel.open came in Chrome 116; the manifest allows 111.
  const openPanel = typeof apis.sidebarAction?.open === 'function' || typeof apis.sidePanel?.open === 'function';
  return {
    surface: panel ? 'panel' : fixedTab !== null && !popupLayout ? 'page' : 'popup',
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
    viewState: viewStateStore(browser.storage.session as SessionArea | undefined),
    openSidePanel: openPanel
      ? async (tabId) => {
          // Both browsers open a panel only straight from a click: no await before the call.
          await (apis.sidebarAction?.open ? apis.sidebarAction.open() : apis.sidePanel?.open?.({ tabId }));
          if (fixedTab === null) globalThis.close();
        }
      : null,
    onTargetChanged(listener) {
      const activated = (info: { tabId: number; windowId: number }): void => {
        if (fixedTab === null) void isOwnWindow(info.windowId).then((own) => own && listener());
      };
      const updated = (tabId: number, change: { url?: string; status?: string }, tab: { active?: boolean; windowId?: number }): void => {
        // A new page in the shown tab: its content script and its results are new.
        if (change.url === undefined && change.status !== 'loading') return;
        if (fixedTab !== null) {
          if (tabId === fixedTab) listener();
        } else if (tab.active === true && tab.windowId !== undefined) {
          void isOwnWindow(tab.windowId).then((own) => own && listener());
        }
      };
      browser.tabs.onActivated.addListener(activated);
      browser.tabs.onUpdated.addListener(updated);
      return () => {
        browser.tabs.onActivated.removeListener(activated);
        browser.tabs.onUpdated.removeListener(updated);
      };
    },
  };
}
