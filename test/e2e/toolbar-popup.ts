/**
 * The real toolbar popup, opened with chrome.action.openPopup from an extension page and read
 * through chrome.extension.getViews (Playwright does not surface action popups as pages, but the
 * extension's own pages can reach them). Used by the popup e2e test and by `npm run bench`.
 */
import type { Page } from 'playwright-core';

export interface ToolbarPopup {
  /** performance.now() in the popup when its first region card rendered. */
  firstCardMs: number;
  /** performance.now() in the popup when its script started. */
  scriptStartMs: number;
  regions: string[];
  width: number;
  height: number;
}

/** The slice of the `chrome` API the toolbar-popup probe calls inside an extension page. */
interface PopupProbeApi {
  tabs: { get(tabId: number): Promise<{ windowId: number }> };
  action: { openPopup(options: { windowId: number }): Promise<void> };
  extension: { getViews(filter: { type: 'popup' }): Window[] };
}

/** Opens the toolbar popup for the article's window, reads it once a card is there, closes it. */
export async function openToolbarPopup(probe: Page, article: Page, tabId: number): Promise<ToolbarPopup> {
  await article.bringToFront();
  return probe.evaluate(async (tabId) => {
    // Runs inside the extension page, where `chrome` is the extension API.
    const chrome = (globalThis as unknown as { chrome: PopupProbeApi }).chrome;
    const tab = await chrome.tabs.get(tabId);
    await chrome.action.openPopup({ windowId: tab.windowId });
    // The popup is another document, with no event this page can listen to: poll for its first
    // card (a condition, with a deadline; this page is in the background, so no frames).
    const deadline = performance.now() + 10_000;
    let view: Window | undefined;
    for (;;) {
      [view] = chrome.extension.getViews({ type: 'popup' });
      if (view?.document.documentElement.dataset.fypFirstCardMs) break;
      if (performance.now() > deadline) throw new Error('the toolbar popup did not render a region card');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const data = view.document.documentElement.dataset;
    const result = {
      firstCardMs: Number(data.fypFirstCardMs),
      scriptStartMs: Number(data.fypScriptStartMs),
      regions: [...view.document.querySelectorAll('[data-region]')].map((el) => el.getAttribute('data-region') ?? ''),
      width: view.innerWidth,
      height: view.innerHeight,
    };
    view.close();
    return result;
  }, tabId);
}
