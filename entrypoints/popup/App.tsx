import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { LoadingSkeleton } from '../../components/popup/LoadingSkeleton';
import { PageOverview } from '../../components/popup/PageOverview';
import { PopupContext, type PopupContextValue, type PopupData } from '../../components/popup/popup-context';
import { PopupFooter } from '../../components/popup/PopupFooter';
import { PopupHeader } from '../../components/popup/PopupHeader';
import { PopupStates } from '../../components/popup/PopupStates';
import { RegionCard } from '../../components/popup/RegionCard';
import { paletteFor } from '../../data/palette';
import { plural } from '../../data/labels';
import { briefingMarkdown } from './markdown';
import type { PopupServices } from './services';
import type { SessionStart } from './session';
import { summarizePage, type SummaryLookups } from '../../components/popup/summarize';
import { markFirstCard } from './timing';
import { useTabView } from './use-tab-view';

export type AppData = PopupData & SummaryLookups;

interface AppProps {
  services: PopupServices;
  data: AppData;
  /** The session main.tsx opened while this module loaded; opened on mount when absent. */
  start?: Promise<SessionStart>;
}

/** The popup: wires the tab's results, the data and the settings into the components. */
export function App({ services, data, start }: AppProps) {
  const tab = useTabView(services, start);
  const { view } = tab;
  const results = view.kind === 'ready' ? view.results : null;
  const summary = useMemo(() => (results ? summarizePage(results, data) : null), [results, data]);
  const pageSectors = useMemo(() => new Set(summary?.sectors.map((s) => s.id)), [summary]);
  const context = useMemo<PopupContextValue>(
    () => ({ data, palette: paletteFor({ categories: data.categories, colors: tab.settings?.colors ?? {} }) }),
    [data, tab.settings],
  );
  const regionCount = summary?.regions.length ?? 0;

  // The first card is rendered alone first; the other cards' bodies follow a moment later.
  const [restShown, setRestShown] = useState(false);
  useLayoutEffect(() => {
    if (regionCount > 0) markFirstCard();
  }, [regionCount]);
  useEffect(() => {
    if (regionCount === 0 || restShown) return undefined;
    const timer = setTimeout(() => setRestShown(true), 0);
    return () => clearTimeout(timer);
  }, [regionCount, restShown]);

  const copy = (): void => {
    if (!results || !summary) return;
    const markdown = briefingMarkdown({
      title: results.title || tab.target?.title || '',
      url: results.url,
      summary,
      planByRegion: data.planByRegion,
      categories: data.categories,
      sourceById: data.sourceById,
      meta: data.meta,
    });
    services.copyText(markdown).then(
      () => tab.setNotice('Summary copied to the clipboard as Markdown.'),
      () => tab.setNotice('The clipboard refused the summary.'),
    );
  };

  const openInTab = (): void => {
    if (tab.target) void services.openInTab(tab.target.tabId);
  };

  return (
    <PopupContext.Provider value={context}>
      <div class={services.fullPage ? 'popup popup--page' : 'popup'}>
        <PopupHeader
          pageTitle={results?.title || tab.target?.title || null}
          fullPage={services.fullPage}
          canCopy={summary !== null}
          onCopy={copy}
          onOpenInTab={openInTab}
          notice={tab.notice}
        />
        <main class="popup-main" aria-busy={view.kind === 'loading'}>
          {view.kind === 'loading' ? <LoadingSkeleton /> : null}
          {view.kind === 'ready' && summary ? (
            regionCount > 0 ? (
              <section class="regions" aria-labelledby="regions-heading">
                <h2 id="regions-heading" class="section-heading">
                  {plural(regionCount, 'region')} on this page
                </h2>
                <p class="subtle">Most mentioned first; a city counts for its region.</p>
                <div class="cards">
                  {summary.regions.map((region, i) => (
                    <RegionCard
                      key={region.region.id}
                      summary={region}
                      open={services.fullPage || i === 0}
                      deferBody={i > 0 && !restShown}
                      pageSectors={pageSectors}
                      onJump={() => tab.jump(region.region.id)}
                    />
                  ))}
                </div>
              </section>
            ) : (
              <PopupStates view={{ kind: 'no-regions', demoUrl: services.demoUrl, sectorCount: summary.sectors.length }} />
            )
          ) : null}
          {view.kind === 'ready' && summary && (restShown || regionCount === 0) ? <PageOverview summary={summary} /> : null}
          {view.kind !== 'loading' && view.kind !== 'ready' ? (
            <PopupStates
              view={view}
              busy={tab.busy}
              onEnable={tab.enable}
              onHighlightOnce={tab.highlightOnce}
              onAlwaysOnSite={tab.alwaysOnSite}
            />
          ) : null}
        </main>
        <PopupFooter onOpenSettings={() => void services.openSettings()} />
      </div>
    </PopupContext.Provider>
  );
}
