/**
 * The popup's one stateful piece: takes the opened session (or opens one), follows the tab's
 * later result changes, and performs the state controls (switch on, highlight once, always on
 * this site).
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JumpResult } from '../../data/protocol';
import type { RegionId } from '../../data/schema';
import type { Settings } from '../../data/settings';
import { originsFor } from '../../data/sites';
import type { PopupView } from './popup-state';
import type { PopupServices, TabTarget } from './services';
import { askTab, openSession, STARTING, withSettings, type Session, type SessionStart, type SessionView } from './session';

export interface TabView {
  view: SessionView;
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

const isReady = (v: PopupView): boolean => v.kind === 'ready';

/** `start` is the session main.tsx opened early; without it, one is opened on mount. */
export function useTabView(services: PopupServices, start?: Promise<SessionStart>): TabView {
  const [view, setView] = useState<SessionView>({ kind: 'loading' });
  const [session, setSession] = useState<Session | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  // Views are asked for from two places (the page's reports, and the controls waiting for the
  // page to switch on); only the latest request may show, or a slow wait that began before
  // the page changed again would show an outdated state over a newer one.
  const latest = useRef(0);

  // A layout effect subscribes before the first paint, so an answer already there shows at once.
  useLayoutEffect(() => {
    let cancelled = false;
    let unsubscribe = (): void => {};
    void (start ?? openSession(services)).then((opened) => {
      if (cancelled) return;
      setSession(opened.session);
      setView(opened.view);
      const s = opened.session;
      if (!s || opened.view.kind === 'restricted') return;
      // The page may still be growing (live blogs, slow loads): follow its reports.
      let timer: ReturnType<typeof setTimeout> | undefined;
      let current = s;
      const off = services.onResultsChanged(s.target.tabId, () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const request = ++latest.current;
          // The change may come from the settings (this site switched off in the options): read
          // them again, or an off page would be shown as off for this tab only, and "Switch on"
          // would not switch the site back on.
          void services
            .loadSettings()
            .then((settings) => {
              current = withSettings(current, settings, services.demoUrl);
              return askTab(current);
            })
            .then((next) => {
              if (cancelled || request !== latest.current) return;
              setSession(current);
              setView(next);
            });
        }, 100);
      });
      unsubscribe = () => {
        clearTimeout(timer);
        off();
      };
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [services, start]);

  const jump = useCallback(
    (region: RegionId): Promise<JumpResult> =>
      session ? session.client.send({ type: 'jump-to-region', region }) : Promise.resolve({ found: false, position: 0, total: 0 }),
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

  /** Asks again until the page answers "ready", then shows what it says. */
  const settle = async (s: Session): Promise<void> => {
    const request = ++latest.current;
    setSession(s);
    const next = await askTab(s, STARTING.attempts, isReady);
    if (request === latest.current) setView(next);
  };

  const enable = (): void =>
    act(async (s) => {
      if (view.kind === 'off' && view.reason === 'tab') {
        await s.client.send({ type: 'toggle-highlights' });
        await settle(s);
        return;
      }
      const settings = await services.changeSettings({ kind: 'enable-for-host', host: s.facts.host });
      // The content script follows settings changes on its own.
      await settle({ ...s, settings });
    });

  const highlightOnce = (): void =>
    act(async (s) => {
      await services.highlightPage(s.target.tabId);
      await settle({ ...s, facts: { ...s.facts, listed: true } });
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
      const settings = await services.changeSettings({ kind: 'add-site', site });
      // The background registers the script for the site's next pages; this one we run now.
      await services.highlightPage(s.target.tabId);
      await settle({ ...s, settings, facts: { ...s.facts, listed: true } });
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
