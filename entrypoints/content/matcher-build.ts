/**
 * The compile half of the matcher: turns data/'s regions, cities, not-mention phrases, sectors
 * and collisions into the Dictionary's hash maps, and notes dictionary problems on the way.
 *
 * It runs on every page load before the first mark, as cold (interpreted) code, and the garbage
 * it makes is collected while the dictionary is young, so it is kept close to the least work
 * possible: per term a few native string calls and one map entry pointing at the entity's
 * shared Target. The rarer steps (plurals, places inside sector terms, acronym rules, phrase
 * beginnings, collisions) run only for the terms that need them.
 */
import type { Collision, EntityRef } from '../../data/schema';
import {
  Dictionary,
  isBlock,
  refOf,
  type DictionarySource,
  type EntityKind,
  type EntityTarget,
  type Entry,
  type Slot,
  type Target,
} from './matcher-dictionary';
import { placeInHan, placeInWords, placeInside } from './matcher-places';
import {
  caseExactTokens,
  foldKey,
  isLatinTerm,
  isTooShortHan,
  keyNumberVariants,
  keyPrefixes,
  latinKey,
  numberVariants,
  termKey,
} from './matcher-terms';

// Most terms are plain words or plain Chinese; one RegExp recognises them, and they skip the
// general rules below (which would give the same result, at several times the cost).
/**
 * Plain words joined by single spaces or hyphens (Hangzhou, Inner Mongolia, low-altitude
 * economy): no acronym, and plainWordsKey gives their folded key.
 */
const PLAIN_WORDS = /^[A-Z]?[a-z]+(?:[ -][A-Z]?[a-z]+)*$/;
/** foldKey of a PLAIN_WORDS term. */
const plainWordsKey = (term: string): string => {
  const lower = term.toLowerCase();
  return lower.includes('-') ? lower.replace(/-/g, ' ') : lower;
};
/** Two or more Chinese characters and nothing else (杭州, 内蒙古自治区). */
const PLAIN_HAN = /^[\u3400-\u9fff\uf900-\ufaff]{2,}$/;
/** A spelling that may hold an acronym (a digit, or a capital after another character). */
const MAY_HAVE_ACRONYM = /[0-9]|\S[A-Z]/;
/** A Chinese name of a district, county or banner (海淀区, 平遥县). */
const DISTRICT_NAME = /[区县旗]$/;
/** The length of a one-token key or prefix, or -1 if it is not all ASCII (the filter skips those). */
const asciiTokenEnd = (token: string): number => (/^[\x00-\x7f]*$/.test(token) ? token.length : -1);

const sameTarget = (a: Target, b: Target): boolean => a.kind === b.kind && (isBlock(a) || a.id === b.id);

/** Fills a Dictionary term by term, merging claims on the same key. */
class DictionaryBuilder {
  readonly dict = new Dictionary();

  /** Adds each term of a list for a target. */
  addAll(terms: readonly string[], target: Target): void {
    // Indexed loops: cold code pays for every iterator object and call.
    for (let i = 0; i < terms.length; i += 1) this.add(terms[i] ?? '', target);
  }

  /** Adds a term for a target. */
  add(term: string, target: Target): void {
    if (PLAIN_HAN.test(term)) this.addHan(term, term, target);
    else if (PLAIN_WORDS.test(term)) this.addPlainWords(plainWordsKey(term), term, target);
    else if (isLatinTerm(term)) this.addLatin(term, term, target);
    else if (!isTooShortHan(term)) this.addHan(term.trim(), term, target); // 浙, 沪 never match alone
  }

  /**
   * Adds a sector term, in both numbers if Latin (robot, robots), unless it contains a place
   * name. Place names win over sector terms, and one containing a place would hide it when both
   * start at one position (only the longest term per position is seen): it is left out and
   * reported instead.
   */
  addSectorTerm(term: string, target: Target): void {
    const han = PLAIN_HAN.test(term);
    const plain = !han && PLAIN_WORDS.test(term);
    const latin = plain || (!han && isLatinTerm(term));
    const key = han ? term : plain ? plainWordsKey(term) : latin ? latinKey(term) : term.trim();
    const place = han
      ? placeInHan(this.dict, key)
      : plain
        ? placeInWords(this.dict, key)
        : placeInside(this.dict, latin ? key : foldKey(key), latin);
    if (place !== undefined) {
      const claimants = [refOf(target), refOf(place)];
      this.dict.compileClashes.push({ term, claimants, reason: 'sector-term-contains-place' });
    } else if (!latin) {
      if (han || !isTooShortHan(term)) this.addHan(key, term, target);
    } else if (!plain && MAY_HAVE_ACRONYM.test(term)) {
      // NEV/NEVs: the variants' acronyms differ, so each is spelled out and added on its own.
      for (const variant of numberVariants(term)) this.addLatin(variant, term, target);
    } else {
      // Ordinary words: the variants differ in the last word only, so they share the key's
      // beginnings, and their keys come from the folded key directly.
      const firstEnd = plain ? this.addWordPrefixes(key) : this.addPrefixes(key, term, target);
      if (firstEnd === null) return;
      const oneToken = firstEnd === key.length;
      for (const variant of keyNumberVariants(key, plain)) {
        const variantFirstEnd = !oneToken ? firstEnd : plain ? variant.length : asciiTokenEnd(variant);
        this.insert(variant, term, target, undefined, variantFirstEnd);
      }
    }
  }

  private addHan(key: string, term: string, target: Target): void {
    if (key === '') return;
    const slot = this.dict.entries.get(key);
    if (slot !== undefined) return this.merge(key, slot, term, target);
    this.dict.entries.set(key, target);
    this.dict.addHanLength(key);
  }

  /** Adds a folded key of plain words (no acronym), with its beginnings if it has several words. */
  private addPlainWords(key: string, term: string, target: Target): void {
    this.insert(key, term, target, undefined, key.includes(' ') ? this.addWordPrefixes(key) : key.length);
  }

  /** Notes the beginnings of a key of plain words (its runs of whole words); returns where its first word ends. */
  private addWordPrefixes(key: string): number {
    const first = key.indexOf(' ');
    for (let space = first; space !== -1; space = key.indexOf(' ', space + 1)) {
      this.dict.prefixes.add(key.slice(0, space));
    }
    return first === -1 ? key.length : first;
  }

  /** Adds a Latin spelling under its folded key; the spelling decides the key's case rule. */
  private addLatin(spelling: string, term: string, target: Target): void {
    const key = latinKey(spelling);
    const firstEnd = key === '' ? null : this.addPrefixes(key, term, target);
    if (firstEnd === null) return;
    this.insert(key, term, target, MAY_HAVE_ACRONYM.test(spelling) ? caseExactTokens(spelling) : undefined, firstEnd);
  }

  /**
   * Notes a Latin key's beginnings for the scanner. Returns where its first token ends (-1 if
   * that token is not all ASCII), or null, with a clash, if no text can spell the key.
   */
  private addPrefixes(key: string, term: string, target: Target): number | null {
    const prefixes = keyPrefixes(key);
    if (prefixes === null) {
      this.dict.compileClashes.push({ term, claimants: [refOf(target)], reason: 'unmatchable-term' });
      return null;
    }
    for (let i = 0; i < prefixes.length; i += 1) this.dict.prefixes.add(prefixes[i] ?? '');
    return asciiTokenEnd(prefixes[0] ?? key);
  }

  /** Puts a Latin key in the map, or merges a claim on it. The first spelling keeps its case rule. */
  private insert(key: string, term: string, target: Target, caseTokens: Entry['caseTokens'], firstEnd: number): void {
    // The scanner's word filter must pass every key's first token (-1: not filtered, see firstTokens).
    if (firstEnd !== -1) this.dict.noteFirstToken(key, firstEnd);
    const slot = this.dict.entries.get(key);
    if (slot !== undefined) return this.merge(key, slot, term, target);
    this.dict.entries.set(
      key,
      caseTokens === undefined ? target : { kind: 'entry', term, targets: [target], declared: false, caseTokens },
    );
  }

  /** A slot as an Entry (a key with one plain target becomes one when a second claim comes). */
  private entryAt(key: string, slot: Slot, term: string): Entry {
    if (slot.kind === 'entry') return slot;
    const entry: Entry = { kind: 'entry', term, targets: [slot], declared: false, caseTokens: undefined };
    this.dict.entries.set(key, entry);
    return entry;
  }

  /** A real term beats a not-mention spelled the same; several real claimants make a collision. */
  private merge(key: string, slot: Slot, term: string, target: Target): void {
    if (slot.kind === 'entry' ? slot.targets.some((t) => sameTarget(t, target)) : sameTarget(slot, target)) return;
    const entry = this.entryAt(key, slot, term);
    const [first] = entry.targets;
    if (first !== undefined && isBlock(first) !== isBlock(target)) {
      const [name, phrase] = isBlock(first) ? [target, first] : [first, target];
      const claimants = [refOf(name), refOf(phrase)];
      this.dict.compileClashes.push({ term, claimants, reason: 'not-mention-equals-name' });
    }
    if (entry.targets.every(isBlock)) entry.targets = [target];
    else if (!isBlock(target)) entry.targets.push(target);
  }

  /** Orders a collided term's claimants preferred-first, adding the term if no entity lists it. */
  declareCollision(collision: Collision, claimants: readonly Target[]): void {
    const { entries } = this.dict;
    const [preferred] = claimants;
    if (preferred === undefined) return;
    const variants =
      preferred.kind === 'sector' && isLatinTerm(collision.term) ? numberVariants(collision.term) : [collision.term];
    if (!variants.some((v) => entries.has(termKey(v)))) this.add(collision.term, preferred);
    for (const variant of variants) {
      const key = termKey(variant);
      const slot = entries.get(key);
      if (slot === undefined) continue;
      const entry = this.entryAt(key, slot, collision.term);
      const others = entry.targets.filter((t) => !isBlock(t) && !claimants.some((c) => sameTarget(c, t)));
      entry.targets = [...claimants, ...others];
      entry.declared = others.length === 0;
    }
  }
}

/** Builds the compiled dictionary from data/'s shape. */
export function buildDictionary(source: DictionarySource): Dictionary {
  const builder = new DictionaryBuilder();
  const { regions, cities, categories } = source;
  // Targets by kind and id, for the collisions' references ("city:suzhou-anhui").
  const targets: Record<EntityKind, Map<string, Target>> = {
    region: new Map(),
    city: new Map(),
    sector: new Map(),
    cluster: new Map(),
  };

  // Regions and cities: each name in both languages, for one target per place.
  const addPlace = (place: { termsEn: readonly string[]; termsZh: readonly string[] }, target: EntityTarget) => {
    targets[target.kind].set(target.id, target);
    builder.addAll(place.termsEn, target);
    builder.addAll(place.termsZh, target);
  };
  for (const region of regions) addPlace(region, { kind: 'region', id: region.id, region: region.id });
  for (const city of cities) {
    const target: EntityTarget = { kind: 'city', id: city.id, region: city.region };
    if (city.termsZh.some((t) => DISTRICT_NAME.test(t))) target.district = true;
    addPlace(city, target);
  }
  // A strategy's names are added whole, like a place's (not as sector terms, which give way to
  // the places inside them): the longest term at a position wins, so "Beijing-Tianjin-Hebei" and
  // 京津冀 are the strategy, and its member regions are not counted as named.
  for (const cluster of source.clusters ?? []) {
    const target: EntityTarget = { kind: 'cluster', id: cluster.id };
    targets.cluster.set(cluster.id, target);
    builder.addAll(cluster.termsEn, target);
    builder.addAll(cluster.termsZh, target);
  }
  // Not-mention phrases go in after the names: they only need to win their span by length.
  for (const region of regions) builder.addAll(region.notMentions, { kind: 'block', id: region.id });
  for (const category of categories) {
    for (const sector of category.sectors) {
      const target: Target = { kind: 'sector', id: sector.id, category: category.id };
      targets.sector.set(sector.id, target);
      for (let i = 0; i < sector.termsEn.length; i += 1) builder.addSectorTerm(sector.termsEn[i] ?? '', target);
      for (let i = 0; i < sector.termsZh.length; i += 1) builder.addSectorTerm(sector.termsZh[i] ?? '', target);
    }
  }
  const targetOf = (ref: EntityRef): Target | undefined => {
    const colon = ref.indexOf(':');
    return targets[ref.slice(0, colon) as EntityKind]?.get(ref.slice(colon + 1));
  };
  for (const collision of source.collisions) {
    const refs = [collision.preferred, ...collision.claimants.filter((c) => c !== collision.preferred)];
    builder.declareCollision(collision, refs.map(targetOf).filter((t): t is Target => t !== undefined));
  }
  return builder.dict;
}
