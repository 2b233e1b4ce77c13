/**
 * Where the settings are stored and how every page reads them.
 *
 * Layout. One key, `fypSettings`, holds `{ version, rev, settings }`: the value and the version
 * of its shape travel in ONE storage write, so no reader can ever see a value without its
 * version (WXT's storage items keep the version under a second key, "settings$", written
 * separately: a reader between the two writes took a current value for a version-1 one and
 * migrated it back to defaults). `rev` counts the writes, so a page can tell an older value
 * from a newer one when storage events and write confirmations arrive out of order.
 *
 * One writer. Only the background writes this key (settings-writer.ts), one write at a time:
 * `storage.sync` has no compare-and-set, and two pages that each read, change and write the
 * whole value lose one change whenever they overlap. Pages send their changes as messages
 * instead; `storage.onChanged` then tells every page and tab the result (it fires in every
 * extension context, content scripts included, in Chromium and Firefox alike).
 *
 * Areas. The settings live in storage.sync, so they follow the user. When sync refuses a write
 * (switched off by policy, its 8 KB per-item quota, or its 120 writes a minute), they go to
 * storage.local and `settingsArea` in storage.local says "local" (both in one local write),
 * so a stale sync copy is not read back; the next successful sync write sets it to "sync".
 *
 * Older layouts. Versions before this one stored the bare value under "settings" with WXT's
 * version marker under "settings$". Readers understand that layout (settingsFromStored, pure,
 * no write), and the background rewrites it once in the current layout on install and update.
 * The old keys are left alone, so an older copy of the extension on another synced browser
 * keeps its own settings instead of reading ours.
 */
import { browser } from 'wxt/browser';
import { defaultSettings, isRecord, settingsFromStored, type Settings } from './settings';

export const SETTINGS_KEY = 'fypSettings';
export const AREA_KEY = 'settingsArea';
export const LEGACY_KEY = 'settings';
export const LEGACY_VERSION_KEY = 'settings$';

export type SettingsArea = 'sync' | 'local';

/** What is stored under SETTINGS_KEY. */
export interface StoredEnvelope {
  version: number;
  rev: number;
  settings: Settings;
}

/** Validated settings with the revision they were read at (0: never written in this layout). */
export interface SettingsSnapshot {
  settings: Settings;
  rev: number;
}

/** The storage calls used here, so the writer's tests can make them fail. */
export interface StorageAreas {
  sync: Pick<typeof browser.storage.sync, 'get' | 'set'>;
  local: Pick<typeof browser.storage.local, 'get' | 'set'>;
}

/** What one read of both areas found. */
export interface StoredState {
  area: SettingsArea;
  snapshot: SettingsSnapshot;
  /** Whether the area in use holds the current layout (false: legacy or nothing). */
  current: boolean;
  problems: string[];
}

/** The envelope stored under SETTINGS_KEY; anything else there is read as a corrupt value. */
function envelopeOf(value: unknown): { version: number | undefined; rev: number; settings: unknown } | null {
  if (value === undefined) return null;
  if (!isRecord(value) || !('settings' in value)) return { version: undefined, rev: 0, settings: value };
  const rev = typeof value.rev === 'number' && Number.isFinite(value.rev) ? value.rev : 0;
  const version = typeof value.version === 'number' ? value.version : undefined;
  return { version, rev, settings: value.settings };
}

function legacyVersionOf(meta: unknown): number | undefined {
  return isRecord(meta) && typeof meta.v === 'number' ? meta.v : undefined;
}

/** Interprets what one area holds: the current layout, else the legacy one, else defaults. */
function interpretArea(items: Record<string, unknown>, knownCategories?: ReadonlySet<string>): Omit<StoredState, 'area'> {
  const envelope = envelopeOf(items[SETTINGS_KEY]);
  if (envelope) {
    const { settings, problems } = settingsFromStored(envelope.settings, envelope.version, knownCategories);
    return { snapshot: { settings, rev: envelope.rev }, current: true, problems };
  }
  const { settings, problems } = settingsFromStored(items[LEGACY_KEY], legacyVersionOf(items[LEGACY_VERSION_KEY]), knownCategories);
  return { snapshot: { settings, rev: 0 }, current: false, problems };
}

/**
 * Reads both areas at once (one round trip: every page load waits for this) and interprets the
 * one in use; storage.local alone when sync cannot be read. The older layout's keys are read
 * only when the current one is missing (a second round trip, until the background has rewritten
 * them): a value an older version stored without limits is not handed to every page load.
 */
export async function readSettingsState(
  knownCategories?: ReadonlySet<string>,
  areas: StorageAreas = browser.storage,
): Promise<StoredState> {
  let syncError: unknown;
  const [sync, local] = await Promise.all([
    areas.sync.get([SETTINGS_KEY]).catch((error: unknown) => {
      syncError = error;
      return undefined;
    }),
    areas.local.get([SETTINGS_KEY, AREA_KEY]),
  ]);
  if (sync === undefined) console.warn('[fyp] storage.sync unavailable, reading settings from storage.local', syncError);
  const area: SettingsArea = local[AREA_KEY] === 'local' || sync === undefined ? 'local' : 'sync';
  let items: Record<string, unknown> = (area === 'local' ? local : sync) ?? {};
  if (items[SETTINGS_KEY] === undefined) {
    items = await (area === 'local' ? areas.local : areas.sync).get([LEGACY_KEY, LEGACY_VERSION_KEY]);
  }
  return { area, ...interpretArea(items, knownCategories) };
}

function report(problems: readonly string[]): void {
  // A list of 20,000 bad sites would be 500 lines: the first few say enough.
  for (const problem of problems.slice(0, 5)) console.warn(`[fyp] settings: ${problem} (default used)`);
  if (problems.length > 5) console.warn(`[fyp] settings: ${problems.length - 5} more problems`);
}

/** Reads and validates the settings with their revision; never throws (defaults on failure). */
export async function readSettings(knownCategories?: ReadonlySet<string>): Promise<SettingsSnapshot> {
  try {
    const state = await readSettingsState(knownCategories);
    report(state.problems);
    return state.snapshot;
  } catch (error) {
    console.warn('[fyp] settings could not be read, using defaults', error);
    return { settings: defaultSettings(), rev: 0 };
  }
}

/** Reads and validates the settings; problems are reported on the console, never thrown. */
export async function loadSettings(knownCategories?: ReadonlySet<string>): Promise<Settings> {
  return (await readSettings(knownCategories)).settings;
}

/**
 * Calls back with the settings whenever the stored value (or the area in use) changes; returns
 * the unwatch function. Each change re-reads both areas, and a slower earlier read never
 * overrides a later one.
 */
export function watchSettings(
  callback: (snapshot: SettingsSnapshot) => void,
  knownCategories?: ReadonlySet<string>,
): () => void {
  let latest = 0;
  let active = true;
  const reload = (): void => {
    const ticket = ++latest;
    void readSettings(knownCategories).then((snapshot) => {
      if (active && ticket === latest) callback(snapshot);
    });
  };
  const onChanged = (changes: Record<string, unknown>, area: string): void => {
    if ((area === 'sync' || area === 'local') && (SETTINGS_KEY in changes || AREA_KEY in changes)) reload();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    active = false;
    browser.storage.onChanged.removeListener(onChanged);
  };
}
