/** Which added sites the extension may read, kept current as permissions are granted or revoked. */
import { useEffect, useState } from 'preact/hooks';
import { originsFor } from '../../data/sites';
import type { OptionsApi } from './options-api';

export function useGrantedSites(sites: readonly string[], api: Pick<OptionsApi, 'permissions'>): ReadonlySet<string> | undefined {
  const [granted, setGranted] = useState<ReadonlySet<string> | undefined>(undefined);
  const key = sites.join(' ');

  useEffect(() => {
    let live = true;
    const check = (): void => {
      void Promise.all(sites.map((site) => api.permissions.contains({ origins: originsFor(site) }).catch(() => false))).then(
        (answers) => {
          if (live) setGranted(new Set(sites.filter((_, i) => answers[i])));
        },
      );
    };
    check();
    api.permissions.onAdded.addListener(check);
    api.permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      api.permissions.onAdded.removeListener(check);
      api.permissions.onRemoved.removeListener(check);
    };
    // `key` stands for the list's content; the array itself is new on every render.
  }, [key, api]);

  return granted;
}
