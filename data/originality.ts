/**
 * How the data's own sentences are told apart from the research base's (../shared/research) without
 * carrying the base's sentences in the repository: its 6-word runs and the word sets of its
 * sentences are committed as short salted SHA-256 hashes (data/research-fingerprint.json, written
 * by hand with `npm run data:fingerprint`), and the data tests hash our texts the same way.
 */
import { createHash } from 'node:crypto';

/** Words in a run that may not appear in the research base in the same order. */
export const RUN_LENGTH = 6;
/** Hex digits kept of each hash: 40 bits, so a false match among ~10^4 runs is ~10^-8. */
const HASH_HEX = 10;
const SALT = 'fyp-lens originality v1\n';

/**
 * Words that carry little meaning: left out of word sets, so two sentences count as alike for
 * what they say, not for sharing "the" and "of".
 */
const STOP_WORDS = new Set(
  ('a about above after all also an and any are as at be been but by for from has have in into is it its ' +
    'more most of on or other over per such than that the their them these this those through to under up ' +
    'was were which will with within').split(' '),
);

/** Words as written: lower case, straight quotes, "1,550" as one number, outer punctuation dropped. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/(?<=\d),(?=\d)/g, '')
    .split(/[^\p{L}\p{N}_'.%+&-]+/u)
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter((w) => w !== '');
}

/** A short salted hash of a word or run. */
export function hashOf(value: string): string {
  return createHash('sha256').update(SALT + value).digest('hex').slice(0, HASH_HEX);
}

/** Hashes of every run of RUN_LENGTH consecutive words. */
export function runHashes(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + RUN_LENGTH <= w.length; i++) out.add(hashOf(w.slice(i, i + RUN_LENGTH).join(' ')));
  return out;
}

/** A word's meaning-bearing form: a plural or possessive "s" dropped. */
function stem(word: string): string {
  const w = word.replace(/'s$/, '');
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** Hashes of the content words of a text (stop words left out, plurals folded). */
export function wordSetHashes(text: string): Set<string> {
  return new Set(words(text).filter((w) => !STOP_WORDS.has(w)).map((w) => hashOf(stem(w))));
}

/** Jaccard index of two sets: shared / united. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  const united = a.size + b.size - shared;
  return united === 0 ? 0 : shared / united;
}

/** Sentences of a text (split after . ; or ! followed by a space), for word-set comparison. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.;!])\s+/).map((s) => s.trim()).filter((s) => s !== '');
}

/** data/research-fingerprint.json. */
export interface ResearchFingerprint {
  about: string;
  runLength: number;
  /** Sorted hashes of every RUN_LENGTH-word run in the research base's texts. */
  runs: string[];
  /** Per research sentence of at least 6 content words: its content-word hashes, space-separated. */
  sentences: string[];
}
