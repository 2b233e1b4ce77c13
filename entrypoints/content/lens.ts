/**
 * Starts the highlighting engine on a document: the content script runs it on news pages, the
 * bundled demo article on itself. Settings are read, validated and followed live.
 */
// The snapshot as text, parsed below: JSON.parse of one string is the fastest way for V8 to
// build this much data (an object literal in the bundle costs several times more to parse).
import compiledJson from '../../data/dictionary-compiled.json?raw';
import { browser } from 'wxt/browser';
import { sendToExtension } from '../../data/protocol';
import type { Settings } from '../../data/settings';
import { loadSettings, watchSettings } from '../../data/settings-store';
import type { CompiledData } from './compiled-data';
import { fromSnapshot, type CompiledDictionary } from './matcher';
import type { CategoryInfo } from './names';
import { scanAhead } from './annotator';
import { yieldToPage, type WorkStats } from './slicer';
import { findArticleRoot } from './article-root';
import { startHoverCards } from './hover-card';
import { PageAnnotation } from './page-annotation';
import { pageContext } from './page-topic';

let compiled: { dictionary: CompiledDictionary; categories: readonly CategoryInfo[] } | undefined;

/**
 * The dictionary and the sector categories, on first use: restored from those compiled at build time
 * (data/dictionary-compiled.json, kept in sync with data/ by test/unit/matcher-snapshot.test.ts),
 * so that the content script carries neither data/'s files nor the term rules' compile step.
 */
export function getDictionary(): { dictionary: CompiledDictionary; categories: readonly CategoryInfo[] } {
  if (!compiled) {
    const data = JSON.parse(compiledJson) as CompiledData;
    compiled = { dictionary: fromSnapshot(data.dictionary), categories: data.names.categories };
  }
  return compiled;
}

export interface LensOptions {
  doc: Document;
  signal: AbortSignal;
  onResultsChanged?: (regionCount: number, fresh: boolean) => void;
}

export interface RunningLens {
  page: PageAnnotation;
  /** Settles when the first pass is complete (`data-fyp-status="ready"`). */
  ready: Promise<void>;
}

/** Starts annotating `doc`; resolves once settings are read, with the running annotation. */
export async function startLens({ doc, signal, onResultsChanged }: LensOptions): Promise<RunningLens> {
  const startedAt = performance.now();
  let page: PageAnnotation | undefined;
  /** A change stored while the first read was on its way, before there was a page to apply it to. */
  let changedMeanwhile: Settings | undefined;
  const apply = (next: Settings): void => {
    page?.applySettings(next).catch((error: unknown) => console.error('[fyp] applying settings failed', error));
  };
  // Watch before the first read: a change stored between that read and a later watch would
  // never reach this tab.
  const unwatch = watchSettings(({ settings: next }) => {
    if (page) apply(next);
    else changedMeanwhile = next;
  });
  signal.addEventListener('abort', unwatch, { once: true });
  // While the settings are on their way from storage: restore the dictionary and match the page.
  // (Category ids the dataset does not know are harmless here, so the settings are read without
  // them: the names that hold the category list are restored in the next task, not this one.)
  const pendingSettings = loadSettings();
  // Loading this script was one task already: restore the dictionary in the next.
  await yieldToPage();
  const compileStart = performance.now();
  const { dictionary, categories } = getDictionary();
  const compileMs = performance.now() - compileStart;
  const stats: WorkStats = { workMs: 0, longestSliceMs: 0, slices: 0 };
  const scanning = scanAhead(dictionary, findArticleRoot(doc), pendingSettings, stats, signal, pageContext(doc));
  // Also while the settings are on their way: the cards ask the page whether they are on.
  const runtime = browser.runtime;
  const cards = startHoverCards({
    doc,
    signal,
    enabled: () => page?.cardsOn() ?? false,
    fetchCard: async (entity) => {
      const card = await sendToExtension(runtime, { type: 'hover-card', entity, pageRegions: page?.regionsOnPage() ?? [] });
      if (!card) throw new Error('no card');
      return card;
    },
    openSummary: () => {
      sendToExtension(runtime, { type: 'open-summary' }).catch((error: unknown) => console.warn('[fyp] could not open the summary', error));
    },
  });
  const settings = await pendingSettings;
  const settingsMs = performance.now() - startedAt;
  const scannedAhead = { blocks: await scanning, stats };
  page = new PageAnnotation({
    doc,
    dictionary,
    categories,
    settings,
    signal,
    scannedAhead,
    onResultsChanged: (regionCount, fresh) => {
      // A sector's card names the page's regions that prioritise it.
      cards.invalidate();
      onResultsChanged?.(regionCount, fresh);
    },
  });
  const ready = page.start(startedAt, { compileMs, settingsMs });
  if (changedMeanwhile) apply(changedMeanwhile);
  return { page, ready };
}
