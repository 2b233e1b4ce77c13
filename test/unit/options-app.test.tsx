import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SectorCategory } from '../../data/schema';
import { loadSettings } from '../../data/settings-store';
import { storeSettings, writerTransport } from './settings-helpers';
import { App } from '../../entrypoints/options/App';
import type { OptionsApi } from '../../entrypoints/options/options-api';
import { SETTINGS_FILE_FORMAT } from '../../entrypoints/options/settings-file';
import { siteToAdd } from '../../entrypoints/options/site-actions';

const CATEGORIES: SectorCategory[] = [
  { id: 'digital', label: 'Digital economy', color: '#b3e5fc', sectors: [{ id: 'ai', label: 'Artificial intelligence', termsEn: [], termsZh: [] }] },
  { id: 'energy', label: 'Energy', color: '#c5e1a5', sectors: [{ id: 'solar', label: 'Solar power', termsEn: [], termsZh: [] }] },
];

const KNOWN: ReadonlySet<string> = new Set(CATEGORIES.map((c) => c.id));

function event() {
  return { addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn() };
}

/** Permissions granted or refused on request, commands as Chromium reports them. */
function fakeApi(answer: boolean) {
  const granted = new Set<string>();
  const api = {
    permissions: {
      request: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
        if (answer) for (const o of origins) granted.add(o);
        return answer;
      }),
      remove: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
        for (const o of origins) granted.delete(o);
        return true;
      }),
      contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o))),
      onAdded: event(),
      onRemoved: event(),
    },
    commands: { getAll: vi.fn(async () => [{ name: 'toggle-highlights', shortcut: 'Alt+Shift+H' }]) },
    tabs: { create: vi.fn(async () => ({})) },
  };
  return api as typeof api & OptionsApi;
}

let container: HTMLElement;

async function mount(api: OptionsApi): Promise<void> {
  await act(async () => {
    render(<App categories={CATEGORIES} api={api} transport={writerTransport(KNOWN)} isFirefox={false} />, container);
  });
  await vi.waitFor(() => expect(container.querySelector('#toggle-region')).not.toBeNull());
}

function $(selector: string): HTMLInputElement {
  const el = container.querySelector<HTMLInputElement>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

describe('options page', () => {
  it('shows a labelled switch, a sample with its underline cue and a colour choice per kind', async () => {
    await mount(fakeApi(true));
    for (const [id, label] of [['region', 'Provinces and regions'], ['city', 'Cities'], ['digital', 'Digital economy'], ['energy', 'Energy']]) {
      const toggle = $(`#toggle-${id}`);
      expect(toggle.getAttribute('role')).toBe('switch');
      expect(container.querySelector(`label[for="toggle-${id}"]`)?.textContent).toBe(label);
      const item = container.querySelector(`[data-category="${id}"]`) as HTMLElement;
      expect(item.querySelector('.sample-cue')?.textContent).toMatch(/underline$/);
      expect(item.querySelectorAll('input[type=radio]').length).toBeGreaterThan(5);
      expect(item.querySelector('legend')?.textContent).toContain(label);
    }
    expect(container.querySelector('[data-category="energy"] .hint')?.textContent).toBe('Solar power');
  });

  it('stores each switch at once', async () => {
    await mount(fakeApi(true));
    await act(async () => $('#toggle-energy').click());
    await act(async () => $('#toggle-city').click());
    await vi.waitFor(async () => expect(await loadSettings()).toMatchObject({ cities: false, categories: { energy: false } }));
  });

  it('switches strategy highlights (with their own colour choice) and hover cards', async () => {
    await mount(fakeApi(true));
    expect(container.querySelector('label[for="toggle-cluster"]')?.textContent).toBe('National regional strategies');
    expect([...container.querySelectorAll('[data-category]')].map((li) => li.getAttribute('data-category')).slice(0, 3)).toEqual(['region', 'city', 'cluster']);
    expect($('#toggle-cluster').checked).toBe(true);
    expect(container.querySelector('[data-category="cluster"] .sample-cue')?.textContent).toBe('solid lines above and below');
    expect($('#hover-cards').checked).toBe(true);
    expect(container.querySelector('label[for="hover-cards"]')?.textContent).toBe('Hover cards');
    await act(async () => $('#toggle-cluster').click());
    await act(async () => $('#hover-cards').click());
    await vi.waitFor(async () => expect(await loadSettings()).toMatchObject({ clusters: false, hoverCards: false }));
    await act(async () => $('[data-category="cluster"] input[aria-label="Teal"]').click());
    await vi.waitFor(async () => expect((await loadSettings()).colors).toEqual({ cluster: '#1f9e8e' }));
    await act(async () => storeSettings({ hoverCards: true }));
    await vi.waitFor(() => expect($('#hover-cards').checked).toBe(true));
  });

  it('stores a colour from the palette and goes back to the default', async () => {
    await mount(fakeApi(true));
    await act(async () => $('[data-category="digital"] input[aria-label="Teal"]').click());
    await vi.waitFor(async () => expect((await loadSettings()).colors).toEqual({ digital: '#1f9e8e' }));
    await act(async () => $('[data-category="digital"] input[value="default"]').click());
    await vi.waitFor(async () => expect((await loadSettings()).colors).toEqual({}));
  });

  it('shows settings changed elsewhere (popup, another window) without a reload', async () => {
    await mount(fakeApi(true));
    expect($('#toggle-region').checked).toBe(true);
    await act(async () => storeSettings({ regions: false, disabledSites: ['scmp.com'] }));
    await vi.waitFor(() => expect($('#toggle-region').checked).toBe(false));
    expect($('#site-built-in-scmp\\.com').checked).toBe(false);
  });

  it('switches a built-in site off and on', async () => {
    await mount(fakeApi(true));
    await act(async () => $('#site-built-in-cgtn\\.com').click());
    await vi.waitFor(async () => expect((await loadSettings()).disabledSites).toEqual(['cgtn.com']));
    await act(async () => $('#site-built-in-cgtn\\.com').click());
    await vi.waitFor(async () => expect((await loadSettings()).disabledSites).toEqual([]));
  });

  it('shows the shortcut and opens the browser’s shortcut settings', async () => {
    const api = fakeApi(true);
    await mount(api);
    await vi.waitFor(() => expect(container.querySelector('[data-shortcut]')?.getAttribute('data-shortcut')).toBe('Alt+Shift+H'));
    const link = container.querySelector<HTMLAnchorElement>('.shortcut a') as HTMLAnchorElement;
    await act(async () => link.click());
    expect(api.tabs.create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
  });
});

describe('adding and removing a site', () => {
  async function addSite(text: string): Promise<string> {
    const input = $('#add-site-input');
    await act(async () => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      (container.querySelector('form.add-site') as HTMLFormElement).requestSubmit();
    });
    let message = '';
    await vi.waitFor(() => {
      message = container.querySelector('#add-site-status')?.textContent ?? '';
      expect(message).not.toBe('');
    });
    return message;
  }

  it('asks for the site’s permission from the click and stores the site when granted', async () => {
    const api = fakeApi(true);
    await mount(api);
    expect(await addSite('https://www.Example.org/news/1')).toContain('example.org added');
    expect(api.permissions.request).toHaveBeenCalledWith({ origins: ['*://example.org/*', '*://*.example.org/*'] });
    expect((await loadSettings()).addedSites).toEqual(['example.org']);
    await vi.waitFor(() => expect(container.querySelector('[data-list="added"] [data-site="example.org"]')).not.toBeNull());

    await act(async () => (container.querySelector('[data-site="example.org"] .remove') as HTMLButtonElement).click());
    await vi.waitFor(async () => expect((await loadSettings()).addedSites).toEqual([]));
    expect(api.permissions.remove).toHaveBeenCalledWith({ origins: ['*://example.org/*', '*://*.example.org/*'] });
  });

  it('stores nothing when the permission is refused', async () => {
    const api = fakeApi(false);
    await mount(api);
    expect(await addSite('example.org')).toMatch(/not granted/);
    expect((await loadSettings()).addedSites).toEqual([]);
  });

  it('refuses a site beyond the most the extension keeps, before asking for a permission', () => {
    expect(siteToAdd('example.org', 500)).toEqual({ error: expect.stringMatching(/added 500 sites/) });
    expect(siteToAdd('example.org', 499)).toEqual({ site: 'example.org' });
  });

  it.each([
    ['not a site', /Type a site/],
    ['https://www.scmp.com/news', /scmp.com is a built-in news site/],
  ])('refuses %j without asking for a permission', async (text, message) => {
    const api = fakeApi(true);
    await mount(api);
    expect(await addSite(text)).toMatch(message);
    expect(api.permissions.request).not.toHaveBeenCalled();
  });
});

describe('import', () => {
  async function importFile(text: string): Promise<void> {
    const input = $('#import-file');
    Object.defineProperty(input, 'files', { value: [new File([text], 'settings.json', { type: 'application/json' })], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  it('stores nothing from a bad file and tells the reader why', async () => {
    await storeSettings({ regions: false });
    await mount(fakeApi(true));
    const before = await fakeBrowser.storage.sync.get();
    await importFile('{"not": "settings"');
    await vi.waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toMatch(/Nothing was imported.*not JSON/));
    expect(await fakeBrowser.storage.sync.get()).toEqual(before);

    await importFile('{"theme": "dark"}');
    await vi.waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toMatch(/no usable setting/));
    expect(await fakeBrowser.storage.sync.get()).toEqual(before);
  });

  it('refuses a file over 256 KB without reading it', async () => {
    await mount(fakeApi(true));
    const before = await fakeBrowser.storage.sync.get();
    const big = new File([new Uint8Array(5 * 1024 * 1024)], 'huge.json', { type: 'application/json' });
    const text = vi.spyOn(big, 'text');
    const input = $('#import-file');
    Object.defineProperty(input, 'files', { value: [big], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toMatch(/Nothing was imported.*5,120 KB.*at most 256 KB/));
    expect(text).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.sync.get()).toEqual(before);
  });

  it('refuses a file listing more sites than the extension keeps, with the count', async () => {
    await mount(fakeApi(true));
    const sites = Array.from({ length: 600 }, (_, i) => `s${i}.example.org`);
    await importFile(JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 2, settings: { addedSites: sites } }));
    await vi.waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toMatch(/600 sites in addedSites.*at most 500/));
    expect((await loadSettings()).addedSites).toEqual([]);
  });

  it('imports a partly bad file and lists what was replaced', async () => {
    await mount(fakeApi(true));
    await importFile(JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 2, settings: { cities: false, style: 'neon' } }));
    await vi.waitFor(() => expect(container.querySelector('.import-result .ok')?.textContent).toContain('Settings imported'));
    expect(container.querySelector('.problems')?.textContent).toMatch(/style/);
    expect(await loadSettings()).toMatchObject({ cities: false, style: 'background' });
    await vi.waitFor(() => expect($('#toggle-city').checked).toBe(false));
  });
});
