/**
 * Finds the sentence around a mention in a block of text, in English or Chinese. Pure. The
 * block's sentence ends are found once, in one pass; each mention then costs a binary search
 * and a bounded slice, so a block's sentences take time linear in its length, whatever the
 * number of mentions (a huge block without punctuation is one huge sentence, of which only a
 * window around the mention is ever read).
 */

const MAX_LENGTH = 320;
/** Sentences longer than this (raw) are read only in a window around the mention. */
const WHOLE_LIMIT = 4 * MAX_LENGTH;
// A full stop ends a sentence only when followed by a space (not "3.5%" or "U.S."-style dots
// inside words); Chinese and other closing marks end it at once.
const END_BEFORE = /[.!?](?=\s)|[。！？；]/g;

/** Folds runs of whitespace into one space; most text has none to fold, and is returned as is. */
function foldSpaces(text: string): string {
  return /[^\S ]| {2}/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Characters read, for tests of the work done (not of the time taken). */
export interface SentenceStats {
  scanned: number;
}

/** Returns a function giving the sentence of `text` around [start, end), trimmed, ~320 chars at most. */
export function sentenceFinder(text: string, stats?: SentenceStats): (start: number, end: number) => string {
  // Where each end mark is, and where the sentence after it starts.
  const marks: number[] = [];
  const stops: number[] = [];
  END_BEFORE.lastIndex = 0;
  for (let m = END_BEFORE.exec(text); m !== null; m = END_BEFORE.exec(text)) {
    marks.push(m.index);
    stops.push(m.index + m[0].length);
  }
  if (stats) stats.scanned += text.length;
  return (start, end) => {
    // The sentence starts after the last end that comes before the mention, and ends with the
    // first end mark at or after the mention's last character.
    const before = lastAtMost(stops, start);
    const from = before < 0 ? 0 : (stops[before] as number);
    const after = firstAtLeast(marks, end - 1);
    const to = after < marks.length ? (stops[after] as number) : text.length;
    if (to - from <= WHOLE_LIMIT) {
      if (stats) stats.scanned += to - from;
      let sentence = foldSpaces(text.slice(from, to)).trim();
      if (sentence.length > MAX_LENGTH) {
        // Keep the mention in view: centre the window on it.
        const local = Math.max(0, start - from - MAX_LENGTH / 2);
        sentence = `${local > 0 ? '…' : ''}${sentence.slice(local, local + MAX_LENGTH).trim()}…`;
      }
      return sentence;
    }
    // A very long sentence: read a window around the mention only.
    const windowStart = Math.max(from, start - MAX_LENGTH);
    const windowEnd = Math.min(to, end + MAX_LENGTH);
    if (stats) stats.scanned += windowEnd - windowStart;
    const head = foldSpaces(text.slice(windowStart, start));
    const rest = foldSpaces(text.slice(start, windowEnd));
    const local = Math.max(0, head.length - MAX_LENGTH / 2);
    const cut = `${head}${rest}`.slice(local, local + MAX_LENGTH).trim();
    return `${local > 0 || windowStart > from ? '…' : ''}${cut}…`;
  };
}

/** The sentence of `text` that contains [start, end) (see sentenceFinder, for many mentions). */
export function sentenceAround(text: string, start: number, end: number): string {
  return sentenceFinder(text)(start, end);
}

/** Index of the last value ≤ x in ascending `values`, or -1. */
function lastAtMost(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first value ≥ x in ascending `values`, or values.length. */
function firstAtLeast(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The most distinct sentences a page's results carry per region (the popup lists them). */
export const SENTENCES_PER_REGION = 12;

/**
 * Keeps each region's first `perRegion` distinct sentences on its mentions and blanks the rest
 * (and repeats, and sector and strategy mentions' sentences, which nothing shows), so that the popup's answer
 * stays small on a page naming a region hundreds of times. Returns the mentions (new objects
 * where changed) and, per region, how many distinct sentences were left out.
 */
export function keepSentences<M extends { kind: string; id: string; region?: string; sentence: string }>(
  mentions: readonly M[],
  perRegion = SENTENCES_PER_REGION,
): { mentions: M[]; leftOut: Record<string, number> } {
  const kept = new Map<string, Set<string>>();
  const dropped = new Map<string, Set<string>>();
  const out = mentions.map((mention) => {
    if (mention.sentence === '') return mention;
    const region = mention.kind === 'region' || mention.kind === 'city' ? (mention.region ?? mention.id) : undefined;
    if (region === undefined) return { ...mention, sentence: '' };
    const own = kept.get(region) ?? new Set<string>();
    kept.set(region, own);
    if (own.has(mention.sentence)) return { ...mention, sentence: '' };
    if (own.size < perRegion) {
      own.add(mention.sentence);
      return mention;
    }
    const gone = dropped.get(region) ?? new Set<string>();
    dropped.set(region, gone);
    gone.add(mention.sentence);
    return { ...mention, sentence: '' };
  });
  const leftOut: Record<string, number> = {};
  for (const [region, gone] of dropped) leftOut[region] = gone.size;
  return { mentions: out, leftOut };
}
