import { listen, senders, sendToExtension } from '../../data/protocol';
import { NEWS_SITE_MATCHES } from '../../data/news-sites';
import { answerer } from './answer';
import { startLens } from './lens';
import type { PageAnnotation } from './page-annotation';

/** The running engine of this tab, in this content script's isolated world (the page can't see it). */
interface RunningEngine {
  /** Whether the extension instance that started it is still there. */
  alive(): boolean;
  stop(): void;
}

/** How often the engine looks whether the extension is still there, and whether the URL changed. */
const CHECK_MS = 400;

// Wiring only: start the engine, answer the popup, follow SPA navigation, and undo everything
// when the extension is disabled, removed, updated or reloaded.
export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  // WXT announces a starting script to older copies with a DOM event and, for compatibility,
  // also with window.postMessage to the page. We use neither (see below), and the postMessage
  // was the slowest step of our injection in a fresh tab (19–50 ms of a 30–70 ms task).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const scope = window as unknown as { __fypEngine?: RunningEngine };
    // The background and the popup's "Highlight this page" inject this script into tabs that may
    // run it already. A copy injected next to a live engine shares this isolated world: it leaves
    // that engine running, untouched, and ends here. An engine of an extension instance that is
    // gone (reloaded or updated) is stopped and replaced.
    const running = scope.__fypEngine;
    if (running?.alive()) return;
    running?.stop();

    // The extension is gone when runtime.id is: that is the one sign trusted. WXT's context also
    // calls itself invalidated when a DOM event named after the extension id says a newer copy
    // started; a page can send that event (the id is public), and a re-injected copy sends it
    // too. Neither stops this engine: ctx.onInvalidated only makes us look at runtime.id.
    const runtime = browser.runtime;
    const alive = () => {
      try {
        return runtime?.id != null;
      } catch {
        // Some browsers throw on a gone extension's objects instead of clearing them.
        return false;
      }
    };
    const engine = new AbortController();
    const stop = () => {
      if (engine.signal.aborted) return;
      engine.abort();
      if (scope.__fypEngine === self) delete scope.__fypEngine;
    };
    const self: RunningEngine = { alive: () => alive() && !engine.signal.aborted, stop };
    scope.__fypEngine = self;
    ctx.onInvalidated(() => {
      if (!alive()) stop();
    });

    try {
      let page: PageAnnotation | undefined;
      const stopListening = listen(runtime, senders.extensionPage(runtime), answerer(() => page));
      engine.signal.addEventListener('abort', () => {
        // Removing a listener from an extension that is gone may throw; nothing is left to undo.
        try {
          stopListening();
        } catch {}
      });

      // One timer notices both the extension going away (no event tells a content script) and
      // SPA navigation (with no event a page could forge, unlike WXT's wxt:locationchange).
      let url = location.href;
      const timer = setInterval(() => {
        if (!alive()) stop();
        else if (location.href !== url) {
          url = location.href;
          page?.onLocationChange();
        }
      }, CHECK_MS);
      engine.signal.addEventListener('abort', () => clearInterval(timer));

      const lens = await startLens({
        doc: document,
        signal: engine.signal,
        onResultsChanged: (regionCount, fresh) => {
          // A prerendered page is not the tab's page yet: it tells the badge once activated.
          if (!alive() || (document as { prerendering?: boolean }).prerendering) return;
          sendToExtension(runtime, { type: 'results-changed', regionCount, fresh }).catch(() => {
            // The background may be restarting; the next change updates the badge.
          });
        },
      });
      page = lens.page;
      const renotify = () => lens.page.renotify();
      // Back from the back/forward cache, or a prerendered page shown: the tab's badge was reset.
      window.addEventListener('pageshow', (event) => event.persisted && renotify(), { signal: engine.signal });
      document.addEventListener('prerenderingchange', renotify, { signal: engine.signal });
      await lens.ready;
    } catch (error) {
      // Never let a failure here break the page the reader is on.
      if (alive()) console.error('[fyp] content script failed', error);
    }
  },
});
