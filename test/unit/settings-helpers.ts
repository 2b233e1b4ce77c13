/**
 * The settings' writer as the tests use it: in process, on WXT's fake storage, where the
 * extension has it in the background behind a message.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../data/settings';
import { readSettings, watchSettings } from '../../data/settings-store';
import { SettingsWriter } from '../../data/settings-writer';
import type { SettingsTransport } from '../../entrypoints/options/settings-session';

/** A current value with every field away from its default: a wipe of any field shows. */
export const FULL: Settings = {
  enabled: false,
  regions: false,
  cities: false,
  clusters: false,
  hoverCards: false,
  categories: { digital: false },
  colors: { region: '#ef4444' },
  style: 'underline',
  firstMentionOnly: true,
  disabledSites: ['scmp.com'],
  addedSites: ['example.org'],
};

/** Stores settings as the background would (one write, current layout). */
export async function storeSettings(settings: Partial<Settings>): Promise<void> {
  await new SettingsWriter().submit([{ kind: 'replace', settings: { ...DEFAULT_SETTINGS, ...settings } }]);
}

/** A transport whose writes go to an in-process writer, as the background's would. */
export function writerTransport(knownCategories: ReadonlySet<string>, writer = new SettingsWriter(knownCategories)): SettingsTransport {
  return {
    read: () => readSettings(knownCategories),
    watch: (callback) => watchSettings(callback, knownCategories),
    send: (changes) => writer.submit(changes),
  };
}
