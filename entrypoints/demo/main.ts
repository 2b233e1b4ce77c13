import { listen, senders, type AddressedRequest } from '../../data/protocol';
import { answerer } from '../content/answer';
import { startLens } from '../content/lens';

// The demo article runs the same engine as the content script (content scripts do not run on
// extension pages). The popup reaches it with runtime messages addressed to this tab.
const controller = new AbortController();
void (async () => {
  try {
    const tab = await browser.tabs.getCurrent();
    const lens = await startLens({ doc: document, signal: controller.signal });
    const fromExtension = senders.extensionPage(browser.runtime);
    listen(
      browser.runtime,
      (sender, message) => fromExtension(sender) && tab?.id !== undefined && (message as Partial<AddressedRequest>).tabId === tab.id,
      answerer(() => lens.page),
    );
    await lens.ready;
  } catch (error) {
    console.error('[fyp] demo failed', error);
  }
})();
