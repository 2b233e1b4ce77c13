/**
 * The options page's view of the settings (see SettingsSession): loaded once, followed live, so
 * a change made in the popup or another window shows here, and changed through the background.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Settings, SettingsChange } from '../../data/settings';
import { SettingsSession, type SettingsTransport } from './settings-session';

export interface SettingsState {
  settings: Settings | null;
  /** Applies a change at once on the page and stores it; resolves with whether it was stored. */
  update(change: SettingsChange): Promise<boolean>;
  /** Set when a change could not be stored. */
  error: string | null;
}

export function useSettings(transport: SettingsTransport, knownCategories: ReadonlySet<string>): SettingsState {
  const session = useMemo(() => new SettingsSession(transport, knownCategories), [transport, knownCategories]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const unsubscribe = session.subscribe(() => setSettings(session.view()));
    const stop = session.start();
    return () => {
      unsubscribe();
      stop();
    };
  }, [session]);

  const update = useCallback(
    (change: SettingsChange) =>
      session.change(change).then(
        () => {
          setError(null);
          return true;
        },
        (cause: unknown) => {
          setError(`Your change could not be saved: ${String(cause)}`);
          return false;
        },
      ),
    [session],
  );

  return { settings, update, error };
}
