// @vitest-environment node
/**
 * The sectors added beyond the research pack's taxonomy: each sits in a fitting category, has
 * English and Chinese terms and records the page that names it, and the real matcher finds
 * them (and the new phrases of existing sectors) in text without taking the bare words.
 */
import { describe, expect, it } from 'vitest';
import { categories, cities, clusters, collisions, national, meta, plans, regions, sources } from '../../data';
import type { Dataset } from '../../data/schema';
import { isIsoDate, validateDataset } from '../../data/validate';
import { compileDictionary, findMatches } from '../../entrypoints/content/matcher';

const sectors = categories.flatMap((c) => c.sectors.map((s) => ({ ...s, category: c.id })));
const byId = new Map(sectors.map((s) => [s.id, s]));

const ADDED: [id: string, category: string][] = [
  ['silver-economy', 'consumption-demand'],
  ['deep-sea-technology', 'marine'],
  ['lithium-batteries', 'energy-green'],
  ['uhv-transmission', 'energy-green'],
  ['new-type-urbanization', 'opening-regional'],
  ['big-data', 'digital-ai'],
];

describe('sectors added beyond the research pack', () => {
  it.each(ADDED)('%s is in %s, with terms in both languages and a dated, graded source', (id, category) => {
    const s = byId.get(id);
    expect(s?.category).toBe(category);
    expect(s?.termsEn.length).toBeGreaterThan(0);
    expect(s?.termsZh.length).toBeGreaterThan(0);
    expect(s?.source?.url).toMatch(/^https?:\/\/\S+$/);
    expect(s?.source?.date === 'undated' || isIsoDate(s?.source?.date)).toBe(true);
    expect(['high', 'medium']).toContain(s?.source?.reliability);
    expect(s?.source?.publisher.length).toBeGreaterThan(0);
    expect(s?.source?.title.length).toBeGreaterThan(0);
  });
});

describe('the real matcher on sector phrases', () => {
  const dictionary = compileDictionary({ regions, cities, categories, collisions });
  const sectorIds = (text: string): string[] => findMatches(dictionary, text).filter((m) => m.kind === 'sector').map((m) => m.id);

  it.each([
    ['The silver economy is growing as the population ages.', ['silver-economy']],
    ['发展银发经济，培育养老产业。', ['silver-economy', 'silver-economy']],
    ['Hainan backs deep-sea technology and deep-sea mining trials.', ['deep-sea-technology', 'deep-sea-technology']],
    ['推动深海科技与深海装备发展', ['deep-sea-technology', 'deep-sea-technology']],
    ['Output of lithium-ion batteries and power batteries rose.', ['lithium-batteries', 'lithium-batteries']],
    ['锂电池、固态电池和钠离子电池', ['lithium-batteries', 'lithium-batteries', 'lithium-batteries']],
    ['A new UHV line and more ultra-high-voltage transmission links.', ['uhv-transmission', 'uhv-transmission']],
    ['特高压输电工程支撑西电东送。', ['uhv-transmission', 'uhv-transmission']],
    ['The plan deepens people-centered new urbanization.', ['new-type-urbanization']],
    ['深入推进新型城镇化', ['new-type-urbanization']],
    ['Guizhou built its economy on big data.', ['big-data']],
    ['大数据产业规模扩大', ['big-data']],
    ['a green transformation of industry', ['green-transition']],
    ['multimodal transportation hubs', ['multimodal-logistics']],
  ])('%s', (text, expected) => {
    expect(sectorIds(text)).toEqual(expected);
  });

  it.each([
    'Lithium prices fell again.',
    'Silver prices rose.',
    'Urbanization slowed last year.',
    '城镇化率继续提高。',
    'The data were released on Monday.',
  ])('takes no new sector from: %s', (text) => {
    const added = new Set(ADDED.map(([id]) => id));
    expect(sectorIds(text).filter((id) => added.has(id))).toEqual([]);
  });
});

describe('validateDataset on a sector source', () => {
  const DATA: Dataset = { regions, cities, collisions, sectors: categories, plans, national, clusters, sources, meta };
  const addedSector = (d: Dataset) => {
    const s = d.sectors.flatMap((c) => c.sectors).find((x) => x.id === 'silver-economy');
    if (!s?.source) throw new Error('no silver-economy source');
    return s.source;
  };

  it.each([
    ['an impossible date', (d: Dataset) => { addedSector(d).date = '2024-02-30'; }, 'expected YYYY-MM-DD or "undated"'],
    ['a missing URL', (d: Dataset) => { addedSector(d).url = 'people.cn'; }, 'expected an http(s) URL'],
    ['an unknown grade', (d: Dataset) => { Object.assign(addedSector(d), { reliability: 'good' }); }, 'expected one of high, medium, low'],
    ['an unknown field', (d: Dataset) => { Object.assign(addedSector(d), { author: 'x' }); }, 'unknown field "author"'],
  ])('reports %s', (_name, corrupt, expected) => {
    const copy = structuredClone(DATA);
    corrupt(copy);
    const problems = validateDataset(copy);
    expect(problems.some((p) => p.includes(expected)), problems.join('\n')).toBe(true);
  });
});
