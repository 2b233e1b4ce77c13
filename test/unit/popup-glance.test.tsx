import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { paletteFor } from '../../data/palette';
import type { Figure, RegionPlan } from '../../data/schema';
import { DEFAULT_SETTINGS } from '../../data/settings';
import { FollowedTabSummary } from '../../components/popup/FollowedTabSummary';
import { PopupContext } from '../../components/popup/popup-context';
import { glanceOf, growthTarget2026, topSectors } from '../../components/popup/region-glance';
import { RegionRow } from '../../components/popup/RegionRow';
import { browserServices, type PopupServices } from '../../components/popup/services';
import { summarizePage } from '../../components/popup/summarize';
import { EMPTY_VIEW_STATE, parseViewState, viewStateStore, type SessionArea } from '../../components/popup/view-state';
import { articleResults, categories, plans, testData } from './popup-test-data';

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const figure = (id: string, label: string, value: string, unverified = false): Figure => ({ id, label, value, sources: ['zj-outline'], unverified });
const planWith = (figures: Figure[]): RegionPlan => ({ region: 'zhejiang', items: [], figures });

describe('growthTarget2026', () => {
  it('takes the verified 2026 target, over a forecast, and never an unverified one', () => {
    expect(growthTarget2026(planWith([figure('a', '2025 GDP growth', '5.5%'), figure('b', '2026 GDP growth target', 'about 5%')]))).toEqual({
      label: '2026 target',
      value: 'about 5%',
      title: '2026 GDP growth target',
    });
    expect(growthTarget2026(planWith([figure('b', '2026 GDP growth target', 'about 5%', true)]))).toBeNull();
    expect(growthTarget2026(planWith([figure('c', 'Average GDP growth target, 2026-2030', 'about 5%')]))).toBeNull();
    expect(growthTarget2026(undefined)).toBeNull();
  });

  it('falls back to an official forecast, named as one, cut at its first clause', () => {
    const forecast = figure('f', '2026 GDP growth forecast (budget; no growth target is set)', '2.5-3.5%; about 3% later');
    expect(growthTarget2026(planWith([forecast]))).toEqual({ label: '2026 forecast', value: '2.5-3.5%', title: forecast.label });
  });
});

describe('topSectors', () => {
  it('ranks the sectors of verified, sector-specific priorities first; ties go to sectors the page names', () => {
    const zhejiang = testData.planByRegion.get('zhejiang');
    // ai, computing, hydrogen once each (the unverified AI item does not count): page order breaks the tie.
    expect(topSectors(zhejiang, testData.sectorById, new Set()).map((c) => c.id)).toEqual(['ai', 'computing', 'hydrogen']);
    expect(topSectors(zhejiang, testData.sectorById, new Set(['hydrogen'])).map((c) => [c.id, c.onPage])).toEqual([
      ['hydrogen', true],
      ['ai', false],
      ['computing', false],
    ]);
    expect(topSectors(zhejiang, testData.sectorById, new Set(), 1).map((c) => c.category)).toEqual(['digital']);
    expect(topSectors(testData.planByRegion.get('guangdong'), testData.sectorById, new Set())).toEqual([]);
  });
});

describe('RegionRow', () => {
  const summary = summarizePage(articleResults, testData);
  const zhejiang = summary.regions[0]!;
  const guangdong = summary.regions[1]!;
  const show = (node: preact.ComponentChildren) =>
    render(<PopupContext.Provider value={{ data: testData, palette: paletteFor({ categories, colors: {} }) }}>{node}</PopupContext.Provider>, root);

  it('shows names, target, top sectors and mentions; the name is the disclosure button, the whole row toggles', async () => {
    const onToggle = vi.fn();
    const glance = glanceOf(testData.planByRegion.get('zhejiang'), testData.sectorById, new Set(['computing']));
    show(<RegionRow summary={zhejiang} glance={glance} open={false} onToggle={onToggle} headingId="h" bodyId="b" />);
    const button = root.querySelector<HTMLButtonElement>('h3 button')!;
    expect(button.textContent).toBe('Zhejiang 浙江');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe('b');
    expect(root.querySelector('.row-count')!.textContent).toBe('3 mentions');
    expect(root.querySelector('.row-target')!.textContent).toBe('no 2026 target on record');
    expect([...root.querySelectorAll('.chip')].map((c) => c.textContent)).toEqual([
      'Computing power (named on this page)',
      'Artificial intelligence',
      'Hydrogen',
    ]);
    await act(async () => button.click());
    await act(async () => root.querySelector<HTMLElement>('.chips')!.click());
    expect(onToggle).toHaveBeenCalledTimes(2);
  });

  it('shows the 2026 target where the data has one', () => {
    const glance = glanceOf({ ...plans[1]!, figures: [figure('g', '2026 GDP growth target', '4.5-5%')] }, testData.sectorById, new Set());
    show(<RegionRow summary={guangdong} glance={glance} open onToggle={() => {}} headingId="h" bodyId="b" />);
    expect(root.querySelector('.row-target')!.textContent).toBe('2026 target 4.5-5%');
    expect(root.querySelector('.row-target strong')!.textContent).toBe('4.5-5%');
    expect(root.querySelector('h3 button')!.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('viewStateStore', () => {
  it('keeps the state per tab in the session area and reads bad fields as empty', async () => {
    const store = viewStateStore(fakeBrowser.storage.session as SessionArea);
    expect(await store.load(3)).toEqual(EMPTY_VIEW_STATE);
    await store.save(3, { open: ['zhejiang'], comparing: true, compared: ['zhejiang', 'guangdong'] });
    await store.save(4, { open: ['hainan'], comparing: false, compared: [] });
    expect(await viewStateStore(fakeBrowser.storage.session as SessionArea).load(3)).toEqual({
      open: ['zhejiang'],
      comparing: true,
      compared: ['zhejiang', 'guangdong'],
    });
    expect(parseViewState({ open: ['zhejiang', 'nowhere', 'zhejiang', 7], comparing: 'yes', compared: ['anhui', 'hebei', 'henan', 'hubei', 'hunan'] })).toEqual({
      open: ['zhejiang'],
      comparing: false,
      compared: ['anhui', 'hebei', 'henan', 'hubei'],
    });
    expect(parseViewState('garbage')).toEqual(EMPTY_VIEW_STATE);
  });

  it('forgets the least recently saved tabs beyond fifty', async () => {
    let clock = 0;
    const store = viewStateStore(fakeBrowser.storage.session as SessionArea, () => clock++);
    for (let tab = 1; tab <= 52; tab++) await store.save(tab, { ...EMPTY_VIEW_STATE, open: ['anhui'] });
    expect((await store.load(1)).open).toEqual([]);
    expect((await store.load(2)).open).toEqual([]);
    expect((await store.load(3)).open).toEqual(['anhui']);
    expect((await store.load(52)).open).toEqual(['anhui']);
  });

  it('keeps the state in memory where the browser has no session storage', async () => {
    const store = viewStateStore(undefined);
    await store.save(1, { ...EMPTY_VIEW_STATE, comparing: true });
    expect((await store.load(1)).comparing).toBe(true);
    expect(await store.load(2)).toEqual(EMPTY_VIEW_STATE);
  });
});

describe('FollowedTabSummary', () => {
  it('starts the summaries afresh for the new tab when the shown tab changes, and stops listening when closed', async () => {
    let changed: (() => void) | undefined;
    let tab = { tabId: 1, url: 'https://news.cgtn.com/a/1.html', title: 'One' };
    const asked: number[] = [];
    const services: PopupServices = {
      surface: 'panel',
      demoUrl: 'chrome-extension://test/demo.html',
      messenger: {
        tabs: {
          sendMessage: async (tabId: number) => {
            asked.push(tabId);
            return tabId === 1 ? articleResults : { ...articleResults, mentions: articleResults.mentions.filter((m) => m.region === 'guangdong') };
          },
        },
        runtime: { sendMessage: async () => undefined },
      },
      currentTarget: async () => tab,
      loadSettings: async () => DEFAULT_SETTINGS,
      changeSettings: async () => DEFAULT_SETTINGS,
      highlightPage: async () => {},
      requestOrigins: async () => true,
      openInTab: async () => {},
      openSettings: async () => {},
      copyText: async () => {},
      onResultsChanged: () => () => {},
      viewState: viewStateStore(undefined),
      openSidePanel: null,
      onTargetChanged: (listener) => {
        changed = listener;
        return () => (changed = undefined);
      },
    };
    const regionIds = () => [...root.querySelectorAll('[data-region]')].map((el) => el.getAttribute('data-region'));
    const until = async (done: () => boolean): Promise<void> => {
      for (let i = 0; i < 200 && !done(); i++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
      expect(done()).toBe(true);
    };
    await act(async () => render(<FollowedTabSummary services={services} data={testData} />, root));
    await until(() => regionIds().length === 2);
    expect(root.querySelector('.popup--panel')).not.toBeNull();
    // The panel stays open: no "Open in a tab".
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Open in a tab')).toBe(false);
    tab = { tabId: 2, url: 'https://news.cgtn.com/a/2.html', title: 'Two' };
    await act(async () => changed?.());
    await until(() => regionIds().join() === 'guangdong');
    expect(asked.at(-1)).toBe(2);
    await act(async () => render(null, root));
    expect(changed).toBeUndefined();
  });
});

describe('browserServices().onTargetChanged', () => {
  /** Two windows; the panel's page runs in the first (the fake's current window is the focused one). */
  async function twoWindows() {
    const own = await fakeBrowser.windows.create({ focused: true });
    const other = await fakeBrowser.windows.create({});
    return { own: own.id as number, other: other.id as number };
  }

  it('in the side panel, follows tab activation and navigation in its own window only', async () => {
    const { own, other } = await twoWindows();
    const listener = vi.fn();
    const off = browserServices('', true).onTargetChanged(listener);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 7, windowId: own });
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 8, windowId: other });
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
    await fakeBrowser.tabs.onUpdated.trigger(7, { url: 'https://news.cgtn.com/b' }, { id: 7, active: true, windowId: own } as never);
    await settle();
    expect(listener).toHaveBeenCalledTimes(2);
    // A title change is not a new page; a background tab's navigation is not the shown one.
    await fakeBrowser.tabs.onUpdated.trigger(7, { title: 'New title' }, { id: 7, active: true, windowId: own } as never);
    await fakeBrowser.tabs.onUpdated.trigger(9, { url: 'https://news.cgtn.com/c' }, { id: 9, active: false, windowId: own } as never);
    await settle();
    expect(listener).toHaveBeenCalledTimes(2);
    off();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 7, windowId: own });
    await settle();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('for a fixed tab (sidepanel.html?tab=<id>), follows that tab\'s navigation only', async () => {
    const { own } = await twoWindows();
    const listener = vi.fn();
    const services = browserServices('?tab=5', true);
    expect(services.surface).toBe('panel');
    const off = services.onTargetChanged(listener);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 7, windowId: own });
    await fakeBrowser.tabs.onUpdated.trigger(6, { status: 'loading' }, { id: 6, active: true, windowId: own } as never);
    expect(listener).not.toHaveBeenCalled();
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, { id: 5, active: false, windowId: own } as never);
    expect(listener).toHaveBeenCalledOnce();
    off();
  });

  it('names the surface from the page address', async () => {
    expect(browserServices('').surface).toBe('popup');
    expect(browserServices('?tab=3').surface).toBe('page');
    expect(browserServices('?tab=3&layout=popup').surface).toBe('popup');
  });
});

describe('viewStateStore, read ahead', () => {
  it('reads the stored state when created, and never serves that read after a save', async () => {
    const area = fakeBrowser.storage.session as SessionArea;
    await viewStateStore(area).save(1, { ...EMPTY_VIEW_STATE, open: ['anhui'] });
    const get = vi.spyOn(area, 'get');
    const store = viewStateStore(area);
    expect(get).toHaveBeenCalledOnce();
    expect((await store.load(1)).open).toEqual(['anhui']);
    expect(get).toHaveBeenCalledOnce();
    await store.save(1, { ...EMPTY_VIEW_STATE, open: ['hebei'] });
    expect((await store.load(1)).open).toEqual(['hebei']);
    const fresh = viewStateStore(area);
    await fresh.save(2, EMPTY_VIEW_STATE);
    expect((await fresh.load(1)).open).toEqual(['hebei']);
  });
});
