/**
 * The one typed message protocol between the content script, the background worker and the
 * popup. Every message is declared here; senders and receivers import these types.
 */
import type { RegionId } from './schema';

export type EntityKind = 'region' | 'city' | 'sector';

/** One highlighted mention on the page. */
export interface PageMention {
  kind: EntityKind;
  id: string;
  /** Region of a region or city mention. */
  region?: RegionId;
  /** Category of a sector mention. */
  category?: string;
  /** The text as written on the page ("Guangdong", "低空经济"). */
  text: string;
  /** The sentence around the mention, as plain text (never HTML). */
  sentence: string;
  /** Index of the paragraph (text block) it is in, for co-occurrence. */
  block: number;
}

export type PageState =
  | 'ready'
  /** Highlighting is switched off on this site (or everywhere). */
  | 'off';

export interface PageResults {
  url: string;
  title: string;
  state: PageState;
  mentions: PageMention[];
  /** Blocks the page kept changing under our marks, left unmarked (their mentions count). */
  blocksLeftAlone?: number;
}

export type ContentRequest =
  | { type: 'get-results' }
  | { type: 'jump-to-region'; region: RegionId }
  | { type: 'toggle-highlights' };

export interface JumpResult {
  found: boolean;
  /** 1-based position of the mention jumped to, and how many there are. */
  position: number;
  total: number;
}

export type BackgroundRequest =
  | { type: 'results-changed'; regionCount: number }
  | { type: 'highlight-tab'; tabId: number };

/** Response types by request type, so callers get typed answers. */
export interface ContentResponses {
  'get-results': PageResults;
  'jump-to-region': JumpResult;
  'toggle-highlights': { enabled: boolean };
}

export function isContentRequest(message: unknown): message is ContentRequest {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return type === 'get-results' || type === 'jump-to-region' || type === 'toggle-highlights';
}

export function isBackgroundRequest(message: unknown): message is BackgroundRequest {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return type === 'results-changed' || type === 'highlight-tab';
}
