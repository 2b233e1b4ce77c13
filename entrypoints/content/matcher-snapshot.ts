/**
 * The compiled dictionary as plain JSON data, so that it can be compiled at build time and
 * restored on a page in a few milliseconds (data/dictionary-compiled.json, which
 * matcher-snapshot-write.ts writes and test/unit/matcher-snapshot.test.ts keeps in sync).
 *
 * Restoring is a few loops of Map.set over arrays the bundler has already parsed: no term is
 * folded, split or merged again. The clashes found while compiling are left out (they are for
 * the data's tests and reports, which compile); a restored dictionary refuses listClashes.
 */
import type { RegionId } from '../../data/schema';
import { Dictionary, type Entry, type EntityTarget, type Slot, type Target } from './matcher-dictionary';
import { isLatinTerm, keyPrefixes } from './matcher-terms';

/** Bump when the Dictionary's shape or the snapshot's layout changes. */
export const SNAPSHOT_VERSION = 2;

/** An Entry as [term, its targets as indexes into the snapshot's targets, declared, caseTokens (null for undefined)]. */
export type SnapshotEntry = [term: string, targets: number[], declared: boolean, caseTokens: (string | null)[] | null];

/**
 * A compiled dictionary as JSON data (see takeSnapshot). Its bulk is two strings of lines, which
 * cost the bundle far less than arrays of objects and restore with one split each:
 * - `targets`: every target once, a line each: the kind's letter (r, c, s, b) and the id, then
 *   for a city its region, for a sector its category, and "d" for a district ("cbaoan guangdong d");
 * - `keys`: every key in sorted order, front-coded: a base-36 digit saying how many characters
 *   it shares with the line before (at most 35), the rest of the key, "~" and its slot (the
 *   target's index in base 36, or "!" and the index of an Entry in `entries`).
 */
export interface DictionarySnapshot {
  version: number;
  targets: string;
  keys: string;
  entries: SnapshotEntry[];
  /** The non-zero buckets of Dictionary.firstTokens, as bucket, bits, bucket, bits … */
  firstTokens: number[];
}

const KIND_LETTER = { region: 'r', city: 'c', sector: 's', block: 'b' } as const;
const LETTER_KIND: Record<string, Target['kind']> = { r: 'region', c: 'city', s: 'sector', b: 'block' };
/** The most characters a front-coded line can say it shares (one base-36 digit). */
const MAX_SHARED = 35;
const LINE = '|';
const FIELD = '~';

function targetLine(target: Target): string {
  const letter = KIND_LETTER[target.kind];
  if (target.kind === 'block') return `${letter}${target.id}`;
  if (target.kind === 'region' && target.region === target.id) return `${letter}${target.id}`;
  const parent = target.kind === 'sector' ? target.category : target.region;
  return `${letter}${target.id}${parent === undefined ? '' : ` ${parent}`}${target.district ? ' d' : ''}`;
}

function parseTarget(line: string): Target {
  const kind = LETTER_KIND[line[0] ?? ''];
  const [id = '', parent, district] = line.slice(1).split(' ');
  if (kind === 'block') return { kind, id: id as RegionId };
  if (kind === 'region') return { kind, id, region: id as RegionId };
  if (kind === 'sector') return parent === undefined ? { kind, id } : { kind, id, category: parent };
  if (kind === 'city') {
    const city: EntityTarget = { kind, id, region: parent as RegionId };
    if (district === 'd') city.district = true;
    return city;
  }
  throw new Error(`matcher: dictionary snapshot target "${line}" has no known kind`);
}

/** Sorted strings as front-coded lines, each followed by its `suffixes` item (if any). */
function frontCode(sorted: readonly string[], suffixes?: readonly string[]): string {
  let previous = '';
  const lines: string[] = [];
  sorted.forEach((text, i) => {
    if (text.includes(LINE) || text.includes(FIELD)) throw new Error(`matcher: a key holds "${LINE}" or "${FIELD}": ${text}`);
    let shared = 0;
    const most = Math.min(previous.length, text.length, MAX_SHARED);
    while (shared < most && previous.charCodeAt(shared) === text.charCodeAt(shared)) shared += 1;
    lines.push(`${shared.toString(36)}${text.slice(shared)}${suffixes ? suffixes[i] : ''}`);
    previous = text;
  });
  return lines.join(LINE);
}

/** Calls `each` with every front-coded line's text and the rest of the line after `separator`. */
function frontDecode(coded: string, separator: string | null, each: (text: string, rest: string) => void): void {
  if (coded === '') return;
  const lines = coded.split(LINE);
  let previous = '';
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const cut = separator === null ? line.length : line.lastIndexOf(separator);
    const text = previous.slice(0, parseInt(line[0] as string, 36)) + line.slice(1, cut);
    each(text, separator === null ? '' : line.slice(cut + 1));
    previous = text;
  }
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The dictionary as JSON data; restoreSnapshot(takeSnapshot(d)) scans exactly like d. */
export function takeSnapshot(dict: Dictionary): DictionarySnapshot {
  const targetLines: string[] = [];
  const indexes = new Map<Target, number>();
  const indexOf = (target: Target): number => {
    let index = indexes.get(target);
    if (index === undefined) {
      index = targetLines.length;
      indexes.set(target, index);
      targetLines.push(targetLine(target));
    }
    return index;
  };
  const keys = [...dict.entries.keys()].sort(byCodeUnits);
  const entries: SnapshotEntry[] = [];
  const slots = keys.map((key) => {
    const slot = dict.entries.get(key) as Slot;
    if (slot.kind !== 'entry') return `${FIELD}${indexOf(slot).toString(36)}`;
    entries.push([
      slot.term,
      slot.targets.map(indexOf),
      slot.declared,
      slot.caseTokens === undefined ? null : slot.caseTokens.map((t) => t ?? null),
    ]);
    return `${FIELD}!${(entries.length - 1).toString(36)}`;
  });
  const firstTokens: number[] = [];
  dict.firstTokens.forEach((bits, bucket) => {
    if (bits !== 0) firstTokens.push(bucket, bits);
  });
  return {
    version: SNAPSHOT_VERSION,
    targets: targetLines.join(LINE),
    keys: frontCode(keys, slots),
    entries,
    firstTokens,
  };
}

/** A Dictionary from a snapshot (see takeSnapshot). The snapshot's objects are not modified. */
export function restoreSnapshot(snapshot: DictionarySnapshot): Dictionary {
  if (snapshot.version !== SNAPSHOT_VERSION) {
    throw new Error(`matcher: dictionary snapshot version ${snapshot.version}, expected ${SNAPSHOT_VERSION}`);
  }
  const dict = new Dictionary();
  dict.restored = true;
  // Indexed loops: this runs once per page, as cold code.
  const targets = snapshot.targets.split(LINE).map(parseTarget);
  const entries: Entry[] = [];
  for (let i = 0; i < snapshot.entries.length; i += 1) {
    const value = snapshot.entries[i] as SnapshotEntry;
    entries.push({
      kind: 'entry',
      term: value[0],
      targets: value[1].map((t) => targets[t] as Target),
      declared: value[2],
      caseTokens: value[3] === null ? undefined : value[3].map((t) => t ?? undefined),
    });
  }
  frontDecode(snapshot.keys, FIELD, (key, slot) => {
    // The beginnings of Latin keys and the lengths of Chinese ones follow from the keys, as
    // compiling found them (test/unit/matcher-snapshot.test.ts compares the two).
    if (isLatinTerm(key)) {
      const prefixes = keyPrefixes(key) ?? [];
      for (let i = 0; i < prefixes.length; i += 1) dict.prefixes.add(prefixes[i] as string);
    } else {
      dict.addHanLength(key);
    }
    dict.entries.set(
      key,
      slot.charCodeAt(0) === 33 /* ! */
        ? (entries[parseInt(slot.slice(1), 36)] as Entry)
        : (targets[parseInt(slot, 36)] as Target),
    );
  });
  const { firstTokens } = snapshot;
  for (let i = 0; i < firstTokens.length; i += 2) dict.firstTokens[firstTokens[i] as number] = firstTokens[i + 1] as number;
  return dict;
}
