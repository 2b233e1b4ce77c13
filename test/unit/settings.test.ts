import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  isCategoryEnabled,
  loadSettings,
  migrateFromV1,
  normaliseSite,
  sanitizeSettings,
  saveSettings,
  settingsItems,
  updateSettings,
  watchSettings,
  type Settings,
} from '../../data/settings';

const KNOWN = new Set(['digital', 'energy']);

function defaults(): Settings {
  return sanitizeSettings(null).settings;
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sanitizeSettings', () => {
  // Each bad value is replaced by the field's default and reported; nothing throws.
  it.each<[string, unknown, Partial<Settings>, RegExp]>([
    ['a string instead of an object', 'yes', {}, /settings: expected an object/],
    ['an array instead of an object', [1, 2], {}, /settings: expected an object/],
    ['a number instead of an object', 42, {}, /settings: expected an object/],
    ['enabled as a string', { enabled: 'false' }, { enabled: true }, /enabled: expected a boolean/],
    ['regions as a number', { regions: 0 }, { regions: true }, /regions: expected a boolean/],
    ['cities as null', { cities: null }, { cities: true }, /cities: expected a boolean/],
    ['firstMentionOnly as an object', { firstMentionOnly: {} }, { firstMentionOnly: false }, /firstMentionOnly/],
    ['an unknown style', { style: 'glow' }, { style: 'background' }, /style: expected/],
    ['categories as a list', { categories: ['digital'] }, { categories: {} }, /categories: expected an object/],
    ['a category switch as a string', { categories: { digital: 'off' } }, { categories: {} }, /categories.digital: expected a boolean/],
    ['an unknown category', { categories: { crypto: false } }, { categories: {} }, /categories.crypto: unknown category/],
    ['colors as a string', { colors: '#ff0000' }, { colors: {} }, /colors: expected an object/],
    ['a colour that is not #rrggbb', { colors: { region: 'red' } }, { colors: {} }, /colors.region: expected #rrggbb/],
    ['a colour too dark for #111 text', { colors: { region: '#202020' } }, { colors: {} }, /colors.region: too dark/],
    ['a colour for an unknown key', { colors: { crypto: '#ef4444' } }, { colors: {} }, /colors.crypto: unknown category/],
    ['disabledSites as a string', { disabledSites: 'scmp.com' }, { disabledSites: [] }, /disabledSites: expected a list/],
    ['an invalid site', { addedSites: ['not a site', 7] }, { addedSites: [] }, /addedSites: ignored invalid site/],
    ['an unknown setting', { theme: 'dark' }, {}, /theme: unknown setting/],
  ])('replaces %s by its default and reports it', (_name, raw, expected, problem) => {
    const { settings, problems } = sanitizeSettings(raw, KNOWN);
    expect(settings).toEqual({ ...defaults(), ...expected });
    expect(problems.some((p) => problem.test(p))).toBe(true);
  });

  it('keeps the good fields of a partly corrupt value', () => {
    const { settings, problems } = sanitizeSettings(
      { regions: false, cities: 'no', categories: { energy: false, digital: 3 }, colors: { city: '#EF4444' }, style: 'underline' },
      KNOWN,
    );
    expect(settings).toMatchObject({ regions: false, cities: true, categories: { energy: false }, colors: { city: '#ef4444' }, style: 'underline' });
    expect(problems).toHaveLength(2);
  });

  it('accepts a complete valid value unchanged and reports nothing', () => {
    const valid: Settings = {
      enabled: false,
      regions: false,
      cities: true,
      categories: { digital: false, energy: true },
      colors: { region: '#ef4444', energy: '#1f9e8e' },
      style: 'underline',
      firstMentionOnly: true,
      disabledSites: ['scmp.com'],
      addedSites: ['example.org'],
    };
    expect(sanitizeSettings(valid, KNOWN)).toEqual({ settings: valid, problems: [] });
  });

  it('normalises and de-duplicates sites', () => {
    const { settings } = sanitizeSettings({ addedSites: ['https://www.Example.org/news', 'example.org', '*.foo.com'] });
    expect(settings.addedSites).toEqual(['example.org', 'foo.com']);
  });
});

describe('normaliseSite', () => {
  it.each([
    ['https://www.SCMP.com/news/china', 'scmp.com'],
    ['scmp.com', 'scmp.com'],
    ['  news.example.org  ', 'news.example.org'],
    ['http://example.org:8080/x', 'example.org'],
    ['*.example.org', 'example.org'],
    ['example.org.', 'example.org'],
  ])('%s → %s', (input, site) => {
    expect(normaliseSite(input)).toBe(site);
  });

  it.each(['', '   ', 'localhost', 'not a site', 'http://', 'exa mple.org', '-bad-.com', 'javascript:alert(1)'])(
    'rejects %j',
    (input) => {
      expect(normaliseSite(input)).toBeNull();
    },
  );
});

describe('migration from version 1', () => {
  it('maps the one sectors switch onto every category', () => {
    const settings = migrateFromV1({ regions: true, cities: false, sectors: false });
    expect(settings).toMatchObject({ regions: true, cities: false, categories: { '*': false } });
    expect(isCategoryEnabled(settings, 'energy')).toBe(false);
    expect(isCategoryEnabled({ ...settings, categories: { '*': false, energy: true } }, 'energy')).toBe(true);
  });

  it('treats a corrupt v1 value as defaults', () => {
    expect(migrateFromV1('garbage')).toEqual(defaults());
    expect(migrateFromV1({ regions: 'yes' })).toEqual(defaults());
  });

  // Through the real storage item: the migration runs when the module is loaded, as it does
  // when the extension starts after an update.
  it.each([
    ['with version meta 1', { v: 1 }],
    ['without version meta (v1 never wrote one)', undefined],
  ])('reads a stored v1 value back as v2 (%s)', async (_name, meta) => {
    await fakeBrowser.storage.sync.set({ settings: { regions: false, cities: true, sectors: false } });
    if (meta) await fakeBrowser.storage.sync.set({ settings$: meta });
    vi.resetModules();
    const fresh = await import('../../data/settings');
    // With the known categories, as the content script reads it: "*" is not an unknown category.
    const settings = await fresh.loadSettings(KNOWN);
    expect(settings).toEqual({ ...defaults(), regions: false, categories: { '*': false } });
    expect(await fresh.settingsItems().sync.getMeta()).toEqual({ v: 2 });
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({ settings });
  });
});

describe('stored settings', () => {
  it('reads defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(defaults());
  });

  it.each([['a string', 'oops'], ['an array', [true]], ['a number', 3]])(
    'reads defaults and reports when storage holds %s',
    async (_name, value) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      // Stored as the current version (an older one would be migrated, junk becoming defaults).
      await fakeBrowser.storage.sync.set({ settings: value, settings$: { v: 2 } });
      expect(await loadSettings()).toEqual(defaults());
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('[fyp] settings: settings: expected an object'));
    },
  );

  it('reads a value stored by a newer version (unknown version) field by field, without crashing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await fakeBrowser.storage.sync.set({ settings: { regions: false, glow: true }, settings$: { v: 3 } });
    vi.resetModules();
    const fresh = await import('../../data/settings');
    expect(await fresh.loadSettings()).toEqual({ ...defaults(), regions: false });
    // The value is left for the newer version.
    expect(await fakeBrowser.storage.sync.get(['settings', 'settings$'])).toEqual({
      settings: { regions: false, glow: true },
      settings$: { v: 3 },
    });
  });

  it('round-trips a saved value through storage.sync', async () => {
    const next = { ...defaults(), cities: false, style: 'underline' as const };
    await saveSettings(next);
    expect(await loadSettings()).toEqual(next);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(next);
  });

  it('never stores an invalid value', async () => {
    await saveSettings({ ...defaults(), style: 'glow' } as unknown as Settings);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(defaults());
  });

  it('updates from the stored value, not from a stale copy', async () => {
    await saveSettings({ ...defaults(), regions: false });
    await updateSettings((s) => ({ ...s, cities: false }));
    expect(await loadSettings()).toMatchObject({ regions: false, cities: false });
  });

  it('falls back to storage.local when storage.sync refuses writes, and back when it accepts them', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE'));
    await saveSettings({ ...defaults(), regions: false });
    expect(await settingsItems().area.getValue()).toBe('local');
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ regions: false });
    expect(await loadSettings()).toMatchObject({ regions: false });

    set.mockRestore();
    await saveSettings({ ...defaults(), cities: false });
    expect(await settingsItems().area.getValue()).toBe('sync');
    expect(await loadSettings()).toMatchObject({ regions: true, cities: false });
  });

  it('reads storage.local when storage.sync cannot be read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: { ...defaults(), cities: false } });
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('storage.sync is disabled'));
    expect(await loadSettings()).toMatchObject({ cities: false });
  });

  it('reads each area once, both at the same time (every page load waits for this)', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...defaults(), regions: false }, settings$: { v: 2 } });
    const syncGet = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');
    // Loading the module reads nothing (a versioned storage item would start its migration).
    vi.resetModules();
    const fresh = await import('../../data/settings');
    expect(syncGet).not.toHaveBeenCalled();
    const reading = fresh.loadSettings();
    // Both requests are out before either answers.
    expect(syncGet).toHaveBeenCalledTimes(1);
    expect(localGet).toHaveBeenCalledTimes(1);
    expect(await reading).toMatchObject({ regions: false });
    expect(syncGet).toHaveBeenCalledTimes(1);
    expect(localGet).toHaveBeenCalledTimes(1);
  });

  it('reads storage.local when it is the area in use, not a stale sync copy', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...defaults(), cities: true } });
    await fakeBrowser.storage.local.set({ settings: { ...defaults(), cities: false }, settingsArea: 'local' });
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
  it('calls back with validated settings on every change, corrupt ones included', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s), KNOWN);
    await saveSettings({ ...defaults(), regions: false });
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ regions: false }));
    await fakeBrowser.storage.sync.set({ settings: { regions: 'corrupt', categories: { energy: false } } });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ ...defaults(), categories: { energy: false } }));
    unwatch();
    const count = seen.length;
    await saveSettings({ ...defaults(), cities: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveLength(count);
  });

  it('follows the settings into storage.local when sync fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM'));
    await saveSettings({ ...defaults(), firstMentionOnly: true });
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ firstMentionOnly: true }));
    unwatch();
  });

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
});
