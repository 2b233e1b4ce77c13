import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sanitizeSettings, type Settings } from '../../data/settings';
import {
  parseSettingsFile,
  serializeSettings,
  SETTINGS_FILE_FORMAT,
} from '../../entrypoints/options/settings-file';

const KNOWN = new Set(['digital', 'energy']);
const defaults = (): Settings => sanitizeSettings(null).settings;

beforeEach(() => fakeBrowser.reset());

describe('parseSettingsFile', () => {
  it('reads back what export writes', () => {
    const settings: Settings = { ...defaults(), regions: false, colors: { energy: '#1f9e8e' }, addedSites: ['example.org'] };
    const text = serializeSettings(settings, new Date('2026-01-01T00:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({ format: SETTINGS_FILE_FORMAT, version: 2, exported: '2026-01-01T00:00:00.000Z' });
    expect(parseSettingsFile(text, KNOWN)).toEqual({ ok: true, settings, problems: [] });
  });

  // Files that are not settings files are refused as a whole: nothing of them is stored.
  it.each([
    ['an empty file', ''],
    ['text that is not JSON', 'regions=false'],
    ['truncated JSON', '{"format": "five-year-plan-lens/settings", "version": 2, "settings": {'],
    ['a JSON list', '[true, false]'],
    ['a JSON string', '"settings"'],
    ['JSON null', 'null'],
    ['another program’s file', '{"format": "dark-reader/settings", "version": 2, "settings": {}}'],
    ['a file from a newer version', `{"format": "${SETTINGS_FILE_FORMAT}", "version": 9, "settings": {"regions": false}}`],
    ['a file without a version', `{"format": "${SETTINGS_FILE_FORMAT}", "settings": {"regions": false}}`],
    ['a file whose settings are a string', `{"format": "${SETTINGS_FILE_FORMAT}", "version": 2, "settings": "all"}`],
    ['an object with no setting in it', '{"name": "Alice", "theme": "dark"}'],
    ['an object whose every setting is invalid', '{"regions": "no", "style": 3}'],
  ])('refuses %s', (_name, text) => {
    const parsed = parseSettingsFile(text, KNOWN);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).not.toBe('');
  });

  it('imports the valid fields of a partly bad file and lists the problems', () => {
    const text = JSON.stringify({
      format: SETTINGS_FILE_FORMAT,
      version: 2,
      settings: { regions: false, cities: 'maybe', colors: { region: '#000000' }, categories: { energy: false, crypto: false } },
    });
    const parsed = parseSettingsFile(text, KNOWN);
    expect(parsed).toMatchObject({ ok: true, settings: { regions: false, cities: true, colors: {}, categories: { energy: false } } });
    if (parsed.ok) {
      expect(parsed.problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^cities:/),
          expect.stringMatching(/^colors.region: too dark/),
          expect.stringMatching(/^categories.crypto: unknown/),
        ]),
      );
    }
  });

  it('migrates a version-1 export', () => {
    const text = JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 1, settings: { cities: false, sectors: false } });
    expect(parseSettingsFile(text)).toMatchObject({ ok: true, settings: { cities: false, categories: { '*': false } } });
  });

  it('accepts a bare settings object', () => {
    expect(parseSettingsFile('{"style": "underline"}', KNOWN)).toMatchObject({ ok: true, settings: { style: 'underline' } });
  });
});
