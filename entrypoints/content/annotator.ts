/**
 * Keeps one page region annotated: walks its text blocks in time slices, asks the matcher for
 * matches, has the highlighter wrap them, and remembers per block what it added so that blocks
 * can be redone, categories switched off exactly, and everything undone.
 */
import type { RegionId } from '../../data/schema';
import type { EntityKind, PageMention } from '../../data/protocol';

/** The entity part of a mention or mark. */
export type MarkedEntity = Pick<PageMention, 'kind' | 'id' | 'region' | 'category'>;
import { findMatches, type CompiledDictionary, type Match, type MatchFilter } from './matcher';
import { highlightRanges, MARK_ELEMENT, removeMarks, type HighlightRange } from './highlighter';
import { sentenceAround } from './sentences';
import { blockText, walkTextBlocks, type TextBlock } from './text-blocks';

interface BlockRecord {
  marks: HTMLElement[];
  mentions: PageMention[];
}

export interface AnnotatorOptions {
  dictionary: CompiledDictionary;
  filter: MatchFilter;
  firstMentionOnly: boolean;
  /** Tooltip for a match ("Ningbo — city in Zhejiang"). */
  describe?: (match: Match) => string;
  /** Longest stretch of main-thread work before yielding to the page, in ms. */
  sliceMs?: number;
  /** Called after each synchronous stretch of DOM work (the page watcher forgets it). */
  afterDomWork?: () => void;
}

/** Our marks, for selectors elsewhere (page watcher, jump). */
export const OUR_MARKS = `${MARK_ELEMENT}[data-fyp-kind]`;

/** Lets the page handle input and paint; scheduler.yield resumes us ahead of other tasks. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

function attributesFor(match: Match, describe?: (match: Match) => string): Record<string, string> {
  const attributes: Record<string, string> = { 'data-fyp-kind': match.kind, 'data-fyp-id': match.id };
  if (match.region) attributes['data-fyp-region'] = match.region;
  if (match.category) attributes['data-fyp-category'] = match.category;
  if (describe) attributes.title = describe(match);
  return attributes;
}

export class Annotator {
  private readonly records = new Map<Element, BlockRecord>();
  private options: AnnotatorOptions;
  /** Bumped by every reset, so a pass still running from before stops at its next slice. */
  private generation = 0;
  private blockCounter = 0;
  /** Main-thread time spent annotating, for the benchmark and the ready mark. */
  readonly stats = { workMs: 0, longestSliceMs: 0, slices: 0 };

  constructor(options: AnnotatorOptions) {
    this.options = options;
  }

  /** Annotates every block under `root` (redoing blocks already annotated), in slices. */
  async annotate(root: Element, signal?: AbortSignal): Promise<void> {
    const generation = this.generation;
    const sliceMs = this.options.sliceMs ?? 8;
    let sliceStart = performance.now();
    const endSlice = () => {
      const spent = performance.now() - sliceStart;
      this.stats.workMs += spent;
      this.stats.slices++;
      this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, spent);
      this.options.afterDomWork?.();
    };
    for (const block of walkTextBlocks(root)) {
      if (signal?.aborted || generation !== this.generation) return endSlice();
      this.annotateBlock(block);
      if (performance.now() - sliceStart > sliceMs) {
        endSlice();
        await yieldToPage();
        if (signal?.aborted || generation !== this.generation) return;
        sliceStart = performance.now();
      }
    }
    endSlice();
  }

  /** Annotates one block, replacing what an earlier pass added to it. */
  annotateBlock(block: TextBlock): void {
    const old = this.records.get(block.element);
    if (old) {
      removeMarks(old.marks.filter((m) => block.element.contains(m)));
      this.records.delete(block.element);
      // Unwrapping merged text nodes: read the block again.
      block = [...walkTextBlocks(block.element)][0] ?? block;
      if (block.nodes.some((n) => !n.isConnected)) return;
    }
    const text = blockText(block);
    let matches = findMatches(this.options.dictionary, text, this.options.filter);
    if (this.options.firstMentionOnly) {
      const seen = new Set<string>();
      matches = matches.filter((m) => {
        const key = `${m.kind}:${m.id}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    if (matches.length === 0) return;
    const index = this.blockCounter++;
    const ranges: HighlightRange[] = matches.map((match) => ({
      start: match.start,
      end: match.end,
      text: text.slice(match.start, match.end),
      attributes: attributesFor(match, this.options.describe),
    }));
    const marks = highlightRanges(block, ranges, text);
    const mentions: PageMention[] = matches.map((match) => ({
      kind: match.kind,
      id: match.id,
      ...(match.region ? { region: match.region } : {}),
      ...(match.category ? { category: match.category } : {}),
      text: text.slice(match.start, match.end),
      sentence: sentenceAround(text, match.start, match.end),
      block: index,
    }));
    this.records.set(block.element, { marks, mentions });
  }

  /** Removes the marks (and mentions) of blocks inside `element`, e.g. before redoing them. */
  clearWithin(element: Element): void {
    for (const [block, record] of this.records) {
      if (element === block || element.contains(block)) {
        removeMarks(record.marks);
        this.records.delete(block);
      }
    }
  }

  /** Removes exactly the marks (and mentions) of entities for which `drop` is true. */
  removeWhere(drop: (entity: MarkedEntity) => boolean): void {
    const gone: HTMLElement[] = [];
    for (const record of this.records.values()) {
      record.marks = record.marks.filter((mark) => {
        if (!drop(entityOfMark(mark))) return true;
        gone.push(mark);
        return false;
      });
      record.mentions = record.mentions.filter((mention) => !drop(mention));
    }
    removeMarks(gone);
  }

  /** Undoes everything this annotator added and stops any pass in progress. */
  reset(): void {
    this.generation++;
    const marks: HTMLElement[] = [];
    for (const record of this.records.values()) marks.push(...record.marks);
    this.records.clear();
    removeMarks(marks);
  }

  setOptions(options: Partial<AnnotatorOptions>): void {
    this.options = { ...this.options, ...options };
  }

  get filter(): MatchFilter {
    return this.options.filter;
  }

  /** Mentions in page order, dropping blocks the page has removed since. */
  mentions(): PageMention[] {
    const all: PageMention[] = [];
    for (const [block, record] of this.records) {
      if (!block.isConnected) {
        this.records.delete(block);
        continue;
      }
      all.push(...record.mentions);
    }
    return all.sort((a, b) => a.block - b.block);
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
