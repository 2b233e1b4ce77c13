import { isContentRequest } from '../../data/protocol';
import { answer } from '../content/answer';
import { startLens } from '../content/lens';

// The demo article runs the same engine as the content script (content scripts do not run on
// extension pages). The popup reaches it with runtime messages addressed to this tab.
const controller = new AbortController();
void (async () => {
  try {
    const tab = await browser.tabs.getCurrent();
    const lens = await startLens({ doc: document, signal: controller.signal });
    browser.runtime.onMessage.addListener((message: unknown) => {
      const target = (message as { tabId?: unknown } | null)?.tabId;
      if (!isContentRequest(message) || tab?.id === undefined || target !== tab.id) return undefined;
      return answer(lens.page, message);
    });
    await lens.ready;
  } catch (error) {
    console.error('[fyp] demo failed', error);
  }
})();
