import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { LoadingSkeleton } from './LoadingSkeleton';
import { PageOverview } from './PageOverview';
import { PopupContext, type PopupContextValue, type PopupData } from './popup-context';
import { PopupFooter } from './PopupFooter';
import { PopupHeader } from './PopupHeader';
import { PopupStates } from './PopupStates';
import { RegionCard } from './RegionCard';
import { CompareSection } from './CompareSection';
import { focusRegionCard } from './region-card-focus';
import { StrategyList, type StrategyLookups } from './StrategyList';
import { glanceOf } from './region-glance';
import type { RegionId } from '../../data/schema';
import { paletteFor } from '../../data/palette';
import { plural } from '../../data/labels';
import { briefingMarkdown } from './markdown';
import type { PopupServices } from './services';
import type { SessionStart } from './session';
import { summarizePage, type SummaryLookups } from './summarize';
import { markFirstCard } from './timing';
import { useTabView } from './use-tab-view';
import { useViewState } from './use-view-state';

export type AppData = PopupData & SummaryLookups & Pick<StrategyLookups, 'strategyById'>;

interface AppProps {
  services: PopupServices;
  data: AppData;
  /** The session main.tsx opened while this module loaded; opened on mount when absent. */
  start?: Promise<SessionStart>;
}

/**
 * The popup, its full-tab view and the side panel: wire the tab's results, the data, the
 * settings and what the reader opened into the components.
 */
export function SummaryApp({ services, data, start }: AppProps) {
  const { surface } = services;
  const fullPage = surface === 'page';
  const tab = useTabView(services, start);
  const { view } = tab;
  const results = view.kind === 'ready' ? view.results : null;
  const summary = useMemo(() => (results ? summarizePage(results, data) : null), [results, data]);
  const pageSectors = useMemo(() => new Set(summary?.sectors.map((s) => s.id)), [summary]);
  const glances = useMemo(
    () => new Map(summary?.regions.map(({ region }) => [region.id, glanceOf(data.planByRegion.get(region.id), data.sectorById, pageSectors)])),
    [summary, data, pageSectors],
  );
  // The popup and the panel keep what the reader opened per tab; the full tab opens every card.
  const viewState = useViewState(services.viewState, view.kind === 'loading' ? undefined : (tab.target?.tabId ?? null), !fullPage);
  const [closedInPage, setClosedInPage] = useState<ReadonlySet<RegionId>>(new Set());
  const isOpen = (id: RegionId): boolean => (fullPage ? !closedInPage.has(id) : (viewState.state?.open.includes(id) ?? false));
  const toggle = (id: RegionId): void => {
    const flip = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
    if (fullPage) setClosedInPage((closed) => new Set(flip([...closed], id)));
    else viewState.update((state) => ({ ...state, open: flip(state.open, id) }));
  };
  const comparing = viewState.state?.comparing ?? false;
  const toggleCompare = (): void =>
    viewState.update((state) => ({
      ...state,
      comparing: !state.comparing,
      // The two most mentioned to start with.
      compared: state.compared.length > 0 ? state.compared : (summary?.regions.slice(0, 2).map((r) => r.region.id) ?? []),
    }));
  const context = useMemo<PopupContextValue>(
    () => ({ data, palette: paletteFor({ categories: data.categories, colors: tab.settings?.colors ?? {} }) }),
    [data, tab.settings],
  );
  const regionCount = summary?.regions.length ?? 0;
  const regionsOnPage = useMemo(() => new Set(summary?.regions.map((r) => r.region.id)), [summary]);
  const strategyIds = useMemo(() => summary?.strategies.map((s) => s.id) ?? [], [summary]);
  // A strategy's member link opens the member's card; focus moves there once it has rendered.
  const [focusRequest, setFocusRequest] = useState<RegionId | null>(null);
  const openRegion = (id: RegionId): void => {
    if (!isOpen(id)) toggle(id);
    setFocusRequest(id);
  };
  useEffect(() => {
    if (focusRequest === null) return;
    focusRegionCard(document, focusRequest);
    setFocusRequest(null);
  }, [focusRequest]);
  const shown = view.kind === 'ready' && summary !== null && viewState.state !== null;

  // The first card is rendered alone first; the other cards' bodies follow a moment later.
  const [restShown, setRestShown] = useState(false);
  useLayoutEffect(() => {
    if (shown && regionCount > 0) markFirstCard();
  }, [shown, regionCount]);
  useEffect(() => {
    if (!shown || regionCount === 0 || restShown) return undefined;
    const timer = setTimeout(() => setRestShown(true), 0);
    return () => clearTimeout(timer);
  }, [shown, regionCount, restShown]);

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
      strategyById: data.strategyById,
      regionById: data.regionById,
    });
    services.copyText(markdown).then(
      () => tab.setNotice('Summary copied to the clipboard as Markdown.'),
      () => tab.setNotice('The clipboard refused the summary.'),
    );
  };

  const openSidePanel = (): void => {
    if (!tab.target) return;
    services.openSidePanel?.(tab.target.tabId).catch((error: unknown) => {
      console.warn('[fyp] could not open the side panel', error);
      tab.setNotice('The browser did not open the side panel.');
    });
  };

  const openInTab = (): void => {
    if (tab.target) void services.openInTab(tab.target.tabId);
  };

  return (
    <PopupContext.Provider value={context}>
      <div class={`popup popup--${surface}`}>
        <PopupHeader
          pageTitle={results?.title || tab.target?.title || null}
          canOpenInTab={surface === 'popup'}
          canCopy={summary !== null}
          onCopy={copy}
          onOpenInTab={openInTab}
          notice={tab.notice}
        />
        <main class="popup-main" aria-busy={view.kind === 'loading'}>
          {view.kind === 'loading' || (view.kind === 'ready' && !shown) ? <LoadingSkeleton /> : null}
          {shown && summary ? (
            regionCount > 0 ? (
              <section class="regions" aria-labelledby="regions-heading">
                <div class="regions-heading-row">
                  <h2 id="regions-heading" class="section-heading">
                    {plural(regionCount, 'region')} on this page
                  </h2>
                  {regionCount >= 2 ? (
                    <button type="button" class="button button--small button--secondary" onClick={toggleCompare}>
                      {comparing ? 'Back to the list' : 'Compare'}
                    </button>
                  ) : null}
                </div>
                {comparing ? (
                  <CompareSection
                    regions={summary.regions.map((r) => r.region)}
                    chosen={viewState.state?.compared ?? []}
                    onChange={(compared) => viewState.update((state) => ({ ...state, compared }))}
                    lookups={data}
                  />
                ) : (
                  <>
                    <p class="subtle">Most mentioned first; a city counts for its region.</p>
                    <div class="cards">
                      {summary.regions.map((region, i) => (
                        <RegionCard
                          key={region.region.id}
                          summary={region}
                          glance={glances.get(region.region.id) ?? { target: null, topSectors: [] }}
                          open={isOpen(region.region.id)}
                          onToggle={() => toggle(region.region.id)}
                          deferBody={i > 0 && !restShown}
                          pageSectors={pageSectors}
                          onJump={() => tab.jump(region.region.id)}
                        />
                      ))}
                    </div>
                  </>
                )}
              </section>
            ) : (
              <PopupStates view={{ kind: 'no-regions', demoUrl: services.demoUrl, sectorCount: summary.sectors.length }} />
            )
          ) : null}
          {shown && summary && !comparing ? (
            <StrategyList ids={strategyIds} lookups={data} regionsOnPage={regionsOnPage} onOpenRegion={openRegion} />
          ) : null}
          {shown && summary && (restShown || regionCount === 0) ? <PageOverview summary={summary} /> : null}
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
        <PopupFooter
          onOpenSettings={() => void services.openSettings()}
          onOpenSidePanel={surface === 'popup' && services.openSidePanel ? openSidePanel : undefined}
        />
      </div>
    </PopupContext.Provider>
  );
}
