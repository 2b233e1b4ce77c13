import { FULL } from './settings-helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyChange,
  applyChanges,
  isCategoryEnabled,
  isSettingsChange,
  MAX_MAP_KEYS,
  MAX_SITES,
  migrateFromV1,
  normaliseSite,
  sanitizeSettings,
  settingsFromStored,
  storedShapeVersion,
  type Settings,
  type SettingsChange,
} from '../../data/settings';

const KNOWN = new Set(['digital', 'energy']);

function defaults(): Settings {
  return sanitizeSettings(null).settings;
}

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
      clusters: false,
      hoverCards: false,
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
});


describe('every stored shape, with and without its version marker', () => {
  it.each<[string, unknown, number | undefined, Settings]>([
    ['nothing stored', undefined, undefined, defaults()],
    ['v1 with marker 1', { regions: false, cities: true, sectors: false }, 1, { ...defaults(), regions: false, categories: { '*': false } }],
    ['v1 without a marker (v1 never wrote one)', { regions: false, sectors: false }, undefined, { ...defaults(), regions: false, categories: { '*': false } }],
    ['v1 with only the sectors switch on', { sectors: true }, undefined, defaults()],
    ['the current shape with marker 2', FULL, 2, FULL],
    // The lost-change bug: a current value whose marker is missing or wrong was read as v1 and
    // migrated back to defaults, wiping colours, style and sites.
    ['the current shape without a marker', FULL, undefined, FULL],
    ['the current shape with a wrong marker 1', FULL, 1, FULL],
    ['regions and cities only, without a marker (both readings agree)', { regions: false, cities: false }, undefined, { ...defaults(), regions: false, cities: false }],
    ['a value from a newer version (marker 3), read field by field', { ...FULL, glow: true }, 3, FULL],
  ])('%s', (_name, value, version, expected) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(settingsFromStored(value, version, KNOWN).settings).toEqual(expected);
  });

  it.each<[unknown, number | undefined, number]>([
    [{ sectors: false }, undefined, 1],
    [{ sectors: false, style: 'underline' }, 1, 2],
    [{ regions: true }, 1, 1],
    [{ regions: true }, undefined, 2],
    ['junk', 1, 2],
  ])('judges %j with marker %s as shape %s', (value, version, shape) => {
    expect(storedShapeVersion(value, version)).toBe(shape);
  });
});

describe('bounded validation', () => {
  const sites = (n: number): string[] => Array.from({ length: n }, (_, i) => `site${i}.example.org`);

  it(`keeps at most ${MAX_SITES} sites per list and says so`, () => {
    const { settings, problems } = sanitizeSettings({ addedSites: sites(20_000), disabledSites: sites(20_000) });
    expect(settings.addedSites).toHaveLength(MAX_SITES);
    expect(settings.disabledSites).toHaveLength(MAX_SITES);
    expect(problems).toContain(`addedSites: more than ${MAX_SITES} sites, the rest ignored`);
  });

  it(`reads at most ${MAX_MAP_KEYS} keys of a map, however many are stored`, () => {
    const categories = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`c${i}`, false]));
    const { settings, problems } = sanitizeSettings({ categories });
    expect(Object.keys(settings.categories)).toHaveLength(MAX_MAP_KEYS);
    expect(problems.at(-1)).toMatch(/categories: more than/);
  });

  it('de-duplicates a long list with the first occurrence kept', () => {
    const list = [...sites(300), ...sites(300)];
    expect(sanitizeSettings({ addedSites: list }).settings.addedSites).toEqual(sites(300));
  });

  it('refuses a site name longer than any domain before parsing it', () => {
    expect(normaliseSite(`${'a'.repeat(5_000)}.com`)).toBeNull();
  });
});

describe('the changes pages make', () => {
  const base: Settings = { ...defaults(), disabledSites: ['ft.com', 'scmp.com'], addedSites: ['example.org'] };

  it.each<[string, SettingsChange, Partial<Settings>]>([
    ['master switch', { kind: 'switch', key: 'enabled', on: false }, { enabled: false }],
    ['regions', { kind: 'switch', key: 'regions', on: false }, { regions: false }],
    ['first mention only', { kind: 'switch', key: 'firstMentionOnly', on: true }, { firstMentionOnly: true }],
    ['a category', { kind: 'category', id: 'energy', on: false }, { categories: { energy: false } }],
    ['a colour', { kind: 'color', id: 'city', color: '#ef4444' }, { colors: { city: '#ef4444' } }],
    ['a colour back to default', { kind: 'color', id: 'city', color: null }, { colors: {} }],
    ['the style', { kind: 'style', style: 'underline' }, { style: 'underline' }],
    ['a site off', { kind: 'site', site: 'cgtn.com', on: false }, { disabledSites: ['ft.com', 'scmp.com', 'cgtn.com'] }],
    ['a site on', { kind: 'site', site: 'ft.com', on: true }, { disabledSites: ['scmp.com'] }],
    ['a site added', { kind: 'add-site', site: 'news.example.com' }, { addedSites: ['example.org', 'news.example.com'] }],
    ['a site removed', { kind: 'remove-site', site: 'example.org' }, { addedSites: [] }],
    ['back on for a host', { kind: 'enable-for-host', host: 'www.scmp.com' }, { enabled: true, disabledSites: ['ft.com'] }],
    ['an import', { kind: 'replace', settings: FULL }, FULL],
  ])('%s: applied once or twice gives the same settings', (_name, change, expected) => {
    const once = applyChange(base, change);
    expect(once).toEqual({ ...base, ...expected });
    expect(applyChange(once, change)).toEqual(once);
  });

  it('applies several changes in order', () => {
    const changes: SettingsChange[] = [
      { kind: 'switch', key: 'cities', on: false },
      { kind: 'switch', key: 'cities', on: true },
      { kind: 'category', id: 'energy', on: false },
    ];
    expect(applyChanges(base, changes)).toEqual({ ...base, categories: { energy: false } });
  });

  it.each<[unknown, boolean]>([
    [{ kind: 'switch', key: 'regions', on: false }, true],
    [{ kind: 'switch', key: 'style', on: false }, false],
    [{ kind: 'switch', key: 'regions', on: 'no' }, false],
    [{ kind: 'category', id: 'energy', on: true }, true],
    [{ kind: 'color', id: 'city', color: null }, true],
    [{ kind: 'color', id: 'city' }, false],
    [{ kind: 'style', style: 'neon' }, false],
    [{ kind: 'site', site: 'ft.com', on: true }, true],
    [{ kind: 'add-site', site: 7 }, false],
    [{ kind: 'enable-for-host', host: null }, true],
    [{ kind: 'replace', settings: {} }, true],
    [{ kind: 'replace', settings: 'all' }, false],
    [{ kind: 'delete-everything' }, false],
    ['switch', false],
    [null, false],
  ])('isSettingsChange(%j) is %s', (value, ok) => {
    expect(isSettingsChange(value)).toBe(ok);
  });
});
