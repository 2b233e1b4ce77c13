/**
 * Chinese word boundaries for place names: a name inside a longer word is no mention of the
 * place (中山路 is a road, 孙中山 a person, 吉林市场 a market in Jilin, not Jilin City). Chinese
 * has no spaces, so the browser's dictionary-based segmentation (Intl.Segmenter, in Chromium and
 * Firefox) says where words are. Only the words at a candidate's edges are asked for, and only
 * where a Chinese character touches an edge (each question costs about 10 µs).
 */
import { isHanAt } from './matcher-terms';

/** Characters a name may run on with inside one segmented word: its level (湖北省) or people (河南人). */
const LEVEL_SUFFIX = /^[省市县区州盟旗镇乡村人籍一二三四五六七八九十两各全]/;

interface Segment {
  segment: string;
  index: number;
}
interface Segments {
  containing(index: number): Segment | undefined;
}
type WordSegmenter = { segment(text: string): Segments };
let segmenter: WordSegmenter | null | undefined;
/** The text last segmented: the scanner asks about every name of a block in turn. */
let last: { text: string; segments: Segments } | undefined;

/** The segments of a text (lazily computed by the browser), or null without a segmenter. */
function segmentsOf(text: string): Segments | null {
  if (last?.text === text) return last.segments;
  const words = getSegmenter();
  if (words === null) return null;
  last = { text, segments: words.segment(text) };
  return last.segments;
}

function getSegmenter(): WordSegmenter | null {
  if (segmenter === undefined) {
    const Segmenter = (Intl as { Segmenter?: new (locale: string, options: object) => WordSegmenter }).Segmenter;
    segmenter = Segmenter === undefined ? null : new Segmenter('zh', { granularity: 'word' });
  }
  return segmenter;
}

/** What the scanner knows about the names around a candidate. */
export interface NearbyNames {
  /** A name ends where the candidate starts (内蒙古包头: 包头 after 内蒙古). */
  afterName: boolean;
  /** Whether text[from, to) is a place name. */
  isName(from: number, to: number): boolean;
  /** Whether a place name starts at this index. */
  nameAt(index: number): boolean;
}

/**
 * Whether the Chinese name at text[start, end) is a word of its own. The segmenter's own
 * dictionary splits rarer names badly (益|阳), so only what it is sure of counts against a name:
 * - a word that begins before the name and runs to its end or beyond holds it (孙中山);
 * - a word that begins with the name and goes on is another word (中山装, 中山陵), unless what
 *   follows is the name's level (湖北省) or another name (内蒙古包头, segmented 内|蒙古包|头);
 * - a word that begins inside the name and goes on past it, where the name's beginning up to
 *   that word is a name itself, took the longer name's last character (吉林市场 is 吉林|市场:
 *   Jilin's market, not Jilin City).
 * True where the browser has no segmenter.
 */
export function isHanWord(text: string, start: number, end: number, names: NearbyNames): boolean {
  // Punctuation or Latin on both sides: no word can cross either edge (no lookup, the usual
  // case in lists and headlines).
  const leftOpen = start > 0 && isHanAt(text, start - 1) && !names.afterName;
  const rightOpen = isHanAt(text, end);
  if (!leftOpen && !rightOpen) return true;
  const words = segmentsOf(text);
  if (words === null) return true;
  const first = words.containing(start);
  if (first === undefined) return true;
  const firstEnd = first.index + first.segment.length;
  if (first.index < start) {
    if (firstEnd >= end && leftOpen) return false;
  } else if (firstEnd > end) {
    return LEVEL_SUFFIX.test(text.slice(end, firstEnd)) || names.nameAt(end);
  }
  if (!rightOpen || firstEnd >= end) return true;
  const last = words.containing(end - 1);
  if (last === undefined || last.index + last.segment.length <= end) return true;
  return !names.isName(start, last.index);
}
