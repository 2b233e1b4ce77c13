import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isCategoryEnabled, sanitizeSettings, SETTINGS_VERSION, type Settings } from '../../data/settings';
import { loadSettings, readSettings, SETTINGS_KEY, watchSettings, type SettingsSnapshot } from '../../data/settings-store';
import { storeSettings } from './settings-helpers';

const KNOWN = new Set(['digital', 'energy']);
const defaults = (): Settings => sanitizeSettings(null).settings;
const envelope = (settings: Partial<Settings>, rev = 1) => ({ version: SETTINGS_VERSION, rev, settings: { ...defaults(), ...settings } });

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reading the settings', () => {
  it('starts with everything on, and a change to loaded settings never reaches the defaults', async () => {
    const loaded = await loadSettings(KNOWN);
    expect(loaded).toEqual({ ...DEFAULT_SETTINGS, enabled: true, regions: true, cities: true, style: 'background', firstMentionOnly: false });
    expect(isCategoryEnabled(loaded, 'digital')).toBe(true);
    // Object.freeze is shallow: the nested lists and maps must be the loaded copy's own.
    loaded.disabledSites.push('cgtn.com');
    loaded.addedSites.push('example.com');
    loaded.categories.digital = false;
    loaded.colors.region = '#000000';
    expect(await loadSettings(KNOWN)).toEqual(defaults());
    expect(DEFAULT_SETTINGS).toEqual({ ...defaults() });
  });

  it('reads defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual({ settings: defaults(), rev: 0 });
  });

  it('reads the current layout with its revision', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: envelope({ cities: false }, 7) });
    expect(await readSettings()).toEqual({ settings: { ...defaults(), cities: false }, rev: 7 });
  });

  it.each([
    ['v1 with its marker', { settings: { regions: false, sectors: false }, settings$: { v: 1 } }, { regions: false, categories: { '*': false } }],
    ['v1 without a marker', { settings: { regions: false, sectors: false } }, { regions: false, categories: { '*': false } }],
    ['v2 with its marker', { settings: { ...defaults(), style: 'underline', colors: { city: '#ef4444' } }, settings$: { v: 2 } }, { style: 'underline', colors: { city: '#ef4444' } }],
    ['v2 without a marker', { settings: { ...defaults(), style: 'underline', addedSites: ['example.org'] } }, { style: 'underline', addedSites: ['example.org'] }],
  ])('understands the older layout (%s) without writing anything', async (_name, stored, expected) => {
    await fakeBrowser.storage.sync.set(stored);
    const syncSet = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await loadSettings(KNOWN)).toEqual({ ...defaults(), ...expected });
    expect(syncSet).not.toHaveBeenCalled();
    expect(localSet).not.toHaveBeenCalled();
  });

  it('prefers the current layout to an older one beside it', async () => {
    await fakeBrowser.storage.sync.set({ settings: { regions: false }, [SETTINGS_KEY]: envelope({ cities: false }) });
    expect(await loadSettings()).toEqual({ ...defaults(), cities: false });
  });

  it.each([['a string', 'oops'], ['an array', [true]], ['a number', 3], ['an envelope of junk', { version: 2, rev: 'x', settings: 'all' }]])(
    'reads defaults and reports when storage holds %s',
    async (_name, value) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: value });
      expect(await loadSettings()).toEqual(defaults());
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('[fyp] settings:'));
    },
  );

  it('reports a huge list in a few lines, not one per entry', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const junk = Array.from({ length: 20_000 }, (_, i) => `not a site ${i}`);
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 2, rev: 1, settings: { addedSites: junk } } });
    expect((await loadSettings()).addedSites).toEqual([]);
    expect(warn.mock.calls.length).toBeLessThanOrEqual(6);
  });

  it('reads each area once, both at the same time (every page load waits for this)', async () => {
    await storeSettings({ regions: false });
    const syncGet = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');
    const reading = loadSettings();
    // Both requests are out before either answers.
    expect(syncGet).toHaveBeenCalledTimes(1);
    expect(localGet).toHaveBeenCalledTimes(1);
    expect(await reading).toMatchObject({ regions: false });
    expect(syncGet).toHaveBeenCalledTimes(1);
    expect(localGet).toHaveBeenCalledTimes(1);
  });

  it('reads storage.local when it is the area in use, not a stale sync copy', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: envelope({ cities: true }, 3) });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: envelope({ cities: false }, 4), settingsArea: 'local' });
    expect(await readSettings()).toEqual({ settings: { ...defaults(), cities: false }, rev: 4 });
  });

  it('reads storage.local when storage.sync cannot be read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: envelope({ cities: false }) });
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('storage.sync is disabled'));
    expect(await loadSettings()).toMatchObject({ cities: false });
  });

  it('reads defaults when no area can be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync down'));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('local down'));
    expect(await loadSettings()).toEqual(defaults());
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be read'), expect.any(Error));
  });
});

describe('watchSettings', () => {
  it('calls back with validated settings and their revision on every change, corrupt ones included', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seen: SettingsSnapshot[] = [];
    const unwatch = watchSettings((s) => seen.push(s), KNOWN);
    await storeSettings({ regions: false });
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ settings: { regions: false }, rev: 1 }));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 2, rev: 2, settings: { regions: 'corrupt', categories: { energy: false } } } });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ settings: { ...defaults(), categories: { energy: false } }, rev: 2 }));
    unwatch();
    const count = seen.length;
    await storeSettings({ cities: false });
    // The writer's change event has been delivered by the time a fresh read answers.
    await loadSettings();
    expect(seen).toHaveLength(count);
  });

  it('follows the settings into storage.local when sync fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seen: SettingsSnapshot[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM'));
    await storeSettings({ firstMentionOnly: true });
    await vi.waitFor(() => expect(seen.at(-1)?.settings).toMatchObject({ firstMentionOnly: true }));
    unwatch();
  });

  it('ignores keys that are not the settings', async () => {
    const callback = vi.fn();
    const unwatch = watchSettings(callback);
    await fakeBrowser.storage.sync.set({ settings: { regions: false }, other: 1 });
    await loadSettings();
    expect(callback).not.toHaveBeenCalled();
    unwatch();
  });
});
