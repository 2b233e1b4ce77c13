/**
 * Turns dictionary terms into trie-shaped RegExps and into lookup keys. Pure helpers for the
 * matcher: the folding rules (case, hyphen/space, quotes, plurals) live here, once, so that a
 * pattern and the key its hits are looked up by never disagree.
 */

/** One step of a term's pattern: a regex fragment that matches one character (or a separator). */
type Unit = string;

/**
 * How a term is compiled. 'fold': Latin, case-insensitive (the `i` flag); 'exact': Latin with an
 * acronym token, matched case-exactly except its ordinary words; 'han': Chinese, literal.
 */
export type TermMode = 'fold' | 'exact' | 'han';

// The fragments below repeat in every term, so they are kept short: V8 stops optimising a
// RegExp whose source passes about 20 KB (it then runs several times slower). The dash and
// quote characters are put into the source as themselves, not as \u escapes, for the same reason.
/** Spaces or hyphens/dashes between two words: "low-altitude" = "low altitude". */
const SEP: Unit = '[-\\s\u2010\u2011\u2013]+';
/** Straight and typographic apostrophes: "Xi'an" = "Xi’an". */
const QUOTE: Unit = "['\u2018\u2019]";
/** After a term ending in an ASCII letter or digit: no further letter or digit. */
const ASCII_BOUNDARY = '\\b';
/** After a term ending in another Latin letter (Ü), which `\b` does not count as a letter. */
const LATIN_BOUNDARY = '(?![\\w\u00c0-\u024f])';
/** Largest RegExp source emitted in one piece; a bigger trie is split along its branches. */
const CHUNK_LIMIT = 12_000;

const SEP_CHARS = /[\s\-\u2010\u2011\u2013]+/g;
const QUOTE_CHARS = /[\u2018\u2019]/g;
/** Characters that make a Latin "word": a term may not start or end inside one. */
const WORD_CHAR = /[A-Za-z0-9\u00c0-\u024f]/;
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

/** The key a Latin term or match is looked up by: lower case, one space per separator, ' quotes. */
export function foldKey(text: string): string {
  return text.toLowerCase().replace(QUOTE_CHARS, "'").replace(SEP_CHARS, ' ');
}

/** The key a dictionary term is stored under: folded if Latin, as written if Chinese. */
export function termKey(term: string): string {
  return termMode(term) === 'han' ? term.trim() : foldKey(term.trim());
}

/**
 * True for a token matched case-exactly: an acronym or code (AI, NEV, 6G, eVTOL, HKSAR). A plain
 * capitalised word (Digital, Beidou) is a common noun or name and folds case.
 */
function isCaseExactToken(token: string): boolean {
  if (/[0-9]/.test(token)) return true;
  // A plural "s" does not make "NEVs" a plain word: judge the token without it.
  return /[A-Z]/.test(token.replace(/s$/, '').slice(1));
}

/** Normalises spacing and quotes so that equal-looking terms compile to equal units. */
function tidy(term: string): string {
  return term.trim().replace(QUOTE_CHARS, "'").replace(/\s+/g, ' ');
}

/** A term cut into letter/digit tokens and single other characters. */
function parts(term: string): string[] {
  return tidy(term).match(/[A-Za-z0-9\u00c0-\u024f]+|[^A-Za-z0-9\u00c0-\u024f]/g) ?? [];
}

/** The mode a term compiles in (see TermMode). */
export function termMode(term: string): TermMode {
  if (!isLatinTerm(term)) return 'han';
  return parts(term).some((p) => WORD_CHAR.test(p) && isCaseExactToken(p)) ? 'exact' : 'fold';
}

function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\]/.test(ch) ? `\\${ch}` : ch;
}

/** A letter as a class matching both cases ("[aA]"), for the ordinary words of an 'exact' term. */
function foldedChar(ch: string): Unit {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower === upper || lower.length !== 1 || upper.length !== 1) return escapeChar(ch);
  return `[${lower}${upper}]`;
}

/** A term's units in a mode: separators and quotes folded, letters folded or kept as written. */
function termUnits(term: string, mode: TermMode): Unit[] {
  // Chinese terms are matched exactly as written, and looked up by the matched text as is.
  if (mode === 'han') return [...term.trim()].map(escapeChar);
  const units: Unit[] = [];
  for (const part of parts(term)) {
    if (WORD_CHAR.test(part)) {
      const exact = mode !== 'fold' && isCaseExactToken(part);
      for (const ch of part) {
        units.push(mode === 'fold' ? escapeChar(ch.toLowerCase()) : exact ? escapeChar(ch) : foldedChar(ch));
      }
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

/** What must follow a term's last character: a Latin word boundary, or nothing. */
function rightBoundary(term: string): string {
  const last = tidy(term).slice(-1);
  if (/[A-Za-z0-9]/.test(last)) return ASCII_BOUNDARY;
  return WORD_CHAR.test(last) ? LATIN_BOUNDARY : '';
}

/**
 * The singular and plural spellings of a sector term (its last word only): "humanoid robots" →
 * robot/robots, "industries" → industry/industries, "NEVs" → NEV/NEVs. Place names get none.
 */
export function numberVariants(term: string): string[] {
  const t = tidy(term);
  const last = /[A-Za-z0-9]*[A-Za-z]$/.exec(t)?.[0];
  if (last === undefined) return [t];
  const head = t.slice(0, t.length - last.length);
  const forms = (...words: string[]): string[] => words.map((w) => head + w);
  if (isCaseExactToken(last)) {
    // Acronyms take a bare lower-case "s": NEV/NEVs, IC/ICs, 6G/6Gs.
    const stem = /[A-Z0-9]s$/.test(last) ? last.slice(0, -1) : last;
    return forms(stem, `${stem}s`);
  }
  const lower = last.toLowerCase();
  if (/[^aeiou]ies$/.test(lower)) return forms(`${last.slice(0, -3)}y`, last);
  if (/[^aeiou]y$/.test(lower)) return forms(last, `${last.slice(0, -1)}ies`);
  if (/ss$|^[a-z]{1,2}s$/.test(lower)) return forms(last, `${last}es`); // biomass, gas
  if (/(us|is)$/.test(lower)) return forms(last);
  if (/(ch|sh|x|z)es$/.test(lower)) return forms(last.slice(0, -2), last);
  if (lower.endsWith('s')) return forms(last.slice(0, -1), last);
  if (/(ch|sh|x|z)$/.test(lower)) return forms(last, `${last}es`);
  return forms(last, `${last}s`);
}

interface TrieNode {
  children: Map<Unit, TrieNode>;
  /** A term ends here; the value is the boundary that must follow it. */
  end?: string;
  /** Longest path below, to try longer alternatives first. */
  depth: number;
}

const newNode = (): TrieNode => ({ children: new Map(), depth: 0 });

/**
 * Builds the alternation of many terms of one mode, shared prefixes factored out: a flat
 * `a|b|c…` of a thousand terms makes the engine try every alternative at every position, the
 * trie a handful. Longer continuations come first and "end here" last, so the longest term wins
 * and a term whose right boundary fails backs off to a shorter one ("Jilin Citys" → "Jilin").
 */
export class TermTrie {
  private readonly root = newNode();
  private readonly mode: TermMode;

  constructor(mode: TermMode) {
    this.mode = mode;
  }

  /** Adds a term; returns false if it compiles to nothing. */
  add(term: string): boolean {
    const units = termUnits(term, this.mode);
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
    node.end = rightBoundary(term);
    return true;
  }

  /**
   * The alternation as global RegExps of at most about CHUNK_LIMIT characters each. Splitting
   * loses nothing: each RegExp still reports the longest of its own terms at each position, and
   * the matcher keeps the longest of all. (Usually two or three RegExps per mode at most.)
   */
  compile(): RegExp[] {
    const flags = this.mode === 'fold' ? 'gi' : 'g';
    const chunks: string[][] = [];
    let size = Infinity;
    for (const piece of pieces('', this.root)) {
      if (size + piece.length > CHUNK_LIMIT) {
        chunks.push([]);
        size = 0;
      }
      chunks[chunks.length - 1]?.push(piece);
      size += piece.length + 1;
    }
    return chunks.map((chunk) => new RegExp(chunk.join('|'), flags));
  }
}

/** The alternatives below a node, as few as fit: a subtree too big for one piece is split. */
function pieces(prefix: string, node: TrieNode): string[] {
  if (prefix !== '') {
    const whole = prefix + emit(node);
    if (whole.length <= CHUNK_LIMIT || node.children.size === 0) return [whole];
  }
  const out = [...node.children].flatMap(([unit, child]) => pieces(prefix + unit, child));
  if (node.end !== undefined) out.push(prefix + node.end);
  return out;
}

/** A node's alternatives: its children (longest first), then "a term ends here". */
function branches(node: TrieNode): string[] {
  const children = [...node.children].sort((a, b) => b[1].depth - a[1].depth);
  const out = children.map(([unit, child]) => unit + emit(child));
  if (node.end !== undefined) out.push(node.end);
  return out;
}

function emit(node: TrieNode): string {
  const out = branches(node);
  return out.length === 1 ? (out[0] ?? '') : `(?:${out.join('|')})`;
}
