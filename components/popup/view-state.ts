/**
 * What the reader opened in the popup or side panel for a tab (the region cards, the compare
 * view and its regions), kept for the browser session so reopening the popup on the same tab
 * shows it again. Stored in storage.session (never synced, gone when the browser closes);
 * where a browser has no session storage, kept in memory for the page's lifetime instead.
 */
import { REGION_IDS, type RegionId } from '../../data/schema';

export interface ViewState {
  /** Region cards opened in place, in the order they were opened. */
  open: RegionId[];
  /** The compare view is shown instead of the list. */
  comparing: boolean;
  /** Regions picked for comparison (at most MAX_COMPARED). */
  compared: RegionId[];
}

export const EMPTY_VIEW_STATE: ViewState = { open: [], comparing: false, compared: [] };

/** Up to four regions side by side: more no longer fits a 420 px popup. */
export const MAX_COMPARED = 4;

export interface ViewStateStore {
  load(tabId: number): Promise<ViewState>;
  save(tabId: number, state: ViewState): Promise<void>;
}

/** The slice of a storage area the store uses (storage.session). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'fyp:view-state';
/** Tabs remembered; the least recently saved are forgotten first. */
const KEPT_TABS = 50;

const KNOWN = new Set<string>(REGION_IDS);
const regionList = (value: unknown, max: number): RegionId[] =>
  Array.isArray(value)
    ? [...new Set(value.filter((v): v is RegionId => typeof v === 'string' && KNOWN.has(v)))].slice(0, max)
    : [];

/** Reads a stored value field by field; anything malformed becomes the empty state's field. */
export function parseViewState(value: unknown): ViewState {
  if (typeof value !== 'object' || value === null) return EMPTY_VIEW_STATE;
  const raw = value as Partial<Record<keyof ViewState, unknown>>;
  return {
    open: regionList(raw.open, REGION_IDS.length),
    comparing: raw.comparing === true,
    compared: regionList(raw.compared, MAX_COMPARED),
  };
}

type Stored = Record<string, { at: number; state: ViewState }>;

/** A store on `area` (storage.session); in memory when the browser has none. */
export function viewStateStore(area: SessionArea | undefined, now: () => number = Date.now): ViewStateStore {
  const memory = new Map<number, ViewState>();
  // Saves read, change and write one shared key: queued, so two quick ones cannot interleave.
  let queue: Promise<void> = Promise.resolve();
  const readAll = async (): Promise<Stored> => {
    const value = area ? (await area.get(KEY))[KEY] : undefined;
    return typeof value === 'object' && value !== null ? (value as Stored) : {};
  };
  // Read at once, while the popup is still finding its tab; the first load uses it unless a
  // save came first.
  let prefetched: Promise<Stored> | null = area ? readAll() : null;
  prefetched?.catch(() => {});
  return {
    async load(tabId) {
      if (!area) return memory.get(tabId) ?? EMPTY_VIEW_STATE;
      const read = prefetched ?? readAll();
      prefetched = null;
      try {
        return parseViewState((await read)[String(tabId)]?.state);
      } catch (error) {
        console.warn('[fyp] could not read the popup state', error);
        return EMPTY_VIEW_STATE;
      }
    },
    async save(tabId, state) {
      if (!area) {
        memory.set(tabId, state);
        return;
      }
      prefetched = null;
      const write = async (): Promise<void> => {
        const all = await readAll();
        all[String(tabId)] = { at: now(), state };
        const kept = Object.entries(all)
          .sort(([, a], [, b]) => b.at - a.at)
          .slice(0, KEPT_TABS);
        await area.set({ [KEY]: Object.fromEntries(kept) });
      };
      queue = queue.then(write, write);
      await queue;
    },
  };
}
