// @vitest-environment node
/**
 * The reading companion's two settings, strategy highlights (`clusters`) and hover cards
 * (`hoverCards`): their defaults, the validator, values stored or exported before they existed
 * (version 2 without them, and version 1), the changes pages send, and the filter the content
 * script builds from them.
 */
import { describe, expect, it } from 'vitest';
import {
  applyChange,
  DEFAULT_SETTINGS,
  defaultSettings,
  isSettingsChange,
  sanitizeSettings,
  settingsFromStored,
  SETTINGS_VERSION,
  storedShapeVersion,
} from '../../data/settings';
import { filterFor } from '../../entrypoints/content/page-annotation';
import { parseSettingsFile, serializeSettings } from '../../entrypoints/options/settings-file';

const KNOWN = new Set(['digital', 'energy']);

describe('strategy highlights and hover cards settings', () => {
  it('are on by default', () => {
    expect(DEFAULT_SETTINGS.clusters).toBe(true);
    expect(DEFAULT_SETTINGS.hoverCards).toBe(true);
    expect(defaultSettings()).toMatchObject({ clusters: true, hoverCards: true });
  });

  it('are kept when valid and replaced by their default, with a problem, when not', () => {
    expect(sanitizeSettings({ clusters: false, hoverCards: false }, KNOWN)).toEqual({
      settings: { ...defaultSettings(), clusters: false, hoverCards: false },
      problems: [],
    });
    const bad = sanitizeSettings({ clusters: 'no', hoverCards: 0, regions: false }, KNOWN);
    expect(bad.settings).toMatchObject({ clusters: true, hoverCards: true, regions: false });
    expect(bad.problems).toEqual(['clusters: expected a boolean', 'hoverCards: expected a boolean']);
  });

  it('accept a colour for strategy marks beside the category colours', () => {
    expect(sanitizeSettings({ colors: { cluster: '#C060D0' } }, KNOWN)).toMatchObject({ settings: { colors: { cluster: '#c060d0' } }, problems: [] });
  });

  it('read as on in a version-2 value stored before they existed, with nothing to report', () => {
    const stored = { enabled: true, regions: false, cities: true, categories: { energy: false }, colors: {}, style: 'underline', firstMentionOnly: false, disabledSites: [], addedSites: [] };
    expect(storedShapeVersion(stored, 2)).toBe(SETTINGS_VERSION);
    expect(settingsFromStored(stored, 2, KNOWN)).toEqual({
      settings: { ...defaultSettings(), regions: false, categories: { energy: false }, style: 'underline' },
      problems: [],
    });
  });

  it('read as on after the version-1 migration, and mark a value holding only them as the current shape', () => {
    expect(settingsFromStored({ regions: false, sectors: false }, undefined).settings).toMatchObject({ regions: false, clusters: true, hoverCards: true });
    expect(storedShapeVersion({ hoverCards: false }, undefined)).toBe(SETTINGS_VERSION);
    expect(settingsFromStored({ hoverCards: false }, undefined).settings.hoverCards).toBe(false);
  });

  it('are switched by the same changes as the other switches, checked when they arrive in a message', () => {
    for (const key of ['clusters', 'hoverCards'] as const) {
      expect(isSettingsChange({ kind: 'switch', key, on: false })).toBe(true);
      expect(isSettingsChange({ kind: 'switch', key, on: 'off' })).toBe(false);
      expect(applyChange(defaultSettings(), { kind: 'switch', key, on: false })[key]).toBe(false);
    }
  });

  it('survive a settings file round trip, and an older file without them imports them as on', () => {
    const mine = { ...defaultSettings(), clusters: false, hoverCards: false };
    expect(parseSettingsFile(serializeSettings(mine), KNOWN)).toEqual({ ok: true, settings: mine, problems: [] });
    const older = JSON.stringify({ format: 'five-year-plan-lens/settings', version: 2, settings: { regions: false } });
    expect(parseSettingsFile(older, KNOWN)).toMatchObject({ ok: true, settings: { regions: false, clusters: true, hoverCards: true } });
  });

  it('decide whether the content script looks for strategies', () => {
    expect(filterFor({ ...defaultSettings(), clusters: false }, []).clusters).toBe(false);
    expect(filterFor(defaultSettings(), []).clusters).toBe(true);
  });
});
