import { describe, expect, it } from 'vitest';
import { TermTrie, foldKey, isTooShortHan, numberVariants, termKey, termMode } from '../../entrypoints/content/matcher-terms';

describe('numberVariants', () => {
  it.each([
    ['humanoid robots', ['humanoid robot', 'humanoid robots']],
    ['humanoid robot', ['humanoid robot', 'humanoid robots']],
    ['emerging industries', ['emerging industry', 'emerging industries']],
    ['low-altitude economy', ['low-altitude economy', 'low-altitude economies']],
    ['railways', ['railway', 'railways']],
    ['biomass', ['biomass', 'biomasses']],
    ['gas', ['gas', 'gases']],
    ['smart cars', ['smart car', 'smart cars']],
    ['NEVs', ['NEV', 'NEVs']],
    ['NEV', ['NEV', 'NEVs']],
    ['6G', ['6G', '6Gs']],
    ['AI+', ['AI+']],
    ['人工智能', ['人工智能']],
  ])('%s → %j', (term, expected) => {
    expect(numberVariants(term)).toEqual(expected);
  });
});

describe('termMode', () => {
  it.each([
    ['low-altitude economy', 'fold'],
    ['Zhejiang', 'fold'],
    ['Digital China', 'fold'],
    ['AI', 'exact'],
    ['embodied AI', 'exact'],
    ['NEVs', 'exact'],
    ['6G', 'exact'],
    ['eVTOL', 'exact'],
    ['Hong Kong SAR', 'exact'],
    ['浙江省', 'han'],
    ['人工智能+', 'han'],
  ])('%s is %s', (term, mode) => {
    expect(termMode(term)).toBe(mode);
  });
});

describe('keys', () => {
  it('folds case, separators and quotes the same way for a term and a matched text', () => {
    expect(foldKey('Low–Altitude  Economy')).toBe('low altitude economy');
    expect(foldKey('Xi’an')).toBe(foldKey("Xi'an"));
    expect(termKey(' Hong-Kong ')).toBe('hong kong');
    expect(termKey('浙江省')).toBe('浙江省');
  });

  it('never matches a one-character Chinese abbreviation', () => {
    expect(isTooShortHan('浙')).toBe(true);
    expect(isTooShortHan('浙江')).toBe(false);
    expect(isTooShortHan('6G')).toBe(false);
  });
});

describe('TermTrie', () => {
  const scanAll = (patterns: RegExp[], text: string): string[] =>
    patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[0]));

  it('prefers the longest term and backs off when its boundary fails', () => {
    const trie = new TermTrie('fold');
    for (const term of ['Jilin', 'Jilin City']) trie.add(term);
    expect(scanAll(trie.compile(), 'Jilin City, Jilin Citys, JILIN')).toEqual(['Jilin City', 'Jilin', 'JILIN']);
  });

  it('folds hyphens, spaces and quotes', () => {
    const trie = new TermTrie('fold');
    for (const term of ['low-altitude economy', "Xi'an"]) trie.add(term);
    expect(scanAll(trie.compile(), 'low altitude economy; Low–Altitude Economy; Xi’an')).toEqual([
      'low altitude economy',
      'Low–Altitude Economy',
      'Xi’an',
    ]);
  });

  it('keeps acronyms case-exact and their words case-folded', () => {
    const trie = new TermTrie('exact');
    for (const term of ['AI', 'AI Plus', 'AI+']) trie.add(term);
    expect(scanAll(trie.compile(), 'AI plus, AI+, Ai, ai, AI')).toEqual(['AI plus', 'AI+', 'AI']);
  });

  it('splits a big alternation into pieces V8 still optimises, without losing a term', () => {
    const trie = new TermTrie('fold');
    // Many first letters, and one letter so common that its own subtree must be split too.
    const terms = Array.from({ length: 3_000 }, (_, i) => `${String.fromCharCode(97 + (i % 26))}place${i}`);
    terms.push(...Array.from({ length: 5_000 }, (_, i) => `Zhou${i}x`));
    for (const term of terms) trie.add(term);
    const patterns = trie.compile();
    expect(patterns.length).toBeGreaterThan(1);
    for (const re of patterns) expect(re.source.length).toBeLessThan(20_000);
    expect(scanAll(patterns, terms.join(' ')).sort()).toEqual([...terms].sort());
  });
});
