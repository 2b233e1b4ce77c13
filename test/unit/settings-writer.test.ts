import { FULL } from './settings-helpers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sanitizeSettings, SETTINGS_VERSION, type Settings, type SettingsChange } from '../../data/settings';
import { LEGACY_KEY, LEGACY_VERSION_KEY, readSettings, SETTINGS_KEY } from '../../data/settings-store';
import { SettingsWriter } from '../../data/settings-writer';

const KNOWN = new Set(['digital', 'energy']);
const defaults = (): Settings => sanitizeSettings(null).settings;

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('migration (run by the background on install and update)', () => {
  it.each<[string, Record<string, unknown>, Settings]>([
    ['v1 with marker 1', { [LEGACY_KEY]: { regions: false, sectors: false }, [LEGACY_VERSION_KEY]: { v: 1 } }, { ...defaults(), regions: false, categories: { '*': false } }],
    ['v1 without a marker', { [LEGACY_KEY]: { cities: false, sectors: false } }, { ...defaults(), cities: false, categories: { '*': false } }],
    ['v2 with marker 2', { [LEGACY_KEY]: FULL, [LEGACY_VERSION_KEY]: { v: 2 } }, FULL],
    ['v2 without a marker (colours, style and sites survive)', { [LEGACY_KEY]: FULL }, FULL],
    ['nothing stored', {}, defaults()],
  ])('rewrites %s in the current layout, in one write', async (_name, stored, expected) => {
    await fakeBrowser.storage.sync.set(stored);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await new SettingsWriter(KNOWN).migrate();
    expect(set).toHaveBeenCalledTimes(1);
    expect(set).toHaveBeenCalledWith({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, rev: 1, settings: expected } });
    expect(await readSettings(KNOWN)).toEqual({ settings: expected, rev: 1 });
  });

  it('leaves the older keys for an older copy of the extension on another synced browser', async () => {
    await fakeBrowser.storage.sync.set({ [LEGACY_KEY]: FULL, [LEGACY_VERSION_KEY]: { v: 2 } });
    await new SettingsWriter(KNOWN).migrate();
    expect(await fakeBrowser.storage.sync.get([LEGACY_KEY, LEGACY_VERSION_KEY])).toEqual({ [LEGACY_KEY]: FULL, [LEGACY_VERSION_KEY]: { v: 2 } });
  });

  it('writes nothing when the current layout is stored already', async () => {
    const writer = new SettingsWriter(KNOWN);
    await writer.submit([{ kind: 'switch', key: 'cities', on: false }]);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    expect(await writer.migrate()).toEqual({ settings: { ...defaults(), cities: false }, rev: 1 });
    expect(set).not.toHaveBeenCalled();
  });
});

describe('writing', () => {
  it('writes the value and its version together, and counts revisions', async () => {
    const writer = new SettingsWriter(KNOWN);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await writer.submit([{ kind: 'style', style: 'underline' }]);
    await writer.submit([{ kind: 'switch', key: 'regions', on: false }]);
    expect(set.mock.calls.map(([items]) => Object.keys(items))).toEqual([[SETTINGS_KEY], [SETTINGS_KEY]]);
    expect(await readSettings()).toEqual({ settings: { ...defaults(), style: 'underline', regions: false }, rev: 2 });
  });

  it('writes nothing for a change that changes nothing', async () => {
    const writer = new SettingsWriter(KNOWN);
    await writer.submit([{ kind: 'switch', key: 'regions', on: false }]);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    expect((await writer.submit([{ kind: 'switch', key: 'regions', on: false }])).rev).toBe(1);
    expect(set).not.toHaveBeenCalled();
  });

  it('never stores an invalid value', async () => {
    const bad = { ...defaults(), style: 'glow', colors: { region: 'red' } } as unknown as Settings;
    expect((await new SettingsWriter(KNOWN).submit([{ kind: 'replace', settings: bad }])).settings).toEqual(defaults());
    expect((await readSettings()).settings).toEqual(defaults());
  });

  it('applies a change on top of what another browser synced meanwhile', async () => {
    const writer = new SettingsWriter(KNOWN);
    await writer.submit([{ kind: 'switch', key: 'regions', on: false }]);
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 2, rev: 5, settings: { ...defaults(), regions: false, style: 'underline' } } });
    expect(await writer.submit([{ kind: 'switch', key: 'cities', on: false }])).toEqual({
      settings: { ...defaults(), regions: false, cities: false, style: 'underline' },
      rev: 6,
    });
  });

  it('keeps every one of forty changes sent without waiting, in order, in fewer writes', async () => {
    const writer = new SettingsWriter(KNOWN);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const changes: SettingsChange[] = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? { kind: 'category', id: i % 4 === 0 ? 'digital' : 'energy', on: i % 8 < 4 } : { kind: 'switch', key: 'firstMentionOnly', on: i % 3 === 0 },
    );
    const results = await Promise.all(changes.map((change) => writer.submit([change])));
    // The last answer holds every change applied in the order they were sent.
    const expected = defaults();
    for (const c of changes) {
      if (c.kind === 'category') expected.categories[c.id] = c.on;
      else if (c.kind === 'switch') expected.firstMentionOnly = c.on;
    }
    expect(results.at(-1)?.settings).toEqual(expected);
    expect((await readSettings(KNOWN)).settings).toEqual(expected);
    expect(set.mock.calls.length).toBeLessThan(changes.length);
  });

  it('keeps three different settings changed at the same instant by three pages', async () => {
    const writer = new SettingsWriter(KNOWN);
    await Promise.all([
      writer.submit([{ kind: 'switch', key: 'cities', on: false }]),
      writer.submit([{ kind: 'color', id: 'energy', color: '#ef4444' }]),
      writer.submit([{ kind: 'site', site: 'ft.com', on: false }]),
    ]);
    expect((await readSettings(KNOWN)).settings).toEqual({ ...defaults(), cities: false, colors: { energy: '#ef4444' }, disabledSites: ['ft.com'] });
  });

  it('falls back to storage.local when storage.sync refuses writes, and back when it accepts them', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const writer = new SettingsWriter(KNOWN);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE'));
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    await writer.submit([{ kind: 'switch', key: 'regions', on: false }]);
    // The value and the area marker in one local write: no reader sees one without the other.
    expect(localSet).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.storage.local.get('settingsArea')).toEqual({ settingsArea: 'local' });
    expect(await readSettings()).toMatchObject({ settings: { regions: false }, rev: 1 });

    set.mockRestore();
    await writer.submit([{ kind: 'switch', key: 'cities', on: false }]);
    expect(await fakeBrowser.storage.local.get('settingsArea')).toEqual({ settingsArea: 'sync' });
    expect(await readSettings()).toMatchObject({ settings: { regions: false, cities: false }, rev: 2 });
  });

  it('rejects the changes of a batch no area accepts, and goes on with the next', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const writer = new SettingsWriter(KNOWN);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('sync down'));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('local down'));
    await expect(writer.submit([{ kind: 'switch', key: 'regions', on: false }])).rejects.toThrow('local down');
    expect(await writer.submit([{ kind: 'switch', key: 'cities', on: false }])).toEqual({ settings: { ...defaults(), cities: false }, rev: 1 });
  });
});
