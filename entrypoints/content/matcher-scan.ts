/**
 * The scanning half of the matcher: finds every dictionary term in a text with hash-map lookups
 * (no big RegExp, so nothing to compile on a page's first call). Latin text is cut into tokens
 * and phrases of tokens are looked up by folded key; Chinese is looked up by substring.
 */
import { LENGTH_BITS, mayHaveLength, type Dictionary, type Resolved, type Slot } from './matcher-dictionary';
import { HAN_FROM, TokenCursor, foldKey, isWordCharAt } from './matcher-terms';
import { isHanWord } from './matcher-words';

/** A term found in a text: its span and what it stands for. */
export interface Candidate {
  start: number;
  end: number;
  entry: Resolved;
}

/** True if text[start, end) has lower-case Latin letters and no capital: "beijing", "shanghaied". */
function isAllLowercase(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first >= 65 && first <= 90) return false; // the usual case, a capital first: no string built
  const span = text.slice(start, end);
  return /[a-z]/.test(span) && span === span.toLowerCase();
}

const CURLY_QUOTES = /[\u2018\u2019]/g;

/**
 * True if the tokens of text[start, end) spell a slot's acronyms exactly (AI, not Ai or ai).
 * `end` may cut the last token's "+" off ("AI" in "AI+").
 */
function caseFits(slot: Slot, text: string, start: number, end: number): boolean {
  const rule = slot.kind === 'entry' ? slot.caseTokens : undefined;
  if (rule === undefined) return true;
  const cursor = new TokenCursor(text);
  let from = start;
  for (let k = 0; k < rule.length && cursor.seek(from); k += 1) {
    from = cursor.end;
    const want = rule[k];
    if (want !== undefined && text.slice(cursor.start, Math.min(cursor.end, end)).replace(CURLY_QUOTES, "'") !== want) {
      return false;
    }
  }
  return true;
}

/**
 * Latin candidates, one per token at most: the longest term starting there. From each token the
 * phrase grows a token at a time while its key is the beginning of some longer term (most tokens
 * stop after one lookup), joined across spaces and hyphens as the dictionary keys are.
 */
function scanLatin(dict: Dictionary, text: string, found: Candidate[]): void {
  const cursor = new TokenCursor(text);
  const ahead = new TokenCursor(text);
  for (let from = 0; cursor.seek(from); from = cursor.end) {
    const { start } = cursor;
    // Most words start no term: the filter says so without a key string ("AI+" also as "AI").
    if (cursor.ascii && !dict.mayStartKey(text, start, cursor.end)) {
      const plus = text.charCodeAt(cursor.end - 1) === 43;
      if (!plus || !dict.mayStartKey(text, start, cursor.end - 1)) continue;
    }
    let phrase = cursor.key();
    let end = cursor.end;
    let best: Slot | undefined;
    let bestEnd = 0;
    for (;;) {
      const slot = dict.entries.get(phrase);
      if (slot !== undefined && caseFits(slot, text, start, end)) {
        best = slot;
        bestEnd = end;
      } else if (phrase.endsWith('+')) {
        // "AI+" when only "AI" is a term: the "+" is punctuation after it.
        const bare = dict.entries.get(phrase.slice(0, -1));
        if (bare !== undefined && caseFits(bare, text, start, end - 1)) {
          best = bare;
          bestEnd = end - 1;
        }
      }
      if (!dict.prefixes.has(phrase) || !ahead.seek(end)) break;
      const gap = text.slice(end, ahead.start);
      phrase += (gap === ' ' ? gap : foldKey(gap)) + ahead.key();
      end = ahead.end;
    }
    if (best === undefined) continue;
    const entry = dict.resolve(best);
    // An all-lowercase place name is dropped outright, not traded for a shorter term.
    if (entry.rejectLowercase && isAllLowercase(text, start, bestEnd)) continue;
    found.push({ start, end: bestEnd, entry });
  }
}

/** The Chinese term of length n at position i, if there is one and its end is a boundary. */
function hanTermAt(dict: Dictionary, text: string, i: number, n: number): Slot | undefined {
  const end = i + n;
  const slot = dict.entries.get(text.slice(i, end));
  // A term ending in a Latin letter or digit ends at a word boundary, as Latin terms do.
  return slot !== undefined && !(isWordCharAt(text, end - 1) && isWordCharAt(text, end)) ? slot : undefined;
}

/** Whether a key is a place name. */
function isPlaceKey(dict: Dictionary, key: string): boolean {
  const slot = dict.entries.get(key);
  return slot !== undefined && dict.resolve(slot).place;
}

/** Whether a Chinese place name starts at text[at] (any length a term has there). */
function placeStartsAt(dict: Dictionary, text: string, at: number): boolean {
  const bits = dict.hanLengths.get(text.charCodeAt(at));
  if (bits === undefined) return false;
  const longest = Math.min(mayHaveLength(bits, Infinity) ? dict.maxHanLength : LENGTH_BITS, text.length - at);
  for (let n = 2; n <= longest; n += 1) {
    if (!mayHaveLength(bits, n)) continue;
    if (isPlaceKey(dict, text.slice(at, at + n))) return true;
  }
  return false;
}

/**
 * Chinese candidates, one per position at most: the longest term starting there. Every position
 * is tried, not only those after a match, so that overlaps (浙江 and 江西 in 浙江西部) are seen
 * and resolved by the caller. Only characters some term starts with cost a lookup per length.
 */
function scanHan(dict: Dictionary, text: string, found: Candidate[]): void {
  const min = dict.hanMinCode;
  // Where the last place name found ends: a name right after it needs no left word boundary.
  let lastPlaceEnd = -1;
  const names = {
    afterName: false,
    nameAt: (at: number) => placeStartsAt(dict, text, at),
    isName: (from: number, to: number) => isPlaceKey(dict, text.slice(from, to)),
  };
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < min) continue;
    const bits = dict.hanLengths.get(code);
    if (bits === undefined) continue;
    const room = text.length - i;
    // Longest first. Lengths over LENGTH_BITS are all tried: the set only says that some exist.
    for (let n = Math.min(mayHaveLength(bits, Infinity) ? dict.maxHanLength : LENGTH_BITS, room); n > 0; n -= 1) {
      if (!mayHaveLength(bits, n)) continue;
      const slot = hanTermAt(dict, text, i, n);
      if (slot === undefined) continue;
      const entry = dict.resolve(slot);
      // A place name inside a longer word (中山路, 吉林市场) is none: try the shorter terms here.
      names.afterName = lastPlaceEnd === i;
      if (entry.place && !isHanWord(text, i, i + n, names)) continue;
      if (entry.place) lastPlaceEnd = i + n;
      found.push({ start: i, end: i + n, entry });
      break;
    }
  }
}

/** Merges two lists sorted by start; at one start the longer goes last (the resolver keeps it). */
function merge(a: Candidate[], b: Candidate[]): Candidate[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && (x.start - y.start || x.end - y.end) <= 0)) {
      if (x !== undefined) out.push(x);
      i += 1;
    } else {
      out.push(y);
      j += 1;
    }
  }
  return out;
}

/** A character from HAN_FROM on: where the snapshot's Chinese keys start. */
const FROM_HAN = new RegExp(`[\\u${HAN_FROM.toString(16)}-\\uffff]`);

/** Every candidate in text, sorted by start: at each start, the longest term. */
export function scan(dict: Dictionary, text: string): Candidate[] {
  const latin: Candidate[] = [];
  const han: Candidate[] = [];
  scanLatin(dict, text, latin);
  // Most texts have no character a Chinese term can start with: one native search says so.
  if (dict.maxHanLength > 0 && (dict.hanMinCode < HAN_FROM || FROM_HAN.test(text))) scanHan(dict, text, han);
  return merge(latin, han);
}
