/**
 * The spelling rules of the matcher: what a Latin token is, how terms and texts fold into lookup
 * keys (case, hyphen/space, quotes), which tokens keep their case, and sector plurals. They live
 * here, once, so that a dictionary key and the key built from a text never disagree.
 */

/**
 * How a term is matched. 'fold': Latin, case-insensitive; 'exact': Latin with an acronym token
 * (AI, NEV, 6G), which must match case-exactly while its ordinary words fold; 'han': Chinese,
 * literal.
 */
export type TermMode = 'fold' | 'exact' | 'han';

/** A Latin letter anywhere, or a leading digit: what makes a term Latin ("6G", "eVTOL"). */
const LATIN_TERM = /[A-Za-z\u00c0-\u024f]|^[0-9]/;
/** A folded key of plain words and single spaces ("jilin city"): the common case, folded fast. */
const PLAIN_KEY = /^[a-z0-9\u00c0-\u024f]+(?: [a-z0-9\u00c0-\u024f]+)*$/;
const ONE_WORD = /^[a-z0-9\u00c0-\u024f]+$/;
const NO_PREFIXES: readonly string[] = [];
const HAN_CHARS = /[\u3400-\u9fff\uf900-\ufaff]/g;
/** Spaces and hyphens/dashes between two words: "low-altitude" = "low altitude". */
const SEP_CHARS = /[\s\-\u2010\u2011\u2013]+/g;
const QUOTE_CHARS = /[\u2018\u2019]/g;
const QUOTE_OR_PLUS = /['\u2018\u2019+]/;

/** True for the char code of a Latin letter (ASCII or accented) or digit. NaN (past the end) is not. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);
}

const isQuoteCode = (c: number): boolean => c === 39 || c === 0x2018 || c === 0x2019;

/**
 * Walks the Latin tokens of a text. A token is a run of letters and digits, joined across an
 * in-word apostrophe (Xi'an, Lu’an, Ma'anshan) but not a possessive 's (Guangdong's →
 * Guangdong, s), with an optional trailing "+" (AI+). As a RegExp:
 * /[W]+(?:['‘’](?![sS](?![W]))[W]+)*\+?/g with W = A-Za-z0-9\u00c0-\u024f. Written as a loop
 * over char codes, one token at a time, because it runs over every text: no match objects and
 * no arrays of offsets, so no garbage per word.
 */
export class TokenCursor {
  /** The current token: text[start, end), end after any "+". */
  start = 0;
  end = 0;
  /** The current token crosses an apostrophe (its key folds quotes). */
  quoted = false;
  /** The current token is all ASCII (so lower-casing keeps its length). */
  ascii = true;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** Moves to the first token starting at or after `from`; false if there is none. */
  seek(from: number): boolean {
    const { text } = this;
    const n = text.length;
    let i = from;
    while (i < n && !isWordCode(text.charCodeAt(i))) i += 1;
    if (i >= n) return false;
    this.start = i;
    this.quoted = false;
    let high = 0; // all the token's char codes OR-ed: 128 or more if any is not ASCII
    for (;;) {
      for (; i < n; i += 1) {
        const c = text.charCodeAt(i);
        if (!isWordCode(c)) break;
        high |= c;
      }
      // Reads stay inside the text (charCodeAt past the end gives NaN, which slows the loop).
      if (i + 1 >= n) break;
      const quote = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      if (!isQuoteCode(quote) || !isWordCode(next)) break;
      if ((next === 115 || next === 83) && (i + 2 >= n || !isWordCode(text.charCodeAt(i + 2)))) break; // possessive 's
      this.quoted = true;
      high |= quote;
      i += 1; // past the apostrophe; the word after it is taken by the loop
    }
    if (i < n && text.charCodeAt(i) === 43 /* + */) i += 1;
    this.end = i;
    this.ascii = high < 128;
    return true;
  }

  /** The current token's key: lower case, straight quotes. */
  key(): string {
    const token = this.text.slice(this.start, this.end).toLowerCase();
    return this.quoted ? token.replace(QUOTE_CHARS, "'") : token;
  }
}

/**
 * TokenCursor's rule as a RegExp, for the dictionary's terms: while compiling, code runs cold
 * (interpreted), where one native RegExp call beats a loop over characters; the scanner's
 * loop wins once optimised. A test keeps the two in step.
 */
export const TOKEN_PATTERN =
  /[A-Za-z0-9\u00c0-\u024f]+(?:['\u2018\u2019](?![sS](?![A-Za-z0-9\u00c0-\u024f]))[A-Za-z0-9\u00c0-\u024f]+)*\+?/g;

/** The [start, end) offsets of each Latin token of a text (see TokenCursor), in order. */
export function latinTokens(text: string): [number, number][] {
  const spans: [number, number][] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let m = TOKEN_PATTERN.exec(text); m !== null; m = TOKEN_PATTERN.exec(text)) {
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** True if the character at `index` of `text` is a Latin letter or digit (false past the ends). */
export function isWordCharAt(text: string, index: number): boolean {
  return isWordCode(text.charCodeAt(index));
}

/**
 * Dictionary keys starting at this char code (CJK radicals) or later are Chinese and looked up
 * by substring; Latin keys start below it. The snapshot checks every key against it.
 */
export const HAN_FROM = 0x2e80;

/** True if the character at `index` of `text` is a Chinese character. */
export function isHanAt(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** True for terms written in Latin script (English names, acronyms, "6G", "eVTOL"). */
export function isLatinTerm(term: string): boolean {
  return LATIN_TERM.test(term);
}

/** True for a Chinese term short enough to be a one-character abbreviation (浙, 沪): never matched. */
export function isTooShortHan(term: string): boolean {
  if (isHanAt(term, 0) && isHanAt(term, 1)) return false; // the usual Chinese term
  return !isLatinTerm(term) && term.match(HAN_CHARS)?.length === 1;
}

/** The key a Latin term or text is looked up by: lower case, one space per separator, ' quotes. */
export function foldKey(text: string): string {
  return text.toLowerCase().replace(QUOTE_CHARS, "'").replace(SEP_CHARS, ' ');
}

/** True for a folded key of plain words and single spaces ("jilin city"). */
export function isPlainKey(key: string): boolean {
  return PLAIN_KEY.test(key);
}

/** foldKey of a trimmed Latin term, with a fast path for the plain words most terms are. */
export function latinKey(term: string): string {
  const lower = term.toLowerCase();
  return PLAIN_KEY.test(lower) ? lower : foldKey(term.trim());
}

/** The key a dictionary term is stored under: folded if Latin, as written if Chinese. */
export function termKey(term: string): string {
  return isLatinTerm(term) ? latinKey(term) : term.trim();
}

/**
 * True for a token matched case-exactly: an acronym or code (AI, NEV, 6G, eVTOL, HKSAR, AI+). A
 * plain capitalised word (Digital, Beidou, Xi'an) is a common noun or name and folds case.
 */
function isCaseExactToken(token: string): boolean {
  if (/[0-9]/.test(token)) return true;
  // Each part between apostrophes is judged alone, and a plural "s" does not make "NEVs" a
  // plain word: judge it without the "s".
  const parts = QUOTE_OR_PLUS.test(token) ? token.split(/['\u2018\u2019+]/) : [token];
  return parts.some((part) => /[A-Z]/.test(part.replace(/s$/, '').slice(1)));
}

/** The tokens of a term, as written. */
function termTokens(term: string): string[] {
  return latinTokens(term).map(([start, end]) => term.slice(start, end));
}

/** The mode a term is matched in (see TermMode). */
export function termMode(term: string): TermMode {
  if (!isLatinTerm(term)) return 'han';
  return termTokens(term).some(isCaseExactToken) ? 'exact' : 'fold';
}

/**
 * What a Latin term needs of a text's tokens to match, beyond its folded key: per token, the
 * exact spelling for an acronym token, or undefined for a word that folds case. Undefined for a
 * term with no acronym. ("embodied AI" → [undefined, "AI"].)
 */
export function caseExactTokens(term: string): (string | undefined)[] | undefined {
  const tokens = termTokens(term.trim().replace(QUOTE_CHARS, "'"));
  return tokens.some(isCaseExactToken) ? tokens.map((t) => (isCaseExactToken(t) ? t : undefined)) : undefined;
}

/**
 * The keys of a folded Latin term's proper beginnings, shortest first ("low altitude economy" →
 * "low", "low altitude"): the scanner extends a phrase while its key is one of these. Null if
 * the key does not start and end with a token, so that no text could ever build it.
 */
export function keyPrefixes(key: string): readonly string[] | null {
  if (ONE_WORD.test(key)) return NO_PREFIXES;
  if (PLAIN_KEY.test(key)) {
    const prefixes: string[] = [];
    for (let space = key.indexOf(' '); space !== -1; space = key.indexOf(' ', space + 1)) {
      prefixes.push(key.slice(0, space));
    }
    return prefixes;
  }
  const spans = latinTokens(key);
  if (spans[0]?.[0] !== 0 || spans[spans.length - 1]?.[1] !== key.length) return null;
  return spans.slice(0, -1).map(([, end]) => key.slice(0, end));
}

/** Spacing or quotes that tidy() would change. */
const UNTIDY = /^\s|\s$|\s\s|[^\S ]|[\u2018\u2019]/;

/** Normalises spacing and quotes in a term. */
function tidy(term: string): string {
  return UNTIDY.test(term) ? term.trim().replace(QUOTE_CHARS, "'").replace(/\s+/g, ' ') : term;
}

/** The singular and plural of an ordinary English word (not an acronym), as [word] if it has none. */
function nounForms(word: string): [string] | [string, string] {
  const lower = word.toLowerCase();
  const end = lower.charCodeAt(lower.length - 1);
  // Branch on the last letter first: this runs for every sector term on every page load.
  if (end === 115 /* s */) {
    if (/[^aeiou]ies$/.test(lower)) return [`${word.slice(0, -3)}y`, word];
    if (/ss$|^[a-z]{1,2}s$/.test(lower)) return [word, `${word}es`]; // biomass, gas
    if (/(us|is)$/.test(lower)) return [word];
    if (/(ch|sh|x|z)es$/.test(lower)) return [word.slice(0, -2), word];
    return [word.slice(0, -1), word];
  }
  if (end === 121 /* y */ && /[^aeiou]y$/.test(lower)) return [word, `${word.slice(0, -1)}ies`];
  if ((end === 104 /* h */ || end === 120 /* x */ || end === 122) /* z */ && /(ch|sh|x|z)$/.test(lower)) {
    return [word, `${word}es`];
  }
  return [word, `${word}s`];
}

/** The last word of a text for numberVariants: its trailing ASCII letters and digits, ending in a letter. */
function lastWordStart(text: string): number {
  const last = text.charCodeAt(text.length - 1) | 0x20; // lower-cased if a letter
  if (!(last >= 97 && last <= 122)) return -1;
  let start = text.length - 1;
  for (let c = text.charCodeAt(start - 1); (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122); ) {
    start -= 1;
    c = text.charCodeAt(start - 1);
  }
  return start;
}

/**
 * numberVariants for a folded key of a term without acronyms (so its last word is an ordinary
 * noun): the same variants, folded. ("low altitude economy" → …economy, …economies.) `plain`:
 * the key is lower-case ASCII words and single spaces, so its last word follows the last space.
 */
export function keyNumberVariants(key: string, plain = false): string[] {
  const start = plain ? key.lastIndexOf(' ') + 1 : lastWordStart(key);
  if (start === -1) return [key];
  const head = key.slice(0, start);
  return nounForms(key.slice(start)).map((w) => head + w);
}

/**
 * The singular and plural spellings of a sector term (its last word only): "humanoid robots" →
 * robot/robots, "industries" → industry/industries, "NEVs" → NEV/NEVs. Place names get none.
 */
export function numberVariants(term: string): string[] {
  const t = tidy(term);
  const start = lastWordStart(t);
  if (start === -1) return [t];
  const head = t.slice(0, start);
  const last = t.slice(start);
  if (isCaseExactToken(last)) {
    // Acronyms take a bare lower-case "s": NEV/NEVs, IC/ICs, 6G/6Gs.
    const stem = /[A-Z0-9]s$/.test(last) ? last.slice(0, -1) : last;
    return [head + stem, `${head + stem}s`];
  }
  return nounForms(last).map((w) => head + w);
}
