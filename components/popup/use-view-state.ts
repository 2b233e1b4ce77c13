/**
 * The reader's open cards and compare picks for the shown tab: loaded from the store once the
 * tab is known, saved on every change. Unpersisted (`persist` false), it starts empty and lives
 * as long as the page.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { EMPTY_VIEW_STATE, type ViewState, type ViewStateStore } from './view-state';

export interface ViewStateHandle {
  /** null until loaded for the tab. */
  state: ViewState | null;
  update(change: (state: ViewState) => ViewState): void;
}

/** `tabId` null: no tab (an error view), nothing to load. */
export function useViewState(store: ViewStateStore, tabId: number | null | undefined, persist: boolean): ViewStateHandle {
  const [state, setState] = useState<ViewState | null>(null);
  const current = useRef<ViewState | null>(null);
  useEffect(() => {
    if (tabId === undefined) return undefined;
    let cancelled = false;
    const apply = (loaded: ViewState): void => {
      if (cancelled) return;
      current.current = loaded;
      setState(loaded);
    };
    if (!persist || tabId === null) apply(EMPTY_VIEW_STATE);
    else store.load(tabId).then(apply, () => apply(EMPTY_VIEW_STATE));
    return () => {
      cancelled = true;
    };
  }, [store, tabId, persist]);

  const update = useCallback(
    (change: (state: ViewState) => ViewState): void => {
      const next = change(current.current ?? EMPTY_VIEW_STATE);
      current.current = next;
      setState(next);
      if (persist && typeof tabId === 'number') {
        store.save(tabId, next).catch((error: unknown) => console.warn('[fyp] could not keep the popup state', error));
      }
    },
    [store, tabId, persist],
  );
  return { state, update };
}
