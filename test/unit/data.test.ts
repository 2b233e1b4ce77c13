// @vitest-environment node
/**
 * Meta-tests on data/: hygiene (normalised, sorted, kebab-case ids), references, sources,
 * coverage, term clashes, the unverified marking, and that the texts are our own words rather
 * than the research base's (checked against its committed fingerprint, data/research-fingerprint.json).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categories, cities, clusters, collisions, meta, national, plans, regions, sources } from '../../data';
import {
  OVERALL_CATEGORY,
  REGION_IDS,
  type Dataset,
  type EntityRef,
  type Figure,
  type PlanItem,
} from '../../data/schema';
import { foldTermEn, hasHan, isIsoDate, isKebabId, validateDataset } from '../../data/validate';
import { RUN_LENGTH, jaccard, runHashes, sentences, wordSetHashes, type ResearchFingerprint } from '../../data/originality';
import fingerprint from '../../data/research-fingerprint.json';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILES = ['regions', 'cities', 'collisions', 'sectors', 'plans', 'national', 'sources', 'meta'] as const;
/** The research pack's taxonomy order, kept by sectors.json. */
const CATEGORY_ORDER = [
  'frontier-tech', 'digital-ai', 'advanced-manufacturing', 'aerospace-low-altitude', 'transport-connectivity',
  'energy-green', 'materials-resources', 'finance-services-trade', 'consumption-demand', 'opening-regional',
  'agriculture-rural', 'marine',
];

const DATA: Dataset = { regions, cities, collisions, sectors: categories, plans, national, clusters, sources, meta };
const sectors = categories.flatMap((c) => c.sectors);
const items = plans.flatMap((p) => p.items.map((item) => ({ region: p.region, item })));
const figures = plans.flatMap((p) => p.figures.map((figure) => ({ region: p.region, figure })));
const sourceById = new Map(sources.map((s) => [s.id, s]));
const allLow = (ids: readonly string[]): boolean => ids.every((id) => sourceById.get(id)?.reliability === 'low');
const fileText = (name: string): string => readFileSync(`${ROOT}data/${name}.json`, 'utf8');

describe('files', () => {
  it.each(FILES)('%s.json is normalised (parse, then serialise with 2 spaces, gives the same bytes)', (name) => {
    const text = fileText(name);
    const value: unknown = JSON.parse(text);
    expect(`${JSON.stringify(value, null, 2)}\n`).toBe(text);
  });

  const sortedLists: [string, string[]][] = [
    ['regions', regions.map((r) => r.id)],
    ['cities', cities.map((c) => c.id)],
    ['collisions (by term)', collisions.map((c) => c.term)],
    ['plans (by region)', plans.map((p) => p.region)],
    ['national', national.map((n) => n.id)],
    ['sources', sources.map((s) => s.id)],
    ...plans.map((p): [string, string[]] => [`${p.region} items`, p.items.map((i) => i.id)]),
    ...plans.map((p): [string, string[]] => [`${p.region} figures`, p.figures.map((f) => f.id)]),
  ];
  it.each(sortedLists)('%s are sorted by id', (_name, ids) => {
    expect(ids).toEqual([...ids].sort());
  });

  it('keeps the research pack’s category order', () => {
    expect(categories.map((c) => c.id)).toEqual(CATEGORY_ORDER);
  });
});

describe('ids', () => {
  const idLists: [string, string[]][] = [
    ['regions', regions.map((r) => r.id)],
    ['cities', cities.map((c) => c.id)],
    ['categories', categories.map((c) => c.id)],
    ['sectors', sectors.map((s) => s.id)],
    ['items, figures and national priorities', [...items.map((x) => x.item.id), ...figures.map((x) => x.figure.id), ...national.map((n) => n.id)]],
    ['sources', sources.map((s) => s.id)],
  ];
  it.each(idLists)('%s: unique and kebab-case', (_name, ids) => {
    expect(ids.filter((id) => !isKebabId(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has exactly the 33 region ids', () => {
    expect(regions.map((r) => r.id)).toEqual([...REGION_IDS]);
    expect(plans.map((p) => p.region)).toEqual([...REGION_IDS]);
  });

  it('names colliding cities with a region suffix', () => {
    for (const id of ['suzhou-jiangsu', 'suzhou-anhui', 'fuzhou-fujian', 'fuzhou-jiangxi', 'taizhou-zhejiang', 'taizhou-jiangsu',
      'yichun-jiangxi', 'yichun-heilongjiang', 'yulin-guangxi', 'yulin-shaanxi', 'jilin-city']) {
      expect(cities.some((c) => c.id === id), id).toBe(true);
    }
  });
});

describe('references', () => {
  const regionIds = new Set<string>(REGION_IDS);
  const sectorIds = new Set(sectors.map((s) => s.id));
  const categoryIds = new Set([...categories.map((c) => c.id), OVERALL_CATEGORY]);
  const statements = [...items.map((x) => x.item), ...national];

  it('every city is in a region', () => {
    expect(cities.filter((c) => !regionIds.has(c.region)).map((c) => c.id)).toEqual([]);
  });

  it('every item and national priority names known sectors and a known category', () => {
    expect(statements.filter((s) => s.sectors.some((id) => !sectorIds.has(id))).map((s) => s.id)).toEqual([]);
    expect(statements.filter((s) => !categoryIds.has(s.category)).map((s) => s.id)).toEqual([]);
  });

  it('every item, figure and national priority cites known sources', () => {
    const cited = [...statements, ...figures.map((x) => x.figure)].flatMap((s) => s.sources);
    expect(cited.filter((id) => !sourceById.has(id))).toEqual([]);
  });

  it('every source is cited', () => {
    const cited = new Set([
      ...[...statements, ...figures.map((x) => x.figure)].flatMap((s) => s.sources),
      ...clusters.flatMap((s) => [...s.sources, ...s.memberSources]),
    ]);
    expect(sources.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('every collision names existing claimants and prefers one of them', () => {
    const entities = new Set<string>([
      ...regions.map((r) => `region:${r.id}`),
      ...cities.map((c) => `city:${c.id}`),
      ...sectors.map((s) => `sector:${s.id}`),
    ]);
    for (const c of collisions) {
      expect(c.claimants.length, c.term).toBeGreaterThanOrEqual(2);
      expect(c.claimants.filter((ref) => !entities.has(ref)), c.term).toEqual([]);
      expect(c.claimants, c.term).toContain(c.preferred);
    }
  });

  it('marks one capital per province and autonomous region, matching the region’s capital', () => {
    for (const r of regions) {
      const capitals = cities.filter((c) => c.region === r.id && c.capital === true);
      if (r.type === 'province' || r.type === 'autonomous-region') expect(capitals, r.id).toHaveLength(1);
      for (const c of capitals) expect([c.nameZh, ...c.termsZh], r.id).toContain(r.capital.zh);
    }
  });
});

describe('sources', () => {
  const cited: [string, string[]][] = [
    ...items.map((x): [string, string[]] => [x.item.id, x.item.sources]),
    ...figures.map((x): [string, string[]] => [x.figure.id, x.figure.sources]),
    ...national.map((n): [string, string[]] => [n.id, n.sources]),
  ];
  it.each(cited)('%s has a source with a URL and a date (or "undated")', (_id, ids) => {
    expect(ids.length).toBeGreaterThanOrEqual(1);
    for (const id of ids) {
      const source = sourceById.get(id);
      expect(source?.url).toMatch(/^https?:\/\/\S+$/);
      expect(source?.date === 'undated' || isIsoDate(source?.date)).toBe(true);
    }
  });

  it('dates the data by its newest source, derived rather than written in meta.json', () => {
    const newest = sources.map((s) => s.date).filter((d) => d !== 'undated').sort().at(-1);
    expect(meta.asOf).toBe(newest);
    expect(meta.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(JSON.parse(fileText('meta')) as object).not.toHaveProperty('asOf');
  });
});

describe('coverage', () => {
  it.each([...REGION_IDS])('%s has ≥8 cities', (id) => {
    expect(cities.filter((c) => c.region === id).length).toBeGreaterThanOrEqual(8);
  });

  it('has 300+ cities and 60+ sectors in 12 categories', () => {
    expect(cities.length).toBeGreaterThanOrEqual(300);
    expect(categories).toHaveLength(12);
    expect(sectors.length).toBeGreaterThanOrEqual(60);
  });

  it('writes short items (≤ 45 words)', () => {
    const long = [...items.map((x) => x.item), ...national].filter((s) => s.text.split(/\s+/).length > 45);
    expect(long.map((s) => s.id)).toEqual([]);
  });
});

describe('terms', () => {
  it.each([
    ['Low-altitude economy', 'low altitude economy'],
    ['NEVs', 'nev'],
    ['Xi’an', "xi'an"],
    ['humanoid  robots', 'humanoid robot'],
  ])('folds %j to %j', (term, key) => {
    expect(foldTermEn(term)).toBe(key);
  });

  it('declares every term claimed by two entities, and only those', () => {
    // An independent fold, written out here so a bug in the schema's cannot hide a clash.
    const key = (t: string): string =>
      hasHan(t) ? t : t.toLowerCase().replace(/[’‘]/g, "'").replace(/[\s-]+/g, ' ').trim().replace(/s$/, '');
    const claims = new Map<string, Set<EntityRef>>();
    const claim = (ref: EntityRef, terms: string[]): void => {
      for (const t of terms) claims.set(key(t), (claims.get(key(t)) ?? new Set<EntityRef>()).add(ref));
    };
    for (const r of regions) claim(`region:${r.id}`, [...r.termsEn, ...r.termsZh]);
    for (const c of cities) claim(`city:${c.id}`, [...c.termsEn, ...c.termsZh]);
    for (const s of sectors) claim(`sector:${s.id}`, [...s.termsEn, ...s.termsZh]);
    const clashes = [...claims].filter(([, refs]) => refs.size > 1).map(([k, refs]) => `${k}: ${[...refs].sort().join(' ')}`);
    const declared = collisions.map((c) => `${key(c.term)}: ${[...c.claimants].sort().join(' ')}`);
    expect(clashes.sort()).toEqual(declared.sort());
  });

  it('never matches a single Chinese character for a region or city', () => {
    const terms = [...regions, ...cities].flatMap((e) => e.termsZh);
    expect(terms.filter((t) => [...t].length < 2)).toEqual([]);
    expect(regions.filter((r) => r.termsZh.includes(r.abbrZh)).map((r) => r.id)).toEqual([]);
  });

  it('keeps Chinese and English terms apart', () => {
    const all = [...regions, ...cities, ...sectors];
    expect(all.flatMap((e) => e.termsEn).filter(hasHan)).toEqual([]);
    expect(all.flatMap((e) => e.termsZh).filter((t) => !hasHan(t))).toEqual([]);
  });

  it('leaves Mongolia the country and plain Jilin alone', () => {
    const everyTerm = [...regions, ...cities, ...sectors].flatMap((e) => e.termsEn.map(foldTermEn));
    expect(everyTerm).not.toContain('mongolia');
    const jilinCity = cities.find((c) => c.id === 'jilin-city');
    expect(jilinCity?.termsEn).toEqual(['Jilin City']);
    expect(jilinCity?.termsZh).toEqual(['吉林市']);
  });

  it('gives the pack’s traps a not-mention', () => {
    const notMentions = regions.flatMap((r) => r.notMentions);
    for (const phrase of ['Peking University', 'Shanghai Cooperation Organisation', 'aircraft carrier Liaoning', 'aircraft carrier Shandong',
      'aircraft carrier Fujian', 'Hainan Tibetan Autonomous Prefecture', 'Henan Mongol Autonomous County', 'Qinghai-Tibet Plateau',
      'Yunnan Baiyao', 'Zhejiang University', 'Kweichow Moutai', '山东舰', '上海合作组织']) {
      expect(notMentions).toContain(phrase);
    }
  });
});

describe('category colours', () => {
  const channel = (hex: string, i: number): number => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (hex: string): number => 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
  const contrast = (a: string, b: string): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  /** CIE L*a*b* (D65), to measure how far apart two colours look. */
  const lab = (hex: string): [number, number, number] => {
    const [r, g, b] = [channel(hex, 1), channel(hex, 3), channel(hex, 5)];
    const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const distance = (a: string, b: string): number => Math.hypot(...lab(a).map((v, i) => v - (lab(b)[i] ?? 0)));

  it.each(categories.map((c) => [c.id, c.color]))('%s (%s) keeps black text readable (WCAG AA)', (_id, color) => {
    expect(color).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrast(color, '#000000')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(color, '#111111')).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the 12 colours, the region colour and the city colour clearly apart', () => {
    const colors = [...categories.map((c) => c.color), '#ffd54f', '#ffecb3'];
    for (const [i, a] of colors.entries()) {
      for (const b of colors.slice(i + 1)) expect(distance(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(12);
    }
  });
});

describe('unverified', () => {
  const marked: [string, string[], boolean | undefined][] = [
    ...items.map((x): [string, string[], boolean | undefined] => [x.item.id, x.item.sources, x.item.unverified]),
    ...figures.map((x): [string, string[], boolean | undefined] => [x.figure.id, x.figure.sources, x.figure.unverified]),
  ];
  it('marks exactly the items and figures resting only on low-reliability sources', () => {
    const wrong = marked.filter(([, ids, unverified]) => allLow(ids) !== (unverified === true)).map(([id]) => id);
    expect(wrong).toEqual([]);
  });

  it('gives national priorities at least one medium or high source', () => {
    expect(national.filter((n) => allLow(n.sources)).map((n) => n.id)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The research base (../shared/research, beside the repository, never read by a test): facts
// carried over, sentences ours. Its word runs and sentence word sets are committed as hashes.

const FINGERPRINT = fingerprint as ResearchFingerprint;
const researchRuns = new Set(FINGERPRINT.runs);
/** The most a sentence's content words may overlap one of the research base's sentences. */
const MAX_JACCARD = 0.9;

/** Every text of ours a reader sees: items, figures, gaps and national priorities. */
const ourTexts: [id: string, text: string][] = [
  ...plans.flatMap((p) => [
    ...p.items.map((i): [string, string] => [i.id, i.text]),
    ...p.figures.map((f): [string, string] => [f.id, `${f.label} ${f.value}`]),
    ...(p.gaps === undefined ? [] : [[`${p.region}-gaps`, p.gaps] as [string, string]]),
  ]),
  ...national.map((n): [string, string] => [n.id, n.text]),
];

describe('the research base', () => {
  it('is fingerprinted: hashes of its word runs, no text', () => {
    expect(FINGERPRINT.runLength).toBe(RUN_LENGTH);
    expect(FINGERPRINT.runs.length).toBeGreaterThan(5000);
    expect(FINGERPRINT.runs.every((h) => /^[0-9a-f]{10}$/.test(h))).toBe(true);
    expect(FINGERPRINT.runs).toEqual([...FINGERPRINT.runs].sort());
    expect(FINGERPRINT.sentences.length).toBeGreaterThan(400);
  });

  it('hashes runs as the fingerprint does (a run of its own is found)', () => {
    expect(runHashes('one two three four five six seven eight').size).toBe(9 - RUN_LENGTH);
    expect([...runHashes('A b, C d e F g h')]).toEqual([...runHashes('a b c d e f g h')]);
  });

  // Content-word sets of a sentence of ours and of the research base's; lists of sectors and
  // numbers share many words by nature, so the cap catches only near-copies with words swapped.
  it(`keeps every sentence's content words ≤ ${MAX_JACCARD} alike (Jaccard) to any research sentence`, () => {
    const theirs = FINGERPRINT.sentences.map((s) => new Set(s.split(' ')));
    const alike: string[] = [];
    for (const [id, text] of ourTexts) {
      for (const sentence of sentences(text)) {
        const ours = wordSetHashes(sentence);
        if (ours.size < 6) continue;
        const worst = Math.max(...theirs.map((t) => jaccard(ours, t)));
        if (worst > MAX_JACCARD) alike.push(`${id}: ${worst.toFixed(2)}`);
      }
    }
    expect(alike).toEqual([]);
  });

  it('measures likeness as Jaccard over content words', () => {
    expect(jaccard(wordSetHashes('Hydrogen trucks at the port of Ningbo'), wordSetHashes('the port of Ningbo with hydrogen trucks'))).toBe(1);
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
  });

  it(`shares no run of ${RUN_LENGTH} words with the research base (items, figures, gaps, national)`, () => {
    const copied = ourTexts.filter(([, text]) => [...runHashes(text)].some((h) => researchRuns.has(h))).map(([id]) => id);
    expect(copied).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

type Corruption = [name: string, corrupt: (d: Dataset) => void, expected: string];

const firstItem = (d: Dataset): PlanItem => {
  const item = d.plans[0]?.items[0];
  if (!item) throw new Error('no item');
  return item;
};
const firstUnverified = (d: Dataset): PlanItem | Figure => {
  const found = d.plans.flatMap((p) => [...p.items, ...p.figures]).find((x) => x.unverified === true);
  if (!found) throw new Error('no unverified entry');
  return found;
};

const CORRUPTIONS: Corruption[] = [
  ['a duplicate city', (d) => d.cities.push({ ...cities[0]! }), 'duplicate id'],
  ['a missing region', (d) => { d.regions = d.regions.filter((r) => r.id !== 'macao'); }, 'missing region "macao"'],
  ['an unknown sector', (d) => firstItem(d).sectors.push('no-such-sector'), 'unknown sector "no-such-sector"'],
  ['an unknown category', (d) => { firstItem(d).category = 'tourism'; }, 'unknown category "tourism"'],
  ['an unknown source', (d) => firstItem(d).sources.push('no-such-source'), 'unknown source "no-such-source"'],
  ['an item without sources', (d) => { firstItem(d).sources = []; }, 'expected at least 1 entries'],
  ['an unverified flag dropped', (d) => { delete firstUnverified(d).unverified; }, 'mark it unverified'],
  ['an undeclared collision', (d) => { d.collisions = d.collisions.filter((c) => c.term !== 'Suzhou'); }, 'is claimed by city:suzhou-anhui, city:suzhou-jiangsu but not declared'],
  ['a preferred entity that is no claimant', (d) => { d.collisions[0]!.preferred = 'city:hefei'; }, 'must be one of the claimants'],
  ['a one-character Chinese term', (d) => d.regions[0]!.termsZh.push('皖'), 'a single character is never matched'],
  ['a not-mention that is a name', (d) => d.regions.find((r) => r.id === 'beijing')!.notMentions.push('Peking'), '"Peking" is itself a term'],
  ['an impossible source date', (d) => { d.sources[0]!.date = '2026-02-30'; }, 'expected YYYY-MM-DD or "undated"'],
  ['a source cited by nothing', (d) => d.sources.push({ ...sources[0]!, id: 'orphan' }), '"orphan" is cited by nothing'],
  ['a stale as-of date', (d) => { d.meta.asOf = '2020-01-01'; }, 'the newest source date'],
  ['an unknown field', (d) => { Object.assign(d.cities[0]!, { population: 1 }); }, 'unknown field "population"'],
  ['a colour that is no colour', (d) => { d.sectors[0]!.color = 'purple'; }, '#rrggbb'],
];

describe('validateDataset', () => {
  it('finds no problem in the real data', () => {
    expect(validateDataset(DATA)).toEqual([]);
  });

  it.each(CORRUPTIONS)('reports %s', (_name, corrupt, expected) => {
    const copy = structuredClone(DATA);
    corrupt(copy);
    const problems = validateDataset(copy);
    expect(problems.some((p) => p.includes(expected)), problems.join('\n')).toBe(true);
  });

  it('reports a file that is not an array', () => {
    expect(validateDataset({ ...DATA, cities: { hefei: true } })).toContain('cities: expected an array');
  });
});
