/**
 * User settings: declared once here, stored in storage.sync (so they follow the user) with
 * storage.local as the fallback when sync fails, and read through a validator so that a corrupt
 * or unknown stored value falls back to its default and never breaks the content script or a page.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { keepsTextReadable } from './palette';
import { hostMatches } from './sites';

export type HighlightStyle = 'background' | 'underline';

export interface Settings {
  /** Master switch: highlights on or off everywhere. */
  enabled: boolean;
  regions: boolean;
  cities: boolean;
  /** Sector category id → on/off; a category missing here is on. */
  categories: Record<string, boolean>;
  /** Category id (or "region"/"city") → #rrggbb override of the default colour. */
  colors: Record<string, string>;
  style: HighlightStyle;
  /** Mark only the first mention of each entity per paragraph, to de-clutter dense pages. */
  firstMentionOnly: boolean;
  /** Built-in or added sites (registrable domains) where highlighting is switched off. */
  disabledSites: string[];
  /** Sites the user added (optional host permission granted from a click). */
  addedSites: string[];
}

export const SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  regions: true,
  cities: true,
  categories: {},
  colors: {},
  style: 'background',
  firstMentionOnly: false,
  disabledSites: [],
  addedSites: [],
});

/** The shape the first prototype stored (one switch for all sectors). */
export interface SettingsV1 {
  regions?: boolean;
  cities?: boolean;
  sectors?: boolean;
}

const COLOR = /^#[0-9a-f]{6}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The categories key that stands for every sector category (version 1's one switch). */
export const ALL_CATEGORIES = '*';

const SETTINGS_KEYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_SETTINGS));
/** Colour keys besides the category ids. */
const KIND_COLOR_KEYS: ReadonlySet<string> = new Set(['region', 'city']);

/**
 * Normalises a user-typed site ("https://www.SCMP.com/news") to the form settings store
 * ("scmp.com"): the host without "www.", like `siteOf` gives for a tab, so both agree.
 */
export function normaliseSite(input: string): string | null {
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

/**
 * Validates stored settings field by field: a bad field is replaced by its default and
 * reported; unknown fields are dropped and reported. `knownCategories` limits category and
 * colour keys when given.
 */
export function sanitizeSettings(raw: unknown, knownCategories?: ReadonlySet<string>): SanitizeResult {
  const problems: string[] = [];
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    categories: {},
    colors: {},
    disabledSites: [],
    addedSites: [],
  };
  if (raw === null || raw === undefined) return { settings, problems };
  if (!isRecord(raw)) {
    problems.push(`settings: expected an object, got ${typeof raw}`);
    return { settings, problems };
  }
  for (const key of Object.keys(raw)) {
    if (!SETTINGS_KEYS.has(key)) problems.push(`${key}: unknown setting, ignored`);
  }
  for (const key of ['enabled', 'regions', 'cities', 'firstMentionOnly'] as const) {
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
      for (const [id, on] of Object.entries(raw.categories)) {
        if (typeof on !== 'boolean') problems.push(`categories.${id}: expected a boolean`);
        else if (knownCategories && id !== ALL_CATEGORIES && !knownCategories.has(id)) {
          problems.push(`categories.${id}: unknown category`);
        }
        else settings.categories[id] = on;
      }
    } else problems.push('categories: expected an object');
  }
  if ('colors' in raw) {
    if (isRecord(raw.colors)) {
      for (const [id, color] of Object.entries(raw.colors)) {
        if (typeof color !== 'string' || !COLOR.test(color)) problems.push(`colors.${id}: expected #rrggbb`);
        else if (!keepsTextReadable(color)) problems.push(`colors.${id}: too dark for readable text`);
        else if (knownCategories && !KIND_COLOR_KEYS.has(id) && !knownCategories.has(id)) {
          problems.push(`colors.${id}: unknown category`);
        } else settings.colors[id] = color.toLowerCase();
      }
    } else problems.push('colors: expected an object');
  }
  for (const key of ['disabledSites', 'addedSites'] as const) {
    if (!(key in raw)) continue;
    const value = raw[key];
    if (!Array.isArray(value)) {
      problems.push(`${key}: expected a list of sites`);
      continue;
    }
    for (const site of value) {
      const host = typeof site === 'string' ? normaliseSite(site) : null;
      if (host === null) problems.push(`${key}: ignored invalid site ${JSON.stringify(site)}`);
      else if (!settings[key].includes(host)) settings[key].push(host);
    }
  }
  return { settings, problems };
}

/** Migrates the prototype's version-1 value to the current shape. */
export function migrateFromV1(old: unknown): Settings {
  const v1: SettingsV1 = isRecord(old) ? old : {};
  const settings = sanitizeSettings(null).settings;
  if (typeof v1.regions === 'boolean') settings.regions = v1.regions;
  if (typeof v1.cities === 'boolean') settings.cities = v1.cities;
  // v1 had one switch for every sector; keep its meaning by writing it to each category.
  if (v1.sectors === false) settings.categories = { [ALL_CATEGORIES]: false };
  return settings;
}

const itemOptions = {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateFromV1 },
};

export type SettingsArea = 'sync' | 'local';

function defineItems() {
  return {
    /** The settings in storage.sync: where they live normally. */
    sync: storage.defineItem<Settings>('sync:settings', itemOptions),
    /** The same settings in storage.local, used while storage.sync fails. */
    local: storage.defineItem<Settings>('local:settings', itemOptions),
    /**
     * Which area holds the current settings. It says "local" after a write to sync failed (sync
     * switched off by policy, its 8 KB per-item quota or its 120 writes a minute exceeded), so a
     * stale sync copy is not read back; the next successful sync write sets it back.
     */
    area: storage.defineItem<SettingsArea>('local:settingsArea', { fallback: 'sync' }),
  };
}

let items: ReturnType<typeof defineItems> | undefined;

/**
 * The storage items, defined on first use: defining a versioned item starts its migration
 * (two storage reads), which the content script does on every page load for nothing. Reading
 * (readStored) and watching go to storage directly; writing and migrating use the items.
 */
export function settingsItems(): ReturnType<typeof defineItems> {
  items ??= defineItems();
  return items;
}

async function currentArea(): Promise<SettingsArea> {
  try {
    return (await settingsItems().area.getValue()) === 'local' ? 'local' : 'sync';
  } catch {
    return 'sync';
  }
}

/** The raw stored value from the area in use; storage.local when sync cannot be read. */
async function readStoredSlowly(): Promise<unknown> {
  if ((await currentArea()) === 'sync') {
    try {
      return await settingsItems().sync.getValue();
    } catch (error) {
      console.warn('[fyp] storage.sync unavailable, reading settings from storage.local', error);
    }
  }
  return settingsItems().local.getValue();
}

// The keys the storage items use (WXT keeps an item's version in "<key>$").
const KEY = 'settings';
const META_KEY = `${KEY}$`;
const AREA_KEY = 'settingsArea';

/**
 * The same value as readStoredSlowly, in one round trip when it can: every page load waits for
 * this, and going through the storage items costs three round trips one after the other (their
 * migration check, the area, the value). Both areas are read at once; a value stored by an older
 * version, which the items migrate, takes the slow path.
 */
async function readStored(): Promise<unknown> {
  let syncError: unknown;
  const [sync, local] = await Promise.all([
    browser.storage.sync.get([KEY, META_KEY]).catch((error: unknown) => {
      syncError = error;
      return undefined;
    }),
    browser.storage.local.get([KEY, META_KEY, AREA_KEY]).catch(() => undefined),
  ]);
  if (local === undefined) return readStoredSlowly();
  const area = local[AREA_KEY] === 'local' || sync === undefined ? local : sync;
  const value: unknown = area[KEY];
  const meta: unknown = area[META_KEY];
  const version = isRecord(meta) && typeof meta.v === 'number' ? meta.v : 1;
  if (value != null && version < SETTINGS_VERSION) return readStoredSlowly();
  if (sync === undefined) console.warn('[fyp] storage.sync unavailable, reading settings from storage.local', syncError);
  return value ?? DEFAULT_SETTINGS;
}

/** Whether a sector category is on ("*" is the v1 all-sectors switch). */
export function isCategoryEnabled(settings: Settings, categoryId: string): boolean {
  return settings.categories[categoryId] ?? settings.categories[ALL_CATEGORIES] ?? true;
}

/** Whether highlighting is switched off for a host (the site or one of its parents listed). */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  return settings.disabledSites.some((site) => hostMatches(host, site));
}

function report(problems: readonly string[]): void {
  for (const problem of problems) console.warn(`[fyp] settings: ${problem} (default used)`);
}

/** Reads and validates the settings; problems are reported on the console, never thrown. */
export async function loadSettings(knownCategories?: ReadonlySet<string>): Promise<Settings> {
  let raw: unknown = null;
  try {
    raw = await readStored();
  } catch (error) {
    console.warn('[fyp] settings could not be read, using defaults', error);
  }
  const { settings, problems } = sanitizeSettings(raw, knownCategories);
  report(problems);
  return settings;
}

/**
 * Calls back with validated settings whenever they change (in either area, or when the area in
 * use changes); returns the unwatch function. Each change re-reads through `loadSettings`, and
 * a slower earlier read never overrides a later one.
 */
export function watchSettings(
  callback: (settings: Settings) => void,
  knownCategories?: ReadonlySet<string>,
): () => void {
  let latest = 0;
  let active = true;
  const reload = (): void => {
    const ticket = ++latest;
    void loadSettings(knownCategories).then((settings) => {
      if (active && ticket === latest) callback(settings);
    });
  };
  const onChanged = (changes: Record<string, unknown>, area: string): void => {
    if ((area === 'sync' || area === 'local') && (KEY in changes || AREA_KEY in changes)) reload();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    active = false;
    browser.storage.onChanged.removeListener(onChanged);
  };
}

/**
 * Writes settings after validating them (so a bad import cannot be stored): to storage.sync,
 * or to storage.local when sync refuses the write. Rejects only when neither area accepts it.
 */
export async function saveSettings(next: Settings): Promise<void> {
  const value = sanitizeSettings(next).settings;
  const { sync, local, area } = settingsItems();
  try {
    await sync.setValue(value);
    if ((await currentArea()) === 'local') await area.setValue('sync');
  } catch (error) {
    console.warn('[fyp] storage.sync write failed, keeping settings in storage.local', error);
    await local.setValue(value);
    await area.setValue('local');
  }
}

/** Updates made from this page, run one after another so none reads a value another is writing. */
let pendingUpdates: Promise<unknown> = Promise.resolve();

/**
 * Reads, changes and writes the settings in one step, so a page that holds an older copy
 * (options page, popup) cannot undo a change made elsewhere meanwhile. Calls from one page are
 * queued: two quick clicks must not both read the value from before the first.
 */
export function updateSettings(
  change: (current: Settings) => Settings,
  knownCategories?: ReadonlySet<string>,
): Promise<Settings> {
  const run = pendingUpdates.then(async () => {
    const next = sanitizeSettings(change(await loadSettings(knownCategories))).settings;
    await saveSettings(next);
    return next;
  });
  pendingUpdates = run.catch(() => undefined);
  return run;
}
