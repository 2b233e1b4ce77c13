/**
 * The compiled dictionary as plain JSON data, so that it can be compiled at build time and
 * restored on a page in a few milliseconds (data/dictionary-compiled.json, which
 * matcher-snapshot-write.ts writes and test/unit/matcher-snapshot.test.ts keeps in sync).
 *
 * Restoring splits a few strings and sets each key once, a bucket of keys at a time when the
 * page first needs one: no term is folded, split into words or merged again. The clashes found
 * while compiling are left out (they are for the data's tests and reports, which compile); a
 * restored dictionary refuses listClashes.
 */
import type { RegionId } from '../../data/schema';
import { Dictionary, lengthBit, targetsOf, type Entry, type EntityTarget, type Slot, type Target } from './matcher-dictionary';
import { HAN_FROM, isLatinTerm, keyPrefixes } from './matcher-terms';

/** Bump when the Dictionary's shape or the snapshot's layout changes. */
export const SNAPSHOT_VERSION = 4;

/** An Entry as [term, its targets as indexes into the snapshot's targets, declared, caseTokens (null: none)]. */
export type SnapshotEntry = [term: string, targets: number[], declared: boolean, caseTokens: (string | null)[] | null];

/**
 * A compiled dictionary as JSON data (see takeSnapshot). Its bulk is strings of lines (split at
 * "|"; "~" and "^" inside a line; characters no term has and JSON need not escape), which cost
 * the bundle far less than arrays of objects, and whose keys a page restores only when it looks
 * one of them up:
 * - `targets`: every target once, a line each, regions first: the kind's letter (r, c, s, b) and
 *   the id, then for a city its region (the region's place among the region lines, in base 36),
 *   for a sector its category, and "d" for a district ("cbaoan 5 d"); a strategy (cluster) is "k"
 *   and its id;
 * - `latin`: the Latin keys in buckets (see latinBucket), a line per bucket: the bucket's first
 *   one or two characters, then, split by "~", a group per slot: the slot (its place among the
 *   targets and then the entries, in base 36; "!" before it when the keys' beginnings are not
 *   simply their words, see keyPrefixes: those are in `prefixes`) and, split by "^", its keys
 *   without the bucket's characters;
 * - `han`: the Chinese keys, one bucket: groups as above, with whole keys. A page in English
 *   never restores them.
 */
export interface DictionarySnapshot {
  version: number;
  targets: string;
  latin: string;
  han: string;
  entries: SnapshotEntry[];
  /** The beginnings of the keys marked "!". */
  prefixes: string[];
  /** The non-zero buckets of Dictionary.firstTokens, as "bucket.bits" in base 36, split by "|". */
  firstTokens: string;
  /** Dictionary.hanMinCode (null: no Chinese key) and maxHanLength, needed before `han` is restored. */
  hanMinCode: number | null;
  maxHanLength: number;
}

/** How many leading characters name a Latin key's bucket: two, unless the second is a space or missing. */
const headLength = (key: string): number => (key.length < 2 || key.charCodeAt(1) === 32 ? 1 : 2);
/**
 * A Latin key's bucket, as a number (no string is cut per lookup). A key's word beginnings
 * ("low" of "low altitude") fall in its bucket, so looking up a beginning restores the key too.
 */
const latinBucket = (key: string): number => key.charCodeAt(0) * 65536 + (headLength(key) === 2 ? key.charCodeAt(1) : 0);

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

function parseTarget(line: string, regionAt: (index: number) => string): Target {
  const kind = LETTER_KIND[line[0] ?? ''];
  const parts = line.slice(1).split(' ');
  const id = parts[0] as string;
  const parent = parts[1];
  if (kind === 'block') return { kind, id: id as RegionId };
  if (kind === 'region') return { kind, id, region: id as RegionId };
  if (kind === 'sector') return parent === undefined ? { kind, id } : { kind, id, category: parent };
  if (kind === 'cluster') return { kind, id };
  if (kind === 'city') {
    const city: EntityTarget = { kind, id, region: regionAt(parseInt(parent ?? '', 36)) as RegionId };
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

/** The dictionary as JSON data; restoreSnapshot(takeSnapshot(d)) scans exactly like d. */
export function takeSnapshot(dict: Dictionary): DictionarySnapshot {
  const targetLines: string[] = [];
  const indexes = new Map<Target, number>();
  const regionIndex = new Map<string, number>();
  const indexOf = (target: Target): number => {
    let index = indexes.get(target);
    if (index === undefined) {
      index = targetLines.length;
      indexes.set(target, index);
      targetLines.push(targetLine(target, regionIndex));
      if (target.kind === 'region') regionIndex.set(target.id, regionIndex.size);
    }
    return index;
  };
  // Regions first, so that a city's line can name its region by its place among them.
  const regionTargets = new Map<string, Target>();
  for (const slot of dict.entries.values()) for (const target of targetsOf(slot)) if (target.kind === 'region') regionTargets.set(target.id, target);
  for (const id of [...regionTargets.keys()].sort(byCodeUnits)) indexOf(regionTargets.get(id) as Target);
  const keys = [...dict.entries.keys()].sort(byCodeUnits);
  // Every target gets its place before the entries, which come after them.
  const entrySet = new Set<Entry>();
  for (const key of keys) {
    const slot = dict.entries.get(key) as Slot;
    if (slot.kind !== 'entry') indexOf(slot);
    else entrySet.add(slot);
  }
  const entries = [...entrySet];
  const snapshotEntries: SnapshotEntry[] = entries.map((entry) => [
    entry.term,
    entry.targets.map(indexOf),
    entry.declared,
    entry.caseTokens === undefined ? null : entry.caseTokens.map((t) => t ?? null),
  ]);
  const entryRefs = new Map(entries.map((entry, i) => [entry, targetLines.length + i]));
  const refOf = (slot: Slot): number => (slot.kind === 'entry' ? entryRefs.get(slot) : indexes.get(slot)) as number;
  /** Adds a key to its slot's group (a group per slot reference, in the order met). */
  const addTo = (groups: Map<string, string[]>, ref: string, key: string): void => {
    const keysOfRef = groups.get(ref);
    if (keysOfRef) keysOfRef.push(key);
    else groups.set(ref, [key]);
  };

  const prefixes = new Set<string>();
  /** Per Latin bucket (by its head), the groups of keys (without the head); the Chinese keys' groups. */
  const latin = new Map<string, Map<string, string[]>>();
  const han = new Map<string, string[]>();
  let hanMinCode: number | null = null;
  for (const key of keys) {
    if (key === '' || key.includes(LINE) || key.includes(GROUP) || key.includes(KEY)) throw new Error(`matcher: a key is empty or holds a separator: ${key}`);
    const slot = dict.entries.get(key) as Slot;
    let ref = refOf(slot).toString(36);
    const code = key.charCodeAt(0);
    if (!isLatinTerm(key)) {
      // The scanner and the restore tell Chinese keys by their first character.
      if (code < HAN_FROM) throw new Error(`matcher: a Chinese key starts below U+2E80: ${key}`);
      hanMinCode = Math.min(hanMinCode ?? code, code);
      addTo(han, ref, key);
      continue;
    }
    if (code >= HAN_FROM) throw new Error(`matcher: a Latin key starts at or above U+2E80: ${key}`);
    const own = keyPrefixes(key) ?? [];
    const words = wordPrefixes(key);
    if (own.length !== words.length || !own.every((p, i) => p === words[i])) {
      ref = `!${ref}`;
      for (const prefix of own) prefixes.add(prefix);
    }
    const head = key.slice(0, headLength(key));
    const bucket = latin.get(head) ?? new Map<string, string[]>();
    latin.set(head, bucket);
    addTo(bucket, ref, key.slice(head.length));
  }
  const groups = (bucket: Map<string, string[]>): string[] => [...bucket].map(([ref, rests]) => [ref, ...rests].join(KEY));
  const firstTokens: string[] = [];
  dict.firstTokens.forEach((bits, bucket) => {
    if (bits !== 0) firstTokens.push(`${bucket.toString(36)}.${bits.toString(36)}`);
  });
  return {
    version: SNAPSHOT_VERSION,
    targets: targetLines.join(LINE),
    latin: [...latin].map(([head, bucket]) => [head, ...groups(bucket)].join(GROUP)).join(LINE),
    han: groups(han).join(GROUP),
    entries: snapshotEntries,
    prefixes: [...prefixes].sort(byCodeUnits),
    firstTokens: firstTokens.join(LINE),
    hanMinCode,
    maxHanLength: dict.maxHanLength,
  };
}

/**
 * A Map that asks for its keys to be restored before it answers: `fill(key)` before a lookup,
 * `fillAll()` before anything that sees every key (size, iteration).
 */
class RestoringMap<K, V> extends Map<K, V> {
  constructor(
    private readonly fill: (key: K) => void,
    private readonly fillAll: () => void,
  ) {
    super();
  }
  override get(key: K): V | undefined {
    this.fill(key);
    return super.get(key);
  }
  override has(key: K): boolean {
    this.fill(key);
    return super.has(key);
  }
  override get size(): number {
    this.fillAll();
    return super.size;
  }
  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.fillAll();
    super.forEach(callback, thisArg);
  }
  override entries(): MapIterator<[K, V]> {
    this.fillAll();
    return super.entries();
  }
  override keys(): MapIterator<K> {
    this.fillAll();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.fillAll();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/** A Set that asks for its members to be restored before it answers (see RestoringMap). */
class RestoringSet<T> extends Set<T> {
  constructor(
    private readonly fill: (value: T) => void,
    private readonly fillAll: () => void,
  ) {
    super();
  }
  override has(value: T): boolean {
    this.fill(value);
    return super.has(value);
  }
  override get size(): number {
    this.fillAll();
    return super.size;
  }
  override forEach(callback: (value: T, value2: T, set: Set<T>) => void, thisArg?: unknown): void {
    this.fillAll();
    super.forEach(callback, thisArg);
  }
  override entries(): SetIterator<[T, T]> {
    this.fillAll();
    return super.entries();
  }
  override keys(): SetIterator<T> {
    return this.values();
  }
  override values(): SetIterator<T> {
    this.fillAll();
    return super.values();
  }
  override [Symbol.iterator](): SetIterator<T> {
    return this.values();
  }
}

/**
 * A Dictionary from a snapshot (see takeSnapshot). The snapshot's objects are not modified. Its
 * keys are restored a bucket at a time, when the scanner first looks up a key of that bucket: a
 * page meets a few dozen of the dictionary's thousands of keys, and an English page no Chinese
 * key at all. It finds exactly what the compiled dictionary finds.
 */
export function restoreSnapshot(snapshot: DictionarySnapshot): Dictionary {
  if (snapshot.version !== SNAPSHOT_VERSION) {
    throw new Error(`matcher: dictionary snapshot version ${snapshot.version}, expected ${SNAPSHOT_VERSION}`);
  }
  // Indexed loops: this runs once per page, as cold code.
  const targetLines = snapshot.targets.split(LINE);
  const slots: (Slot | undefined)[] = new Array(targetLines.length + snapshot.entries.length);
  // Region lines come first and are "r" and the id: a region's place among them is its line's.
  const regionAt = (index: number): string => (targetLines[index] as string).slice(1);
  const slotAt = (index: number): Slot => {
    let slot = slots[index];
    if (slot === undefined) {
      slot = parseTarget(targetLines[index] as string, regionAt);
      slots[index] = slot;
    }
    return slot;
  };
  for (let i = 0; i < snapshot.entries.length; i += 1) {
    const value = snapshot.entries[i] as SnapshotEntry;
    slots[targetLines.length + i] = {
      kind: 'entry',
      term: value[0],
      targets: value[1].map((t) => slotAt(t) as Target),
      declared: value[2],
      caseTokens: value[3] === null ? undefined : value[3].map((t) => t ?? undefined),
    };
  }

  const pendingLatin = new Map<number, string>();
  const latinLines = snapshot.latin === '' ? [] : snapshot.latin.split(LINE);
  for (let i = 0; i < latinLines.length; i += 1) {
    const line = latinLines[i] as string;
    pendingLatin.set(latinBucket(line.slice(0, line.indexOf(GROUP))), line);
  }
  let pendingHan: string | undefined = snapshot.han === '' ? undefined : snapshot.han;
  const setEntry = Map.prototype.set;
  const getLength = Map.prototype.get;
  const addPrefix = Set.prototype.add;

  /** Restores the groups of a bucket line; `head` is the part of each key the line leaves out. */
  const restoreGroups = (groups: readonly string[], from: number, head: string, han: boolean): void => {
    for (let g = from; g < groups.length; g += 1) {
      const parts = (groups[g] as string).split(KEY);
      const ref = parts[0] as string;
      const plainWords = ref.charCodeAt(0) !== 33; // "!"
      const slot = slotAt(parseInt(plainWords ? ref : ref.slice(1), 36));
      for (let k = 1; k < parts.length; k += 1) {
        const key = head + (parts[k] as string);
        setEntry.call(entries, key, slot);
        if (han) {
          const code = key.charCodeAt(0);
          setEntry.call(hanLengths, code, ((getLength.call(hanLengths, code) as number | undefined) ?? 0) | lengthBit(key.length));
        } else if (plainWords) {
          for (let space = key.indexOf(' '); space !== -1; space = key.indexOf(' ', space + 1)) addPrefix.call(prefixes, key.slice(0, space));
        }
      }
    }
  };
  const restoreHan = (): void => {
    const han = pendingHan;
    if (han === undefined) return;
    pendingHan = undefined;
    restoreGroups(han.split(GROUP), 0, '', true);
  };
  const restoreKey = (key: string): void => {
    if (key.charCodeAt(0) >= HAN_FROM) {
      restoreHan();
      return;
    }
    if (pendingLatin.size !== 0) restoreBucket(latinBucket(key));
  };
  const restoreBucket = (bucket: number): void => {
    const line = pendingLatin.get(bucket);
    if (line === undefined) return;
    pendingLatin.delete(bucket);
    const groups = line.split(GROUP);
    restoreGroups(groups, 1, groups[0] as string, false);
  };
  const restoreAll = (): void => {
    for (const bucket of [...pendingLatin.keys()]) restoreBucket(bucket);
    restoreHan();
  };
  const entries: Map<string, Slot> = new RestoringMap<string, Slot>(restoreKey, restoreAll);
  const prefixes: Set<string> = new RestoringSet<string>(restoreKey, restoreAll);
  const hanLengths: Map<number, number> = new RestoringMap<number, number>(restoreHan, restoreAll);

  const dict = new Dictionary({ entries, prefixes, hanLengths });
  dict.restored = true;
  for (let i = 0; i < snapshot.prefixes.length; i += 1) addPrefix.call(prefixes, snapshot.prefixes[i] as string);
  const buckets = snapshot.firstTokens.split(LINE);
  for (let i = 0; i < buckets.length; i += 1) {
    const pair = buckets[i] as string;
    const dot = pair.indexOf('.');
    dict.firstTokens[parseInt(pair.slice(0, dot), 36)] = parseInt(pair.slice(dot + 1), 36);
  }
  dict.maxHanLength = snapshot.maxHanLength;
  dict.hanMinCode = snapshot.hanMinCode ?? Infinity;
  return dict;
}
