/**
 * Settings as a JSON file: what export writes and what import accepts. Import is validated
 * with the same `sanitizeSettings` as every stored read; a file that is not a settings file
 * is refused as a whole, so nothing is stored from it.
 */
import { isRecord, MAX_IMPORT_BYTES, MAX_SITES, migrateFromV1, sanitizeSettings, SETTINGS_KEYS, SETTINGS_VERSION, type Settings } from '../../data/settings';

export const SETTINGS_FILE_FORMAT = 'five-year-plan-lens/settings';
export const SETTINGS_FILE_NAME = 'five-year-plan-lens-settings.json';

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: number;
  exported: string;
  settings: Settings;
}

export type ParsedSettingsFile =
  | { ok: true; settings: Settings; problems: string[] }
  | { ok: false; error: string };

/** The JSON text of an export. */
export function serializeSettings(settings: Settings, now: Date = new Date()): string {
  const file: SettingsFile = { format: SETTINGS_FILE_FORMAT, version: SETTINGS_VERSION, exported: now.toISOString(), settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}


/**
 * Reads an imported file: our export format (any version up to the current one), or a bare
 * settings object. Bad fields become defaults and are listed in `problems`; a file with no
 * usable setting at all is refused.
 */
export function parseSettingsFile(text: string, knownCategories?: ReadonlySet<string>): ParsedSettingsFile {
  // Characters, not bytes: a file within the byte limit is never refused here.
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, error: `This file is too large for a settings file (at most ${MAX_IMPORT_BYTES / 1024} KB).` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON, so it cannot be a settings file.' };
  }
  if (!isRecord(json)) return { ok: false, error: 'This file does not contain a settings object.' };

  let raw: unknown = json;
  if ('format' in json) {
    if (json.format !== SETTINGS_FILE_FORMAT) return { ok: false, error: 'This JSON file is not a Five-Year Plan Lens settings file.' };
    const version = json.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return { ok: false, error: 'The settings file has no valid version number.' };
    }
    if (version > SETTINGS_VERSION) {
      return { ok: false, error: `The settings file was made by a newer version of the extension (settings version ${version}).` };
    }
    if (!isRecord(json.settings)) return { ok: false, error: 'The settings file does not contain a settings object.' };
    raw = version === 1 ? migrateFromV1(json.settings) : json.settings;
  }

  if (isRecord(raw)) {
    for (const key of ['addedSites', 'disabledSites'] as const) {
      const list = raw[key];
      if (Array.isArray(list) && list.length > MAX_SITES) {
        return {
          ok: false,
          error: `The file lists ${list.length.toLocaleString('en')} sites in ${key}; the extension keeps at most ${MAX_SITES}.`,
        };
      }
    }
  }
  const fields = isRecord(raw) ? Object.keys(raw) : [];
  const { settings, problems } = sanitizeSettings(raw, knownCategories);
  // A field is unusable when it was rejected whole ("regions: …"), not just an entry of it.
  const usable = fields.filter((key) => (SETTINGS_KEYS as readonly string[]).includes(key) && !problems.some((p) => p.startsWith(`${key}:`)));
  if (usable.length === 0) return { ok: false, error: 'The file contains no usable setting.' };
  return { ok: true, settings, problems };
}
