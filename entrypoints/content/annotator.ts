/**
 * Keeps one page region annotated: walks its text blocks in time slices, asks the matcher for
 * matches, has the highlighter wrap them, and remembers per block what it added so that blocks
 * can be redone, categories switched off exactly, and everything undone. On very long pages the
 * marks of blocks far from the viewport are wrapped when the reader comes near them (their
 * mentions count from the start).
 */
import type { RegionId } from '../../data/schema';
import type { EntityKind, PageMention } from '../../data/protocol';

/** The entity part of a mention or mark. */
export type MarkedEntity = Pick<PageMention, 'kind' | 'id' | 'region' | 'category'>;
import { findMatches, isEnabled, type CompiledDictionary, type Match, type MatchFilter } from './matcher';
import { MARK_ELEMENT, type Highlighter, type HighlightRange } from './highlighter';
import { nearViewport, type NearWatcher, type NearWatcherFactory } from './near-viewport';
import { sentenceFinder } from './sentences';
import { Slicer, type WorkStats } from './slicer';
import { blockText, walkTextBlocks, type TextBlock } from './text-blocks';

interface BlockRecord {
  marks: HTMLElement[];
  /** The block's text when it was annotated, and what was marked in it. */
  text: string;
  matches: Match[];
  /** Orders the block's mentions among the page's. */
  index: number;
  /** Built when first asked for: the popup wants them, the badge only counts regions. */
  mentions?: PageMention[];
  /** Fingerprint of text and matches, when first asked for (see resultsKey). */
  key?: number;
  /** Matched but not wrapped yet: far from the viewport on a very long page (see EAGER_MARKS). */
  deferred?: boolean;
}

/** Blocks matched before the settings were known, with every match (a filter only removes some). */
export type ScannedAhead = Map<Element, { text: string; matches: Match[] }>;

export interface AnnotatorOptions {
  dictionary: CompiledDictionary;
  /** Blocks scanned while the settings were loading (see scanAhead): used once, if unchanged. */
  scannedAhead?: ScannedAhead;
  filter: MatchFilter;
  /** The page's title and headline: decide names a paragraph leaves open (see FindOptions). */
  context?: string;
  firstMentionOnly: boolean;
  /** Longest stretch of main-thread work before yielding to the page, in ms. */
  sliceMs?: number;
  /** Called before and after each synchronous stretch of DOM work (the page watcher pauses). */
  beforeDomWork?: () => void;
  afterDomWork?: () => void;
  /** Marks a pass wraps before it defers the rest to when they come near (EAGER_MARKS). */
  eagerMarks?: number;
  /** Watches deferred blocks for coming near the viewport (nearViewport). */
  nearWatcher?: NearWatcherFactory;
  /** Makes and undoes every mark (and withdraws them when the page touches them). */
  highlighter: Highlighter;
}

/** Our marks, for selectors elsewhere (page watcher, jump). */
export const OUR_MARKS = `${MARK_ELEMENT}[data-fyp-kind]`;

/**
 * Up to this many marks are unwrapped at once (about 30 ms on the development machine); more
 * are unwrapped in slices, block by block: 23,716 marks at once took 367 ms.
 */
const UNWRAP_AT_ONCE = 2_000;

/**
 * Marks wrapped while a page loads; beyond them, blocks are matched (the popup and badge count
 * their mentions) but wrapped only when they come near the viewport. News articles have far
 * fewer marks than this and are wrapped whole. Each mark wrapped at load costs the page: the
 * browser lays out every paragraph we touch, and on the generated 50,000-word page (3,956 names)
 * wrapping 300 marks instead of 1,000 cut the page's extra main-thread time by 27%.
 */
export const EAGER_MARKS = 300;

/**
 * Matches the blocks under `root` before the settings have arrived (matching does not depend on
 * them), in slices, until `until` settles: the first pass then only filters and wraps them.
 */
export async function scanAhead(
  dictionary: CompiledDictionary,
  root: Element,
  until: Promise<unknown>,
  stats: WorkStats,
  signal?: AbortSignal,
  context?: string,
): Promise<ScannedAhead> {
  let settled = false;
  const settle = () => {
    settled = true;
  };
  until.then(settle, settle);
  const scanned: ScannedAhead = new Map();
  // Behind the page's tasks: the settings' answer must get in (matching changes no DOM).
  const slicer = new Slicer(stats, { behind: true });
  for (const block of walkTextBlocks(root)) {
    // Yield before a block, not after one: the last block must not wait a turn for nothing.
    if (slicer.due()) await slicer.next();
    if (settled || signal?.aborted) break;
    const text = blockText(block);
    scanned.set(block.element, { text, matches: findMatches(dictionary, text, undefined, { context }) });
  }
  slicer.finish();
  return scanned;
}

/** A mark's attributes (the contract in the README); its card or tooltip comes from hover-card.ts. */
function attributesFor(match: Match): Record<string, string> {
  const attributes: Record<string, string> = { 'data-fyp-kind': match.kind, 'data-fyp-id': match.id };
  if (match.region) attributes['data-fyp-region'] = match.region;
  if (match.category) attributes['data-fyp-category'] = match.category;
  return attributes;
}

export class Annotator {
  private readonly records = new Map<Element, BlockRecord>();
  private options: AnnotatorOptions;
  /** Bumped by every reset, so a pass still running from before stops at its next slice. */
  private generation = 0;
  private blockCounter = 0;
  /** Main-thread time spent annotating (scanning ahead included, when given). */
  readonly stats: WorkStats;
  private scannedAhead: ScannedAhead | undefined;
  /** Marks being unwrapped in slices (see unwrap); passes wait for it. */
  private unwrapping: Promise<void> = Promise.resolve();
  /** Marks passes may still wrap before deferring blocks (reset with everything else). */
  private eagerLeft: number;
  /** Watches the deferred blocks, made when the first block is deferred. */
  private near: NearWatcher | undefined;
  /** Deferred blocks being wrapped, in order of coming near. */
  private revealing: Promise<void> = Promise.resolve();

  constructor(options: AnnotatorOptions, stats: WorkStats = { workMs: 0, longestSliceMs: 0, slices: 0 }) {
    this.options = options;
    this.stats = stats;
    this.scannedAhead = options.scannedAhead;
    this.eagerLeft = options.eagerMarks ?? EAGER_MARKS;
  }

  /**
   * Annotates every block under `root` (redoing blocks already annotated), in slices. `eager`
   * wraps every block at once (nothing deferred to the viewport): for blocks the page changed,
   * whose marks would otherwise vanish until the next frame's check.
   */
  async annotate(root: Element, signal?: AbortSignal, { eager = false } = {}): Promise<void> {
    const generation = this.generation;
    // Marks still being unwrapped would hide their text from the walk.
    await this.unwrapping;
    const slicer = this.slicerFor(root.ownerDocument);
    // Blocks come out of the walk inner ones first; mentions are numbered in document order.
    const base = this.blockCounter;
    try {
      for (const block of walkTextBlocks(root)) {
        // Yield before a block, not after one: the last block must not wait a turn for nothing.
        if (slicer.due()) await slicer.next();
        if (signal?.aborted || generation !== this.generation) return;
        this.blockCounter = Math.max(this.blockCounter, base + block.order + 1);
        const index = base + block.order;
        slicer.noteChanges(this.annotateBlock(block, index, eager));
      }
    } finally {
      // Also when a block throws: the page watcher must not stay paused.
      slicer.finish();
    }
    // What was scanned ahead served the first pass; later passes read the page as it is then.
    this.scannedAhead = undefined;
  }

  /**
   * Annotates one block, replacing what an earlier pass added to it. `index` orders its mentions
   * among the page's (a new block goes after every block seen so far). Returns how many marks it
   * added or removed (what the browser will have to render). `eager` wraps it even when the
   * pass's eager marks are used up (it is wanted on screen now), without using any up.
   */
  annotateBlock(block: TextBlock, index = this.blockCounter++, eager = false): number {
    const old = this.records.get(block.element);
    const { highlighter } = this.options;
    if (old) {
      highlighter.unmark([block.element]);
      this.records.delete(block.element);
      if (old.deferred) this.near?.unobserve(block.element);
      // The walk saw the text nodes we had inserted, gone now: read the block again.
      const element = block.element;
      block = [...walkTextBlocks(element)].find((b) => b.element === element) ?? block;
      if (block.nodes.some((n) => !n.isConnected)) return old.marks.length;
    }
    const text = blockText(block);
    const { filter } = this.options;
    const ahead = this.scannedAhead?.get(block.element);
    let matches =
      ahead !== undefined && ahead.text === text
        ? ahead.matches.filter((match) => isEnabled(match, filter))
        : findMatches(this.options.dictionary, text, filter, { context: this.options.context });
    if (this.options.firstMentionOnly) {
      const seen = new Set<string>();
      matches = matches.filter((m) => {
        const key = `${m.kind}:${m.id}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    if (matches.length === 0) return old?.marks.length ?? 0;
    if (highlighter.isLeftAlone(block.element)) {
      // The page keeps removing what we add here: its mentions count, it is not marked.
      this.records.set(block.element, { marks: [], text, matches, index });
      return old?.marks.length ?? 0;
    }
    if (!eager && this.eagerLeft <= 0) {
      this.records.set(block.element, { marks: [], text, matches, index, deferred: true });
      this.nearWatcher().observe(block.element);
      return old?.marks.length ?? 0;
    }
    const marks = highlighter.mark(block, this.rangesFor(matches, text), text);
    if (!eager) this.eagerLeft -= marks.length;
    this.records.set(block.element, { marks, text, matches, index });
    return marks.length + (old?.marks.length ?? 0);
  }

  /** The page touched this block and the highlighter withdrew its marks. */
  withdrawn(element: Element): void {
    const record = this.records.get(element);
    if (record) record.marks = [];
  }

  /**
   * A fingerprint of the results (each block's matches and text length, in any order): equal
   * fingerprints mean nothing to tell the background. A block annotated again with the same
   * text gives the same one.
   */
  resultsKey(): string {
    let sum = 0;
    let count = 0;
    for (const record of this.liveRecords()) {
      record.key ??= recordKey(record.text, record.matches);
      sum = (sum + record.key) | 0;
      count += record.matches.length;
    }
    return `${count}:${sum}`;
  }

  private rangesFor(matches: readonly Match[], text: string): HighlightRange[] {
    return matches.map((match) => ({
      start: match.start,
      end: match.end,
      text: text.slice(match.start, match.end),
      attributes: attributesFor(match),
    }));
  }

  private nearWatcher(): NearWatcher {
    this.near ??= (this.options.nearWatcher ?? nearViewport)((elements) => void this.reveal(elements));
    return this.near;
  }

  /**
   * Wraps the marks of deferred blocks (those among `elements`), in slices, after any unwrapping
   * or revealing in progress. A block whose text changed since it was matched is matched again.
   */
  private reveal(elements: readonly Element[]): Promise<void> {
    const generation = this.generation;
    this.revealing = this.revealing.then(async () => {
      await this.unwrapping;
      const blocks = elements.filter((element) => this.records.get(element)?.deferred && element.isConnected);
      if (blocks.length === 0 || generation !== this.generation) return;
      blocks.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      const slicer = this.slicerFor(blocks[0]?.ownerDocument);
      try {
        for (const element of blocks) {
          if (slicer.due()) await slicer.next();
          if (generation !== this.generation) return;
          const record = this.records.get(element);
          if (record?.deferred) slicer.noteChanges(this.wrapDeferred(element, record));
        }
      } finally {
        slicer.finish();
      }
      // For DevTools' performance panel, and `npm run bench` (work done while scrolling).
      performance.mark('fyp:revealed', { detail: { ...this.stats } });
    });
    // A failure must not stop later reveals (they are chained) nor reach the page.
    this.revealing = this.revealing.catch((error: unknown) => console.error('[fyp] wrapping near marks failed', error));
    return this.revealing;
  }

  /** Wraps one deferred block's marks; returns how many marks changed. */
  private wrapDeferred(element: Element, record: BlockRecord): number {
    this.near?.unobserve(element);
    const block = [...walkTextBlocks(element)].find((b) => b.element === element);
    if (block === undefined || blockText(block) !== record.text) {
      // Changed under us (the page watcher will also report it): match it again, now.
      this.records.delete(element);
      return block ? this.annotateBlock(block, record.index, true) : 0;
    }
    record.marks = this.options.highlighter.mark(block, this.rangesFor(record.matches, record.text), record.text);
    record.deferred = false;
    return record.marks.length;
  }

  /**
   * Wraps every deferred block at once, in one task: before the page is printed, when there is
   * no later (the print layout is made right after the beforeprint event).
   */
  revealAllNow(): void {
    const waiting = [...this.records].filter(([element, record]) => record.deferred && element.isConnected);
    if (waiting.length === 0) return;
    this.options.beforeDomWork?.();
    try {
      for (const [element, record] of waiting) this.wrapDeferred(element, record);
    } finally {
      this.options.afterDomWork?.();
    }
  }

  /** Wraps every deferred block with a mention of `region` (or of its cities): before a jump. */
  revealRegion(region: RegionId): Promise<void> {
    const blocks: Element[] = [];
    for (const [element, record] of this.records) {
      if (record.deferred && record.matches.some((match) => match.region === region)) blocks.push(element);
    }
    return blocks.length > 0 ? this.reveal(blocks) : this.revealing;
  }

  /** A slicer for a loop that changes `doc`: our time slices, frame pacing, the watcher told. */
  private slicerFor(doc: Document | undefined): Slicer {
    const { sliceMs, beforeDomWork, afterDomWork } = this.options;
    return new Slicer(this.stats, { sliceMs, beforeSlice: beforeDomWork, afterSlice: afterDomWork, doc });
  }

  /**
   * Unwraps the marks of blocks already dropped from the records (`marks` of them in all): at
   * once when they are few, else in slices after any unwrapping still in progress. Settles when
   * they are all gone.
   */
  private unwrap(blocks: Element[], marks: number): Promise<void> {
    const { highlighter } = this.options;
    if (marks <= UNWRAP_AT_ONCE) {
      highlighter.unmark(blocks);
      return this.unwrapping;
    }
    this.unwrapping = this.unwrapping.then(async () => {
      const slicer = this.slicerFor(blocks[0]?.ownerDocument);
      try {
        for (const block of blocks) {
          if (slicer.due()) await slicer.next();
          highlighter.unmark([block]);
          slicer.noteChanges(1);
        }
      } finally {
        slicer.finish();
      }
    });
    return this.unwrapping;
  }

  /** Removes the marks (and mentions) of blocks inside `element`, e.g. before redoing them. */
  clearWithin(element: Element): void {
    const blocks: Element[] = [];
    let marks = 0;
    for (const [block, record] of this.records) {
      if (element === block || element.contains(block)) {
        blocks.push(block);
        marks += record.marks.length;
        this.records.delete(block);
        if (record.deferred) this.near?.unobserve(block);
      }
    }
    void this.unwrap(blocks, marks);
  }

  /**
   * Removes exactly the marks (and mentions) of entities for which `drop` is true: each block
   * concerned is unmarked and marked again with what remains.
   */
  removeWhere(drop: (entity: MarkedEntity) => boolean): Promise<void> {
    const redo: Element[] = [];
    for (const [element, record] of this.records) {
      const kept = record.matches.filter((match) => !drop(match));
      if (kept.length === record.matches.length) continue;
      record.matches = kept;
      delete record.mentions;
      delete record.key;
      if (record.marks.length > 0) redo.push(element);
    }
    if (redo.length === 0) return this.unwrapping;
    const generation = this.generation;
    this.unwrapping = this.unwrapping.then(async () => {
      const slicer = this.slicerFor(redo[0]?.ownerDocument);
      try {
        for (const element of redo) {
          if (slicer.due()) await slicer.next();
          const record = this.records.get(element);
          if (generation !== this.generation || !record || record.marks.length === 0) continue;
          this.options.highlighter.unmark([element]);
          const block = [...walkTextBlocks(element)].find((b) => b.element === element);
          const text = block ? blockText(block) : '';
          record.marks =
            block && text === record.text
              ? this.options.highlighter.mark(block, this.rangesFor(record.matches, text), text)
              : [];
          slicer.noteChanges(record.marks.length + 1);
        }
      } finally {
        slicer.finish();
      }
    });
    return this.unwrapping;
  }

  /**
   * Undoes everything this annotator added and stops any pass in progress; settles when the
   * marks are gone (at once on most pages, see unwrap).
   */
  reset(): Promise<void> {
    this.generation++;
    this.near?.disconnect();
    this.near = undefined;
    this.eagerLeft = this.options.eagerMarks ?? EAGER_MARKS;
    let marks = 0;
    for (const record of this.records.values()) marks += record.marks.length;
    const blocks = [...this.records.keys()];
    this.records.clear();
    return this.unwrap(blocks, marks);
  }

  /** Blocks the page kept changing under our marks, left unmarked (their mentions count). */
  leftAloneCount(): number {
    return this.options.highlighter.leftAloneCount();
  }

  setOptions(options: Partial<AnnotatorOptions>): void {
    this.options = { ...this.options, ...options };
  }

  get filter(): MatchFilter {
    return this.options.filter;
  }

  /** The records of blocks still on the page (forgetting those the page has removed). */
  private liveRecords(): BlockRecord[] {
    const live: BlockRecord[] = [];
    for (const [block, record] of this.records) {
      if (block.isConnected) live.push(record);
      else {
        // Gone from the page: its nodes get their text back, should the page put it back.
        this.options.highlighter.unmark([block]);
        this.records.delete(block);
      }
    }
    return live;
  }

  /** Mentions in page order. */
  mentions(): PageMention[] {
    const all: PageMention[] = [];
    for (const record of this.liveRecords()) {
      if (!record.mentions) {
        // One finder per block: its sentence ends are found once for all its mentions.
        const sentenceOf = sentenceFinder(record.text);
        record.mentions = record.matches.map((match) => ({
          kind: match.kind,
          id: match.id,
          ...(match.region ? { region: match.region } : {}),
          ...(match.category ? { category: match.category } : {}),
          text: record.text.slice(match.start, match.end),
          // Sector and strategy mentions' sentences are shown nowhere: not worked out, not sent.
          sentence: match.region === undefined ? '' : sentenceOf(match.start, match.end),
          block: record.index,
        }));
      }
      all.push(...record.mentions);
    }
    return all.sort((a, b) => a.block - b.block);
  }

  /** The regions the marks name (a city counts for its region). */
  regions(): Set<RegionId> {
    const regions = new Set<RegionId>();
    for (const record of this.liveRecords()) {
      for (const match of record.matches) if (match.region) regions.add(match.region);
    }
    return regions;
  }

  /** How many regions the marks name: the badge number. */
  regionCount(): number {
    return this.regions().size;
  }

  /** Marks of a region and of its cities, in document order. */
  marksOfRegion(region: RegionId): HTMLElement[] {
    const marks: HTMLElement[] = [];
    for (const record of this.records.values()) {
      for (const mark of record.marks) {
        if (mark.isConnected && mark.getAttribute('data-fyp-region') === region) marks.push(mark);
      }
    }
    return marks.sort((a, b) =>
      a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
  }
}

/**
 * A 32-bit FNV-1a hash of what was matched in a block, and the length of its text: cheap on long
 * pages, and a changed mention changes it.
 */
function recordKey(text: string, matches: readonly Match[]): number {
  let h = 0x811c9dc5;
  const add = (code: number) => {
    h = Math.imul(h ^ code, 0x01000193);
  };
  add(text.length);
  for (const match of matches) {
    add(match.start);
    add(match.end);
    for (let i = 0; i < match.id.length; i++) add(match.id.charCodeAt(i));
  }
  return h | 0;
}

/** What a mark stands for, read back from its attributes. */
export function entityOfMark(mark: Element): MarkedEntity {
  const region = mark.getAttribute('data-fyp-region');
  const category = mark.getAttribute('data-fyp-category');
  return {
    kind: mark.getAttribute('data-fyp-kind') as EntityKind,
    id: mark.getAttribute('data-fyp-id') ?? '',
    ...(region ? { region: region as RegionId } : {}),
    ...(category ? { category } : {}),
  };
}
