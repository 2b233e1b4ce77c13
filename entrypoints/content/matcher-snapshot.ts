/**
 * The compiled dictionary as plain JSON data, so that it can be compiled at build time and
 * restored on a page in a few milliseconds (data/dictionary-compiled.json, which
 * matcher-snapshot-write.ts writes and test/unit/matcher-snapshot.test.ts keeps in sync).
 *
 * Restoring is a few loops of Map.set over arrays the bundler has already parsed: no term is
 * folded, split or merged again. The clashes found while compiling are left out (they are for
 * the data's tests and reports, which compile); a restored dictionary refuses listClashes.
 */
import { Dictionary, type Entry, type Slot, type Target } from './matcher-dictionary';

/** Bump when the Dictionary's shape or the snapshot's layout changes. */
export const SNAPSHOT_VERSION = 1;

/** An Entry, its targets as indexes into DictionarySnapshot.targets; null for undefined. */
export interface SnapshotEntry {
  term: string;
  targets: number[];
  declared: boolean;
  caseTokens: (string | null)[] | null;
}

/** A compiled dictionary as JSON data (see toSnapshot). */
export interface DictionarySnapshot {
  version: number;
  /** Every target once; slots refer to them by index, so restored keys share them as compiled ones do. */
  targets: Target[];
  /** [key, slot]: a slot is a target's index, or an Entry. */
  entries: [string, number | SnapshotEntry][];
  prefixes: string[];
  /** The non-zero buckets of Dictionary.firstTokens, as [bucket, bits]. */
  firstTokens: [number, number][];
  hanLengths: [number, number][];
  maxHanLength: number;
  /** null if no Chinese term (Infinity is not JSON). */
  hanMinCode: number | null;
}

/** The dictionary as JSON data; restoreSnapshot(toSnapshot(d)) scans exactly like d. */
export function takeSnapshot(dict: Dictionary): DictionarySnapshot {
  const targets: Target[] = [];
  const indexes = new Map<Target, number>();
  const indexOf = (target: Target): number => {
    let index = indexes.get(target);
    if (index === undefined) {
      index = targets.length;
      indexes.set(target, index);
      // A plain copy without undefined properties: the JSON round trip then changes nothing.
      const copy = { ...target } as Record<string, unknown>;
      for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
      targets.push(copy as unknown as Target);
    }
    return index;
  };
  const entries: [string, number | SnapshotEntry][] = [];
  for (const [key, slot] of dict.entries) {
    entries.push([
      key,
      slot.kind === 'entry'
        ? {
            term: slot.term,
            targets: slot.targets.map(indexOf),
            declared: slot.declared,
            caseTokens: slot.caseTokens === undefined ? null : slot.caseTokens.map((t) => t ?? null),
          }
        : indexOf(slot),
    ]);
  }
  const firstTokens: [number, number][] = [];
  dict.firstTokens.forEach((bits, bucket) => {
    if (bits !== 0) firstTokens.push([bucket, bits]);
  });
  return {
    version: SNAPSHOT_VERSION,
    targets,
    entries,
    prefixes: [...dict.prefixes],
    firstTokens,
    hanLengths: [...dict.hanLengths],
    maxHanLength: dict.maxHanLength,
    hanMinCode: Number.isFinite(dict.hanMinCode) ? dict.hanMinCode : null,
  };
}

/** A Dictionary from a snapshot (see takeSnapshot). The snapshot's objects are not modified. */
export function restoreSnapshot(snapshot: DictionarySnapshot): Dictionary {
  if (snapshot.version !== SNAPSHOT_VERSION) {
    throw new Error(`matcher: dictionary snapshot version ${snapshot.version}, expected ${SNAPSHOT_VERSION}`);
  }
  const dict = new Dictionary();
  dict.restored = true;
  const { targets, entries } = snapshot;
  // Indexed loops: this runs once per page, as cold code.
  for (let i = 0; i < entries.length; i += 1) {
    // Indexed, not destructured: destructuring runs the iterator protocol, slow in cold code.
    const pair = entries[i] as [string, number | SnapshotEntry];
    const key = pair[0];
    const value = pair[1];
    let slot: Slot;
    if (typeof value === 'number') {
      slot = targets[value] as Target;
    } else {
      const entry: Entry = {
        kind: 'entry',
        term: value.term,
        targets: value.targets.map((t) => targets[t] as Target),
        declared: value.declared,
        caseTokens: value.caseTokens === null ? undefined : value.caseTokens.map((t) => t ?? undefined),
      };
      slot = entry;
    }
    dict.entries.set(key, slot);
  }
  const { prefixes, firstTokens, hanLengths } = snapshot;
  for (let i = 0; i < prefixes.length; i += 1) dict.prefixes.add(prefixes[i] as string);
  for (let i = 0; i < firstTokens.length; i += 1) {
    const pair = firstTokens[i] as [number, number];
    dict.firstTokens[pair[0]] = pair[1];
  }
  for (let i = 0; i < hanLengths.length; i += 1) {
    const pair = hanLengths[i] as [number, number];
    dict.hanLengths.set(pair[0], pair[1]);
  }
  dict.maxHanLength = snapshot.maxHanLength;
  dict.hanMinCode = snapshot.hanMinCode ?? Infinity;
  return dict;
}

/**
 * A snapshot as the text of data/dictionary-compiled.json: one array item per line, so that a
 * change in data/ makes a readable diff, and no indentation, as the content script bundles the
 * text as it is.
 */
export function snapshotFileText(snapshot: DictionarySnapshot): string {
  const lines = Object.entries(snapshot).map(([key, value]) => {
    const body = Array.isArray(value)
      ? value.length === 0
        ? '[]'
        : `[\n${value.map((item) => JSON.stringify(item)).join(',\n')}\n]`
      : JSON.stringify(value);
    return `${JSON.stringify(key)}:${body}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
