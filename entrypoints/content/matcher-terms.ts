/**
 * Turns dictionary terms into one trie-shaped RegExp source and into lookup keys. Pure helpers
 * for matcher.ts: the folding rules (case, hyphen/space, quotes, plurals) live here, once, so
 * that the pattern and the key a match is looked up by can never disagree.
 */

/** One step of a term's pattern: a regex fragment that matches one character (or a separator). */
type Unit = string;

/** Space, non-breaking space or a hyphen/dash between two words: "low-altitude" = "low altitude". */
const SEP: Unit = '(?:[\\s\\u00a0]+|[-\\u2010\\u2011\\u2013])';
/** Straight and typographic apostrophes: "Xi'an" = "Xi’an". */
const QUOTE: Unit = "['\\u2018\\u2019]";
const SEP_CHARS = /[\s\u00a0\-\u2010\u2011\u2013]+/g;
const QUOTE_CHARS = /[\u2018\u2019]/g;

/** Characters that make a Latin "word": a term may not start or end inside one. */
const WORD_CHAR = /[A-Za-z0-9\u00c0-\u024f]/;
/** Right boundary, checked inside the pattern so that a failed long term falls back to a shorter. */
const RIGHT_BOUNDARY = '(?![A-Za-z0-9\\u00c0-\\u024f])';
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** True if the character at `index` of `text` is a Latin letter or digit. */
export function isWordCharAt(text: string, index: number): boolean {
  const ch = text[index];
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** True for terms written in Latin script (English names, acronyms, "6G", "eVTOL"). */
export function isLatinTerm(term: string): boolean {
  return LATIN_LETTER.test(term) || /^[0-9]/.test(term);
}

/** True for a Chinese term short enough to be a one-character abbreviation (浙, 沪): never matched. */
export function isTooShortHan(term: string): boolean {
  const han = [...term].filter((ch) => HAN.test(ch)).length;
  return han > 0 && han < 2 && !isLatinTerm(term);
}

/** The key a term or a matched text is looked up by: lower case, one space per separator, ' quotes. */
export function foldKey(text: string): string {
  return text.toLowerCase().replace(QUOTE_CHARS, "'").replace(SEP_CHARS, ' ');
}

/**
 * True for a token matched case-exactly: an acronym or code (AI, NEV, 6G, eVTOL, HKSAR). A plain
 * capitalised word (Digital, Beidou) is a common noun or name and folds case.
 */
function isCaseExactToken(token: string): boolean {
  if (/[0-9]/.test(token)) return true;
  const body = token.replace(/s$/, '');
  return /[A-Z]/.test(body.slice(1)) && !/^[A-Z][a-z]+$/.test(body);
}

function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}

/** A letter as a class matching both cases ("[aA]"), so the whole RegExp needs no `i` flag. */
function foldedChar(ch: string): Unit {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower === upper || lower.length !== 1 || upper.length !== 1) return escapeChar(ch);
  return `[${lower}${upper}]`;
}

/** Normalises spacing and quotes so that equal-looking terms compile to equal units. */
function tidy(term: string): string {
  return term.trim().replace(QUOTE_CHARS, "'").replace(/\s+/g, ' ');
}

/** A term's units: separators and quotes folded, letters case-folded except in acronym tokens. */
function termUnits(term: string): Unit[] {
  const units: Unit[] = [];
  // Tokens are runs of letters/digits; each decides on its own whether it is case-exact.
  for (const part of tidy(term).match(/[A-Za-z0-9\u00c0-\u024f]+|[^A-Za-z0-9\u00c0-\u024f]/g) ?? []) {
    if (WORD_CHAR.test(part)) {
      const exact = isCaseExactToken(part);
      for (const ch of part) units.push(exact ? escapeChar(ch) : foldedChar(ch));
    } else if (/[\s\-\u2010\u2011\u2013]/.test(part)) {
      if (units[units.length - 1] !== SEP) units.push(SEP);
    } else if (part === "'") {
      units.push(QUOTE);
    } else {
      units.push(escapeChar(part));
    }
  }
  return units;
}

/**
 * The singular and plural spellings of a sector term (its last word only): "humanoid robots" →
 * robot/robots, "industries" → industry/industries, "NEVs" → NEV/NEVs. Place names get none.
 */
export function numberVariants(term: string): string[] {
  const t = tidy(term);
  const last = /[A-Za-z]+$/.exec(t)?.[0];
  if (last === undefined) return [t];
  const head = t.slice(0, t.length - last.length);
  const forms = (...words: string[]): string[] => words.map((w) => head + w);
  if (isCaseExactToken(last)) {
    // Acronyms take a bare lower-case "s": NEV/NEVs, IC/ICs.
    const stem = /[A-Z0-9]s$/.test(last) ? last.slice(0, -1) : last;
    return forms(stem, `${stem}s`);
  }
  const lower = last.toLowerCase();
  if (/[^aeiou]ies$/.test(lower)) return forms(`${last.slice(0, -3)}y`, last);
  if (/[^aeiou]y$/.test(lower)) return forms(last, `${last.slice(0, -1)}ies`);
  if (/(ss|us|is)$/.test(lower) || lower.length <= 3) {
    return lower.endsWith('ss') || lower.length <= 3 ? forms(last, `${last}es`) : forms(last);
  }
  if (/(ch|sh|x|z)es$/.test(lower)) return forms(last.slice(0, -2), last);
  if (lower.endsWith('s')) return forms(last.slice(0, -1), last);
  if (/(ch|sh|x|z)$/.test(lower)) return forms(last, `${last}es`);
  return forms(last, `${last}s`);
}

interface TrieNode {
  children: Map<Unit, TrieNode>;
  /** A term ends here; the value says whether a Latin right boundary must follow. */
  end?: { boundary: boolean };
  /** Longest path below, to try longer alternatives first. */
  depth: number;
}

const newNode = (): TrieNode => ({ children: new Map(), depth: 0 });

/**
 * Builds one alternation of many terms, shared prefixes factored out. A flat `a|b|c…` of a
 * thousand terms makes the engine try every alternative at every position; the trie tries a
 * handful. Longer continuations come first and "end here" last, so the longest term wins and a
 * term whose right boundary fails backs off to a shorter one ("Jilin Citys" → "Jilin").
 */
export class TermTrie {
  private readonly root = newNode();
  private size = 0;

  /** Adds a term; returns false if it compiles to nothing (empty after tidying). */
  add(term: string): boolean {
    const units = termUnits(term);
    if (units.length === 0) return false;
    let node = this.root;
    node.depth = Math.max(node.depth, units.length);
    units.forEach((unit, i) => {
      let child = node.children.get(unit);
      if (child === undefined) {
        child = newNode();
        node.children.set(unit, child);
      }
      child.depth = Math.max(child.depth, units.length - i - 1);
      node = child;
    });
    const lastChar = tidy(term).slice(-1);
    node.end = { boundary: WORD_CHAR.test(lastChar) };
    this.size += 1;
    return true;
  }

  /** Number of terms added. */
  get count(): number {
    return this.size;
  }

  /** The alternation as a RegExp (global, no case flag: case folding is in the classes). */
  compile(): RegExp | null {
    if (this.size === 0) return null;
    return new RegExp(emit(this.root), 'g');
  }
}

function emit(node: TrieNode): string {
  const children = [...node.children].sort((a, b) => b[1].depth - a[1].depth);
  const parts = children.map(([unit, child]) => unit + emit(child));
  if (node.end !== undefined) parts.push(node.end.boundary ? RIGHT_BOUNDARY : '');
  if (parts.length === 1) return parts[0] ?? '';
  return `(?:${parts.join('|')})`;
}
