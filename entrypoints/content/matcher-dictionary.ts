/**
 * The compiled dictionary's shape: what a term stands for (Entry, Target), how the scanner finds
 * it (Latin phrases by folded key, Chinese terms by first character and length), and the
 * problems found while compiling (TermClash). matcher-build.ts fills it; matcher-scan.ts reads it.
 */
import type { EntityKind } from '../../data/protocol';
import type { City, Collision, EntityRef, Region, RegionId, RegionalStrategy, SectorCategory } from '../../data/schema';

// Declared once, in the message protocol the marks and mentions share.
export type { EntityKind };

/** The data the matcher compiles (the shape of data/index.ts's exports). */
export interface DictionarySource {
  regions: Region[];
  cities: City[];
  categories: SectorCategory[];
  collisions: Collision[];
  /** National regional strategies (data/clusters.json); their names win over the names inside them. */
  clusters?: readonly Pick<RegionalStrategy, 'id' | 'termsEn' | 'termsZh'>[];
}

/**
 * A dictionary problem found while compiling, for the data's tests and reports:
 * - undeclared-collision: several entities claim the term and data/collisions.json does not
 *   say which wins (the first listed does);
 * - not-mention-equals-name: a region's not-mention phrase is another entity's name (the name
 *   wins; claimants are the name and the phrase's region);
 * - sector-term-contains-place: a sector term contains a place name, which always wins, so the
 *   term never matches ("Beijing-Tianjin-Hebei" is three regions);
 * - unmatchable-term: a Latin term that does not begin and end with a letter or digit ("(AI)"),
 *   which no text's words can spell.
 */
export interface TermClash {
  term: string;
  claimants: EntityRef[];
  reason: 'undeclared-collision' | 'not-mention-equals-name' | 'sector-term-contains-place' | 'unmatchable-term';
}

/** An entity a term stands for. */
export interface EntityTarget {
  kind: EntityKind;
  id: string;
  region?: RegionId;
  category?: string;
  /** A city that is a district or county (海淀区, 平遥县): "X District" may be it. */
  district?: true;
}

/** A not-mention phrase ("Peking University"): it wins its span and yields nothing. */
export interface BlockTarget {
  kind: 'block';
  /** The region that declared it, for reports. */
  id: RegionId;
  region?: undefined;
}

export type Target = EntityTarget | BlockTarget;

/**
 * A key claimed by several targets, or with a case rule: the rarer dictionary value (most keys
 * map straight to their one Target, so that compiling allocates nothing per term for them).
 */
export interface Entry {
  kind: 'entry';
  /** The term as written by the claimant that made this an Entry, for reports. */
  term: string;
  /** Claimants, the preferred one first. */
  targets: Target[];
  /** data/collisions.json orders these claimants. */
  declared: boolean;
  /** Latin terms with an acronym: per token, the exact spelling required, or undefined (folds). */
  caseTokens: readonly (string | undefined)[] | undefined;
}

/** What a dictionary key maps to. */
export type Slot = Target | Entry;

/** What a matched key stands for, worked out on its first match (see Dictionary.resolve). */
export interface Resolved {
  /** Claimants, the preferred one first; a single one unless the term collides. */
  targets: readonly Target[];
  /** The region this mention is about, when unambiguous: used as context for collisions. */
  contextRegion: RegionId | undefined;
  /** Place names reject an all-lowercase occurrence ("beijing" in a URL slug, "shanghaied"). */
  rejectLowercase: boolean;
  /** Every claimant is a place: its sense and word boundaries are checked (matcher-sense, matcher-words). */
  place: boolean;
}

/** True for a not-mention. */
export const isBlock = (target: Target): target is BlockTarget => target.kind === 'block';
/** True for a region or city. */
export const isPlace = (target: Target): boolean => target.kind === 'region' || target.kind === 'city';
/** A target as data/ refers to it ("city:suzhou-anhui"; a not-mention as its region). */
export const refOf = (target: Target): EntityRef => `${isBlock(target) ? 'region' : target.kind}:${target.id}`;

/** The claimants of a slot. */
export const targetsOf = (slot: Slot): readonly Target[] => (slot.kind === 'entry' ? slot.targets : [slot]);

/** The firstTokens bucket of a token: its first and last characters, case-folded (| 32), 5 bits each. */
const firstTokenBucket = (text: string, start: number, end: number): number =>
  (((text.charCodeAt(start) | 32) & 31) << 5) | ((text.charCodeAt(end - 1) | 32) & 31);
/**
 * Sets of lengths are kept as integers: bit n for length n ≤ 29, bit 0 for "some are longer".
 * (Up to bit 29 the value stays a small integer, which V8 stores and compares without boxing.)
 */
export const LENGTH_BITS = 29;
/** A length as a bit of a length set. */
export const lengthBit = (length: number): number => (length <= LENGTH_BITS ? 1 << length : 1);
/** True if a length set may hold `length` (for lengths over LENGTH_BITS: if any is that long). */
export const mayHaveLength = (bits: number, length: number): boolean => (bits & lengthBit(length)) !== 0;

declare const compiledBrand: unique symbol;

/** A dictionary compiled by compileDictionary; opaque to callers, reused for every text. */
export interface CompiledDictionary {
  readonly [compiledBrand]: true;
}

/** The maps a dictionary looks keys up in; a restored one fills them as they are asked (see matcher-snapshot.ts). */
export interface DictionaryMaps {
  entries: Map<string, Slot>;
  prefixes: Set<string>;
  hanLengths: Map<number, number>;
}

/** The compiled dictionary's insides (only the matcher modules see them). */
export class Dictionary implements CompiledDictionary {
  declare readonly [compiledBrand]: true;
  /** Every term by key: Latin ones folded ("low altitude economy"), Chinese ones as written. */
  readonly entries: Map<string, Slot>;
  /** Folded beginnings of longer Latin terms ("low", "low altitude"): the scanner extends these. */
  readonly prefixes: Set<string>;
  /**
   * A filter on the first token of every Latin key, so that most words of a text ("the",
   * "said") are passed over without building a key string to look up: per pair of (first, last)
   * letter, the set of token lengths seen. Only all-ASCII tokens are noted and filtered, as
   * lower-casing keeps their letters in place.
   */
  readonly firstTokens = new Uint32Array(1024);
  /**
   * Per char code a Chinese term starts with, the set of those terms' lengths (longer ones are
   * bounded by maxHanLength). A number, not a list, so that indexing a term allocates nothing.
   */
  readonly hanLengths: Map<number, number>;
  /** Length of the longest Chinese term; 0 if there is none. */
  maxHanLength = 0;
  /** Lowest char code a Chinese term starts with: the scanner skips everything below (ASCII). */
  hanMinCode = Infinity;
  /** Clashes found while compiling; listClashes adds the undeclared collisions. */
  readonly compileClashes: TermClash[] = [];
  /** True if restored from a snapshot, which leaves the compile clashes out (see matcher-snapshot.ts). */
  restored = false;
  private clashes: TermClash[] | undefined;
  private readonly resolved = new Map<Slot, Resolved>();
  /** The last `context` option scanned, with the regions it names (a page title repeats). */
  contextCache: { text: string; regions: Set<RegionId> } | undefined;

  constructor(maps: DictionaryMaps = { entries: new Map(), prefixes: new Set(), hanLengths: new Map() }) {
    this.entries = maps.entries;
    this.prefixes = maps.prefixes;
    this.hanLengths = maps.hanLengths;
  }

  /** Notes key[0, end) (an all-ASCII, lower-case first token of a key) in firstTokens. */
  noteFirstToken(key: string, end: number): void {
    // firstTokenBucket and lengthBit written out: this runs for every key, as cold code.
    const bucket = ((key.charCodeAt(0) & 31) << 5) | (key.charCodeAt(end - 1) & 31);
    this.firstTokens[bucket] = (this.firstTokens[bucket] ?? 0) | (end <= LENGTH_BITS ? 1 << end : 1);
  }

  /** False if no key starts with the all-ASCII token text[start, end) (in any letter case). */
  mayStartKey(text: string, start: number, end: number): boolean {
    return mayHaveLength(this.firstTokens[firstTokenBucket(text, start, end)] ?? 0, end - start);
  }

  /** Indexes a Chinese term by its first character. */
  addHanLength(key: string): void {
    const code = key.charCodeAt(0);
    this.hanLengths.set(code, (this.hanLengths.get(code) ?? 0) | lengthBit(key.length));
    if (key.length > this.maxHanLength) this.maxHanLength = key.length;
    if (code < this.hanMinCode) this.hanMinCode = code;
  }

  /**
   * What a matched slot stands for. Worked out on its first match rather than while compiling:
   * a page meets a few dozen of the dictionary's thousands of keys.
   */
  resolve(slot: Slot): Resolved {
    let resolved = this.resolved.get(slot);
    if (resolved === undefined) {
      const targets = targetsOf(slot);
      const region = targets[0]?.region;
      resolved = {
        targets,
        contextRegion: targets.every((t) => t.region === region) ? region : undefined,
        rejectLowercase: targets.every(isPlace),
        place: targets.every(isPlace),
      };
      this.resolved.set(slot, resolved);
    }
    return resolved;
  }

  /** Every clash (see TermClash); the undeclared collisions are looked for on the first call. */
  listClashes(): readonly TermClash[] {
    if (this.restored) throw new Error('matcher: a restored dictionary has no clash reports; compile one');
    if (this.clashes === undefined) {
      this.clashes = [...this.compileClashes];
      for (const slot of this.entries.values()) {
        if (slot.kind === 'entry' && slot.targets.length > 1 && !slot.declared) {
          this.clashes.push({ term: slot.term, claimants: slot.targets.map(refOf), reason: 'undeclared-collision' });
        }
      }
    }
    return this.clashes;
  }
}
