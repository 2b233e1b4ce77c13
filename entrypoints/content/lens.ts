/**
 * Starts the highlighting engine on a document: the content script runs it on news pages, the
 * bundled demo article on itself. Settings are read, validated and followed live.
 */
// The snapshot as text, parsed below: JSON.parse of one string is the fastest way for V8 to
// build this much data (an object literal in the bundle costs several times more to parse).
import compiledJson from '../../data/dictionary-compiled.json?raw';
import { categories } from '../../data/dictionary';
import type { Settings } from '../../data/settings';
import { loadSettings, watchSettings } from '../../data/settings-store';
import { describeMatch } from './describe';
import { fromSnapshot, type CompiledDictionary, type DictionarySnapshot } from './matcher';
import { scanAhead } from './annotator';
import { yieldToPage, type WorkStats } from './slicer';
import { findArticleRoot } from './article-root';
import { PageAnnotation } from './page-annotation';
import { pageContext } from './page-topic';

let dictionary: CompiledDictionary | undefined;

/**
 * The dictionary, on first use: restored from the one compiled at build time
 * (data/dictionary-compiled.json, kept in sync with data/ by test/unit/matcher-snapshot.test.ts),
 * which takes a few milliseconds where compiling on the page took tens.
 */
export function getDictionary(): CompiledDictionary {
  dictionary ??= fromSnapshot(JSON.parse(compiledJson) as DictionarySnapshot);
  return dictionary;
}

export interface LensOptions {
  doc: Document;
  signal: AbortSignal;
  onResultsChanged?: (regionCount: number) => void;
}

export interface RunningLens {
  page: PageAnnotation;
  /** Settles when the first pass is complete (`data-fyp-status="ready"`). */
  ready: Promise<void>;
}

/** Starts annotating `doc`; resolves once settings are read, with the running annotation. */
export async function startLens({ doc, signal, onResultsChanged }: LensOptions): Promise<RunningLens> {
  const startedAt = performance.now();
  const knownCategories = new Set(categories.map((c) => c.id));
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
  }, knownCategories);
  signal.addEventListener('abort', unwatch, { once: true });
  // While the settings are on their way from storage: restore the dictionary and match the page.
  const pendingSettings = loadSettings(knownCategories);
  // Loading this script was one task already: restore the dictionary in the next.
  await yieldToPage();
  const compileStart = performance.now();
  const dictionary = getDictionary();
  const compileMs = performance.now() - compileStart;
  const stats: WorkStats = { workMs: 0, longestSliceMs: 0, slices: 0 };
  const scanning = scanAhead(dictionary, findArticleRoot(doc), pendingSettings, stats, signal, pageContext(doc));
  const settings = await pendingSettings;
  const settingsMs = performance.now() - startedAt;
  const scannedAhead = { blocks: await scanning, stats };
  page = new PageAnnotation({
    doc,
    dictionary,
    categories,
    settings,
    describe: describeMatch,
    signal,
    scannedAhead,
    ...(onResultsChanged ? { onResultsChanged } : {}),
  });
  const ready = page.start(startedAt, { compileMs, settingsMs });
  if (changedMeanwhile) apply(changedMeanwhile);
  return { page, ready };
}
