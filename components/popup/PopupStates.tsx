/** Why highlighting is off for the tab: switched off everywhere, on this site, or on this tab. */
export type OffReason = 'everywhere' | 'site' | 'tab';

/** The popup's states other than "regions found" and "loading". */
export type StateView =
  | { kind: 'restricted'; url: string }
  | { kind: 'off'; site: string | null; reason: OffReason }
  | { kind: 'not-listed'; site: string }
  | { kind: 'not-running'; site: string | null }
  | { kind: 'no-regions'; demoUrl: string; sectorCount: number }
  | { kind: 'error'; message: string };

export interface StateActions {
  /** Switch highlighting back on (settings or this tab), then ask the page again. */
  onEnable?: () => void;
  /** Inject the highlighter into this tab once (activeTab). */
  onHighlightOnce?: () => void;
  /** Ask for the site's permission and add it to the user's sites. */
  onAlwaysOnSite?: () => void;
  /** Work in progress on one of the above: buttons wait. */
  busy?: boolean;
}

interface PopupStatesProps extends StateActions {
  view: StateView;
}

/** Explains why there is nothing to summarize, with the one control that can change it. */
export function PopupStates({ view, onEnable, onHighlightOnce, onAlwaysOnSite, busy = false }: PopupStatesProps) {
  switch (view.kind) {
    case 'restricted':
      return (
        <section class="state" data-state="restricted" aria-labelledby="state-heading">
          <h2 id="state-heading">This page can't be highlighted</h2>
          <p>
            Browsers keep extensions out of their own pages, extension stores and built-in viewers. Open a news article to
            see the regions it names.
          </p>
        </section>
      );
    case 'off':
      return (
        <section class="state" data-state="off" aria-labelledby="state-heading">
          <h2 id="state-heading">Highlighting is off {view.reason === 'everywhere' ? 'everywhere' : view.reason === 'site' ? 'on this site' : 'on this tab'}</h2>
          <p>
            {view.reason === 'everywhere'
              ? 'You switched highlighting off in the settings.'
              : view.reason === 'site'
                ? `You switched highlighting off on ${view.site ?? 'this site'}.`
                : 'You switched highlighting off on this tab with the keyboard shortcut.'}
          </p>
          <button type="button" class="button" onClick={onEnable} aria-disabled={busy}>
            {view.reason === 'site' ? `Turn on for ${view.site ?? 'this site'}` : 'Turn highlighting on'}
          </button>
        </section>
      );
    case 'not-listed':
      return (
        <section class="state" data-state="not-listed" aria-labelledby="state-heading">
          <h2 id="state-heading">{view.site} isn't on the list of news sites</h2>
          <p>Highlight this page once, or let the extension run on every page of {view.site}.</p>
          <div class="actions">
            <button type="button" class="button" onClick={onHighlightOnce} aria-disabled={busy}>
              Highlight this page
            </button>
            <button type="button" class="button button--secondary" onClick={onAlwaysOnSite} aria-disabled={busy}>
              Always on this site
            </button>
          </div>
          <p class="subtle">"Always" asks your browser for permission to read pages on {view.site}.</p>
        </section>
      );
    case 'not-running':
      return (
        <section class="state" data-state="not-running" aria-labelledby="state-heading">
          <h2 id="state-heading">The highlighter isn't running on this page yet</h2>
          <p>The page may still be loading, or it was opened before the extension was installed.</p>
          <button type="button" class="button" onClick={onHighlightOnce} aria-disabled={busy}>
            Highlight this page
          </button>
        </section>
      );
    case 'no-regions':
      return (
        <section class="state" data-state="no-regions" aria-labelledby="state-heading">
          <h2 id="state-heading">No Chinese region named on this page</h2>
          <p>
            {view.sectorCount > 0
              ? 'The page names priority sectors (below) but no province, municipality, autonomous region or SAR.'
              : 'The page names no province, municipality, autonomous region or SAR, nor any of their cities.'}
          </p>
          <p>
            <a href={view.demoUrl} target="_blank" rel="noopener">
              See the extension at work on the demo article
            </a>
          </p>
        </section>
      );
    case 'error':
      return (
        <section class="state" data-state="error" role="alert" aria-labelledby="state-heading">
          <h2 id="state-heading">Something went wrong</h2>
          <p>{view.message}</p>
        </section>
      );
  }
}
