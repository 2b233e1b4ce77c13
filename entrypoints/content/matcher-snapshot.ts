/**
 * The compiled dictionary as plain JSON data, so that it can be compiled at build time and
 * restored on a page in a few milliseconds (data/dictionary-compiled.json, which
 * matcher-snapshot-write.ts writes and test/unit/matcher-snapshot.test.ts keeps in sync).
 *
 * Restoring splits a few strings and sets each key once: no term is folded, split into words or
 * merged again. The clashes found while compiling are left out (they are for the data's tests
 * and reports, which compile); a restored dictionary refuses listClashes.
 */
import type { RegionId } from '../../data/schema';
import { Dictionary, targetsOf, type Entry, type EntityTarget, type Slot, type Target } from './matcher-dictionary';
import { isLatinTerm, keyPrefixes } from './matcher-terms';

/** Bump when the Dictionary's shape or the snapshot's layout changes. */
export const SNAPSHOT_VERSION = 3;

/**
 * An Entry as [term, its targets as indexes into the snapshot's targets, declared, caseTokens
 * (null for undefined), its keys (grouped as a line of DictionarySnapshot.keys)].
 */
export type SnapshotEntry = [
  term: string,
  targets: number[],
  declared: boolean,
  caseTokens: (string | null)[] | null,
  keys: string,
];

/**
 * A compiled dictionary as JSON data (see takeSnapshot). Its bulk is two strings of lines (split
 * at "|"; "~" and "^" inside a line; characters no term has and JSON need not escape), which cost
 * the bundle far less than arrays of objects and restore with native splits and one Map.set per
 * key, no per-key parsing:
 * - `targets`: every target once, a line each, regions first: the kind's letter (r, c, s, b) and
 *   the id, then for a city its region (the region's place among the region lines, in base 36),
 *   for a sector its category, and "d" for a district ("cbaoan 5 d"); a strategy (cluster) is "k"
 *   and its id;
 * - `keys`: a line per target, in the same order: the keys that stand for that target alone, in
 *   three groups split by "~", each split by "^": Latin keys, Chinese keys, and Latin keys whose
 *   beginnings are not simply their words (see keyPrefixes; those beginnings are in `prefixes`).
 *   Restoring thus finds the scanner's prefixes and Chinese term lengths without running the term
 *   rules again.
 */
export interface DictionarySnapshot {
  version: number;
  targets: string;
  keys: string;
  entries: SnapshotEntry[];
  /** The beginnings of the third group's keys. */
  prefixes: string[];
  /** The non-zero buckets of Dictionary.firstTokens, as "bucket.bits" in base 36, split by "|". */
  firstTokens: string;
}

const KIND_LETTER = { region: 'r', city: 'c', sector: 's', cluster: 'k', block: 'b' } as const;
const LETTER_KIND: Record<string, Target['kind']> = { r: 'region', c: 'city', s: 'sector', k: 'cluster', b: 'block' };
const LINE = '|';
const GROUP = '~';
const KEY = '^';

function targetLine(target: Target, regionIndex: ReadonlyMap<string, number>): string {
  const letter = KIND_LETTER[target.kind];
  if (target.kind === 'block' || target.kind === 'cluster') return `${letter}${target.id}`;
  if (target.kind === 'region' && target.region === target.id) return `${letter}${target.id}`;
  if (target.kind === 'city') {
    const region = regionIndex.get(target.region ?? '');
    if (region === undefined) throw new Error(`matcher: city ${target.id} of a region without a target`);
    return `${letter}${target.id} ${region.toString(36)}${target.district ? ' d' : ''}`;
  }
  const parent = target.category;
  return `${letter}${target.id}${parent === undefined ? '' : ` ${parent}`}`;
}

function parseTarget(line: string, regions: readonly string[]): Target {
  const kind = LETTER_KIND[line[0] ?? ''];
  const parts = line.slice(1).split(' ');
  const id = parts[0] as string;
  const parent = parts[1];
  if (kind === 'block') return { kind, id: id as RegionId };
  if (kind === 'region') return { kind, id, region: id as RegionId };
  if (kind === 'sector') return parent === undefined ? { kind, id } : { kind, id, category: parent };
  if (kind === 'cluster') return { kind, id };
  if (kind === 'city') {
    const city: EntityTarget = { kind, id, region: regions[parseInt(parent ?? '', 36)] as RegionId };
    if (parts[2] === 'd') city.district = true;
    return city;
  }
  throw new Error(`matcher: dictionary snapshot target "${line}" has no known kind`);
}

/** A Latin key's beginnings at its spaces ("low altitude economy" → "low", "low altitude"). */
function wordPrefixes(key: string): string[] {
  const prefixes: string[] = [];
  for (let space = key.indexOf(' '); space !== -1; space = key.indexOf(' ', space + 1)) prefixes.push(key.slice(0, space));
  return prefixes;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keys as a line of DictionarySnapshot.keys, noting the third group's beginnings in `prefixes`. */
function keyLine(keys: readonly string[], prefixes: Set<string>): string {
  const groups: [string[], string[], string[]] = [[], [], []];
  for (const key of [...keys].sort(byCodeUnits)) {
    if (key.includes(LINE) || key.includes(GROUP) || key.includes(KEY)) throw new Error(`matcher: a key holds a separator: ${key}`);
    if (!isLatinTerm(key)) {
      groups[1].push(key);
      continue;
    }
    const own = keyPrefixes(key) ?? [];
    const words = wordPrefixes(key);
    if (own.length === words.length && own.every((p, i) => p === words[i])) groups[0].push(key);
    else {
      groups[2].push(key);
      for (const prefix of own) prefixes.add(prefix);
    }
  }
  return groups
    .map((group) => group.join(KEY))
    .join(GROUP)
    .replace(/~+$/, '');
}

/** The dictionary as JSON data; restoreSnapshot(takeSnapshot(d)) scans exactly like d. */
export function takeSnapshot(dict: Dictionary): DictionarySnapshot {
  const targetLines: string[] = [];
  const keysOf: string[][] = [];
  const indexes = new Map<Target, number>();
  const regionIndex = new Map<string, number>();
  const indexOf = (target: Target): number => {
    let index = indexes.get(target);
    if (index === undefined) {
      index = targetLines.length;
      indexes.set(target, index);
      targetLines.push(targetLine(target, regionIndex));
      keysOf.push([]);
      if (target.kind === 'region') regionIndex.set(target.id, regionIndex.size);
    }
    return index;
  };
  // Regions first, so that a city's line can name its region by its place among them.
  const regionTargets = new Map<string, Target>();
  for (const slot of dict.entries.values()) for (const target of targetsOf(slot)) if (target.kind === 'region') regionTargets.set(target.id, target);
  for (const id of [...regionTargets.keys()].sort(byCodeUnits)) indexOf(regionTargets.get(id) as Target);
  const entryKeys = new Map<Entry, string[]>();
  for (const key of [...dict.entries.keys()].sort(byCodeUnits)) {
    const slot = dict.entries.get(key) as Slot;
    if (slot.kind === 'entry') {
      const own = entryKeys.get(slot) ?? [];
      entryKeys.set(slot, own);
      own.push(key);
    } else {
      keysOf[indexOf(slot)]?.push(key);
    }
  }
  const prefixes = new Set<string>();
  const entries: SnapshotEntry[] = [...entryKeys].map(([entry, keys]) => [
    entry.term,
    entry.targets.map(indexOf),
    entry.declared,
    entry.caseTokens === undefined ? null : entry.caseTokens.map((t) => t ?? null),
    keyLine(keys, prefixes),
  ]);
  const firstTokens: string[] = [];
  dict.firstTokens.forEach((bits, bucket) => {
    if (bits !== 0) firstTokens.push(`${bucket.toString(36)}.${bits.toString(36)}`);
  });
  return {
    version: SNAPSHOT_VERSION,
    targets: targetLines.join(LINE),
    keys: keysOf.map((keys) => keyLine(keys, prefixes)).join(LINE),
    entries,
    prefixes: [...prefixes].sort(byCodeUnits),
    firstTokens: firstTokens.join(LINE),
  };
}

/** Adds a line of DictionarySnapshot.keys to `dict`, each key standing for `slot`. */
function restoreKeys(dict: Dictionary, line: string, slot: Slot): void {
  if (line === '') return;
  const groups = line.split(GROUP);
  const latin = (groups[0] as string).split(KEY);
  for (let i = 0; i < latin.length; i += 1) {
    const key = latin[i] as string;
    if (key === '') continue;
    dict.entries.set(key, slot);
    for (let space = key.indexOf(' '); space !== -1; space = key.indexOf(' ', space + 1)) dict.prefixes.add(key.slice(0, space));
  }
  if (groups.length < 2) return;
  const han = (groups[1] as string).split(KEY);
  for (let i = 0; i < han.length; i += 1) {
    const key = han[i] as string;
    if (key === '') continue;
    dict.entries.set(key, slot);
    dict.addHanLength(key);
  }
  if (groups.length < 3) return;
  const special = (groups[2] as string).split(KEY);
  for (let i = 0; i < special.length; i += 1) dict.entries.set(special[i] as string, slot);
}

/** A Dictionary from a snapshot (see takeSnapshot). The snapshot's objects are not modified. */
export function restoreSnapshot(snapshot: DictionarySnapshot): Dictionary {
  if (snapshot.version !== SNAPSHOT_VERSION) {
    throw new Error(`matcher: dictionary snapshot version ${snapshot.version}, expected ${SNAPSHOT_VERSION}`);
  }
  const dict = new Dictionary();
  dict.restored = true;
  // Indexed loops: this runs once per page, as cold code.
  const targetLines = snapshot.targets.split(LINE);
  const keyLines = snapshot.keys.split(LINE);
  const targets: Target[] = [];
  const regions: string[] = [];
  for (let i = 0; i < targetLines.length; i += 1) {
    const target = parseTarget(targetLines[i] as string, regions);
    if (target.kind === 'region') regions.push(target.id);
    targets.push(target);
    restoreKeys(dict, keyLines[i] ?? '', target);
  }
  for (let i = 0; i < snapshot.entries.length; i += 1) {
    const value = snapshot.entries[i] as SnapshotEntry;
    const entry: Entry = {
      kind: 'entry',
      term: value[0],
      targets: value[1].map((t) => targets[t] as Target),
      declared: value[2],
      caseTokens: value[3] === null ? undefined : value[3].map((t) => t ?? undefined),
    };
    restoreKeys(dict, value[4], entry);
  }
  const { prefixes, firstTokens } = snapshot;
  for (let i = 0; i < prefixes.length; i += 1) dict.prefixes.add(prefixes[i] as string);
  const buckets = firstTokens.split(LINE);
  for (let i = 0; i < buckets.length; i += 1) {
    const pair = buckets[i] as string;
    const dot = pair.indexOf('.');
    dict.firstTokens[parseInt(pair.slice(0, dot), 36)] = parseInt(pair.slice(dot + 1), 36);
  }
  return dict;
}
