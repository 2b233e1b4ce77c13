/**
 * The compile half of the matcher: turns data/'s regions, cities, not-mention phrases, sectors
 * and collisions into a few RegExps and a key → entry map, and notes dictionary problems on the
 * way. Pure; matcher.ts is the public face and does the matching.
 */
import type { City, Collision, EntityRef, Region, RegionId, SectorCategory } from '../../data/schema';
import { TermTrie, foldKey, isLatinTerm, isTooShortHan, isWordCharAt, numberVariants, termKey, termMode } from './matcher-terms';

export type EntityKind = 'region' | 'city' | 'sector';

/** The data the matcher compiles (the shape of data/index.ts's exports). */
export interface DictionarySource {
  regions: Region[];
  cities: City[];
  categories: SectorCategory[];
  collisions: Collision[];
}

/**
 * A dictionary problem found while compiling, for the data's tests and reports:
 * - undeclared-collision: several entities claim the term and data/collisions.json does not
 *   say which wins (the first listed does);
 * - not-mention-equals-name: a region's not-mention phrase is another entity's name (the name
 *   wins; claimants are the name and the phrase's region);
 * - sector-term-contains-place: a sector term contains a place name, which always wins, so the
 *   term never matches ("Beijing-Tianjin-Hebei" is three regions).
 */
export interface TermClash {
  term: string;
  claimants: EntityRef[];
  reason: 'undeclared-collision' | 'not-mention-equals-name' | 'sector-term-contains-place';
}

/** An entity a term stands for. */
export interface EntityTarget {
  kind: EntityKind;
  id: string;
  region?: RegionId;
  category?: string;
}

/** A not-mention phrase ("Peking University"): it wins its span and yields nothing. */
export interface BlockTarget {
  kind: 'block';
  /** The region that declared it, for reports. */
  id: RegionId;
  region?: undefined;
}

export type Target = EntityTarget | BlockTarget;

/** What one dictionary key stands for. */
export interface Entry {
  term: string;
  /** Claimants, the preferred one first; a single one unless the term collides. */
  targets: Target[];
  declared: boolean;
  /** The region this mention is about, when unambiguous: used as context for collisions. */
  contextRegion?: RegionId;
  /** Place names reject an all-lowercase occurrence ("beijing" in a URL slug, "shanghaied"). */
  rejectLowercase: boolean;
}

/** A compiled pattern; Chinese hits are looked up as written, Latin ones by their folded key. */
export interface Pattern {
  re: RegExp;
  han: boolean;
}

declare const compiledBrand: unique symbol;

/** A dictionary compiled by compileDictionary; opaque to callers, reused for every text. */
export interface CompiledDictionary {
  readonly [compiledBrand]: true;
}

/** The compiled dictionary's insides (only the matcher modules see them). */
export class Dictionary implements CompiledDictionary {
  declare readonly [compiledBrand]: true;
  readonly patterns: readonly Pattern[];
  readonly entries: ReadonlyMap<string, Entry>;
  readonly clashes: readonly TermClash[];
  /** The last `context` option scanned, with the regions it names (a page title repeats). */
  contextCache: { text: string; regions: Set<RegionId> } | undefined;

  constructor(patterns: Pattern[], entries: Map<string, Entry>, clashes: TermClash[]) {
    this.patterns = patterns;
    this.entries = entries;
    this.clashes = clashes;
  }
}

export const isBlock = (target: Target): target is BlockTarget => target.kind === 'block';
const isPlace = (target: Target): boolean => target.kind === 'region' || target.kind === 'city';
const sameTarget = (a: Target, b: Target): boolean => a.kind === b.kind && (isBlock(a) || a.id === b.id);
const refOf = (target: Target): EntityRef => `${isBlock(target) ? 'region' : target.kind}:${target.id}`;
const HAN_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Collects terms into one trie per mode and a key → entry map. */
class DictionaryBuilder {
  private readonly tries = { fold: new TermTrie('fold'), exact: new TermTrie('exact'), han: new TermTrie('han') };
  readonly entries = new Map<string, Entry>();
  readonly clashes: TermClash[] = [];

  /** Adds a term (and its number variants) for a target, merging with earlier claims. */
  add(term: string, target: Target, variants: readonly string[] = [term]): void {
    if (isTooShortHan(term)) return; // 浙, 沪, 京 are common characters: never matched alone
    for (const variant of variants) {
      const key = termKey(variant);
      const entry = this.entries.get(key);
      if (entry === undefined) {
        if (this.tries[termMode(variant)].add(variant)) {
          this.entries.set(key, { term, targets: [target], declared: false, rejectLowercase: false });
        }
      } else if (!entry.targets.some((t) => sameTarget(t, target))) {
        this.merge(entry, target);
      }
    }
  }

  /** A real term beats a not-mention spelled the same; several real claimants make a collision. */
  private merge(entry: Entry, target: Target): void {
    const [first] = entry.targets;
    if (first !== undefined && isBlock(first) !== isBlock(target)) {
      const [name, phrase] = isBlock(first) ? [target, first] : [first, target];
      this.clashes.push({ term: entry.term, claimants: [refOf(name), refOf(phrase)], reason: 'not-mention-equals-name' });
    }
    if (entry.targets.every(isBlock)) entry.targets = [target];
    else if (!isBlock(target)) entry.targets.push(target);
  }

  /** The place named inside a term, if any: whole English words, or two or more Chinese characters. */
  placeInside(term: string): Target | undefined {
    const key = foldKey(term.trim());
    const isHan = (i: number): boolean => HAN_CHAR.test(key[i] ?? '');
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i <= key.length; i += 1) {
      if (isHan(i) || (isWordCharAt(key, i) && !isWordCharAt(key, i - 1))) starts.push(i);
      if (isHan(i - 1) || (isWordCharAt(key, i - 1) && !isWordCharAt(key, i))) ends.push(i);
    }
    for (const start of starts) {
      for (const end of ends) {
        const found = end > start ? this.entries.get(key.slice(start, end))?.targets.find(isPlace) : undefined;
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  /** Orders a collided term's claimants preferred-first, adding the term if no entity lists it. */
  declareCollision(collision: Collision, targets: ReadonlyMap<EntityRef, Target>): void {
    const claimants = [collision.preferred, ...collision.claimants.filter((c) => c !== collision.preferred)]
      .map((ref) => targets.get(ref))
      .filter((t): t is Target => t !== undefined);
    const [preferred] = claimants;
    if (preferred === undefined) return;
    const variants =
      preferred.kind === 'sector' && isLatinTerm(collision.term) ? numberVariants(collision.term) : [collision.term];
    if (!variants.some((v) => this.entries.has(termKey(v)))) this.add(collision.term, preferred);
    for (const variant of variants) {
      const entry = this.entries.get(termKey(variant));
      if (entry === undefined) continue;
      const others = entry.targets.filter((t) => !isBlock(t) && !claimants.some((c) => sameTarget(c, t)));
      entry.targets = [...claimants, ...others];
      entry.declared = others.length === 0;
    }
  }

  build(): Dictionary {
    for (const entry of this.entries.values()) {
      const regions = new Set(entry.targets.map((t) => t.region));
      const [only] = regions;
      if (regions.size === 1 && only !== undefined) entry.contextRegion = only;
      entry.rejectLowercase = entry.targets.every(isPlace);
      if (entry.targets.length > 1 && !entry.declared) {
        this.clashes.push({ term: entry.term, claimants: entry.targets.map(refOf), reason: 'undeclared-collision' });
      }
    }
    const patterns: Pattern[] = [
      ...[...this.tries.fold.compile(), ...this.tries.exact.compile()].map((re) => ({ re, han: false })),
      ...this.tries.han.compile().map((re) => ({ re, han: true })),
    ];
    return new Dictionary(patterns, this.entries, this.clashes);
  }
}

/** Builds the compiled dictionary from data/'s shape. */
export function buildDictionary(source: DictionarySource): Dictionary {
  const builder = new DictionaryBuilder();
  const targets = new Map<EntityRef, Target>();

  for (const region of source.regions) {
    const target: Target = { kind: 'region', id: region.id, region: region.id };
    targets.set(`region:${region.id}`, target);
    for (const term of [...region.termsEn, ...region.termsZh]) builder.add(term, target);
  }
  for (const city of source.cities) {
    const target: Target = { kind: 'city', id: city.id, region: city.region };
    targets.set(`city:${city.id}`, target);
    for (const term of [...city.termsEn, ...city.termsZh]) builder.add(term, target);
  }
  // Not-mention phrases go in after the names: they only need to win their span by length.
  for (const region of source.regions) {
    for (const phrase of region.notMentions) builder.add(phrase, { kind: 'block', id: region.id });
  }
  for (const category of source.categories) {
    for (const sector of category.sectors) {
      const target: Target = { kind: 'sector', id: sector.id, category: category.id };
      targets.set(`sector:${sector.id}`, target);
      for (const term of [...sector.termsEn, ...sector.termsZh]) {
        // Place names win over sector terms. A sector term containing one would hide it when
        // both start at one position (only the longest term per position is seen), so it is
        // left out and reported.
        const place = builder.placeInside(term);
        if (place === undefined) builder.add(term, target, isLatinTerm(term) ? numberVariants(term) : [term]);
        else builder.clashes.push({ term, claimants: [refOf(target), refOf(place)], reason: 'sector-term-contains-place' });
      }
    }
  }
  for (const collision of source.collisions) builder.declareCollision(collision, targets);
  return builder.build();
}
