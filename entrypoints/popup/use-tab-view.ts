/**
 * The popup's one stateful piece: finds the tab, reads the settings, asks the tab for its
 * results (retrying while its content script starts), follows later changes, and performs the
 * state controls (switch on, highlight once, always on this site).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { JumpResult } from '../../data/protocol';
import type { RegionId } from '../../data/schema';
import type { Settings } from '../../data/settings';
import { originsFor } from '../../data/sites';
import { factsFor, settingsEnabledFor, settingsWithSite, viewFor, type PopupView, type TabFacts } from './popup-state';
import type { PopupServices, TabTarget } from './services';
import { fetchResults, tabClient, type TabClient } from './tab-client';

/** While a content script may still be starting: ask for ~3 s. */
const STARTING = { attempts: 20, delayMs: 150 };

export interface TabView {
  view: PopupView | { kind: 'error'; message: string };
  target: TabTarget | null;
  settings: Settings | null;
  busy: boolean;
  notice: string;
  setNotice(text: string): void;
  jump(region: RegionId): Promise<JumpResult>;
  enable(): void;
  highlightOnce(): void;
  alwaysOnSite(): void;
}

interface Session {
  target: TabTarget;
  settings: Settings;
  facts: TabFacts;
  client: TabClient;
}

export function useTabView(services: PopupServices, knownCategories: ReadonlySet<string>): TabView {
  const [view, setView] = useState<TabView['view']>({ kind: 'loading' });
  const [session, setSession] = useState<Session | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const sessionRef = useRef<Session | null>(null);
  sessionRef.current = session;

  /** Asks the tab again; `until` keeps asking while the answer is not the one awaited yet. */
  const refresh = useCallback(async (s: Session, attempts = 1, until?: (v: PopupView) => boolean) => {
    let next: PopupView = { kind: 'loading' };
    for (let i = 0; i < attempts; i++) {
      const results = await fetchResults(s.client, { attempts: i === 0 ? attempts : 1, delayMs: STARTING.delayMs }).catch(
        () => undefined,
      );
      next = viewFor(s.facts, s.settings, results, s.target.url);
      if (!until || until(next)) break;
      await new Promise((resolve) => setTimeout(resolve, STARTING.delayMs));
    }
    setView(next);
    return next;
  }, []);

  useEffect(() => {
    let unsubscribe = (): void => {};
    let cancelled = false;
    void (async () => {
      try {
        const [target, settings] = await Promise.all([services.currentTarget(), services.loadSettings(knownCategories)]);
        if (cancelled) return;
        if (!target) {
          setView({ kind: 'error', message: 'There is no tab to summarize.' });
          return;
        }
        let facts = factsFor(target.url, settings, services.demoUrl);
        // Without the tab's URL (no permission to see it), it may still be our demo article.
        if (target.url === '') {
          const demoClient = tabClient(target.tabId, true, services.messenger);
          const answered = await fetchResults(demoClient, { attempts: 1, delayMs: 0 }).catch(() => undefined);
          if (answered) facts = { ...facts, demo: true, restricted: false, listed: true };
        }
        const s: Session = { target, settings, facts, client: tabClient(target.tabId, facts.demo, services.messenger) };
        setSession(s);
        if (facts.restricted) {
          setView({ kind: 'restricted', url: target.url });
          return;
        }
        await refresh(s, facts.listed ? STARTING.attempts : 1);
        // The page may still be growing (live blogs, slow loads): follow its reports.
        let timer: ReturnType<typeof setTimeout> | undefined;
        const off = services.onResultsChanged(target.tabId, () => {
          clearTimeout(timer);
          timer = setTimeout(() => sessionRef.current && void refresh(sessionRef.current), 100);
        });
        unsubscribe = () => {
          clearTimeout(timer);
          off();
        };
      } catch (error) {
        console.error('[fyp] popup failed', error);
        if (!cancelled) setView({ kind: 'error', message: 'The popup could not read this tab. Try reopening it.' });
      }
    })();
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [services, knownCategories, refresh]);

  const jump = useCallback(
    (region: RegionId): Promise<JumpResult> => {
      if (!session) return Promise.resolve({ found: false, position: 0, total: 0 });
      return session.client.send({ type: 'jump-to-region', region });
    },
    [session],
  );

  /** Runs one control at a time, reporting failures in the notice line. */
  const act = (work: (s: Session) => Promise<void>): void => {
    if (!session || busy) return;
    setBusy(true);
    work(session)
      .catch((error: unknown) => {
        console.error('[fyp] popup action failed', error);
        setNotice('That did not work here. Try reloading the page.');
      })
      .finally(() => setBusy(false));
  };

  const ready = (v: PopupView): boolean => v.kind === 'ready';

  const enable = (): void =>
    act(async (s) => {
      if (view.kind === 'off' && view.reason === 'tab') {
        await s.client.send({ type: 'toggle-highlights' });
        await refresh(s, STARTING.attempts, ready);
        return;
      }
      const settings = await services.updateSettings((current) => settingsEnabledFor(current, s.facts.host), knownCategories);
      const next = { ...s, settings };
      setSession(next);
      // The content script follows settings changes on its own; wait for it to answer "ready".
      await refresh(next, STARTING.attempts, ready);
    });

  const highlightOnce = (): void =>
    act(async (s) => {
      await services.highlightPage(s.target.tabId);
      await refresh({ ...s, facts: { ...s.facts, listed: true } }, STARTING.attempts, ready);
    });

  const alwaysOnSite = (): void => {
    if (!session || busy || session.facts.site === null) return;
    const site = session.facts.site;
    // Requested synchronously from the click: browsers only grant permissions to a user gesture.
    const granted = services.requestOrigins(originsFor(site));
    act(async (s) => {
      if (!(await granted)) {
        setNotice(`Permission for ${site} was not granted.`);
        return;
      }
      const settings = await services.updateSettings((current) => settingsWithSite(current, site), knownCategories);
      const next: Session = { ...s, settings, facts: { ...s.facts, listed: true } };
      setSession(next);
      // The background registers the script for the site's next pages; this one we run now.
      await services.highlightPage(s.target.tabId);
      await refresh(next, STARTING.attempts, ready);
      setNotice(`The extension now runs on ${site}.`);
    });
  };

  return {
    view,
    target: session?.target ?? null,
    settings: session?.settings ?? null,
    busy,
    notice,
    setNotice,
    jump,
    enable,
    highlightOnce,
    alwaysOnSite,
  };
}
