// @vitest-environment node
/**
 * Tests on data/clusters.json, the national regional strategies: hygiene, members that are
 * known regions (partial ones saying which part), terms that never repeat a region, city or
 * sector name, purposes in our own words resting on medium or high sources, and the validator
 * catching each kind of mistake.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categories, cities, clusterById, clusters, collisions, meta, national, plans, regions, sources } from '../../data';
import { REGION_IDS, STRATEGY_KINDS, type Dataset, type RegionalStrategy } from '../../data/schema';
import { hasHan, isIsoDate, isKebabId, validateDataset } from '../../data/validate';
import { jaccard, runHashes, sentences, wordSetHashes, type ResearchFingerprint } from '../../data/originality';
import fingerprint from '../../data/research-fingerprint.json';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA: Dataset = { regions, cities, collisions, sectors: categories, plans, national, clusters, sources, meta };
const sourceById = new Map(sources.map((s) => [s.id, s]));
const strategy = (id: string): RegionalStrategy => {
  const found = clusterById.get(id);
  if (!found) throw new Error(`no strategy ${id}`);
  return found;
};

/** The strategies issue 17 names, with how many provincial-level regions take part in each. */
const EXPECTED_MEMBERS: [id: string, members: number][] = [
  ['beijing-tianjin-hebei', 3],
  ['central-china-rise', 6],
  ['chengdu-chongqing', 2],
  ['eastern-modernisation', 10],
  ['greater-bay-area', 3],
  ['hainan-free-trade-port', 1],
  ['northeast-revitalisation', 3],
  ['western-development', 12],
  ['yangtze-river-delta', 4],
  ['yangtze-river-economic-belt', 11],
  ['yellow-river-basin', 9],
];

describe('clusters.json', () => {
  it('is normalised (parse, then serialise with 2 spaces, gives the same bytes) and sorted by id', () => {
    const text = readFileSync(`${ROOT}data/clusters.json`, 'utf8');
    expect(`${JSON.stringify(JSON.parse(text), null, 2)}\n`).toBe(text);
    const ids = clusters.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('has unique kebab-case ids, each strategy the issue names among them', () => {
    const ids = clusters.map((s) => s.id);
    expect(ids.filter((id) => !isKebabId(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(EXPECTED_MEMBERS.map(([id]) => id)));
  });

  it('gives every strategy a known kind', () => {
    expect(clusters.filter((s) => !STRATEGY_KINDS.includes(s.kind)).map((s) => s.id)).toEqual([]);
  });

  it('finds no problem in the real data', () => {
    expect(validateDataset(DATA)).toEqual([]);
  });
});

describe('members', () => {
  it.each(EXPECTED_MEMBERS)('%s has %i member regions', (id, count) => {
    expect(strategy(id).members).toHaveLength(count);
  });

  it('are known region ids, each listed once per strategy', () => {
    const known = new Set<string>(REGION_IDS);
    for (const s of clusters) {
      const ids = s.members.map((m) => m.region);
      expect(ids.filter((id) => !known.has(id)), s.id).toEqual([]);
      expect(new Set(ids).size, s.id).toBe(ids.length);
    }
  });

  it('say which part belongs when only part of a region does', () => {
    const members = clusters.flatMap((s) => s.members.map((m) => ({ id: s.id, ...m })));
    expect(members.filter((m) => (m.partial === true) !== (m.note !== undefined))).toEqual([]);
    const guangdong = strategy('greater-bay-area').members.find((m) => m.region === 'guangdong');
    expect(guangdong?.partial).toBe(true);
    expect(guangdong?.note).toMatch(/Shenzhen/);
    expect(strategy('greater-bay-area').members.filter((m) => m.partial !== true).map((m) => m.region).sort()).toEqual(['hong-kong', 'macao']);
    expect(strategy('chengdu-chongqing').members.every((m) => m.partial === true)).toBe(true);
  });

  it('name the regions whose names a joined strategy name is made of', () => {
    expect(strategy('beijing-tianjin-hebei').members.map((m) => m.region).sort()).toEqual(['beijing', 'hebei', 'tianjin']);
    expect(strategy('chengdu-chongqing').members.map((m) => m.region).sort()).toEqual(['chongqing', 'sichuan']);
  });
});

describe('terms', () => {
  it('include the common names and abbreviations readers meet', () => {
    const zh = clusters.flatMap((s) => s.termsZh.map((t) => [t, s.id]));
    expect(zh).toEqual(
      expect.arrayContaining([
        ['粤港澳大湾区', 'greater-bay-area'],
        ['大湾区', 'greater-bay-area'],
        ['长三角', 'yangtze-river-delta'],
        ['京津冀', 'beijing-tianjin-hebei'],
        ['成渝', 'chengdu-chongqing'],
      ]),
    );
    expect(strategy('greater-bay-area').termsEn).toContain('Greater Bay Area');
    expect(strategy('yangtze-river-delta').termsEn).toContain('Yangtze River Delta');
  });

  it('are non-empty, Chinese only in termsZh and at least two characters there', () => {
    for (const s of clusters) {
      expect(s.termsEn.length + s.termsZh.length, s.id).toBeGreaterThan(0);
      expect(s.termsEn.filter((t) => t.trim() === '' || hasHan(t)), s.id).toEqual([]);
      expect(s.termsZh.filter((t) => !hasHan(t) || [...t].length < 2), s.id).toEqual([]);
    }
  });

  it('share no term with a sector: a strategy’s name is a strategy highlight, never a sector one', () => {
    const sectorOf = new Map(categories.flatMap((c) => c.sectors.flatMap((s) => [...s.termsEn, ...s.termsZh].map((t) => [t.toLowerCase(), s.id] as const))));
    const shared = clusters.flatMap((s) => [...s.termsEn, ...s.termsZh].filter((t) => sectorOf.has(t.toLowerCase())).map((t) => `${s.id}: ${t}`));
    expect(shared).toEqual([]);
  });

  it('never equal a region or city name, nor another strategy’s term', () => {
    // An independent fold, written out here so a bug in the schema's cannot hide a clash.
    const key = (t: string): string => (hasHan(t) ? t : t.toLowerCase().replace(/[’‘]/g, "'").replace(/[\s-]+/g, ' ').trim().replace(/s$/, ''));
    const names = new Set([...regions, ...cities].flatMap((e) => [...e.termsEn, ...e.termsZh]).map(key));
    for (const r of regions) for (const n of [r.nameEn, r.nameZh, r.nameZhFull]) names.add(key(n));
    for (const c of cities) for (const n of [c.nameEn, c.nameZh]) names.add(key(n));
    const terms = clusters.flatMap((s) => [...s.termsEn, ...s.termsZh].map((t) => ({ id: s.id, term: t })));
    expect(terms.filter(({ term }) => names.has(key(term)))).toEqual([]);
    const keys = terms.map(({ term }) => key(term));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('leave out bare geographic names that are not the strategy', () => {
    const everyTerm = clusters.flatMap((s) => s.termsEn.map((t) => t.toLowerCase()));
    for (const bare of ['yellow river', 'yellow river basin', 'yangtze river', 'northeast china', 'western china', 'central china']) {
      expect(everyTerm).not.toContain(bare);
    }
    expect(clusters.flatMap((s) => s.termsZh)).not.toContain('黄河流域');
  });
});

describe('sources', () => {
  it('exist, with an http(s) URL and a date (or "undated")', () => {
    for (const s of clusters) {
      for (const id of [...s.sources, ...s.memberSources]) {
        const source = sourceById.get(id);
        expect(source, `${s.id}: ${id}`).toBeDefined();
        expect(source?.url).toMatch(/^https?:\/\/\S+$/);
        expect(source?.date === 'undated' || isIsoDate(source?.date)).toBe(true);
        expect(source?.publisher.trim()).not.toBe('');
      }
    }
  });

  it('for the purpose are medium or high only (never a mirror, aggregator or machine summary)', () => {
    const low = clusters.flatMap((s) => s.sources.filter((id) => sourceById.get(id)?.reliability !== 'high' && sourceById.get(id)?.reliability !== 'medium').map((id) => `${s.id}: ${id}`));
    expect(low).toEqual([]);
  });

  it('include a high-grade source for each strategy, for its purpose or its members', () => {
    const withoutHigh = clusters.filter((s) => ![...s.sources, ...s.memberSources].some((id) => sourceById.get(id)?.reliability === 'high'));
    expect(withoutHigh.map((s) => s.id)).toEqual([]);
  });
});

// The research base's 6-word runs and sentence word sets, hashed (see data/originality.ts).
const FINGERPRINT = fingerprint as ResearchFingerprint;

describe('purposes', () => {
  it('are one or two short sentences (≤ 45 words)', () => {
    for (const s of clusters) {
      expect(s.purpose.split(/\s+/).length, s.id).toBeLessThanOrEqual(45);
      expect(sentences(s.purpose).length, s.id).toBeLessThanOrEqual(2);
    }
  });

  it('share no run of 6 words with the research base', () => {
    const runs = new Set(FINGERPRINT.runs);
    const texts = clusters.flatMap((s) => [s.purpose, ...s.members.flatMap((m) => (m.note ? [m.note] : []))].map((text) => ({ id: s.id, text })));
    expect(texts.filter(({ text }) => [...runHashes(text)].some((h) => runs.has(h))).map((x) => x.id)).toEqual([]);
  });

  it('are no near-copy of a research sentence (content words ≤ 0.9 alike)', () => {
    const theirs = FINGERPRINT.sentences.map((s) => new Set(s.split(' ')));
    const alike = clusters.flatMap((s) =>
      sentences(s.purpose)
        .map((sentence) => wordSetHashes(sentence))
        .filter((ours) => ours.size >= 6 && theirs.some((t) => jaccard(ours, t) > 0.9))
        .map(() => s.id),
    );
    expect(alike).toEqual([]);
  });
});

type Corruption = [name: string, corrupt: (d: Dataset) => void, expected: string];
const first = (d: Dataset): RegionalStrategy => {
  const s = d.clusters[0];
  if (!s) throw new Error('no strategy');
  return s;
};
const lowSource = sources.find((s) => s.reliability === 'low');

const CORRUPTIONS: Corruption[] = [
  ['a duplicate strategy', (d) => d.clusters.push(structuredClone(first(d))), 'duplicate id'],
  ['an unknown member region', (d) => { Object.assign(first(d).members[0]!, { region: 'taiwan' }); }, 'expected one of'],
  ['a member listed twice', (d) => first(d).members.push({ ...first(d).members[0]! }), 'a region is listed twice'],
  ['a partial member without a note', (d) => { first(d).members[0]!.partial = true; delete first(d).members[0]!.note; }, 'a partial member needs a note'],
  ['a term that is a city name', (d) => first(d).termsEn.push('Shenzhen'), '"Shenzhen" is already a name of city:shenzhen'],
  ['a term that is a region name', (d) => first(d).termsZh.push('河北'), 'is already a name of region:hebei'],
  ['a term two strategies claim', (d) => d.clusters[1]!.termsZh.push(first(d).termsZh[0]!), 'is also a term of'],
  ['an unknown source', (d) => first(d).sources.push('no-such-source'), 'unknown source "no-such-source"'],
  ['a purpose citing a low source', (d) => first(d).sources.push(lowSource!.id), 'the purpose cites a low-reliability source'],
  ['no member source', (d) => { first(d).memberSources = []; }, 'expected at least 1 entries'],
  ['an unknown kind', (d) => { Object.assign(first(d), { kind: 'zone' }); }, 'expected one of major-regional'],
  ['an unknown field', (d) => { Object.assign(first(d), { population: 1 }); }, 'unknown field "population"'],
  ['a source only a strategy cited, once nothing cites it', (d) => { d.clusters = d.clusters.filter((s) => !s.sources.includes('c1')); }, '"c1" is cited by nothing'],
];

describe('validateDataset on strategies', () => {
  it('has a low-reliability source to corrupt with', () => {
    expect(lowSource).toBeDefined();
  });

  it.each(CORRUPTIONS)('reports %s', (_name, corrupt, expected) => {
    const copy = structuredClone(DATA);
    corrupt(copy);
    const problems = validateDataset(copy);
    expect(problems.some((p) => p.includes(expected)), problems.join('\n')).toBe(true);
  });

  it('reports a clusters file that is not an array', () => {
    expect(validateDataset({ ...DATA, clusters: { gba: true } })).toContain('clusters: expected an array');
  });
});
