import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageResults } from '../../data/protocol';
import { applyChange, DEFAULT_SETTINGS, type Settings } from '../../data/settings';
import { viewStateStore } from '../../components/popup/view-state';
import type { PopupServices, TabTarget } from '../../components/popup/services';
import { askTab, openSession } from '../../components/popup/session';

const DEMO = 'chrome-extension://test/demo.html';
const ready: PageResults = { url: 'https://news.cgtn.com/a', title: 'A', state: 'ready', mentions: [] };

function services(target: TabTarget | null, answer: () => Promise<unknown>, settings: Partial<Settings> = {}) {
  const tabs = vi.fn(async (_tabId: number, _message: unknown) => answer());
  const runtime = vi.fn(async (_message: unknown) => answer());
  const fake: PopupServices = {
    surface: 'popup',
    viewState: viewStateStore(undefined),
    openSidePanel: null,
    onTargetChanged: () => () => {},
    demoUrl: DEMO,
    messenger: { tabs: { sendMessage: tabs }, runtime: { sendMessage: runtime } },
    currentTarget: async () => target,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    changeSettings: async (change) => applyChange({ ...DEFAULT_SETTINGS, ...settings }, change),
    highlightPage: async () => {},
    requestOrigins: async () => true,
    openInTab: async () => {},
    openSettings: async () => {},
    copyText: async () => {},
    onResultsChanged: () => () => {},
  };
  return { fake, tabs, runtime };
}

const noReceiver = async (): Promise<never> => {
  throw new Error('Could not establish connection. Receiving end does not exist.');
};

afterEach(() => vi.useRealTimers());

describe('openSession', () => {
  it('asks a news tab once and shows its results', async () => {
    const { fake, tabs } = services({ tabId: 4, url: ready.url, title: 'A' }, async () => ready);
    const opened = await openSession(fake);
    expect(opened.view).toEqual({ kind: 'ready', results: ready });
    expect(tabs).toHaveBeenCalledOnce();
    expect(tabs).toHaveBeenCalledWith(4, { type: 'get-results' });
  });

  it('keeps asking a listed page whose content script is still starting', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const { fake } = services({ tabId: 4, url: ready.url, title: 'A' }, async () => (++calls < 4 ? noReceiver() : ready));
    const pending = openSession(fake);
    await vi.runAllTimersAsync();
    expect((await pending).view.kind).toBe('ready');
    expect(calls).toBe(4);
  });

  it('asks an unlisted site only once before offering to highlight it', async () => {
    const { fake, tabs } = services({ tabId: 4, url: 'https://blog.example.org/p', title: 'P' }, noReceiver);
    expect((await openSession(fake)).view).toEqual({ kind: 'not-listed', site: 'blog.example.org' });
    expect(tabs).toHaveBeenCalledOnce();
  });

  it('does not message a restricted page', async () => {
    const { fake, tabs, runtime } = services({ tabId: 4, url: 'chrome://settings/', title: '' }, async () => ready);
    expect((await openSession(fake)).view.kind).toBe('restricted');
    expect(tabs).not.toHaveBeenCalled();
    expect(runtime).not.toHaveBeenCalled();
  });

  it('recognises the demo article by its answer when the tab URL is hidden', async () => {
    const { fake, runtime } = services({ tabId: 9, url: '', title: '' }, async () => ready);
    const opened = await openSession(fake);
    expect(opened.view.kind).toBe('ready');
    expect(opened.session?.facts.demo).toBe(true);
    expect(runtime).toHaveBeenCalledWith({ type: 'get-results', tabId: 9 });
  });

  it('reports a missing tab and a failing browser as states, never throwing', async () => {
    expect((await openSession(services(null, async () => ready).fake)).view.kind).toBe('error');
    const broken = services({ tabId: 1, url: ready.url, title: '' }, async () => ready).fake;
    broken.currentTarget = async () => {
      throw new Error('tabs API gone');
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await openSession(broken)).view).toMatchObject({ kind: 'error' });
  });
});

describe('askTab', () => {
  it('asks until the awaited state arrives', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const { fake } = services({ tabId: 4, url: ready.url, title: 'A' }, async () => (++calls < 3 ? { ...ready, state: 'off' } : ready));
    const opened = openSession(fake);
    await vi.runAllTimersAsync();
    const session = (await opened).session!;
    expect((await opened).view.kind).toBe('off');
    const next = askTab(session, 5, (v) => v.kind === 'ready');
    await vi.runAllTimersAsync();
    expect((await next).kind).toBe('ready');
    expect(calls).toBe(3);
  });
});
