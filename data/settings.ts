/**
 * User settings as pure logic: the shape, the defaults, the limits, validation, the migrations
 * of older stored shapes, and every change the options page and the popup can make. Storage
 * lives in settings-store.ts; the one writer in settings-writer.ts.
 */
import { keepsTextReadable } from './palette';
import { hostMatches } from './sites';

export type HighlightStyle = 'background' | 'underline';

export interface Settings {
  /** Master switch: highlights on or off everywhere. */
  enabled: boolean;
  regions: boolean;
  cities: boolean;
  /** National regional strategies (cluster highlights). */
  clusters: boolean;
  /** A card beside a highlight the reader points at or focuses. */
  hoverCards: boolean;
  /** Sector category id → on/off; a category missing here is on. */
  categories: Record<string, boolean>;
  /** Category id (or "region"/"city"/"cluster") → #rrggbb override of the default colour. */
  colors: Record<string, string>;
  style: HighlightStyle;
  /** Mark only the first mention of each entity per paragraph, to de-clutter dense pages. */
  firstMentionOnly: boolean;
  /** Built-in or added sites (registrable domains) where highlighting is switched off. */
  disabledSites: string[];
  /** Sites the user added (optional host permission granted from a click). */
  addedSites: string[];
}

/**
 * The version of the Settings shape (also the export file's version). Fields added since with a
 * default (clusters, hoverCards) keep it: a value stored without them reads as the default, so
 * version 2 values and files need no migration, and an older reader drops them as unknown.
 */
export const SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  regions: true,
  cities: true,
  clusters: true,
  hoverCards: true,
  categories: {},
  colors: {},
  style: 'background',
  firstMentionOnly: false,
  disabledSites: [],
  addedSites: [],
});

/**
 * Limits that keep every read of the settings cheap, whatever is stored: a page load validates
 * at most this many sites per list and this many keys per map, so a corrupt or hostile value
 * costs the same as a full legitimate one.
 */
export const MAX_SITES = 500;
export const MAX_MAP_KEYS = 100;
/** An import file larger than this is refused before it is read. */
export const MAX_IMPORT_BYTES = 256 * 1024;

/** The shape the first prototype stored (one switch for all sectors). */
export interface SettingsV1 {
  regions?: boolean;
  cities?: boolean;
  sectors?: boolean;
}

const COLOR = /^#[0-9a-f]{6}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** No site name is longer than this; a longer string is refused before any parsing. */
const MAX_SITE_INPUT = 2048;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The categories key that stands for every sector category (version 1's one switch). */
export const ALL_CATEGORIES = '*';

export const SETTINGS_KEYS: readonly (keyof Settings)[] = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
const SETTINGS_KEY_SET: ReadonlySet<string> = new Set(SETTINGS_KEYS);
/** Colour keys besides the category ids. */
const KIND_COLOR_KEYS: ReadonlySet<string> = new Set(['region', 'city', 'cluster']);
const BOOLEAN_KEYS = ['enabled', 'regions', 'cities', 'clusters', 'hoverCards', 'firstMentionOnly'] as const;
export type BooleanSetting = (typeof BOOLEAN_KEYS)[number];
const SITE_LISTS = ['disabledSites', 'addedSites'] as const;

/**
 * Normalises a user-typed site ("https://www.SCMP.com/news") to the form settings store
 * ("scmp.com"): the host without "www.", like `siteOf` gives for a tab, so both agree.
 */
export function normaliseSite(input: string): string | null {
  if (input.length > MAX_SITE_INPUT) return null;
  let host = input.trim().toLowerCase();
  if (host === '') return null;
  try {
    if (host.includes('/') || host.includes(':')) {
      host = new URL(host.includes('://') ? host : `https://${host}`).hostname;
    }
  } catch {
    return null;
  }
  host = host.replace(/^\*\./, '').replace(/\.$/, '').replace(/^www\./, '');
  return DOMAIN.test(host) ? host : null;
}

export interface SanitizeResult {
  settings: Settings;
  /** One line per field that was replaced by its default. */
  problems: string[];
}

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, categories: {}, colors: {}, disabledSites: [], addedSites: [] };
}

/** The first `limit` own keys of a record, without listing all of a huge one. */
function firstKeys(record: Record<string, unknown>, limit: number): { keys: string[]; more: boolean } {
  const keys: string[] = [];
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (keys.length === limit) return { keys, more: true };
    keys.push(key);
  }
  return { keys, more: false };
}

/**
 * Validates stored settings field by field: a bad field is replaced by its default and
 * reported; unknown fields are dropped and reported. `knownCategories` limits category and
 * colour keys when given. Linear in the size of the value and bounded by MAX_SITES and
 * MAX_MAP_KEYS, so any stored value is cheap to read.
 */
export function sanitizeSettings(raw: unknown, knownCategories?: ReadonlySet<string>): SanitizeResult {
  const problems: string[] = [];
  const settings = defaultSettings();
  if (raw === null || raw === undefined) return { settings, problems };
  if (!isRecord(raw)) {
    problems.push(`settings: expected an object, got ${typeof raw}`);
    return { settings, problems };
  }
  const top = firstKeys(raw, MAX_MAP_KEYS);
  for (const key of top.keys) {
    if (!SETTINGS_KEY_SET.has(key)) problems.push(`${key}: unknown setting, ignored`);
  }
  if (top.more) problems.push(`settings: more than ${MAX_MAP_KEYS} fields, the rest ignored`);
  for (const key of BOOLEAN_KEYS) {
    if (key in raw) {
      const value = raw[key];
      if (typeof value === 'boolean') settings[key] = value;
      else problems.push(`${key}: expected a boolean`);
    }
  }
  if ('style' in raw) {
    if (raw.style === 'background' || raw.style === 'underline') settings.style = raw.style;
    else problems.push('style: expected "background" or "underline"');
  }
  if ('categories' in raw) {
    if (isRecord(raw.categories)) {
      const { keys, more } = firstKeys(raw.categories, MAX_MAP_KEYS);
      for (const id of keys) {
        const on = raw.categories[id];
        if (typeof on !== 'boolean') problems.push(`categories.${id}: expected a boolean`);
        else if (knownCategories && id !== ALL_CATEGORIES && !knownCategories.has(id)) {
          problems.push(`categories.${id}: unknown category`);
        } else settings.categories[id] = on;
      }
      if (more) problems.push(`categories: more than ${MAX_MAP_KEYS} entries, the rest ignored`);
    } else problems.push('categories: expected an object');
  }
  if ('colors' in raw) {
    if (isRecord(raw.colors)) {
      const { keys, more } = firstKeys(raw.colors, MAX_MAP_KEYS);
      for (const id of keys) {
        const color = raw.colors[id];
        if (typeof color !== 'string' || !COLOR.test(color)) problems.push(`colors.${id}: expected #rrggbb`);
        else if (!keepsTextReadable(color)) problems.push(`colors.${id}: too dark for readable text`);
        else if (knownCategories && !KIND_COLOR_KEYS.has(id) && !knownCategories.has(id)) {
          problems.push(`colors.${id}: unknown category`);
        } else settings.colors[id] = color.toLowerCase();
      }
      if (more) problems.push(`colors: more than ${MAX_MAP_KEYS} entries, the rest ignored`);
    } else problems.push('colors: expected an object');
  }
  for (const key of SITE_LISTS) {
    if (!(key in raw)) continue;
    const value = raw[key];
    if (!Array.isArray(value)) {
      problems.push(`${key}: expected a list of sites`);
      continue;
    }
    const seen = new Set<string>();
    const end = Math.min(value.length, MAX_SITES);
    for (let i = 0; i < end; i++) {
      const site: unknown = value[i];
      const host = typeof site === 'string' ? normaliseSite(site) : null;
      if (host === null) problems.push(`${key}: ignored invalid site ${JSON.stringify(site)?.slice(0, 80)}`);
      else if (!seen.has(host)) {
        seen.add(host);
        settings[key].push(host);
      }
    }
    if (value.length > MAX_SITES) problems.push(`${key}: more than ${MAX_SITES} sites, the rest ignored`);
  }
  return { settings, problems };
}

/** Migrates the prototype's version-1 value to the current shape. */
export function migrateFromV1(old: unknown): Settings {
  const v1: SettingsV1 = isRecord(old) ? old : {};
  const settings = defaultSettings();
  if (typeof v1.regions === 'boolean') settings.regions = v1.regions;
  if (typeof v1.cities === 'boolean') settings.cities = v1.cities;
  // v1 had one switch for every sector; keep its meaning by writing it to each category.
  if (v1.sectors === false) settings.categories = { [ALL_CATEGORIES]: false };
  return settings;
}

/** Keys only the current shape has: a value holding one of them is not a version-1 value. */
const V2_ONLY_KEYS = SETTINGS_KEYS.filter((key) => key !== 'regions' && key !== 'cities');

/**
 * Which shape a stored value has. `version` is the marker stored with it, when there is one.
 * A value without a marker is judged by its fields: only version 1 had `sectors`, and only
 * the current shape has anything but `regions` and `cities` (for a value with just those two,
 * both readings agree). A marker that contradicts the fields loses to them, so a wrong or
 * missing marker can never wipe colours, style or sites.
 */
export function storedShapeVersion(value: unknown, version: number | undefined): number {
  if (!isRecord(value)) return SETTINGS_VERSION;
  const hasCurrentKeys = V2_ONLY_KEYS.some((key) => key in value);
  if (hasCurrentKeys) return SETTINGS_VERSION;
  if ('sectors' in value) return 1;
  return version ?? SETTINGS_VERSION;
}

/**
 * Stored settings of any known shape → current, validated settings. Pure: readers use it to
 * understand what is stored; only the background writes the result back.
 */
export function settingsFromStored(value: unknown, version: number | undefined, knownCategories?: ReadonlySet<string>): SanitizeResult {
  const shape = storedShapeVersion(value, version);
  const current = shape === 1 ? migrateFromV1(value) : value;
  return sanitizeSettings(current, knownCategories);
}

/** Whether a sector category is on ("*" is the v1 all-sectors switch). */
export function isCategoryEnabled(settings: Settings, categoryId: string): boolean {
  return settings.categories[categoryId] ?? settings.categories[ALL_CATEGORIES] ?? true;
}

/** Whether highlighting is switched off for a host (the site or one of its parents listed). */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  return settings.disabledSites.some((site) => hostMatches(host, site));
}

/**
 * Every change a page can ask for. Each one says the state it wants ("category energy off"),
 * never "toggle", so applying it twice, or after a change from elsewhere, gives the same result:
 * a page can show its changes on top of the stored value until the writer confirms them.
 */
export type SettingsChange =
  | { kind: 'switch'; key: BooleanSetting; on: boolean }
  | { kind: 'category'; id: string; on: boolean }
  | { kind: 'color'; id: string; color: string | null }
  | { kind: 'style'; style: HighlightStyle }
  /** A site switched on or off (built-in, added or any other). */
  | { kind: 'site'; site: string; on: boolean }
  | { kind: 'add-site'; site: string }
  | { kind: 'remove-site'; site: string }
  /** Highlighting back on for a host: everywhere, and no listed parent site switched off. */
  | { kind: 'enable-for-host'; host: string | null }
  /** An imported settings file replaces everything. */
  | { kind: 'replace'; settings: Settings };

/** The settings with one change applied. Pure; the result still goes through sanitizeSettings. */
export function applyChange(settings: Settings, change: SettingsChange): Settings {
  switch (change.kind) {
    case 'switch':
      return { ...settings, [change.key]: change.on };
    case 'category':
      return { ...settings, categories: { ...settings.categories, [change.id]: change.on } };
    case 'color': {
      const colors = { ...settings.colors };
      if (change.color === null) delete colors[change.id];
      else colors[change.id] = change.color;
      return { ...settings, colors };
    }
    case 'style':
      return { ...settings, style: change.style };
    case 'site': {
      const others = settings.disabledSites.filter((s) => s !== change.site);
      return { ...settings, disabledSites: change.on ? others : [...others, change.site] };
    }
    case 'add-site':
      return {
        ...settings,
        addedSites: settings.addedSites.includes(change.site) ? settings.addedSites : [...settings.addedSites, change.site],
        disabledSites: settings.disabledSites.filter((d) => d !== change.site),
      };
    case 'remove-site':
      return {
        ...settings,
        addedSites: settings.addedSites.filter((a) => a !== change.site),
        disabledSites: settings.disabledSites.filter((d) => d !== change.site),
      };
    case 'enable-for-host': {
      const { host } = change;
      return {
        ...settings,
        enabled: true,
        disabledSites: host === null ? settings.disabledSites : settings.disabledSites.filter((s) => !hostMatches(host, s)),
      };
    }
    case 'replace':
      return change.settings;
  }
}

/** The settings with several changes applied in order. */
export function applyChanges(settings: Settings, changes: readonly SettingsChange[]): Settings {
  return changes.reduce(applyChange, settings);
}

const CHANGE_KINDS: ReadonlySet<string> = new Set([
  'switch', 'category', 'color', 'style', 'site', 'add-site', 'remove-site', 'enable-for-host', 'replace',
]);

/**
 * Checks a change that arrived in a message. The writer validates the settings it produces in
 * any case; this only makes sure `applyChange` gets the fields it reads.
 */
export function isSettingsChange(value: unknown): value is SettingsChange {
  if (!isRecord(value) || typeof value.kind !== 'string' || !CHANGE_KINDS.has(value.kind)) return false;
  switch (value.kind) {
    case 'switch':
      return (BOOLEAN_KEYS as readonly unknown[]).includes(value.key) && typeof value.on === 'boolean';
    case 'category':
      return typeof value.id === 'string' && typeof value.on === 'boolean';
    case 'color':
      return typeof value.id === 'string' && (value.color === null || typeof value.color === 'string');
    case 'style':
      return value.style === 'background' || value.style === 'underline';
    case 'site':
      return typeof value.site === 'string' && typeof value.on === 'boolean';
    case 'add-site':
    case 'remove-site':
      return typeof value.site === 'string';
    case 'enable-for-host':
      return value.host === null || typeof value.host === 'string';
    default:
      return isRecord(value.settings);
  }
}
