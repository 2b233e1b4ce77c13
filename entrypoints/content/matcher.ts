/**
 * The pure matcher: compiles the dictionary from data/ once, then turns a block of text into
 * region, city, sector and national-strategy (cluster) matches. No DOM and no browser APIs, so it runs in tests and workers.
 *
 * How a text is scanned (matcher-scan.ts): Latin text is cut into word tokens and phrases of
 * tokens are looked up by folded key in a hash map; Chinese is looked up by substring, per
 * position. At each start only the longest term counts; overlaps are then resolved
 * longest-first, leftmost on a tie. There is no loop over terms and no big RegExp, so compiling
 * is cheap and the first page does not pay for a RegExp compiler.
 */
import type { RegionId } from '../../data/schema';
import { buildDictionary } from './matcher-build';
import {
  Dictionary,
  isBlock,
  isPlace,
  type CompiledDictionary,
  type DictionarySource,
  type EntityKind,
  type Target,
  type TermClash,
} from './matcher-dictionary';
import { scan, type Candidate } from './matcher-scan';
import { CAPITAL_REGION, isInCompanyName, placeSense, type PlaceSense } from './matcher-sense';
import { restoreSnapshot, takeSnapshot, type DictionarySnapshot } from './matcher-snapshot';

export type { CompiledDictionary, DictionarySource, EntityKind, TermClash } from './matcher-dictionary';
export type { DictionarySnapshot } from './matcher-snapshot';

/** One mention found in a text. */
export interface Match {
  kind: EntityKind;
  /** Region id, city id, sector id or strategy id. */
  id: string;
  /** For kind 'region' (= id) and 'city' (its region). */
  region?: RegionId;
  /** For kind 'sector': its category id. */
  category?: string;
  /** UTF-16 offsets into the text passed in. */
  start: number;
  end: number;
}

/** Which kinds to return. Disabled names still block shorter matches inside them. */
export interface MatchFilter {
  regions: boolean;
  cities: boolean;
  /** National regional strategies. */
  clusters: boolean;
  categories: ReadonlySet<string>;
}

/** Optional extras for findMatches. */
export interface FindOptions {
  /** Text about the whole page (its title): decides a collision the paragraph leaves open. */
  context?: string | undefined;
}

/** Compiles the dictionary once (a few milliseconds); reuse the result for every text. */
export function compileDictionary(source: DictionarySource): CompiledDictionary {
  return buildDictionary(source);
}

/**
 * A compiled dictionary as plain JSON data, for compiling at build time
 * (data/dictionary-compiled.json; see matcher-snapshot.ts).
 */
export function toSnapshot(dict: CompiledDictionary): DictionarySnapshot {
  return takeSnapshot(asDictionary(dict));
}

/**
 * The dictionary a snapshot holds, in a few milliseconds: it finds exactly what the compiled one
 * does. It has no clash reports (listTermClashes throws): compile the data for those.
 */
export function fromSnapshot(snapshot: DictionarySnapshot): CompiledDictionary {
  return restoreSnapshot(snapshot);
}

/** Problems in the dictionary found while compiling it (see TermClash), for data tests and reports. */
export function listTermClashes(dict: CompiledDictionary): readonly TermClash[] {
  return asDictionary(dict).listClashes();
}

function asDictionary(dict: CompiledDictionary): Dictionary {
  if (!(dict instanceof Dictionary)) throw new TypeError('matcher: use a dictionary from compileDictionary');
  return dict;
}

/** Non-overlapping candidates: of overlapping ones the longest wins, the leftmost on a tie. */
function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    const last = chosen[chosen.length - 1];
    if (last === undefined || c.start >= last.end) chosen.push(c);
    else if (c.end - c.start > last.end - last.start) chosen[chosen.length - 1] = c;
  }
  return chosen;
}

/** The regions a context text names (cached: the same page title comes with every paragraph). */
function regionsNamedIn(dict: Dictionary, context: string): Set<RegionId> {
  if (dict.contextCache?.text !== context) {
    const regions = new Set<RegionId>();
    for (const c of resolveOverlaps(scan(dict, context))) {
      if (c.entry.contextRegion !== undefined) regions.add(c.entry.contextRegion);
    }
    dict.contextCache = { text: context, regions };
  }
  return dict.contextCache.regions;
}

/**
 * Picks the claimant of a collided term at chosen[index]: the preferred one, unless the nearest
 * unambiguous place mention of a claimant's region (in the paragraph, else in the context) is
 * another claimant's region ("Suzhou, a city in northern Anhui").
 */
function claimantAt(dict: Dictionary, chosen: readonly Candidate[], index: number, context?: string): Target | undefined {
  const at = chosen[index];
  if (at === undefined) return undefined;
  const { targets } = at.entry;
  const claimRegions = new Set(targets.map((t) => t.region));
  if (claimRegions.size < 2) return targets[0]; // Jilin vs Jilin City: context cannot tell them apart
  const clueAt = (j: number): RegionId | undefined => {
    const region = chosen[j]?.entry.contextRegion;
    return region !== undefined && claimRegions.has(region) ? region : undefined;
  };

  let region: RegionId | undefined;
  let distance = Infinity;
  for (let j = index - 1; j >= 0 && region === undefined; j -= 1) {
    region = clueAt(j);
    if (region !== undefined) distance = at.start - (chosen[j]?.end ?? 0);
  }
  for (let j = index + 1; j < chosen.length; j += 1) {
    const right = clueAt(j);
    if (right === undefined) continue;
    if ((chosen[j]?.start ?? Infinity) - at.end < distance) region = right;
    break;
  }
  if (region === undefined && context !== undefined) {
    const named = regionsNamedIn(dict, context);
    const preferredRegion = targets[0]?.region;
    if (preferredRegion === undefined || !named.has(preferredRegion)) {
      region = targets.find((t) => t.region !== undefined && named.has(t.region))?.region;
    }
  }
  return targets.find((t) => region !== undefined && t.region === region) ?? targets[0];
}

/** Whether a filter lets an entity (a match, or what a term stands for) through. */
export function isEnabled(entity: Pick<Match, 'kind' | 'category'>, enabled: MatchFilter | undefined): boolean {
  return (
    enabled === undefined ||
    (entity.kind === 'region' && enabled.regions) ||
    (entity.kind === 'city' && enabled.cities) ||
    (entity.kind === 'cluster' && enabled.clusters) ||
    (entity.kind === 'sector' && entity.category !== undefined && enabled.categories.has(entity.category))
  );
}

/** The match for a target, or null if it is a not-mention or its kind/category is off. */
function toMatch(target: Target | undefined, c: Candidate, enabled: MatchFilter | undefined): Match | null {
  if (target === undefined || isBlock(target) || !isEnabled(target, enabled)) return null;
  const match: Match = { kind: target.kind, id: target.id, start: c.start, end: c.end };
  if (target.region !== undefined) match.region = target.region;
  if (target.category !== undefined) match.category = target.category;
  return match;
}

/** Between a district and the place it is said to be in: "Nantong's Tongzhou", 南通市通州区. */
const DISTRICT_OWNER_BEFORE = /^(?:['\u2019]s |市|的|)$/;
/** "Tongzhou District in Nantong", "Tongzhou, Nantong". */
const DISTRICT_OWNER_AFTER = /^(?: District| County)?(?:, | in | of |)$/;

/**
 * The sense of the place at chosen[index] (see matcher-sense.ts). A district or county named
 * right beside a place of another region is that region's namesake ("Nantong's Tongzhou" is not
 * Beijing's Tongzhou).
 */
function senseAt(text: string, chosen: readonly Candidate[], index: number, target: Target): PlaceSense {
  const at = chosen[index] as Candidate;
  const district = target.kind === 'city' && target.district === true;
  const sense = placeSense(text, at.start, at.end, {
    capital: target.kind === 'region' && target.id === CAPITAL_REGION,
    aboveDistrict: !district,
  });
  if (sense !== 'place' || !district) return sense;
  const owner = (j: number, gap: RegExp): boolean => {
    const other = chosen[j];
    if (other === undefined || other.entry.contextRegion === undefined || other.entry.contextRegion === target.region) return false;
    const between = j < index ? text.slice(other.end, at.start) : text.slice(at.end, other.start);
    return gap.test(between);
  };
  return owner(index - 1, DISTRICT_OWNER_BEFORE) || owner(index + 1, DISTRICT_OWNER_AFTER) ? 'other-place' : 'place';
}

/** The claimant a candidate stands for here (collided terms are decided by context). */
function targetAt(d: Dictionary, chosen: readonly Candidate[], index: number, context: string | undefined): Target | undefined {
  const c = chosen[index] as Candidate;
  return c.entry.targets.length > 1 ? claimantAt(d, chosen, index, context) : c.entry.targets[0];
}

/**
 * All matches in text, sorted by start and non-overlapping. `enabled` limits the kinds and
 * categories returned; the result is always the unfiltered result minus the disabled matches,
 * so switching a kind off never makes a shorter name appear inside a longer one. (Hence the
 * scan itself is the same whatever is enabled; only an all-off filter skips it.) A place name
 * used in another sense (an institution's name, the capital for the government, a namesake
 * road or district) is no match.
 */
export function findMatches(
  dict: CompiledDictionary,
  text: string,
  enabled?: MatchFilter,
  options?: FindOptions,
): Match[] {
  const d = asDictionary(dict);
  if (enabled !== undefined && !enabled.regions && !enabled.cities && !enabled.clusters && enabled.categories.size === 0) return [];
  const chosen = resolveOverlaps(scan(d, text));
  const matches: Match[] = [];
  for (let index = 0; index < chosen.length; index += 1) {
    const c = chosen[index] as Candidate;
    const target = targetAt(d, chosen, index, options?.context);
    if (target === undefined) continue;
    if (c.entry.place ? senseAt(text, chosen, index, target) !== 'place' : isInCompanyName(text, c.start, c.end)) {
      continue;
    }
    const match = toMatch(target, c, enabled);
    if (match !== null) matches.push(match);
  }
  return matches;
}

/** Words that say a text is about China without naming a region or city. */
const CHINA_WORDS = /\b(?:China|Chinese|PRC|Sino-)|中国|我国|国务院|中共/;

/**
 * Whether a text is about China: it says China, names a region or city (or the capital
 * standing for the government) or a national regional strategy. Sector words are marked only
 * on pages about China.
 */
export function mentionsChina(dict: CompiledDictionary, text: string): boolean {
  if (CHINA_WORDS.test(text)) return true;
  const d = asDictionary(dict);
  const chosen = resolveOverlaps(scan(d, text));
  for (let index = 0; index < chosen.length; index += 1) {
    const target = targetAt(d, chosen, index, undefined);
    if (target?.kind === 'cluster') return true;
    if (target === undefined || !isPlace(target)) continue;
    const sense = senseAt(text, chosen, index, target);
    if (sense === 'place' || sense === 'metonym') return true;
  }
  return false;
}
