/**
 * Finds a place name inside a sector term while compiling ("Beijing-Tianjin-Hebei" holds
 * Beijing): such a term would hide the place, so the builder leaves it out and reports it.
 * Places are whole English words or runs of two or more Chinese characters; the leftmost place
 * wins, then the shortest. Sectors are added after every place name, so the map is complete.
 */
import { LENGTH_BITS, isPlace, mayHaveLength, type Dictionary, type Slot, type Target } from './matcher-dictionary';
import { isHanAt, isPlainKey, isWordCharAt } from './matcher-terms';

/** Where a place name may end inside a key: at a word's end, or after any Chinese character. */
const canEndAt = (key: string, i: number): boolean =>
  isHanAt(key, i - 1) || (isWordCharAt(key, i - 1) && !isWordCharAt(key, i));

/** The place a slot stands for, if any. */
function placeIn(slot: Slot | undefined): Target | undefined {
  if (slot === undefined) return undefined;
  if (slot.kind === 'entry') return slot.targets.find(isPlace);
  return isPlace(slot) ? slot : undefined;
}

/** The place inside a folded term key (see the module comment), if any. */
export function placeInside(dict: Dictionary, key: string, latin: boolean): Target | undefined {
  if (latin && isPlainKey(key)) return placeInWords(dict, key);
  for (let start = 0; start < key.length; start += 1) {
    const found = isHanAt(key, start)
      ? placeFromHan(dict, key, start)
      : isWordCharAt(key, start) && !isWordCharAt(key, start - 1)
        ? placeFromWord(dict, key, start)
        : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** placeInside for a key of Chinese characters only (most Chinese terms): every substring of a length some term has. */
export function placeInHan(dict: Dictionary, key: string): Target | undefined {
  for (let start = 0; start < key.length - 1; start += 1) {
    // Written out (no canEndAt, no helpers): every position is a place a name may end.
    const bits = dict.hanLengths.get(key.charCodeAt(start)) ?? 0;
    const longest = Math.min(key.length - start, (bits & 1) !== 0 ? dict.maxHanLength : LENGTH_BITS);
    for (let n = 2; n <= longest; n += 1) {
      if ((bits & (n <= LENGTH_BITS ? 1 << n : 1)) === 0) continue;
      const found = placeIn(dict.entries.get(key.slice(start, start + n)));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** placeInside for a key of plain words and single spaces (most English terms): runs of whole words. */
export function placeInWords(dict: Dictionary, key: string): Target | undefined {
  const { entries, prefixes } = dict;
  for (let start = 0; start !== -1; ) {
    // Longer runs only while the run so far begins some longer term, as the scanner does.
    for (let end = key.indexOf(' ', start); ; end = key.indexOf(' ', end + 1)) {
      const run = key.slice(start, end === -1 ? key.length : end);
      const found = placeIn(entries.get(run));
      if (found !== undefined) return found;
      if (end === -1 || !prefixes.has(run)) break;
    }
    const space = key.indexOf(' ', start);
    start = space === -1 ? -1 : space + 1;
  }
  return undefined;
}

/** The shortest place from a word start: up to each later point a name may end. */
function placeFromWord(dict: Dictionary, key: string, start: number): Target | undefined {
  for (let end = start + 1; end <= key.length; end += 1) {
    const found = canEndAt(key, end) ? placeIn(dict.entries.get(key.slice(start, end))) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The shortest place from a Chinese character: only the lengths some Chinese term has are tried. */
function placeFromHan(dict: Dictionary, key: string, start: number): Target | undefined {
  const bits = dict.hanLengths.get(key.charCodeAt(start)) ?? 0;
  const longest = Math.min(key.length - start, mayHaveLength(bits, Infinity) ? dict.maxHanLength : LENGTH_BITS);
  for (let n = 1; n <= longest; n += 1) {
    if (!mayHaveLength(bits, n)) continue;
    const found = canEndAt(key, start + n) ? placeIn(dict.entries.get(key.slice(start, start + n))) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}
