/**
 * The options page's view of the settings: loaded once, followed live (so a change made in the
 * popup or another window shows here), and changed through `updateSettings`.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { loadSettings, sanitizeSettings, updateSettings, watchSettings, type Settings } from '../../data/settings';

export interface SettingsState {
  settings: Settings | null;
  /** Applies a change at once on the page and stores it. */
  update(change: (current: Settings) => Settings): void;
  /** Set when a change could not be stored. */
  error: string | null;
}

export function useSettings(knownCategories: ReadonlySet<string>): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let watched = false;
    let live = true;
    const unwatch = watchSettings((next) => {
      watched = true;
      setSettings(next);
    }, knownCategories);
    void loadSettings(knownCategories).then((initial) => {
      // A change that arrived meanwhile is newer than this first read.
      if (live && !watched) setSettings(initial);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [knownCategories]);

  const update = useCallback(
    (change: (current: Settings) => Settings) => {
      setSettings((current) => (current ? sanitizeSettings(change(current), knownCategories).settings : current));
      updateSettings(change, knownCategories).then(
        () => setError(null),
        (cause: unknown) => setError(`Your change could not be saved: ${String(cause)}`),
      );
    },
    [knownCategories],
  );

  return { settings, update, error };
}
