import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentRequest, PageResults } from '../../data/protocol';
import type { RegionId, RegionalStrategy } from '../../data/schema';
import type { Settings } from '../../data/settings';
import { loadSettings } from '../../data/settings-store';
import { SettingsWriter } from '../../data/settings-writer';
import { storeSettings } from './settings-helpers';
import { SummaryApp as App } from '../../components/popup/SummaryApp';
import { viewStateStore } from '../../components/popup/view-state';
import type { PopupServices, TabTarget } from '../../components/popup/services';
import { STARTING } from '../../components/popup/session';
import { resetTiming } from '../../components/popup/timing';
import { articleResults, testData } from './popup-test-data';

const DEMO = 'chrome-extension://test/demo.html';

interface FakeTab {
  target: TabTarget | null;
  /** What the tab answers to get-results, given the current settings; undefined = no content script. */
  answer: (settings: Settings) => PageResults | undefined;
}

/** Real settings storage (WXT's fake browser), fake tab and browser actions. */
function fakeServices(tab: FakeTab, extra: Partial<PopupServices> = {}) {
  const sent: { route: 'tabs' | 'runtime'; message: unknown }[] = [];
  const respond = async (message: unknown): Promise<unknown> => {
    const request = message as ContentRequest;
    if (request.type === 'jump-to-region') return { found: true, position: 1, total: 3 };
    if (request.type === 'toggle-highlights') return { enabled: true };
    const answer = tab.answer(await loadSettings());
    if (!answer) throw new Error('Could not establish connection. Receiving end does not exist.');
    return answer;
  };
  const services = {
    surface: 'popup',
    viewState: viewStateStore(undefined),
    openSidePanel: null,
    onTargetChanged: () => () => {},
    demoUrl: DEMO,
    messenger: {
      tabs: { sendMessage: async (_tabId: number, message: unknown) => (sent.push({ route: 'tabs', message }), respond(message)) },
      runtime: { sendMessage: async (message: unknown) => (sent.push({ route: 'runtime', message }), respond(message)) },
    },
    currentTarget: async () => tab.target,
    loadSettings: (known: ReadonlySet<string>) => loadSettings(known),
    changeSettings: async (change) => (await new SettingsWriter().submit([change])).settings,
    highlightPage: vi.fn(async () => {}),
    requestOrigins: vi.fn(async () => true),
    openInTab: vi.fn(async () => {}),
    openSettings: vi.fn(async () => {}),
    copyText: vi.fn(async () => {}),
    onResultsChanged: () => () => {},
    ...extra,
  } satisfies PopupServices;
  return { services, sent };
}

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  resetTiming();
  vi.spyOn(console, 'debug').mockImplementation(() => {});
  delete document.documentElement.dataset.fypFirstCardMs;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

async function mount(services: PopupServices, data = testData): Promise<void> {
  await act(() => {
    render(<App services={services} data={data} />, root);
  });
}

/** Lets effects, storage and fake messages settle until `done` holds. */
async function until(done: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out; DOM: ${root.innerHTML.slice(0, 500)}`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

const regionIds = (): (string | null)[] => [...root.querySelectorAll('[data-region]')].map((el) => el.getAttribute('data-region'));
const stateOf = (): string | null => root.querySelector('[data-state]')?.getAttribute('data-state') ?? null;
const news: TabTarget = { tabId: 5, url: 'https://news.cgtn.com/a/1.html', title: 'Provinces plan ahead' };

describe('App', () => {
  it('shows a skeleton, then the regions in mention order, and records the first card', async () => {
    const { services } = fakeServices({ target: news, answer: () => articleResults });
    await mount(services);
    expect(root.querySelector('[aria-busy="true"]')).not.toBeNull();
    await until(() => regionIds().length > 0);
    expect(regionIds()).toEqual(['zhejiang', 'guangdong']);
    expect(root.querySelector('#regions-heading')!.textContent).toBe('2 regions on this page');
    expect(Number(document.documentElement.dataset.fypFirstCardMs)).toBeGreaterThan(0);
    // Landmarks.
    expect(root.querySelectorAll('header.popup-header, main, footer')).toHaveLength(3);
    expect(root.querySelector('h1')!.textContent).toBe('Five-Year Plan Lens');
    expect(root.textContent).toContain('Plan data as of 15 Mar 2026, version 2026.03-test');
  });

  it('shows compact rows in the popup, opens one in place and keeps it open for the tab; opens every card in a full tab', async () => {
    const popup = fakeServices({ target: news, answer: () => articleResults });
    await mount(popup.services);
    await until(() => regionIds().length === 2);
    // At a glance: no card open, each row with its mentions, target line and top sectors.
    expect(root.querySelectorAll('[data-region] .card-body')).toHaveLength(0);
    expect(root.querySelector('[data-region="zhejiang"] .row-count')!.textContent).toBe('3 mentions');
    expect([...root.querySelectorAll('[data-region="zhejiang"] .row .chip')].map((c) => c.getAttribute('data-sector'))).toEqual([
      'ai',
      'computing',
      'hydrogen',
    ]);
    const toggle = () => root.querySelector<HTMLButtonElement>('[data-region="guangdong"] .row-toggle')!;
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    await act(async () => toggle().click());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect([...root.querySelectorAll('[data-region] details')].map((d) => (d as HTMLDetailsElement).open)).toEqual([true, true]);
    expect(root.querySelector('[data-region="guangdong"] .card-body')).not.toBeNull();
    // Reopened for the same tab: the same card is open.
    render(null, root);
    await mount(popup.services);
    await until(() => regionIds().length === 2);
    expect(root.querySelector('[data-region="guangdong"] .row-toggle')!.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('[data-region="zhejiang"] .card-body')).toBeNull();
    render(null, root);
    const page = fakeServices({ target: news, answer: () => articleResults }, { surface: 'page' });
    await mount(page.services);
    await until(() => regionIds().length === 2);
    expect([...root.querySelectorAll('[data-region] details')].every((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(root.querySelectorAll('[data-region] details')).toHaveLength(4);
    expect(root.querySelector('.popup--page')).not.toBeNull();
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Open in a tab')).toBe(false);
  });

  it('shows a card per strategy the page names, most named first, whose member links open the region card', async () => {
    const strategy = (id: string, region: string): RegionalStrategy => ({
      id,
      nameEn: `Test ${id}`,
      nameZh: '测试',
      kind: 'major-regional',
      termsEn: [],
      termsZh: [],
      members: [{ region: region as RegionId }],
      purpose: 'A test strategy.',
      sources: ['nat-src'],
      memberSources: ['nat-src'],
    });
    const data = { ...testData, strategyById: new Map([strategy('delta', 'zhejiang'), strategy('bay', 'guangdong')].map((s) => [s.id, s])) };
    const cluster = (id: string, block: number) => ({ kind: 'cluster' as const, id, text: id, sentence: '', block });
    const results: PageResults = { ...articleResults, mentions: [cluster('bay', 0), ...articleResults.mentions, cluster('delta', 2), cluster('delta', 3)] };
    const { services } = fakeServices({ target: news, answer: () => results });
    await mount(services, data);
    await until(() => regionIds().length === 2);
    // Strategies are counted for themselves, not for their members.
    expect(root.querySelector('[data-region="zhejiang"] .row-count')!.textContent).toBe('3 mentions');
    expect([...root.querySelectorAll('[data-strategy]')].map((c) => c.getAttribute('data-strategy'))).toEqual(['delta', 'bay']);
    // The strategies follow the region rows.
    const rows = root.querySelector('section.regions')!;
    expect(rows.compareDocumentPosition(root.querySelector('section.strategies')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const toggle = () => root.querySelector<HTMLButtonElement>('[data-region="zhejiang"] .row-toggle')!;
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-strategy="delta"] [data-member="zhejiang"] button')!.click());
    await until(() => toggle().getAttribute('aria-expanded') === 'true');
    expect(document.activeElement).toBe(toggle());
  });

  it('compares the regions on the page, starting with the two most mentioned, and keeps the picks', async () => {
    const { services } = fakeServices({ target: news, answer: () => articleResults });
    await mount(services);
    await until(() => regionIds().length === 2);
    const compare = () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Compare' || b.textContent === 'Back to the list')!;
    await act(async () => compare().click());
    expect(compare().textContent).toBe('Back to the list');
    expect(root.querySelector('[data-compare]')!.getAttribute('data-compare')).toBe('zhejiang guangdong');
    expect(
      [...root.querySelectorAll<HTMLInputElement>('[data-compare-region]')].map((c) => [c.dataset.compareRegion, c.checked]),
    ).toEqual([
      ['zhejiang', true],
      ['guangdong', true],
    ]);
    render(null, root);
    await mount(services);
    await until(() => root.querySelector('[data-compare]') !== null);
    await act(async () => compare().click());
    expect(root.querySelector('[data-compare]')).toBeNull();
    expect(regionIds()).toEqual(['zhejiang', 'guangdong']);
  });

  it('jumps through the tab and shows the position', async () => {
    const { services, sent } = fakeServices({ target: news, answer: () => articleResults });
    await mount(services);
    await until(() => regionIds().length === 2);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-region="guangdong"] .row-toggle')!.click());
    await act(async () => root.querySelector<HTMLButtonElement>('[data-region="guangdong"] .jump button')!.click());
    await until(() => root.querySelector('[data-region="guangdong"] .jump-status')!.textContent === '1 of 3');
    expect(sent.at(-1)).toEqual({ route: 'tabs', message: { type: 'jump-to-region', region: 'guangdong' } });
  });

  it('copies a Markdown briefing and opens the popup in a tab', async () => {
    const { services } = fakeServices({ target: news, answer: () => articleResults });
    await mount(services);
    await until(() => regionIds().length === 2);
    const button = (label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === label)!;
    await act(async () => button('Copy summary').click());
    await until(() => root.querySelector('.notice')!.textContent !== '');
    expect(services.copyText).toHaveBeenCalledOnce();
    expect(vi.mocked(services.copyText).mock.calls[0]?.[0]).toMatch(/^# Provinces plan ahead\n\n<https:\/\/news\.cgtn\.com\/a\/1\.html>/);
    expect(root.querySelector('.notice')!.textContent).toBe('Summary copied to the clipboard as Markdown.');
    await act(async () => button('Open in a tab').click());
    expect(services.openInTab).toHaveBeenCalledWith(5);
  });

  it('reaches the demo article through runtime messages with its tab id', async () => {
    const { services, sent } = fakeServices({ target: { tabId: 11, url: DEMO, title: 'Demo' }, answer: () => articleResults });
    await mount(services);
    await until(() => regionIds().length === 2);
    expect(sent[0]).toEqual({ route: 'runtime', message: { type: 'get-results', tabId: 11 } });
  });

  it('follows the page when its content script reports new results', async () => {
    let listener: (() => void) | undefined;
    let mentions = articleResults.mentions.filter((m) => m.region === 'guangdong');
    const { services } = fakeServices(
      { target: news, answer: () => ({ ...articleResults, mentions }) },
      {
        onResultsChanged: (tabId, callback) => {
          expect(tabId).toBe(5);
          listener = callback;
          return () => (listener = undefined);
        },
      },
    );
    await mount(services);
    await until(() => regionIds().length === 1);
    mentions = articleResults.mentions;
    listener?.();
    await until(() => regionIds().length === 2);
    expect(regionIds()).toEqual(['zhejiang', 'guangdong']);
    render(null, root);
    expect(listener).toBeUndefined();
  });

  it('links the demo when the page names no region', async () => {
    const { services } = fakeServices({ target: news, answer: () => ({ ...articleResults, mentions: [] }) });
    await mount(services);
    await until(() => stateOf() !== null);
    expect(stateOf()).toBe('no-regions');
    expect(root.querySelector('[data-state] a')!.getAttribute('href')).toBe(DEMO);
  });

  it('explains a restricted page without asking it anything', async () => {
    const { services, sent } = fakeServices({ target: { tabId: 1, url: 'chrome://extensions/', title: '' }, answer: () => articleResults });
    await mount(services);
    await until(() => stateOf() !== null);
    expect(stateOf()).toBe('restricted');
    expect(sent).toEqual([]);
  });

  it('switches a disabled site back on from one control and shows the regions', async () => {
    await storeSettings({ disabledSites: ['cgtn.com', 'ft.com'] });
    const { services } = fakeServices({
      target: news,
      answer: (settings) => (settings.disabledSites.includes('cgtn.com') ? { ...articleResults, state: 'off', mentions: [] } : articleResults),
    });
    await mount(services);
    await until(() => stateOf() === 'off');
    expect(root.querySelector('[data-state] h2')!.textContent).toBe('Highlighting is off on this site');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-state] button')!.click());
    await until(() => regionIds().length === 2);
    expect((await loadSettings()).disabledSites).toEqual(['ft.com']);
  });

  it('reads the settings again when the page changes, so a site switched off while open is switched back on', async () => {
    let listener: (() => void) | undefined;
    const { services } = fakeServices(
      {
        target: news,
        answer: (settings) => (settings.disabledSites.includes('cgtn.com') ? { ...articleResults, state: 'off', mentions: [] } : articleResults),
      },
      {
        onResultsChanged: (_tabId, callback) => {
          listener = callback;
          return () => (listener = undefined);
        },
      },
    );
    await mount(services);
    await until(() => regionIds().length === 2);
    // The options page switches the site off; the content script reports its new state.
    await storeSettings({ disabledSites: ['cgtn.com'] });
    listener?.();
    await until(() => stateOf() === 'off');
    expect(root.querySelector('[data-state] h2')!.textContent).toBe('Highlighting is off on this site');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-state] button')!.click());
    await until(() => regionIds().length === 2);
    expect((await loadSettings()).disabledSites).toEqual([]);
  });

  it('keeps the newest state when the page changes while "Switch on" still waits for it', async () => {
    await storeSettings({ disabledSites: ['cgtn.com'] });
    let listener: (() => void) | undefined;
    // The page stays off (its script slow to switch on) while the popup waits for it.
    const { services, sent } = fakeServices(
      { target: news, answer: () => ({ ...articleResults, state: 'off', mentions: [] }) },
      {
        onResultsChanged: (_tabId, callback) => {
          listener = callback;
          return () => (listener = undefined);
        },
      },
    );
    await mount(services);
    await until(() => stateOf() === 'off');
    const asks = (): number => sent.filter((m) => (m.message as { type?: string }).type === 'get-results').length;
    const before = asks();
    await act(async () => root.querySelector<HTMLButtonElement>('[data-state] button')!.click());
    // Meanwhile the options page switches the site off again, and the page reports it.
    await until(() => asks() > before + 1);
    await storeSettings({ disabledSites: ['cgtn.com'] });
    listener?.();
    // The wait for "ready" gives up after its last ask; what it saw then must not show.
    await until(() => asks() >= before + STARTING.attempts + 1, 5000);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(stateOf()).toBe('off');
    expect(root.querySelector('[data-state] h2')!.textContent).toBe('Highlighting is off on this site');
  });

  /** The popup on a site outside the list, whose page answers once the script is injected. */
  async function mountUnlisted(extra: Partial<PopupServices> = {}) {
    let injected = false;
    const { services } = fakeServices(
      { target: { tabId: 8, url: 'https://blog.example.org/post', title: 'Post' }, answer: () => (injected ? articleResults : undefined) },
      { highlightPage: vi.fn(async () => void (injected = true)), ...extra },
    );
    await mount(services);
    await until(() => stateOf() === 'not-listed');
    return services;
  }

  it('offers "Highlight this page" on an unlisted site and injects the content script', async () => {
    const services = await mountUnlisted();
    await act(async () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Highlight this page')!.click());
    await until(() => regionIds().length === 2);
    expect(services.highlightPage).toHaveBeenCalledWith(8);
  });

  it('asks for the site permission from the click and adds the site', async () => {
    const services = await mountUnlisted();
    const always = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Always on this site')!;
    always.click();
    // Called synchronously inside the click handler (a user gesture), before any await.
    expect(services.requestOrigins).toHaveBeenCalledWith(['*://blog.example.org/*', '*://*.blog.example.org/*']);
    await until(() => regionIds().length === 2);
    expect((await loadSettings()).addedSites).toEqual(['blog.example.org']);
  });

  it('keeps the site off when the permission is refused', async () => {
    await mountUnlisted({ requestOrigins: vi.fn(async () => false) });
    await act(async () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Always on this site')!.click());
    await until(() => root.querySelector('.notice')!.textContent !== '');
    expect(root.querySelector('.notice')!.textContent).toBe('Permission for blog.example.org was not granted.');
    expect((await loadSettings()).addedSites).toEqual([]);
  });
});
