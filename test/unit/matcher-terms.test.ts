import { describe, expect, it } from 'vitest';
import { compileDictionary, findMatches, type CompiledDictionary, type DictionarySource } from '../../entrypoints/content/matcher';
import {
  TOKEN_PATTERN,
  TokenCursor,
  foldKey,
  isTooShortHan,
  keyNumberVariants,
  latinTokens,
  numberVariants,
  termKey,
  termMode,
} from '../../entrypoints/content/matcher-terms';

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

// The scanning rules the RegExp trie used to carry (longest term, boundaries, folding, acronyms),
// now checked through the hash-map scanner that replaced it.
describe('phrase scanning', () => {
  const source = (placeTerms: string[], sectorTerms: string[], sectorTermsZh: string[] = []): DictionarySource => ({
    regions: placeTerms.length === 0 ? [] : [{
      id: 'jilin', nameEn: 'Jilin', nameZhFull: '', nameZh: '', abbrZh: '', type: 'province',
      capital: { en: '', zh: '' }, termsEn: placeTerms.slice(0, 1), termsZh: [], notMentions: [],
    }],
    cities: placeTerms.slice(1).map((term) => ({ id: term, region: 'jilin', nameEn: term, nameZh: '', termsEn: [term], termsZh: [] })),
    categories: [{ id: 'c', label: 'C', color: '#000000', sectors: [{ id: 's', label: 'S', termsEn: sectorTerms, termsZh: sectorTermsZh }] }],
    collisions: [],
  });
  const surfaces = (dict: CompiledDictionary, text: string): string[] =>
    findMatches(dict, text).map((m) => text.slice(m.start, m.end));

  it('prefers the longest term and backs off when its boundary fails', () => {
    const dict = compileDictionary(source(['Jilin', 'Jilin City'], []));
    expect(surfaces(dict, 'Jilin City, Jilin Citys, JILIN')).toEqual(['Jilin City', 'Jilin', 'JILIN']);
  });

  it('folds hyphens, spaces and quotes', () => {
    const dict = compileDictionary(source([], ['low-altitude economy', "Xi'an"]));
    expect(surfaces(dict, 'low altitude economy; Low–Altitude Economy; Xi’an')).toEqual([
      'low altitude economy',
      'Low–Altitude Economy',
      'Xi’an',
    ]);
  });

  it('keeps acronyms case-exact and their words case-folded', () => {
    const dict = compileDictionary(source([], ['AI', 'AI Plus', 'AI+']));
    expect(surfaces(dict, 'AI plus, AI+, Ai, ai, AI')).toEqual(['AI plus', 'AI+', 'AI']);
  });

  it('finds Chinese terms longer than the length sets count', () => {
    const long = '长'.repeat(35);
    const dict = compileDictionary(source([], [], [long, '长长长', '短短']));
    expect(surfaces(dict, `短短${long}长`)).toEqual(['短短', long]);
    expect(surfaces(dict, '长长长长')).toEqual(['长长长']);
  });

  it('finds every term of a big dictionary', () => {
    // Many first letters, and one letter so common that many terms share their first token's shape.
    const terms = Array.from({ length: 3_000 }, (_, i) => `${String.fromCharCode(97 + (i % 26))}place${i}`);
    terms.push(...Array.from({ length: 5_000 }, (_, i) => `Zhou${i}x`));
    const dict = compileDictionary(source([], terms));
    expect(surfaces(dict, terms.join(' ')).sort()).toEqual([...terms].sort());
  });
});

describe('latinTokens', () => {
  const tokens = (text: string): string[] => latinTokens(text).map(([start, end]) => text.slice(start, end));

  it.each([
    ["Xi'an's airport", ["Xi'an", 's', 'airport']],
    ['Guangdong’s factories', ['Guangdong', 's', 'factories']],
    ['Lu’an and Ma\'anshan', ['Lu’an', 'and', "Ma'anshan"]],
    ["the 'sa' tribe", ['the', 'sa', 'tribe']],
    ['AI+ plan, C++', ['AI+', 'plan', 'C+']],
    ['Ürümqi-Lüliang_2030', ['Ürümqi', 'Lüliang', '2030']],
    ['浙江AI芯片', ['AI']],
    ['', []],
  ])('%j → %j', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it('TokenCursor follows its RegExp definition, TOKEN_PATTERN, on random text', () => {
    const definition = /[A-Za-z0-9\u00c0-\u024f]+(?:['\u2018\u2019](?![sS](?![A-Za-z0-9\u00c0-\u024f]))[A-Za-z0-9\u00c0-\u024f]+)*\+?/g;
    expect(TOKEN_PATTERN.source).toBe(definition.source);
    const alphabet = [...'aBsS9éɏ\'‘’+ -浙_.İ\n'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor((seed / 2_147_483_648) * n);
    };
    for (let k = 0; k < 20_000; k += 1) {
      const text = Array.from({ length: random(12) }, () => alphabet[random(alphabet.length)]).join('');
      const expected = [...text.matchAll(definition)].map((m) => [m.index, m.index + m[0].length]);
      const cursor = new TokenCursor(text);
      const walked: number[][] = [];
      for (let from = 0; cursor.seek(from); from = cursor.end) walked.push([cursor.start, cursor.end]);
      expect(walked, JSON.stringify(text)).toEqual(expected);
      expect(latinTokens(text), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('marks the all-ASCII tokens, which the first-token filter may skip', () => {
    const cursor = new TokenCursor('Xi’an Lüliang Hefei');
    const ascii: boolean[] = [];
    for (let from = 0; cursor.seek(from); from = cursor.end) ascii.push(cursor.ascii);
    expect(ascii).toEqual([false, false, true]);
  });
});

describe('keyNumberVariants', () => {
  it.each(['humanoid robots', 'emerging industries', 'low-altitude economy', 'railways', 'biomass', 'gas', 'campus', 'boxes', 'smart watch', 'Communiqué', 'phase 2'])(
    '%s: the folded numberVariants',
    (term) => {
      expect(keyNumberVariants(termKey(term))).toEqual(numberVariants(term).map(termKey));
    },
  );
});
