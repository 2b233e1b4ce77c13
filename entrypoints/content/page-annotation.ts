/**
 * One page's annotation: picks the article root, runs the first pass, follows later content
 * and SPA navigation, applies settings live, and answers the popup. Everything it adds to the
 * page is removed by `destroy()`.
 */
import type { RegionId } from '../../data/schema';
import type { JumpResult, PageResults, PageState } from '../../data/protocol';
import { isCategoryEnabled, isSiteDisabled, type Settings } from '../../data/settings';
import { Annotator, type ScannedAhead } from './annotator';
import { findServerRenderedRoots } from './framework-roots';
import { Highlighter } from './highlighter';
import type { WorkStats } from './slicer';
import { findArticleRoot, findArticleRoots } from './article-root';
import { isEnabled, type CompiledDictionary, type MatchFilter } from './matcher';
import type { CategoryInfo } from './names';
import type { NearWatcherFactory } from './near-viewport';
import { installPageStyle } from './page-style';
import { isAboutChina, pageContext } from './page-topic';
import { watchPage, type PageWatcher } from './page-watcher';
import { keepSentences } from './sentences';

export const STATUS_ATTR = 'data-fyp-status';

export interface PageAnnotationOptions {
  doc: Document;
  dictionary: CompiledDictionary;
  categories: readonly CategoryInfo[];
  settings: Settings;
  /**
   * Told whenever the mentions may have changed (the popup reloads them), with the number of
   * regions on the page (the badge). `fresh`: the first telling since the page started or was
   * told to renotify, when the tab's badge and toolbar icon are at the browser's defaults.
   */
  onResultsChanged?: (regionCount: number, fresh: boolean) => void;
  signal: AbortSignal;
  /** Blocks matched while the settings loaded, and the time that took (see scanAhead). */
  scannedAhead?: { blocks: ScannedAhead; stats: WorkStats };
  /** Tests: fewer marks before deferring, and a stand-in for the viewport (see Annotator). */
  eagerMarks?: number;
  nearWatcher?: NearWatcherFactory;
}

export function filterFor(settings: Settings, categories: readonly Pick<CategoryInfo, 'id'>[]): MatchFilter {
  return {
    regions: settings.regions,
    cities: settings.cities,
    clusters: settings.clusters,
    categories: new Set(categories.filter((c) => isCategoryEnabled(settings, c.id)).map((c) => c.id)),
  };
}

/** Whether `next` only switches things off compared with `prev` (so marks can just be removed). */
function onlyNarrows(prev: MatchFilter, next: MatchFilter): boolean {
  if (next.regions && !prev.regions) return false;
  if (next.cities && !prev.cities) return false;
  if (next.clusters && !prev.clusters) return false;
  for (const id of next.categories) if (!prev.categories.has(id)) return false;
  return true;
}

export class PageAnnotation {
  private readonly doc: Document;
  private settings: Settings;
  private readonly annotator: Annotator;
  private readonly highlighter: Highlighter;
  private readonly watcher: PageWatcher;
  /** What the background was last told (see notify). */
  private told: { regionCount: number; key: string } | undefined;
  private readonly style: ReturnType<typeof installPageStyle>;
  /** The article root the last pass chose. */
  private root: Element;
  /**
   * Every root annotated and still on the page: a new view's article root is added to them, so
   * that content still on screen keeps its marks (see followRoot).
   */
  private roots: Element[] = [];
  /** Counts reruns, so that a pass over several roots stops when a newer one starts. */
  private runs = 0;
  /** Highlights switched off on this tab only (keyboard shortcut), until switched on again. */
  private tabOff = false;
  private pass: Promise<void> = Promise.resolve();
  private jumpIndex = new Map<string, number>();
  /** Whether the page is about China (sector words are marked only then), and its title and headline. */
  private onTopic = true;
  private context = '';

  constructor(private readonly options: PageAnnotationOptions) {
    this.doc = options.doc;
    this.settings = options.settings;
    // Chosen by each pass (rerun), the first included: the article may render late.
    this.root = this.doc.documentElement;
    // One MutationObserver (the watcher's) sees the page's changes: the highlighter withdraws
    // marks from what the page touched at once, the watcher batches what to annotate again.
    this.highlighter = new Highlighter({
      onWithdrawn: (element) => {
        // For DevTools and the page-safety tests: how often the page made us withdraw marks.
        performance.mark('fyp:withdrawn');
        this.annotator.withdrawn(element);
        this.watcher.touch(element);
      },
      beforeOwnWork: () => this.watcher.takePageChanges(),
      afterOwnWork: () => this.watcher.ignoreOwnChanges(),
    });
    this.watcher = watchPage(this.doc, (changes) => this.onPageChanges(changes.targets, changes.rescan), {
      signal: options.signal,
      onRecords: (records) => this.highlighter.pageChanged(records),
    });
    this.annotator = new Annotator(
      {
        highlighter: this.highlighter,
        dictionary: options.dictionary,
        filter: this.filter(),
        firstMentionOnly: this.settings.firstMentionOnly,
        ...(options.scannedAhead ? { scannedAhead: options.scannedAhead.blocks } : {}),
        beforeDomWork: () => this.watcher.pause(),
        afterDomWork: () => this.watcher.resume(),
        ...(options.eagerMarks !== undefined ? { eagerMarks: options.eagerMarks } : {}),
        ...(options.nearWatcher ? { nearWatcher: options.nearWatcher } : {}),
      },
      options.scannedAhead?.stats,
    );
    this.style = installPageStyle(this.doc, this.styleInput());
    // A printout (or PDF) of a very long page has every highlight, not just those scrolled past.
    this.doc.defaultView?.addEventListener('beforeprint', this.beforePrint);
    // Starting takes a few turns (settings, dictionary): the extension may have gone meanwhile.
    if (options.signal.aborted) this.destroy();
    else options.signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** The settings' filter; no sectors on a page that is not about China. */
  private filter(): MatchFilter {
    const filter = filterFor(this.settings, this.options.categories);
    return this.onTopic ? filter : { ...filter, categories: new Set() };
  }

  private styleInput() {
    return { categories: this.options.categories, colors: this.settings.colors, style: this.settings.style };
  }

  get state(): PageState {
    return this.isOn() ? 'ready' : 'off';
  }

  private isOn(): boolean {
    return this.settings.enabled && !this.tabOff && !isSiteDisabled(this.settings, this.doc.location.hostname);
  }

  /** The first pass; `<html data-fyp-status="ready">` once it is done (also with nothing found). */
  async start(startedAt = performance.now(), extra: Record<string, number> = {}): Promise<void> {
    if (this.options.signal.aborted) return;
    await this.rerun();
    if (this.options.signal.aborted) return;
    this.doc.documentElement.setAttribute(STATUS_ATTR, 'ready');
    // A user-timing mark, visible in DevTools' performance panel and read by `npm run bench`.
    performance.mark('fyp:ready', {
      detail: { ...this.annotator.stats, ...extra, startedAt, sinceStartMs: performance.now() - startedAt },
    });
  }

  /** Undo everything and annotate the roots again (the article root chosen anew). */
  private rerun(): Promise<void> {
    const run = ++this.runs;
    const unwrapped = this.annotator.reset();
    this.watcher.ignoreOwnChanges();
    this.jumpIndex.clear();
    if (!this.isOn()) {
      this.notify();
      return (this.pass = unwrapped);
    }
    this.readPage();
    this.highlighter.setUnsplittable(findServerRenderedRoots(this.doc));
    const roots = this.roots;
    this.pass = (async () => {
      for (const root of roots) {
        // A later rerun has reset the annotator: its pass annotates the roots.
        if (run !== this.runs) return;
        await this.annotator.annotate(root, this.options.signal);
      }
    })().then(() => this.notify());
    return this.pass;
  }

  /**
   * Chooses the article root again and reads the title: the roots become the new root and the
   * earlier roots still on the page that it does not hold. Returns the roots found, and whether
   * the page's topic changed (sector words on or off).
   */
  private readPage(): { found: Element[]; topicChanged: boolean } {
    const found = findArticleRoots(this.doc);
    const root = found[found.length - 1] as Element;
    this.root = root;
    this.roots = [...this.roots.filter((r) => r.isConnected && !found.some((f) => f.contains(r))), ...found];
    const wasOnTopic = this.onTopic;
    this.context = pageContext(this.doc);
    this.onTopic = isAboutChina(this.options.dictionary, this.context, root);
    this.annotator.setOptions({ filter: this.filter(), context: this.context });
    return { found, topicChanged: wasOnTopic !== this.onTopic };
  }

  /**
   * A new view (SPA navigation) or a new article root: the new root is annotated and nothing is
   * unmarked, so live content that stays on screen keeps its marks (content the page removed
   * takes its marks with it).
   */
  private followRoot(): void {
    if (!this.isOn()) return;
    const { found, topicChanged } = this.readPage();
    if (topicChanged) {
      void this.rerun();
      return;
    }
    this.pass = this.pass
      .then(async () => {
        for (const root of found) await this.annotator.annotate(root, this.options.signal, { eager: true });
      })
      .then(() => this.notify());
  }

  private onPageChanges(targets: Element[], rescan: boolean): void {
    if (!this.isOn()) return;
    if (rescan) {
      void this.rerun();
      return;
    }
    // A live blog may outgrow the element first chosen as its article: follow the new root.
    // (Only changes outside the roots can move it; finding it may walk the whole page.)
    const outside = targets.some((t) => !this.roots.some((r) => r.contains(t)));
    if (outside && findArticleRoot(this.doc) !== this.root) {
      this.followRoot();
      return;
    }
    for (const target of targets) {
      const scopes = this.roots.some((r) => r.contains(target)) ? [target] : this.roots.filter((r) => target.contains(r));
      for (const scope of scopes) {
        this.annotator.clearWithin(scope);
        // Unwrapping is our own change: forget it, or it would come back as a page change.
        this.watcher.ignoreOwnChanges();
        // Eager: these blocks were marked before (or are new, where the reader is reading).
        this.pass = this.pass.then(() => this.annotator.annotate(scope, this.options.signal, { eager: true }));
      }
    }
    this.pass = this.pass.then(() => this.notify());
  }

  /** SPA navigation: the page shows a new article now (what stays on screen keeps its marks). */
  onLocationChange(): void {
    this.followRoot();
  }

  /** Applies new settings: removes exactly what was switched off, re-annotates what was switched on. */
  async applySettings(next: Settings): Promise<void> {
    const wasOn = this.isOn();
    const prev = this.settings;
    this.settings = next;
    this.style.update(this.styleInput());
    const filter = this.filter();
    const prevFilter = this.annotator.filter;
    this.annotator.setOptions({ filter, firstMentionOnly: next.firstMentionOnly });
    if (!this.isOn()) {
      if (wasOn) await this.rerun();
      return;
    }
    if (wasOn && prev.firstMentionOnly === next.firstMentionOnly && onlyNarrows(prevFilter, filter)) {
      const removed = this.annotator.removeWhere((entity) => !isEnabled(entity, filter));
      this.watcher.ignoreOwnChanges();
      this.notify();
      await removed;
      return;
    }
    await this.rerun();
  }

  /** Keyboard shortcut: highlights off or on for this tab. */
  async toggle(): Promise<boolean> {
    this.tabOff = !this.tabOff;
    await this.rerun();
    return this.isOn();
  }

  results(): PageResults {
    const { mentions, leftOut } = keepSentences(this.isOn() ? this.annotator.mentions() : []);
    return {
      url: this.doc.location.href,
      title: this.doc.title,
      state: this.state,
      mentions,
      sentencesLeftOut: leftOut,
      blocksLeftAlone: this.isOn() ? this.annotator.leftAloneCount() : 0,
    };
  }

  /** Whether hover cards are on for this page. */
  cardsOn(): boolean {
    return this.isOn() && this.settings.hoverCards;
  }

  /** The regions the page names (a city counting for its region). */
  regionsOnPage(): RegionId[] {
    return this.isOn() ? [...this.annotator.regions()] : [];
  }

  /** Scrolls to the next mention of a region (or one of its cities) and flashes it. */
  async jumpTo(region: RegionId): Promise<JumpResult> {
    // On a very long page some of its mentions may not be wrapped yet (far from the viewport).
    await this.annotator.revealRegion(region);
    const marks = this.annotator.marksOfRegion(region);
    if (marks.length === 0) return { found: false, position: 0, total: 0 };
    const index = (this.jumpIndex.get(region) ?? -1) + 1;
    const position = index % marks.length;
    this.jumpIndex.set(region, position);
    // A mention split over two text nodes has two marks; flash both.
    const mark = marks[position] as HTMLElement;
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark.classList.add('fyp-flash');
    setTimeout(() => mark.classList.remove('fyp-flash'), 1500);
    return { found: true, position: position + 1, total: marks.length };
  }

  /** Tells the background (badge, popup) about the results, only when they may have changed. */
  private notify(): void {
    if (this.options.signal.aborted) return;
    const regionCount = this.isOn() ? this.annotator.regionCount() : 0;
    const key = this.isOn() ? this.annotator.resultsKey() : '';
    if (this.told && this.told.regionCount === regionCount && this.told.key === key) return;
    const fresh = this.told === undefined;
    this.told = { regionCount, key };
    performance.mark('fyp:results-changed', { detail: { regionCount } });
    this.options.onResultsChanged?.(regionCount, fresh);
  }

  /** Tells the background again even if nothing changed (the page came back from bfcache). */
  renotify(): void {
    this.told = undefined;
    this.notify();
  }

  private readonly beforePrint = (): void => {
    this.annotator.revealAllNow();
  };

  destroy(): void {
    this.doc.defaultView?.removeEventListener('beforeprint', this.beforePrint);
    this.watcher.destroy();
    void this.annotator.reset();
    this.highlighter.destroy();
    this.style.remove();
    this.doc.documentElement.removeAttribute(STATUS_ATTR);
  }
}
