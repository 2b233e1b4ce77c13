import { listen, senders, sendToExtension } from '../../data/protocol';
import { NEWS_SITE_MATCHES } from '../../data/news-sites';
import { answerer } from './answer';
import { startLens } from './lens';
import type { PageAnnotation } from './page-annotation';

// Wiring only: start the engine, answer the popup, follow SPA navigation, and undo everything
// when the extension is reloaded or removed (ctx is invalidated).
export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  // WXT announces a starting script to older copies with a DOM event and, for compatibility,
  // also with window.postMessage to the page. We need only the event (and guard against
  // doubles ourselves); the postMessage was the slowest step of our injection in a fresh tab
  // (19–50 ms of a 30–70 ms task), and the page's own message listeners need not see it.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // The popup's "Highlight this page" may inject this script into a tab that already runs it.
    const scope = window as unknown as Record<string, boolean | undefined>;
    if (scope.__fypLens) return;
    scope.__fypLens = true;
    ctx.onInvalidated(() => {
      scope.__fypLens = false;
    });

    try {
      let page: PageAnnotation | undefined;
      const stopListening = listen(browser.runtime, senders.extensionPage(browser.runtime), answerer(() => page));
      ctx.onInvalidated(stopListening);

      const lens = await startLens({
        doc: document,
        signal: ctx.signal,
        onResultsChanged: (regionCount) => {
          sendToExtension(browser.runtime, { type: 'results-changed', regionCount }).catch(() => {
            // The background may be restarting; the next change updates the badge.
          });
        },
      });
      page = lens.page;
      ctx.addEventListener(window, 'wxt:locationchange', () => lens.page.onLocationChange());
      await lens.ready;
    } catch (error) {
      // Never let a failure here break the page the reader is on.
      console.error('[fyp] content script failed', error);
    }
  },
});
